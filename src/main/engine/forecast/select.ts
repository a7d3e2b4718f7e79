// Model selection without peeking: at a decision week, forecasts are scored only on backtest forecasts whose target
// week is before that week. The candidates are single models and two combinations: `comb`, the equal-weight mean of a
// few robust models fixed in the policy (M3/M4: a simple combination beats most single methods, and needs no
// estimated weights), and `skill`, the best few models weighted by their backtest error with the weights shrunk
// towards equal ones. A candidate replaces the benchmark (the long-run level, or SBA for intermittent weeks) only
// when its backtest shows value added: a lower error on the same points, by at least the policy gain, and
// significantly so (paired test). On short, noisy histories this keeps the benchmark.
// The candidate sets, the combination and the benchmark depend on the class of the weeks before the decision
// (frequent vs intermittent).
import type { ForecastPolicy } from '../../../shared/policy/forecast';
import { doubles, firstNonZero } from './stats';

/** The equal-weight combination of the class's combination set. */
export const COMB = 'comb';
/** The combination of the best few models with inverse-error weights shrunk towards equal weights. */
export const SKILL = 'skill';

/** Forecasts of every model: per origin index (origin - firstOrigin), the h-step forecasts or null. */
export type ForecastTable = ReadonlyMap<string, readonly (readonly number[] | null)[]>;

/** Model names per class: frequent (smooth/erratic) or intermittent (intermittent/lumpy) training weeks. */
export interface CandidateSets {
  smooth: readonly string[];
  intermittent: readonly string[];
}

export interface Weighted {
  members: string[];
  /** Same order as members; they add up to 1. */
  weights: number[];
}

export interface Selection extends Weighted {
  /** The chosen forecast: a model name, COMB or SKILL. `members`/`weights` say what it combines. */
  choice: string;
  /** Whether the weeks before the decision are intermittent (which candidate sets applied). */
  intermittent: boolean;
  /** The benchmark the candidates were scored against. */
  benchmark: string;
  /** The skill-weighted combination at this decision (null: not enough evidence to weight models). */
  skill: Weighted | null;
  /** Relative MAE (candidate / benchmark on the same points) of every scored candidate; lower is better. */
  scores: Record<string, number>;
  /** Validation origins scored. */
  origins: number;
}

export interface SelectionContext {
  y: readonly number[];
  table: ForecastTable;
  firstOrigin: number;
  candidates: CandidateSets;
  combinations: CandidateSets;
  policy: ForecastPolicy;
}

/** Running sums of a series read at every decision (computed once per series instead of once per decision). */
interface Prefixes {
  start: number;
  /** positive[t]: weeks with demand (> 0) before week t. */
  positive: Int32Array;
  /** absolute[t]: 1 + Σ |y| of the weeks before week t (added in week order). */
  absolute: Float64Array;
}

const prefixCache = new WeakMap<readonly number[], Prefixes>();
// the series of the last call (a backtest asks about one series many times in a row)
let lastSeries: readonly number[] | undefined;
let lastPrefixes: Prefixes | undefined;

function prefixesOf(y: readonly number[]): Prefixes {
  if (y === lastSeries) return lastPrefixes!;
  let p = prefixCache.get(y);
  if (!p) {
    const positive = new Int32Array(y.length + 1);
    const absolute = new Float64Array(y.length + 1);
    absolute[0] = 1;
    for (let t = 0; t < y.length; t++) {
      positive[t + 1] = positive[t] + (y[t] > 0 ? 1 : 0);
      absolute[t + 1] = absolute[t] + Math.abs(y[t]);
    }
    prefixCache.set(y, (p = { start: firstNonZero(y), positive, absolute }));
  }
  lastSeries = y;
  lastPrefixes = p;
  return p;
}

/** Whether the weeks before `decision` are intermittent (average inter-demand interval at or above the cut-off). */
export function intermittentBefore(y: readonly number[], decision: number, adiCutoff: number): boolean {
  const { start, positive } = prefixesOf(y);
  const end = Math.min(decision, y.length);
  // the weeks before the first sale are all zero, so the count from it is the count from week 0
  const nonZero = end > start ? positive[end] : 0;
  return nonZero > 0 && (end - start) / nonZero >= adiCutoff;
}

