// Week-bucket column headers of the ERP's time-phased reports, and their mapping to ISO weeks (Monday dates).
//   Yarn_Demand_By_Style(_KO): "This Week", "Week 37" x8, "Later"
//   Yarn_Demand:               "Demand This Week" / "Receipts Week 37" / "Balance Later" triples
//   Expected_Yarn_Report:      "Unscheduled or Past Due", "This Week", "9/12/2025" (the Friday of each week) x8, "Later"
import { addDays, fromUtcDate, isIsoDate, isoWeek, mondayOf, toDayNumber } from '../../shared/dates';
import { inDateWindow } from './cleaners';
import type { Cell } from './readers/types';

export type Bucket =
  { kind: 'pastDue' } | { kind: 'thisWeek' } | { kind: 'week'; week: number } | { kind: 'dated'; date: string } | { kind: 'later' };

export type Measure = 'demand' | 'receipts' | 'balance';

export interface BucketHeader {
  measure?: Measure;
  bucket: Bucket;
}

const MDY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function parseBucket(text: string): Bucket | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'this week') return { kind: 'thisWeek' };
  if (t === 'later') return { kind: 'later' };
  if (t === 'unscheduled or past due' || t === 'past due') return { kind: 'pastDue' };
  const w = /^(?:week|wk)\s*(\d{1,2})$/.exec(t);
  if (w && +w[1] >= 1 && +w[1] <= 53) return { kind: 'week', week: +w[1] };
  const d = MDY.exec(t);
  if (d) {
    const iso = `${d[3]}-${d[1].padStart(2, '0')}-${d[2].padStart(2, '0')}`;
    return Number.isNaN(Date.parse(iso)) ? undefined : datedBucket(iso);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return datedBucket(t);
  return undefined;
}

/** A dated column outside the dates the plan can handle is not a week bucket. */
function datedBucket(date: string): Bucket | undefined {
  return isIsoDate(date) && inDateWindow(date) ? { kind: 'dated', date } : undefined;
}

export function parseBucketHeader(cell: Cell): BucketHeader | undefined {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return undefined;
    const bucket = datedBucket(fromUtcDate(cell));
    return bucket ? { bucket } : undefined;
  }
  if (typeof cell !== 'string') return undefined;
  const m = /^\s*(demand|receipts|balance)\s+(.+)$/i.exec(cell);
  if (m) {
    const bucket = parseBucket(m[2]);
    return bucket ? { measure: m[1].toLowerCase() as Measure, bucket } : undefined;
  }
  const bucket = parseBucket(cell);
  return bucket ? { bucket } : undefined;
}

/** Monday of ISO week `week` of ISO year `year`. */
export function isoWeekMonday(year: number, week: number): string {
  return addDays(mondayOf(`${year}-01-04`), (week - 1) * 7);
}

/** The Monday of ISO week `week` in the ISO year that puts it nearest to `reference` ("Week 37" carries no year). */
export function resolveIsoWeek(week: number, reference: string): string {
  const year = isoWeek(reference).year;
  let best = isoWeekMonday(year, week);
  for (const y of [year - 1, year + 1]) {
    const candidate = isoWeekMonday(y, week);
    if (Math.abs(toDayNumber(candidate) - toDayNumber(reference)) < Math.abs(toDayNumber(best) - toDayNumber(reference))) {
      best = candidate;
    }
  }
  return best;
}

/**
 * The Monday each bucket stands for, given the Monday of the report's "This Week".
 * `pastDue` and `later` have no single week (null).
 */
export function bucketWeekStart(bucket: Bucket, thisWeekMonday: string): string | null {
  switch (bucket.kind) {
    case 'thisWeek':
      return thisWeekMonday;
    case 'week':
      return resolveIsoWeek(bucket.week, thisWeekMonday);
    case 'dated':
      return mondayOf(bucket.date);
    default:
      return null;
  }
}

/**
 * The Monday of "This Week" implied by the numbered/dated columns: the week before the first of them.
 * Week numbers need a reference date to pick their year; dated columns carry it.
 */
export function thisWeekFromBuckets(buckets: Bucket[], reference?: string): string | undefined {
  const first = buckets.find((b) => b.kind === 'week' || b.kind === 'dated');
  if (!first) return undefined;
  if (first.kind === 'dated') return addDays(mondayOf(first.date), -7);
  if (first.kind === 'week' && reference) return addDays(resolveIsoWeek(first.week, reference), -7);
  return undefined;
}
