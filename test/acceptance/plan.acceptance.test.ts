// The integrated plan on the real 2025-09-02 exports: purchasing, capacity and scenarios checked against properties
// that must hold and against hand-computed figures. Skipped when ../shared/data/erp is absent.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupplierMatcher } from '../../src/main/engine/purchasing';
import { loadPlanningData } from '../../src/main/store/entities';
import { putPoDraft } from '../../src/main/store/poDrafts';
import { checkMrpProperties } from '../../src/main/engine/purchasing';
import { ALL_PLAN_SECTIONS, readPlanOf } from '../../src/main/services/jobs/planSections';
import type { Plan } from '../../src/main/services/jobs/computePlan';
import { shortageRows } from '../../src/main/services/views/yarnTables';
import { erpPath, hasErpData } from '../support/erpData';
import { importRealHistory, runJob, type RealPlanStore } from '../support/realPlan';

let store: RealPlanStore;
let plan: Plan;
let snapshotId: number;
afterAll(() => store?.cleanup());

describe.skipIf(!hasErpData)('the integrated plan on the real 2025-09-02 exports', () => {
  beforeAll(async () => {
    store = await importRealHistory();
    snapshotId = store.snapshotIds['2025-09-02'];
    await runJob(store.planner, store.planner.handlers['plan.run']({ snapshotId }));
    plan = readPlanOf(store.planner.db, snapshotId, 0, ALL_PLAN_SECTIONS)!;
  }, 240_000);

  it('imports the three snapshots in date order with masters valid across them', () => {
    expect(Object.keys(store.snapshotIds)).toEqual(['2025-08-22', '2025-08-28', '2025-09-02']);
    expect(plan.asOf).toBe('2025-09-02');
  });

  it('gives every yarn the plan shows short either a purchase suggestion or the reason there is none', () => {
    const rows = shortageRows(plan);
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) expect(r.suggestion ?? r.noSuggestionReason, `yarn ${r.yarnId}`).toBeTruthy();
  });

  it('keeps MRP properties: MOQ and multiples, safety stock after lead time unless flagged, receipts cover requirements', () => {
    expect(checkMrpProperties(plan.purchasing, plan.policy.purchasing)).toEqual([]);
  });

  it('schedules every open knit order or states why it cannot', () => {
    const open = new Set(plan.yarn.demand.phases.map((p) => p.orderNo).concat(plan.yarn.demand.noBom.map((o) => o.orderNo)));
    const scheduled = plan.schedule.orders.map((o) => o.orderNo);
    const unschedulable = plan.schedule.unschedulable.map((o) => o.orderNo);
    expect(new Set([...scheduled, ...unschedulable]).size).toBe(scheduled.length + unschedulable.length);
    for (const ko of open) expect(scheduled.includes(ko) || unschedulable.includes(ko), ko).toBe(true);
    for (const u of plan.schedule.unschedulable) expect(u.message.length).toBeGreaterThan(0);
    for (const o of plan.schedule.orders) {
      expect(o.plannedFinish >= o.plannedStart).toBe(true);
      expect(o.knitDays).toBeCloseTo(o.balanceLbs / o.rateLbsPerDay, 6);
    }
  });

  it('schedules a few orders exactly as computed by hand from the exports', () => {
    const order = (ko: string) => plan.schedule.orders.find((o) => o.orderNo === ko)!;
    // K2508010, style CF5459/0 on machine 58: balance 2,400 lbs (eFab_Knit_Orders), Production Lbs 866.7733 lbs/day
    // -> 2,400 / 866.7733 = 2.7689 days. Start date 2025-08-25 is past -> starts at the as-of date, Tue 2025-09-02;
    // Tue 1 + Wed 1 + Thu 0.77 -> finishes Thu 2025-09-04.
    expect(order('K2508010')).toMatchObject({
      machineId: '58',
      plannedStart: '2025-09-02',
      plannedFinish: '2025-09-04',
      rateSource: 'production-lbs',
    });
    expect(order('K2508010').knitDays).toBeCloseTo(2400 / 866.7732859, 6);
    // K2508071, same style and machine: balance 3,600 - 886.8 G00 = 2,713.2 lbs, start date Mon 2025-09-15 (after the
    // first order is done) -> 2,713.2 / 866.7733 = 3.1302 days: Mon, Tue, Wed + 0.13 of Thu -> finishes 2025-09-18.
    expect(order('K2508071')).toMatchObject({ machineId: '58', plannedStart: '2025-09-15', plannedFinish: '2025-09-18' });
    expect(order('K2508071').knitDays).toBeCloseTo(2713.2 / 866.7732859, 6);
    // K2506051 (CF5105/0) has no machine in the export: the scheduler assigns it a machine of its work center.
    expect(order('K2506051').assignment).toBe('assigned');
    expect(order('K2506051').knitDays).toBeCloseTo(1517.6 / 689.6230664, 6);
  });

  it('loads each machine with exactly the days of its orders', () => {
    const days = new Map<string, number>();
    for (const o of plan.schedule.orders) days.set(o.machineId, (days.get(o.machineId) ?? 0) + o.knitDays);
    for (const m of plan.load.machines) {
      const mine = plan.schedule.orders.filter((o) => m.orderNos.includes(o.orderNo)).reduce((t, o) => t + o.knitDays, 0);
      expect(m.daysRequired).toBeCloseTo(mine, 6);
    }
  });
});

