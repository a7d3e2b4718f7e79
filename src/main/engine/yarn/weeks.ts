// Plan weeks and the ERP's bucket layout ("This Week", "Week NN" x 8, "Later") on top of the shared ISO-week helpers.
import { addDays, isoWeek, isoWeekday, mondayOf, weeksBetween, type IsoDate } from '../../../shared/dates';
import type { YarnPolicy } from '../../../shared/policy/yarn';
import { planWeekStarts, type PlanWeeks } from '../calendar';
import type { WeeklySeries } from './types';

/**
 * The yarn plan's weeks: the planning calendar's, and never fewer than the ERP layout's "This Week" and numbered
 * weeks (its tables fold only what lies past them into "Later"). The first weeks are the calendar's, in order.
 */
export function yarnPlanWeeks(calendar: PlanWeeks, policy: YarnPolicy): PlanWeeks {
  const erpWeeks = policy.erpNumberedWeeks + 1;
  if (calendar.weekStarts.length >= erpWeeks) return { asOf: calendar.asOf, weekStarts: calendar.weekStarts };
  return { asOf: calendar.asOf, weekStarts: planWeekStarts(calendar.asOf, erpWeeks) };
}

/** Index of `date`'s ISO week relative to the week of `asOf` (negative = earlier). */
export function weekIndex(asOf: IsoDate, date: IsoDate): number {
  return weeksBetween(asOf, date);
}

/** Half-day units from `date` to Sunday, `date` included (Mon 11, Tue 9, ..., Sat 1, Sun 0 with the defaults). */
export function halfDayUnitsToSunday(date: IsoDate, policy: YarnPolicy): number {
  const units = policy.halfDayUnitsByIsoWeekday;
  let sum = 0;
  for (let d = isoWeekday(date); d <= 7; d++) sum += units[d - 1] ?? 0;
  return sum;
}

export function halfDayUnitsPerWeek(policy: YarnPolicy): number {
  return policy.halfDayUnitsByIsoWeekday.reduce((a, b) => a + b, 0);
}

/** "This Week", "Week 37" ... (ISO week numbers of the following weeks), "Later". */
export function erpBucketLabels(asOf: IsoDate, policy: YarnPolicy): string[] {
  const labels = ['This Week'];
  for (let i = 1; i <= policy.erpNumberedWeeks; i++) labels.push(`Week ${isoWeek(addDays(mondayOf(asOf), 7 * i)).week}`);
  labels.push('Later');
  return labels;
}

/** Folds an extended series into the ERP buckets: [This Week, numbered weeks..., Later]. */
export function toErpBuckets(series: WeeklySeries, policy: YarnPolicy): number[] {
  const n = policy.erpNumberedWeeks;
  const out = series.weeklyLbs.slice(0, n + 1);
  while (out.length < n + 1) out.push(0);
  let later = series.beyondLbs;
  for (let i = n + 1; i < series.weeklyLbs.length; i++) later += series.weeklyLbs[i];
  out.push(later);
  return out;
}

export function emptySeries(weeks: number): WeeklySeries {
  return { weeklyLbs: new Array<number>(weeks).fill(0), beyondLbs: 0 };
}

/** target += factor x source (same horizon). */
export function addSeries(target: WeeklySeries, source: WeeklySeries, factor = 1): void {
  for (let i = 0; i < target.weeklyLbs.length; i++) target.weeklyLbs[i] += factor * (source.weeklyLbs[i] ?? 0);
  target.beyondLbs += factor * source.beyondLbs;
}

export function seriesTotal(series: WeeklySeries): number {
  let total = series.beyondLbs;
  for (const v of series.weeklyLbs) total += v;
  return total;
}
