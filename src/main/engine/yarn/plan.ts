// The yarn plan in one call: resolve BOMs and rates (with provenance), phase knit-order demand, project yarn balances,
// positions, the sales-order layer, pegging and the ERP-layout tables. Pure: the as-of date and policy are inputs.
import type { YarnPolicy } from '../../../shared/policy/yarn';
import { buildBomSources, resolveBoms } from './bom';
import { demandByStyleKoTable, demandByStyleTable, yarnDemandTable } from './erpTables';
import { styleKey } from './keys';
import { learnBomFromReports, learnRatesFromReports } from './learn';
import { pegShortages } from './pegging';
import { phaseKnitOrderDemand } from './phasing';
import { inventoryIdentityWarnings, yarnPositions } from './position';
import { projectYarnBalances } from './projection';
import { buildRateSources, resolveRates } from './rates';
import { buildSalesOrderLayer, salesOrderGreigeStyles } from './salesOrders';
import type { ExpectedReceipt, ResolvedBom, StyleResolution, Warning, YarnPlan, YarnPlanInput, YarnPlanOptions } from './types';
import type { PlanWeeks } from '../calendar';
import { erpBucketLabels, yarnPlanWeeks } from './weeks';

/** The yarn plan over the planning calendar's weeks (at least the ERP layout's, see `yarnPlanWeeks`). */
export function computeYarnPlan(input: YarnPlanInput, calendar: PlanWeeks, policy: YarnPolicy, options: YarnPlanOptions = {}): YarnPlan {
  const planWeeks = yarnPlanWeeks(calendar, policy);
  const { asOf } = planWeeks;
  const reports = input.erpReports ?? [];
  const bomSources = buildBomSources({
    overrides: input.bomOverrides,
    learned: learnBomFromReports(reports),
    exportLines: input.bomLines,
    exportAsOf: input.bomExportAsOf,
  });
  const rateSources = buildRateSources({
    overrides: input.rateOverrides,
    learned: learnRatesFromReports(reports, policy),
    knitRates: input.knitRates,
    knitRatesAsOf: input.knitRatesAsOf,
  });

  const salesOrders = input.salesOrders ?? [];
  const styleKeys = [
    ...new Set([
      ...input.knitOrders.map((k) => styleKey(k.style)),
      ...salesOrderGreigeStyles(salesOrders, options.styleBridge),
      ...(options.extraStyles ?? []).map(styleKey),
    ]),
  ];
  const boms = resolveBoms(styleKeys, bomSources, policy);
  const rates = resolveRates(styleKeys, rateSources, policy);
  const styles: StyleResolution[] = boms.map((bom, i) => ({ style: bom.style, bom, rate: rates[i] }));

  const warnings: Warning[] = [];
  for (const bom of boms) for (const message of bom.warnings) warnings.push({ code: 'bom', message, style: bom.style });

  const demand = phaseKnitOrderDemand(input.knitOrders, boms, rates, planWeeks, policy);
  warnings.push(...demand.warnings);

  // The ERP lists zero rows for the BOM yarns of styles whose knit orders have no open balance.
  const bomByStyle = new Map(boms.map((b) => [b.style, b]));
  const openStyles = new Set(demand.phases.map((p) => p.style));
  const zeroStyleBoms: ResolvedBom[] = [];
  for (const style of new Set(demand.notOpen.map((o) => o.style))) {
    const bom = bomByStyle.get(style);
    if (bom && !openStyles.has(style)) zeroStyleBoms.push(bom);
  }
  const zeroYarnIds = zeroStyleBoms.flatMap((b) => b.lines.map((l) => l.yarnId));

  const koOnly = projectYarnBalances(
    { demand: demand.rows, extraYarnIds: zeroYarnIds, receipts: input.expectedReceipts, yarns: input.yarns },
    planWeeks,
    policy,
  );
  warnings.push(...koOnly.warnings);

  const soLayer = buildSalesOrderLayer(salesOrders, input.fabricRolls ?? [], input.knitOrders, boms, planWeeks, policy, options.styleBridge);

  const layered = options.includeSalesOrdersInProjection || (options.extraDemand?.length ?? 0) > 0 || (options.extraReceipts?.length ?? 0) > 0;
  const projection = layered
    ? projectYarnBalances(
        {
          demand: [...demand.rows, ...(options.includeSalesOrdersInProjection ? soLayer.yarnDemand : []), ...(options.extraDemand ?? [])],
          extraYarnIds: zeroYarnIds,
          receipts: [...input.expectedReceipts, ...(options.extraReceipts ?? [])],
          yarns: input.yarns,
        },
        planWeeks,
        policy,
      ).projections
    : koOnly.projections;

  warnings.push(...inventoryIdentityWarnings(input.yarns, policy));
  const weeks = planWeeks.weekStarts;

  return {
    asOf,
    policy,
    weeks,
    erpBuckets: erpBucketLabels(asOf, policy),
    styles,
    demand,
    projectionKoOnly: koOnly.projections,
    projection,
    positions: yarnPositions(input.yarns, projection, policy, draftTotals(options.extraReceipts ?? [])),
    salesOrders: soLayer,
    pegging: pegShortages(demand.rows, projection, weeks, policy),
    tables: {
      demandByStyleKo: demandByStyleKoTable(demand.rows, asOf, policy),
      demandByStyle: demandByStyleTable(demand.rows, zeroStyleBoms, asOf, policy),
      yarnDemand: yarnDemandTable(koOnly.projections, asOf, policy),
    },
    warnings,
  };
}

function draftTotals(receipts: ExpectedReceipt[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of receipts) totals.set(r.yarnId, (totals.get(r.yarnId) ?? 0) + r.qtyLbs);
  return totals;
}
