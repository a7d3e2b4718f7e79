// The purchasing MRP's input: the yarn plan's projection per yarn and week, the supplier master as imported, the
// planner's supplier mappings, yarn supply overrides and PO drafts.
import type { PlanningData } from '../../../shared/domain/entities';
import type { PolicyTable } from '../../../shared/policy';
import type { YarnPlan } from '../../engine/yarn/types';
import type { MrpInput, MrpItem } from '../../engine/purchasing/types';
import type { PlannerSettings } from './plannerSettings';

const fitToHorizon = (values: number[], weeks: number): number[] =>
  Array.from({ length: weeks }, (_, i) => values[i] ?? 0);

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
    suppliers: d.suppliers,
    supplierMappings: settings.supplierMappings,
    yarnOverrides: settings.yarnSupplyOverrides,
    drafts: settings.poDrafts,
  };
}
