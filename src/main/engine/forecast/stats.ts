// Small numeric helpers shared by the forecasting modules.

/**
 * An array of n zeros that V8 stores as unboxed doubles (its elements kind), whatever is stored in it later. Arrays
 * of demand hold integers for some series and fractions for others; code that sees both kinds of array is
 * deoptimised and recompiled, so the series and the buffers of the backtest are made of doubles from the start.
 * (A slice of a longer array of double zeros: one copy, and no spare capacity as pushing would leave.)
 */
export function doubles(n: number): number[] {
  if (zeros.length < n) {
    const longer = [0.5];
    longer.pop();
    for (let i = 0; i < 2 * n; i++) longer.push(0);
    zeros = longer;
  }
  return zeros.slice(0, n);
}

let zeros: number[] = [];

/** A copy of the values as an array of doubles (see doubles()). */
export function doublesOf(values: readonly number[]): number[] {
  const out = doubles(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i];
  return out;
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

export function mean(values: readonly number[]): number {
  return values.length ? sum(values) / values.length : NaN;
}

/** mean(values.slice(0, n)) without the copy (same additions in the same order). */
export function meanOfFirst(values: readonly number[], n: number): number {
  let s = 0;
  for (let t = 0; t < n; t++) s += values[t];
  return n ? s / n : NaN;
}

/** Quantile with linear interpolation between order statistics (type 7, as numpy's default). */
export function quantile(values: readonly number[], p: number): number {
  return quantileSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

export function quantileSorted(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Index of the first non-zero value of values[0..n) (n when all are zero). */
export function firstNonZero(values: readonly number[], n = values.length): number {
  let i = 0;
  while (i < n && values[i] === 0) i++;
  return i;
}

/** Number of weeks with demand (> 0) in values[0..n). */
export function countPositive(values: readonly number[], n = values.length): number {
  let c = 0;
  for (let t = 0; t < n; t++) if (values[t] > 0) c++;
  return c;
}

/** Least-squares slope of values[0..n) against 0, 1, 2, ... */
export function olsSlope(values: readonly number[], n = values.length): number {
  if (n < 2) return 0;
  const tMean = (n - 1) / 2;
  const yMean = meanOfFirst(values, n);
  let num = 0;
  let den = 0;
  for (let t = 0; t < n; t++) {
    num += (t - tMean) * (values[t] - yMean);
    den += (t - tMean) * (t - tMean);
  }
  return num / den;
}

export function clampNonNegative(values: number[]): number[] {
  for (let i = 0; i < values.length; i++) if (!(values[i] > 0)) values[i] = 0;
  return values;
}
