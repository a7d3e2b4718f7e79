// Plant calendar: working weekdays, holidays and per-machine downtime, on a continuous day axis.
// Time `t` = day number (days since 1970-01-01, see shared/dates) + the fraction of that day already used.
// Knitting is fractional: an order needing 2.5 days that starts at the beginning of a Monday ends mid-Wednesday.
import { isIsoDate, toDayNumber } from '../../../shared/dates';
import type { PlantCalendar } from './types';

const EPS = 1e-9;

export interface WorkCalendar {
  workDaysPerWeek: number;
  isWorkWeekday(day: number): boolean;
  isHoliday(day: number): boolean;
  isDown(day: number, machineId: string | undefined): boolean;
  isWorking(day: number, machineId: string | undefined): boolean;
  /** False when the machine has no downtime, so it follows the plant calendar. */
  hasDowntime(machineId: string | undefined): boolean;
}

/** ISO weekday (Mon 1 .. Sun 7) of a day number; day 0 (1970-01-01) is a Thursday. */
export function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function compileCalendar(calendar: PlantCalendar): WorkCalendar {
  // Unparseable dates are skipped: the contract validates edits, this only keeps a bad row from stopping a plan.
  const holidays = new Set(calendar.holidays.filter(isIsoDate).map(toDayNumber));
  const downtime = new Map<string, Array<[number, number]>>();
  for (const w of calendar.downtime) {
    if (!isIsoDate(w.from) || !isIsoDate(w.to)) continue;
    const id = w.machineId.trim();
    const list = downtime.get(id) ?? [];
    list.push([toDayNumber(w.from), toDayNumber(w.to)]);
    downtime.set(id, list);
  }
  const workDaysPerWeek = calendar.workDaysPerWeek;
  const isWorkWeekday = (day: number) => weekdayOfDay(day) <= workDaysPerWeek;
  const isHoliday = (day: number) => holidays.has(day);
  const isDown = (day: number, machineId: string | undefined) => {
    if (machineId === undefined) return false;
    const list = downtime.get(machineId);
    if (!list) return false;
    for (const [from, to] of list) if (day >= from && day <= to) return true;
    return false;
  };
  return {
    workDaysPerWeek,
    isWorkWeekday,
    isHoliday,
    isDown,
    isWorking: (day, machineId) => isWorkWeekday(day) && !holidays.has(day) && !isDown(day, machineId),
    hasDowntime: (machineId) => machineId !== undefined && downtime.has(machineId),
  };
}

/** The first moment at or after `t` when the machine can knit, or null if none before `limitDay`. */
export function nextWorkingTime(cal: WorkCalendar, machineId: string | undefined, t: number, limitDay: number): number | null {
  let day = Math.floor(t + EPS);
  let frac = Math.max(0, t - day);
  if (frac > 1 - EPS) {
    day += 1;
    frac = 0;
  }
  while (day < limitDay) {
    if (cal.isWorking(day, machineId)) return day + frac;
    day += 1;
    frac = 0;
  }
  return null;
}

/** When knitting `days` working days from `t` ends, or null if it cannot end before `limitDay`. */
export function addWorkingTime(cal: WorkCalendar, machineId: string | undefined, t: number, days: number, limitDay: number): number | null {
  let day = Math.floor(t + EPS);
  let frac = Math.min(1, Math.max(0, t - day));
  let remaining = days;
  while (day < limitDay) {
    if (cal.isWorking(day, machineId)) {
      const free = 1 - frac;
      if (remaining <= free + EPS) return day + frac + remaining;
      remaining -= free;
    }
    day += 1;
    frac = 0;
  }
  return null;
}

/** Working days of a machine in [fromDay, toDay) (whole days). */
export function workingDaysIn(cal: WorkCalendar, machineId: string | undefined, fromDay: number, toDay: number): number {
  let n = 0;
  for (let d = fromDay; d < toDay; d++) if (cal.isWorking(d, machineId)) n++;
  return n;
}

/** ISO date of the day containing the last moment before `t` (the finish date of work ending at `t`). */
export function finishDayOf(t: number): number {
  return Math.ceil(t - EPS) - 1;
}

export function startDayOf(t: number): number {
  return Math.floor(t + EPS);
}
