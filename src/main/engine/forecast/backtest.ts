// Rolling-origin backtest with an expanding window. At each origin every model is fitted on the weeks before it
// (leading zeros trimmed: a style's history starts at its first sale; candidates see those weeks with outliers
// clipped, the baselines as invoiced) and forecasts horizons 1..H. The combinations and the selection are computed at
// every origin from `selectionFirstOrigin` on, each from the errors of forecasts made before it (nested: nothing
// peeks); rows are reported from `backtestFirstOrigin` on, including the selection procedure itself as `selected`.
import { addDays, type IsoDate } from '../../../shared/dates';
import { forecastPolicyDefaults, type ForecastPolicy } from '../../../shared/policy/forecast';
import type { BacktestRow, ModelFamily, ModelSpec, Tracker } from './types';
import { createModelLibrary, pickModels, type ModelLibrary } from './models/library';
import {
  COMB,
  SKILL,
  equalWeights,
  intermittentBefore,
  selectAt,
  weightedForecast,
  type CandidateSets,
  type Selection,
  type SelectionContext,
} from './select';
import { expandingClipper, type ExpandingClipper } from './outliers';
import { demandFamily } from './family';
import { doubles, firstNonZero } from './stats';
import { addPoint, emptySums, naiveScalesByOrigin, type ErrorSums } from './metrics';

export const SELECTED = 'selected';
/** Baselines always computed and reported next to the selection (profile §6); fitted on the weeks as invoiced. */
export const DEFAULT_BASELINES: readonly string[] = ['naive', 'ma4', 'ma8', 'mean'];

export interface BacktestOptions {
  policy?: ForecastPolicy;
  library?: ModelLibrary;
  /** Models selection may choose from, whatever the class (default: policy.candidatesSmooth for series whose
   *  training weeks are smooth or erratic, policy.candidatesIntermittent for intermittent or lumpy ones). */
  candidates?: readonly string[];
  /** Models reported for comparison (default naive, ma4, ma8, mean), always fitted on the weeks as invoiced. */
  baselines?: readonly string[];
  /**
   * Keep every backtest row (default true); large batches may want only the error sums. A function decides once the
   * backtest knows how many rows there are (and how many of them are the selection's), before they are made.
   */
  keepRows?: boolean | ((rows: number, selectedRows: number) => boolean);
}

export interface SeriesInput {
  id: string;
  startWeek: IsoDate;
  values: readonly number[];
}

export interface SelectionRecord {
  origin: IsoDate;
  choice: string;
  members: string[];
  weights: number[];
}

export interface SeriesBacktest {
  series: string;
  /** Every reported row: each model, each origin >= backtestFirstOrigin, each horizon with an actual
   *  (empty when not kept: see `rowsKept`). */
  rows: BacktestRow[];
  /** Whether `keepRows` kept the rows. */
  rowsKept: boolean;
  /** Error sums per model over horizons 1..metricsMaxHorizon (complete windows only when the policy says so). */
  metrics: Record<string, ErrorSums>;
  /** Error sums of the selection and the baselines per horizon (index h - 1) over every reported origin with an actual. */
  metricsByHorizon: Record<string, ErrorSums[]>;
  /** actual - forecast of `selected` per horizon (index h - 1): the basis of the prediction intervals. */
  selectedErrors: number[][];
  /** The selection used at each reported origin. */
  selections: SelectionRecord[];
  /** The selection made with the whole history (used for the forward forecast). */
  finalSelection: Selection;
  /** The demand pattern of the whole history (family.ts); null without demand. */
  family: ModelFamily | null;
  /** MASE scale (in-sample naive MAE of the training weeks) per reported origin. */
  scaleByOrigin: Record<IsoDate, number>;
  /** The weeks from the first sale on as the candidates are fitted on them (outliers clipped when robust fitting). */
  clippedHistory: readonly number[];
  /** The selected forecast at every origin from `firstOrigin` on (index origin - firstOrigin; null: none). */
  selectedByOrigin: (number[] | null)[];
  firstOrigin: number;
}

