// Hierarchy: total > styles > style x customer. Bottom-up, top-down by proportions and MinT (hand computed on a
// tiny hierarchy), the shrinkage intensity against a direct computation, coherence, and the approach chosen per
// level by a nested backtest that never peeks.
import { describe, expect, it } from 'vitest';
import { createRng, hierarchyProblem, mintReconcile, reconcileHierarchy, type HierarchyNode } from '../../../src/main/engine/forecast';
import { forecastableByOrigin, hierarchyStructure, shrinkageIntensity } from '../../../src/main/engine/forecast/hierarchy';
import { classifyDemand } from '../../../src/main/engine/forecast';
import { forecastPolicyDefaults, type ForecastPolicy } from '../../../src/shared/policy/forecast';

const policy: ForecastPolicy = { ...forecastPolicyDefaults, backtestMaxHorizon: 4, selectionMaxHorizon: 4 };
const node = (
  id: string,
  level: HierarchyNode['level'],
  parent: string | null,
  values: number[],
  base: (o: number) => number[],
  forward: number[] = [],
): HierarchyNode => ({
  id,
  level,
  parent,
  values,
  base: Array.from({ length: values.length - 6 }, (_, i) => base(6 + i)),
  forward,
  forecastable: true,
});

describe('forecastableByOrigin', () => {
  it('property: equals classifying the weeks before every origin (only series long enough then count for a level)', () => {
    const rng = createRng(12);
    for (let k = 0; k < 30; k++) {
      const lead = Math.floor(rng.next() * 10);
      const p = rng.next();
      const v = Array.from({ length: 40 }, (_, t) => (t < lead || rng.next() > p ? 0 : Math.round(50 * rng.next()) + 1));
      const byOrigin = forecastableByOrigin(v, policy);
      byOrigin.forEach((f, o) => expect(f, `series ${k} origin ${o}`).toBe(classifyDemand(v.slice(0, o), policy).forecastable));
    }
  });
});

describe('structure checks', () => {
  const w = [1, 2, 3];
  it('accepts parts that add up, names what is wrong otherwise', () => {
    const ok = [
      node('T', 'total', null, [3, 5, 7], () => []),
      node('S:A', 'style', 'T', [3, 5, 7], () => []),
      node('SC:A|1', 'styleCustomer', 'S:A', w, () => []),
      node('SC:A|2', 'styleCustomer', 'S:A', [2, 3, 4], () => []),
    ];
    expect(hierarchyProblem(ok)).toBeNull();
    expect(hierarchyProblem(ok.map((n) => (n.id === 'SC:A|2' ? { ...n, values: [2, 3, 5] } : n)))).toBe('S:A week 2: the parts add up to 8, not 7');
    expect(hierarchyProblem(ok.map((n) => (n.id === 'SC:A|1' ? { ...n, parent: 'S:Z' } : n)))).toBe('SC:A|1 has no style parent');
    expect(hierarchyProblem(ok.slice(1))).toBe('expected one company total, found 0');
  });
});

