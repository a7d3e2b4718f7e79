// Alerts ranked by impact: severity, what happened, why (with the numbers), impact, and one click to the screen
// that explains it. Acknowledge hides an alert from the default list until its figures change.
import { glossaryText } from '../../../../shared/glossary';
import { useMemo, useState, type ReactNode } from 'react';
import type { AlertRow, AlertsView } from '../../../../shared/views';
import { call } from '../../api';
import { Chip } from '../../components/Chip';
import { Icon } from '../../components/Icon';
import { Tabs } from '../../components/Tabs';
import { formatDays, formatLbs, formatNumber, formatUsd } from '../../lib/format';
import { isoWeekLabel } from '../../../../shared/dates';
import { asPageId, PAGES } from '../../routes';
import { navigate } from '../../shell/useHashRoute';
import { usePlanStore, usePlanView } from '../../stores/planStore';
import { toast } from '../../stores/toastStore';
import type { StatusBand } from '../../lib/format';

const SEVERITY_BAND: Record<string, StatusBand> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low' };
const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

type Scope = 'top' | 'all' | 'acked';

export function alertTarget(alert: Pick<AlertRow, 'page' | 'params'>): string {
  const page = PAGES.find((p) => p.id === alert.page);
  const what = Object.entries(alert.params)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${page?.title ?? alert.page}${what ? ` (${what})` : ''}`;
}

/** "8,592 lbs × 21 days · $67,534 · from 2026-W47" with only the parts that carry information. */
export function impactText(a: AlertRow): string {
  const parts: string[] = [];
  if (a.impactLbs > 0 && a.impactDays > 0)
    parts.push(`${formatLbs(a.impactLbs)} × ${formatDays(a.impactDays)} = ${formatNumber(a.impactLbsDays)} lbs·days`);
  else if (a.impactLbs > 0) parts.push(formatLbs(a.impactLbs));
  else if (a.impactDays > 0) parts.push(formatDays(a.impactDays));
  if (a.impactUsd > 0) parts.push(formatUsd(a.impactUsd));
  if (a.firstWeek) parts.push(`from ${isoWeekLabel(a.firstWeek)}`);
  return parts.join(' · ');
}

function AlertItem({ alert, onAck, busy }: { alert: AlertRow; onAck: (a: AlertRow, ack: boolean) => void; busy: boolean }): ReactNode {
  const page = asPageId(alert.page);
  const open = () => page && navigate(page, alert.params);
  return (
    <li className={alert.acknowledged ? 'alert-item acked' : 'alert-item'} data-testid={`alert-${alert.key}`} data-severity={alert.severity}>
      <button type="button" className="alert-main" onClick={open} disabled={!page} title={page ? `Open ${alertTarget(alert)}` : undefined}>
        <span className="alert-head">
          <Chip band={SEVERITY_BAND[alert.severity] ?? 'info'}>{alert.severity.toUpperCase()}</Chip>
          <span className="alert-title">{alert.title}</span>
          {alert.isNew && <span className="alert-new">new</span>}
        </span>
        <span className="alert-cause">{alert.cause}</span>
        <span className="alert-impact num" title={glossaryText('lbsDays')}>
          {impactText(alert)}
        </span>
      </button>
      <div className="alert-actions">
        {page && (
          <button
            type="button"
            className="link-button alert-link"
            onClick={open}
            title={`Open ${alertTarget(alert)}`}
            data-testid={`alert-open-${alert.key}`}
          >
            {PAGES.find((p) => p.id === page)?.title} <Icon name="chevronRight" size={12} />
          </button>
        )}
        {alert.acknowledged ? (
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            onClick={() => onAck(alert, false)}
            disabled={busy}
            data-testid={`alert-unack-${alert.key}`}
            title="Show this alert again"
          >
            <Icon name="check" size={12} /> Acknowledged · Undo
          </button>
        ) : (
          <button type="button" className="btn btn-sm" onClick={() => onAck(alert, true)} disabled={busy} data-testid={`alert-ack-${alert.key}`}>
            Acknowledge
          </button>
        )}
      </div>
    </li>
  );
}

interface AlertsPanelProps {
  top: AlertRow[];
  counts: AlertsView['counts'];
}

export function AlertsPanel({ top, counts }: AlertsPanelProps): ReactNode {
  const [scope, setScope] = useState<Scope>('top');
  const [busyKey, setBusyKey] = useState<string | null>(null);
  // The full list (with acknowledged alerts) backs the "All" and "Acknowledged" tabs and their counts.
  const all = usePlanView('view.alerts', {});
  const allAlerts = all.data?.alerts;
  const acked = useMemo(() => (allAlerts ?? []).filter((a) => a.acknowledged), [allAlerts]);
  const open = useMemo(() => (allAlerts ?? []).filter((a) => !a.acknowledged), [allAlerts]);
  const shown = scope === 'top' ? top.filter((a) => !a.acknowledged) : scope === 'all' ? open : acked;

  const onAck = async (a: AlertRow, ack: boolean) => {
    setBusyKey(a.key);
    const r = ack ? await call('alerts.ack', { key: a.key }) : await call('alerts.unack', { key: a.key });
    setBusyKey(null);
    if (!r) return;
    toast(
      'success',
      ack ? 'Alert acknowledged' : 'Alert shown again',
      ack ? `${a.title} — it stays under “Acknowledged” until you undo it.` : a.title,
    );
    usePlanStore.getState().invalidate();
  };

  return (
    <section className="panel panel-fill alerts-panel" data-testid="dashboard-alerts" data-count={shown.length} data-scope={scope}>
      <div className="panel-header">
        <h3 className="panel-title">Alerts</h3>
        <span className="alert-counts">
          {SEVERITIES.filter((s) => (counts[s] ?? 0) > 0).map((s) => (
            <Chip key={s} band={SEVERITY_BAND[s]} testId={`dashboard-alert-count-${s}`}>{`${formatNumber(counts[s])} ${s}`}</Chip>
          ))}
        </span>
        <span className="panel-subtitle alerts-rank" title={glossaryText('lbsDays')}>
          ranked by impact (lbs × days, $)
        </span>
      </div>
      <Tabs<Scope>
        testId="dashboard-alerts-scope"
        current={scope}
        onChange={setScope}
        tabs={[
          { id: 'top', label: 'Top by impact', count: top.filter((a) => !a.acknowledged).length },
          { id: 'all', label: 'All open', count: allAlerts ? open.length : undefined },
          { id: 'acked', label: 'Acknowledged', count: allAlerts ? acked.length : undefined },
        ]}
      />
      {scope !== 'top' && !allAlerts ? (
        <div className="alerts-empty muted">Loading all alerts…</div>
      ) : shown.length === 0 ? (
        <div className="alerts-empty muted" data-testid="dashboard-alerts-empty">
          {scope === 'acked' ? 'No acknowledged alert.' : 'No open alert for this plan.'}
        </div>
      ) : (
        <ul className="alert-list">
          {shown.map((a) => (
            <AlertItem key={a.key} alert={a} onAck={(x, ack) => void onAck(x, ack)} busy={busyKey === a.key} />
          ))}
        </ul>
      )}
    </section>
  );
}