export interface ResolvedModels {
  policy: ForecastPolicy;
  candidates: CandidateSets;
  combinations: CandidateSets;
  baselines: readonly string[];
  specs: ModelSpec[];
  /** Models fitted on the weeks as invoiced (the baselines, or all when robust fitting is off). */
  raw: ReadonlySet<string>;
}

const resolvedByOptions = new WeakMap<BacktestOptions, ResolvedModels>();

/** The models of a backtest (resolved once per options object: a batch passes the same one for every series). */
export function resolveModels(options: BacktestOptions): ResolvedModels {
  let r = resolvedByOptions.get(options);
  if (!r) resolvedByOptions.set(options, (r = resolve(options)));
  return r;
}

function resolve(options: BacktestOptions): ResolvedModels {
  const policy = options.policy ?? forecastPolicyDefaults;
  const candidates: CandidateSets = options.candidates
    ? { smooth: options.candidates, intermittent: options.candidates }
    : { smooth: policy.candidatesSmooth, intermittent: policy.candidatesIntermittent };
  const combinations: CandidateSets = { smooth: policy.combinationSmooth, intermittent: policy.combinationIntermittent };
  const baselines = options.baselines ?? DEFAULT_BASELINES;
  const names = [
    ...new Set([
      ...candidates.smooth,
      ...candidates.intermittent,
      ...combinations.smooth,
      ...combinations.intermittent,
      policy.benchmarkSmooth,
      policy.benchmarkIntermittent,
      ...baselines,
    ]),
  ].filter((name) => name !== COMB); // the combination as a benchmark is made of the models above
  const lib = options.library ?? createModelLibrary(policy, names);
  const specs = pickModels(lib, names);
  const raw = new Set(policy.robustFitting ? baselines : names);
  return { policy, candidates, combinations, baselines, specs, raw };
}

/** Tells a model that clips outliers itself that the weeks it is given are clipped already. */
export const CLIPPED: Readonly<Record<string, number>> = { clipped: 1 };

/** Parameters that are estimated weights (carried between refits); everything else is an initial state. */
const WEIGHTS = ['alpha', 'beta', 'gamma', 'phi'];

export interface TableOptions {
  /** Weights are re-estimated when the training grew by this fraction since the model's last estimate (0: always). */
  refitGrowth?: number;
  /** Clip outliers in the training weeks of every model except these (needs `clipper`). */
  raw?: ReadonlySet<string>;
  /** Clipped training weeks (expandingClipper over the weeks from the first sale on). */
  clipper?: ExpandingClipper;
}

/** A model's last estimate: its weights, the weeks they were estimated on, and its forecasts with them. */
interface Estimate {
  weeks: number;
  weights: Record<string, number>;
  /** No weights to estimate (its forecast is a function of the weeks): never re-estimated. */
  weightless: boolean;
  tracker: Tracker | undefined;
}

/**
 * Forecasts of each model at each origin from `firstOrigin` to the end; null where the model needs more weeks.
 * Weights are re-estimated when the training grew by `refitGrowth` since the model's last estimate; in between,
 * the model's tracker moves its states on by the new weeks only (the same numbers as a fit with those weights).
 */
