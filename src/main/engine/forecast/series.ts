// Weekly demand series from invoiced sales lines: company TOTAL, per finished style, per style x customer,
// and (through the injected bridge) per greige style and in lbs. Every series runs on the same calendar:
// ISO weeks from the first to the last week of the whole history, zero-filled.
import { addDays, isIsoDate, isoWeekday, mondayOf, weeksBetween, type IsoDate } from '../../../shared/dates';
import { forecastPolicyDefaults, type ForecastPolicy } from '../../../shared/policy/forecast';
import { LBS_PER_KG, lbsToYds, round, ydsToLbs } from '../../../shared/units';
import { flagOutliers, type OutlierFlag } from './outliers';
import type { DemandSeries, SalesLine, SeriesLevel, StyleBridge } from './types';
import { doubles, doublesOf } from './stats';

export const TOTAL_ID = 'TOTAL';
export const styleSeriesId = (style: string) => `S:${style}`;
export const styleCustomerSeriesId = (style: string, customer: string) => `SC:${style}|${customer}`;
export const greigeSeriesId = (greige: string) => `G:${greige}`;
export const lbsSeriesId = (id: string) => `${id}@lbs`;

/** A sales line that was not counted as invoiced yards, or was counted after a unit conversion. */
export interface LineIssue {
  /** Position in the input list. */
  line: number;
  document: string;
  fStyle: string;
  qty: number;
  uom: string;
  action: 'excluded' | 'converted';
  reason: string;
  qtyYds?: number;
}

/** A style left out of a roll-up (no greige style, or no fabric weight for lbs). */
export interface RollUpIssue {
  style: string;
  rollUp: 'greige' | 'lbs';
  reason: string;
  qtyYds: number;
}

/**
 * A week at an edge of the history that the sales export covers only partly: the history starts after the first
 * weekday, or ends before the last weekday, on which the full weeks have sales. Its sales are scaled to a full week
 * (divided by the share of a full week's sales those days hold) in every series, so the models and the baselines,
 * and the scoring of all of them, see a full week's demand there.
 */
export interface PartialWeek {
  /** Monday of the week. */
  week: IsoDate;
  /** The days of the week the history covers. */
  from: IsoDate;
  to: IsoDate;
  /** Share of the full weeks' sales invoiced on the days covered (0.2..1). */
  coveredShare: number;
  /** 1 / coveredShare: the factor the week's sales were scaled by. */
  factor: number;
}

/** Below this share of a week covered, an edge week is left as invoiced (scaling it would be mostly guess). */
export const MIN_COVERED_SHARE = 0.2;

/**
 * The partial edge weeks of a history from `firstDay` to `lastDay` (invoice dates), given the share of the full
 * weeks' sales on each weekday (index 0 = Monday; empty: no full week to learn from, nothing is scaled).
 */
export function partialEdgeWeeks(firstDay: IsoDate, lastDay: IsoDate, weekdayShare: readonly number[]): PartialWeek[] {
  if (mondayOf(firstDay) === mondayOf(lastDay) || weekdayShare.length !== 7) return [];
  const share = (fromDay: number, toDay: number) => weekdayShare.slice(fromDay - 1, toDay).reduce((a, b) => a + b, 0);
  const weeks: PartialWeek[] = [];
  const edge = (week: IsoDate, from: IsoDate, to: IsoDate, coveredShare: number) => {
    if (coveredShare < 1 - 1e-9 && coveredShare >= MIN_COVERED_SHARE) weeks.push({ week, from, to, coveredShare, factor: 1 / coveredShare });
  };
  edge(mondayOf(firstDay), firstDay, addDays(mondayOf(firstDay), 6), share(isoWeekday(firstDay), 7));
  edge(mondayOf(lastDay), mondayOf(lastDay), lastDay, share(1, isoWeekday(lastDay)));
  return weeks;
}

export interface DemandHistory {
  /** Mondays of every week of the history. */
  weeks: IsoDate[];
  /** Edge weeks the history covers only partly, scaled to full weeks in every series. */
  partialWeeks: PartialWeek[];
  series: DemandSeries[];
  lineIssues: LineIssue[];
  rollUpIssues: RollUpIssue[];
  outliers: OutlierFlag[];
}

