// Hand-computed examples for the models without a statsmodels counterpart (and small checks for the others).
import { describe, expect, it } from 'vitest';
import { createModelLibrary, pickModels } from '../../../src/main/engine/forecast';
import { forecastPolicyDefaults } from '../../../src/shared/policy/forecast';

const lib = createModelLibrary({ ...forecastPolicyDefaults, seasonPeriodWeeks: 4 });
const m = (name: string) => lib.get(name)!;

describe('baseline models', () => {
  const y = [10, 20, 30, 40, 50, 60, 70, 80, 90];
  it('naive repeats the last week; fitted = previous week', () => {
    const f = m('naive').fit(y);
    expect(f.forecast(3)).toEqual([90, 90, 90]);
    expect(f.fitted.slice(0, 3)).toEqual([NaN, 10, 20]);
    expect(f.residuals[2]).toBe(10);
  });
  it('seasonal naive repeats the last season (needs 2 seasons)', () => {
    expect(m('seasonalNaive').minWeeks).toBe(8);
    // last season = weeks 5..8 = 60 70 80 90
    expect(m('seasonalNaive').fit(y).forecast(6)).toEqual([60, 70, 80, 90, 60, 70]);
  });
  it('mean and moving averages', () => {
    expect(m('mean').fit(y).forecast(2)).toEqual([50, 50]);
    expect(m('mean').fit(y).fitted.slice(1, 4)).toEqual([10, 15, 20]);
    expect(m('ma4').fit(y).forecast(1)).toEqual([75]); // (60+70+80+90)/4
    expect(m('ma8').fit([5, 7]).forecast(1)).toEqual([6]); // shorter history: mean of what there is
    expect(m('ma4').fit(y).fitted[6]).toBe(45); // (30+40+50+60)/4
  });
  it('unknown model names are an error', () => {
    expect(() => pickModels(lib, ['ses', 'arima'])).toThrow('unknown forecast model "arima"');
  });
});

describe('SES (hand computed)', () => {
  it('y = 10 12 11, alpha 0.5, l0 10', () => {
    // f0 = 10 (e 0), l = 10; f1 = 10 (e 2), l = 11; f2 = 11 (e 0), l = 11  => forecast 11, SSE 4
    const f = m('ses').fit([10, 12, 11], { alpha: 0.5, l0: 10 });
    expect(f.fitted).toEqual([10, 10, 11]);
    expect(f.forecast(2)).toEqual([11, 11]);
  });
  it('clamps a negative forecast to 0 (demand)', () => {
    expect(m('holtDamped').fit([70, 40, 10], { alpha: 0.5, beta: 0.5, phi: 0.98, l0: 100, b0: -30 }).forecast(4)).toEqual([0, 0, 0, 0]);
  });
});

describe('Croston and SBA (hand computed)', () => {
  const y = [0, 4, 0, 0, 6, 0, 2];
  // alpha 0.1. First demand at t=1: z = 4, p = 2 (its week index + 1).
  // t=4: demand 6 after an interval of 3: z = 4 + 0.1 (6 - 4) = 4.2; p = 2 + 0.1 (3 - 2) = 2.1
  // t=6: demand 2 after an interval of 2: z = 4.2 + 0.1 (2 - 4.2) = 3.98; p = 2.1 + 0.1 (2 - 2.1) = 2.09
  // forecast = 3.98 / 2.09 = 1.904306; SBA x (1 - 0.1/2) = 1.809091
  it('Croston', () => {
    const f = m('croston').fit(y, { alpha: 0.1 });
    expect(f.forecast(2)[0]).toBeCloseTo(3.98 / 2.09, 9);
    // no forecast up to the first demand; 4/2 until the next demand; 4.2/2.1 after it
    expect(f.fitted).toEqual([NaN, NaN, 2, 2, 2, 2, 2].map((v, i) => (i === 6 ? 4.2 / 2.1 : v)));
  });
  it('SBA', () => {
    const f = m('sba').fit(y, { alpha: 0.1 });
    expect(f.forecast(1)[0]).toBeCloseTo((0.95 * 3.98) / 2.09, 9);
    expect(f.fitted[2]).toBeCloseTo(1.9, 12);
  });
  it('fitted weights stay inside the policy bounds', () => {
    const a = m('croston').fit(y).params.alpha;
    expect(a).toBeGreaterThanOrEqual(forecastPolicyDefaults.intermittentAlphaMin);
    expect(a).toBeLessThanOrEqual(forecastPolicyDefaults.intermittentAlphaMax);
  });
});

