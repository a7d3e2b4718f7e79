// Rolling-origin backtest with an expanding window. At each origin every model is fitted on the weeks before it
// (leading zeros trimmed: a style's history starts at its first sale; candidates see those weeks with outliers
// clipped, the baselines as invoiced) and forecasts horizons 1..H. The combinations and the selection are computed at
// every origin from `selectionFirstOrigin` on, each from the errors of forecasts made before it (nested: nothing
// peeks); rows are reported from `backtestFirstOrigin` on, including the selection procedure itself as `selected`.
import { addDays, type IsoDate } from '../../../shared/dates';
import { forecastPolicyDefaults, type ForecastPolicy } from '../../../shared/policy/forecast';
import type { BacktestRow, ModelFamily, ModelSpec } from './types';
import { createModelLibrary, pickModels, type ModelLibrary } from './models/library';
import { COMB, SKILL, equalWeights, intermittentBefore, selectAt, weightedForecast, type CandidateSets, type Selection, type SelectionContext } from './select';
import { expandingClipper } from './outliers';
import { demandFamily } from './family';
import { firstNonZero } from './stats';
import { addPoint, emptySums, naiveScale, type ErrorSums } from './metrics';

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
  /** Keep every backtest row (default true); large batches may want only the error sums. */
  keepRows?: boolean;
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
   *  (empty when `keepRows` is false). */
  rows: BacktestRow[];
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
  const names = [...new Set([...candidates.smooth, ...candidates.intermittent, ...combinations.smooth, ...combinations.intermittent, policy.benchmarkSmooth, policy.benchmarkIntermittent, ...baselines])];
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
  clipper?: { at(n: number): number[] };
}

/**
 * Forecasts of each model at each origin from `firstOrigin` to the end; null where the model needs more weeks.
 * Weights are re-estimated when the training grew by `refitGrowth` since the model's last estimate.
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
  const table = new Map<string, (number[] | null)[]>(specs.map((m) => [m.name, []]));
  const last = new Map<string, { weeks: number; weights: Record<string, number> }>();
  const rawSpec = specs.map((m) => !clipper || !!raw?.has(m.name));
  const columns = specs.map((m) => table.get(m.name)!);
  for (let o = firstOrigin; o < y.length; o++) {
    const h = Math.min(maxHorizon, y.length - o);
    const training = o > start ? y.slice(start, o) : [];
    const clipped = clipper && training.length ? clipper.at(training.length) : training;
    for (let s = 0; s < specs.length; s++) {
      const m = specs[s];
      let fc: number[] | null = null;
      const isRaw = rawSpec[s];
      const weeks = isRaw ? training : clipped;
      const state = isRaw ? {} : CLIPPED;
      if (!weeks.length) fc = new Array<number>(h).fill(0); // nothing sold yet: nothing to forecast
      else if (weeks.length >= m.minWeeks) {
        const prev = last.get(m.name);
        if (prev && weeks.length < prev.weeks * (1 + refitGrowth)) {
          fc = m.fit(weeks, { ...prev.weights, ...state }).forecast(h);
        } else {
          const fit = m.fit(weeks, state);
          const weights = Object.fromEntries(WEIGHTS.filter((k) => k in fit.params).map((k) => [k, fit.params[k]]));
          last.set(m.name, { weeks: weeks.length, weights });
          fc = fit.forecast(h);
        }
      }
      columns[s].push(fc);
    }
  }
  return table;
}

/** `comb` at each origin: the equal-weight mean of the combination set of the class of the weeks before it. */
function combinationColumn(y: readonly number[], table: ReadonlyMap<string, readonly (number[] | null)[]>, firstOrigin: number, r: ResolvedModels): (number[] | null)[] {
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
  const table = forecastTable(y, specs, firstOrigin, policy.backtestMaxHorizon, { refitGrowth: policy.backtestRefitGrowth, raw: resolved.raw, clipper });
  table.set(COMB, combinationColumn(y, table, firstOrigin, resolved));
  const skillColumn: (number[] | null)[] = [];
  table.set(SKILL, skillColumn);
  const ctx: SelectionContext = { y, table, firstOrigin, candidates, combinations, policy };

  const rows: BacktestRow[] = [];
  const keepRows = options.keepRows ?? true;
  const metrics: Record<string, ErrorSums> = {};
  const metricsByHorizon: Record<string, ErrorSums[]> = {};
  const selectedErrors: number[][] = Array.from({ length: policy.backtestMaxHorizon }, () => []);
  const selections: SelectionRecord[] = [];
  const scaleByOrigin: Record<IsoDate, number> = {};
  const selectedByOrigin: (number[] | null)[] = [];
  const reported = [...specs.map((m) => m.name), COMB, SKILL].map((name) => ({ name, column: table.get(name)! }));
  const byHorizon = new Set([SELECTED, ...resolved.baselines]);
  // metrics use horizons 1..M, and with complete windows only origins whose M weeks all have actuals
  const M = policy.metricsMaxHorizon;
  const lastMetricOrigin = policy.metricsCompleteWindowsOnly ? y.length - M : y.length - 1;
  for (let o = firstOrigin; o < y.length; o++) {
    const i = o - firstOrigin;
    const sel = selectAt(ctx, o);
    const at = (m: string) => table.get(m)?.[i];
    skillColumn.push(sel.skill && weightedForecast(sel.skill, at));
    const selected = weightedForecast(sel, at);
    selectedByOrigin.push(selected);
    if (o < policy.backtestFirstOrigin) continue;

    const origin = addDays(series.startWeek, 7 * o);
    selections.push({ origin, choice: sel.choice, members: sel.members, weights: sel.weights });
    const scale = naiveScale(o > start ? y.slice(start, o) : []);
    scaleByOrigin[origin] = scale;
    const record = (model: string, fc: readonly number[]) => {
      const sums = o <= lastMetricOrigin ? (metrics[model] ??= emptySums()) : undefined;
      const byH = byHorizon.has(model) ? (metricsByHorizon[model] ??= Array.from({ length: policy.backtestMaxHorizon }, emptySums)) : undefined;
      for (let k = 0; k < fc.length; k++) {
        if (keepRows) rows.push({ series: series.id, origin, horizon: k + 1, model, actual: y[o + k], forecast: fc[k] });
        if (sums && k < M) addPoint(sums, y[o + k], fc[k], scale);
        if (byH) addPoint(byH[k], y[o + k], fc[k], scale);
      }
    };
    for (const m of reported) {
      const fc = m.column[i];
      if (fc) record(m.name, fc);
    }
    if (selected) {
      record(SELECTED, selected);
      selected.forEach((f, k) => selectedErrors[k].push(y[o + k] - f));
    }
  }
  const finalSelection = selectAt(ctx, y.length);
  const family = demandFamily(y.slice(start), finalSelection.intermittent, policy);
  const clippedHistory = clipper?.at(y.length - start) ?? y.slice(start);
  return { series: series.id, rows, metrics, metricsByHorizon, selectedErrors, selections, finalSelection, family, scaleByOrigin, selectedByOrigin, firstOrigin, clippedHistory };
}
