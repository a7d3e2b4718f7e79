// The backtest's shortcuts against the plain computations they replace, to the last bit: a model's tracker against
// a fit on each prefix, the forecast table against fitting every model again at every origin (on windows clipped
// from scratch), the expanding clipper's buffer against clipping each window, the structured MinT solve against
// U'WU formed and solved densely, and rows made only when the caller keeps them.
import { describe, expect, it } from 'vitest';
import {
  backtestSeries,
  clipOutliers,
  COMB,
  createModelLibrary,
  createRng,
  mintReconcile,
  runForecastBatch,
  selectAt,
  SELECTED,
  SKILL,
  type HierarchyNode,
  type ModelSpec,
} from '../../../src/main/engine/forecast';
import { CLIPPED, forecastTable, resolveModels } from '../../../src/main/engine/forecast/backtest';
import { addsValue, intermittentBefore, paired } from '../../../src/main/engine/forecast/select';
import { hierarchyStructure, shrinkageIntensity } from '../../../src/main/engine/forecast/hierarchy';
import { expandingClipper } from '../../../src/main/engine/forecast/outliers';
import { firstNonZero } from '../../../src/main/engine/forecast/stats';
import { forecastPolicyDefaults, type ForecastPolicy } from '../../../src/shared/policy/forecast';

const policy: ForecastPolicy = { ...forecastPolicyDefaults, seasonPeriodWeeks: 13 };
const rng = createRng(77);
const round1 = (v: number) => Math.round(v * 10) / 10;
/** Histories from the first sale on: level with spikes, trend, season (4 seasons of 13 weeks), lumpy, equal sizes. */
const HISTORIES: Record<string, number[]> = {
  spiky: Array.from({ length: 70 }, (_, t) => round1(200 + 20 * rng.normal() + (t % 17 === 5 ? 1500 : 0))),
  trend: Array.from({ length: 70 }, (_, t) => Math.max(1, round1(50 + 4 * t + 25 * rng.normal()))),
  seasonal: Array.from({ length: 60 }, (_, t) => Math.max(1, round1(300 + 120 * Math.sin((2 * Math.PI * t) / 13) + 30 * rng.normal()))),
  lumpy: [40, ...Array.from({ length: 69 }, () => (rng.next() < 0.3 ? Math.round(400 * Math.exp(rng.normal())) : 0))],
  // more than half the weeks equal: the MAD is 0 and the clipper falls back to the mean absolute deviation
  equal: Array.from({ length: 60 }, (_, t) => (t % 7 === 3 ? 900 : t % 5 === 0 ? 0 : 100)),
};
const WEIGHTS = ['alpha', 'beta', 'gamma', 'phi'];
const weightsOf = (params: Readonly<Record<string, number>>) => Object.fromEntries(WEIGHTS.filter((k) => k in params).map((k) => [k, params[k]]));

describe('model trackers', () => {
  const lib = createModelLibrary(policy, ['ma4', 'ma8']);

  it('equal a fit with the same weights on every prefix, on the weeks as given', () => {
    for (const [name, y] of Object.entries(HISTORIES)) {
      for (const m of lib.values()) {
        if (y.length < m.minWeeks) continue;
        // (clippedMean is tracked on weeks clipped already: the backtest clips each window once for all models)
        const fixed = { ...weightsOf(m.fit(y.slice(0, Math.max(m.minWeeks, 20))).params), ...(m.name === 'clippedMean' ? CLIPPED : {}) };
        const tracker = m.track(fixed)!;
        expect(tracker, `${m.name} tracks with its weights`).toBeDefined();
        for (let n = m.minWeeks; n <= y.length; n++) {
          expect(tracker.forecast(y, n, n, 9), `${name} ${m.name} n=${n}`).toEqual(m.fit(y.slice(0, n), fixed).forecast(9));
        }
      }
    }
  });

  it('equal a fit on every prefix when the weeks after the stable ones change from one call to the next', () => {
    // the clipper's buffer: the last `open` weeks are rewritten at every origin, the ones before never again
    const open = 13;
    const rewritten = (y: readonly number[], n: number) => y.map((v, t) => (t >= n - open && t < n ? round1(v * (1 + ((n + t) % 5) / 10)) : v));
    for (const [name, y] of Object.entries(HISTORIES)) {
      for (const m of lib.values()) {
        if (y.length < m.minWeeks) continue;
        const fixed = { ...weightsOf(m.fit(y).params), ...CLIPPED };
        const tracker = m.track(fixed)!;
        for (let n = m.minWeeks; n <= y.length; n++) {
          const weeks = rewritten(y, n);
          const expected = m.fit(weeks.slice(0, n), fixed).forecast(5);
          expect(tracker.forecast(weeks, n, Math.max(0, n - open), 5), `${name} ${m.name} n=${n}`).toEqual(expected);
        }
      }
    }
  });

  it('are not offered while a weight is still to be estimated', () => {
    expect(lib.get('ses')!.track({})).toBeUndefined();
    expect(lib.get('holtDamped')!.track({ alpha: 0.3, beta: 0.1 })).toBeUndefined();
    expect(lib.get('clippedMean')!.track({})).toBeUndefined(); // unclipped weeks: it clips them itself
  });
});

