// Handlers for what the planner does to a plan: accept and edit PO drafts, pin orders, acknowledge alerts, build and
// compare scenarios, print reports and export grids. Planner data lives in its own tables, never in a snapshot, so
// nothing entered is lost on re-import; each action changes single rows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FilePayload } from '../../../shared/contract';
import { rowsToCsv } from '../../../shared/csv';
import type { PoDraft } from '../../../shared/domain/poDraft';
import { comparePlans } from '../../engine/scenarios';
import { loadByWorkCenterReport, machineScheduleReport, renderPdf, renderReport, type ReportSpec } from '../../reports';
import { acknowledgeAlert, unacknowledgeAlert } from '../../store/alertAcks';
import type { Db } from '../../store/db';
import * as scenarios from '../../store/scenarios';
import { getPoDraft, listPoDrafts, putPoDraft, updatePoDraft } from '../../store/poDrafts';
import { deletePin, putPin } from '../../store/schedulePins';
import { fromDayNumber } from '../../../shared/dates';
import { checkOrderOnMachine } from './scheduleMoves';
import type { JobHost } from '../../workers/jobHost';
import { ALERT_SECTIONS, planAlerts } from '../views/alerts';
import { NotFoundError } from '../errors';
import type { Handlers } from './handlers';
import type { ActionRecorder } from './actionLogHandlers';
import { ALL_PLAN_SECTIONS } from '../jobs/planSections';
import { planOf } from '../views/planViews';
import { paperSize, purchasePlanReport, shortageReport } from '../outputs/planReports';
import { planSummary } from '../views/planSummary';
import { styleAvailability } from '../views/availability';
import { loadEntity, planningSources } from '../../store/entities';
import { purchaseOrderReport, purchaseOrdersFromDrafts, YARN_PO_COLUMNS, YARN_PO_DATE_COLUMNS, yarnPoRows } from '../outputs/purchaseOrders';

export type PdfRenderer = (html: string, pageSize: 'A4' | 'Letter') => Promise<Buffer>;