export function forecastTable(
  y: readonly number[],
  specs: readonly ModelSpec[],
  firstOrigin: number,
  maxHorizon: number,
  options: TableOptions = {},
): Map<string, (number[] | null)[]> {
  const { refitGrowth = 0, raw, clipper } = options;
  const start = firstNonZero(y);
  const history = y.slice(start);
  const table = new Map<string, (number[] | null)[]>(specs.map((m) => [m.name, []]));
  const estimates: (Estimate | undefined)[] = specs.map(() => undefined);
  const rawSpec = specs.map((m) => !clipper || !!raw?.has(m.name));
  const columns = specs.map((m) => table.get(m.name)!);
  for (let o = firstOrigin; o < y.length; o++) {
    const h = Math.min(maxHorizon, y.length - o);
    // training weeks: history[0..n) as invoiced, clipped.weeks[0..n) with outliers clipped
    const n = Math.max(0, o - start);
    const clipped = clipper && n ? clipper.advance(n) : { weeks: history, stable: n };
    // copies of the training weeks, made only for a fit
    let rawCopy: number[] | undefined;
    let clippedCopy: number[] | undefined;
    for (let s = 0; s < specs.length; s++) {
      const m = specs[s];
      let fc: number[] | null = null;
      const isRaw = rawSpec[s];
      if (!n)
        fc = doubles(h); // nothing sold yet: nothing to forecast
      else if (n >= m.minWeeks) {
        const prev = estimates[s];
        const keep = prev !== undefined && (prev.weightless || n < prev.weeks * (1 + refitGrowth));
        if (keep && prev.tracker) fc = isRaw ? prev.tracker.forecast(history, n, n, h) : prev.tracker.forecast(clipped.weeks, n, clipped.stable, h);
        else {
          const training = isRaw ? (rawCopy ??= history.slice(0, n)) : (clippedCopy ??= clipped.weeks.slice(0, n));
          const state = isRaw ? {} : CLIPPED;
          if (keep) fc = m.fit(training, { ...prev.weights, ...state }).forecast(h);
          else {
            const fit = m.fit(training, state);
            const weights = Object.fromEntries(WEIGHTS.filter((k) => k in fit.params).map((k) => [k, fit.params[k]]));
            const weightless = Object.keys(weights).length === 0;
            estimates[s] = { weeks: n, weights, weightless, tracker: m.track({ ...weights, ...state }) };
            fc = fit.forecast(h);
          }
        }
      }
      columns[s].push(fc);
    }
  }
  return table;
}

/** `comb` at each origin: the equal-weight mean of the combination set of the class of the weeks before it. */
function combinationColumn(
  y: readonly number[],
  table: ReadonlyMap<string, readonly (number[] | null)[]>,
  firstOrigin: number,
  r: ResolvedModels,
): (number[] | null)[] {
  const smooth = equalWeights(r.combinations.smooth);
  const intermittent = equalWeights(r.combinations.intermittent);
  const column: (number[] | null)[] = [];
  for (let o = firstOrigin; o < y.length; o++) {
    const w = intermittentBefore(y, o, r.policy.adiCutoff) ? intermittent : smooth;
    column.push(weightedForecast(w, (m) => table.get(m)?.[o - firstOrigin]));
  }
  return column;
}

