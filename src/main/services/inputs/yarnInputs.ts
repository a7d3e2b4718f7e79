// Maps imported ERP entities (PlanningData) and the planner's own settings onto each engine's input shapes.
import type { PlanningData } from '../../../shared/domain/entities';
import type {
  ErpDemandReport,
  ExpectedReceipt,
  KnitOrder as YarnKnitOrder,
  SalesOrder as YarnSalesOrder,
  StageStock,
  YarnInventory,
  YarnPlanInput,
  BomOverride,
  RateOverride,
} from '../../engine/yarn/types';
import type { StockStage } from '../../../shared/policy/yarn';
import type { PolicyTable } from '../../../shared/policy';
import type { YarnPlan } from '../../engine/yarn/types';
import type { ErpPurchaseOrder, MrpInput, MrpItem, PoDraft, SupplierMasterRow, SupplierNameMapping, YarnSupplyOverride } from '../../engine/purchasing/types';
import type { CapacityInput, DowntimeWindow, OrderYarn, RateInfo } from '../../engine/capacity';
import type { Db } from '../../store/db';
import { listDowntime, listHolidays } from '../../store/plantCalendar';
import { listPoDrafts } from '../../store/poDrafts';
import { listPins } from '../../store/schedulePins';
import { readSetting, SETTINGS } from '../../store/settings';
import { listBomOverrides, listRateOverrides } from '../../store/styleOverrides';
import { listSupplierMappings, listYarnSupplyOverrides } from '../../store/supplyOverrides';

/** The part of a snapshot that carries ERP reports, for learning BOM % and rates across snapshots. */
export type ReportSnapshot = Pick<PlanningData, 'asOf' | 'erpReports' | 'erpStyleDemand' | 'knitOrders'>;

export function yarnKnitOrders(d: Pick<PlanningData, 'knitOrders'>): YarnKnitOrder[] {
  return d.knitOrders.map((k) => ({
    orderNo: k.koNumber,
    style: k.style,
    startDate: k.startDate,
    quotedDate: k.quotedDate,
    qtyOrderedLbs: k.orderedLbs,
    g00Lbs: k.g00Lbs,
    shippedLbs: k.shippedLbs,
    secondsLbs: k.secondsLbs,
    balanceLbs: k.balanceLbs,
    machine: k.machine,
  }));
}

export function yarnInventory(d: Pick<PlanningData, 'yarns'>): YarnInventory[] {
  return d.yarns.map((y) => ({
    yarnId: y.yarnId,
    description: y.description ?? '',
    supplier: y.supplier ?? '',
    color: y.color ?? '',
    beginningBalanceLbs: y.beginningLbs,
    receivedLbs: y.receivedLbs,
    consumedLbs: y.consumedLbs,
    adjustmentsLbs: y.adjustmentsLbs,
    theoreticalBalanceLbs: y.theoreticalLbs,
    onOrderLbs: y.onOrderLbs,
    allocatedLbs: y.allocatedLbs,
    planningBalanceLbs: y.planningLbs,
    costPerLb: y.costPerLb ?? 0,
  }));
}

/** Expected receipts grouped per PO line: past due, dated weeks, later. */
export function expectedReceipts(d: Pick<PlanningData, 'expectedReceipts'>): ExpectedReceipt[] {
  const byPo = new Map<string, ExpectedReceipt>();
  for (const r of d.expectedReceipts) {
    const key = `${r.poNumber}|${r.yarnId}`;
    let po = byPo.get(key);
    if (!po) byPo.set(key, (po = { poNo: r.poNumber, yarnId: r.yarnId, pastDueLbs: 0, byWeek: [], laterLbs: 0 }));
    if (r.bucket === 'pastDue') po.pastDueLbs += r.qtyLbs;
    else if (r.bucket === 'later') po.laterLbs += r.qtyLbs;
    else if (r.weekStart) po.byWeek.push({ weekMonday: r.weekStart, lbs: r.qtyLbs });
  }
  return [...byPo.values()];
}

/** A snapshot's Yarn_Demand_By_Style_KO and Yarn_Demand_By_Style as engine reports (the KO one with its run's orders). */
export function erpStyleReports(d: ReportSnapshot, withKnitOrders = true): ErpDemandReport[] {
  const rowsByReport = new Map<number, PlanningData['erpStyleDemand']>();
  for (const row of d.erpStyleDemand) {
    const list = rowsByReport.get(row.reportId) ?? [];
    list.push(row);
    rowsByReport.set(row.reportId, list);
  }
  return d.erpReports
    .filter((r) => r.type === 'erp_style_ko_demand' || r.type === 'erp_style_demand')
    .map((r) => {
      const kind = r.type === 'erp_style_ko_demand' ? 'by-style-ko' : 'by-style';
      return {
        runDate: r.runDate ?? d.asOf,
        kind,
        label: `${r.fileName} (${r.runDate ?? d.asOf})`,
        knitOrders: kind === 'by-style-ko' && withKnitOrders ? yarnKnitOrders(d) : undefined,
        rows: (rowsByReport.get(r.reportId) ?? []).map((row) => ({
          style: row.style,
          orderNo: row.koNumber,
          yarnId: row.yarnId,
          percentage: row.percentage,
          bucketsLbs: row.bucketsLbs.slice(0, -1),
          laterLbs: row.bucketsLbs[row.bucketsLbs.length - 1],
          totalLbs: row.totalLbs,
        })),
      } satisfies ErpDemandReport;
    });
}

