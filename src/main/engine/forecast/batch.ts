// Backtest + forecast over a list of series, one series at a time, so a worker host can split the list into
// chunks (one per worker thread), report progress and cancel between series. Results of chunks are merged by
// concatenating `results`; portfolio figures come from `summariseAccuracy`, which only adds error sums.
import { forecastPolicyDefaults } from '../../../shared/policy/forecast';
import type { BacktestRow, DemandClass } from './types';
import { backtestSeries, resolveModels, type BacktestOptions, type SeriesBacktest, type SeriesInput } from './backtest';
import { classifyDemand, type DemandClassification } from './classify';
import { forecastSeries, type SeriesForecast } from './forecast';
import { accuracy, emptySums, mergeSums, type Accuracy, type ErrorSums } from './metrics';
import { createModelLibrary } from './models/library';

export interface ForecastBatchOptions extends BacktestOptions {
  /** Forecast weeks after the history (default policy.maxHorizonWeeks; the forecast job adds the weeks up to the as-of week). */
  horizonWeeks?: number;
}

export interface SeriesForecastResult {
  series: string;
  classification: DemandClassification;
  /** Error sums per model over horizons 1..metricsMaxHorizon (complete windows only, per policy). */
  metrics: Record<string, ErrorSums>;
  /** Error sums of the selection and the baselines per horizon (index h - 1) over every reported origin with an actual. */
  metricsByHorizon: Record<string, ErrorSums[]>;
  selections: SeriesBacktest['selections'];
  finalSelection: SeriesBacktest['finalSelection'];
  family: SeriesBacktest['family'];
  /** Backtest rows (absent when `keepRows` did not keep them). */
  rows?: BacktestRow[];
  /** The selected forecast at every origin from `firstOrigin` on (what a hierarchy reconciles). */
  selectedByOrigin: SeriesBacktest['selectedByOrigin'];
  firstOrigin: number;
  forecast: SeriesForecast;
}

export interface ForecastBatchResult {
  results: SeriesForecastResult[];
  cancelled: boolean;
}

export function runForecastBatch(
  seriesList: readonly SeriesInput[],
  options: ForecastBatchOptions = {},
  onProgress?: (done: number, total: number) => void,
  isCancelled?: () => boolean,
): ForecastBatchResult {
  const policy = options.policy ?? forecastPolicyDefaults;
  const { specs } = resolveModels(options);
  // build the library once for the whole batch
  const library =
    options.library ??
    createModelLibrary(
      policy,
      specs.map((m) => m.name),
    );
  const opts = { ...options, policy, library };
  const horizon = options.horizonWeeks ?? policy.maxHorizonWeeks;
  const results: SeriesForecastResult[] = [];
  for (const s of seriesList) {
    if (isCancelled?.()) return { results, cancelled: true };
    const bt = backtestSeries(s, opts);
    const classification = classifyDemand(s.values, policy);
    results.push({
      series: s.id,
      classification,
      metrics: bt.metrics,
      metricsByHorizon: bt.metricsByHorizon,
      selections: bt.selections,
      finalSelection: bt.finalSelection,
      family: bt.family,
      rows: bt.rowsKept ? bt.rows : undefined,
      selectedByOrigin: bt.selectedByOrigin,
      firstOrigin: bt.firstOrigin,
      forecast: forecastSeries(s, bt, classification, horizon, opts),
    });
    onProgress?.(results.length, seriesList.length);
  }
  return { results, cancelled: false };
}

export type AccuracyTable = Record<string, Record<string, Accuracy>>;

/**
 * Accuracy per group and model, pooling the error sums of the series in each group. `group` maps a result to its
 * groups (default: 'portfolio' and the Syntetos–Boylan class).
 */
export function summariseAccuracy<R extends Pick<SeriesForecastResult, 'metrics' | 'classification'>>(
  results: readonly R[],
  group: (r: R) => string[] = (r) => ['portfolio', classLabel(r.classification.demandClass)],
): AccuracyTable {
  const sums: Record<string, Record<string, ErrorSums>> = {};
  for (const r of results) {
    for (const g of group(r)) {
      const bucket = (sums[g] ??= {});
      for (const [model, s] of Object.entries(r.metrics)) mergeSums((bucket[model] ??= emptySums()), s);
    }
  }
  const table: AccuracyTable = {};
  for (const [g, models] of Object.entries(sums)) {
    table[g] = Object.fromEntries(Object.entries(models).map(([m, s]) => [m, accuracy(s)]));
  }
  return table;
}

const classLabel = (c: DemandClass | null) => c ?? 'no demand';
