// Safety stock per yarn: weeks of cover over the horizon's average demand, or the service-level formula
// z x sigma_weekly x sqrt(lead time in weeks) (reference-system-rules 2.3, the TimePhasedMRP variant).
import type { SafetyStockRule } from './types';

export function mean(values: number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
}

/** Sample standard deviation (n - 1); 0 for fewer than two values. */
export function sampleStdDev(values: number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function inverseNormal(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`service level must be between 0 and 1, got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -inverseNormal(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * Safety stock in lbs. `weeksOfCover` uses the average weekly gross requirement over the horizon (weeks without
 * demand count as 0); `serviceLevel` uses the sample sigma of `history` (else of the horizon's gross requirements).
 */
export function safetyStockLbs(rule: SafetyStockRule, grossByWeek: number[], history: number[] | undefined, leadTimeDays: number): number {
  switch (rule.kind) {
    case 'none':
      return 0;
    case 'fixedLbs':
      return Math.max(0, rule.lbs);
    case 'weeksOfCover':
      return Math.max(0, rule.weeks * mean(grossByWeek));
    case 'serviceLevel': {
      const sigma = sampleStdDev(history && history.length >= 2 ? history : grossByWeek);
      return Math.max(0, inverseNormal(rule.serviceLevel) * sigma * Math.sqrt(Math.max(0, leadTimeDays) / 7));
    }
  }
}
