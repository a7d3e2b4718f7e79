// The demand pattern of a series, as a model family, from tests on the weeks since the first sale:
// - intermittent when the weeks are (Syntetos–Boylan: average inter-demand interval at or above the cut-off);
// - seasonal when, with two full seasons of history, the autocorrelation at the season's lag of the weeks around
//   their straight-line trend is significantly positive (Bartlett: r_m > z / sqrt(n) for white noise);
// - trend when the Mann–Kendall test finds a monotonic trend (rank-based: a few huge orders make no trend);
// - level otherwise.
// Tests rather than forecast comparisons: SES follows a slow trend or season with a small lag, so a backtest cannot
// tell these patterns from a level on a few years of noisy weeks. This describes the demand for the planner; the
// forecast itself is chosen by the backtest (select.ts), whatever the pattern.
import type { ForecastPolicy } from '../../../shared/policy/forecast';
import type { ModelFamily } from './types';
import { olsSlope } from './stats';

/** Mann–Kendall z statistic (continuity-corrected, with the tie correction of the variance). */
export function mannKendallZ(values: readonly number[]): number {
  const n = values.length;
  if (n < 3) return 0;
  let s = 0;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) s += Math.sign(values[j] - values[i]);
  // groups of equal values: runs in the sorted values
  const sorted = Float64Array.from(values).sort();
  let tieTerm = 0;
  for (let i = 0, j = 0; i < n; i = j) {
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    tieTerm += t * (t - 1) * (2 * t + 5);
  }
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  return variance > 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
}

/** Autocorrelation at `lag` of the residuals around the least-squares line. */
export function detrendedAutocorrelation(values: readonly number[], lag: number): number {
  const n = values.length;
  if (lag <= 0 || lag >= n) return 0;
  const slope = olsSlope(values);
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  const e = values.map((v, t) => v - meanY - slope * (t - (n - 1) / 2));
  let num = 0;
  let den = 0;
  for (let t = 0; t < n; t++) {
    den += e[t] * e[t];
    if (t >= lag) num += e[t] * e[t - lag];
  }
  return den > 0 ? num / den : 0;
}

/** `history`: the weeks from the first sale on; `intermittent`: the Syntetos–Boylan class says so. */
export function demandFamily(history: readonly number[], intermittent: boolean, policy: ForecastPolicy): ModelFamily | null {
  if (!history.length) return null;
  if (intermittent) return 'intermittent';
  const z = policy.selectionSignificanceZ;
  const m = policy.seasonPeriodWeeks;
  if (history.length >= 2 * m && detrendedAutocorrelation(history, m) > z / Math.sqrt(history.length)) return 'seasonal';
  return Math.abs(mannKendallZ(history)) > z ? 'trend' : 'level';
}