describe('TSB (hand computed)', () => {
  it('alpha 0.2 (size), beta 0.1 (probability), d0 0.5, z0 4', () => {
    // t0 y=0: f = 0.5 x 4 = 2;        d = 0.45
    // t1 y=4: f = 1.8;                d = 0.45 + 0.1 x 0.55 = 0.505;   z = 4
    // t2 y=0: f = 2.02;               d = 0.4545
    // t3 y=0: f = 1.818;              d = 0.40905
    // t4 y=6: f = 1.6362;             d = 0.468145;                    z = 4 + 0.2 x 2 = 4.4
    // t5 y=0: f = 2.059838;           d = 0.4213305
    // t6 y=2: f = 1.8538542;          d = 0.47919745;                  z = 4.4 + 0.2 x (2 - 4.4) = 3.92
    // forecast = 0.47919745 x 3.92 = 1.878454004
    const f = m('tsb').fit([0, 4, 0, 0, 6, 0, 2], { alpha: 0.2, beta: 0.1, d0: 0.5, z0: 4 });
    const expected = [2, 1.8, 2.02, 1.818, 1.6362, 2.059838, 1.8538542];
    f.fitted.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    expect(f.forecast(3)).toEqual(new Array(3).fill(f.forecast(1)[0]));
    expect(f.forecast(1)[0]).toBeCloseTo(1.878454004, 9);
  });
});

describe('ADIDA (hand computed)', () => {
  it('aggregates into buckets of the average interval, smooths the buckets, spreads back', () => {
    // 10 weeks, 4 with demand: ADI 2.5 -> k = 3; 3 buckets aligned to the end, week 0 dropped:
    // weeks 1-3 = 3, weeks 4-6 = 5, weeks 7-9 = 4. SES alpha 0.5 from l0 = 3: 3 -> 3 + 0.5 x 2 = 4 -> 4.
    // bucket forecast 4 -> 4/3 per week
    const f = m('adida').fit([2, 0, 3, 0, 0, 5, 0, 0, 4, 0], { alpha: 0.5 });
    expect(f.params.k).toBe(3);
    expect(f.forecast(2)).toEqual([4 / 3, 4 / 3]);
    expect(f.fitted).toEqual([NaN, 1, 1, 1, 1, 1, 1, 4 / 3, 4 / 3, 4 / 3]);
  });
});

describe('Holt damped and Holt–Winters', () => {
  it('Holt forecast = level + (phi + ... + phi^h) x trend', () => {
    // one observation y0 = 12 with l0 10, b0 2, alpha 0.5, beta 0.5, phi 0.5:
    // f0 = 10 + 0.5 x 2 = 11; l = 11 + 0.5 x 1 = 11.5; b = 0.5 x (11.5 - 10) + 0.5 x 0.5 x 2 = 1.25
    const f = m('holtDamped').fit([12], { alpha: 0.5, beta: 0.5, phi: 0.5, l0: 10, b0: 2 });
    expect(f.fitted).toEqual([11]);
    expect(f.forecast(2)).toEqual([11.5 + 0.5 * 1.25, 11.5 + 0.75 * 1.25]);
  });
  it('Holt–Winters reproduces an exact seasonal pattern', () => {
    const y = Array.from({ length: 12 }, (_, t) => 100 + [10, -5, 5, -10][t % 4]);
    expect(
      m('holtWinters')
        .fit(y)
        .forecast(4)
        .map((v) => Math.round(v * 1e6) / 1e6),
    ).toEqual([110, 95, 105, 90]);
  });
});