function salesOrders(d: PlanningData): YarnSalesOrder[] {
  return d.salesOrders
    .filter((so) => so.balanceQty > 0 && so.finishedBase)
    .map((so) => ({
      soNo: so.soNumber,
      finishedStyle: so.finishedBase!,
      uom: (so.uom ?? '').toLowerCase(),
      balanceQty: so.balanceQty,
      shipDate: so.shipDate,
      quotedDate: so.quotedDate,
    }));
}

function stageStock(d: PlanningData): StageStock[] {
  const stages = new Set<string>(['F01', 'I01', 'G02', 'G00']);
  const totals = new Map<string, StageStock>();
  for (const roll of d.fabricRolls) {
    if (!stages.has(roll.stage)) continue;
    const key = `${roll.stage}|${roll.style}`;
    const t = totals.get(key) ?? { stage: roll.stage as StockStage, style: roll.style, lbs: 0 };
    t.lbs += roll.qtyLbs;
    totals.set(key, t);
  }
  return [...totals.values()];
}

export interface PlannerOverrides {
  bomOverrides?: BomOverride[];
  rateOverrides?: RateOverride[];
}

/**
 * The yarn plan's input for a snapshot. `reportHistory` lists the ERP reports to learn from (the snapshot's own and
 * earlier ones, or only earlier ones for an honest calibration).
 */
export function yarnPlanInput(d: PlanningData, reportHistory: ReportSnapshot[], overrides: PlannerOverrides = {}): YarnPlanInput {
  const bomSource = d.sources.bomLines;
  return {
    knitOrders: yarnKnitOrders(d),
    bomLines: d.bomLines.map((l) => ({ style: l.style, yarnId: l.yarnId, fraction: l.fraction })),
    bomExportAsOf: bomSource === d.snapshotId ? d.asOf : null,
    productionRates: d.knitRates.map((r) => ({ style: r.style, lbsPerDay: r.lbsPerDay })),
    productionRatesAsOf: null,
    erpReports: reportHistory.flatMap((s) => erpStyleReports(s)),
    bomOverrides: overrides.bomOverrides,
    rateOverrides: overrides.rateOverrides,
    inventory: yarnInventory(d),
    expectedReceipts: expectedReceipts(d),
    salesOrders: salesOrders(d),
    stageStock: stageStock(d),
  };
}

/** Everything the planner entered that a plan run reads: its own tables and switches, never tied to a snapshot. */
export interface PlannerSettings extends PlannerOverrides {
  includeSalesOrderLayer: boolean;
  includeForecastLayer: boolean;
  allowScheduleMoves: boolean;
  supplierMappings: SupplierNameMapping[];
  yarnSupplyOverrides: YarnSupplyOverride[];
  poDrafts: PoDraft[];
  holidays: string[];
  downtime: DowntimeWindow[];
  pins: { orderNo: string; machineId?: string; start?: string }[];
}

/** Reads it all in one transaction, so a plan never mixes data from before and after a planner's change. */
export function plannerSettings(db: Db): PlannerSettings {
  return db.transaction(() => ({
    bomOverrides: listBomOverrides(db),
    rateOverrides: listRateOverrides(db),
    includeSalesOrderLayer: readSetting(db, SETTINGS.includeSalesOrderLayer),
    includeForecastLayer: readSetting(db, SETTINGS.includeForecastLayer),
    allowScheduleMoves: readSetting(db, SETTINGS.allowScheduleMoves),
    supplierMappings: listSupplierMappings(db),
    yarnSupplyOverrides: listYarnSupplyOverrides(db),
    poDrafts: listPoDrafts(db),
    holidays: listHolidays(db),
    downtime: listDowntime(db).map(({ id: _id, ...window }) => window),
    pins: listPins(db),
  }))();
}

const fitToHorizon = (values: number[], weeks: number): number[] =>
  Array.from({ length: weeks }, (_, i) => values[i] ?? 0);

export function supplierMaster(d: Pick<PlanningData, 'suppliers'>, policy: PolicyTable): SupplierMasterRow[] {
  // The export does not state the unit of Lead_time (values 4-14); the policy says how to read it.
  const leadTimeFactor = policy.purchasing.supplierLeadTimeUnit === 'weeks' ? 7 : 1;
  return d.suppliers.map((s, i) => ({
    supplierId: s.supplierId ?? `S${i + 1}`,
    name: s.name,
    leadTimeDays: s.leadTimeWeeks === null ? null : s.leadTimeWeeks * leadTimeFactor,
    moqLbs: s.moqLbs,
    type: s.supplierType === 'Import' || s.supplierType === 'Domestic' ? s.supplierType : null,
    // "Remove" in the export, or a name the buyers marked "(Do not Use)".
    retired: s.retired || /do not use/i.test(s.name),
  }));
}