describe('MinT', () => {
  // T = A = A1 + A2; base T 10, A 9, A1 4, A2 4; no error history: W = diag(bottom series under each node) = diag(2, 2, 1, 1)
  // U'ŷ = (2, 1); U'WU = [[4, 2], [2, 4]]; x = (0.5, 0); W U x = (1, 0, -0.5, -0.5) -> (9, 9, 4.5, 4.5)
  const nodes = [
    node('T', 'total', null, [9], () => []),
    node('S:A', 'style', 'T', [9], () => []),
    node('SC:A|1', 'styleCustomer', 'S:A', [4], () => []),
    node('SC:A|2', 'styleCustomer', 'S:A', [5], () => []),
  ];
  const s = hierarchyStructure(nodes);

  it('structural scaling without an error history (hand computed)', () => {
    const { reconciled } = mintReconcile(
      s,
      [10, 9, 4, 4].map((v) => Float64Array.of(v)),
      [],
    );
    reconciled.forEach((r, i) => expect(r[0]).toBeCloseTo([9, 9, 4.5, 4.5][i], 12));
  });

  it('property: with a shrunk covariance the result is coherent, whatever the base forecasts', () => {
    const rng = createRng(8);
    for (let k = 0; k < 20; k++) {
      const errors = Array.from({ length: 6 }, () => Float64Array.from({ length: 4 }, () => 10 * rng.normal()));
      const base = Array.from({ length: 4 }, () => Float64Array.from({ length: 3 }, () => 50 + 20 * rng.normal()));
      const { reconciled, lambda } = mintReconcile(s, base, errors);
      expect(lambda).toBeGreaterThanOrEqual(0);
      expect(lambda).toBeLessThanOrEqual(1);
      for (let h = 0; h < 3; h++) {
        expect(reconciled[0][h]).toBeCloseTo(reconciled[2][h] + reconciled[3][h], 8);
        expect(reconciled[1][h]).toBeCloseTo(reconciled[2][h] + reconciled[3][h], 8);
      }
    }
  });

  it('shrinkage intensity equals the direct Schäfer–Strimmer formula (hts shrink.estim)', () => {
    const rng = createRng(2);
    const T = 7;
    const m = 5;
    const errors = Array.from({ length: T }, () => Float64Array.from({ length: m }, () => rng.normal()));
    const variance = Float64Array.from({ length: m }, (_, i) => errors.reduce((a, e) => a + e[i] * e[i], 0) / T);
    const z = errors.map((e) => e.map((v, i) => v / Math.sqrt(variance[i])));
    let num = 0;
    let den = 0;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        let w2 = 0;
        let w = 0;
        for (let t = 0; t < T; t++) {
          w2 += z[t][i] ** 2 * z[t][j] ** 2;
          w += z[t][i] * z[t][j];
        }
        num += (w2 - (w * w) / T) / (T * (T - 1));
        den += (w / T) ** 2;
      }
    }
    expect(shrinkageIntensity(errors, variance)).toBeCloseTo(Math.min(1, Math.max(0, num / den)), 12);
  });
});

