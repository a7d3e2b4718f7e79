import { describe, expect, it } from 'vitest';
import { backtestSeries, createRng, selectAt, accuracy, weightedForecast, COMB, SKILL, SELECTED } from '../../../src/main/engine/forecast';
import { paired } from '../../../src/main/engine/forecast/select';
import { forecastPolicyDefaults, type ForecastPolicy } from '../../../src/shared/policy/forecast';

const policy = forecastPolicyDefaults;
const rng = createRng(11);
const trend = Array.from({ length: 60 }, (_, t) => Math.round(100 + 6 * t + 15 * rng.normal()));

describe('rolling-origin backtest', () => {
  const y = trend.slice(0, 20);
  const bt = backtestSeries({ id: 'S:T', startWeek: '2025-01-06', values: y }, { policy });

  it('reports origins from week 12, horizons 1..9 while actuals exist, origin = Monday of the first forecast week', () => {
    const naive = bt.rows.filter((r) => r.model === 'naive');
    expect(naive).toHaveLength(8 + 7 + 6 + 5 + 4 + 3 + 2 + 1); // origins 12..19
    expect(naive[0]).toEqual({ series: 'S:T', origin: '2025-03-31', horizon: 1, model: 'naive', actual: y[12], forecast: y[11] });
    const last = naive[naive.length - 1];
    expect(last).toMatchObject({ origin: '2025-05-19', horizon: 1, actual: y[19], forecast: y[18] });
    expect(Math.max(...bt.rows.map((r) => r.horizon))).toBe(8);
    // baselines, candidates of both classes (no seasonal ones on 20 weeks), both combinations and the selection;
    // `skill` weights models once they have 10 scored origins (origins 6..15): from origin 16 (2025-04-28) on
    expect(new Set(bt.rows.map((r) => r.model))).toEqual(
      new Set(['naive', 'ma4', 'ma8', 'mean', 'clippedMean', 'ses', 'holtDamped', 'theta', 'croston', 'sba', 'tsb', 'adida', COMB, SKILL, SELECTED]),
    );
    expect(bt.rows.filter((r) => r.model === SKILL).map((r) => r.origin)[0]).toBe('2025-04-28');
  });

  it('comb is the equal-weight mean of the combination set at every origin', () => {
    const at = (model: string, origin: string, h: number) =>
      bt.rows.find((r) => r.model === model && r.origin === origin && r.horizon === h)!.forecast;
    for (const origin of ['2025-03-31', '2025-05-05']) {
      const members = policy.combinationSmooth.map((m) => at(m, origin, 2));
      expect(at(COMB, origin, 2)).toBeCloseTo(members.reduce((a, b) => a + b, 0) / members.length, 9);
    }
  });

  it('error sums cover h 1-4 of complete windows only (origins 12..16 on 20 weeks)', () => {
    const m = bt.metrics.naive;
    expect(m.points).toBe(5 * 4);
    let abs = 0;
    let act = 0;
    for (let o = 12; o <= 16; o++)
      for (let h = 1; h <= 4; h++) {
        abs += Math.abs(y[o + h - 1] - y[o - 1]);
        act += y[o + h - 1];
      }
    expect(accuracy(m).wape).toBeCloseTo(abs / act, 12);
    // MASE scale at origin 12 = mean |y_t - y_t-1| over the 12 training weeks
    const scale = y.slice(1, 12).reduce((s, v, i) => s + Math.abs(v - y[i]), 0) / 11;
    expect(bt.scaleByOrigin['2025-03-31']).toBeCloseTo(scale, 12);
    // per horizon: every reported origin with an actual (origins 12..19 at h 1)
    expect(bt.metricsByHorizon.naive[0].points).toBe(8);
    expect(bt.metricsByHorizon.naive[7].points).toBe(1);
  });

  it('never peeks: changing weeks from k on leaves every selection and forecast at origins <= k unchanged', () => {
    const k = 40;
    const changed = trend.map((v, t) => (t >= k ? v * 3 + 500 : v));
    const a = backtestSeries({ id: 'x', startWeek: '2025-01-06', values: trend }, { policy });
    const b = backtestSeries({ id: 'x', startWeek: '2025-01-06', values: changed }, { policy });
    const cut = a.selections[k - 12].origin;
    expect(b.selections.filter((s) => s.origin <= cut)).toEqual(a.selections.filter((s) => s.origin <= cut));
    const fc = (rows: typeof a.rows) => rows.filter((r) => r.origin <= cut).map((r) => [r.model, r.origin, r.horizon, r.forecast]);
    expect(fc(b.rows)).toEqual(fc(a.rows));
    // the inner origins (6..11) that only feed the selection and the hierarchy too
    expect(b.selectedByOrigin.slice(0, k - a.firstOrigin + 1)).toEqual(a.selectedByOrigin.slice(0, k - a.firstOrigin + 1));
    expect(b.finalSelection).not.toEqual(a.finalSelection);
  });

  it('leaves the benchmark once a forecast is significantly better (a clear trend: not the long-run level)', () => {
    const full = backtestSeries({ id: 'x', startWeek: '2025-01-06', values: trend }, { policy });
    // the benchmark is the equal-weight combination (issue 17); a trend model beats it by far
    expect(full.finalSelection.benchmark).toBe(COMB);
    expect(full.finalSelection.choice).not.toBe(COMB);
    expect(full.finalSelection.members).not.toContain('clippedMean');
    // the skill-weighted combination weights models only (the benchmark combination is not one of them)
    expect(full.finalSelection.skill!.members).toEqual(['holtDamped', 'theta', 'ses']);
    const level = createRng(11);
    const flat = backtestSeries(
      { id: 'flat', startWeek: '2025-01-06', values: Array.from({ length: 40 }, () => Math.round(100 + 10 * level.normal())) },
      { policy },
    );
    const skills = [...flat.selections.map((x) => x.members), flat.finalSelection.skill?.members ?? []];
    expect(flat.finalSelection.skill).not.toBeNull();
    expect(skills.flat().filter((m) => m === COMB)).toEqual([]);
    expect(accuracy(full.metrics[SELECTED]).wape).toBeLessThan(0.5 * accuracy(full.metrics.mean).wape);
    // early origins have too little evidence (fewer than 10 scored origins): the benchmark, with its members
    expect(full.selections[0]).toMatchObject({ choice: COMB, members: policy.combinationSmooth, weights: [0.25, 0.25, 0.25, 0.25] });
    expect(full.family).toBe('trend');
  });

  it("forecasts 0 before a style's first sale and trims leading zeros for fitting", () => {
    const late = [...new Array(14).fill(0), 50, 60, 55, 65, 50, 60];
    const r = backtestSeries({ id: 'x', startWeek: '2025-01-06', values: late }, { policy });
    expect(r.rows.filter((x) => x.origin <= '2025-04-14').every((x) => x.forecast === 0)).toBe(true);
    expect(r.rows.find((x) => x.model === 'mean' && x.origin === '2025-04-28' && x.horizon === 1)?.forecast).toBe(55);
  });
});

