// Alerts of a snapshot's plan: computed from the plan, its forecast and its import report, with the planner's
// acknowledgements applied; "new" is relative to the alerts the planner was last told about.
import type { Alert } from '../../../shared/scenario';
import type { AlertRow } from '../../../shared/views';
import { computeAlerts, type AlertsResult } from '../../engine/alerts';
import { acknowledgedAlertKeys } from '../../store/alertAcks';
import type { Db } from '../../store/db';
import { readSetting, SETTINGS, writeSetting } from '../../store/settings';
import { getSnapshotReport } from '../../store/snapshots';
import type { CompactBacktestRow, ForecastRun } from '../jobs/forecastJob';
import { readPlan } from '../../store/planCache';
import type { Plan } from '../jobs/computePlan';
import { readPlanOf } from '../jobs/planSections';
import { alertInput } from './planSummary';

/** The plan sections alerts are computed from. */
export const ALERT_SECTIONS = ['asOf', 'calendar', 'load', 'purchasing', 'schedule', 'yarn', 'yarnCostPerLb', 'policy'] as const;
type AlertSection = (typeof ALERT_SECTIONS)[number];

export function planAlerts(db: Db, snapshotId: number, plan: Pick<Plan, AlertSection>): AlertsResult {
  const input = alertInput(plan, {
    forecast: readPlan<ForecastRun>(db, snapshotId, 0, 'forecast')?.plan,
    backtest: readPlan<CompactBacktestRow[]>(db, snapshotId, 0, 'forecastBacktest')?.plan,
    importReport: getSnapshotReport(db, snapshotId),
  });
  return computeAlerts(input, plan.policy, {
    acknowledgedKeys: acknowledgedAlertKeys(db),
    previousKeys: readSetting(db, SETTINGS.notifiedAlertKeys),
  });
}

/** New critical alerts since the planner was last told, remembered so each is announced once. */
export function takeNewCriticalAlerts(db: Db, snapshotId: number, now: string): AlertsResult['alerts'] {
  const plan = readPlanOf(db, snapshotId, 0, ALERT_SECTIONS);
  if (!plan) return [];
  const result = planAlerts(db, snapshotId, plan);
  const fresh = new Set(result.newCriticalKeys);
  writeSetting(
    db,
    SETTINGS.notifiedAlertKeys,
    result.alerts.map((a) => a.key),
    now,
  );
  return result.alerts.filter((a) => fresh.has(a.key));
}

/** An alert as the dashboard lists it: impact figures flat, the link as page + hash params. */
export function alertRow(a: Alert): AlertRow {
  return {
    key: a.key,
    rule: a.rule,
    severity: a.severity,
    title: a.title,
    cause: a.cause,
    impactLbs: a.impact.lbs,
    impactDays: a.impact.days,
    impactLbsDays: a.impact.lbsDays,
    impactUsd: a.impact.valueUsd,
    firstWeek: a.firstWeek ?? null,
    page: a.link.page,
    params: Object.fromEntries(Object.entries(a.link.params ?? {}).map(([k, v]) => [k, String(v)])),
    acknowledged: a.acknowledged,
    isNew: a.isNew,
  };
}
