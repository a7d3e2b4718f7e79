// Every view channel's implementation: the plan of the snapshot (or of a scenario of it) -> what its screen shows.
// The contract (services/contract) validates the input before and the output after (src/shared/views.ts).
import type { z } from 'zod';
import type { ViewChannel, ViewChannels, ViewOutput } from '../../../shared/views';
import type { Db } from '../../store/db';
import { readPlan } from '../../store/planCache';
import { NotFoundError } from '../errors';
import type { Plan } from '../jobs/computePlan';
import { capacityView, scheduleView } from './capacityViews';
import { alertsView, dashboardView } from './dashboardView';
import { demandView } from './demandView';
import { forecastSeriesView, forecastView } from './forecastViews';
import { purchasingView } from './purchasingView';
import { yarnDetailView, yarnPositionView, yarnShortagesView } from './yarnViews';
import type { ViewContext } from './viewKit';

type ViewFunction<C extends ViewChannel> = (plan: Plan, input: z.output<ViewChannels[C]['input']>, ctx: ViewContext) => ViewOutput<C>;

export const planViews: { [C in ViewChannel]: ViewFunction<C> } = {
  'view.dashboard': dashboardView,
  'view.alerts': alertsView,
  'view.yarnPosition': yarnPositionView,
  'view.yarnShortages': yarnShortagesView,
  'view.yarnDetail': yarnDetailView,
  'view.demand': demandView,
  'view.purchasing': purchasingView,
  'view.capacity': capacityView,
  'view.schedule': scheduleView,
  'view.forecast': forecastView,
  'view.forecastSeries': forecastSeriesView,
};

/** The plan a view reads: the snapshot's base plan, or a scenario's. */
export function planOf(db: Db, snapshotId: number, scenarioId = 0): Plan {
  const cached = readPlan<Plan>(db, snapshotId, scenarioId, 'plan');
  if (!cached)
    throw new NotFoundError(
      scenarioId ? `scenario ${scenarioId} has not been planned yet` : `no plan has been computed for snapshot ${snapshotId} yet`,
    );
  return cached.plan;
}

/** Runs one view over the plan of `snapshotId` (and the input's scenario). */
export function readView<C extends ViewChannel>(db: Db, channel: C, snapshotId: number, input: z.output<ViewChannels[C]['input']>): ViewOutput<C> {
  const view: ViewFunction<C> = planViews[channel];
  return view(planOf(db, snapshotId, input.scenarioId ?? 0), input, { db, snapshotId });
}
