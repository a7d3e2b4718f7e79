// Rolling-origin backtest with an expanding window. At each origin every model is fitted on the weeks before it
// (leading zeros trimmed: a style's history starts at its first sale) and forecasts horizons 1..H.
// Origins before `backtestFirstOrigin` (from `selectionFirstOrigin`) are computed only to score models for
// selection; rows are reported from `backtestFirstOrigin` on, including the selection procedure itself as
// model `selected`.
import { addDays, type IsoDate } from '../../../shared/dates';
import { forecastPolicyDefaults, type ForecastPolicy } from '../../../shared/policy/forecast';
import type { BacktestRow, ModelSpec } from './types';
import { createModelLibrary, pickModels, type ModelLibrary } from './models/library';
import { combine, selectAt, type CandidateSets, type ForecastTable, type Selection } from './select';
import { firstNonZero } from './stats';
import { addPoint, emptySums, naiveScale, type ErrorSums } from './metrics';

export const SELECTED = 'selected';
/** Baselines always computed and reported next to the selection (profile §6). */
export const DEFAULT_BASELINES: readonly string[] = ['naive', 'ma4', 'ma8', 'mean'];

export interface BacktestOptions {
  policy?: ForecastPolicy;
  library?: ModelLibrary;
  /** Models selection may choose from, whatever the class (default: policy.candidatesSmooth for series whose
   *  training weeks are smooth or erratic, policy.candidatesIntermittent for intermittent or lumpy ones). */
  candidates?: readonly string[];
  /** Models reported for comparison (default naive, ma4, ma8, mean). */
  baselines?: readonly string[];
  /** Keep every backtest row (default true); large batches may want only the error sums. */
  keepRows?: boolean;
}

export interface SeriesInput {
  id: string;
  startWeek: IsoDate;
  values: readonly number[];
}

export interface SeriesBacktest {
  series: string;
  /** Every reported row: each model, each origin >= backtestFirstOrigin, each horizon with an actual
   *  (empty when `keepRows` is false). */
  rows: BacktestRow[];
  /** Error sums per model over horizons 1..metricsMaxHorizon (complete windows only when the policy says so). */
  metrics: Record<string, ErrorSums>;
  /** actual - forecast of `selected` per horizon (index h - 1): the basis of the prediction intervals. */
  selectedErrors: number[][];
  /** The selection used at each reported origin. */
  selections: { origin: IsoDate; members: string[] }[];
  /** The selection made with the whole history (used for the forward forecast). */
  finalSelection: Selection;
  /** MASE scale (in-sample naive MAE of the training weeks) per reported origin. */
  scaleByOrigin: Record<IsoDate, number>;
}

export function resolveModels(options: BacktestOptions): {
  policy: ForecastPolicy;
  candidates: CandidateSets;
  specs: ModelSpec[];
} {
  const policy = options.policy ?? forecastPolicyDefaults;
  const candidates: CandidateSets = options.candidates
    ? { smooth: options.candidates, intermittent: options.candidates }
    : { smooth: policy.candidatesSmooth, intermittent: policy.candidatesIntermittent };
  const baselines = options.baselines ?? DEFAULT_BASELINES;
  const names = [...new Set([...candidates.smooth, ...candidates.intermittent, ...baselines, policy.benchmarkSmooth, policy.benchmarkIntermittent])];
  const lib = options.library ?? createModelLibrary(policy, names);
  return { policy, candidates, specs: pickModels(lib, names) };
}

/** Parameters that are estimated weights (carried between refits); everything else is an initial state. */
const WEIGHTS = ['alpha', 'beta', 'gamma', 'phi'];

/**
 * Forecasts of each model at each origin from `firstOrigin` to the end; null where the model needs more weeks.
 * Weights are re-estimated when the training grew by `refitGrowth` since the model's last estimate.
 */
