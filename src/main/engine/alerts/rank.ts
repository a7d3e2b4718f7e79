// Alert ranking (severity, then $ value, lbs x days, lbs, count) and the default view (goal 6: <= 50 items).
import type { AlertsPolicy } from '../../../shared/policy/alerts';
import type { Alert, AlertSeverity } from '../../../shared/scenario';

const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

type Rankable = Pick<Alert, 'key' | 'severity' | 'impact'>;

export function compareAlerts(a: Rankable, b: Rankable, policy: Pick<AlertsPolicy, 'rankSeverityFirst'>): number {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  const byImpact =
    b.impact.valueUsd - a.impact.valueUsd || b.impact.lbsDays - a.impact.lbsDays || b.impact.lbs - a.impact.lbs || b.impact.count - a.impact.count;
  const first = policy.rankSeverityFirst ? bySeverity || byImpact : byImpact || bySeverity;
  return first || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** What the alert list shows by default: unacknowledged alerts, best ranked first, at most the policy's limit. */
export function defaultAlertView(ranked: Alert[], policy: Pick<AlertsPolicy, 'defaultViewMaxAlerts'>): Alert[] {
  return ranked.filter((a) => !a.acknowledged).slice(0, policy.defaultViewMaxAlerts);
}
