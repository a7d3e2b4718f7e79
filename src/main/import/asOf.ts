// The batch's as-of date: the date the planner gives always wins; without one it is inferred from the files.
// Evidence, each shown in the import report as what it is:
//  - day (an ERP run date):
//      * the run date an export's file name carries (`_20250824`, `_202508240603`, `Yarn_Demand_2025-09-02_0442`)
//        and the date a history layout's snapshot folder is named by (`snapshots/2025-09-02`);
//      * Yarn_Demand_By_Style_KO: the first week of every running KO is pro-rated in half-day units from the run
//        day (Mon 11/11, Tue 9/11, Wed 7/11, Thu 5/11, Fri 3/11, Sat 1/11): This Week / next week = u/11;
//      * Yarn_Demand: "Monday Inventory" / "Tuesday Inventory" names the run weekday;
//  - week (the run's ISO week): Expected_Yarn_Report's Friday-dated columns, the hand-built Yarn_Demand's
//    title-row dates, and the reports' "Week NN" headers (their year taken from the dated evidence, else the
//    caller's as-of, else the latest timestamp in the transaction files).
// The inferred date is the newest evidence of the exports' week: the exports (not the ERP's reports) say which
// week the batch is; exports from different weeks, or a report from a later week than the exports, make a batch
// of several ERP weeks, which is refused. A report from an earlier run never moves the date: it is a conflict,
// stated. Within the week the latest run day wins; with the week only, its Monday (with a warning).
import { addDays, isIsoDate, maxDate, mondayOf } from '../../shared/dates';
import type { AsOfEvidence, AsOfRole } from '../../shared/importReport';
import { bucketWeekStart, resolveIsoWeek, type Bucket } from './buckets';
import type { EntityBatch, ErpReport, ErpStyleDemandRow } from '../../shared/domain/entities';
import type { ReportMeta } from './mappers/types';

export type { AsOfEvidence };

export interface FileFacts {
  fileName: string;
  /** 'export': the data planned (its dates say which ERP week the batch is); 'report': the ERP's own computed
   * reports; 'master': slowly changing masters and history, whose dates say nothing about the run. */
  role: AsOfRole | 'master';
  reportId?: number;
  report?: ReportMeta;
  batch: Partial<EntityBatch>;
  /** Expected_Yarn_Report: Monday of its "This Week", when its dated columns reveal it. */
  expectedThisWeek?: string;
}

export interface AsOfResult {
  /** The date used: the caller's when given, else the inferred one. */
  asOf?: string;
  /** What the files say (undefined when they say nothing or the batch mixes weeks). */
  inferred?: string;
  source: 'files' | 'caller' | 'none';
  evidence: AsOfEvidence[];
  /** Evidence that disagrees with the date used, stated for the planner (the import goes on). */
  conflicts: string[];
  /** Set when the batch holds exports of different ERP weeks: the import is refused with this message. */
  mixedWeeks?: string;
  warnings: string[];
  /** Resolved ERP report headers (run date, This Week, bucket Mondays). */
  reports: ErpReport[];
}

/**
 * The ERP run date a file name carries: `eFab_Inventory_F01_20250822`, `eFab_SO_List_202508220100` (with the
 * time), `Yarn_Demand_2025-09-02_0442`. Only a whole date of this century counts; the last one in the name wins.
 */
