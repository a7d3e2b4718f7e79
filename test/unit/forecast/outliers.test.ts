// Outliers: the Hampel identifier (median and MAD of the weeks with demand within the window), flagged on the series
// as invoiced and clipped in the weeks models are fitted on.
import { describe, expect, it } from 'vitest';
import { clipOutliers, createModelLibrary, createRng, flagOutliers } from '../../../src/main/engine/forecast';
import { expandingClipper } from '../../../src/main/engine/forecast/outliers';
import { forecastPolicyDefaults } from '../../../src/shared/policy/forecast';

const policy = forecastPolicyDefaults; // z 3.5, at least 5 non-zero weeks, 13 weeks either side

describe('Hampel identifier', () => {
  // weeks 0..9: 10 12 11 13 10 0 12 200 11 10 -> non-zero: 10 12 11 13 10 12 200 11 10 (window covers all)
  const y = [10, 12, 11, 13, 10, 0, 12, 200, 11, 10];
  // median 11; |deviations| 1 1 0 2 1 1 189 0 1 -> MAD 1; scale 1 / 0.6745; bounds 11 ± 3.5 x 1.48258
  const hi = 11 + 3.5 / 0.6745;

  it('flags the huge week (hand computed bounds) and never a zero week', () => {
    const flags = flagOutliers({ id: 'S:X', level: 'style', unit: 'yds', startWeek: '2025-01-06', values: y }, policy);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ week: '2025-02-24', value: 200, median: 11, direction: 'high' });
    expect(flags[0].robustZ).toBeCloseTo((200 - 11) * 0.6745, 9);
  });

  it('clips the huge week to the upper bound; the others and the zero week stay', () => {
    const c = clipOutliers(y, policy);
    expect(c[7]).toBeCloseTo(hi, 9);
    expect(c.filter((_, t) => t !== 7)).toEqual(y.filter((_, t) => t !== 7));
  });

  it('is local: the high weeks of a series that grows eightfold are not outliers, a spike on it is', () => {
    const rng = createRng(1);
    const growing = Array.from({ length: 104 }, (_, t) => Math.round((50 + 4 * t) * (1 + 0.08 * rng.normal())));
    expect(clipOutliers(growing, policy)).toEqual(growing);
    const spiked = growing.map((v, t) => (t === 80 ? v * 4 : v));
    const clipped = clipOutliers(spiked, policy);
    expect(clipped[80]).toBeLessThan(spiked[80] / 2);
    expect(clipped.filter((_, t) => t !== 80)).toEqual(spiked.filter((_, t) => t !== 80));
  });

  it('leaves weeks alone when their window has fewer than the minimum non-zero weeks', () => {
    expect(clipOutliers([0, 5, 0, 0, 900, 0, 4, 0], policy)).toEqual([0, 5, 0, 0, 900, 0, 4, 0]);
  });

  it('property: equals a plain sort-based Hampel filter (windows with ties, zeros and few weeks)', () => {
    const rng = createRng(1);
    const median = (v: number[]) => {
      const s = [...v].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    for (let k = 0; k < 300; k++) {
      const v = Array.from({ length: 5 + Math.floor(rng.next() * 60) }, () =>
        rng.next() < 0.2 ? 0 : rng.next() < 0.5 ? 10 : Math.round(1000 * rng.next()),
      );
      const reference = v.map((x, t) => {
        const w = v.slice(Math.max(0, t - 13), t + 14).filter((y) => y !== 0);
        if (x === 0 || w.length < 5) return x;
        const m = median(w);
        const d = w.map((y) => Math.abs(y - m));
        const scale = median(d) > 0 ? median(d) / 0.6745 : (1.253314 * d.reduce((a, b) => a + b, 0)) / d.length;
        if (!(scale > 0)) return x;
        return Math.min(m + 3.5 * scale, Math.max(Math.max(0, m - 3.5 * scale), x));
      });
      clipOutliers(v, policy).forEach((c, t) => expect(c).toBeCloseTo(reference[t], 9));
    }
  });

  it('property: the expanding clipper equals clipping each training window from scratch', () => {
    const rng = createRng(9);
    for (let k = 0; k < 5; k++) {
      const v = Array.from({ length: 60 }, () => (rng.next() < 0.3 ? 0 : Math.round(100 * Math.exp(rng.normal()))));
      const clipper = expandingClipper(v, policy);
      for (let n = 1; n <= v.length; n++) expect(clipper.at(n)).toEqual(clipOutliers(v.slice(0, n), policy));
    }
  });
});

describe('clippedMean', () => {
  it('is the mean of the clipped weeks', () => {
    const y = [10, 12, 11, 13, 10, 0, 12, 200, 11, 10];
    const clipped = clipOutliers(y, policy);
    const m = createModelLibrary().get('clippedMean')!;
    expect(m.fit(y).forecast(2)[0]).toBeCloseTo(clipped.reduce((a, b) => a + b, 0) / y.length, 9);
    expect(m.fit(y).forecast(1)[0]).toBeLessThan(14);
  });
});
