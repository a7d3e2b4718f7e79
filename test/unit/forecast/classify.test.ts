import { describe, expect, it } from 'vitest';
import { classifyDemand } from '../../../src/main/engine/forecast';
import { forecastPolicyDefaults } from '../../../src/shared/policy/forecast';

const repeat = (pattern: number[], times: number) => Array.from({ length: times }, () => pattern).flat();

describe('classifyDemand (Syntetos–Boylan, ADI 1.32 / CV² 0.49)', () => {
  it('smooth: demand every week, steady sizes', () => {
    const c = classifyDemand(repeat([100, 110, 90, 100], 4)); // sizes mean 100, variance 50 -> CV² 0.005
    expect(c).toMatchObject({ demandClass: 'smooth', adi: 1, nonLeadingWeeks: 16, nonZeroWeeks: 16, forecastable: true });
    expect(c.cv2).toBeCloseTo(0.005, 6);
  });
  it('erratic: every week, sizes vary a lot', () => {
    const c = classifyDemand(repeat([10, 200, 20, 170], 4)); // mean 100, variance (90² + 100² + 80² + 70²) / 4 = 7350 -> CV² 0.735
    expect(c.demandClass).toBe('erratic');
    expect(c.cv2).toBeCloseTo(0.735, 9);
  });
  it('intermittent: one week in two, steady sizes; leading zeros do not count', () => {
    const c = classifyDemand([0, 0, 0, ...repeat([50, 0], 12)]); // 24 weeks since the first sale, 12 with sales
    expect(c).toMatchObject({ demandClass: 'intermittent', adi: 2, cv2: 0, nonLeadingWeeks: 24, nonZeroWeeks: 12, forecastable: true });
  });
  it('lumpy: one week in three, sizes vary a lot', () => {
    const c = classifyDemand(repeat([10, 0, 0, 300, 0, 0], 6));
    expect(c.demandClass).toBe('lumpy');
    expect(c.adi).toBeCloseTo(36 / 12, 9);
  });
  it('too short: fewer than the policy minimum of weeks since the first sale or weeks with sales', () => {
    const short = classifyDemand([0, 0, ...new Array(11).fill(5)]);
    expect(short.forecastable).toBe(false);
    expect(short.reason).toContain('only 11 weeks since the first sale (minimum 12)');
    const sparse = classifyDemand(repeat([9, 0, 0], 10)); // 30 weeks, 10 with sales
    expect(sparse.forecastable).toBe(false);
    expect(sparse.reason).toContain('only 10 weeks with sales (minimum 12)');
    const relaxed = classifyDemand(repeat([9, 0, 0], 10), { ...forecastPolicyDefaults, minNonZeroWeeks: 10 });
    expect(relaxed.forecastable).toBe(true);
  });
  it('no demand at all', () => {
    expect(classifyDemand([0, 0, 0])).toMatchObject({ demandClass: null, forecastable: false, reason: 'no demand in the history' });
  });
});
