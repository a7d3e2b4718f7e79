// What a forecast run holds (stored per snapshot, read by the views and written as CSV): a module of its own so the
// job and the CSV writers it calls share it.
import type { IsoDate } from '../../../shared/dates';
import type { DemandUnit, SeriesLevel } from '../../engine/forecast/types';
import type { buildDemandSeries, CoherentOutcome, summariseAccuracy } from '../../engine/forecast';
import type { SeriesForecastResult } from '../../engine/forecast/batch';

export interface ForecastRun {
  snapshotId: number;
  computedAt: string;
  /** The snapshot's as-of date: forecast weeks before its week are a gap between the history and the plan. */
  asOf: IsoDate;
  historyWeeks: string[];
  /**
   * Forecast weeks before the as-of week: the sales history ends before the snapshot, so these weeks were
   * forecast but are already past or current-but-unplanned — shown as a history gap, never planned (the yarn
   * layer takes plan weeks only, net of open sales orders).
   */
  historyGapWeeks: IsoDate[];
  /**
   * Plan weeks (calendar.horizonWeeks from the as-of week) the forecast does not reach: forecast.maxHorizonWeeks,
   * counted from the as-of week, is shorter than the plan. Said in the forecast view and by the CLI; empty normally.
   */
  uncoveredPlanWeeks: IsoDate[];
  /** Edge weeks the sales history covers only partly, scaled to full weeks (÷ the share of a week their days hold) in every series. */
  partialWeeks: ReturnType<typeof buildDemandSeries>['partialWeeks'];
  /** How the company total, styles and style x customer series were made coherent (per level), or why not. */
  hierarchy: { levels: NonNullable<CoherentOutcome['levels']>; problem: string | null };
  series: (Omit<SeriesForecastResult, 'rows' | 'metrics' | 'metricsByHorizon' | 'selectedByOrigin'> & {
    level: SeriesLevel;
    unit: DemandUnit;
    style?: string;
    customer?: string;
    greigeStyle?: string;
    history: number[];
  })[];
  /**
   * Accuracy per group and model (h 1..metricsMaxHorizon): TOTAL, styles (yds; those long enough to forecast, the
   * short ones apart), their demand classes, and style x customer. Every model, the combinations, the hierarchy
   * approaches, `base` (each series' own selection) and `selected` (what the plan uses) on the same points.
   */
  accuracy: ReturnType<typeof summariseAccuracy>;
  /** WAPE of the selected forecast and the baselines per horizon, over the portfolio of TOTAL + styles (yds). */
  accuracyByHorizon: { horizon: number; model: string; wape: number; points: number }[];
  /** Backtest rows kept for backtest.csv and the charts: all of the company total, the styles' within the budget. */
  storedBacktestRows: number;
  lineIssues: ReturnType<typeof buildDemandSeries>['lineIssues'];
  rollUpIssues: ReturnType<typeof buildDemandSeries>['rollUpIssues'];
  outliers: ReturnType<typeof buildDemandSeries>['outliers'];
}

export type CompactBacktestRow = [series: string, origin: string, horizon: number, model: string, actual: number, forecast: number];
