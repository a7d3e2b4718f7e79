// Data-quality alerts from the last import's warnings: one per warning kind.
import { formatNumber } from './format';
import type { AlertDraft, AlertImportWarningInput, AlertPolicies } from './types';

export function dataQualityAlerts(warnings: AlertImportWarningInput[], policy: AlertPolicies): AlertDraft[] {
  const p = policy.alerts;
  const byKind = new Map<string, AlertImportWarningInput>();
  for (const w of warnings) {
    const m = byKind.get(w.kind);
    byKind.set(w.kind, m ? { ...m, count: m.count + w.count } : { ...w });
  }
  const out: AlertDraft[] = [];
  for (const w of byKind.values()) {
    if (w.count < p.dataQualityMinCount) continue;
    out.push({
      key: `data-quality:${w.kind}`,
      rule: 'data-quality',
      severity: w.count >= p.dataQualityHighCount ? 'high' : 'medium',
      title: `Import: ${formatNumber(w.count)} x ${w.kind}`,
      cause: `The last import reported ${formatNumber(w.count)} x ${w.kind}: ${w.message}`,
      impact: { lbs: 0, days: 0, lbsDays: 0, valueUsd: 0, count: w.count },
      firstWeek: null,
      link: { page: 'imports', params: { kind: w.kind } },
    });
  }
  return out;
}
