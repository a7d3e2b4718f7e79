import { describe, expect, it } from 'vitest';
import { createModelLibrary, createRng, runForecastBatch, summariseAccuracy, type SeriesInput } from '../../../src/main/engine/forecast';
import { forecastPolicyDefaults } from '../../../src/shared/policy/forecast';

const rng = createRng(2024);
const START = '2024-01-01';

/** Awkward inputs on purpose: all zero, single week, constants, spikes, huge values, intermittent, trends to zero. */
function randomSeries(i: number): SeriesInput {
  const n = 1 + Math.floor(rng.next() * 90);
  const kind = i % 8;
  const values = Array.from({ length: n }, (_, t) => {
    switch (kind) {
      case 0:
        return 0;
      case 1:
        return 42;
      case 2:
        return rng.next() < 0.1 ? 1e7 * rng.next() : 0;
      case 3:
        return Math.max(0, Math.round(500 - 12 * t + 30 * rng.normal()));
      case 4:
        return rng.next() < 0.25 ? Math.round(300 * Math.exp(rng.normal())) : 0;
      case 5:
        return Math.round(1000 + 400 * Math.sin(t / 3) + 100 * rng.normal());
      case 6:
        return t === n - 1 ? 5000 : 3;
      default:
        return Math.round(rng.next() * 100) / 10;
    }
  });
  return { id: `R${i}`, startWeek: START, values };
}

describe('runForecastBatch', () => {
  const series = Array.from({ length: 64 }, (_, i) => randomSeries(i));

  it('property: forecasts are finite and non-negative, and the 80/95 % bands nest around the point', () => {
    const { results } = runForecastBatch(series, { keepRows: true });
    expect(results).toHaveLength(series.length);
    let statistical = 0;
    for (const r of results) {
      const f = r.forecast;
      expect(f.point).toHaveLength(26);
      if (f.method === 'statistical') statistical++;
      f.point.forEach((p, i) => {
        expect(Number.isFinite(p) && p >= 0).toBe(true);
        expect(0 <= f.lo95[i] && f.lo95[i] <= f.lo80[i] && f.lo80[i] <= p).toBe(true);
        expect(p <= f.hi80[i] && f.hi80[i] <= f.hi95[i] && Number.isFinite(f.hi95[i])).toBe(true);
      });
      for (const row of r.rows!) expect(Number.isFinite(row.forecast) && row.forecast >= 0).toBe(true);
    }
    expect(statistical).toBeGreaterThan(20);
  });

  it('property: every model alone gives finite non-negative forecasts on awkward histories', () => {
    const lib = createModelLibrary({ ...forecastPolicyDefaults, seasonPeriodWeeks: 8 });
    for (const s of series) {
      for (const m of lib.values()) {
        if (s.values.length < m.minWeeks) continue;
        const fc = m.fit(s.values).forecast(30);
        expect(
          fc.every((v) => Number.isFinite(v) && v >= 0),
          `${m.name} on ${s.id}`,
        ).toBe(true);
      }
    }
  });

  it('is chunkable: two chunks give the same results as one run, and the accuracy sums merge', () => {
    const list = series.slice(0, 12);
    const whole = runForecastBatch(list, { keepRows: false });
    const a = runForecastBatch(list.slice(0, 5), { keepRows: false });
    const b = runForecastBatch(list.slice(5), { keepRows: false });
    expect([...a.results, ...b.results]).toEqual(whole.results);
    const t1 = summariseAccuracy(whole.results);
    const t2 = summariseAccuracy([...b.results, ...a.results]);
    expect(t2.portfolio.selected.wape).toBeCloseTo(t1.portfolio.selected.wape, 12);
    expect(t1.portfolio.selected.points).toBeGreaterThan(0);
  });

  it('reports progress and stops between series when cancelled', () => {
    const progress: string[] = [];
    let calls = 0;
    const r = runForecastBatch(
      series.slice(0, 6),
      {},
      (done, total) => progress.push(`${done}/${total}`),
      () => ++calls > 2,
    );
    expect(r.cancelled).toBe(true);
    expect(r.results).toHaveLength(2);
    expect(progress).toEqual(['1/6', '2/6']);
  });

  it('a series too short to forecast gets an orders-only forecast of zeros with the reason', () => {
    const r = runForecastBatch([{ id: 'short', startWeek: START, values: [0, 0, 5, 0, 7] }], { horizonWeeks: 4 });
    expect(r.results[0].forecast).toMatchObject({
      method: 'ordersOnly',
      point: [0, 0, 0, 0],
      weeks: ['2024-02-05', '2024-02-12', '2024-02-19', '2024-02-26'],
    });
    expect(r.results[0].forecast.reason).toContain('only 3 weeks since the first sale');
  });
});
