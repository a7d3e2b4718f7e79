// Learning the ERP's live BOM shares and knitting rates from its own demand reports. The caller passes the reports
// explicitly (each with its run date), so a plan or a test can leave out the current run's own report.
import type { IsoDate } from '../../../shared/dates';
import type { YarnPolicy } from '../../../shared/policy/yarn';
import { median, styleKey } from './keys';
import type { BomYarn, ErpDemandReport, ErpDemandReportRow, ReportKnitOrder } from './types';
import { halfDayUnitsPerWeek, halfDayUnitsToSunday, weekIndex } from './weeks';

export interface LearnedBom {
  style: string;
  /** Empty = the style had an open KO in that run but no report rows: the ERP had no BOM for it. */
  lines: BomYarn[];
  runDate: IsoDate;
  label: string;
  warnings: string[];
}

/**
 * 'full-week': a week strictly between the pro-rated first week and the partial last one;
 * 'first-week': the pro-rated first week of an order that spilled over, with the start date from the run's KO list;
 * 'first-week-assumed': the same without a known start, assuming the order had started by the run day.
 */
export type RateEvidence = 'full-week' | 'first-week' | 'first-week-assumed';

export interface LearnedRate {
  style: string;
  lbsPerDay: number;
  runDate: IsoDate;
  label: string;
  evidence: RateEvidence;
  samples: number;
}

function byRecency(reports: ErpDemandReport[]): ErpDemandReport[] {
  // Most recent first; on the same day the KO-level report first (it carries the rates and the open orders).
  return [...reports].sort(
    (a, b) => (a.runDate < b.runDate ? 1 : a.runDate > b.runDate ? -1 : 0) || (a.kind === b.kind ? 0 : a.kind === 'by-style-ko' ? -1 : 1),
  );
}

function reportLabel(report: ErpDemandReport): string {
  const name = report.kind === 'by-style-ko' ? 'Yarn_Demand_By_Style_KO' : 'Yarn_Demand_By_Style';
  return report.label ?? `${name} ${report.runDate}`;
}

/**
 * Per style, the ERP's BOM fractions (percentage / 100) from the most recent report that shows the style, or
 * "no BOM" when the most recent run that had an open order of the style listed no rows for it. On the same run day,
 * rows (in either report) beat the "no BOM" inference.
 */
export function learnBomFromReports(reports: ErpDemandReport[]): LearnedBom[] {
  const learned = new Map<string, LearnedBom>();
  const ordered = byRecency(reports);
  const runDates = [...new Set(ordered.map((r) => r.runDate))];
  for (const runDate of runDates) {
    const sameDay = ordered.filter((r) => r.runDate === runDate);
    const withRows = new Set<string>();
    for (const report of sameDay) {
      const label = reportLabel(report);
      const inReport = new Map<string, { lines: Map<string, number>; warnings: string[] }>();
      for (const row of report.rows) {
        const style = styleKey(row.style);
        const yarnId = row.yarnId.trim();
        if (!yarnId || !(row.percentage > 0)) continue;
        let entry = inReport.get(style);
        if (!entry) inReport.set(style, (entry = { lines: new Map(), warnings: [] }));
        const fraction = row.percentage / 100;
        const seen = entry.lines.get(yarnId);
        if (seen === undefined) entry.lines.set(yarnId, fraction);
        else if (Math.abs(seen - fraction) > 1e-9)
          entry.warnings.push(`yarn ${yarnId} shows ${seen * 100} % and ${row.percentage} % in ${label}; kept the first`);
      }
      for (const [style, entry] of inReport) {
        withRows.add(style);
        if (learned.has(style)) continue;
        const lines = [...entry.lines].map(([yarnId, fraction]) => ({ yarnId, fraction }));
        learned.set(style, { style, lines, runDate, label, warnings: entry.warnings });
      }
    }
    for (const report of sameDay) {
      if (report.kind !== 'by-style-ko') continue;
      for (const ko of report.knitOrders ?? []) {
        const style = styleKey(ko.style);
        if (!(ko.balanceLbs > 0) || withRows.has(style) || learned.has(style)) continue;
        learned.set(style, { style, lines: [], runDate, label: reportLabel(report), warnings: [] });
      }
    }
  }
  return [...learned.values()];
}