describe('outlier-robust fitting', () => {
  // 30 weeks of about 100 yds with one order of 5,000 yds in week 14
  const noise = createRng(5);
  const y = Array.from({ length: 30 }, (_, t) => (t === 14 ? 5000 : Math.round(100 + 8 * noise.normal())));

  const worstAfter = (rows: { model: string; origin: string; forecast: number }[], model: string) =>
    Math.max(...rows.filter((r) => r.model === model && r.origin >= '2025-04-21').map((r) => Math.abs(r.forecast - 100))); // origins 15..29

  it('a single huge order steers neither the selection nor any candidate for the weeks after it; the plain baselines are pulled up', () => {
    const bt = backtestSeries({ id: 'spike', startWeek: '2025-01-06', values: y }, { policy });
    expect(worstAfter(bt.rows, SELECTED)).toBeLessThan(15);
    for (const m of ['clippedMean', 'ses', 'holtDamped', 'theta', 'sba', 'tsb', 'adida', COMB, SKILL])
      expect(worstAfter(bt.rows, m), m).toBeLessThan(30);
    const mean15 = bt.rows.find((r) => r.model === 'mean' && r.origin === '2025-04-21' && r.horizon === 1)!.forecast;
    expect(mean15).toBeGreaterThan(400); // (14 x ~100 + 5000) / 15
  });

  it('without robust fitting the same order steers the candidates fitted on the weeks as invoiced (the reason for it)', () => {
    const bt = backtestSeries({ id: 'spike', startWeek: '2025-01-06', values: y }, { policy: { ...policy, robustFitting: false } });
    expect(worstAfter(bt.rows, 'ses')).toBeGreaterThan(1000);
    expect(worstAfter(bt.rows, COMB)).toBeGreaterThan(1000);
  });
});

describe('paired comparison (Diebold–Mariano with a HAC variance)', () => {
  const a = Float64Array.from([3, 1, 4, 1, 5]);
  const b = Float64Array.from([2, 2, 2, 2, 2]);
  it('one horizon per origin: no lags, the plain variance of the mean', () => {
    // d = 1 -1 2 -1 3, mean 0.8, population variance 12.8 / 5 = 2.56, z = 0.8 / sqrt(2.56 / 5)
    const p = paired(a, b, [1, 1, 1, 1, 1], 0);
    expect(p.ratio).toBeCloseTo(14 / 10, 12);
    expect(p.z).toBeCloseTo(0.8 / Math.sqrt(0.512), 12);
    expect(p.n).toBe(5);
  });
  it('two horizons per origin: per-horizon differences, Newey–West weight 1/2 on lag 1', () => {
    // d = 0.5 -0.5 1 -0.5 1.5, mean 0.4; gamma0 = 3.2 / 5 = 0.64; gamma1 = -2.16 / 5 = -0.432
    // variance = 0.64 + 2 x 0.5 x (-0.432) = 0.208; z = 0.4 / sqrt(0.208 / 5)
    expect(paired(a, b, [2, 2, 2, 2, 2], 0).z).toBeCloseTo(0.4 / Math.sqrt(0.208 / 5), 12);
  });
  it('skips origins where either has no forecast', () => {
    const p = paired(Float64Array.from([3, NaN, 4]), Float64Array.from([2, 2, NaN]), [1, 1, 1], 0);
    expect(p).toMatchObject({ n: 1, ratio: 1.5, z: 0 });
  });
});

