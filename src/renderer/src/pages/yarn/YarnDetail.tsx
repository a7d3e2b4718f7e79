// The selected yarn: position figures, why it is short, the weekly picture, and the tables behind it (pegged knit
// orders, receipts by PO, the MRP record, suggestions, substitutes).
import { useState, type ReactNode } from 'react';
import type { Row, YarnDetailView } from '../../../../shared/views';
import { isoWeekLabel } from '../../../../shared/dates';
import { Chip } from '../../components/Chip';
import { Icon } from '../../components/Icon';
import { MrpTable } from '../../components/MrpTable';
import { Tabs } from '../../components/Tabs';
import { formatNumber, formatUsd } from '../../lib/format';
import { usePlanView } from '../../stores/planStore';
import { describeError } from '../../stores/toastStore';
import { PeggedOrdersTable } from './PeggedOrdersTable';
import { riskBasisText } from './RiskCell';
import { ReceiptsTable } from './ReceiptsTable';
import { SubstitutesList } from './SubstitutesList';
import { SuggestionsList } from './SuggestionsList';
import { YarnWeeklyChart } from './YarnWeeklyChart';

type Section = 'orders' | 'receipts' | 'mrp' | 'suggestions' | 'substitutes';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const week = (v: unknown): string => (typeof v === 'string' && v ? isoWeekLabel(v) : '–');

function Fact({ label, value, negative, small, title }: { label: string; value: string; negative?: boolean; small?: boolean; title?: string }): ReactNode {
  return (
    <div className="fact" title={title}>
      <span className="fact-label">{label}</span>
      <span className={['fact-value', negative ? 'neg' : '', small ? 'small' : ''].filter(Boolean).join(' ')}>{value}</span>
    </div>
  );
}

/** The shortage in one paragraph, every figure from the shortage row. */
export function shortageSentence(s: Row): string {
  const parts: string[] = [];
  const first = str(s.firstShortWeek);
  if (first) parts.push(`Short from ${isoWeekLabel(first)} (${formatNumber(num(s.deficitAtFirstShortLbs) ?? 0)} lbs that week)`);
  const maxW = str(s.maxDeficitWeek);
  if (num(s.maxDeficitLbs) !== null) parts.push(`deepest ${formatNumber(num(s.maxDeficitLbs) as number)} lbs${maxW ? ` in ${isoWeekLabel(maxW)}` : ''}`);
  const rec = str(s.recoveryWeek);
  parts.push(rec ? `back above zero in ${isoWeekLabel(rec)}` : 'does not recover within the horizon');
  let text = parts.join(', ') + '.';
  const po = str(s.expeditePo);
  if (po) text += ` Expedite PO ${po}: ${formatNumber(num(s.expediteLbs) ?? 0)} lbs due ${week(s.expediteWeek)}.`;
  if (num(s.pastDueReceiptsLbs)) text += ` ${formatNumber(num(s.pastDueReceiptsLbs) as number)} lbs of receipts are past due.`;
  return text;
}

interface YarnDetailProps {
  yarnId: string;
  /** The yarn's row of the position grid (shown even when the yarn has no weekly detail). */
  position?: Row;
  onClose: () => void;
  onOpenYarn: (yarnId: string) => void;
}

