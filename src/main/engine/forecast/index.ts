// Public API of the demand forecasting engine (pure, deterministic; no I/O, no clock).
export type { SalesLine, StyleBridge, DemandSeries, SeriesLevel, DemandUnit, DemandClass, FittedModel, ModelSpec, ModelFamily, BacktestRow } from './types';
export { buildDemandSeries, TOTAL_ID, styleSeriesId, styleCustomerSeriesId, greigeSeriesId, lbsSeriesId } from './series';
export type { DemandHistory, DemandSeriesOptions, LineIssue, RollUpIssue } from './series';
export { flagOutliers, type OutlierFlag } from './outliers';
export { classifyDemand, type DemandClassification } from './classify';
export { createModelLibrary, pickModels, type ModelLibrary } from './models/library';
export { backtestSeries, forecastTable, SELECTED, DEFAULT_BASELINES } from './backtest';
export type { BacktestOptions, SeriesInput, SeriesBacktest } from './backtest';
export { selectAt, combine, type Selection, type CandidateSets } from './select';
export { accuracy, emptySums, mergeSums, naiveScale, wapeOfRows, type Accuracy, type ErrorSums } from './metrics';
export { empiricalIntervals, errorsByHorizon, type IntervalBands } from './intervals';
export { forecastSeries, type SeriesForecast } from './forecast';
export { consumeForecast, consumeForecastsByStyle } from './consumption';
export type { WeeklyForecast, OpenOrderQty, ConsumedWeek, ConsumptionResult } from './consumption';
export { runForecastBatch, summariseAccuracy } from './batch';
export type { ForecastBatchOptions, ForecastBatchResult, SeriesForecastResult, AccuracyTable } from './batch';
export { createRng, type Rng } from './prng';
