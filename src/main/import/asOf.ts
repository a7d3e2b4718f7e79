// The batch's as-of date, from the files' headers and contents only (never their names):
//  - day evidence (the ERP run date):
//      * Yarn_Demand_By_Style_KO: the first week of every running KO is pro-rated in half-day units from the run
//        day (Mon 11/11, Tue 9/11, Wed 7/11, Thu 5/11, Fri 3/11, Sat 1/11): This Week / next week = u/11;
//      * Yarn_Demand: "Monday Inventory" / "Tuesday Inventory" names the run weekday;
//  - week evidence (the run's ISO week): Expected_Yarn_Report's Friday-dated columns, the hand-built Yarn_Demand's
//    title-row dates, and "Week NN" headers (their year taken from the dated evidence, else the caller's as-of,
//    else the latest timestamp in the transaction files).
// The as-of is the latest run date; with week evidence only, the caller's date when it falls in that week, else
// the week's Monday (with a warning). Without any evidence the caller's as-of is used; without that, an error.
import { addDays, maxDate, mondayOf } from '../../shared/dates';
import { bucketWeekStart, resolveIsoWeek, type Bucket } from './buckets';
import type { EntityBatch, ErpReport, ErpStyleDemandRow } from './entities';
import type { ReportMeta } from './mappers/types';

export interface AsOfEvidence {
  file: string;
  precision: 'day' | 'week';
  date: string;
  how: string;
}

export interface FileFacts {
  fileName: string;
  reportId?: number;
  report?: ReportMeta;
  batch: Partial<EntityBatch>;
  /** Expected_Yarn_Report: Monday of its "This Week", when its dated columns reveal it. */
  expectedThisWeek?: string;
}

export interface AsOfResult {
  asOf?: string;
  source: 'files' | 'caller' | 'none';
  evidence: AsOfEvidence[];
  warnings: string[];
  /** Resolved ERP report headers (run date, This Week, bucket Mondays). */
  reports: ErpReport[];
}

const WEEKDAY_BY_UNITS = new Map([
  [11, 1],
  [9, 2],
  [7, 3],
  [5, 4],
  [3, 5],
  [1, 6],
]);

