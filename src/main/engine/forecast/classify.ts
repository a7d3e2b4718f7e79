// Demand classification: Syntetos–Boylan quadrants (ADI x CV²) and whether the history is long enough to forecast.
import { forecastPolicyDefaults, type ForecastPolicy } from '../../../shared/policy/forecast';
import type { DemandClass } from './types';
import { firstNonZero, mean } from './stats';

export interface DemandClassification {
  /** null when the series has no demand at all. */
  demandClass: DemandClass | null;
  /** Average inter-demand interval: weeks since the first sale / weeks with sales. */
  adi: number;
  /** Squared coefficient of variation of the non-zero weekly quantities (population variance / mean²). */
  cv2: number;
  nonLeadingWeeks: number;
  nonZeroWeeks: number;
  /** False: too short to forecast statistically; demand then comes from open orders only. */
  forecastable: boolean;
  reason?: string;
}

export function classifyDemand(values: readonly number[], policy: ForecastPolicy = forecastPolicyDefaults): DemandClassification {
  const nonLeadingWeeks = values.length - firstNonZero(values);
  const sizes = values.filter((v) => v > 0);
  const nonZeroWeeks = sizes.length;
  if (!nonZeroWeeks) {
    return { demandClass: null, adi: NaN, cv2: NaN, nonLeadingWeeks, nonZeroWeeks, forecastable: false, reason: 'no demand in the history' };
  }
  const adi = nonLeadingWeeks / nonZeroWeeks;
  const m = mean(sizes);
  const cv2 = mean(sizes.map((v) => (v - m) ** 2)) / (m * m);
  const frequent = adi < policy.adiCutoff;
  const steady = cv2 < policy.cv2Cutoff;
  const demandClass: DemandClass = frequent ? (steady ? 'smooth' : 'erratic') : steady ? 'intermittent' : 'lumpy';
  let reason: string | undefined;
  if (nonLeadingWeeks < policy.minNonLeadingWeeks) {
    reason = `only ${nonLeadingWeeks} weeks since the first sale (minimum ${policy.minNonLeadingWeeks}); demand from open orders only`;
  } else if (nonZeroWeeks < policy.minNonZeroWeeks) {
    reason = `only ${nonZeroWeeks} weeks with sales (minimum ${policy.minNonZeroWeeks}); demand from open orders only`;
  }
  return { demandClass, adi, cv2, nonLeadingWeeks, nonZeroWeeks, forecastable: !reason, reason };
}