/** The forecast table as it was first written: every model fitted again at every origin, windows clipped anew. */
function referenceTable(
  y: readonly number[],
  specs: readonly ModelSpec[],
  firstOrigin: number,
  maxHorizon: number,
  refitGrowth: number,
  raw: ReadonlySet<string>,
): Map<string, (number[] | null)[]> {
  const start = firstNonZero(y);
  const table = new Map<string, (number[] | null)[]>(specs.map((m) => [m.name, []]));
  const last = new Map<string, { weeks: number; weights: Record<string, number> }>();
  for (let o = firstOrigin; o < y.length; o++) {
    const h = Math.min(maxHorizon, y.length - o);
    const training = o > start ? y.slice(start, o) : [];
    const clipped = clipOutliers(training, policy);
    for (const m of specs) {
      const weeks = raw.has(m.name) ? training : clipped;
      const state = raw.has(m.name) ? {} : CLIPPED;
      let fc: number[] | null = null;
      if (!weeks.length) fc = new Array<number>(h).fill(0);
      else if (weeks.length >= m.minWeeks) {
        const prev = last.get(m.name);
        if (prev && weeks.length < prev.weeks * (1 + refitGrowth)) fc = m.fit(weeks, { ...prev.weights, ...state }).forecast(h);
        else {
          const fit = m.fit(weeks, state);
          last.set(m.name, { weeks: weeks.length, weights: weightsOf(fit.params) });
          fc = fit.forecast(h);
        }
      }
      table.get(m.name)!.push(fc);
    }
  }
  return table;
}

describe('forecast table', () => {
  it('equals fitting every model again at every origin, to the last bit', () => {
    const lib = createModelLibrary(policy, ['ma4', 'ma8']);
    const specs = [...lib.values()];
    const raw = new Set(['naive', 'mean', 'ma4', 'ma8', 'seasonalNaive']);
    for (const [name, history] of Object.entries(HISTORIES)) {
      const y = [0, 0, 0, ...history]; // the series starts before the first sale
      const start = firstNonZero(y);
      const table = forecastTable(y, specs, 4, 9, { refitGrowth: 0.1, raw, clipper: expandingClipper(y.slice(start), policy) });
      expect(table, name).toEqual(referenceTable(y, specs, 4, 9, 0.1, raw));
    }
  });
});

describe('expanding clipper', () => {
  it('advance: the buffer holds the clipped window, and its stable weeks never change again', () => {
    for (const [name, y] of Object.entries(HISTORIES)) {
      const clipper = expandingClipper(y, policy);
      const seen: number[] = [];
      let stable = 0;
      for (let n = 1; n <= y.length; n++) {
        const step = clipper.advance(n);
        expect(step.weeks.slice(0, n), `${name} n=${n}`).toEqual(clipOutliers(y.slice(0, n), policy));
        expect(step.weeks.slice(0, stable), `${name} n=${n}: stable weeks`).toEqual(seen.slice(0, stable));
        expect(step.stable).toBeGreaterThanOrEqual(stable);
        stable = step.stable;
        seen.splice(0, n, ...step.weeks.slice(0, n));
      }
      expect(clipper.at(y.length)).toEqual(clipOutliers(y, policy));
      expect(() => clipper.advance(y.length - 1)).toThrow('cannot shrink');
    }
  });
});

