// Dashboard: key figures (each opens its page), alerts ranked by impact, the shortage timeline, the busiest work
// centers and the forecast's accuracy.
import type { ReactNode } from 'react';
import { usePlanView } from '../../stores/planStore';
import { PlanFrame } from '../plan/PlanFrame';
import { AlertsPanel } from './AlertsPanel';
import { DashboardKpis } from './DashboardKpis';
import { ForecastAccuracyTile } from './ForecastAccuracyTile';
import { ShortageTimelineChart } from './ShortageTimelineChart';
import { WorkCenterLoadChart } from './WorkCenterLoadChart';
import './DashboardPage.css';

export function DashboardPage(): ReactNode {
  const view = usePlanView('view.dashboard', {});
  return (
    <PlanFrame page="dashboard" view={view} fill>
      {(d) => (
        <>
          <DashboardKpis kpis={d.kpis} workCenterLoad={d.workCenterLoad} />
          <div className="dashboard-grid">
            <div className="dashboard-col">
              <AlertsPanel top={d.alerts} counts={d.alertCounts} />
              <ForecastAccuracyTile tile={d.forecastAccuracy} />
            </div>
            <div className="dashboard-col">
              <ShortageTimelineChart timeline={d.shortageTimeline} />
              <WorkCenterLoadChart load={d.workCenterLoad} />
            </div>
          </div>
        </>
      )}
    </PlanFrame>
  );
}
