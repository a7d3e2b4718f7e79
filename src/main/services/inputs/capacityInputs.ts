// The machine load's and the knit schedule's input: the open knit orders with the planner's pins, the machines
// and greige styles as imported, the yarn plan's rates and shortages, and the plan run's calendar (its weeks and
// the plant calendar).
import type { PlanningData } from '../../../shared/domain/entities';
import type { PolicyTable } from '../../../shared/policy';
import type { PlanningCalendar } from '../../engine/calendar';
import type { YarnPlan } from '../../engine/yarn/types';
import type { CapacityInput, OrderYarn, RateInfo } from '../../engine/capacity';
import type { PlannerSettings } from './plannerSettings';

/** Capacity and scheduling input: open knit orders with the yarn plan's rates (and their provenance) and shortages. */
export function capacityInput(
  d: PlanningData,
  yarn: YarnPlan,
  settings: PlannerSettings,
  policy: PolicyTable,
  calendar: PlanningCalendar,
): CapacityInput {
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
      const short = new Map((shortByOrder.get(k.koNumber) ?? []).map((y) => [y.yarnId, y.firstShortWeek]));
      yarns.set(
        k.koNumber,
        (bomByStyle.get(k.style) ?? []).map((l) => ({ yarnId: l.yarnId, firstShortWeek: short.get(l.yarnId) })),
      );
      const pin = pins.get(k.koNumber);
      return { ...k, pinnedMachine: pin?.machineId, pinnedStart: pin?.start };
    });
  return {
    calendar,
    machines: d.machines,
    styles: d.greigeStyles,
    orders,
    rates,
    yarns,
  };
}
