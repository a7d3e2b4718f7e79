// Read-only slices of a computed plan for the screens: each view returns only what its grid or chart shows.
import type { Db } from '../../store/db';
import { NotFoundError } from '../errors';
import { readPlan } from '../../store/planCache';
import type { Plan } from '../jobs/computePlan';

export type ViewParams = Record<string, string | number | boolean>;
type View = (plan: Plan, params: ViewParams, db: Db, snapshotId: number) => unknown;

const views: Record<string, View> = {};

export function registerViews(more: Record<string, View>): void {
  Object.assign(views, more);
}

export function readPlanView(db: Db, snapshotId: number, view: string, params: ViewParams, scenarioId = 0): unknown {
  const fn = Object.prototype.hasOwnProperty.call(views, view) ? views[view] : undefined;
  if (!fn) throw new NotFoundError(`unknown view: ${view}`);
  const cached = readPlan<Plan>(db, snapshotId, scenarioId, 'plan');
  if (!cached) throw new NotFoundError(scenarioId ? `scenario ${scenarioId} has not been planned yet` : `no plan has been computed for snapshot ${snapshotId} yet`);
  return fn(cached.plan, params, db, snapshotId);
}
