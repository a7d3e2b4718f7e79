import { describe, expect, it } from 'vitest';
import { consumeForecast, consumeForecastsByStyle, empiricalIntervals, errorsByHorizon } from '../../../src/main/engine/forecast';
import { forecastPolicyDefaults } from '../../../src/shared/policy/forecast';

describe('empiricalIntervals', () => {
  const p = { intervalMinErrors: 3 };
  it('uses the quantiles of the backtest errors at each horizon (type-7 interpolation)', () => {
    // h1 errors -20 -10 0 10 20: q.10 = -16, q.90 = 16, q.025 = -19, q.975 = 19
    const b = empiricalIntervals([100], [[-20, -10, 0, 10, 20]], p);
    expect(b).toEqual({ lo80: [84], hi80: [116], lo95: [81], hi95: [119], errorCount: [5] });
  });
  it('pools neighbouring horizons when one has too few errors, widens beyond the last backtest horizon', () => {
    const errs = [[-10, 10], [5], [-30, 30]];
    const b = empiricalIntervals([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100], errs, p);
    // h2 has 1 error < 3: pooled with h1 and h3 -> -30 -10 5 10 30
    expect(b.errorCount.slice(0, 3)).toEqual([3, 5, 3]); // h1 + h2, all three, h3 + h2
    expect(b.hi80[1]).toBeCloseTo(100 + 22, 9); // q.90 of (-30 -10 5 10 30): pos 3.6 -> 10 + 0.6 x 20
    // h12 > H = 3: errors of h3 (pooled with h2: -30 30 5) widened by sqrt(12 / 3) = 2
    const q90 = 5 + 0.8 * 25; // sorted -30 5 30, pos 1.8
    expect(b.hi80[11]).toBeCloseTo(100 + 2 * q90, 9);
  });
  it('clamps at zero and always contains the point', () => {
    const b = empiricalIntervals(
      [5, 50],
      [
        [-100, -90, -80],
        [10, 20, 30],
      ],
      p,
    );
    expect(b.lo80[0]).toBe(0);
    expect(b.lo95[1]).toBe(50); // every error positive: the band starts at the point
    expect(b.hi95[1]).toBeGreaterThan(b.hi80[1]);
  });
  it('collapses to the point without errors', () => {
    expect(empiricalIntervals([7, 7], [], p)).toEqual({ lo80: [7, 7], hi80: [7, 7], lo95: [7, 7], hi95: [7, 7], errorCount: [0, 0] });
  });
  it('errorsByHorizon groups actual - forecast of one model', () => {
    const rows = [
      { series: 's', origin: '2025-01-06', horizon: 1, model: 'a', actual: 10, forecast: 7 },
      { series: 's', origin: '2025-01-06', horizon: 2, model: 'a', actual: 10, forecast: 12 },
      { series: 's', origin: '2025-01-06', horizon: 1, model: 'b', actual: 10, forecast: 0 },
    ];
    expect(errorsByHorizon(rows, 'a', 3)).toEqual([[3], [-2], []]);
  });
});

describe('forecast consumption by open sales orders', () => {
  const weeks = ['2025-09-01', '2025-09-08', '2025-09-15', '2025-09-22', '2025-09-29', '2025-10-06'];
  const forecast = { weeks, qty: [100, 100, 100, 100, 100, 100] };
  const orders = [
    { week: '2025-09-17', qty: 150 }, // week 2: own 100, then 50 from week 1 (backward first)
    { week: '2025-09-22', qty: 30 }, // week 3: own 30
    { week: '2025-10-10', qty: 400 }, // week 5: own 100, week 4 100, week 3 the 70 left; 130 above forecast
    { week: '2025-08-18', qty: 20 }, // two weeks before the horizon: forward window reaches week 0
  ];
  const policy = { consumptionBackwardWeeks: 2, consumptionForwardWeeks: 2 };
  it('consumes own week, then backward, then forward; net demand = orders + forecast left', () => {
    const r = consumeForecast(forecast, orders, policy);
    expect(r.weeks.map((w) => w.consumed)).toEqual([20, 50, 100, 100, 100, 100]);
    expect(r.weeks.map((w) => w.remainingForecast)).toEqual([80, 50, 0, 0, 0, 0]);
    expect(r.weeks.map((w) => w.orders)).toEqual([0, 0, 150, 30, 0, 400]);
    expect(r.weeks.map((w) => w.netDemand)).toEqual([80, 50, 150, 30, 0, 400]);
    expect(r.unconsumedOrders).toBe(130);
    expect(r.ordersOutsideHorizon).toBe(20);
  });
  it('with zero windows an order only consumes its own week', () => {
    const r = consumeForecast(forecast, [{ week: '2025-09-15', qty: 150 }], { consumptionBackwardWeeks: 0, consumptionForwardWeeks: 0 });
    expect(r.weeks.map((w) => w.remainingForecast)).toEqual([100, 100, 0, 100, 100, 100]);
    expect(r.unconsumedOrders).toBe(50);
  });
  it('per style; a style with orders but no forecast keeps its orders as demand', () => {
    const out = consumeForecastsByStyle(
      new Map([['A', forecast]]),
      [
        { style: 'A', week: '2025-09-01', qty: 10 },
        { style: 'B', week: '2025-09-08', qty: 40 },
      ],
      forecastPolicyDefaults,
    );
    expect([...out.keys()]).toEqual(['A', 'B']);
    expect(out.get('A')!.weeks[0].remainingForecast).toBe(90);
    expect(out.get('B')!.weeks.map((w) => w.netDemand)).toEqual([0, 40, 0, 0, 0, 0]);
    expect(out.get('B')!.unconsumedOrders).toBe(40);
  });
});