describe('reconcileHierarchy', () => {
  // A1 = 20, A2 = 30, B1 = 40 every week (A = 50, B = 40, T = 90). The total's base forecast is right; the styles'
  // and style x customer forecasts are off by up to +-10 at random.
  const n = 40;
  const rng = createRng(6);
  const off = Array.from({ length: n }, () => Array.from({ length: 5 }, () => 10 * (2 * rng.next() - 1)));
  const flat = (v: number) => new Array<number>(n).fill(v);
  const build = (a1: number[]) => {
    const a2 = flat(30);
    const b1 = flat(40);
    const a = a1.map((v, t) => v + a2[t]);
    const t = a.map((v, i) => v + b1[i]);
    const h = (o: number) => Math.min(4, n - o);
    const fc = (v: number, o: number) => new Array<number>(h(o)).fill(v);
    return [
      node('T', 'total', null, t, (o) => fc(90, o), [90, 90]),
      node('S:A', 'style', 'T', a, (o) => fc(50 + off[o][0], o), [55, 55]),
      node('S:B', 'style', 'T', b1, (o) => fc(40 + off[o][1], o), [35, 35]),
      node('SC:A|1', 'styleCustomer', 'S:A', a1, (o) => fc(20 + off[o][2], o), [25, 25]),
      node('SC:A|2', 'styleCustomer', 'S:A', a2, (o) => fc(30 + off[o][3], o), [30, 30]),
      node('SC:B|1', 'styleCustomer', 'S:B', b1, (o) => fc(40 + off[o][4], o), [35, 35]),
    ];
  };
  const nodes = build(flat(20));
  const r = reconcileHierarchy({ nodes, startWeek: '2025-01-06', firstOrigin: 6, policy });
  const row = (id: string, model: string, origin: string) =>
    r.nodes.find((x) => x.id === id)!.rows.find((x) => x.model === model && x.origin === origin && x.horizon === 1)!.forecast;

  it('bottom-up sums the style x customer forecasts; top-down splits the total by the shares of the weeks before the origin', () => {
    const o12 = '2025-03-31';
    expect(row('T', 'bottomUp', o12)).toBeCloseTo(20 + off[12][2] + 30 + off[12][3] + 40 + off[12][4], 9);
    expect(row('S:A', 'bottomUp', o12)).toBeCloseTo(50 + off[12][2] + off[12][3], 9);
    expect(row('S:A', 'topDown', o12)).toBeCloseTo((90 * 50) / 90, 9);
    expect(row('SC:A|1', 'topDown', o12)).toBeCloseTo((90 * 20) / 90, 9);
    expect(row('T', 'topDown', o12)).toBe(90);
  });

  it("middle-out keeps the styles, sums them to the total and splits each by its customers' shares of the weeks before the origin", () => {
    const o12 = '2025-03-31';
    expect(row('S:A', 'middleOut', o12)).toBe(50 + off[12][0]);
    expect(row('T', 'middleOut', o12)).toBeCloseTo(50 + off[12][0] + 40 + off[12][1], 9);
    expect(row('SC:A|1', 'middleOut', o12)).toBeCloseTo(((50 + off[12][0]) * (12 * 20)) / (12 * 50), 9);
    expect(row('SC:A|2', 'middleOut', o12)).toBeCloseTo(((50 + off[12][0]) * (12 * 30)) / (12 * 50), 9);
    expect(row('SC:B|1', 'middleOut', o12)).toBeCloseTo(40 + off[12][1], 9);
  });

  it('mint is coherent at every reported origin (the parts add up to each aggregate), and is not bottom-up', () => {
    const origins = r.levels[0].byOrigin.map((o) => o.origin);
    for (const o of origins) {
      expect(row('T', 'mint', o)).toBeCloseTo(row('S:A', 'mint', o) + row('S:B', 'mint', o), 6);
      expect(row('S:A', 'mint', o)).toBeCloseTo(row('SC:A|1', 'mint', o) + row('SC:A|2', 'mint', o), 6);
      expect(row('S:B', 'mint', o)).toBeCloseTo(row('SC:B|1', 'mint', o), 6);
    }
    // it weighs the total and the lower levels by their errors: not the plain sum of the bottom series
    expect(origins.some((o) => Math.abs(row('S:A', 'mint', o) - row('S:A', 'bottomUp', o)) > 1e-6)).toBe(true);
  });

  it('chooses per level: the total keeps its own (right) forecast, the noisy lower levels go top-down once the evidence is significant', () => {
    const choice = Object.fromEntries(r.levels.map((l) => [l.level, l.final]));
    expect(choice).toEqual({ total: 'base', style: 'topDown', styleCustomer: 'topDown' });
    const style = r.levels.find((l) => l.level === 'style')!;
    expect(style.byOrigin[0]).toEqual({ origin: '2025-03-31', approach: 'base' }); // 6 scored origins: too few
    expect(style.byOrigin.at(-1)!.approach).toBe('topDown');
    // `selected` follows the choice of its level at each origin; the forward forecast the final choice
    const last = style.byOrigin.at(-1)!.origin;
    expect(row('S:A', 'selected', last)).toBe(row('S:A', 'topDown', last));
    expect(r.nodes.find((x) => x.id === 'S:A')!.forward).toEqual([50, 50]);
    expect(r.nodes.find((x) => x.id === 'T')!.forward).toEqual([90, 90]);
  });

  it('never peeks: changing the weeks from k on leaves the choices and forecasts of origins <= k unchanged', () => {
    const k = 30;
    const changed = reconcileHierarchy({
      nodes: build(flat(20).map((v, t) => (t >= k ? v + 10_000 : v))),
      startWeek: '2025-01-06',
      firstOrigin: 6,
      policy,
    });
    const cut = r.levels[0].byOrigin[k - 12].origin;
    for (const level of [0, 1, 2])
      expect(changed.levels[level].byOrigin.filter((o) => o.origin <= cut)).toEqual(r.levels[level].byOrigin.filter((o) => o.origin <= cut));
    const forecasts = (res: typeof r) =>
      res.nodes.flatMap((x) => x.rows.filter((row) => row.origin <= cut).map((row) => [x.id, row.model, row.origin, row.horizon, row.forecast]));
    expect(forecasts(changed)).toEqual(forecasts(r));
  });

  it('keeps the forward forecast of a series too short to forecast (orders only)', () => {
    const short = nodes.map((x) => (x.id === 'SC:B|1' ? { ...x, forward: [0, 0], forecastable: false } : x));
    const out = reconcileHierarchy({ nodes: short, startWeek: '2025-01-06', firstOrigin: 6, policy });
    expect(out.nodes.find((x) => x.id === 'SC:B|1')!.forward).toEqual([0, 0]);
  });
});
