// Forecasts of the company total, the styles and the style x customer series made coherent, the approach chosen per
// level by the backtest (nested, like the model selection: each origin chooses from errors of forecasts made
// before it). The approaches (FPP3 ch. 11):
// - base: each series' own selected forecast (not coherent in general);
// - bottomUp: every series is the sum of the style x customer forecasts under it;
// - topDown: every series is the company total's forecast times its share of the total over the weeks before the
//   origin (proportions of the historical averages, Gross & Sohl 1990);
// - middleOut: the styles' forecasts summed up to the total and split down to the style x customer series by their
//   shares of the style over the weeks before the origin (FPP3 11.2, with the styles as the middle level);
// - mint: MinT reconciliation (Wickramasuriya, Athanasopoulos & Hyndman 2019) with the one-step error covariance of
//   the base forecasts shrunk towards its diagonal (Schäfer & Strimmer 2005): the coherent forecasts closest to the
//   base ones, moving the noisy series most. ỹ = ŷ - W U (U' W U)⁻¹ U' ŷ, U' ŷ = aggregate - sum of its parts.
// A level leaves `base` only when an approach is significantly better on the pooled errors of that level's series
// that were long enough to forecast at each origin (the others' forecasts are orders only, whatever the approach).
import { addDays, type IsoDate } from '../../../shared/dates';
import type { ForecastPolicy } from '../../../shared/policy/forecast';
import type { BacktestRow } from './types';
import { addsValue, paired } from './select';
import { addPoint, emptySums, naiveScalesByOrigin, type ErrorSums } from './metrics';
import { firstNonZero } from './stats';

export type HierarchyLevel = 'total' | 'style' | 'styleCustomer';
export const HIERARCHY_LEVELS: readonly HierarchyLevel[] = ['total', 'style', 'styleCustomer'];
export const APPROACHES = ['base', 'bottomUp', 'topDown', 'middleOut', 'mint'] as const;
export type Approach = (typeof APPROACHES)[number];

export interface HierarchyNode {
  id: string;
  level: HierarchyLevel;
  /** The total for a style, the style for a style x customer series, null for the total. */
  parent: string | null;
  values: readonly number[];
  /** Base forecasts per origin index (origin = firstOrigin + index), horizons 1..H; null where there is none. */
  base: readonly (readonly number[] | null)[];
  /** The base forecast of the weeks after the history. */
  forward: readonly number[];
  /** False: too short to forecast; its forward forecast (orders only) is kept as given. */
  forecastable: boolean;
}

export interface HierarchyInput {
  nodes: readonly HierarchyNode[];
  startWeek: IsoDate;
  firstOrigin: number;
  policy: ForecastPolicy;
  /** Whether to keep the backtest rows of a node (default: all); error sums are always kept. */
  keepRows?: (id: string) => boolean;
}

export interface ReconciledNode {
  id: string;
  /** Rows of bottomUp, topDown, mint and `selected` (the approach chosen for the level) at the reported origins. */
  rows: BacktestRow[];
  metrics: Record<string, ErrorSums>;
  /** Error sums per approach and horizon (index h - 1) over every reported origin with an actual. */
  metricsByHorizon: Record<string, ErrorSums[]>;
  /** actual - forecast of `selected` per horizon (index h - 1), for the intervals. */
  selectedErrors: number[][];
  /** The forward forecast of the approach chosen for the level with the whole history. */
  forward: number[];
}

export interface HierarchyResult {
  levels: {
    level: HierarchyLevel;
    byOrigin: { origin: IsoDate; approach: Approach }[];
    final: Approach;
    scores: Partial<Record<Approach, number>>;
  }[];
  nodes: ReconciledNode[];
}

/** Why these nodes do not form a total > style > style x customer hierarchy whose parts add up; null when they do. */
export function hierarchyProblem(nodes: readonly HierarchyNode[]): string | null {
  const totals = nodes.filter((n) => n.level === 'total');
  if (totals.length !== 1) return `expected one company total, found ${totals.length}`;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parentLevel: Record<HierarchyLevel, HierarchyLevel | null> = { total: null, style: 'total', styleCustomer: 'style' };
  for (const n of nodes) {
    const want = parentLevel[n.level];
    const p = n.parent === null ? undefined : byId.get(n.parent);
    if (want === null ? n.parent !== null : p?.level !== want) return `${n.id} has no ${want ?? 'no'} parent`;
  }
  for (const n of nodes) {
    if (n.level === 'styleCustomer') continue;
    const parts = nodes.filter((c) => c.parent === n.id);
    if (!parts.length) return `${n.id} has no parts`;
    for (let t = 0; t < n.values.length; t++) {
      const sum = parts.reduce((s, c) => s + c.values[t], 0);
      if (Math.abs(sum - n.values[t]) > 1e-6 * (1 + Math.abs(n.values[t])))
        return `${n.id} week ${t}: the parts add up to ${sum}, not ${n.values[t]}`;
    }
  }
  return null;
}