describe('selectAt', () => {
  // y = 100 every week; benchmark 'mean' 5 off, 'good' 1 off, 'ok' 2 off, 'lucky' 4.6 + 3 N(0, 1) off, 'bad' 30 off
  const y = new Array(40).fill(100);
  const origins = 40;
  const fc = (f: (o: number) => number) => Array.from({ length: origins }, (_, o) => new Array(9).fill(f(o)));
  const luck = createRng(3);
  const luckyOff = Array.from({ length: origins }, () => 4.6 + 3 * luck.normal());
  const table = new Map<string, number[][]>([
    ['mean', fc(() => 105)],
    ['good', fc(() => 101)],
    ['ok', fc(() => 102)],
    ['lucky', fc((o) => 100 + luckyOff[o])],
    ['bad', fc(() => 130)],
  ]);
  const p: ForecastPolicy = { ...policy, selectionFirstOrigin: 0, benchmarkSmooth: 'mean' };
  const sets = { smooth: ['mean', 'good', 'ok', 'lucky', 'bad'], intermittent: ['mean'] };
  const ctx = { y, table, firstOrigin: 0, candidates: sets, combinations: { smooth: ['good', 'bad'], intermittent: ['mean'] }, policy: p };

  it('keeps the benchmark with fewer than selectionMinOrigins scored origins, and has no skill weights yet', () => {
    expect(selectAt(ctx, 9)).toMatchObject({ choice: 'mean', members: ['mean'], weights: [1], benchmark: 'mean', skill: null });
  });
  it('picks the significantly better model; relative MAE scores against the benchmark', () => {
    const s = selectAt(ctx, 30);
    expect(s.choice).toBe('good');
    expect(s.scores.good).toBeCloseTo(0.2, 7);
    expect(s.scores.bad).toBeCloseTo(6, 7);
  });
  it('a noisy gain is not eligible', () => {
    const withoutGood = { ...ctx, candidates: { ...sets, smooth: ['mean', 'lucky', 'bad'] } };
    const s = selectAt(withoutGood, 30);
    expect(s.scores.lucky).toBeLessThan(1);
    expect(s.choice).toBe('mean');
  });
  it('skill: inverse relative-error weights of the best 3, shrunk towards equal weights by 1 - 3 / (30 - 3)', () => {
    const s = selectAt({ ...ctx, candidates: { ...sets, smooth: ['mean', 'good', 'ok', 'bad'] } }, 30);
    // relative MAE good 0.2, ok 0.4, mean 1 -> inverse 5, 2.5, 1 (sum 8.5); share = 1 - 3/27 = 8/9
    const share = 8 / 9;
    expect(s.skill!.members).toEqual(['good', 'ok', 'mean']);
    [5, 2.5, 1].forEach((v, i) => expect(s.skill!.weights[i]).toBeCloseTo(share * (v / 8.5) + (1 - share) / 3, 6));
  });
  it('the skill-weighted combination is a candidate: chosen with its members and weights when its record is best', () => {
    // 'up' is 3 over, 'down' 3 under; their combination (its backtest column) is right on
    const withSkill = {
      ...ctx,
      table: new Map([...table, ['up', fc(() => 103)], ['down', fc(() => 97)], [SKILL, fc(() => 100)]]),
      candidates: { ...sets, smooth: ['mean', 'up', 'down'] },
    };
    const s = selectAt(withSkill, 30);
    expect(s.choice).toBe(SKILL);
    expect(s.members).toEqual(s.skill!.members);
    expect(s.weights).toEqual(s.skill!.weights);
    expect(s.members.sort()).toEqual(['down', 'mean', 'up']);
  });
  it('weightedForecast renormalises over the members that have a forecast', () => {
    const f = weightedForecast({ members: ['a', 'b', 'c'], weights: [0.5, 0.3, 0.2] }, (m) => (m === 'a' ? [10, 20] : m === 'c' ? [30, 40] : null));
    expect(f![0]).toBeCloseTo((0.5 * 10 + 0.2 * 30) / 0.7, 12);
    expect(f![1]).toBeCloseTo((0.5 * 20 + 0.2 * 40) / 0.7, 12);
    expect(weightedForecast({ members: ['x'], weights: [1] }, () => undefined)).toBeNull();
  });
});