/** Σ_k w_k f_k over the members with a forecast; weights renormalised over those; null when none has one. */
export function weightedForecast(w: Weighted, forecastOf: (model: string) => readonly number[] | null | undefined): number[] | null {
  let out: number[] | null = null;
  let total = 0;
  for (let i = 0; i < w.members.length; i++) {
    const f = forecastOf(w.members[i]);
    const weight = w.weights[i];
    if (!f || !(weight > 0)) continue;
    out ??= doubles(f.length);
    for (let k = 0; k < out.length; k++) out[k] += weight * f[k];
    total += weight;
  }
  if (!out || !(total > 0)) return null;
  for (let k = 0; k < out.length; k++) out[k] /= total;
  return out;
}

/**
 * The gain a candidate must show over the benchmark when scored on n origins: the policy's minimum gain at
 * selectionMinOrigins origins, shrinking with the square root of the origins (as the noise of an error ratio does),
 * so a long history can show a real gain that a short one could not tell from luck.
 */
export const requiredGain = (n: number, policy: ForecastPolicy) =>
  n > 0 ? policy.selectionMinGain * Math.sqrt(Math.max(1, policy.selectionMinOrigins) / n) : policy.selectionMinGain;

/** Enough origins, a lower error by at least the required gain, and significantly lower. */
export const addsValue = (p: Paired, policy: ForecastPolicy) =>
  p.n >= policy.selectionMinOrigins && p.ratio < 1 - requiredGain(p.n, policy) && p.z <= -policy.selectionSignificanceZ;

export const equalWeights = (members: readonly string[]): Weighted => ({ members: [...members], weights: members.map(() => 1 / members.length) });

/** Paired comparison of two per-origin error vectors (NaN = no forecast at that origin). */
export interface Paired {
  /** Σ errors of a / Σ errors of b over the shared origins. */
  ratio: number;
  /** Diebold–Mariano statistic: mean per-origin difference (per horizon) over its HAC standard error. */
  z: number;
  n: number;
}

// scratch space for the per-origin differences (paired runs for every candidate at every decision)
let differences = new Float64Array(64);

/**
 * Diebold–Mariano comparison over origins. Each origin counts once (its horizons are strongly correlated), and as
 * consecutive origins forecast overlapping weeks their differences are autocorrelated up to the longest horizon
 * minus one: the variance of the mean uses Newey–West weights over those lags (Diebold & Mariano 1995).
 */
export function paired(a: Float64Array, b: Float64Array, hMax: readonly number[], floor: number): Paired {
  let sa = 0;
  let sb = 0;
  let lags = 0;
  if (differences.length < hMax.length) differences = new Float64Array(2 * hMax.length);
  const x = differences;
  let n = 0;
  for (let k = 0; k < hMax.length; k++) {
    if (Number.isNaN(a[k]) || Number.isNaN(b[k])) continue;
    sa += a[k];
    sb += b[k];
    x[n++] = (a[k] - b[k]) / hMax[k];
    lags = Math.max(lags, hMax[k] - 1);
  }
  const ratio = (sa + floor) / (sb + floor);
  return { ratio, z: n < 2 ? 0 : dieboldMariano(x, n, lags), n };
}

/** The statistic of n >= 2 differences x[0..n) (centred in place) autocorrelated up to `lags`. */
function dieboldMariano(x: Float64Array, n: number, lags: number): number {
  let mean = 0;
  for (let t = 0; t < n; t++) mean += x[t] / n;
  for (let t = 0; t < n; t++) x[t] -= mean;
  const L = Math.min(lags, n - 1);
  let variance = 0;
  for (let l = 0; l <= L; l++) {
    let c = 0;
    for (let t = l; t < n; t++) c += x[t] * x[t - l];
    variance += (l === 0 ? 1 : 2 * (1 - l / (L + 1))) * (c / n);
  }
  return variance > 0 ? mean / Math.sqrt(variance / n) : mean < 0 ? -Infinity : 0;
}

/**
 * A column's forecast errors as the selection reads them: at origin index i, for h = 0..stride - 1, the error over
 * its first h weeks Σ_{j < h} |actual - forecast| at [i * stride + h] (NaN: no forecast, or a shorter one). One
 * flat array per column, filled once per forecast (every later decision reads it again) as far as the column goes
 * (`skill` grows decision by decision).
 */