export function backtestSeries(series: SeriesInput, options: BacktestOptions = {}): SeriesBacktest {
  const resolved = resolveModels(options);
  const { policy, candidates, combinations, specs } = resolved;
  const y = series.values;
  const firstOrigin = Math.min(policy.selectionFirstOrigin, policy.backtestFirstOrigin);
  const start = firstNonZero(y);
  const clipper = policy.robustFitting ? expandingClipper(y.slice(start), policy) : undefined;
  const table = forecastTable(y, specs, firstOrigin, policy.backtestMaxHorizon, {
    refitGrowth: policy.backtestRefitGrowth,
    raw: resolved.raw,
    clipper,
  });
  table.set(COMB, combinationColumn(y, table, firstOrigin, resolved));
  const skillColumn: (number[] | null)[] = [];
  table.set(SKILL, skillColumn);
  const ctx: SelectionContext = { y, table, firstOrigin, candidates, combinations, policy };

  const metrics: Record<string, ErrorSums> = {};
  const metricsByHorizon: Record<string, ErrorSums[]> = {};
  const selectedErrors: number[][] = Array.from({ length: policy.backtestMaxHorizon }, () => []);
  const selections: SelectionRecord[] = [];
  const scaleByOrigin: Record<IsoDate, number> = {};
  const selectedByOrigin: (number[] | null)[] = [];
  const reported = [...specs.map((m) => m.name), COMB, SKILL].map((name) => ({
    name,
    column: table.get(name)!,
    byHorizon: resolved.baselines.includes(name),
  }));
  const scales = naiveScalesByOrigin(y, start);
  const dates = weekDates(series.startWeek, y.length);
  // metrics use horizons 1..M, and with complete windows only origins whose M weeks all have actuals
  const M = policy.metricsMaxHorizon;
  const lastMetricOrigin = policy.metricsCompleteWindowsOnly ? y.length - M : y.length - 1;
  let rowCount = 0;
  let selectedRowCount = 0;
  const record = (model: string, fc: readonly number[], o: number, scale: number, byHorizon: boolean) => {
    const sums = o <= lastMetricOrigin ? (metrics[model] ??= emptySums()) : undefined;
    const byH = byHorizon ? (metricsByHorizon[model] ??= Array.from({ length: policy.backtestMaxHorizon }, emptySums)) : undefined;
    for (let k = 0; k < fc.length; k++) {
      if (sums && k < M) addPoint(sums, y[o + k], fc[k], scale);
      if (byH) addPoint(byH[k], y[o + k], fc[k], scale);
    }
    rowCount += fc.length;
  };
  for (let o = firstOrigin; o < y.length; o++) {
    const i = o - firstOrigin;
    const sel = selectAt(ctx, o);
    const at = (m: string) => table.get(m)?.[i];
    skillColumn.push(sel.skill && weightedForecast(sel.skill, at));
    const selected = weightedForecast(sel, at);
    selectedByOrigin.push(selected);
    if (o < policy.backtestFirstOrigin) continue;

    const origin = dates[o];
    selections.push({ origin, choice: sel.choice, members: sel.members, weights: sel.weights });
    const scale = scales[o];
    scaleByOrigin[origin] = scale;
    for (const m of reported) {
      const fc = m.column[i];
      if (fc) record(m.name, fc, o, scale, m.byHorizon);
    }
    if (selected) {
      record(SELECTED, selected, o, scale, true);
      selectedRowCount += selected.length;
      selected.forEach((f, k) => selectedErrors[k].push(y[o + k] - f));
    }
  }
  const keep = options.keepRows ?? true;
  const rowsKept = typeof keep === 'function' ? keep(rowCount, selectedRowCount) : keep;
  const rows: BacktestRow[] = [];
  if (rowsKept) {
    // in the order they were scored: origin by origin, the models, then the selection
    for (let o = Math.max(firstOrigin, policy.backtestFirstOrigin); o < y.length; o++) {
      const i = o - firstOrigin;
      const add = (model: string, fc: readonly number[]) => {
        for (let k = 0; k < fc.length; k++)
          rows.push({ series: series.id, origin: dates[o], horizon: k + 1, model, actual: y[o + k], forecast: fc[k] });
      };
      for (const m of reported) {
        const fc = m.column[i];
        if (fc) add(m.name, fc);
      }
      const selected = selectedByOrigin[i];
      if (selected) add(SELECTED, selected);
    }
  }
  const finalSelection = selectAt(ctx, y.length);
  const family = demandFamily(y.slice(start), finalSelection.intermittent, policy);
  const clippedHistory = clipper?.at(y.length - start) ?? y.slice(start);
  return {
    series: series.id,
    rows,
    rowsKept,
    metrics,
    metricsByHorizon,
    selectedErrors,
    selections,
    finalSelection,
    family,
    scaleByOrigin,
    selectedByOrigin,
    firstOrigin,
    clippedHistory,
  };
}

const weekDatesCache = new Map<IsoDate, IsoDate[]>();

/** The Mondays of weeks 0..count-1 from `startWeek` (the series of one history share them: made once). */
function weekDates(startWeek: IsoDate, count: number): readonly IsoDate[] {
  let dates = weekDatesCache.get(startWeek);
  if (!dates) weekDatesCache.set(startWeek, (dates = []));
  for (let w = dates.length; w < count; w++) dates.push(addDays(startWeek, 7 * w));
  return dates;
}
