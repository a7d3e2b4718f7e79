// The selected yarn: position figures, why it is short, the weekly picture, and the tables behind it (pegged knit
// orders, receipts by PO, the MRP record, suggestions, substitutes).
import { useState, type ReactNode } from 'react';
import type { ShortageRow, YarnPositionRow } from '../../../../shared/views';
import { suggestionText, weeksOfSupplyText } from '../../../../shared/viewText';
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

const week = (v: string | null): string => (v ? isoWeekLabel(v) : '–');

function Fact({
  label,
  value,
  negative,
  small,
  title,
}: {
  label: string;
  value: string;
  negative?: boolean;
  small?: boolean;
  title?: string;
}): ReactNode {
  return (
    <div className="fact" title={title}>
      <span className="fact-label">{label}</span>
      <span className={['fact-value', negative ? 'neg' : '', small ? 'small' : ''].filter(Boolean).join(' ')}>{value}</span>
    </div>
  );
}

/** The shortage in one paragraph, every figure from the shortage row. */
export function shortageSentence(s: ShortageRow): string {
  const parts = [
    `Short from ${isoWeekLabel(s.firstShortWeek)} (${formatNumber(s.deficitAtFirstShortLbs)} lbs that week)`,
    `deepest ${formatNumber(s.maxDeficitLbs)} lbs in ${isoWeekLabel(s.maxDeficitWeek)}`,
    s.recoveryWeek ? `back above zero in ${isoWeekLabel(s.recoveryWeek)}` : 'does not recover within the horizon',
  ];
  let text = parts.join(', ') + '.';
  if (s.expedite) text += ` Expedite PO ${s.expedite.poNo}: ${formatNumber(s.expedite.lbs)} lbs due ${week(s.expedite.weekStart)}.`;
  if (s.pastDueReceiptsLbs) text += ` ${formatNumber(s.pastDueReceiptsLbs)} lbs of receipts are past due.`;
  return text;
}

/**
 * Why a yarn without weekly detail is (or is not) short. The risk band decides, as in the grid: a yarn with no demand
 * but a planning balance below the MEDIUM threshold (e.g. negative stock: consumed before the receipt was booked) is
 * short today even though nothing is phased against it.
 */
export function noWeeklyDetailText(
  pos: Pick<YarnPositionRow, 'risk' | 'planningBalanceLbs' | 'theoreticalBalanceLbs'> | null,
  message?: string,
): string {
  const lead = message ? `${message[0].toUpperCase()}${message.slice(1)}.` : 'No weekly detail for this yarn.';
  if (!pos || pos.risk === 'LOW') return `${lead} Nothing is phased against it, so it cannot run short.`;
  const stock =
    pos.theoreticalBalanceLbs < 0
      ? ` Its stock is below zero (${formatNumber(pos.theoreticalBalanceLbs)} lbs): check for a receipt or adjustment not booked.`
      : '';
  return `${lead} Nothing is phased against it, but its planning balance is already ${formatNumber(pos.planningBalanceLbs)} lbs, so it is rated ${pos.risk}.${stock}`;
}

interface YarnDetailProps {
  yarnId: string;
  /** The yarn's row of the position grid (shown even when the yarn has no weekly detail). */
  position?: YarnPositionRow;
  onClose: () => void;
  onOpenYarn: (yarnId: string) => void;
}

