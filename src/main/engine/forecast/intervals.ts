// Prediction intervals from the backtest's own errors (empirical quantiles of actual - forecast per horizon),
// so they reflect how the selection procedure really erred on this series, not a model's textbook variance.
import type { ForecastPolicy } from '../../../shared/policy/forecast';
import type { BacktestRow } from './types';
import { quantileSorted } from './stats';

export interface IntervalBands {
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
  /** Backtest errors behind each horizon's band (0 = no errors known: the band collapses to the point). */
  errorCount: number[];
}

/** actual - forecast of one model's backtest rows, grouped by horizon (index h - 1). */
export function errorsByHorizon(rows: readonly BacktestRow[], model: string, maxHorizon: number): number[][] {
  const errs: number[][] = Array.from({ length: maxHorizon }, () => []);
  for (const r of rows) if (r.model === model && r.horizon <= maxHorizon) errs[r.horizon - 1].push(r.actual - r.forecast);
  return errs;
}

/** Errors for horizon h: that horizon's, widened to neighbouring horizons until there are enough. */
function pooledErrors(errs: readonly number[][], h: number, minErrors: number): number[] {
  const H = errs.length;
  const centre = Math.min(h, H) - 1;
  let pool = [...errs[centre]];
  for (let k = 1; pool.length < minErrors && (centre - k >= 0 || centre + k < H); k++) {
    if (centre - k >= 0) pool = pool.concat(errs[centre - k]);
    if (centre + k < H) pool = pool.concat(errs[centre + k]);
  }
  return pool;
}

/**
 * 80 % and 95 % bands around the point forecast. Beyond the longest backtest horizon H the errors of horizon H
 * are widened by sqrt(h / H) (errors of a level forecast grow roughly like a random walk's). Bands are clamped
 * at 0 (demand) and always contain the point.
 */
export function empiricalIntervals(
  point: readonly number[],
  errs: readonly number[][],
  policy: Pick<ForecastPolicy, 'intervalMinErrors'>,
): IntervalBands {
  const bands: IntervalBands = { lo80: [], hi80: [], lo95: [], hi95: [], errorCount: [] };
  const H = errs.length;
  const pools = errs.map((_, i) => pooledErrors(errs, i + 1, policy.intervalMinErrors).sort((a, b) => a - b));
  point.forEach((p, i) => {
    const h = i + 1;
    const pool = H ? pools[Math.min(h, H) - 1] : [];
    const widen = h > H && H > 0 ? Math.sqrt(h / H) : 1;
    const at = (q: number) => (pool.length ? p + widen * quantileSorted(pool, q) : p);
    bands.lo80.push(Math.max(0, Math.min(p, at(0.1))));
    bands.hi80.push(Math.max(p, at(0.9)));
    bands.lo95.push(Math.max(0, Math.min(p, at(0.025))));
    bands.hi95.push(Math.max(p, at(0.975)));
    bands.errorCount.push(pool.length);
  });
  return bands;
}
