import { describe, expect, it } from 'vitest';
import { backtestSeries, createRng, selectAt, accuracy, SELECTED } from '../../../src/main/engine/forecast';
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
    expect(new Set(bt.rows.map((r) => r.model))).toEqual(new Set([...policy.candidatesSmooth.filter((m) => !m.startsWith('season') && m !== 'holtWinters'), 'croston', 'sba', 'tsb', 'adida', SELECTED]));
  });

  it('error sums cover h 1-4 of complete windows only (origins 12..16 on 20 weeks)', () => {
    const m = bt.metrics.naive;
    expect(m.points).toBe(5 * 4);
    let abs = 0;
    let act = 0;
    for (let o = 12; o <= 16; o++) for (let h = 1; h <= 4; h++) {
      abs += Math.abs(y[o + h - 1] - y[o - 1]);
      act += y[o + h - 1];
    }
    expect(accuracy(m).wape).toBeCloseTo(abs / act, 12);
    // MASE scale at origin 12 = mean |y_t - y_t-1| over the 12 training weeks
    const scale = y.slice(1, 12).reduce((s, v, i) => s + Math.abs(v - y[i]), 0) / 11;
    expect(bt.scaleByOrigin['2025-03-31']).toBeCloseTo(scale, 12);
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
    expect(b.finalSelection).not.toEqual(a.finalSelection);
  });

  it('leaves the benchmark once a model is significantly better (a clear trend: not the historical mean)', () => {
    const full = backtestSeries({ id: 'x', startWeek: '2025-01-06', values: trend }, { policy });
    expect(full.finalSelection.benchmark).toBe('mean');
    expect(full.finalSelection.members).not.toContain('mean');
    expect(accuracy(full.metrics[SELECTED]).wape).toBeLessThan(0.5 * accuracy(full.metrics.mean).wape);
    // early origins have too little evidence (fewer than 10 scored origins): the benchmark
    expect(full.selections[0].members).toEqual(['mean']);
  });

  it('forecasts 0 before a style\'s first sale and trims leading zeros for fitting', () => {
    const late = [...new Array(14).fill(0), 50, 60, 55, 65, 50, 60];
    const r = backtestSeries({ id: 'x', startWeek: '2025-01-06', values: late }, { policy });
    expect(r.rows.filter((x) => x.origin <= '2025-04-14').every((x) => x.forecast === 0)).toBe(true);
    expect(r.rows.find((x) => x.model === 'mean' && x.origin === '2025-04-28' && x.horizon === 1)?.forecast).toBe(55);
  });
});

describe('selectAt', () => {
  // y = 100 every week; benchmark 'mean' 5 off, 'good' 1 off, 'lucky' alternately 0 and 8 off (4 on average), 'bad' 30 off
  const y = new Array(40).fill(100);
  const origins = 40;
  const fc = (f: (o: number) => number) => Array.from({ length: origins }, (_, o) => new Array(9).fill(f(o)));
  const table = new Map<string, number[][]>([
    ['mean', fc(() => 105)],
    ['good', fc(() => 101)],
    ['lucky', fc((o) => (o % 2 ? 100 : 108))],
    ['bad', fc(() => 130)],
  ]);
  const p: ForecastPolicy = { ...policy, selectionFirstOrigin: 0, selectionEnsembleSize: 1 };
  const ctx = { y, table, firstOrigin: 0, candidates: { smooth: ['mean', 'good', 'lucky', 'bad'], intermittent: ['mean'] }, policy: p };

  it('keeps the benchmark with fewer than selectionMinOrigins scored origins', () => {
    expect(selectAt(ctx, 9)).toMatchObject({ members: ['mean'], benchmark: 'mean' });
  });
  it('picks the significantly better model; relative MAE scores against the benchmark', () => {
    const s = selectAt(ctx, 30);
    expect(s.members).toEqual(['good']);
    expect(s.scores.good).toBeCloseTo(0.2, 7);
    expect(s.scores.bad).toBeCloseTo(6, 7);
  });
  it('an ensemble is the median of the best eligible models; a noisy gain is not eligible', () => {
    // 'lucky' beats the benchmark on average (score 0.8) but its per-origin gains (-5, +3, ...) give
    // t = -1 / (4 / sqrt(30)) = -1.37 > -1.96: not significant, so only good and mean are eligible
    const s = selectAt({ ...ctx, policy: { ...p, selectionEnsembleSize: 3 } }, 30);
    expect(s.scores.lucky).toBeCloseTo(0.8137, 4); // about 0.8: the last origins have fewer horizons
    expect(s.members).toEqual(['good', 'mean']);
  });
});