describe('MinT, structured solve', () => {
  // total > 3 styles > 7 style x customer series
  const parts: Record<string, string[]> = { 'S:A': ['SC:A|1', 'SC:A|2', 'SC:A|3'], 'S:B': ['SC:B|1', 'SC:B|2'], 'S:C': ['SC:C|1', 'SC:C|2'] };
  const node = (id: string, level: HierarchyNode['level'], parent: string | null): HierarchyNode => ({
    id,
    level,
    parent,
    values: [0],
    base: [],
    forward: [],
    forecastable: true,
  });
  const nodes = [
    node('T', 'total', null),
    ...Object.keys(parts).map((s) => node(s, 'style', 'T')),
    ...Object.entries(parts).flatMap(([s, ps]) => ps.map((p) => node(p, 'styleCustomer', s))),
  ];
  const s = hierarchyStructure(nodes);
  const m = s.nodes.length;
  const na = s.aggregates;

  /** ŷ - W U (U'WU)⁻¹ U'ŷ with W = λD + (1 - λ)E'E/T and U formed, solved by Gaussian elimination. */
  function denseMinT(base: Float64Array[], errors: Float64Array[]): { reconciled: number[][]; lambda: number } {
    const T = errors.length;
    const d = Array.from({ length: m }, (_, i) => errors.reduce((a, e) => a + (e[i] * e[i]) / T, 0));
    const lambda = shrinkageIntensity(errors, Float64Array.from(d));
    const maxD = Math.max(...d);
    const dd = d.map((v) => Math.max(v, 1e-9 * maxD + 1e-12));
    const W = Array.from({ length: m }, (_, i) =>
      Array.from({ length: m }, (_, j) => (i === j ? lambda * dd[i] : 0) + ((1 - lambda) * errors.reduce((a, e) => a + e[i] * e[j], 0)) / T),
    );
    const U = Array.from({ length: m }, (_, i) => Array.from({ length: na }, (_, a) => (i === a ? 1 : s.ancestors[i].includes(a) ? -1 : 0)));
    const WU = W.map((row) => Array.from({ length: na }, (_, a) => row.reduce((acc, w, j) => acc + w * U[j][a], 0)));
    const A = Array.from({ length: na }, (_, a) => Array.from({ length: na }, (_, b) => U.reduce((acc, row, j) => acc + row[a] * WU[j][b], 0)));
    const k = base[0].length;
    const x = Array.from({ length: na }, (_, a) => Array.from({ length: k }, (_, c) => U.reduce((acc, row, j) => acc + row[a] * base[j][c], 0)));
    for (let c = 0; c < na; c++) {
      for (let r = c + 1; r < na; r++) {
        const f = A[r][c] / A[c][c];
        for (let j = c; j < na; j++) A[r][j] -= f * A[c][j];
        for (let j = 0; j < k; j++) x[r][j] -= f * x[c][j];
      }
    }
    for (let c = na - 1; c >= 0; c--)
      for (let j = 0; j < k; j++) x[c][j] = (x[c][j] - A[c].slice(c + 1).reduce((acc, v, i) => acc + v * x[c + 1 + i][j], 0)) / A[c][c];
    return { reconciled: base.map((row, i) => Array.from(row, (v, c) => v - WU[i].reduce((acc, w, a) => acc + w * x[a][c], 0))), lambda };
  }

  it("equals U'WU formed and solved densely (1e-9 relative), whatever the shrinkage", () => {
    const rng = createRng(5);
    let shrunk = 0;
    for (let trial = 0; trial < 30; trial++) {
      const T = 3 + (trial % 10) * 5;
      // a common factor makes the errors correlated (lambda well inside (0, 1))
      const errors = Array.from({ length: T }, () => {
        const common = 10 * rng.normal();
        return Float64Array.from({ length: m }, (_, i) => (i < na ? 3 : 1) * (common * (trial % 3) + 5 * rng.normal()));
      });
      const base = Array.from({ length: m }, () => Float64Array.from({ length: 4 }, () => 100 + 40 * rng.normal()));
      const got = mintReconcile(s, base, errors);
      const want = denseMinT(base, errors);
      expect(got.lambda).toBe(want.lambda);
      if (got.lambda < 1) shrunk++;
      got.reconciled.forEach((row, i) =>
        row.forEach((v, c) => expect(Math.abs(v - want.reconciled[i][c])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v)))),
      );
    }
    expect(shrunk).toBeGreaterThan(20);
  });
});

