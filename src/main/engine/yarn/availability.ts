// Yarn availability for a prospective knit order: phase `lbs` of `style` from `startDate` at the style's rate, explode
// it with the style's BOM, and compare the cumulative requirement of each yarn with the plan's projected balance.
// Feasible when, in every week the new order has drawn yarn (and after the horizon), balance - cumulative
// requirement stays at or above the shortage threshold. The earliest feasible start is searched week by week.
import type { IsoDate } from '../../../shared/dates';
import { styleKey } from './keys';
import { phaseLbs } from './phasing';
import type { BomSource, RateSource, ResolvedBom, ResolvedRate, WeekQty, YarnPlan, YarnProjection } from './types';
import { weekIndex } from './weeks';

export interface YarnAvailability {
  yarnId: string;
  fraction: number;
  requiredLbs: number;
  weeks: WeekQty[];
  /** Smallest (balance - cumulative requirement) over the checked weeks. */
  minHeadroomLbs: number;
  /** max(0, threshold - minHeadroom). */
  shortfallLbs: number;
  firstShortWeek: IsoDate | null;
  inPlan: boolean;
}

export interface AvailabilityResult {
  style: string;
  lbs: number;
  startDate: IsoDate;
  status: 'feasible' | 'short' | 'no-bom';
  feasible: boolean;
  rateLbsPerDay: number | null;
  rateSource: RateSource;
  bomSource: BomSource;
  yarns: YarnAvailability[];
  /** First start (the requested date, then following Mondays within the horizon) that is feasible; null if none. */
  earliestFeasibleStart: IsoDate | null;
  notes: string[];
}

type PlanView = Pick<YarnPlan, 'asOf' | 'policy' | 'weeks' | 'styles' | 'projection' | 'positions'>;

interface PlanIndex {
  projectionByYarn: Map<string, YarnProjection>;
  stockByYarn: Map<string, number>;
}

function evaluate(
  lbs: number,
  startDate: IsoDate,
  bom: ResolvedBom,
  rate: ResolvedRate | undefined,
  plan: PlanView,
  { projectionByYarn, stockByYarn }: PlanIndex,
): YarnAvailability[] {
  const policy = plan.policy;
  const horizon = plan.weeks.length;
  const lbsPerDay = rate?.lbsPerDay ?? null;
  const capacity = lbsPerDay !== null && lbsPerDay > 0 ? policy.knitDaysPerWeek * lbsPerDay : null;
  const phased = phaseLbs(lbs, startDate, capacity, plan.asOf, policy, horizon);
  const threshold = policy.shortageBelowLbs;

  return bom.lines.map(({ yarnId, fraction }) => {
    // A yarn with neither demand nor receipts is not projected: its balance stays at its stock every week.
    const projection = projectionByYarn.get(yarnId);
    const stock = stockByYarn.get(yarnId) ?? 0;
    const weeks: WeekQty[] = [];
    let cumulative = 0;
    let minHeadroom = Infinity;
    let firstShort: IsoDate | null = null;
    for (let w = 0; w < horizon; w++) {
      const need = phased.weeklyLbs[w] * fraction;
      if (need > 0) weeks.push({ weekMonday: plan.weeks[w], lbs: need });
      cumulative += need;
      if (cumulative <= 0) continue;
      const headroom = (projection ? projection.balanceWeeklyLbs[w] : stock) - cumulative;
      if (headroom < minHeadroom) minHeadroom = headroom;
      if (headroom < threshold && firstShort === null) firstShort = plan.weeks[w];
    }
    cumulative += phased.beyondLbs * fraction;
    if (cumulative > 0) {
      const headroomEnd = (projection ? projection.balanceEndLbs : stock) - cumulative;
      if (headroomEnd < minHeadroom) minHeadroom = headroomEnd;
    }
    if (minHeadroom === Infinity) minHeadroom = projection ? projection.balanceEndLbs : stock;
    return {
      yarnId,
      fraction,
      requiredLbs: lbs * fraction,
      weeks,
      minHeadroomLbs: minHeadroom,
      shortfallLbs: Math.max(0, threshold - minHeadroom),
      firstShortWeek: firstShort,
      inPlan: projection !== undefined || stockByYarn.has(yarnId),
    };
  });
}

/**
 * `extra` supplies the BOM/rate of a style that is not in the plan (resolve it with resolveBom/resolveRate).
 */
export function checkAvailability(
  style: string,
  lbs: number,
  startDate: IsoDate,
  plan: PlanView,
  extra?: { bom?: ResolvedBom; rate?: ResolvedRate },
): AvailabilityResult {
  const key = styleKey(style);
  const known = plan.styles.find((s) => s.style === key);
  const bom = extra?.bom ?? known?.bom;
  const rate = extra?.rate ?? known?.rate;
  const notes: string[] = [];
  const start = startDate > plan.asOf ? startDate : plan.asOf;
  if (start !== startDate) notes.push(`start ${startDate} is before the as-of date; checked from ${plan.asOf}`);
  const base = {
    style: key,
    lbs,
    startDate: start,
    rateLbsPerDay: rate?.lbsPerDay ?? null,
    rateSource: rate?.provenance.source ?? ('none' as RateSource),
    bomSource: bom?.provenance.source ?? ('none' as BomSource),
  };
  if (!bom || bom.lines.length === 0)
    return { ...base, status: 'no-bom', feasible: false, yarns: [], earliestFeasibleStart: null, notes: [...notes, 'style has no BOM'] };
  if (base.rateLbsPerDay === null) notes.push('no knitting rate: the whole quantity is needed in the start week');

  const index: PlanIndex = {
    projectionByYarn: new Map(plan.projection.map((p) => [p.yarnId, p])),
    stockByYarn: new Map(plan.positions.map((p) => [p.yarnId, p.theoreticalBalanceLbs])),
  };
  const feasibleAt = (s: IsoDate) => evaluate(lbs, s, bom, rate, plan, index).every((y) => y.shortfallLbs <= 0);
  const yarns = evaluate(lbs, start, bom, rate, plan, index);
  for (const y of yarns) if (!y.inPlan) notes.push(`yarn ${y.yarnId} is not in the plan: no stock or receipts assumed`);
  const feasible = yarns.every((y) => y.shortfallLbs <= 0);

  let earliest: IsoDate | null = feasible ? start : null;
  if (!feasible) {
    for (let w = weekIndex(plan.asOf, start) + 1; w < plan.weeks.length && earliest === null; w++) {
      const monday = plan.weeks[w];
      if (feasibleAt(monday)) earliest = monday;
    }
  }
  return { ...base, status: feasible ? 'feasible' : 'short', feasible, yarns, earliestFeasibleStart: earliest, notes };
}
