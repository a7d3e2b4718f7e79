// What every view shares: the stamp of the plan it shows, rounding, and numbers the engine may not have.
import type { Db } from '../../store/db';
import type { Plan } from '../jobs/computePlan';

/** What a view reads besides the plan: the store (forecast, alerts, import report) and the plan's snapshot. */
export interface ViewContext {
  db: Db;
  snapshotId: number;
}

export const stamp = (plan: Pick<Plan, 'snapshotId' | 'asOf' | 'computedAt'>) => ({
  snapshotId: plan.snapshotId,
  asOf: plan.asOf,
  computedAt: plan.computedAt,
});

export const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** A number the engine may not have (null, or NaN/Infinity that JSON turned into null) as null, else rounded. */
export function roundOrNull(v: number | null | undefined, digits = 1): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? round(v, digits) : null;
}