describe('rows kept only when the caller says so', () => {
  const y = HISTORIES.trend.slice(0, 40);
  const series = { id: 'S:T', startWeek: '2025-01-06', values: y };

  it("the caller is told how many rows there are and how many are the selection's, before they are made", () => {
    const all = backtestSeries(series, { policy: forecastPolicyDefaults });
    let told: [number, number] | undefined;
    const declined = backtestSeries(series, {
      policy: forecastPolicyDefaults,
      keepRows: (rows, selectedRows) => ((told = [rows, selectedRows]), false),
    });
    expect(told).toEqual([all.rows.length, all.rows.filter((r) => r.model === SELECTED).length]);
    expect(declined.rows).toEqual([]);
    expect(declined.rowsKept).toBe(false);
    expect(declined.metrics).toEqual(all.metrics);
    expect(backtestSeries(series, { policy: forecastPolicyDefaults, keepRows: () => true }).rows).toEqual(all.rows);
  });

  it('a batch leaves the rows out of the results the caller declined', () => {
    const { results } = runForecastBatch([series, { ...series, id: 'S:U' }], { keepRows: (rows) => rows < 0 });
    expect(results.map((r) => r.rows)).toEqual([undefined, undefined]);
    expect(runForecastBatch([series], { keepRows: true }).results[0].rows!.length).toBeGreaterThan(0);
  });
});

describe('selection on the cumulative errors', () => {
  it('intermittentBefore: the average interval between the weeks with demand before the decision, from the first sale', () => {
    for (const history of Object.values(HISTORIES)) {
      const y = [0, 0, ...history];
      for (const cutoff of [1, 1.32, 1.5, 2, 3]) {
        for (let d = 0; d <= y.length + 1; d++) {
          const end = Math.min(d, y.length);
          const start = firstNonZero(y);
          const weeks = y.slice(start, Math.max(start, end));
          const withDemand = weeks.filter((v) => v > 0).length;
          expect(intermittentBefore(y, d, cutoff), `d=${d} cutoff=${cutoff}`).toBe(withDemand > 0 && weeks.length / withDemand >= cutoff);
        }
      }
    }
  });

  it('scores and choice equal paired() on the window errors read from the forecasts, at every decision', () => {
    const p = forecastPolicyDefaults;
    const r = resolveModels({ policy: p });
    for (const [name, history] of Object.entries(HISTORIES)) {
      const y = [0, ...history];
      const firstOrigin = 6;
      const table = forecastTable(y, r.specs, firstOrigin, p.backtestMaxHorizon, {
        refitGrowth: p.backtestRefitGrowth,
        raw: r.raw,
        clipper: expandingClipper(y.slice(1), p),
      });
      // comb and skill columns stand in as shifted copies of two models (any forecasts do here)
      table.set(
        COMB,
        table.get('ses')!.map((f) => f && f.map((v) => v * 1.05)),
      );
      table.set(SKILL, table.get('theta')!.slice());
      const ctx = { y, table, firstOrigin, candidates: r.candidates, combinations: r.combinations, policy: p };
      for (let d = firstOrigin; d <= y.length; d++) {
        const sel = selectAt(ctx, d);
        // the window as paired() reads it: per origin, Σ |actual - forecast| over its first min(H, d - o) weeks
        const ref = table.get(sel.benchmark)!;
        const origins: number[] = [];
        for (let o = Math.max(firstOrigin, p.selectionFirstOrigin, d - p.selectionLookbackWeeks); o < d; o++)
          if (ref[o - firstOrigin]) origins.push(o);
        expect(sel.origins, `${name} d=${d}`).toBe(origins.length);
        if (origins.length < p.selectionMinOrigins) continue;
        const hMax = origins.map((o) => Math.min(p.selectionMaxHorizon, d - o));
        const errors = (m: string) =>
          Float64Array.from(origins, (o, k) => {
            const fc = table.get(m)![o - firstOrigin];
            if (!fc || hMax[k] > fc.length) return NaN;
            let e = 0;
            for (let h = 0; h < hMax[k]; h++) e += Math.abs(y[o + h] - fc[h]);
            return e;
          });
        let floor = 1;
        for (let t = 0; t < Math.min(d, y.length); t++) floor += Math.abs(y[t]);
        const bench = errors(sel.benchmark);
        const singles = sel.intermittent ? r.candidates.intermittent : r.candidates.smooth;
        const scored = [...new Set([...singles, COMB, SKILL])].filter((m) => m !== sel.benchmark);
        const versus = new Map(scored.map((m) => [m, paired(errors(m), bench, hMax, 1e-9 * floor)]));
        for (const [m, pr] of versus) if (pr.n > 0) expect(sel.scores[m], `${name} d=${d} ${m}`).toBe(pr.ratio);
        const eligible = [...versus].filter(([m, pr]) => addsValue(pr, p) && (m !== SKILL || sel.skill)).sort((a, b) => a[1].ratio - b[1].ratio);
        expect(sel.choice, `${name} d=${d}`).toBe(eligible[0]?.[0] ?? sel.benchmark);
      }
    }
  });
});