interface CumulativeErrors {
  stride: number;
  filled: number;
  errors: Float64Array;
}

const cumulativeCache = new WeakMap<object, CumulativeErrors>();

function cumulativeErrors(ctx: SelectionContext, column: readonly (readonly number[] | null)[]): CumulativeErrors {
  const { y, firstOrigin } = ctx;
  const stride = ctx.policy.selectionMaxHorizon + 1;
  let c = cumulativeCache.get(column);
  if (!c || c.stride !== stride)
    cumulativeCache.set(column, (c = { stride, filled: 0, errors: new Float64Array(stride * Math.max(16, column.length)) }));
  if (c.errors.length < stride * column.length) {
    const grown = new Float64Array(2 * stride * column.length);
    grown.set(c.errors);
    c.errors = grown;
  }
  const e = c.errors;
  for (let i = c.filled; i < column.length; i++) {
    const fc = column[i];
    const at = i * stride;
    e.fill(NaN, at, at + stride);
    if (!fc) continue;
    e[at] = 0;
    for (let h = 0; h < fc.length && h + 1 < stride; h++) e[at + h + 1] = e[at + h] + Math.abs(y[firstOrigin + i + h] - fc[h]);
  }
  c.filled = column.length;
  return c;
}

/** The error of a column's forecast at origin index i over its first h weeks (NaN: none, or a shorter forecast). */
const errorAt = (c: CumulativeErrors, i: number, h: number) => (h < c.stride ? c.errors[i * c.stride + h] : NaN);

/**
 * The validation window before a decision: the origins where the benchmark has a forecast (as indices into the
 * table's columns), the horizons scored at each, the benchmark's errors there and the floor of the error ratios.
 */
interface ValidationWindow {
  count: number;
  index: Int32Array;
  /** (whole weeks: the policy's selectionMaxHorizon is validated as one) */
  hMax: Int32Array;
  benchmarkErrors: Float64Array;
  floor: number;
}

// the window is rebuilt at every decision into the same buffers
const window: ValidationWindow = { count: 0, index: new Int32Array(64), hMax: new Int32Array(64), benchmarkErrors: new Float64Array(64), floor: 0 };

function validationWindow(ctx: SelectionContext, decision: number, benchmark: string): ValidationWindow {
  const { y, table, firstOrigin, policy } = ctx;
  const ref = table.get(benchmark);
  const from = Math.max(firstOrigin, policy.selectionFirstOrigin, decision - policy.selectionLookbackWeeks);
  const w = window;
  if (w.index.length < decision - from) {
    w.index = new Int32Array(2 * (decision - from));
    w.hMax = new Int32Array(2 * (decision - from));
    w.benchmarkErrors = new Float64Array(2 * (decision - from));
  }
  w.count = 0;
  const cum = ref && cumulativeErrors(ctx, ref);
  for (let o = from; o < decision; o++) {
    if (!ref?.[o - firstOrigin]) continue;
    const h = Math.min(policy.selectionMaxHorizon, decision - o);
    w.index[w.count] = o - firstOrigin;
    w.hMax[w.count] = h;
    w.benchmarkErrors[w.count++] = errorAt(cum!, o - firstOrigin, h);
  }
  // a small floor keeps all-zero stretches (both errors 0) from dividing by zero
  w.floor = 1e-9 * prefixesOf(y).absolute[Math.min(decision, y.length)];
  return w;
}

/**
 * paired() of a model against the benchmark over the window, reading the model's errors from its cumulative
 * errors directly. The statistic is computed only when `needZ(ratio, n)` (otherwise z is NaN).
 */