describe.skipIf(!hasErpData)('PO drafts and printed reports on the real 2025-09-02 exports', () => {
  it('accepted suggestions become drafts that count as receipts, survive a re-import, and close when the ERP has the PO', async () => {
    const { handlers } = store.planner;
    const suggestion = plan.purchasing.suggestions.find((s) => s.action === 'release')!;
    expect(suggestion).toBeTruthy();
    const [draft] = await handlers['drafts.accept']({ suggestionIds: [suggestion.id], snapshotId });
    expect(draft).toMatchObject({ yarnId: suggestion.yarnId, qtyLbs: suggestion.qtyLbs, status: 'accepted' });
    await runJob(store.planner, handlers['plan.run']({ snapshotId }));
    const replanned = readPlanOf(store.planner.db, snapshotId, 0, ALL_PLAN_SECTIONS)!;
    const item = replanned.purchasing.items.find((i) => i.yarnId === suggestion.yarnId)!;
    expect(item.weeks.scheduledReceipts.reduce((t, v) => t + v, 0)).toBeGreaterThanOrEqual(suggestion.qtyLbs);
    expect(replanned.purchasing.suggestions.some((s) => s.yarnId === suggestion.yarnId && s.receiptDate === suggestion.receiptDate)).toBe(false);

    // Re-importing the same snapshot (unchanged files) keeps the planner's drafts.
    await runJob(store.planner, handlers['import.start']({ paths: [erpPath('snapshots', '2025-09-02')] }));
    expect((await handlers['drafts.list']({})).map((d) => d.draftId)).toContain(draft.draftId);

    // A draft for what the ERP already has as a real PO (same yarn, supplier, quantity, ordered in the window) closes.
    const data = loadPlanningData(store.planner.db, snapshotId);
    const matcher = createSupplierMatcher(data.suppliers, [], plan.policy.purchasing);
    const po = data.yarnPos.find((p) => p.orderedAt && matcher.match(p.supplier).supplierId)!;
    expect(po, 'an ERP PO with an order date whose supplier is in the supplier master').toBeTruthy();
    const supplierId = matcher.match(po.supplier).supplierId;
    const orderDate = po.orderedAt!.slice(0, 10);
    putPoDraft(
      store.planner.db,
      {
        draftId: 'D-ERP-CHECK',
        yarnId: po.yarnId,
        supplierId,
        qtyLbs: po.qtyLbs,
        receiptDate: orderDate,
        releaseDate: orderDate,
        status: 'accepted',
      },
      '2025-09-02T09:00:00',
    );
    await runJob(store.planner, handlers['plan.run']({ snapshotId }));
    const closed = (await handlers['drafts.list']({})).find((d) => d.draftId === 'D-ERP-CHECK')!;
    expect(closed).toMatchObject({ status: 'closed', erpPoNumber: po.poNumber });
  });

  it('prints the machine schedule of the real plan with its header on every page and every scheduled order once', async () => {
    const file = await store.planner.handlers['reports.render']({ report: 'machineSchedule', format: 'pdf', snapshotId });
    const dir = join(__dirname, '../../test-output/reports');
    mkdirSync(dir, { recursive: true });
    const pdf = join(dir, 'machine_schedule_2025-09-02.pdf');
    writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'])
      .toString()
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain('Machine schedule');
      expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}`));
    });
    const text = pages.join('\n');
    for (const o of plan.schedule.orders) expect(text.split(o.orderNo).length - 1, o.orderNo).toBeGreaterThanOrEqual(1);
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '2', pdf, join(dir, 'machine_schedule_2025-09-02')]);
  });

  it('exports the shortage report as XLSX with one sheet per table', async () => {
    const file = await store.planner.handlers['reports.render']({ report: 'shortages', format: 'xlsx', snapshotId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((w) => w.name.startsWith('Every short yarn'))!;
    // The report prints the current plan (the drafts test above re-planned it).
    const current = readPlanOf(store.planner.db, snapshotId, 0, ALL_PLAN_SECTIONS)!;
    expect(sheet.rowCount - 1).toBe(shortageRows(current).length);
  });
});

describe.skipIf(!hasErpData)('scenarios on the real 2025-09-02 exports', () => {
  let local: RealPlanStore;
  let base: Plan;
  const planScenario = async (
    name: string,
    overrides: Parameters<RealPlanStore['planner']['handlers']['scenarios.addOverride']>[0]['override'][],
  ) => {
    const { handlers } = local.planner;
    const s = await handlers['scenarios.create']({ name, snapshotId: local.snapshotIds['2025-09-02'] });
    for (const o of overrides) await handlers['scenarios.addOverride']({ id: s.id, override: o });
    await runJob(local.planner, handlers['scenarios.plan']({ id: s.id }));
    return { id: s.id, plan: readPlanOf(local.planner.db, local.snapshotIds['2025-09-02'], s.id, ALL_PLAN_SECTIONS)! };
  };

  beforeAll(async () => {
    local = await importRealHistory();
    const sid = local.snapshotIds['2025-09-02'];
    await runJob(local.planner, local.planner.handlers['plan.run']({ snapshotId: sid }));
    base = readPlanOf(local.planner.db, sid, 0, ALL_PLAN_SECTIONS)!;
  }, 240_000);
  afterAll(() => local?.cleanup());

  it('a demand multiplier of 1.0 changes nothing', async () => {
    const { id } = await planScenario('no change', [{ kind: 'demandMultiplier', target: { by: 'layer', layer: 'knitOrders' }, multiplier: 1 }]);
    const { comparison, alertsAdded, alertsRemoved } = await local.planner.handlers['scenarios.compare']({ a: 0, b: id });
    expect(comparison.identical).toBe(true);
    expect(Object.values(comparison.deltas).every((d) => d === 0)).toBe(true);
    expect([alertsAdded, alertsRemoved]).toEqual([[], []]);
  });

  it("delaying a PO past a covered yarn's need makes that yarn short and raises an alert", async () => {
    // A yarn that is never short in the base plan but needs a receipt that arrives within the horizon to stay so.
    const weeks = base.yarn.weeks;
    const candidate = base.yarn.projection.find((p) => {
      if (p.shortage) return false;
      const firstReceipt = p.receipts.weeklyLbs.findIndex((v) => v > 0);
      if (firstReceipt < 0 || firstReceipt > 20) return false;
      const demandAfter = p.demand.weeklyLbs.slice(firstReceipt).reduce((t, v) => t + v, 0);
      return (
        p.balanceWeeklyLbs[firstReceipt] - p.receipts.weeklyLbs[firstReceipt] < 0 ||
        demandAfter > p.balanceWeeklyLbs[firstReceipt] - p.receipts.weeklyLbs[firstReceipt]
      );
    });
    expect(candidate, 'a yarn covered only thanks to a receipt').toBeTruthy();
    const w = candidate!.receipts.weeklyLbs.findIndex((v) => v > 0);
    const po = base.receiptLines.find((r) => r.yarnId === candidate!.yarnId && r.weekStart === weeks[w])!;
    const { id, plan } = await planScenario('PO late', [
      { kind: 'poReceipt', poNumber: po.poNo, yarnId: candidate!.yarnId, moveToWeek: weeks[weeks.length - 1] },
    ]);
    const moved = plan.yarn.projection.find((p) => p.yarnId === candidate!.yarnId)!;
    expect(moved.shortage).not.toBeNull();
    const { comparison, alertsAdded } = await local.planner.handlers['scenarios.compare']({ a: 0, b: id });
    expect(comparison.shortages.find((s) => s.yarnId === candidate!.yarnId)?.change).toBe('appears');
    expect(alertsAdded.map((a) => a.key)).toContain(`yarn-short:${candidate!.yarnId}`);
  });

  it('machine downtime makes the orders on that machine late', async () => {
    const onTime = base.schedule.orders.filter((o) => !o.late && o.quotedDate && o.latenessDays !== null && o.latenessDays > -30);
    const target = onTime.sort((a, b) => (b.latenessDays ?? 0) - (a.latenessDays ?? 0))[0];
    expect(target, 'an on-time order with a quoted date').toBeTruthy();
    const { id, plan } = await planScenario('machine down', [
      { kind: 'machineDowntime', machineId: target.machineId, from: base.asOf, to: target.quotedDate! },
    ]);
    const after = plan.schedule.orders.find((o) => o.orderNo === target.orderNo)!;
    expect(after.late).toBe(true);
    expect(after.plannedStart > target.quotedDate!).toBe(true);
    const { comparison } = await local.planner.handlers['scenarios.compare']({ a: 0, b: id });
    expect(comparison.orders.some((o) => o.koNumber === target.orderNo)).toBe(true);
    expect(comparison.deltas.lateOrders).toBeGreaterThan(0);
  });
});