export interface HierarchyStructure {
  /** Nodes in order: aggregates (total, styles) first, then the bottom series. */
  nodes: HierarchyNode[];
  aggregates: number;
  /** Bottom node indices under each aggregate. */
  parts: number[][];
  /** The aggregates above each bottom series (its style and the total); empty for aggregates. */
  ancestors: number[][];
  /** Number of bottom series under each node (1 for a bottom series). */
  size: number[];
  total: number;
}

/** Nodes ordered aggregates first, with the bottom series under each aggregate. Assumes hierarchyProblem() is null. */
export function hierarchyStructure(input: readonly HierarchyNode[]): HierarchyStructure {
  const rank: Record<HierarchyLevel, number> = { total: 0, style: 1, styleCustomer: 2 };
  const nodes = [...input].sort((a, b) => rank[a.level] - rank[b.level]);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const aggregates = nodes.filter((n) => n.level !== 'styleCustomer').length;
  const parts: number[][] = Array.from({ length: aggregates }, () => []);
  const ancestors: number[][] = nodes.map(() => []);
  nodes.forEach((n, i) => {
    if (n.level !== 'styleCustomer') return;
    const style = index.get(n.parent!)!;
    ancestors[i] = [style, index.get(nodes[style].parent!)!];
    for (const a of ancestors[i]) parts[a].push(i);
  });
  const size = nodes.map((_, i) => (i < aggregates ? parts[i].length : 1));
  return { nodes, aggregates, parts, ancestors, size, total: 0 };
}

/** Solve A x = B (A n x n, B n x k) by Gaussian elimination with partial pivoting; A and B are overwritten. */
function solve(a: Float64Array[], b: Float64Array[]): void {
  const n = a.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    [b[c], b[p]] = [b[p], b[c]];
    const pivot = a[c][c] || 1e-300;
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / pivot;
      if (f === 0) continue;
      for (let j = c; j < n; j++) a[r][j] -= f * a[c][j];
      for (let j = 0; j < b[r].length; j++) b[r][j] -= f * b[c][j];
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    const pivot = a[c][c] || 1e-300;
    for (let j = 0; j < b[c].length; j++) {
      let v = b[c][j];
      for (let k = c + 1; k < n; k++) v -= a[c][k] * b[k][j];
      b[c][j] = v / pivot;
    }
  }
}

/**
 * x := (U'WU)⁻¹ x for U'WU = λM + c V'V (λ > 0), M = U'DU, V = EU (T x na), c = (1 - λ) / T, without forming
 * U'WU: na x na and cubic to solve, while M is an arrowhead matrix — the total's row and column and a diagonal, as
 * the styles share no bottom series — and V'V has rank T. By Woodbury, x = (M⁻¹x - P C⁻¹ P'x) / λ with P = M⁻¹V'
 * and C = (λ / c) I + V P (T x T). Linear in the number of series.
 */