function pairedOnWindow(w: ValidationWindow, cum: CumulativeErrors, needZ: (ratio: number, n: number) => boolean): Paired {
  let sa = 0;
  let sb = 0;
  let lags = 0;
  if (differences.length < w.count) differences = new Float64Array(2 * w.count);
  const x = differences;
  const { index, hMax, benchmarkErrors } = w;
  const { errors, stride } = cum;
  let n = 0;
  for (let k = 0; k < w.count; k++) {
    const h = hMax[k];
    const a = h < stride ? errors[index[k] * stride + h] : NaN;
    const b = benchmarkErrors[k];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sa += a;
    sb += b;
    x[n++] = (a - b) / h;
    lags = Math.max(lags, h - 1);
  }
  const ratio = (sa + w.floor) / (sb + w.floor);
  if (n < 2) return { ratio, z: 0, n };
  return { ratio, z: needZ(ratio, n) ? dieboldMariano(x, n, lags) : NaN, n };
}

export function selectAt(ctx: SelectionContext, decision: number): Selection {
  const { policy } = ctx;
  const intermittent = intermittentBefore(ctx.y, decision, policy.adiCutoff);
  const benchmark = intermittent ? policy.benchmarkIntermittent : policy.benchmarkSmooth;
  const singles = intermittent ? ctx.candidates.intermittent : ctx.candidates.smooth;
  const combMembers = intermittent ? ctx.combinations.intermittent : ctx.combinations.smooth;
  const win = validationWindow(ctx, decision, benchmark);
  const origins = win.count;
  // too little evidence for any candidate (each needs selectionMinOrigins scored origins): the benchmark
  const weightsOf = (m: string): Weighted => (m === COMB ? equalWeights(combMembers) : { members: [m], weights: [1] });
  if (origins < policy.selectionMinOrigins) {
    return { choice: benchmark, ...weightsOf(benchmark), intermittent, benchmark, skill: null, scores: {}, origins };
  }
  // each candidate against the benchmark, in the order singles, comb, skill (names[i] scored pairs[i])
  const names: string[] = [];
  const pairs: Paired[] = [];
  // the significance test matters only where the error ratio could add value (addsValue)
  const needZ = (ratio: number, n: number) => n >= policy.selectionMinOrigins && ratio < 1 - requiredGain(n, policy);
  for (let i = 0; i <= singles.length + 1; i++) {
    const m = i < singles.length ? singles[i] : i === singles.length ? COMB : SKILL;
    const column = m === benchmark ? undefined : ctx.table.get(m);
    if (!column) continue;
    const p = pairedOnWindow(win, cumulativeErrors(ctx, column), needZ);
    const at = names.indexOf(m);
    if (at < 0) {
      names.push(m);
      pairs.push(p);
    } else pairs[at] = p;
  }
  const ratio = (m: string) => (m === benchmark ? 1 : pairs[names.indexOf(m)].ratio);

  // skill weights from the singles' validation errors
  const k = Math.max(1, policy.skillCombinationSize);
  // (a combination as the benchmark is not one of the models to weight)
  const ranked = benchmark === COMB ? [] : [benchmark];
  for (const m of singles) {
    const at = m === benchmark ? -1 : names.indexOf(m);
    if (at >= 0 && pairs[at].n >= policy.selectionMinOrigins) ranked.push(m);
  }
  ranked.sort((a, b) => ratio(a) - ratio(b));
  let skill: Weighted | null = null;
  if (ranked.length >= 2) {
    const top = ranked.slice(0, k);
    const inverse = top.map((m) => 1 / ratio(m));
    const sumInverse = inverse.reduce((a, b) => a + b, 0);
    const share = Math.max(0, 1 - (policy.skillShrinkageKappa * top.length) / Math.max(1e-9, origins - top.length));
    skill = { members: top, weights: inverse.map((v) => share * (v / sumInverse) + (1 - share) / top.length) };
  }

  // (skill's record is of earlier decisions: without weights at this one it cannot be the forecast)
  const eligible: string[] = [];
  for (let i = 0; i < names.length; i++) if (addsValue(pairs[i], policy) && (names[i] !== SKILL || skill)) eligible.push(names[i]);
  eligible.sort((a, b) => ratio(a) - ratio(b));
  const choice = eligible[0] ?? benchmark;
  const chosen: Weighted = choice === SKILL ? skill! : weightsOf(choice);
  const scores: Record<string, number> = {};
  for (let i = 0; i < names.length; i++) if (pairs[i].n > 0) scores[names[i]] = pairs[i].ratio;
  return { choice, members: chosen.members, weights: chosen.weights, intermittent, benchmark, skill, scores, origins };
}