/**
 * The weekly capacity (fabric lbs) one KO row implies, or null when the row shows no usable week. `order` is the
 * row's knit order from the same run, when known.
 */
export function rowWeeklyCapacity(
  row: ErpDemandReportRow,
  runDate: IsoDate,
  policy: YarnPolicy,
  order?: ReportKnitOrder,
): { evidence: RateEvidence; weeklyCapacityLbs: number } | null {
  const fraction = row.percentage / 100;
  if (!(fraction > 0)) return null;
  // [This Week, the numbered weeks] and Later
  const b = row.bucketsLbs.slice(0, -1);
  const laterLbs = row.bucketsLbs[row.bucketsLbs.length - 1] ?? 0;
  const negligible = 1e-6 * Math.max(1, Math.abs(row.totalLbs));
  let first = -1;
  let last = -1;
  for (let i = 0; i < b.length; i++) {
    if (b[i] > negligible) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return null;
  const continues = laterLbs > negligible;
  const lastFull = continues ? b.length - 1 : last - 1;
  if (first + 1 <= lastFull) return { evidence: 'full-week', weeklyCapacityLbs: b[first + 1] / fraction };
  const spilled = last > first || continues;
  if (!spilled) return null;

  const fromFirstWeek = (start: IsoDate, evidence: RateEvidence) => {
    const units = halfDayUnitsToSunday(start, policy);
    return units > 0 ? { evidence, weeklyCapacityLbs: (b[first] * halfDayUnitsPerWeek(policy)) / units / fraction } : null;
  };
  if (order) {
    const start = order.startDate && order.startDate > runDate ? order.startDate : runDate;
    return weekIndex(runDate, start) === first ? fromFirstWeek(start, 'first-week') : null;
  }
  return first === 0 ? fromFirstWeek(runDate, 'first-week-assumed') : null;
}

/**
 * Per style, the knitting rate (lbs/day) implied by KO-level reports: weekly capacity / knit days per week, the median
 * over the style's rows in a report. Exact evidence (full week, or first week with a known start) from the most recent
 * report wins; assumed-start evidence is used only when no report has exact evidence and the policy allows it.
 */
export function learnRatesFromReports(reports: ErpDemandReport[], policy: YarnPolicy): LearnedRate[] {
  const exact = new Map<string, LearnedRate>();
  const assumed = new Map<string, LearnedRate>();
  for (const report of byRecency(reports)) {
    if (report.kind !== 'by-style-ko') continue;
    const label = reportLabel(report);
    const orders = new Map((report.knitOrders ?? []).map((k) => [k.koNumber.trim(), k]));
    const evidence = new Map<string, { exact: number[]; kinds: Set<RateEvidence>; assumed: number[] }>();
    for (const row of report.rows) {
      const order = row.koNumber ? orders.get(row.koNumber.trim()) : undefined;
      const found = rowWeeklyCapacity(row, report.runDate, policy, order);
      if (!found || !(found.weeklyCapacityLbs > 0)) continue;
      const style = styleKey(row.style);
      let entry = evidence.get(style);
      if (!entry) evidence.set(style, (entry = { exact: [], kinds: new Set(), assumed: [] }));
      const lbsPerDay = found.weeklyCapacityLbs / policy.knitDaysPerWeek;
      if (found.evidence === 'first-week-assumed') entry.assumed.push(lbsPerDay);
      else {
        entry.exact.push(lbsPerDay);
        entry.kinds.add(found.evidence);
      }
    }
    for (const [style, entry] of evidence) {
      if (entry.exact.length && !exact.has(style)) {
        const kind: RateEvidence = entry.kinds.has('full-week') ? 'full-week' : 'first-week';
        exact.set(style, { style, lbsPerDay: median(entry.exact), runDate: report.runDate, label, evidence: kind, samples: entry.exact.length });
      }
      if (entry.assumed.length && !assumed.has(style))
        assumed.set(style, {
          style,
          lbsPerDay: median(entry.assumed),
          runDate: report.runDate,
          label,
          evidence: 'first-week-assumed',
          samples: entry.assumed.length,
        });
    }
  }
  const out = [...exact.values()];
  if (policy.learnRateFromFirstWeek) for (const [style, rate] of assumed) if (!exact.has(style)) out.push(rate);
  return out;
}
