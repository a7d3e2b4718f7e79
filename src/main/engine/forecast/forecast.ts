// The forward forecast of one series: the models chosen with the whole history (median of the best few),
// refitted on all weeks, with intervals from the backtest errors of the selection procedure.
import { addDays, type IsoDate } from '../../../shared/dates';
import type { DemandClassification } from './classify';
import { resolveModels, type BacktestOptions, type SeriesBacktest, type SeriesInput } from './backtest';
import { combine } from './select';
import { empiricalIntervals } from './intervals';
import { firstNonZero } from './stats';

export interface SeriesForecast {
  series: string;
  /** 'ordersOnly': too short to forecast statistically; the point is 0 and demand comes from open orders. */
  method: 'statistical' | 'ordersOnly';
  reason?: string;
  /** The models combined (median), best first. */
  members: string[];
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
  const { policy, specs } = resolveModels(options);
  const y = series.values;
  const h = Math.max(0, Math.min(horizonWeeks, policy.maxHorizonWeeks));
  const weeks = Array.from({ length: h }, (_, i) => addDays(series.startWeek, 7 * (y.length + i)));
  const zeros = new Array<number>(h).fill(0);
  if (!classification.forecastable) {
    return { series: series.id, method: 'ordersOnly', reason: classification.reason, members: [], weeks, point: zeros, lo80: zeros, hi80: zeros, lo95: zeros, hi95: zeros };
  }
  const history = y.slice(firstNonZero(y));
  const byName = new Map(specs.map((m) => [m.name, m]));
  const members = backtest.finalSelection.members.filter((m) => (byName.get(m)?.minWeeks ?? Infinity) <= history.length);
  if (!members.length) members.push(backtest.finalSelection.benchmark);
  const point = combine(members.map((m) => byName.get(m)!.fit(history).forecast(h)));
  const bands = empiricalIntervals(point, backtest.selectedErrors, policy);
  return { series: series.id, method: 'statistical', members, weeks, point, lo80: bands.lo80, hi80: bands.hi80, lo95: bands.lo95, hi95: bands.hi95 };
}