function solveShrunk(s: HierarchyStructure, d: Float64Array, lambda: number, v: readonly Float64Array[], x: Float64Array[]): void {
  const na = s.aggregates;
  const T = v.length;
  const total = s.total;
  // M: diagonal d_a + Σ d of the bottom series under a; the total's row and column: Σ d under each style
  const under = new Float64Array(na);
  for (let a = 0; a < na; a++) if (a !== total) for (const i of s.parts[a]) under[a] += d[i];
  const diagonal = new Float64Array(na);
  let schur = d[total];
  for (let a = 0; a < na; a++) {
    if (a === total) continue;
    diagonal[a] = d[a] + under[a];
    schur += (under[a] * d[a]) / diagonal[a];
  }
  /** out := M⁻¹ r (eliminating the styles first, the total last). */
  const arrowSolve = (r: ArrayLike<number>, out: Float64Array) => {
    let top = r[total];
    for (let a = 0; a < na; a++) if (a !== total) top -= (under[a] * r[a]) / diagonal[a];
    const z0 = top / schur;
    for (let a = 0; a < na; a++) out[a] = a === total ? z0 : (r[a] - under[a] * z0) / diagonal[a];
    return out;
  };
  const c = (1 - lambda) / T;
  const p = c > 0 ? v.map((row) => arrowSolve(row, new Float64Array(na))) : [];
  // C = (λ / c) I + V P, symmetric positive definite: Cholesky factor L (lower)
  const chol = p.map(() => new Float64Array(p.length));
  for (let t = 0; t < p.length; t++) {
    for (let u = 0; u <= t; u++) {
      let sum = t === u ? lambda / c : 0;
      for (let a = 0; a < na; a++) sum += v[t][a] * p[u][a];
      for (let w = 0; w < u; w++) sum -= chol[t][w] * chol[u][w];
      chol[t][u] = t === u ? Math.sqrt(sum) : sum / chol[u][u];
    }
  }
  const k = x[0]?.length ?? 0;
  const r = new Float64Array(na);
  const z = new Float64Array(na);
  const y = new Float64Array(p.length);
  for (let j = 0; j < k; j++) {
    for (let a = 0; a < na; a++) r[a] = x[a][j];
    arrowSolve(r, z);
    // y = C⁻¹ P'r by forward and back substitution
    for (let t = 0; t < p.length; t++) {
      let sum = 0;
      for (let a = 0; a < na; a++) sum += p[t][a] * r[a];
      for (let w = 0; w < t; w++) sum -= chol[t][w] * y[w];
      y[t] = sum / chol[t][t];
    }
    for (let t = p.length - 1; t >= 0; t--) {
      let sum = y[t];
      for (let w = t + 1; w < p.length; w++) sum -= chol[w][t] * y[w];
      y[t] = sum / chol[t][t];
    }
    for (let a = 0; a < na; a++) {
      let sum = z[a];
      for (let t = 0; t < p.length; t++) sum -= p[t][a] * y[t];
      x[a][j] = sum / lambda;
    }
  }
}

/** x := (V'V)⁻¹ x (λ = 0: the sample covariance alone; singular unless there are more errors than aggregates). */
function solveDense(na: number, v: readonly Float64Array[], x: Float64Array[]): void {
  const vv = Array.from({ length: na }, () => new Float64Array(na));
  for (let a = 0; a < na; a++) {
    for (let b = a; b < na; b++) {
      let sum = 0;
      for (let t = 0; t < v.length; t++) sum += v[t][a] * v[t][b];
      vv[a][b] = vv[b][a] = sum / v.length;
    }
  }
  solve(vv, x);
}

/**
 * MinT with a shrunk covariance. `errors`: one-step errors of the base forecasts (T rows x m nodes). With fewer
 * than 2 rows the covariance is unknown and W = diag(number of bottom series under each node) (structural scaling).
 */
