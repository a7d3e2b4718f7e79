// Late knit-order alerts: one per order (the worst lateness when listed twice), severity by days late.
import type { AlertSeverity } from '../../../shared/scenario';
import { formatNumber, lbsText, usdText } from './format';
import type { AlertDraft, AlertLateOrderInput, AlertPolicies } from './types';

export function lateOrderAlerts(orders: AlertLateOrderInput[], policy: AlertPolicies): AlertDraft[] {
  const p = policy.alerts;
  const worst = new Map<string, AlertLateOrderInput>();
  for (const o of orders) if ((worst.get(o.koNumber)?.latenessDays ?? -Infinity) < o.latenessDays) worst.set(o.koNumber, o);

  const out: AlertDraft[] = [];
  for (const o of worst.values()) {
    if (!(o.latenessDays > p.lateOrderMinDays)) continue;
    const severity: AlertSeverity =
      o.latenessDays >= p.lateOrderCriticalDays ? 'critical' : o.latenessDays >= p.lateOrderHighDays ? 'high' : 'medium';
    const days = formatNumber(o.latenessDays, 1);
    const valueUsd = o.valueUsd ?? 0;
    out.push({
      key: `late-order:${o.koNumber}`,
      rule: 'late-order',
      severity,
      title: `KO ${o.koNumber} late ${days} days`,
      cause:
        `KO ${o.koNumber} (style ${o.style}, ${lbsText(o.balanceLbs)}${o.machine ? ` on machine ${o.machine}` : ''}) finishes ${days} days after its quoted date${o.quotedDate ? ` ${o.quotedDate}` : ''}` +
        (valueUsd > 0 ? `, ${usdText(valueUsd)} of fabric` : '') +
        (o.reason ? `: ${o.reason.replace(/[.\s]+$/, '')}.` : '.'),
      impact: { lbs: o.balanceLbs, days: o.latenessDays, lbsDays: o.balanceLbs * o.latenessDays, valueUsd, count: 1 },
      firstWeek: null,
      link: { page: 'schedule', params: { koNumber: o.koNumber } },
    });
  }
  return out;
}
