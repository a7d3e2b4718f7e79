// Outliers in weekly demand: a Hampel identifier (a week against the median and MAD of the weeks with demand
// around it, modified z-score of Iglewicz–Hoaglin). Local rather than global, so the high weeks of a growing or
// seasonal series are not mistaken for outliers. Outliers are flagged for planner review on the series as invoiced,
// and clipped in the weeks a model is fitted on (outlier-robust fitting) so one huge order does not steer a style's
// forecast for months. Zero weeks are never touched (normal when intermittent).
import type { IsoDate } from '../../../shared/dates';
import { addDays } from '../../../shared/dates';
import type { ForecastPolicy } from '../../../shared/policy/forecast';
import type { DemandSeries } from './types';
import { doubles } from './stats';

export interface OutlierFlag {
  series: string;
  week: IsoDate;
  value: number;
  median: number;
  robustZ: number;
  direction: 'high' | 'low';
}

export type OutlierPolicy = Pick<ForecastPolicy, 'outlierRobustZ' | 'outlierMinNonZeroWeeks' | 'outlierWindowWeeks'>;

/** The k-th smallest (0-based) of buf[0..n) by quickselect; buf is reordered so that buf[0..k) <= buf[k]. */
function kth(buf: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = buf[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (buf[i] < pivot) i++;
      while (buf[j] > pivot) j--;
      if (i <= j) {
        const t = buf[i];
        buf[i++] = buf[j];
        buf[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return buf[k];
}

/** Median of buf[0..n) (reordered in place; the window is a few dozen weeks, this runs for every week). */
function medianOf(buf: Float64Array, n: number): number {
  const upper = kth(buf, n, n >> 1);
  if (n % 2) return upper;
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (buf[i] > lower) lower = buf[i];
  return (lower + upper) / 2;
}

// scratch space for the window (reused: this runs for every week at every backtest origin)
let scratch = new Float64Array(64);

/**
 * Median and robust scale (MAD / 0.6745) of the non-zero weeks within outlierWindowWeeks either side of week t
 * (the window is cut at the start and at `end`, the weeks known); null when there are too few of them or no spread.
 */
function localCentre(values: readonly number[], t: number, policy: OutlierPolicy, end = values.length): { median: number; scale: number } | null {
  const k = policy.outlierWindowWeeks;
  if (scratch.length < 2 * k + 1) scratch = new Float64Array(2 * k + 1);
  let n = 0;
  for (let s = Math.max(0, t - k); s <= Math.min(end - 1, t + k); s++) if (values[s] !== 0) scratch[n++] = values[s];
  if (n < policy.outlierMinNonZeroWeeks) return null;
  const med = medianOf(scratch, n);
  let meanDeviation = 0;
  for (let i = 0; i < n; i++) {
    scratch[i] = Math.abs(scratch[i] - med);
    meanDeviation += scratch[i] / n;
  }
  const mad = medianOf(scratch, n);
  // MAD is 0 when more than half the weeks are equal; fall back to the mean absolute deviation
  const scale = mad > 0 ? mad / 0.6745 : 1.253314 * meanDeviation;
  return scale > 0 ? { median: med, scale } : null;
}

/** Weeks whose robust z-score exceeds the policy threshold. */
export function flagOutliers(s: DemandSeries, policy: OutlierPolicy): OutlierFlag[] {
  const flags: OutlierFlag[] = [];
  s.values.forEach((value, i) => {
    if (value === 0) return;
    const c = localCentre(s.values, i, policy);
    if (!c) return;
    const robustZ = (value - c.median) / c.scale;
    if (Math.abs(robustZ) > policy.outlierRobustZ) {
      flags.push({ series: s.id, week: addDays(s.startWeek, 7 * i), value, median: c.median, robustZ, direction: robustZ > 0 ? 'high' : 'low' });
    }
  });
  return flags;
}

/** Week t winsorised: beyond median ± z x scale it is set to that bound (never below 0). */
function clippedWeek(values: readonly number[], t: number, policy: OutlierPolicy, end = values.length): number {
  const v = values[t];
  if (v === 0) return v;
  const c = localCentre(values, t, policy, end);
  return c ? winsorised(v, c.median, c.scale, policy) : v;
}

function winsorised(v: number, median: number, scale: number, policy: OutlierPolicy): number {
  const hi = median + policy.outlierRobustZ * scale;
  const lo = Math.max(0, median - policy.outlierRobustZ * scale);
  return v > hi ? hi : v < lo ? lo : v;
}

/** The weeks with their outliers winsorised (a copy; the input is not changed). */
export function clipOutliers(values: readonly number[], policy: OutlierPolicy): number[] {
  return values.map((_, t) => clippedWeek(values, t, policy));
}

/** The non-zero weeks of one week's window in ascending order, as far as the weeks are known (`to`, exclusive). */
interface SortedWindow {
  sorted: Float64Array;
  n: number;
  to: number;
}

/**
 * Week value v winsorised as clippedWeek does, from its window's weeks in ascending order: the same order
 * statistics, so the same numbers. Only when the MAD is 0 does the fallback (the mean absolute deviation) depend on
 * the order the weeks were summed in: then NaN says to ask localCentre itself.
 */
function winsorisedSorted(v: number, a: Float64Array, n: number, policy: OutlierPolicy): number {
  if (n < policy.outlierMinNonZeroWeeks) return v;
  const half = n >> 1;
  const med = n % 2 ? a[half] : (a[half - 1] + a[half]) / 2;
  // |a_i - med| rises to the left of the first week >= med and to the right of it: merge the two runs up to the
  // median deviation (and the one before it when n is even)
  let right = 0;
  while (right < n && a[right] < med) right++;
  let left = right - 1;
  let previous = NaN;
  let current = NaN;
  for (let taken = 0; taken <= half; taken++) {
    previous = current;
    const dl = left >= 0 ? Math.abs(a[left] - med) : Infinity;
    const dr = right < n ? Math.abs(a[right] - med) : Infinity;
    if (dl <= dr) {
      current = dl;
      left--;
    } else {
      current = dr;
      right++;
    }
  }
  const mad = n % 2 ? current : (previous + current) / 2;
  if (!(mad > 0)) return NaN;
  const scale = mad / 0.6745;
  return scale > 0 ? winsorised(v, med, scale, policy) : v;
}

export interface ExpandingClipper {
  /** clipOutliers(values.slice(0, n)); n never decreases from one call (of either method) to the next. */
  at(n: number): number[];
  /**
   * The same in weeks[0..n) of a buffer rewritten at each call (read it before the next one); its first `stable`
   * weeks never change again.
   */
  advance(n: number): { weeks: readonly number[]; stable: number };
}

/**
 * Clipped training weeks for an expanding window, origin after origin: a week's window is complete once
 * outlierWindowWeeks later weeks are known, and from then on its clipped value never changes, so only the last
 * weeks are re-examined when the window grows — each from its window's weeks kept in order, one week added at a
 * time, instead of selecting the median and MAD of the whole window again.
 */
export function expandingClipper(values: readonly number[], policy: OutlierPolicy): ExpandingClipper {
  const k = policy.outlierWindowWeeks;
  const weeks = doubles(0);
  let settled = 0;
  let known = 0;
  const windows = new Map<number, SortedWindow>();
  /** Week t clipped with the weeks before `end` known (end never decreasing for a week). */
  const clipped = (t: number, end: number): number => {
    const v = values[t];
    if (v === 0) return v;
    let w = windows.get(t);
    if (!w) windows.set(t, (w = { sorted: new Float64Array(2 * k + 1), n: 0, to: Math.max(0, t - k) }));
    for (const last = Math.min(end - 1, t + k); w.to <= last; w.to++) {
      const x = values[w.to];
      if (x === 0) continue;
      let i = w.n++;
      while (i > 0 && w.sorted[i - 1] > x) w.sorted[i] = w.sorted[--i];
      w.sorted[i] = x;
    }
    const c = winsorisedSorted(v, w.sorted, w.n, policy);
    return Number.isNaN(c) ? clippedWeek(values, t, policy, end) : c;
  };
  const grow = (n: number) => {
    if (n < known) throw new Error(`the clipped window cannot shrink (from ${known} to ${n} weeks)`);
    known = n;
    // weeks t with t + window <= n - 1 see their whole window
    for (const complete = n - k; settled < complete; settled++) {
      weeks[settled] = clipped(settled, n);
      windows.delete(settled);
    }
  };
  return {
    at(n) {
      grow(n);
      const out = weeks.slice(0, Math.min(settled, n));
      for (let t = out.length; t < n; t++) out.push(clipped(t, n));
      return out;
    },
    advance(n) {
      grow(n);
      for (let t = settled; t < n; t++) weeks[t] = clipped(t, n);
      return { weeks, stable: Math.min(settled, n) };
    },
  };
}
