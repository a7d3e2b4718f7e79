// Work-center overload alerts: one per work center over all its weeks above the threshold (first week, span, peak).
import type { AlertDraft, AlertPolicies, AlertWorkCenterWeekInput } from './types';
import { isoWeekLabel, lbsText, pctText, weekText } from './format';

export function workCenterAlerts(weeks: AlertWorkCenterWeekInput[], policy: AlertPolicies): AlertDraft[] {
  const threshold = policy.alerts.wcOverloadUtilisationPct;
  const byWc = new Map<string, AlertWorkCenterWeekInput[]>();
  for (const w of weeks) {
    if (!(w.utilisationPct > threshold)) continue;
    const list = byWc.get(w.workCenter);
    if (list) list.push(w);
    else byWc.set(w.workCenter, [w]);
  }

  const out: AlertDraft[] = [];
  for (const [workCenter, rows] of byWc) {
    // The same week given twice counts once, at its highest load.
    const byWeek = new Map<string, AlertWorkCenterWeekInput>();
    for (const r of rows) if ((byWeek.get(r.week)?.utilisationPct ?? -Infinity) < r.utilisationPct) byWeek.set(r.week, r);
    const over = [...byWeek.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
    const peak = over.reduce((p, r) => (r.utilisationPct > p.utilisationPct ? r : p));
    const excessLbs = over.reduce(
      (t, r) => t + (r.loadLbs !== undefined && r.capacityLbs !== undefined ? Math.max(0, r.loadLbs - r.capacityLbs) : 0),
      0,
    );
    const first = over[0].week;
    const last = over[over.length - 1].week;
    const span = over.length === 1 ? `in ${weekText(first)}` : `in ${over.length} weeks from ${weekText(first)} to ${isoWeekLabel(last)}`;
    out.push({
      key: `wc-overload:${workCenter}`,
      rule: 'wc-overload',
      severity: peak.utilisationPct > policy.capacity.overloadUtilisationPct ? 'critical' : 'high',
      title: `Work center ${workCenter} at ${pctText(peak.utilisationPct)}`,
      cause:
        `Work center ${workCenter} is loaded above ${pctText(threshold)} ${span}; peak ${pctText(peak.utilisationPct)} in ${isoWeekLabel(peak.week)}.` +
        (excessLbs > 0 ? ` ${lbsText(excessLbs)} do not fit in its capacity.` : ''),
      // Lbs over capacity wait at least a week each.
      impact: { lbs: excessLbs, days: over.length * 7, lbsDays: excessLbs * 7, valueUsd: 0, count: over.length },
      firstWeek: first,
      link: { page: 'capacity', params: { workCenter, week: first } },
    });
  }
  return out;
}