/** The ERP's open yarn POs, to recognise PO drafts the buyer has since entered in the ERP. */
export function erpPurchaseOrders(d: Pick<PlanningData, 'yarnPos'>): ErpPurchaseOrder[] {
  return d.yarnPos
    .filter((po) => po.orderedAt)
    .map((po) => ({ poNumber: po.poNumber, yarnId: po.yarnId, supplierName: po.supplier ?? '', orderDate: po.orderedAt!.slice(0, 10), qtyLbs: po.qtyLbs }));
}

/** MRP items from the yarn plan's projection: gross demand and expected receipts per week, pegged to knit orders. */
export function mrpInput(
  d: PlanningData,
  yarn: YarnPlan,
  settings: PlannerSettings,
  policy: PolicyTable,
  layers: { label: string; demand: { yarnId: string; weeklyLbs: number[] }[] }[] = [],
): MrpInput {
  const weeks = policy.purchasing.horizonWeeks;
  const sourcesByYarn = new Map<string, { source: string; lbs: number }[][]>();
  const addSource = (yarnId: string, weeklyLbs: number[], source: string) => {
    const perWeek = sourcesByYarn.get(yarnId) ?? Array.from({ length: weeks }, () => []);
    weeklyLbs.forEach((lbs, w) => {
      if (w < weeks && lbs > 0) perWeek[w].push({ source, lbs });
    });
    sourcesByYarn.set(yarnId, perWeek);
  };
  for (const row of yarn.demand.rows) addSource(row.yarnId, row.weeklyLbs, `KO ${row.orderNo} (${row.style})`);
  for (const layer of layers) for (const row of layer.demand) addSource(row.yarnId, row.weeklyLbs, layer.label);
  const yarnById = new Map(d.yarns.map((y) => [y.yarnId, y]));
  const items: MrpItem[] = yarn.projection.map((p) => {
    const inv = yarnById.get(p.yarnId);
    return {
      yarnId: p.yarnId,
      description: p.description,
      color: p.color,
      supplierName: inv?.supplier ?? p.supplier,
      onHandLbs: p.inventoryLbs,
      pastDueReceiptsLbs: p.pastDueReceiptsLbs,
      grossByWeek: fitToHorizon(p.demand.weeklyLbs, weeks),
      scheduledReceiptsByWeek: fitToHorizon(p.receipts.weeklyLbs, weeks),
      demandSourcesByWeek: sourcesByYarn.get(p.yarnId),
      costPerLb: inv?.costPerLb ?? 0,
    };
  });
  return {
    asOf: d.asOf,
    items,
    suppliers: supplierMaster(d, policy),
    supplierMappings: settings.supplierMappings,
    yarnOverrides: settings.yarnSupplyOverrides,
    drafts: settings.poDrafts,
  };
}

/** Capacity and scheduling input: open knit orders with the yarn plan's rates (and their provenance) and shortages. */
export function capacityInput(d: PlanningData, yarn: YarnPlan, settings: PlannerSettings, policy: PolicyTable): CapacityInput {
  const rates = new Map<string, RateInfo>();
  for (const s of yarn.styles) {
    if (s.rate.lbsPerDay && s.rate.lbsPerDay > 0) rates.set(s.style, { rateLbsPerDay: s.rate.lbsPerDay, source: s.rate.provenance.source });
  }
  const pins = new Map(settings.pins.map((p) => [p.orderNo, p]));
  const shortByOrder = new Map(yarn.pegging.byOrder.map((o) => [o.orderNo, o.yarns]));
  const bomByStyle = new Map(yarn.styles.map((s) => [s.style, s.bom.lines]));
  const yarns = new Map<string, OrderYarn[]>();
  const orders = d.knitOrders
    .filter((k) => k.balanceLbs > policy.yarn.minOpenBalanceLbs)
    .map((k) => {
      const style = k.style.trim();
      const short = new Map((shortByOrder.get(k.koNumber) ?? []).map((y) => [y.yarnId, y.firstShortWeek]));
      yarns.set(
        k.koNumber,
        (bomByStyle.get(style) ?? []).map((l) => ({ yarnId: l.yarnId, firstShortWeek: short.get(l.yarnId) })),
      );
      const pin = pins.get(k.koNumber);
      return {
        orderNo: k.koNumber,
        style,
        balanceLbs: k.balanceLbs,
        startDate: k.startDate ?? undefined,
        quotedDate: k.quotedDate ?? undefined,
        machine: k.machine ?? undefined,
        pinnedMachine: pin?.machineId,
        pinnedStart: pin?.start,
      };
    });
  return {
    asOf: d.asOf,
    machines: d.machines.map((m) => ({ machineId: m.machineId, workCenter: m.workCenter ?? undefined })),
    styles: d.greigeStyles.map((g) => ({ style: g.style, workCenter: g.workCenter ?? undefined })),
    orders,
    rates,
    calendar: { workDaysPerWeek: policy.capacity.workDaysPerWeek, holidays: settings.holidays, downtime: settings.downtime },
    yarns,
  };
}
