// Forecast accuracy: WAPE, bias and MASE from additive error sums, so results of separate chunks (worker threads)
// can be merged by adding the sums.
import type { BacktestRow } from './types';

export interface ErrorSums {
  points: number;
  /** Σ|actual - forecast| */
  absError: number;
  /** Σ actual */
  actual: number;
  /** Σ (forecast - actual): positive = over-forecast */
  error: number;
  /** Σ |actual - forecast| / scale over points with a usable MASE scale */
  scaledAbsError: number;
  scaledPoints: number;
}

export interface Accuracy {
  points: number;
  /** Σ|e| / Σ actual */
  wape: number;
  /** Σ(f - a) / Σ actual */
  bias: number;
  /** mean of |e| / (in-sample naive MAE of the training weeks at that origin) */
  mase: number;
}

export const emptySums = (): ErrorSums => ({ points: 0, absError: 0, actual: 0, error: 0, scaledAbsError: 0, scaledPoints: 0 });

export function addPoint(s: ErrorSums, actual: number, forecast: number, scale: number): void {
  const e = Math.abs(actual - forecast);
  s.points++;
  s.absError += e;
  s.actual += actual;
  s.error += forecast - actual;
  if (scale > 0) {
    s.scaledAbsError += e / scale;
    s.scaledPoints++;
  }
}

export function mergeSums(into: ErrorSums, from: ErrorSums): ErrorSums {
  into.points += from.points;
  into.absError += from.absError;
  into.actual += from.actual;
  into.error += from.error;
  into.scaledAbsError += from.scaledAbsError;
  into.scaledPoints += from.scaledPoints;
  return into;
}

export function accuracy(s: ErrorSums): Accuracy {
  return {
    points: s.points,
    wape: s.actual > 0 ? s.absError / s.actual : NaN,
    bias: s.actual > 0 ? s.error / s.actual : NaN,
    mase: s.scaledPoints > 0 ? s.scaledAbsError / s.scaledPoints : NaN,
  };
}

/** In-sample naive MAE (the MASE scale) of a training history; NaN when it cannot be computed. */
export function naiveScale(training: readonly number[]): number {
  if (training.length < 2) return NaN;
  let s = 0;
  for (let t = 1; t < training.length; t++) s += Math.abs(training[t] - training[t - 1]);
  return s / (training.length - 1);
}

/**
 * naiveScale(values.slice(start, o)) for every o = 0..values.length (index o): one running sum, with the same
 * additions in the same order as naiveScale makes them for each training window.
 */
export function naiveScalesByOrigin(values: readonly number[], start: number): Float64Array {
  const scales = new Float64Array(values.length + 1).fill(NaN);
  let s = 0;
  for (let o = start + 2; o <= values.length; o++) {
    s += Math.abs(values[o - 1] - values[o - 2]);
    scales[o] = s / (o - start - 1);
  }
  return scales;
}

/** WAPE of backtest rows (for ad-hoc checks; the batch uses ErrorSums). */
export function wapeOfRows(rows: readonly BacktestRow[]): number {
  let e = 0;
  let a = 0;
  for (const r of rows) {
    e += Math.abs(r.actual - r.forecast);
    a += r.actual;
  }
  return a > 0 ? e / a : NaN;
}