export function mintReconcile(
  s: HierarchyStructure,
  forecasts: readonly Float64Array[],
  errors: readonly Float64Array[],
): { reconciled: Float64Array[]; lambda: number } {
  const m = s.nodes.length;
  const na = s.aggregates;
  const k = forecasts[0]?.length ?? 0;
  const T = errors.length;
  // diagonal target D and the low-rank part E'E / T, so W is never formed (m can be large)
  const d = new Float64Array(m);
  let lambda = 1;
  if (T >= 2) {
    for (const e of errors) for (let i = 0; i < m; i++) d[i] += (e[i] * e[i]) / T;
    lambda = shrinkageIntensity(errors, d);
    let maxD = 0;
    for (let i = 0; i < m; i++) maxD = Math.max(maxD, d[i]);
    const floor = 1e-9 * maxD + 1e-12;
    for (let i = 0; i < m; i++) d[i] = Math.max(d[i], floor);
  } else {
    for (let i = 0; i < m; i++) d[i] = s.size[i];
  }
  // U (m x na): column a is +1 at aggregate a and -1 at each bottom series under it. Products with U go through
  // the ancestors of each bottom series, so U is never formed either.
  const bottoms = s.ancestors.map((anc, i) => ({ i, anc })).filter((b) => b.anc.length);
  // EU (T x na)
  const eu = errors.map((e) => {
    const row = new Float64Array(na);
    for (let a = 0; a < na; a++) row[a] = e[a];
    for (const { i, anc } of bottoms) for (const a of anc) row[a] -= e[i];
    return row;
  });
  // x = (U'WU)⁻¹ U'ŷ  (na x k)
  const x = forecasts.slice(0, na).map((f) => Float64Array.from(f));
  for (const { i, anc } of bottoms) for (const a of anc) for (let j = 0; j < k; j++) x[a][j] -= forecasts[i][j];
  if (lambda > 0) solveShrunk(s, d, lambda, eu, x);
  else solveDense(na, eu, x);
  // ỹ = ŷ - W U x, W U x = lambda D (U x) + (1 - lambda) E'(E (U x)) / T
  const ux = Array.from({ length: m }, (_, i) => (i < na ? Float64Array.from(x[i]) : new Float64Array(k)));
  for (const { i, anc } of bottoms) for (const a of anc) for (let j = 0; j < k; j++) ux[i][j] -= x[a][j];
  const reconciled = forecasts.map((f, i) => {
    const out = Float64Array.from(f);
    for (let j = 0; j < k; j++) out[j] -= lambda * d[i] * ux[i][j];
    return out;
  });
  if (lambda < 1) {
    const eux = new Float64Array(k);
    for (const e of errors) {
      eux.fill(0);
      for (let i = 0; i < m; i++) {
        const ei = e[i];
        if (ei === 0) continue;
        const row = ux[i];
        for (let j = 0; j < k; j++) eux[j] += ei * row[j];
      }
      for (let i = 0; i < m; i++) {
        if (e[i] === 0) continue;
        // ((1 - lambda) * e_i) * eux_j / T, the first product taken once per series
        const scaled = (1 - lambda) * e[i];
        const row = reconciled[i];
        for (let j = 0; j < k; j++) row[j] -= (scaled * eux[j]) / T;
      }
    }
  }
  return { reconciled, lambda };
}

/**
 * Schäfer–Strimmer shrinkage intensity towards the diagonal, on errors scaled to unit (uncentred) variance:
 * λ = Σ_{i≠j} Var(r_ij) / Σ_{i≠j} r_ij², computed through T x T Gram matrices (m may be large).
 */
export function shrinkageIntensity(errors: readonly Float64Array[], variance: Float64Array): number {
  const T = errors.length;
  const m = variance.length;
  const sd = variance.map((v) => (v > 0 ? Math.sqrt(v) : 0));
  const z = errors.map((e) => {
    const row = new Float64Array(m);
    for (let i = 0; i < m; i++) row[i] = variance[i] > 0 ? e[i] / sd[i] : 0;
    return row;
  });
  const live = variance.reduce((c, v) => c + (v > 0 ? 1 : 0), 0);
  // G = Z Z' (T x T); Σ_ij r_ij² = ||Z'Z||² / T² = ||G||² / T²; diagonal r_ii = 1. G is symmetric (each product
  // and the order of the sum are the same either way round): the upper triangle is computed and read twice.
  const gram = Array.from({ length: T }, () => new Float64Array(T));
  for (let t = 0; t < T; t++) {
    const zt = z[t];
    for (let u = t; u < T; u++) {
      const zu = z[u];
      let v = 0;
      for (let i = 0; i < m; i++) v += zt[i] * zu[i];
      gram[t][u] = v;
    }
  }
  let g2 = 0;
  const rowSq = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    for (let u = 0; u < T; u++) {
      const v = t <= u ? gram[t][u] : gram[u][t];
      g2 += v * v;
      if (t === u) rowSq[t] = v;
    }
  }
  const offSq = g2 / (T * T) - live;
  // Σ_ij Σ_t z_ti² z_tj² = Σ_t (Σ_i z_ti²)²; its diagonal Σ_i Σ_t z_ti⁴
  let w2 = 0;
  for (let t = 0; t < T; t++) w2 += rowSq[t] * rowSq[t];
  let w2diag = 0;
  for (let i = 0; i < m; i++) for (let t = 0; t < T; t++) w2diag += z[t][i] ** 4;
  // v_ij = (Σ_t z²z² - (Σ_t z z)² / T) / (T (T - 1)), summed off the diagonal
  const diagCross = live * T * T; // (Σ_t z_ti²)² = T² for each series with variance
  const offVar = (w2 - w2diag - (g2 - diagCross) / T) / (T * (T - 1));
  if (!(offSq > 0)) return 1;
  return Math.min(1, Math.max(0, offVar / offSq));
}

/**
 * Whether a series is long enough to forecast with the weeks before each origin o = 0..n (classify.ts's rule,
 * counted incrementally instead of classifying every prefix).
 */
