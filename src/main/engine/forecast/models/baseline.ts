// Benchmark models: naive, seasonal naive, historical mean, moving average, and the mean of the history with its
// outliers clipped. No parameters to fit.
import type { ForecastPolicy } from '../../../../shared/policy/forecast';
import type { ModelSpec } from '../types';
import { clipOutliers } from '../outliers';
import { sum } from '../stats';
import { flat, makeFit, recomputed, resumable, steps } from './fitted';

export const naive: ModelSpec = {
  name: 'naive',
  family: 'level',
  minWeeks: 1,
  fit(y) {
    const fitted = () => y.map((_, t) => (t > 0 ? y[t - 1] : NaN));
    return makeFit('naive', {}, y, fitted, (h) => flat(y[y.length - 1], h));
  },
  track: () => recomputed((y, n, h) => flat(y[n - 1], h)),
};

const lastSeason = (y: readonly number[], n: number, m: number, h: number) => steps(h, (i) => y[n - m + (i % m)]);

/** Last season repeated; only offered with at least two full seasons of history. */
export function seasonalNaive(periodWeeks: number): ModelSpec {
  return {
    name: 'seasonalNaive',
    family: 'seasonal',
    minWeeks: 2 * periodWeeks,
    fit(y) {
      const m = periodWeeks;
      const n = y.length;
      const fitted = () => y.map((_, t) => (t >= m ? y[t - m] : NaN));
      return makeFit('seasonalNaive', { period: m }, y, fitted, (h) => lastSeason(y, n, m, h));
    },
    track: () => recomputed((y, n, h) => lastSeason(y, n, periodWeeks, h)),
  };
}

export const historicalMean: ModelSpec = {
  name: 'mean',
  family: 'level',
  minWeeks: 1,
  fit(y) {
    const fitted = () => {
      const f: number[] = [];
      let s = 0;
      for (let t = 0; t < y.length; t++) {
        f.push(t > 0 ? s / t : NaN);
        s += y[t];
      }
      return f;
    };
    return makeFit('mean', {}, y, fitted, (h) => flat(sum(y) / y.length, h));
  },
  track: () => meanTracker(),
};

/** The mean of the weeks: their running sum is kept (the same additions in the same order as sum()). */
function meanTracker() {
  return resumable(
    0,
    () => 0,
    (s, y, from, to) => {
      for (let t = from; t < to; t++) s += y[t];
      return s;
    },
    (s, _y, n, h) => flat(s / n, h),
  );
}

/**
 * The historical mean of the weeks with outliers winsorised (outliers.ts): a long-run level one huge order cannot
 * pull up. `fixed.clipped = 1` says the weeks are clipped already (the backtest clips each training window once
 * for all candidates).
 */
export function clippedMean(policy: ForecastPolicy): ModelSpec {
  return {
    name: 'clippedMean',
    family: 'level',
    minWeeks: 1,
    fit(y, fixed = {}) {
      const fit = historicalMean.fit(fixed.clipped ? y : clipOutliers(y, policy));
      return makeFit(
        'clippedMean',
        {},
        y,
        () => fit.fitted,
        (h) => fit.forecast(h),
      );
    },
    // only weeks clipped already can be tracked (clipping a window looks at the weeks either side of each week)
    track: (fixed) => (fixed.clipped ? meanTracker() : undefined),
  };
}

/** Mean of the last `window` of the weeks y[0..n) (all of them when fewer). */
function lastMean(y: readonly number[], n: number, window: number): number {
  const from = Math.max(0, n - window);
  let s = 0;
  for (let t = from; t < n; t++) s += y[t];
  return s / (n - from);
}

/** Mean of the last `window` weeks (fewer when the history is shorter). */
export function movingAverage(window: number): ModelSpec {
  const name = `ma${window}`;
  return {
    name,
    family: 'level',
    minWeeks: 1,
    fit(y) {
      const fitted = () => {
        const f: number[] = [];
        let s = 0;
        for (let t = 0; t < y.length; t++) {
          f.push(t > 0 ? s / Math.min(t, window) : NaN);
          s += y[t];
          if (t >= window) s -= y[t - window];
        }
        return f;
      };
      return makeFit(name, { window }, y, fitted, (h) => flat(lastMean(y, y.length, window), h));
    },
    track: () => recomputed((y, n, h) => flat(lastMean(y, n, window), h)),
  };
}
