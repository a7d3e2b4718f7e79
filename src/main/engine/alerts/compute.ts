// All alerts of one plan run: each rule over the run's digest, one alert per subject (never per week), ranked by
// severity and impact, marked acknowledged (by stable key) and new (key absent from the previous run).
import { alertsPolicyDefaults } from '../../../shared/policy/alerts';
import { capacityPolicyDefaults } from '../../../shared/policy/capacity';
import { yarnPolicyDefaults } from '../../../shared/policy/yarn';
import type { Alert, AlertSeverity } from '../../../shared/scenario';
import { workCenterAlerts } from './capacity';
import { dataQualityAlerts } from './dataQuality';
import { forecastAlerts } from './forecast';
import { lateOrderAlerts } from './orders';
import { compareAlerts } from './rank';
import type { AlertDraft, AlertInput, AlertPolicies, AlertsResult, AlertState } from './types';
import { mergeYarnRows, portfolioAlert, yarnAlert } from './yarn';

export const defaultAlertPolicies: AlertPolicies = {
  alerts: alertsPolicyDefaults,
  yarn: yarnPolicyDefaults,
  capacity: capacityPolicyDefaults,
};

export function computeAlerts(input: AlertInput, policy: AlertPolicies = defaultAlertPolicies, state: AlertState = {}): AlertsResult {
  const yarnDrafts = mergeYarnRows(input.yarns)
    .map((y) => yarnAlert(y, input.horizonEnd, policy.yarn))
    .filter((a): a is AlertDraft => a !== null);
  const portfolio = portfolioAlert(
    yarnDrafts.filter((a) => a.severity === 'critical'),
    policy,
  );

  const drafts: AlertDraft[] = [
    ...yarnDrafts,
    ...(portfolio ? [portfolio] : []),
    ...workCenterAlerts(input.workCenterWeeks, policy),
    ...forecastAlerts(input.forecastDeviation, policy),
    ...lateOrderAlerts(input.lateOrders, policy),
    ...dataQualityAlerts(input.importWarnings, policy),
  ];

  const acknowledged = new Set(state.acknowledgedKeys ?? []);
  const previous = new Set(state.previousKeys ?? []);
  const alerts: Alert[] = drafts
    .sort((a, b) => compareAlerts(a, b, policy.alerts))
    .map((d) => ({ ...d, acknowledged: acknowledged.has(d.key), isNew: !previous.has(d.key) }));

  const counts: Record<AlertSeverity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const a of alerts) counts[a.severity]++;
  const newCriticalKeys = alerts.filter((a) => a.severity === 'critical' && a.isNew && !a.acknowledged).map((a) => a.key);
  return { alerts, counts, newCriticalKeys };
}
