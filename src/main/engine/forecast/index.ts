// Public API of the demand forecasting engine (pure, deterministic; no I/O, no clock).
export type {
  SalesLine,
  StyleBridge,
  DemandSeries,
  SeriesLevel,
  DemandUnit,
  DemandClass,
  FittedModel,
  ModelSpec,
  ModelFamily,
  BacktestRow,
} from './types';
export { buildDemandSeries, TOTAL_ID, styleSeriesId, styleCustomerSeriesId, greigeSeriesId, lbsSeriesId } from './series';
export type { DemandHistory, DemandSeriesOptions, LineIssue, RollUpIssue } from './series';
export { flagOutliers, clipOutliers, type OutlierFlag } from './outliers';
export { classifyDemand, type DemandClassification } from './classify';
export { createModelLibrary, pickModels, type ModelLibrary } from './models/library';
export { backtestSeries, forecastTable, SELECTED, DEFAULT_BASELINES } from './backtest';
export type { BacktestOptions, SeriesInput, SeriesBacktest, SelectionRecord } from './backtest';
export { selectAt, weightedForecast, equalWeights, COMB, SKILL, type Selection, type CandidateSets, type Weighted } from './select';
export { accuracy, emptySums, mergeSums, naiveScale, wapeOfRows, type Accuracy, type ErrorSums } from './metrics';
export { empiricalIntervals, errorsByHorizon, type IntervalBands } from './intervals';
export { forecastSeries, type SeriesForecast } from './forecast';
export { consumeForecast, consumeForecastsByStyle } from './consumption';
export type { WeeklyForecast, OpenOrderQty, ConsumedWeek, ConsumptionResult } from './consumption';
export { runForecastBatch, summariseAccuracy } from './batch';
export type { ForecastBatchOptions, ForecastBatchResult, SeriesForecastResult, AccuracyTable } from './batch';
export { createRng, type Rng } from './prng';
export { reconcileHierarchy, mintReconcile, hierarchyProblem, APPROACHES, HIERARCHY_LEVELS } from './hierarchy';
export type { Approach, HierarchyLevel, HierarchyNode, HierarchyInput, HierarchyResult, ReconciledNode } from './hierarchy';
export { makeCoherent, BASE, type CoherentOutcome } from './coherent';
export { demandFamily, mannKendallZ, detrendedAutocorrelation } from './family';
