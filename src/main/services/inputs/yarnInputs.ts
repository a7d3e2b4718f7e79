// The yarn plan's input: the snapshot's entities as they are (the engine's inputs pick their fields), the ERP
// reports to learn BOM % and rates from, and the planner's BOM/rate overrides.
import type { PlanningData } from '../../../shared/domain/entities';
import type { BomOverride, ErpDemandReport, RateOverride, YarnPlanInput } from '../../engine/yarn/types';

/** The part of a snapshot that carries ERP reports, for learning BOM % and rates across snapshots. */
export type ReportSnapshot = Pick<PlanningData, 'asOf' | 'erpReports' | 'erpStyleDemand' | 'knitOrders'>;

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
        knitOrders: kind === 'by-style-ko' && withKnitOrders ? d.knitOrders : undefined,
        rows: rowsByReport.get(r.reportId) ?? [],
      } satisfies ErpDemandReport;
    });
}

export interface PlannerOverrides {
  bomOverrides?: BomOverride[];
  rateOverrides?: RateOverride[];
}

/**
 * The yarn plan's input for a snapshot. `reportHistory` lists the ERP reports to learn from (the snapshot's own and
 * earlier ones, or only earlier ones for an honest calibration). Sales orders: the open lines of finished fabric
 * (a greige sale has no finished style to bridge).
 */
export function yarnPlanInput(d: PlanningData, reportHistory: ReportSnapshot[], overrides: PlannerOverrides = {}): YarnPlanInput {
  return {
    knitOrders: d.knitOrders,
    bomLines: d.bomLines,
    bomExportAsOf: d.sources.bomLines === d.snapshotId ? d.asOf : null,
    knitRates: d.knitRates,
    knitRatesAsOf: null,
    erpReports: reportHistory.flatMap((s) => erpStyleReports(s)),
    bomOverrides: overrides.bomOverrides,
    rateOverrides: overrides.rateOverrides,
    yarns: d.yarns,
    expectedReceipts: d.expectedReceipts,
    salesOrders: d.salesOrders.filter((so) => so.balanceQty > 0 && so.finishedBase),
    fabricRolls: d.fabricRolls,
  };
}