/** The run weekday implied by the first-week pro-rating of the KO report (majority vote over KOs). */
export function koReportWeekday(
  rows: ErpStyleDemandRow[],
  starts: Map<string, string | null>,
  thisWeekMonday: string,
): number | undefined {
  const votes = new Map<number, number>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (!row.koNumber || seen.has(row.koNumber)) continue;
    seen.add(row.koNumber);
    const [b0, b1, b2] = row.bucketsLbs;
    if (!(b0 > 0 && b1 > 0 && b2 > 0)) continue; // b1 is a full week only if the order runs into b2
    const start = starts.get(row.koNumber);
    if (start && start > thisWeekMonday) continue; // a later start pro-rates from its own day
    const u = (11 * b0) / b1;
    const units = Math.round(u);
    if (Math.abs(u - units) > 0.05 || !WEEKDAY_BY_UNITS.has(units)) continue;
    votes.set(units, (votes.get(units) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  if (!ranked.length) return undefined;
  const total = ranked.reduce((s, [, n]) => s + n, 0);
  if (ranked[0][1] < 2 && total > 1) return undefined;
  if (ranked[0][1] * 2 <= total) return undefined;
  return WEEKDAY_BY_UNITS.get(ranked[0][0]);
}

function firstNumberedWeek(buckets: Bucket[]): number | undefined {
  const b = buckets.find((x) => x.kind === 'week');
  return b?.kind === 'week' ? b.week : undefined;
}

function latestEvent(batch: Partial<EntityBatch>): string | undefined {
  let latest: string | undefined;
  const take = (d: string | null | undefined) => {
    if (d) latest = latest ? maxDate(latest, d.slice(0, 10)) : d.slice(0, 10);
  };
  for (const k of batch.knitOrders ?? []) take(k.modifiedAt);
  for (const p of batch.yarnPos ?? []) take(p.orderedAt);
  for (const p of batch.expectedPos ?? []) take(p.poDate);
  for (const r of batch.fabricRolls ?? []) take(r.eventDate);
  return latest;
}

export function resolveAsOf(files: FileFacts[], callerAsOf: string | undefined): AsOfResult {
  const evidence: AsOfEvidence[] = [];
  const warnings: string[] = [];
  const dated: string[] = [];
  for (const f of files) {
    if (f.expectedThisWeek) {
      dated.push(f.expectedThisWeek);
      evidence.push({ file: f.fileName, precision: 'week', date: f.expectedThisWeek, how: 'Friday-dated week columns' });
    }
    if (f.report?.titleWeekStart) dated.push(mondayOf(f.report.titleWeekStart));
  }
  const events = files.map((f) => latestEvent(f.batch)).filter((d): d is string => !!d).sort();
  const reference = dated.sort().at(-1) ?? callerAsOf ?? events.at(-1);

  const starts = new Map<string, string | null>();
  for (const f of files) for (const k of f.batch.knitOrders ?? []) if (k.source === 'export') starts.set(k.koNumber, k.startDate);

  const reports: ErpReport[] = [];
  const pending: { f: FileFacts; thisWeek: string; runDate: string | null }[] = [];
  for (const f of files) {
    const meta = f.report;
    if (!meta) continue;
    let thisWeek: string | undefined;
    let how = '';
    if (meta.titleWeekStart) {
      thisWeek = mondayOf(meta.titleWeekStart);
      how = 'week start date in the title row';
    } else {
      const first = firstNumberedWeek(meta.buckets);
      if (first !== undefined && reference) {
        thisWeek = addDays(resolveIsoWeek(first, reference), -7);
        how = `"Week ${first}" is the week after This Week`;
      }
    }
    if (!thisWeek) {
      warnings.push(`${f.fileName}: cannot tell which week the report's "This Week" is`);
      continue;
    }
    evidence.push({ file: f.fileName, precision: 'week', date: thisWeek, how });
    let weekday: number | undefined;
    let dayHow = '';
    if (meta.inventoryWeekday) {
      weekday = meta.inventoryWeekday;
      dayHow = 'weekday named in the inventory column header';
    } else if (meta.type === 'erp_style_ko_demand') {
      const rows = (f.batch.erpStyleDemand ?? []).filter((r) => r.reportId === f.reportId);
      weekday = koReportWeekday(rows, starts, thisWeek);
      dayHow = 'first-week pro-rating of the knit orders (half-day units)';
    }
    const runDate = weekday ? addDays(thisWeek, weekday - 1) : null;
    if (runDate) evidence.push({ file: f.fileName, precision: 'day', date: runDate, how: dayHow });
    pending.push({ f, thisWeek, runDate });
  }

  const days = evidence.filter((e) => e.precision === 'day').map((e) => e.date).sort();
  const weeks = evidence.filter((e) => e.precision === 'week').map((e) => e.date).sort();
  let asOf: string | undefined;
  let source: AsOfResult['source'] = 'files';
  if (days.length) {
    asOf = days.at(-1);
  } else if (weeks.length) {
    const monday = weeks.at(-1)!;
    if (callerAsOf && mondayOf(callerAsOf) === monday) asOf = callerAsOf;
    else {
      asOf = monday;
      warnings.push(`the files give the run week (${monday}) but not the day; used its Monday - pass the as-of date to set the day`);
    }
  } else if (callerAsOf) {
    asOf = callerAsOf;
    source = 'caller';
  } else {
    source = 'none';
  }

  if (asOf && source === 'files') {
    if (callerAsOf && callerAsOf !== asOf) {
      warnings.push(`the as-of date given (${callerAsOf}) differs from the files' (${asOf}); the files' date is used`);
    }
    const otherWeeks = [...new Set(weeks.filter((w) => w !== mondayOf(asOf!)))];
    if (otherWeeks.length) {
      const which = evidence.filter((e) => e.precision === 'week' && otherWeeks.includes(e.date)).map((e) => `${e.file} (week of ${e.date})`);
      warnings.push(`files from different ERP weeks in one batch: ${which.join(', ')}`);
    }
    const earlierRuns = evidence.filter((e) => e.precision === 'day' && e.date < asOf!);
    if (earlierRuns.length) {
      warnings.push(`reports from earlier ERP runs: ${earlierRuns.map((e) => `${e.file} (${e.date})`).join(', ')}`);
    }
  }
  if (asOf) {
    for (const f of files) {
      const latest = latestEvent(f.batch);
      if (latest && latest > asOf) warnings.push(`${f.fileName} holds changes dated after the as-of date (latest ${latest})`);
    }
  }

  for (const { f, thisWeek, runDate } of pending) {
    const meta = f.report!;
    reports.push({
      reportId: f.reportId ?? 0,
      type: meta.type,
      fileName: f.fileName,
      runDate,
      thisWeekStart: thisWeek,
      buckets: meta.buckets.map((b, i) => ({ label: meta.labels[i], weekStart: bucketWeekStart(b, thisWeek) })),
    });
  }
  return { asOf, source, evidence, warnings, reports };
}

/** Expected receipts in "This Week" when the report had no dated column to place it: the as-of week. */
export function fillThisWeekReceipts(batch: Partial<EntityBatch>, asOf: string): void {
  for (const r of batch.expectedReceipts ?? []) if (r.bucket === 'week' && r.weekStart === null) r.weekStart = mondayOf(asOf);
}