/** Chromium through playwright-core (web bridge, CLI); the Electron shell passes `printToPDF` instead. */
export const chromiumPdf: PdfRenderer = async (html, pageSize) => {
  const dir = mkdtempSync(join(tmpdir(), 'bkp-pdf-'));
  try {
    const out = join(dir, 'report.pdf');
    await renderPdf(html, out, { pageSize });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export interface ActionContext {
  db: Db;
  jobs: JobHost;
  now: () => string;
  requireSnapshot: (id?: number) => number;
  startPlan: (snapshotId: number, scenarioId?: number) => string;
  renderPdf: PdfRenderer;
  /** Runs an action's writes and logs them with the rows before and after, in one transaction. */
  log: ActionRecorder;
}

type ActionHandlers = Pick<
  Handlers,
  | 'alerts.ack'
  | 'alerts.unack'
  | 'drafts.list'
  | 'drafts.accept'
  | 'drafts.update'
  | 'drafts.export'
  | 'purchaseOrders.list'
  | 'purchaseOrders.print'
  | 'availability.check'
  | 'schedule.pin'
  | 'schedule.unpin'
  | 'scenarios.list'
  | 'scenarios.get'
  | 'scenarios.create'
  | 'scenarios.copy'
  | 'scenarios.rename'
  | 'scenarios.delete'
  | 'scenarios.addOverride'
  | 'scenarios.removeOverride'
  | 'scenarios.plan'
  | 'scenarios.compare'
  | 'reports.render'
  | 'export.xlsx'
>;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function xlsxFile(
  fileName: string,
  sheets: { name: string; columns: string[]; rows: (string | number | boolean | Date | null)[][]; dateColumns?: ReadonlySet<string> }[],
): Promise<FilePayload> {
  // loaded on first use: the library takes ~170 ms to load, which every CLI run and app start would pay
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Beverly Knits Planner';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, ' '), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.columns).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    ws.columns.forEach((c, i) => {
      c.width = Math.min(48, Math.max(10, (sheet.columns[i]?.length ?? 8) + 2));
      if (sheet.dateColumns?.has(sheet.columns[i])) c.numFmt = 'yyyy-mm-dd';
    });
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`, mimeType: XLSX_MIME, base64: buffer.toString('base64') };
}

/** A printable report's tables as worksheets (one per section with a table), with plain cell values. */
export function reportSheets(spec: ReportSpec): { name: string; columns: string[]; rows: (string | number | null)[][] }[] {
  const used = new Set<string>();
  return spec.sections
    .filter((section) => section.table)
    .map((section, i) => {
      let name = section.heading.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28) || `Sheet ${i + 1}`;
      while (used.has(name)) name = `${name.slice(0, 26)} ${i + 1}`;
      used.add(name);
      const table = section.table!;
      const cell = (v: unknown): string | number | null =>
        v === null || v === undefined ? null : typeof v === 'object' ? (v as { text: string }).text : (v as string | number);
      return { name, columns: table.columns.map((c) => c.label), rows: table.rows.map((r) => table.columns.map((c) => cell(r[c.key]))) };
    });
}

/** What two plans are compared on: their summaries and their alerts. */
const COMPARE_SECTIONS = ['snapshotId', ...ALERT_SECTIONS] as const;

export function createActionHandlers(ctx: ActionContext): ActionHandlers {
  const { db } = ctx;
  const replan = (snapshotId?: number) => ctx.startPlan(ctx.requireSnapshot(snapshotId));
  const scenario = (id: number) => {
    const s = scenarios.getScenario(db, id);
    if (!s) throw new NotFoundError(`scenario ${id} does not exist`);
    return s;
  };
  /** The open drafts as POs per supplier, with the snapshot's supplier master and yarn attributes. */
  const purchaseOrdersOf = (snapshotId?: number) => {
    const sid = ctx.requireSnapshot(snapshotId);
    const sources = planningSources(db, sid);
    const master = new Map(loadEntity(db, sid, 'yarnMaster', sources).map((m) => [m.yarnId, m]));
    const yarns = loadEntity(db, sid, 'yarnInventory', sources).map((y) => ({
      ...y,
      yarnCount: master.get(y.yarnId)?.yarnCount ?? null,
      yarnType: master.get(y.yarnId)?.yarnType ?? null,
    }));
    return purchaseOrdersFromDrafts(listPoDrafts(db), loadEntity(db, sid, 'suppliers', sources), yarns, ctx.now().slice(0, 10));
  };
  const alertBrief = (a: { key: string; severity: string; title: string; cause: string }) => ({
    key: a.key,
    severity: a.severity,
    title: a.title,
    cause: a.cause,
  });

  return {
    'alerts.ack': async ({ key, note }) => {
      ctx.log('alerts.ack', (track) => track.row('alert_ack', [key], () => acknowledgeAlert(db, key, ctx.now(), note ?? null)));
      return { acknowledged: true };
    },
    'alerts.unack': async ({ key }) => ({
      acknowledged: !ctx.log('alerts.unack', (track) => track.row('alert_ack', [key], () => unacknowledgeAlert(db, key))),
    }),

    'drafts.list': async () => listPoDrafts(db),
    'drafts.accept': async ({ suggestionIds, snapshotId }) => {
      const sid = ctx.requireSnapshot(snapshotId);
      const plan = planOf(db, sid, 0, ['purchasing', 'asOf']);
      const byId = new Map(plan.purchasing.suggestions.map((s) => [s.id, s]));
      const missing = suggestionIds.find((id) => !byId.has(id));
      if (missing) throw new NotFoundError(`suggestion ${missing} is not in the current plan (re-plan and try again)`);
      const now = ctx.now();
      // One transaction: every suggestion becomes a draft, or none does. A draft already made from the same
      // suggestion is kept as it is, unless the planner had rejected it.
      const created = ctx.log(
        'drafts.accept',
        (track) =>
          suggestionIds.flatMap((id) => {
            const s = byId.get(id)!;
            const draftId = `D-${plan.asOf}-${s.yarnId}-${s.receiptDate}`;
            const existing = getPoDraft(db, draftId);
            if (existing && existing.status !== 'rejected') return [];
            const draft: PoDraft = {
              draftId,
              yarnId: s.yarnId,
              supplierId: s.supplierId,
              supplierName: s.supplierName,
              description: s.description,
              costPerLb: s.costPerLb,
              qtyLbs: s.qtyLbs,
              receiptDate: s.receiptDate,
              releaseDate: s.releaseDate,
              status: 'accepted',
              fromSuggestionId: s.id,
            };
            track.row('po_draft', [draftId], () => putPoDraft(db, draft, now));
            return [draft];
          }),
        sid,
      );
      replan(sid);
      return created;
    },
    'drafts.update': async ({ draftId, ...change }) => {
      const edited = change.qtyLbs !== undefined || change.receiptDate !== undefined || change.supplierId !== undefined;
      const result = ctx.log('drafts.update', (track) =>
        track.row('po_draft', [draftId], () => {
          const changed = updatePoDraft(
            db,
            draftId,
            (d) => ({
              ...d,
              ...(change.qtyLbs !== undefined ? { qtyLbs: change.qtyLbs } : {}),
              ...(change.receiptDate !== undefined ? { receiptDate: change.receiptDate } : {}),
              ...(change.supplierId !== undefined ? { supplierId: change.supplierId } : {}),
              status: change.status ?? (edited ? 'edited' : d.status),
            }),
            ctx.now(),
          );
          if (!changed?.after) throw new NotFoundError(`draft ${draftId} does not exist`);
          return changed;
        }),
      );
      if (!result.after) throw new NotFoundError(`draft ${draftId} does not exist`);
      replan();
      return result.after;
    },
    'drafts.export': async ({ format, snapshotId }) => {
      const { orders, unassigned, orderDate } = purchaseOrdersOf(snapshotId);
      // Refused rather than exported without a supplier: the ERP cannot take a PO line with none.
      if (unassigned.length) {
        throw new Error(
          `${unassigned.length} open draft(s) have no supplier of the supplier master (${unassigned
            .slice(0, 3)
            .map((u) => `${u.draftId}: ${u.reason}`)
            .join('; ')}); choose a supplier or reject them first`,
        );
      }
      const rows = yarnPoRows(orders);
      const base = `YarnPO_drafts_${orderDate}`;
      if (format === 'csv') {
        const cells = rows.map((r) =>
          Object.fromEntries(
            YARN_PO_COLUMNS.map((c, i) => [c, r[i] instanceof Date ? (r[i] as Date).toISOString().slice(0, 10) : (r[i] as string | number | null)]),
          ),
        );
        return { fileName: `${base}.csv`, mimeType: 'text/csv', base64: Buffer.from(rowsToCsv(cells, YARN_PO_COLUMNS)).toString('base64') };
      }
      return xlsxFile(`${base}.xlsx`, [{ name: 'YarnPO', columns: [...YARN_PO_COLUMNS], rows, dateColumns: YARN_PO_DATE_COLUMNS }]);
    },
    'purchaseOrders.list': async ({ snapshotId }) => purchaseOrdersOf(snapshotId),
    'purchaseOrders.print': async ({ supplierId, format, snapshotId }) => {
      const list = purchaseOrdersOf(snapshotId);
      const po = list.orders.find((o) => o.supplierId === supplierId);
      if (!po) throw new NotFoundError(`no open PO draft for supplier ${supplierId}`);
      const asOf = (db.prepare('SELECT as_of FROM snapshot WHERE id = ?').get(ctx.requireSnapshot(snapshotId)) as { as_of: string }).as_of;
      const spec = purchaseOrderReport(po, asOf, ctx.now().slice(0, 19));
      const html = renderReport(spec);
      if (format === 'html') return { fileName: `${po.poNumber}.html`, mimeType: 'text/html', base64: Buffer.from(html).toString('base64') };
      const pdf = await ctx.renderPdf(html, spec.pageSize ?? 'Letter');
      return { fileName: `${po.poNumber}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') };
    },

    'availability.check': async ({ style, lbs, startDate, snapshotId, scenarioId }) => {
      const sid = scenarioId ? scenario(scenarioId).snapshotId : ctx.requireSnapshot(snapshotId);
      return styleAvailability(planOf(db, sid, scenarioId ?? 0, ['asOf', 'yarn']), { style, lbs, startDate });
    },

    // With a machine, the board's drop rules (schedule.move): refused with the reason for a machine that cannot knit
    // the style or is not on the machine list, a WC mismatch only when confirmed, the start snapped to the machine's
    // next working day. The machine the plan already has the order on is taken as it is (pinning it there moves
    // nothing; the ERP has 31 of 168 orders on a machine of another WC), its start checked and snapped. A start
    // alone is stored as given (the scheduler starts it at the next free working moment).
    'schedule.pin': async ({ orderNo, machineId, start, acceptWcMismatch }) => {
      if (machineId !== undefined) {
        const check = checkOrderOnMachine(planOf(db, ctx.requireSnapshot(), 0, ['calendar', 'schedule']), orderNo, machineId, start, true);
        if (check.verdict === 'refused' || check.startDay === null) throw new Error(check.message);
        if (check.verdict === 'warning' && !acceptWcMismatch) throw new Error(`${check.message} Confirm the WC mismatch to pin it.`);
        if (start !== undefined) start = fromDayNumber(check.startDay);
      }
      const pin = { orderNo, ...(machineId !== undefined ? { machineId } : {}), ...(start !== undefined ? { start } : {}) };
      ctx.log('schedule.pin', (track) => track.row('pin', [orderNo], () => putPin(db, pin, ctx.now())));
      return { jobId: replan(), ...(start !== undefined ? { start } : {}) };
    },
    'schedule.unpin': async ({ orderNo }) => {
      ctx.log('schedule.unpin', (track) => track.row('pin', [orderNo], () => deletePin(db, orderNo)));
      return { jobId: replan() };
    },

    'scenarios.list': async ({ snapshotId }) => scenarios.listScenarios(db, snapshotId),
    'scenarios.get': async ({ id }) => scenario(id),
    'scenarios.create': async ({ name, snapshotId }) => {
      const sid = ctx.requireSnapshot(snapshotId);
      const create = () => scenarios.createScenario(db, { snapshotId: sid, name, createdAt: ctx.now() });
      return ctx.log('scenarios.create', (track) => track.created('scenario', create, (s) => [String(s.id)]), sid);
    },
    'scenarios.copy': async ({ id, name }) => {
      const from = scenario(id);
      const copy = () => scenarios.copyScenario(db, from.id, { name, createdAt: ctx.now() });
      return ctx.log('scenarios.copy', (track) => track.created('scenario', copy, (s) => [String(s.id)]), from.snapshotId);
    },
    'scenarios.rename': async ({ id, name }) => ({
      renamed: ctx.log('scenarios.rename', (track) => track.row('scenario', [String(id)], () => scenarios.renameScenario(db, id, name))),
    }),
    'scenarios.delete': async ({ id }) => ({
      deleted: ctx.log('scenarios.delete', (track) => track.row('scenario', [String(id)], () => scenarios.deleteScenario(db, id))),
    }),
    'scenarios.addOverride': async ({ id, override }) => {
      const s = scenario(id);
      ctx.log('scenarios.addOverride', (track) => track.row('scenario', [String(id)], () => scenarios.addOverride(db, s.id, override)), s.snapshotId);
      return scenario(id);
    },
    'scenarios.removeOverride': async ({ id, overrideId }) => {
      const s = scenario(id);
      ctx.log(
        'scenarios.removeOverride',
        (track) =>
          track.row('scenario', [String(id)], () => {
            if (!scenarios.removeOverride(db, s.id, overrideId)) throw new NotFoundError(`scenario ${id} has no override ${overrideId}`);
          }),
        s.snapshotId,
      );
      return scenario(id);
    },
    'scenarios.plan': async ({ id }) => {
      const s = scenario(id);
      return { jobId: ctx.startPlan(s.snapshotId, s.id) };
    },
    'scenarios.compare': async ({ a, b }) => {
      const snapshotOf = (sid: number) => (sid ? scenario(sid).snapshotId : undefined);
      const snapshotId = ctx.requireSnapshot(snapshotOf(b) ?? snapshotOf(a));
      const planA = planOf(db, a ? scenario(a).snapshotId : snapshotId, a, COMPARE_SECTIONS);
      const planB = planOf(db, b ? scenario(b).snapshotId : snapshotId, b, COMPARE_SECTIONS);
      const alertsA = planAlerts(db, planA.snapshotId, planA).alerts;
      const alertsB = planAlerts(db, planB.snapshotId, planB).alerts;
      const keysA = new Set(alertsA.map((x) => x.key));
      const keysB = new Set(alertsB.map((x) => x.key));
      return {
        comparison: comparePlans(planSummary(planA), planSummary(planB), planA.policy.alerts),
        alertsAdded: alertsB.filter((x) => !keysA.has(x.key)).map(alertBrief),
        alertsRemoved: alertsA.filter((x) => !keysB.has(x.key)).map(alertBrief),
      };
    },

    'reports.render': async ({ report, format, snapshotId, scenarioId }) => {
      const sid = scenarioId ? scenario(scenarioId).snapshotId : ctx.requireSnapshot(snapshotId);
      const plan = planOf(db, sid, scenarioId ?? 0, ALL_PLAN_SECTIONS);
      const printedAt = ctx.now().slice(0, 19);
      const subtitle = scenarioId ? `Scenario: ${scenario(scenarioId).name}` : undefined;
      const specs: Record<typeof report, () => ReportSpec> = {
        shortages: () => shortageReport(plan, printedAt),
        purchasePlan: () => purchasePlanReport(plan, printedAt, purchaseOrdersOf(sid).orders),
        machineSchedule: () => machineScheduleReport(plan.schedule, { printedAt, subtitle, pageSize: paperSize(plan.policy) }),
        loadByWorkCenter: () =>
          loadByWorkCenterReport(plan.load, { printedAt, subtitle, policy: plan.policy.capacity, pageSize: paperSize(plan.policy) }),
      };
      const spec = { ...specs[report](), ...(subtitle ? { subtitle } : {}) };
      const html = renderReport(spec);
      const base = `${report}_${plan.asOf}${scenarioId ? `_scenario${scenarioId}` : ''}`;
      if (format === 'html') return { fileName: `${base}.html`, mimeType: 'text/html', base64: Buffer.from(html).toString('base64') };
      if (format === 'xlsx') return xlsxFile(`${base}.xlsx`, reportSheets(spec));
      const pdf = await ctx.renderPdf(html, spec.pageSize ?? paperSize(plan.policy));
      return { fileName: `${base}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') };
    },
    'export.xlsx': async ({ fileName, sheets }) => xlsxFile(fileName, sheets),
  };
}
