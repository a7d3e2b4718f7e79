// Yarn alerts: one per short yarn (the cause names the first short week and the span), severity = the yarn's risk
// band (yarnRisk: the ladder on the worse of the planning balance with the PO drafts and the deepest projected
// deficit, as on the Yarn page); plus one portfolio alert when too many yarns are critical.
import { daysBetween, type IsoDate } from '../../../shared/dates';
import type { YarnPolicy } from '../../../shared/policy/yarn';
import type { AlertSeverity } from '../../../shared/scenario';
import { yarnRisk } from '../yarn/position';
import { formatNumber, isoWeekLabel, lbsText, usdPerLbText, usdText, weekText } from './format';
import type { AlertDraft, AlertPolicies, AlertYarnInput } from './types';

const minWeek = (a: IsoDate | null, b: IsoDate | null): IsoDate | null => (a === null ? b : b === null ? a : a < b ? a : b);

/** Rows of the same yarn (e.g. one per week) merged into one: earliest short week, latest recovery, worst figures. */
export function mergeYarnRows(rows: AlertYarnInput[]): AlertYarnInput[] {
  const byId = new Map<string, AlertYarnInput>();
  for (const r of rows) {
    const m = byId.get(r.yarnId);
    if (!m) {
      byId.set(r.yarnId, { ...r });
      continue;
    }
    m.firstShortWeek = minWeek(m.firstShortWeek, r.firstShortWeek);
    m.recoveryWeek = m.recoveryWeek === null || r.recoveryWeek === null ? null : m.recoveryWeek > r.recoveryWeek ? m.recoveryWeek : r.recoveryWeek;
    m.shortLbs = Math.max(m.shortLbs, r.shortLbs);
    m.maxDeficitLbs = Math.max(m.maxDeficitLbs, r.maxDeficitLbs);
    m.planningBalanceLbs = Math.min(m.planningBalanceLbs, r.planningBalanceLbs);
    m.draftLbs = Math.min(m.draftLbs, r.draftLbs);
    m.costPerLb ??= r.costPerLb;
    m.description ||= r.description;
  }
  return [...byId.values()];
}

const SEVERITY_OF_BAND = { CRITICAL: 'critical', HIGH: 'high', MEDIUM: 'medium', LOW: 'low' } as const;

export function yarnAlert(y: AlertYarnInput, horizonEnd: IsoDate, yarnPolicy: YarnPolicy): AlertDraft | null {
  const { risk, levelLbs } = yarnRisk(y, yarnPolicy);
  const severity: AlertSeverity = SEVERITY_OF_BAND[risk];
  if (severity === 'low') return null;

  const lbs = Math.max(y.shortLbs, -levelLbs);
  const days = y.firstShortWeek ? Math.max(0, daysBetween(y.firstShortWeek, y.recoveryWeek ?? horizonEnd)) : 0;
  const valueUsd = y.costPerLb !== null && y.costPerLb > 0 ? lbs * y.costPerLb : 0;
  const name = `yarn ${y.yarnId}${y.description ? ` (${y.description})` : ''}`;

  const balance = `${lbsText(y.planningBalanceLbs)}${y.draftLbs > 0 ? ` (+ ${lbsText(y.draftLbs)} of accepted PO drafts)` : ''}`;
  let when: string;
  if (!y.firstShortWeek) when = `Planning balance of ${name} is ${balance}; no projected week is short within the horizon.`;
  else {
    const span = y.recoveryWeek
      ? `stays short ${formatNumber(days / 7)} weeks, until ${isoWeekLabel(y.recoveryWeek)}`
      : `does not recover within the horizon (to ${horizonEnd})`;
    when = `Projected balance of ${name} goes negative in ${weekText(y.firstShortWeek)} and ${span}; deepest deficit ${lbsText(y.maxDeficitLbs)}, planning balance ${balance}.`;
  }
  const worth =
    valueUsd > 0
      ? ` ${lbsText(lbs)} short, worth ${usdText(valueUsd)} at ${usdPerLbText(y.costPerLb!)}.`
      : ` ${lbsText(lbs)} short (cost per lb unknown).`;

  return {
    key: `yarn-short:${y.yarnId}`,
    rule: 'yarn-short',
    severity,
    title: `Yarn ${y.yarnId} short ${lbsText(lbs)}${y.firstShortWeek ? ` from ${isoWeekLabel(y.firstShortWeek)}` : ''}`,
    cause: when + worth,
    impact: { lbs, days, lbsDays: lbs * days, valueUsd, count: Math.ceil(days / 7) },
    firstWeek: y.firstShortWeek,
    link: { page: 'yarn', params: { yarnId: y.yarnId } },
  };
}

export function portfolioAlert(critical: AlertDraft[], policy: AlertPolicies): AlertDraft | null {
  const limit = policy.alerts.portfolioCriticalYarnsAbove;
  if (critical.length <= limit) return null;
  const sum = (f: (a: AlertDraft) => number): number => critical.reduce((t, a) => t + f(a), 0);
  const lbs = sum((a) => a.impact.lbs);
  const valueUsd = sum((a) => a.impact.valueUsd);
  return {
    key: 'portfolio-critical-yarns',
    rule: 'portfolio-critical-yarns',
    severity: 'critical',
    title: `${critical.length} yarns critical`,
    cause: `${critical.length} yarns are below ${lbsText(policy.yarn.criticalBelowLbs)} (more than ${limit}); together ${lbsText(lbs)} short${valueUsd > 0 ? `, worth ${usdText(valueUsd)}` : ''}.`,
    impact: { lbs, days: Math.max(...critical.map((a) => a.impact.days)), lbsDays: sum((a) => a.impact.lbsDays), valueUsd, count: critical.length },
    firstWeek: critical.reduce<IsoDate | null>((w, a) => minWeek(w, a.firstWeek), null),
    link: { page: 'yarn', params: { risk: 'critical' } },
  };
}