export function nameRunDate(fileName: string): string | undefined {
  const stem = fileName.replace(/\.[a-z0-9]+(?: \(\d+\))?$/i, '');
  let found: string | undefined;
  for (const m of stem.matchAll(/(?<![0-9])(20\d{2})-(\d{2})-(\d{2})(?![0-9])|(?<![0-9])(20\d{2})(\d{2})(\d{2})(?:\d{4}|\d{6})?(?![0-9])/g)) {
    const date = m[1] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[4]}-${m[5]}-${m[6]}`;
    if (isIsoDate(date)) found = date;
  }
  return found;
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
export function koReportWeekday(rows: ErpStyleDemandRow[], starts: Map<string, string | null>, thisWeekMonday: string): number | undefined {
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

export interface AsOfOptions {
  /** The planner's date: always used when given. */
  callerAsOf?: string;
  /** A history layout's snapshot folder named by a date (`snapshots/2025-09-02`). */
  folder?: { name: string; date: string };
}

/** "week of 2025-08-18: a.xlsx (2025-08-22, run date in the file name), ...; week of ...": each file once per week,
 * by its day evidence when it has one. */
function weekList(evidence: AsOfEvidence[]): string {
  const byWeek = new Map<string, Map<string, AsOfEvidence>>();
  for (const e of evidence) {
    const week = mondayOf(e.date);
    const files = byWeek.get(week) ?? new Map<string, AsOfEvidence>();
    const seen = files.get(e.file);
    if (!seen || (seen.precision === 'week' && e.precision === 'day')) files.set(e.file, e);
    byWeek.set(week, files);
  }
  return [...byWeek]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, files]) => `week of ${week}: ${[...files.values()].map((e) => `${e.file} (${e.date}, ${e.how})`).join(', ')}`)
    .join('; ');
}

export function resolveAsOf(files: FileFacts[], options: AsOfOptions = {}): AsOfResult {
  const { callerAsOf, folder } = options;
  const evidence: AsOfEvidence[] = [];
  const warnings: string[] = [];
  const add = (e: Omit<AsOfEvidence, 'from'> & { from?: AsOfEvidence['from'] }) => evidence.push({ from: 'content', ...e });

  if (folder)
    add({ file: folder.name, precision: 'day', date: folder.date, how: 'the snapshot folder is named by the date', from: 'name', role: 'export' });
  for (const f of files) {
    if (f.role === 'master') continue;
    const named = nameRunDate(f.fileName);
    if (named) add({ file: f.fileName, precision: 'day', date: named, how: 'run date in the file name', from: 'name', role: f.role });
    if (f.expectedThisWeek) add({ file: f.fileName, precision: 'week', date: f.expectedThisWeek, how: 'Friday-dated week columns', role: 'export' });
  }
  const dated = evidence.map((e) => e.date);
  for (const f of files) if (f.report?.titleWeekStart) dated.push(mondayOf(f.report.titleWeekStart));
  const events = files
    .map((f) => latestEvent(f.batch))
    .filter((d): d is string => !!d)
    .sort();
  // the year of a "Week NN" header
  const reference = dated.sort().at(-1) ?? callerAsOf ?? events.at(-1);

  const starts = new Map<string, string | null>();
  for (const f of files) for (const k of f.batch.knitOrders ?? []) if (k.source === 'export') starts.set(k.koNumber, k.startDate);

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
    add({ file: f.fileName, precision: 'week', date: thisWeek, how, role: 'report' });
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
    if (runDate) add({ file: f.fileName, precision: 'day', date: runDate, how: dayHow, role: 'report' });
    pending.push({ f, thisWeek, runDate });
  }

  // which ERP week: the exports' (they are the data planned); the reports' only when the exports carry no date
  const weekOf = (e: AsOfEvidence) => mondayOf(e.date);
  const exportEvidence = evidence.filter((e) => e.role === 'export');
  const exportWeeks = [...new Set(exportEvidence.map(weekOf))].sort();
  let week = exportWeeks.at(-1) ?? evidence.map(weekOf).sort().at(-1);
  let mixedWeeks: string | undefined;
  const laterReports = exportWeeks.length ? evidence.filter((e) => e.role === 'report' && weekOf(e) > week!) : [];
  if (exportWeeks.length > 1 || laterReports.length) {
    const involved = [...exportEvidence, ...laterReports];
    mixedWeeks = `files from different ERP weeks in one batch (${weekList(involved)}): import each week's exports on its own, or as a history folder (master/ + snapshots/<date>/)`;
    week = undefined;
  }

  let inferred: string | undefined;
  const dayKnown = !!week && evidence.some((e) => e.precision === 'day' && weekOf(e) === week);
  if (week) {
    inferred = dayKnown
      ? evidence
          .filter((e) => e.precision === 'day' && weekOf(e) === week)
          .map((e) => e.date)
          .sort()
          .at(-1)
      : week;
    if (!dayKnown && !callerAsOf)
      warnings.push(`the files give the run week (${week}) but not the day; used its Monday - give the as-of date to set the day`);
  }
  const asOf = callerAsOf ?? inferred;
  const source: AsOfResult['source'] = callerAsOf ? 'caller' : inferred ? 'files' : 'none';

  const conflicts: string[] = [];
  // the caller's date against the files': a day must match; with the week only, the week
  if (callerAsOf && inferred && (dayKnown ? callerAsOf !== inferred : mondayOf(callerAsOf) !== inferred)) {
    const said = evidence.filter((e) => (dayKnown ? e.date === inferred : weekOf(e) === inferred));
    conflicts.push(
      `the files say ${dayKnown ? inferred : `the week of ${inferred}`} (${said.map((e) => `${e.file}: ${e.how}`).join('; ')}); the date given, ${callerAsOf}, is used`,
    );
  }
  // files that disagree with the newest evidence (the caller's date is compared above, once)
  const newest = inferred ?? asOf;
  if (newest && !mixedWeeks) {
    const daysKnown = new Set(evidence.filter((e) => e.precision === 'day').map((e) => e.file));
    for (const e of evidence) {
      const earlier = e.precision === 'day' ? e.date < newest : e.date < mondayOf(newest) && !daysKnown.has(e.file);
      if (!earlier) continue;
      const when = e.precision === 'day' ? e.date : `week of ${e.date}`;
      conflicts.push(
        e.role === 'report'
          ? `${e.file} is an earlier ERP run (${when}, ${e.how}) than the newest evidence (${newest}): kept as that run's report, it does not move the date`
          : `${e.file} is dated earlier (${when}, ${e.how}) than the newest evidence (${newest})`,
      );
    }
  }

  const reports: ErpReport[] = pending.map(({ f, thisWeek, runDate }) => {
    const meta = f.report!;
    return {
      reportId: f.reportId ?? 0,
      type: meta.type,
      fileName: f.fileName,
      runDate,
      thisWeekStart: thisWeek,
      buckets: meta.buckets.map((b, i) => ({ label: meta.labels[i], weekStart: bucketWeekStart(b, thisWeek) })),
    };
  });
  return { asOf, inferred, source, evidence, conflicts, mixedWeeks, warnings, reports };
}

/** Expected receipts in "This Week" when the report had no dated column to place it: the as-of week. */
export function fillThisWeekReceipts(batch: Partial<EntityBatch>, asOf: string): void {
  for (const r of batch.expectedReceipts ?? []) if (r.bucket === 'week' && r.weekStart === null) r.weekStart = mondayOf(asOf);
}
