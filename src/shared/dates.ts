// Plant-local calendar arithmetic on ISO `YYYY-MM-DD` strings. Planning weeks are ISO weeks (Monday start).
// All functions are pure and time-zone free: dates are converted through UTC midnight only.

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

// The engines convert the same few thousand dates over and over (each a regex or a Date and a string): both ways
// are remembered, up to a bound so a long-lived process never grows without limit.
const MAX_REMEMBERED_DATES = 50_000;
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, IsoDate>();

export function toDayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  const day = Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_PER_DAY;
  if (dayNumbers.size >= MAX_REMEMBERED_DATES) dayNumbers.clear();
  dayNumbers.set(date, day);
  return day;
}

export function fromDayNumber(day: number): IsoDate {
  const known = isoDates.get(day);
  if (known !== undefined) return known;
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  if (isoDates.size >= MAX_REMEMBERED_DATES) isoDates.clear();
  isoDates.set(day, date);
  return date;
}

export function fromUtcDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function isoWeekday(date: IsoDate): number {
  // day 0 (1970-01-01) was a Thursday
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO week-numbering year and week of a date. */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = +thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

/** Label like `2025-W36`. */
export function isoWeekLabel(date: IsoDate): string {
  const { year, week } = isoWeek(date);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Whole ISO weeks from the week of `from` to the week of `to` (negative when `to` is earlier). */
export function weeksBetween(from: IsoDate, to: IsoDate): number {
  return daysBetween(mondayOf(from), mondayOf(to)) / 7;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
