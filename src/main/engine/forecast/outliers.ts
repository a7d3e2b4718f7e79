// Outlier flags for planner review (Iglewicz–Hoaglin modified z-score over the weeks with demand).
// Flags never change the series: models see the demand as invoiced.
import type { IsoDate } from '../../../shared/dates';
import { addDays } from '../../../shared/dates';
import type { ForecastPolicy } from '../../../shared/policy/forecast';
import type { DemandSeries } from './types';
import { mean, median } from './stats';

export interface OutlierFlag {
  series: string;
  week: IsoDate;
  value: number;
  median: number;
  robustZ: number;
  direction: 'high' | 'low';
}

/** Weeks whose robust z-score exceeds the policy threshold. Zero weeks are never flagged (normal when intermittent). */
export function flagOutliers(s: DemandSeries, policy: Pick<ForecastPolicy, 'outlierRobustZ' | 'outlierMinNonZeroWeeks'>): OutlierFlag[] {
  const nonZero = s.values.filter((v) => v !== 0);
  if (nonZero.length < policy.outlierMinNonZeroWeeks) return [];
  const med = median(nonZero);
  const mad = median(nonZero.map((v) => Math.abs(v - med)));
  // MAD is 0 when more than half the weeks are equal; fall back to the mean absolute deviation
  const scale = mad > 0 ? mad / 0.6745 : 1.253314 * mean(nonZero.map((v) => Math.abs(v - med)));
  if (!(scale > 0)) return [];
  const flags: OutlierFlag[] = [];
  s.values.forEach((value, i) => {
    if (value === 0) return;
    const robustZ = (value - med) / scale;
    if (Math.abs(robustZ) > policy.outlierRobustZ) {
      flags.push({ series: s.id, week: addDays(s.startWeek, 7 * i), value, median: med, robustZ, direction: robustZ > 0 ? 'high' : 'low' });
    }
  });
  return flags;
}