export function YarnDetail({ yarnId, position, onClose, onOpenYarn }: YarnDetailProps): ReactNode {
  const view = usePlanView('yarn.detail', { yarnId });
  const [section, setSection] = useState<Section>('orders');
  const d = view.status === 'ready' ? (view.data as YarnDetailView) : undefined;
  const pos = d?.position ?? position ?? null;
  const risk = str(pos?.risk);
  const shortage = d?.shortage ?? null;
  const description = d?.description ?? str(position?.description) ?? '';
  const supplier = d?.supplier ?? str(position?.supplier) ?? '';

  return (
    <aside className="panel yarn-detail" data-testid="yarn-detail" data-yarn-id={yarnId} data-status={view.status}>
      <div className="panel-header yarn-detail-header">
        <div className="yarn-detail-title">
          <h3 className="panel-title">
            Yarn {yarnId} {risk && <Chip title={`${riskBasisText(pos)} — thresholds in Settings › yarn`}>{risk}</Chip>}
            {risk && str(pos?.riskBasis) && (
              <span className={pos?.riskBasis === 'projected deficit' ? 'risk-basis risk-basis-projected' : 'risk-basis'} data-testid="yarn-detail-risk-basis">
                from the {String(pos?.riskBasis)}
              </span>
            )}
          </h3>
          <span className="panel-subtitle">
            {description}
            {supplier ? ` · ${supplier}` : ''}
          </span>
        </div>
        <div className="panel-actions">
          <button type="button" className="btn btn-sm btn-ghost" onClick={onClose} aria-label="Close the yarn detail" data-testid="yarn-detail-close">
            <Icon name="close" size={14} />
          </button>
        </div>
      </div>
      <div className="yarn-detail-body">
        {pos && (
          <div className="facts yarn-facts" data-testid="yarn-detail-facts">
            <Fact label="Inventory" value={`${formatNumber(num(pos.theoreticalBalanceLbs) ?? 0)} lbs`} negative={(num(pos.theoreticalBalanceLbs) ?? 0) < 0} title="Theoretical balance (on hand)" />
            <Fact label="Allocated" value={`${formatNumber(num(pos.allocatedLbs) ?? 0)} lbs`} negative={(num(pos.allocatedLbs) ?? 0) < 0} />
            <Fact label="On order" value={`${formatNumber(num(pos.onOrderLbs) ?? 0)} lbs`} />
            <Fact label="Planning balance" value={`${formatNumber(num(pos.planningBalanceLbs) ?? 0)} lbs`} negative={(num(pos.planningBalanceLbs) ?? 0) < 0} />
            <Fact
              label="Weekly usage"
              value={num(pos.weeklyUsageLbs) === null ? '–' : `${formatNumber(num(pos.weeklyUsageLbs) as number)} lbs/wk`}
              title={`Source: ${str(pos.weeklyUsageSource) ?? 'none'}`}
            />
            <Fact label="Weeks of supply" value={num(pos.weeksOfSupply) === null ? '–' : formatNumber(num(pos.weeksOfSupply) as number, 1)} />
            <Fact label="First short week" value={week(pos.firstShortWeek)} negative={!!str(pos.firstShortWeek)} />
            <Fact label="Max deficit" value={`${formatNumber(num(pos.maxDeficitLbs) ?? 0)} lbs`} negative={(num(pos.maxDeficitLbs) ?? 0) > 0} />
            <Fact label="Cost" value={num(pos.costPerLb) === null ? '–' : `${formatUsd(num(pos.costPerLb), 2)}/lb`} small />
          </div>
        )}
        {shortage && (
          <div className="yarn-why" data-testid="yarn-detail-why">
            <p className="why why-critical">{shortageSentence(shortage)}</p>
            {str(shortage.suggestion) && (
              <p className="why why-warning">
                <b>Suggestion:</b> {str(shortage.suggestion)}
              </p>
            )}
            {str(shortage.noSuggestionReason) && (
              <p className="why">
                <b>No purchase suggestion:</b> {str(shortage.noSuggestionReason)}
              </p>
            )}
          </div>
        )}
        {view.status === 'loading' || view.status === 'idle' ? (
          <div className="note yarn-detail-loading">Loading the weekly plan of yarn {yarnId}…</div>
        ) : view.status === 'error' ? (
          <p className="why why-critical">Could not load the detail: {view.error ? describeError(view.error) : 'unknown error'}</p>
        ) : !d ? (
          <p className="note" data-testid="yarn-detail-none">
            {view.error?.message ? `${view.error.message[0].toUpperCase()}${view.error.message.slice(1)}.` : 'No weekly detail for this yarn.'} Nothing is
            phased against it, so it cannot run short.
          </p>
        ) : (
          <>
            <section>
              <h4 className="section-title">
                Week by week <span className="muted">lbs · shaded weeks are short</span>
              </h4>
              <YarnWeeklyChart detail={d} />
              <p className="note yarn-chart-note num">
                Starting inventory {formatNumber(d.inventoryLbs)} lbs
                {d.pastDueReceiptsLbs ? ` · past-due receipts ${formatNumber(d.pastDueReceiptsLbs)} lbs` : ''}
                {d.beyondDemandLbs ? ` · demand after the horizon ${formatNumber(d.beyondDemandLbs)} lbs` : ''}
                {d.beyondReceiptsLbs ? ` · receipts after the horizon ${formatNumber(d.beyondReceiptsLbs)} lbs` : ''}
              </p>
            </section>
            <Tabs<Section>
              testId="yarn-detail-tabs"
              current={section}
              onChange={setSection}
              tabs={[
                { id: 'orders', label: 'Pegged knit orders', count: d.consumers.length },
                { id: 'receipts', label: 'Receipts by PO', count: d.receipts.length, countTone: d.receipts.some((r) => r.pastDue) ? 'warning' : undefined },
                { id: 'mrp', label: 'MRP' },
                { id: 'suggestions', label: 'Suggestions', count: d.suggestions.length },
                { id: 'substitutes', label: 'Substitutes', count: d.substitutes.length },
              ]}
            />
            <div className="yarn-detail-section">
              {section === 'orders' && <PeggedOrdersTable consumers={d.consumers} weeks={d.weeks} balanceLbs={d.balanceLbs} />}
              {section === 'receipts' && <ReceiptsTable receipts={d.receipts} />}
              {section === 'mrp' && <MrpTable rows={d.mrp} testId="yarn-detail-mrp" />}
              {section === 'suggestions' && <SuggestionsList suggestions={d.suggestions} />}
              {section === 'substitutes' && <SubstitutesList substitutes={d.substitutes} onOpen={onOpenYarn} />}
            </div>
          </>
        )}
      </div>
    </aside>
  );
}