export function forecastTable(
  y: readonly number[],
  specs: readonly ModelSpec[],
  firstOrigin: number,
  maxHorizon: number,
  refitGrowth = 0,
): Map<string, (number[] | null)[]> {
  const start = firstNonZero(y);
  const table = new Map<string, (number[] | null)[]>(specs.map((m) => [m.name, []]));
  const last = new Map<string, { weeks: number; weights: Record<string, number> }>();
  for (let o = firstOrigin; o < y.length; o++) {
    const h = Math.min(maxHorizon, y.length - o);
    const training = o > start ? y.slice(start, o) : [];
    for (const m of specs) {
      let fc: number[] | null = null;
      if (!training.length) fc = new Array<number>(h).fill(0); // nothing sold yet: nothing to forecast
      else if (training.length >= m.minWeeks) {
        const prev = last.get(m.name);
        if (prev && training.length < prev.weeks * (1 + refitGrowth)) {
          fc = m.fit(training, prev.weights).forecast(h);
        } else {
          const fit = m.fit(training);
          const weights = Object.fromEntries(WEIGHTS.filter((k) => k in fit.params).map((k) => [k, fit.params[k]]));
          last.set(m.name, { weeks: training.length, weights });
          fc = fit.forecast(h);
        }
      }
      table.get(m.name)!.push(fc);
    }
  }
  return table;
}

export function backtestSeries(series: SeriesInput, options: BacktestOptions = {}): SeriesBacktest {
  const { policy, candidates, specs } = resolveModels(options);
  const y = series.values;
  const firstOrigin = Math.min(policy.selectionFirstOrigin, policy.backtestFirstOrigin);
  const table = forecastTable(y, specs, firstOrigin, policy.backtestMaxHorizon, policy.backtestRefitGrowth);
  const ctx = { y, table: table as ForecastTable, firstOrigin, candidates, policy };
  const start = firstNonZero(y);

  const rows: BacktestRow[] = [];
  const keepRows = options.keepRows ?? true;
  const metrics: Record<string, ErrorSums> = {};
  const selectedErrors: number[][] = Array.from({ length: policy.backtestMaxHorizon }, () => []);
  const selections: SeriesBacktest['selections'] = [];
  const scaleByOrigin: Record<IsoDate, number> = {};
  // metrics use horizons 1..M, and with complete windows only origins whose M weeks all have actuals
  const M = policy.metricsMaxHorizon;
  const lastMetricOrigin = policy.metricsCompleteWindowsOnly ? y.length - M : y.length - 1;
  for (let o = Math.max(firstOrigin, policy.backtestFirstOrigin); o < y.length; o++) {
    const origin = addDays(series.startWeek, 7 * o);
    const i = o - firstOrigin;
    const { members } = selectAt(ctx, o);
    selections.push({ origin, members });
    const scale = naiveScale(o > start ? y.slice(start, o) : []);
    scaleByOrigin[origin] = scale;
    const memberFcs = members.map((m) => table.get(m)?.[i]).filter((f): f is number[] => !!f);
    const record = (model: string, fc: readonly number[]) => {
      const sums = o <= lastMetricOrigin ? (metrics[model] ??= emptySums()) : undefined;
      for (let k = 0; k < fc.length; k++) {
        if (keepRows) rows.push({ series: series.id, origin, horizon: k + 1, model, actual: y[o + k], forecast: fc[k] });
        if (sums && k < M) addPoint(sums, y[o + k], fc[k], scale);
      }
    };
    for (const m of specs) {
      const fc = table.get(m.name)![i];
      if (fc) record(m.name, fc);
    }
    if (memberFcs.length) {
      const selected = combine(memberFcs);
      record(SELECTED, selected);
      selected.forEach((f, k) => selectedErrors[k].push(y[o + k] - f));
    }
  }
  return { series: series.id, rows, metrics, selectedErrors, selections, finalSelection: selectAt(ctx, y.length), scaleByOrigin };
}