export interface DemandSeriesOptions {
  bridge?: StyleBridge;
  policy?: ForecastPolicy;
  /** Which levels to build (default all; greige and lbs series need a bridge). */
  levels?: readonly SeriesLevel[];
}

type Uom = 'yds' | 'lbs' | 'kg' | 'count' | 'unknown';

function normaliseUom(uom: string | null): Uom {
  const u = (uom ?? '').trim().toLowerCase();
  if (u === 'yds' || u === 'yd' || u === 'yards' || u === 'yard') return 'yds';
  if (u === 'lbs' || u === 'lb' || u === 'pounds') return 'lbs';
  if (u === 'kg' || u === 'kgs') return 'kg';
  if (u === 'each' || u === 'ea' || u === 'panels' || u === 'pcs') return 'count';
  return 'unknown';
}

/** Quantity in yards, or why it cannot be counted. */
function toYds(line: SalesLine, bridge?: StyleBridge): { qtyYds: number; converted?: string } | { excluded: string } {
  const uom = normaliseUom(line.uom);
  if (!Number.isFinite(line.qty)) return { excluded: 'quantity is not a number' };
  if (uom === 'yds') return { qtyYds: line.qty };
  if (uom === 'count') return { excluded: `'${line.uom}' is a count and cannot be converted to yards` };
  if (uom === 'unknown') return { excluded: `unknown unit '${line.uom}'` };
  const lbs = uom === 'kg' ? line.qty * LBS_PER_KG : line.qty;
  const oz = bridge?.(line.finishedStyle)?.ozPerLinYd;
  if (!(oz && oz > 0)) return { excluded: `${uom} line without a known oz/lin yd for ${line.finishedStyle}` };
  const qtyYds = lbsToYds(lbs, oz);
  const via = uom === 'kg' ? `${line.qty} kg = ${round(lbs)} lbs, ` : '';
  return { qtyYds, converted: `${via}${round(lbs)} lbs = ${round(qtyYds)} yds at ${oz} oz/lin yd` };
}

function addTo(map: Map<string, number[]>, key: string, n: number, week: number, qty: number): void {
  let v = map.get(key);
  if (!v) map.set(key, (v = doubles(n)));
  v[week] += qty;
}

const sortedKeys = (map: Map<string, unknown>) => [...map.keys()].sort();

