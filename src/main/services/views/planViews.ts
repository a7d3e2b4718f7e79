// Every view channel's implementation: the plan of the snapshot (or of a scenario of it) -> what its screen shows.
// The contract (services/contract) validates the input before and the output after (src/shared/views.ts).
import type { z } from 'zod';
import type { ViewChannel, ViewChannels, ViewOutput } from '../../../shared/views';
import type { Db } from '../../store/db';
import { NotFoundError } from '../errors';
import type { Plan } from '../jobs/computePlan';
import { readPlanOf, type PlanSection } from '../jobs/planSections';
import { ALERT_SECTIONS } from './alerts';
import { capacityView, scheduleView } from './capacityViews';
import { alertsView, dashboardView } from './dashboardView';
import { demandView } from './demandView';
import { forecastSeriesView, forecastView } from './forecastViews';
import { purchasingView } from './purchasingView';
import { yarnDetailView, yarnPositionView, yarnShortagesView } from './yarnViews';
import type { ViewContext } from './viewKit';

type ViewFunction<C extends ViewChannel, K extends PlanSection> = (
  plan: Pick<Plan, K>,
  input: z.output<ViewChannels[C]['input']>,
  ctx: ViewContext,
) => ViewOutput<C>;

/** A view and the plan sections it reads (only those are parsed; the type lets the view touch no others). */
interface PlanView<C extends ViewChannel> {
  sections: readonly PlanSection[];
  view: ViewFunction<C, PlanSection>;
}

const reads = <C extends ViewChannel, K extends PlanSection>(sections: readonly K[], view: ViewFunction<C, NoInfer<K>>): PlanView<C> => ({
  sections,
  view: view as ViewFunction<C, PlanSection>,
});

const STAMP = ['snapshotId', 'asOf', 'computedAt'] as const;
const YARN_TABLES = ['yarn', 'purchasing', 'yarnCostPerLb'] as const;

export const planViews: { [C in ViewChannel]: PlanView<C> } = {
  'view.dashboard': reads([...STAMP, ...ALERT_SECTIONS], dashboardView),
  'view.alerts': reads(ALERT_SECTIONS, alertsView),
  'view.yarnPosition': reads([...STAMP, ...YARN_TABLES], yarnPositionView),
  'view.yarnShortages': reads([...STAMP, ...YARN_TABLES], yarnShortagesView),
  'view.yarnDetail': reads([...STAMP, ...YARN_TABLES, 'policy', 'receiptLines'], yarnDetailView),
  'view.demand': reads([...STAMP, 'yarn', 'layers'], demandView),
  'view.purchasing': reads([...STAMP, 'purchasing', 'yarn'], purchasingView),
  'view.capacity': reads([...STAMP, 'load'], capacityView),
  'view.schedule': reads([...STAMP, 'schedule'], scheduleView),
  'view.forecast': reads(['asOf'], forecastView),
  'view.forecastSeries': reads(['asOf'], forecastSeriesView),
};

/** The named sections of the plan a view reads: the snapshot's base plan, or a scenario's. */
export function planOf<K extends PlanSection>(db: Db, snapshotId: number, scenarioId: number, sections: readonly K[]): Pick<Plan, K> {
  const plan = readPlanOf(db, snapshotId, scenarioId, sections);
  if (!plan)
    throw new NotFoundError(
      scenarioId ? `scenario ${scenarioId} has not been planned yet` : `no plan has been computed for snapshot ${snapshotId} yet`,
    );
  return plan;
}

/** Runs one view over the sections it reads of the plan of `snapshotId` (and the input's scenario). */
export function readView<C extends ViewChannel>(db: Db, channel: C, snapshotId: number, input: z.output<ViewChannels[C]['input']>): ViewOutput<C> {
  const { sections, view } = planViews[channel] as PlanView<C>;
  return view(planOf(db, snapshotId, input.scenarioId ?? 0, sections), input, { db, snapshotId });
}
