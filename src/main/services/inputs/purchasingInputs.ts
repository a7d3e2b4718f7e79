// The purchasing MRP's input: the yarn plan's projection per yarn and week on the planning calendar's weeks, the
// supplier master as imported, the planner's supplier mappings, yarn supply overrides and PO drafts.
import type { PlanningData } from '../../../shared/domain/entities';
import type { PlanWeeks } from '../../engine/calendar';
import type { YarnPlan } from '../../engine/yarn/types';
import type { MrpInput, MrpItem } from '../../engine/purchasing/types';
import type { PlannerSettings } from './plannerSettings';

/**
 * MRP items from the yarn plan's projection: gross demand and expected receipts per week, pegged to knit orders. The
 * yarn plan covers the calendar's weeks (and more when the ERP layout needs them), so its series are cut to the
 * calendar, never filled up: a plan whose weeks do not start with the calendar's is refused.
 */
export function mrpInput(
  d: PlanningData,
  yarn: YarnPlan,
  settings: PlannerSettings,
  calendar: PlanWeeks,
  layers: { label: string; demand: { yarnId: string; weeklyLbs: number[] }[] }[] = [],
): MrpInput {
  const weeks = calendar.weekStarts.length;
  if (calendar.weekStarts.some((w, i) => yarn.weeks[i] !== w))
    throw new Error(
      `the yarn plan's weeks (${yarn.weeks.length} from ${yarn.weeks[0]}) do not cover the planning calendar's (${weeks} from ${calendar.weekStarts[0]})`,
    );
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
      grossByWeek: p.demand.weeklyLbs.slice(0, weeks),
      scheduledReceiptsByWeek: p.receipts.weeklyLbs.slice(0, weeks),
      demandSourcesByWeek: sourcesByYarn.get(p.yarnId),
      costPerLb: inv?.costPerLb ?? 0,
    };
  });
  return {
    calendar: { asOf: calendar.asOf, weekStarts: calendar.weekStarts },
    items,
    suppliers: d.suppliers,
    supplierMappings: settings.supplierMappings,
    yarnOverrides: settings.yarnSupplyOverrides,
    drafts: settings.poDrafts,
  };
}
