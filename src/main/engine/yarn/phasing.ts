// Time phasing of knit-order yarn demand, the ERP's Yarn_Demand_By_Style_KO rule (erp-exports-profile 5a):
// start s = max(start date, as-of) (blank = as-of); weekly capacity W = 6 x lbs/day; s's week gets W x u/11 where u
// counts half-day units from s to Sunday; then W per week until the balance is used up. Phasing is done once per
// knit order in fabric lbs, then multiplied by each BOM yarn's fraction.
import type { IsoDate } from '../../../shared/dates';
import type { YarnPolicy } from '../../../shared/policy/yarn';
import { compareIds, compareText, styleKey } from './keys';
import type { KnitOrder, KoPhase, KoYarnDemand, PhasedKnitOrderDemand, ResolvedBom, ResolvedRate, WeeklySeries } from './types';
import type { PlanWeeks } from '../calendar';
import { emptySeries, halfDayUnitsPerWeek, halfDayUnitsToSunday, weekIndex } from './weeks';

export interface PhasedLbs extends WeeklySeries {
  effectiveStart: IsoDate;
  startWeekIndex: number;
}

/**
 * Spreads `totalLbs` from max(startDate, asOf) at `weeklyCapacityLbs` per week, the first week pro-rated by half-day
 * units. Without a (positive) capacity everything lands in the start week.
 */
export function phaseLbs(
  totalLbs: number,
  startDate: IsoDate | null | undefined,
  weeklyCapacityLbs: number | null,
  asOf: IsoDate,
  policy: YarnPolicy,
  weeks: number,
): PhasedLbs {
  const effectiveStart = startDate && startDate > asOf ? startDate : asOf;
  const startWeekIndex = weekIndex(asOf, effectiveStart);
  const series = emptySeries(weeks);
  const result: PhasedLbs = { ...series, effectiveStart, startWeekIndex };
  if (!(totalLbs > 0)) return result;

  if (weeklyCapacityLbs === null || !(weeklyCapacityLbs > 0)) {
    if (startWeekIndex < weeks) result.weeklyLbs[startWeekIndex] += totalLbs;
    else result.beyondLbs += totalLbs;
    return result;
  }

  let remaining = totalLbs;
  let capacity = (weeklyCapacityLbs * halfDayUnitsToSunday(effectiveStart, policy)) / halfDayUnitsPerWeek(policy);
  const negligible = totalLbs * 1e-12;
  for (let w = startWeekIndex; remaining > negligible; w++) {
    if (w >= weeks) {
      result.beyondLbs += remaining;
      break;
    }
    const lbs = Math.min(remaining, capacity);
    result.weeklyLbs[w] += lbs;
    remaining -= lbs;
    capacity = weeklyCapacityLbs;
  }
  return result;
}

function scaled(series: WeeklySeries, factor: number): WeeklySeries {
  return { weeklyLbs: series.weeklyLbs.map((v) => v * factor), beyondLbs: series.beyondLbs * factor };
}

/**
 * Open knit orders x BOM yarns of their style -> weekly yarn demand rows. Orders without a BOM are reported in
 * `noBom` (their fabric phase is kept, flagged), orders without a rate are phased into their start week and listed
 * in `noRate`. `boms` and `rates` are the resolved values per (trimmed) style.
 */
export function phaseKnitOrderDemand(
  orders: KnitOrder[],
  boms: ResolvedBom[],
  rates: ResolvedRate[],
  planWeeks: PlanWeeks,
  policy: YarnPolicy,
): PhasedKnitOrderDemand {
  const bomByStyle = new Map(boms.map((b) => [styleKey(b.style), b]));
  const rateByStyle = new Map(rates.map((r) => [styleKey(r.style), r]));
  const { asOf } = planWeeks;
  const weeks = planWeeks.weekStarts.length;
  const out: PhasedKnitOrderDemand = { phases: [], rows: [], noBom: [], notOpen: [], noRate: [], warnings: [] };

  for (const order of orders) {
    const style = styleKey(order.style);
    const orderNo = order.koNumber.trim();
    if (!(order.balanceLbs > policy.minOpenBalanceLbs)) {
      out.notOpen.push({ orderNo, style, balanceLbs: order.balanceLbs, reason: 'not-open', note: 'balance not above the open threshold' });
      continue;
    }
    const rate = rateByStyle.get(style);
    const lbsPerDay = rate?.lbsPerDay ?? null;
    const weeklyCapacityLbs = lbsPerDay !== null && lbsPerDay > 0 ? policy.knitDaysPerWeek * lbsPerDay : null;
    const phased = phaseLbs(order.balanceLbs, order.startDate, weeklyCapacityLbs, asOf, policy, weeks);

    const flags: string[] = [];
    if (!order.startDate) flags.push('start-blank');
    else if (order.startDate < asOf) flags.push('start-in-past');
    if (weeklyCapacityLbs === null) {
      flags.push('no-rate');
      out.noRate.push({ orderNo, style, balanceLbs: order.balanceLbs });
      out.warnings.push({
        code: 'no-rate',
        message: `no knitting rate for ${style}: ${order.balanceLbs} lbs placed in the start week`,
        style,
        orderNo,
      });
    }
    const bom = bomByStyle.get(style);
    if (!bom || bom.lines.length === 0) {
      flags.push('no-bom');
      out.noBom.push({
        orderNo,
        style,
        balanceLbs: order.balanceLbs,
        reason: 'no-bom',
        note: bom ? bom.provenance.note : 'style not resolved',
      });
      out.warnings.push({ code: 'no-bom', message: `no BOM for ${style}: ${order.balanceLbs} lbs create no yarn demand`, style, orderNo });
    }

    const phase: KoPhase = {
      orderNo,
      style,
      balanceLbs: order.balanceLbs,
      effectiveStart: phased.effectiveStart,
      rateLbsPerDay: weeklyCapacityLbs === null ? null : lbsPerDay,
      rateSource: rate?.provenance.source ?? 'none',
      weeklyCapacityLbs,
      weeklyLbs: phased.weeklyLbs,
      beyondLbs: phased.beyondLbs,
      flags,
    };
    out.phases.push(phase);

    for (const line of bom?.lines ?? []) {
      const row: KoYarnDemand = {
        style,
        orderNo,
        yarnId: line.yarnId,
        fraction: line.fraction,
        totalLbs: order.balanceLbs * line.fraction,
        ...scaled(phased, line.fraction),
      };
      out.rows.push(row);
    }
  }

  out.rows.sort((a, b) => compareText(a.style, b.style) || compareText(a.orderNo, b.orderNo) || compareIds(a.yarnId, b.yarnId));
  return out;
}
