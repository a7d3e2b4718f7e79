// The yarn plan's input: imported ERP entities (PlanningData) and the planner's BOM/rate overrides mapped onto the
// yarn engine's input shapes.
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
    beginningBalanceLbs: y.beginningBalanceLbs,
    receivedLbs: y.receivedLbs,
    consumedLbs: y.consumedLbs,
    adjustmentsLbs: y.adjustmentsLbs,
    theoreticalBalanceLbs: y.theoreticalBalanceLbs,
    onOrderLbs: y.onOrderLbs,
    allocatedLbs: y.allocatedLbs,
    planningBalanceLbs: y.planningBalanceLbs,
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