export function YarnDetail({ yarnId, position, onClose, onOpenYarn }: YarnDetailProps): ReactNode {
  const view = usePlanView('view.yarnDetail', { yarnId });
  const [section, setSection] = useState<Section>('orders');
  const d = view.status === 'ready' ? view.data : undefined;
  const pos = d?.position ?? position ?? null;
  const risk = pos?.risk ?? null;
  const shortage = d?.shortage ?? null;
  const description = d?.description ?? position?.description ?? '';
  const supplier = d?.supplier ?? position?.supplier ?? '';

  return (
    <aside className="panel yarn-detail" data-testid="yarn-detail" data-yarn-id={yarnId} data-status={view.status}>
      <div className="panel-header yarn-detail-header">
        <div className="yarn-detail-title">
          <h3 className="panel-title">
            Yarn {yarnId} {risk && <Chip title={`${riskBasisText(pos)} — thresholds in Settings › yarn`}>{risk}</Chip>}
            {pos && (
              <span
                className={pos.riskBasis === 'projected deficit' ? 'risk-basis risk-basis-projected' : 'risk-basis'}
                data-testid="yarn-detail-risk-basis"
              >
                from the {pos.riskBasis}
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
            <Fact
              label="Inventory"
              value={`${formatNumber(pos.theoreticalBalanceLbs)} lbs`}
              negative={pos.theoreticalBalanceLbs < 0}
              title="Theoretical balance (on hand)"
            />
            <Fact label="Allocated" value={`${formatNumber(pos.allocatedLbs)} lbs`} negative={pos.allocatedLbs < 0} />
            <Fact label="On order" value={`${formatNumber(pos.onOrderLbs)} lbs`} />
            <Fact label="Planning balance" value={`${formatNumber(pos.planningBalanceLbs)} lbs`} negative={pos.planningBalanceLbs < 0} />
            <Fact label="Weekly usage" value={`${formatNumber(pos.weeklyUsageLbs)} lbs/wk`} title={`Source: ${pos.weeklyUsageSource}`} />
            <Fact label="Weeks of supply" value={weeksOfSupplyText(pos.weeksOfSupply)} />
            <Fact label="First short week" value={week(pos.firstShortWeek)} negative={!!pos.firstShortWeek} />
            <Fact label="Max deficit" value={`${formatNumber(pos.maxDeficitLbs)} lbs`} negative={pos.maxDeficitLbs > 0} />
            <Fact label="Cost" value={pos.costPerLb === null ? '–' : `${formatUsd(pos.costPerLb, 2)}/lb`} small />
          </div>
        )}
        {shortage && (
          <div className="yarn-why" data-testid="yarn-detail-why">
            <p className="why why-critical">{shortageSentence(shortage)}</p>
            {shortage.suggestion && (
              <p className="why why-warning">
                <b>Suggestion:</b> {suggestionText(shortage.suggestion)}
              </p>
            )}
            {shortage.noSuggestionReason && (
              <p className="why">
                <b>No purchase suggestion:</b> {shortage.noSuggestionReason}
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
            {noWeeklyDetailText(pos, view.error?.message)}
          </p>
        ) : (
          <>
            {d.dataWarnings.length > 0 && (
              <div className="yarn-why" data-testid="yarn-detail-data-warnings">
                {d.dataWarnings.map((w, i) => (
                  <p key={i} className="why why-warning">
                    <b>Check the data:</b> {w.message}
                  </p>
                ))}
              </div>
            )}
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
                {
                  id: 'receipts',
                  label: 'Receipts by PO',
                  count: d.receipts.length,
                  countTone: d.receipts.some((r) => r.pastDue) ? 'warning' : undefined,
                },
                { id: 'mrp', label: 'MRP' },
                { id: 'suggestions', label: 'Suggestions', count: d.suggestions.length + d.expediteNotes.length },
                { id: 'substitutes', label: 'Substitutes', count: d.substitutes.length },
              ]}
            />
            <div className="yarn-detail-section">
              {section === 'orders' && <PeggedOrdersTable consumers={d.consumers} weeks={d.weeks} balanceLbs={d.balanceLbs} />}
              {section === 'receipts' && <ReceiptsTable receipts={d.receipts} yarnId={yarnId} asOf={d.asOf} />}
              {section === 'mrp' && <MrpTable rows={d.mrp} testId="yarn-detail-mrp" />}
              {section === 'suggestions' && <SuggestionsList suggestions={d.suggestions} expediteNotes={d.expediteNotes} />}
              {section === 'substitutes' && <SubstitutesList substitutes={d.substitutes} onOpen={onOpenYarn} />}
            </div>
          </>
        )}
      </div>
    </aside>
  );
}