export function buildDemandSeries(lines: readonly SalesLine[], options: DemandSeriesOptions = {}): DemandHistory {
  const policy = options.policy ?? forecastPolicyDefaults;
  const levels = new Set<SeriesLevel>(options.levels ?? ['total', 'style', 'styleCustomer', 'greige']);
  const { bridge } = options;
  const lineIssues: LineIssue[] = [];

  const days = lines
    .map((l) => l.invoiceDate)
    .filter(isIsoDate)
    .sort();
  const first: IsoDate = days.length ? mondayOf(days[0]) : '';
  const n = days.length ? weeksBetween(first, mondayOf(days[days.length - 1])) + 1 : 0;
  const weeks = Array.from({ length: n }, (_, i) => addDays(first, 7 * i));

  const total = doubles(n);
  // sales per weekday (Monday first) of the full weeks: how much of a week the days of a partial edge week hold
  const weekdayYds = doubles(7);
  const byStyle = new Map<string, number[]>();
  const byStyleCustomer = new Map<string, number[]>();
  const customerOf = new Map<string, [string, string]>();

  lines.forEach((line, i) => {
    const base = { line: i, document: line.document, fStyle: line.finishedStyle, qty: line.qty, uom: line.uom ?? '' };
    if (!isIsoDate(line.invoiceDate)) {
      lineIssues.push({ ...base, action: 'excluded', reason: `invalid invoice date '${line.invoiceDate}'` });
      return;
    }
    const q = toYds(line, bridge);
    if ('excluded' in q) {
      lineIssues.push({ ...base, action: 'excluded', reason: q.excluded });
      return;
    }
    if (q.converted) lineIssues.push({ ...base, action: 'converted', reason: q.converted, qtyYds: q.qtyYds });
    const w = weeksBetween(first, line.invoiceDate);
    total[w] += q.qtyYds;
    if (w > 0 && w < n - 1) weekdayYds[isoWeekday(line.invoiceDate) - 1] += q.qtyYds;
    const customer = line.customer ?? '';
    addTo(byStyle, line.finishedStyle, n, w, q.qtyYds);
    const sc = styleCustomerSeriesId(line.finishedStyle, customer);
    customerOf.set(sc, [line.finishedStyle, customer]);
    addTo(byStyleCustomer, sc, n, w, q.qtyYds);
  });

  const series: DemandSeries[] = [];
  const make = (s: Omit<DemandSeries, 'startWeek' | 'unit'>, unit: DemandSeries['unit'] = 'yds'): DemandSeries => ({
    ...s,
    unit,
    startWeek: first ?? '',
  });
  if (levels.has('total')) series.push(make({ id: TOTAL_ID, level: 'total', values: total }));
  if (levels.has('style')) {
    for (const style of sortedKeys(byStyle)) series.push(make({ id: styleSeriesId(style), level: 'style', style, values: byStyle.get(style)! }));
  }
  if (levels.has('styleCustomer')) {
    for (const id of sortedKeys(byStyleCustomer)) {
      const [style, customer] = customerOf.get(id)!;
      series.push(make({ id, level: 'styleCustomer', style, customer, values: byStyleCustomer.get(id)! }));
    }
  }
  const rollUpIssues: RollUpIssue[] = [];
  if (bridge) {
    const rolled = rollUp(byStyle, bridge, n, levels.has('greige'), first ?? '');
    series.push(...rolled.series);
    rollUpIssues.push(...rolled.issues);
  }
  const fullWeeksYds = weekdayYds.reduce((a, b) => a + b, 0);
  const weekdayShare = fullWeeksYds > 0 ? weekdayYds.map((v) => v / fullWeeksYds) : [];
  const partialWeeks = n ? partialEdgeWeeks(days[0], days[days.length - 1], weekdayShare) : [];
  for (const p of partialWeeks) {
    const w = weeksBetween(first, p.week);
    for (const s of series) s.values[w] *= p.factor;
  }
  const outliers = series.flatMap((s) => flagOutliers(s, policy));
  return { weeks, partialWeeks, series, lineIssues, rollUpIssues, outliers };
}

/** Greige-style series in yds, and style and greige series in lbs (lbs = yds x oz/lin yd / 16). */
function rollUp(
  byStyle: Map<string, number[]>,
  bridge: StyleBridge,
  n: number,
  withGreige: boolean,
  startWeek: IsoDate,
): { series: DemandSeries[]; issues: RollUpIssue[] } {
  const greigeYds = new Map<string, number[]>();
  const greigeLbs = new Map<string, number[]>();
  const styleLbs: DemandSeries[] = [];
  const issues: RollUpIssue[] = [];
  for (const style of sortedKeys(byStyle)) {
    const yds = byStyle.get(style)!;
    const qtyYds = yds.reduce((a, b) => a + b, 0);
    const { greigeStyle, ozPerLinYd } = bridge(style) ?? {};
    const lbs = ozPerLinYd && ozPerLinYd > 0 ? doublesOf(yds.map((v) => ydsToLbs(v, ozPerLinYd))) : undefined;
    if (!lbs) issues.push({ style, rollUp: 'lbs', reason: 'no oz/lin yd for this style', qtyYds });
    else styleLbs.push({ id: lbsSeriesId(styleSeriesId(style)), level: 'style', unit: 'lbs', style, startWeek, values: lbs });
    if (!greigeStyle) {
      issues.push({ style, rollUp: 'greige', reason: 'no greige style for this finished style', qtyYds });
      continue;
    }
    yds.forEach((v, w) => addTo(greigeYds, greigeStyle, n, w, v));
    if (lbs) lbs.forEach((v, w) => addTo(greigeLbs, greigeStyle, n, w, v));
  }
  const series: DemandSeries[] = [...styleLbs];
  if (withGreige) {
    for (const g of sortedKeys(greigeYds)) {
      series.push({ id: greigeSeriesId(g), level: 'greige', unit: 'yds', greigeStyle: g, startWeek, values: greigeYds.get(g)! });
      const lbs = greigeLbs.get(g);
      if (lbs) series.push({ id: lbsSeriesId(greigeSeriesId(g)), level: 'greige', unit: 'lbs', greigeStyle: g, startWeek, values: lbs });
    }
  }
  return { series, issues };
}
