// Small numeric helpers shared by the forecasting modules.

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

export function mean(values: readonly number[]): number {
  return values.length ? sum(values) / values.length : NaN;
}

/** Quantile with linear interpolation between order statistics (type 7, as numpy's default). */
export function quantile(values: readonly number[], p: number): number {
  return quantileSorted([...values].sort((a, b) => a - b), p);
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

/** Index of the first non-zero value (values.length when all are zero). */
export function firstNonZero(values: readonly number[]): number {
  let i = 0;
  while (i < values.length && values[i] === 0) i++;
  return i;
}

/** Least-squares slope of values against 0, 1, 2, ... */
export function olsSlope(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const tMean = (n - 1) / 2;
  const yMean = mean(values);
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
