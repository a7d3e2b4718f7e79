// The dashboard: key figures, the open alerts with the largest impact, the shortage timeline, the busiest work
// centers and the forecast's measured accuracy; and the full alert list behind it.
import type { AlertsView, DashboardView, ForecastAccuracyTile } from '../../../shared/views';
import type { Plan } from '../jobs/computePlan';
import type { ForecastRun } from '../jobs/forecastJob';
import { alertRow, planAlerts } from './alerts';
import { forecastRun, listedSeries } from './forecastViews';
import { shortageRows } from './yarnTables';
import { shortageTotals } from '../../../shared/shortageTotals';
import { round, stamp, type ViewContext } from './viewKit';

function accuracyTile(run: ForecastRun | undefined): ForecastAccuracyTile | null {
  if (!run) return null;
  const total = run.accuracy.TOTAL ?? {};
  const baselines = ['naive', 'ma4', 'ma8', 'mean']
    .filter((m) => total[m] && Number.isFinite(total[m].wape))
    .map((m) => ({ model: m, wape: total[m].wape }));
  baselines.sort((a, b) => a.wape - b.wape);
  const h9 = run.accuracyByHorizon.find((r) => r.horizon === 9 && r.model === 'selected');
  const wape = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    totalWapeH1to4: wape(total.selected?.wape),
    totalWapeH9: wape(h9?.wape),
    bestBaselineH1to4: baselines[0] ?? null,
    stylesWapeH1to4: wape(run.accuracy.styles?.selected?.wape),
    seriesForecast: listedSeries(run).filter((s) => s.forecast.method === 'statistical').length,
    seriesOrdersOnly: listedSeries(run).filter((s) => s.forecast.method === 'ordersOnly').length,
  };
}

export function dashboardView(
  plan: Pick<Plan, 'snapshotId' | 'asOf' | 'computedAt' | 'calendar' | 'load' | 'purchasing' | 'schedule' | 'yarn' | 'yarnCostPerLb' | 'policy'>,
  _input: unknown,
  { db, snapshotId }: ViewContext,
): DashboardView {
  const shortages = shortageRows(plan);
  const totals = shortageTotals(shortages);
  const alerts = planAlerts(db, snapshotId, plan);
  const shortageTimeline = plan.yarn.weeks.map((weekStart, w) => {
    let yarnsShort = 0;
    let lbsShort = 0;
    for (const p of plan.yarn.projection) {
      const b = p.balanceWeeklyLbs[w];
      if (b < 0) {
        yarnsShort++;
        lbsShort -= b;
      }
    }
    return { weekStart, yarnsShort, lbsShort: round(lbsShort) };
  });
  const late = plan.schedule.orders.filter((o) => o.late);
  const atRisk = new Set([...late.map((o) => o.orderNo), ...plan.schedule.orders.filter((o) => o.materialShort).map((o) => o.orderNo)]);
  const loaded = plan.load.workCenters.filter((w) => w.peakUtilisationPct !== null);
  const peak = (w: (typeof loaded)[number]) => w.peakUtilisationPct ?? 0;
  return {
    ...stamp(plan),
    kpis: {
      yarnsShort: totals.yarnsShort,
      lbsShort: round(totals.lbsShort),
      yarnsShortAfterPastDue: totals.yarnsShortAfterPastDue,
      lbsShortAfterPastDue: round(totals.lbsShortAfterPastDue),
      valueShortUsd: round(
        shortages.reduce((t, r) => t + r.maxDeficitLbs * (plan.yarnCostPerLb[r.yarnId] ?? 0), 0),
        0,
      ),
      criticalYarns: plan.yarn.positions.filter((p) => p.risk === 'CRITICAL').length,
      ordersAtRisk: atRisk.size,
      lateOrders: late.length,
      suggestedOrders: plan.purchasing.suggestions.length,
      suggestedValueUsd: round(
        plan.purchasing.suggestions.reduce((t, s) => t + s.valueUsd, 0),
        0,
      ),
      expediteOrders: plan.purchasing.suggestions.filter((s) => s.action === 'expedite').length,
      peakUtilisationPct: loaded.length ? Math.max(...loaded.map(peak)) : null,
      overloadedWorkCenters: plan.load.workCenters.filter((w) => w.overloadedWeeks > 0).length,
    },
    alerts: alerts.alerts
      .filter((a) => !a.acknowledged)
      .slice(0, 12)
      .map(alertRow),
    alertCounts: alerts.counts,
    shortageTimeline,
    workCenterLoad: [...loaded]
      .sort((a, b) => peak(b) - peak(a))
      .slice(0, 12)
      .map((w) => ({ workCenter: w.workCenter, utilisationPct: w.utilisationPct, peakUtilisationPct: w.peakUtilisationPct, peakWeek: w.peakWeek })),
    forecastAccuracy: accuracyTile(forecastRun(db, snapshotId)),
  };
}

export function alertsView(
  plan: Pick<Plan, 'asOf' | 'calendar' | 'load' | 'purchasing' | 'schedule' | 'yarn' | 'yarnCostPerLb' | 'policy'>,
  _input: unknown,
  { db, snapshotId }: ViewContext,
): AlertsView {
  const result = planAlerts(db, snapshotId, plan);
  return { alerts: result.alerts.map(alertRow), counts: result.counts };
}
