// The demand pattern: Syntetos–Boylan class, a seasonal autocorrelation test and the Mann–Kendall trend test.
import { describe, expect, it } from 'vitest';
import { createRng, demandFamily, detrendedAutocorrelation, mannKendallZ } from '../../../src/main/engine/forecast';
import { forecastPolicyDefaults as policy } from '../../../src/shared/policy/forecast';

describe('Mann–Kendall', () => {
  it('1..5: S = 10, Var = 5 x 4 x 15 / 18, z = (S - 1) / sqrt(Var)', () => {
    expect(mannKendallZ([1, 2, 3, 4, 5])).toBeCloseTo(9 / Math.sqrt(300 / 18), 12);
    expect(mannKendallZ([5, 4, 3, 2, 1])).toBeCloseTo(-9 / Math.sqrt(300 / 18), 12);
  });
  it('ties: 1 1 2 -> S = 2, Var = (3 x 2 x 11 - 2 x 1 x 9) / 18', () => {
    expect(mannKendallZ([1, 1, 2])).toBeCloseTo(1 / Math.sqrt(48 / 18), 12);
  });
  it('a huge order does not make a trend (ranks, not sizes)', () => {
    expect(mannKendallZ([5, 7, 6, 5, 7, 6, 500, 5, 7, 6])).toBeCloseTo(mannKendallZ([5, 7, 6, 5, 7, 6, 8, 5, 7, 6]), 12);
  });
});

describe('detrended autocorrelation', () => {
  it('1 3 1 3 1 3 at lag 2 (hand computed around the least-squares line, slope 3/17.5)', () => {
    expect(detrendedAutocorrelation([1, 3, 1, 3, 1, 3], 2)).toBeCloseTo(3.343673 / 5.485714, 5);
  });
  it('a straight line has no residuals and so no autocorrelation', () => {
    expect(detrendedAutocorrelation([1, 2, 3, 4, 5, 6], 2)).toBe(0);
  });
});

describe('demandFamily', () => {
  const rng = createRng(4);
  const noise = (n: number, f: (t: number) => number) =>
    Array.from({ length: n }, (_, t) => Math.max(0, Math.round(f(t) * (1 + 0.15 * rng.normal()))));
  it('level, trend, seasonal (needs two seasons) and intermittent', () => {
    expect(
      demandFamily(
        noise(156, () => 200),
        false,
        policy,
      ),
    ).toBe('level');
    expect(
      demandFamily(
        noise(156, (t) => 200 + 2 * t),
        false,
        policy,
      ),
    ).toBe('trend');
    const seasonal = noise(156, (t) => 200 * (1 + 0.5 * Math.sin((2 * Math.PI * t) / 52)));
    expect(demandFamily(seasonal, false, policy)).toBe('seasonal');
    // under two seasons the season cannot be told; a half-cycle reads as a trend
    expect(demandFamily(seasonal.slice(0, 100), false, policy)).not.toBe('seasonal');
    // an annual event: one week a year three times the usual demand (the autocorrelation at lag 52, not 51)
    expect(
      demandFamily(
        noise(156, (t) => (t % 52 === 10 ? 600 : 200)),
        false,
        policy,
      ),
    ).toBe('seasonal');
    expect(demandFamily([0, 5, 0, 0, 7], true, policy)).toBe('intermittent');
    expect(demandFamily([], false, policy)).toBeNull();
  });
});
