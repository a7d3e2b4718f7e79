// Model selection without peeking: at a decision week, models are scored only on backtest forecasts whose
// target week is before that week. The candidate set and the benchmark depend on the class of the weeks before
// the decision (frequent vs intermittent). A candidate replaces the benchmark only when its backtest shows value
// added: a lower error on the same points, by at least the policy gain, and significantly so (paired test).
// The forecast is the point-wise median of the best few eligible models (the benchmark and the models that beat
// it): with a few months of noisy validation the ranking of near-equal models is mostly chance, and a median of
// good ones stays close to the best of them while a single lucky pick can be far off (M3/M4: simple combinations
// beat most single methods). On short, noisy histories this keeps the benchmark, which on the real 26 weeks is
// the right call (the historical mean is the best baseline there).
import type { ForecastPolicy } from '../../../shared/policy/forecast';
import { firstNonZero, median } from './stats';

/** Forecasts of every model: per origin index (origin - firstOrigin), the h-step forecasts or null. */
export type ForecastTable = ReadonlyMap<string, readonly (readonly number[] | null)[]>;

/** Candidate models for series whose training weeks are frequent (smooth/erratic) or intermittent (intermittent/lumpy). */
export interface CandidateSets {
  smooth: readonly string[];
  intermittent: readonly string[];
}

export interface Selection {
  /** Chosen models, best first; the forecast is their median (one member = that model). */
  members: string[];
  /** The benchmark the candidates were scored against. */
  benchmark: string;
  /** Relative MAE (model / benchmark on the same points) of every scored candidate; lower is better. */
  scores: Record<string, number>;
  /** Validation points behind the scores. */
  points: number;
}

export interface SelectionContext {
  y: readonly number[];
  table: ForecastTable;
  firstOrigin: number;
  candidates: CandidateSets;
  policy: ForecastPolicy;
}

/** Whether the weeks before `decision` are intermittent (average inter-demand interval at or above the cut-off). */
export function intermittentBefore(y: readonly number[], decision: number, adiCutoff: number): boolean {
  const start = firstNonZero(y);
  let nonZero = 0;
  for (let t = start; t < Math.min(decision, y.length); t++) if (y[t] > 0) nonZero++;
  return nonZero > 0 && (Math.min(decision, y.length) - start) / nonZero >= adiCutoff;
}

interface Tally {
  absErr: number;
  refErr: number;
  /** Σ and Σ² over origins of the origin's mean paired difference |e_model| - |e_benchmark|. */
  d: number;
  d2: number;
  origins: number;
}

export function selectAt(ctx: SelectionContext, decision: number): Selection {
  const { y, table, firstOrigin, policy } = ctx;
  const intermittent = intermittentBefore(y, decision, policy.adiCutoff);
  const benchmark = intermittent ? policy.benchmarkIntermittent : policy.benchmarkSmooth;
  const candidates = intermittent ? ctx.candidates.intermittent : ctx.candidates.smooth;
  const ref = table.get(benchmark);
  const from = Math.max(firstOrigin, policy.selectionFirstOrigin, decision - policy.selectionLookbackWeeks);
  const tallies = new Map<string, Tally>();
  let points = 0;
  let origins = 0;
  for (let o = from; o < decision; o++) {
    const refFc = ref?.[o - firstOrigin];
    const hMax = Math.min(policy.selectionMaxHorizon, decision - o);
    if (!refFc || hMax < 1) continue;
    points += hMax;
    origins++;
    for (const m of candidates) {
      const fc = table.get(m)?.[o - firstOrigin];
      if (!fc) continue;
      let e = 0;
      let r = 0;
      for (let h = 1; h <= hMax; h++) {
        const actual = y[o + h - 1];
        e += Math.abs(actual - fc[h - 1]);
        r += Math.abs(actual - refFc[h - 1]);
      }
      let t = tallies.get(m);
      if (!t) tallies.set(m, (t = { absErr: 0, refErr: 0, d: 0, d2: 0, origins: 0 }));
      t.absErr += e;
      t.refErr += r;
      t.d += (e - r) / hMax;
      t.d2 += ((e - r) / hMax) ** 2;
      t.origins++;
    }
  }
  if (origins < policy.selectionMinOrigins) return { members: [benchmark], benchmark, scores: {}, points };

  // a small floor keeps all-zero stretches (both errors 0) from dividing by zero
  const floor = 1e-9 * (1 + y.slice(0, decision).reduce((a, v) => a + Math.abs(v), 0));
  const scores: Record<string, number> = {};
  for (const [m, t] of tallies) scores[m] = (t.absErr + floor) / (t.refErr + floor);

  // Diebold–Mariano style statistic over origins (the horizons of one origin are strongly correlated, so each
  // origin counts once): mean per-origin difference over its standard error
  const significant = (t: Tally) => {
    const d = t.d / t.origins;
    const sd = Math.sqrt(Math.max(0, t.d2 / t.origins - d * d));
    const z = sd > 0 ? d / (sd / Math.sqrt(t.origins)) : d < 0 ? -Infinity : 0;
    return t.origins > 1 && z <= -policy.selectionSignificanceZ;
  };
  const addsValue = (m: string) =>
    m === benchmark || (scores[m] < 1 - policy.selectionMinGain && significant(tallies.get(m)!));
  const ranked = candidates.filter((m) => m in scores && addsValue(m)).sort((a, b) => scores[a] - scores[b]);
  const members = ranked.slice(0, Math.max(1, policy.selectionEnsembleSize));
  return { members: members.length ? members : [benchmark], benchmark, scores, points };
}

/** Point-wise median of the members' forecasts. */
export function combine(forecasts: readonly (readonly number[])[]): number[] {
  if (forecasts.length === 1) return [...forecasts[0]];
  return forecasts[0].map((_, i) => median(forecasts.map((f) => f[i])));
}
