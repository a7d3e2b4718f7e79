// Domain types of the demand forecasting engine.
import type { IsoDate } from '../../../shared/dates';
import type { SalesHistoryLine } from '../../../shared/domain/entities';

/**
 * An invoiced sales line (Sales Activity Report) as the forecast reads it: `uom` as exported ('yds', 'lbs', 'kg',
 * 'each', ...; normalised case-insensitively), the finished style and the customer the series are built on.
 */
export type SalesLine = Pick<SalesHistoryLine, 'document' | 'invoiceDate' | 'customer' | 'finishedStyle' | 'qty' | 'uom'>;

/**
 * Finished style -> greige style and fabric weight, injected by the caller (eFab_Styles + fabric specs).
 * Shaped so the yarn engine's bridge (nulls for unknowns) can be passed as is.
 */
export type StyleBridge = (fStyle: string) => { greigeStyle?: string | null; ozPerLinYd?: number | null } | null | undefined;

export type SeriesLevel = 'total' | 'style' | 'styleCustomer' | 'greige';
export type DemandUnit = 'yds' | 'lbs';

/** A weekly demand series. Every series of one history shares the same calendar (zero-filled). */
export interface DemandSeries {
  /** `TOTAL`, `S:<style>`, `SC:<style>|<customer>`, `G:<greige>`; lbs series end in `@lbs`. */
  id: string;
  level: SeriesLevel;
  unit: DemandUnit;
  style?: string;
  customer?: string;
  greigeStyle?: string;
  /** Monday of the first week. */
  startWeek: IsoDate;
  values: number[];
}

export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

/** A model fitted to a history: one-step in-sample fit and a forecast function (clamped at 0). */
export interface FittedModel {
  readonly model: string;
  readonly params: Readonly<Record<string, number>>;
  /** One-step-ahead in-sample forecasts; NaN where the model has no forecast yet. */
  readonly fitted: number[];
  /** y - fitted (NaN where fitted is NaN). */
  readonly residuals: number[];
  forecast(h: number): number[];
}

export type ModelFamily = 'level' | 'trend' | 'seasonal' | 'intermittent';

export interface ModelSpec {
  name: string;
  family: ModelFamily;
  /** Weeks of (leading-zero-trimmed) history the model needs. */
  minWeeks: number;
  /** Fit to a history; `fixed` pins parameters (and initial states) instead of estimating them. */
  fit(history: readonly number[], fixed?: Readonly<Record<string, number>>): FittedModel;
  /** The model's forecasts along a growing history with `fixed` weights (see Tracker); undefined when `fixed`
   *  leaves a weight to estimate. */
  track(fixed: Readonly<Record<string, number>>): Tracker | undefined;
}

/**
 * A model's forecasts origin after origin with its weights fixed (the backtest between two estimates):
 * `forecast(weeks, n, stable, h)` is exactly `fit(weeks.slice(0, n), fixed).forecast(h)`. The first `stable` weeks
 * are the same at every later call (n and stable never decrease), so a model whose state is a recursion over the
 * weeks filters each stable week once instead of the whole history at every origin.
 */
export interface Tracker {
  forecast(weeks: readonly number[], n: number, stable: number, h: number): number[];
}

/** One backtest point. `origin` is the Monday of the first forecast week. */
export interface BacktestRow {
  series: string;
  origin: IsoDate;
  horizon: number;
  model: string;
  actual: number;
  forecast: number;
}
