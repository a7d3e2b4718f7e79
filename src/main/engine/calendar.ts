// The planning calendar of one plan run: the as-of date, the plan weeks (ONE horizon, from the as-of week) and the
// plant calendar (working days a week, holidays, machine downtime). services/jobs/computePlan.ts builds it once per
// run and hands it to every engine area, so the yarn projection, the purchasing MRP, the machine load and the
// alerts plan the same weeks: no area builds weeks of its own, and no area's input is padded to another's horizon.
import { addDays, mondayOf, type IsoDate } from '../../shared/dates';
import type { DowntimeWindow } from '../../shared/domain/plantCalendar';
import type { CalendarPolicy } from '../../shared/policy/calendar';

/** The part of the calendar that says which weeks are planned. */
export type PlanWeeks = Pick<PlanningCalendar, 'asOf' | 'weekStarts'>;

export interface PlanningCalendar {
  asOf: IsoDate;
  /** Monday of each plan week; [0] is the ISO week of the as-of date. */
  weekStarts: IsoDate[];
  /** Working days per week, Monday first (6 = Monday..Saturday). */
  workDaysPerWeek: number;
  /** Days no machine knits (planner data). */
  holidays: IsoDate[];
  /** Machine downtime windows (planner data). */
  downtime: DowntimeWindow[];
}

/** The plan weeks of `horizonWeeks` from the as-of week: their Mondays. */
export function planWeekStarts(asOf: IsoDate, horizonWeeks: number): IsoDate[] {
  const monday = mondayOf(asOf);
  return Array.from({ length: horizonWeeks }, (_, k) => addDays(monday, 7 * k));
}

export function planningCalendar(
  asOf: IsoDate,
  policy: CalendarPolicy,
  plant: { holidays: readonly IsoDate[]; downtime: readonly DowntimeWindow[] } = { holidays: [], downtime: [] },
): PlanningCalendar {
  return {
    asOf,
    weekStarts: planWeekStarts(asOf, policy.horizonWeeks),
    workDaysPerWeek: policy.workDaysPerWeek,
    holidays: [...plant.holidays],
    downtime: [...plant.downtime],
  };
}

/** The Monday after the last plan week: where the plan's horizon ends. */
export function horizonEnd(calendar: PlanWeeks): IsoDate {
  return addDays(mondayOf(calendar.asOf), 7 * calendar.weekStarts.length);
}