export function forecastableByOrigin(values: readonly number[], policy: Pick<ForecastPolicy, 'minNonLeadingWeeks' | 'minNonZeroWeeks'>): boolean[] {
  const out: boolean[] = [];
  let first = -1;
  let nonZero = 0;
  for (let o = 0; o <= values.length; o++) {
    out.push(first >= 0 && o - first >= policy.minNonLeadingWeeks && nonZero >= policy.minNonZeroWeeks);
    if (o < values.length && values[o] !== 0 && first < 0) first = o;
    if (o < values.length && values[o] > 0) nonZero++;
  }
  return out;
}

export function reconcileHierarchy(input: HierarchyInput): HierarchyResult {
  const problem = hierarchyProblem(input.nodes);
  if (problem) throw new Error(`cannot reconcile the forecast hierarchy: ${problem}`);
  const s = hierarchyStructure(input.nodes);
  const { policy, firstOrigin, startWeek } = input;
  const keepRows = s.nodes.map((x) => input.keepRows?.(x.id) ?? true);
  const m = s.nodes.length;
  const n = s.nodes[0].values.length;
  const H = policy.backtestMaxHorizon;
  const levelOf = s.nodes.map((x) => HIERARCHY_LEVELS.indexOf(x.level));

  // one-step errors of the base forecasts per week (null where a node has no forecast), for MinT's covariance
  const oneStepErrors = Array.from({ length: n - firstOrigin }, (_, i) => {
    const t = firstOrigin + i;
    const e = new Float64Array(m);
    for (let node = 0; node < m; node++) {
      const fc = s.nodes[node].base[i];
      if (!fc) return null;
      e[node] = s.nodes[node].values[t] - fc[0];
    }
    return e;
  });
  const forecastableBefore = s.nodes.map((x) => forecastableByOrigin(x.values, policy));
  // sold[node][o]: Σ of the node's weeks before o (added in week order), for the top-down shares at every origin
  const sold = s.nodes.map((x) => {
    const c = new Float64Array(n + 1);
    for (let t = 0; t < n; t++) c[t + 1] = c[t] + x.values[t];
    return c;
  });

  /** Forecasts of every approach for all nodes from base forecasts `f` (m rows x k) and the weeks before `o`. */
  const approaches = (f: Float64Array[], o: number): Record<Approach, Float64Array[]> => {
    const k = f[0].length;
    const bottomUp = f.map((row, i) => {
      if (i >= s.aggregates) return row;
      const out = new Float64Array(k);
      for (const b of s.parts[i]) for (let j = 0; j < k; j++) out[j] += f[b][j];
      return out;
    });
    const totalSum = sold[s.total][o];
    const topDown = f.map((row, i) => {
      if (i === s.total) return row;
      const share = totalSum > 0 ? sold[i][o] / totalSum : 0;
      return f[s.total].map((v) => v * share);
    });
    const errors: Float64Array[] = [];
    for (let t = Math.max(firstOrigin, o - policy.selectionLookbackWeeks); t < o; t++) {
      const e = oneStepErrors[t - firstOrigin];
      if (e) errors.push(e);
    }
    const middleOut = f.map((row, i) => {
      const level = s.nodes[i].level;
      if (level === 'style') return row;
      if (level === 'total') {
        const out = new Float64Array(k);
        for (let a = 0; a < s.aggregates; a++) if (a !== s.total) for (let j = 0; j < k; j++) out[j] += f[a][j];
        return out;
      }
      const style = s.ancestors[i][0];
      const share = sold[style][o] > 0 ? sold[i][o] / sold[style][o] : 0;
      return f[style].map((v) => v * share);
    });
    const mint = mintReconcile(s, f, errors).reconciled.map((row) => row.map((v) => Math.max(0, v)));
    return { base: f, bottomUp, topDown, middleOut, mint };
  };

  // backtest: forecasts of every approach at every origin, and the pooled errors per level, origin and horizon
  const origins = n - firstOrigin;
  const byOrigin: Record<Approach, Float64Array[]>[] = [];
  const pooled = APPROACHES.map(() => HIERARCHY_LEVELS.map(() => Array.from({ length: origins }, () => new Float64Array(H))));
  for (let i = 0; i < origins; i++) {
    const o = firstOrigin + i;
    const h = Math.min(H, n - o);
    const f = s.nodes.map((x) => Float64Array.from(x.base[i] ?? new Array<number>(h).fill(0)));
    const all = approaches(f, o);
    byOrigin.push(all);
    const scored = forecastableBefore.map((f) => f[o]);
    APPROACHES.forEach((a, ai) => {
      all[a].forEach((row, node) => {
        if (!scored[node]) return;
        for (let j = 0; j < h; j++) pooled[ai][levelOf[node]][i][j] += Math.abs(s.nodes[node].values[o + j] - row[j]);
      });
    });
  }

  /** The approach of each level at `decision`, from the pooled errors of origins before it. */
  const choose = (decision: number) =>
    HIERARCHY_LEVELS.map((_, li) => {
      const from = Math.max(firstOrigin, policy.selectionFirstOrigin, decision - policy.selectionLookbackWeeks);
      const hMax: number[] = [];
      const errs = APPROACHES.map(() => [] as number[]);
      for (let o = from; o < decision; o++) {
        const hm = Math.min(policy.selectionMaxHorizon, H, decision - o);
        hMax.push(hm);
        APPROACHES.forEach((_, ai) => {
          let e = 0;
          for (let j = 0; j < hm; j++) e += pooled[ai][li][o - firstOrigin][j];
          errs[ai].push(e);
        });
      }
      const base = Float64Array.from(errs[0]);
      const scores: Partial<Record<Approach, number>> = {};
      let best: Approach = 'base';
      let bestRatio = 1;
      APPROACHES.forEach((a, ai) => {
        if (a === 'base') return;
        const p = paired(Float64Array.from(errs[ai]), base, hMax, 1e-9);
        if (p.n) scores[a] = p.ratio;
        if (addsValue(p, policy) && p.ratio < bestRatio) [best, bestRatio] = [a, p.ratio];
      });
      return { approach: best, scores };
    });

  const M = policy.metricsMaxHorizon;
  const lastMetricOrigin = policy.metricsCompleteWindowsOnly ? n - M : n - 1;
  const out: ReconciledNode[] = s.nodes.map((x) => ({
    id: x.id,
    rows: [],
    metrics: {},
    metricsByHorizon: {},
    selectedErrors: Array.from({ length: H }, () => []),
    forward: [...x.forward],
  }));
  const levelChoices = HIERARCHY_LEVELS.map(() => [] as { origin: IsoDate; approach: Approach }[]);
  const scales = s.nodes.map((x) => naiveScalesByOrigin(x.values, firstNonZero(x.values)));
  for (let i = 0; i < origins; i++) {
    const o = firstOrigin + i;
    if (o < policy.backtestFirstOrigin) continue;
    const origin = addDays(startWeek, 7 * o);
    const chosen = choose(o);
    chosen.forEach((c, li) => levelChoices[li].push({ origin, approach: c.approach }));
    s.nodes.forEach((x, node) => {
      const r = out[node];
      const scale = scales[node][o];
      const record = (model: string, fc: Float64Array) => {
        const sums = o <= lastMetricOrigin ? (r.metrics[model] ??= emptySums()) : undefined;
        const byH = (r.metricsByHorizon[model] ??= Array.from({ length: H }, emptySums));
        for (let j = 0; j < fc.length; j++) {
          if (keepRows[node]) r.rows.push({ series: x.id, origin, horizon: j + 1, model, actual: x.values[o + j], forecast: fc[j] });
          if (sums && j < M) addPoint(sums, x.values[o + j], fc[j], scale);
          addPoint(byH[j], x.values[o + j], fc[j], scale);
        }
      };
      for (const a of APPROACHES) if (a !== 'base') record(a, byOrigin[i][a][node]);
      const selected = byOrigin[i][chosen[levelOf[node]].approach][node];
      record('selected', selected);
      selected.forEach((f, j) => r.selectedErrors[j].push(x.values[o + j] - f));
    });
  }

  // the forward forecast with the approach each level chose on the whole history
  const final = choose(n);
  if (s.nodes[0].forward.length) {
    const forward = approaches(
      s.nodes.map((x) => Float64Array.from(x.forward)),
      n,
    );
    s.nodes.forEach((x, node) => {
      if (x.forecastable) out[node].forward = Array.from(forward[final[levelOf[node]].approach][node]);
    });
  }
  const order = new Map(input.nodes.map((x, i) => [x.id, i]));
  return {
    levels: HIERARCHY_LEVELS.map((level, li) => ({ level, byOrigin: levelChoices[li], final: final[li].approach, scores: final[li].scores })),
    nodes: out.sort((a, b) => order.get(a.id)! - order.get(b.id)!),
  };
}
