// The forward forecast of one series: the forecast chosen with the whole history (a model or a weighted
// combination), its models refitted on all weeks, with intervals from the backtest errors of the selection procedure.
import { addDays, type IsoDate } from '../../../shared/dates';
import type { DemandClassification } from './classify';
import { CLIPPED, resolveModels, type BacktestOptions, type SeriesBacktest, type SeriesInput } from './backtest';
import { weightedForecast } from './select';
import { empiricalIntervals } from './intervals';
import { firstNonZero } from './stats';
import type { Approach } from './hierarchy';

export interface SeriesForecast {
  series: string;
  /** 'ordersOnly': too short to forecast statistically; the point is 0 and demand comes from open orders. */
  method: 'statistical' | 'ordersOnly';
  reason?: string;
  /** What the selection chose: a model, `comb` (equal weights) or `skill` (weighted by backtest error). */
  choice: string;
  /** How the forecast was made coherent with the other levels (hierarchy.ts); absent: not part of a hierarchy. */
  approach?: Approach;
  /** The models combined, with their weights (one model: weight 1). */
  members: string[];
  weights: number[];
  /** Mondays of the forecast weeks (the weeks after the history). */
  weeks: IsoDate[];
  point: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

export function forecastSeries(
  series: SeriesInput,
  backtest: SeriesBacktest,
  classification: DemandClassification,
  horizonWeeks: number,
  options: BacktestOptions = {},
): SeriesForecast {
  const { policy, specs, raw } = resolveModels(options);
  const y = series.values;
  const h = Math.max(0, horizonWeeks);
  const weeks = Array.from({ length: h }, (_, i) => addDays(series.startWeek, 7 * (y.length + i)));
  const zeros = new Array<number>(h).fill(0);
  if (!classification.forecastable) {
    return {
      series: series.id,
      method: 'ordersOnly',
      reason: classification.reason,
      choice: '',
      members: [],
      weights: [],
      weeks,
      point: zeros,
      lo80: zeros,
      hi80: zeros,
      lo95: zeros,
      hi95: zeros,
    };
  }
  const history = y.slice(firstNonZero(y));
  const clipped = backtest.clippedHistory;
  const byName = new Map(specs.map((m) => [m.name, m]));
  const sel = backtest.finalSelection;
  // a member that needs more weeks than there are drops out (the weights of the others are renormalised)
  const usable = sel.members.map((m, i) => ({ m, w: sel.weights[i] })).filter(({ m }) => (byName.get(m)?.minWeeks ?? Infinity) <= history.length);
  const members = usable.map((u) => u.m);
  const total = usable.reduce((t, u) => t + u.w, 0);
  const weights = usable.map((u) => (total > 0 ? u.w / total : 0));
  const fitOf = (m: string) => (!policy.robustFitting || raw.has(m) ? byName.get(m)!.fit(history) : byName.get(m)!.fit(clipped, CLIPPED));
  const point = weightedForecast({ members, weights }, (m) => fitOf(m).forecast(h)) ?? zeros;
  const bands = empiricalIntervals(point, backtest.selectedErrors, policy);
  return {
    series: series.id,
    method: 'statistical',
    choice: sel.choice,
    members,
    weights,
    weeks,
    point,
    lo80: bands.lo80,
    hi80: bands.hi80,
    lo95: bands.lo95,
    hi95: bands.hi95,
  };
}
