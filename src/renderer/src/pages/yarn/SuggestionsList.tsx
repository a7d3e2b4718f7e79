// Purchase suggestions for one yarn: release or expedite, quantity, dates, supplier, and what each covers
// (pegging: week -> knit orders -> lbs).
import type { ReactNode } from 'react';
import type { ExpediteNote, Suggestion } from '../../../../shared/views';
import { isoWeekLabel } from '../../../../shared/dates';
import { Chip } from '../../components/Chip';
import { formatDays, formatNumber, formatUsd } from '../../lib/format';
import { navigate } from '../../shell/useHashRoute';

export function SuggestionsList({
  suggestions,
  expediteNotes = [],
  selectedId,
}: {
  suggestions: Suggestion[];
  /** Shortages inside the lead time that only pulling open receipts in can cover (no order suggested for them). */
  expediteNotes?: ExpediteNote[];
  selectedId?: string;
}): ReactNode {
  if (suggestions.length === 0 && expediteNotes.length === 0) return <p className="note">No purchase suggestion for this yarn.</p>;
  return (
    <ul className="sugg-list" data-testid="yarn-detail-suggestions">
      {expediteNotes.map((n) => (
        <li key={`expedite-${n.recoveryWeek}`} className="sugg" data-testid="yarn-detail-expedite-note">
          <div className="sugg-head">
            <Chip band="high">EXPEDITE RECEIPTS</Chip>
            <span className="num">
              short {n.shortWeeks} week(s) from {isoWeekLabel(n.firstShortWeek)}, lowest {formatNumber(n.lowestBalanceLbs)} lbs
            </span>
          </div>
          <div className="sugg-meta note">{n.text}</div>
        </li>
      ))}
      {suggestions.map((s) => {
        const expedite = s.action === 'expedite';
        const unpegged = s.unpeggedLbs;
        return (
          <li key={s.id} className={s.id === selectedId ? 'sugg selected' : 'sugg'}>
            <div className="sugg-head">
              {expedite ? <Chip band="high">EXPEDITE</Chip> : <Chip band="info">RELEASE</Chip>}
              <span className="sugg-qty num">{formatNumber(s.qtyLbs)} lbs</span>
              <span className="num">
                release {s.releaseDate} → receive {s.receiptDate} ({isoWeekLabel(s.receiptDate)})
              </span>
              {expedite && s.lateByDays > 0 && <span className="text-negative">late by {formatDays(s.lateByDays)}</span>}
              <span className="sugg-value num">{formatUsd(s.valueUsd)}</span>
            </div>
            <div className="sugg-meta note">
              {s.supplierName || s.supplierId || 'no supplier'} · lead time {formatDays(s.leadTimeDays)} · net requirement{' '}
              {formatNumber(s.netRequirementLbs)} lbs
              {s.flags.length > 0 && <span className="note-warning"> · {s.flags.join('; ')}</span>}
            </div>
            {s.pegging.length > 0 && (
              <ul className="peg-list">
                {s.pegging.map((p) => (
                  <li key={p.weekStart}>
                    <span className="num">
                      {isoWeekLabel(p.weekStart)}: {formatNumber(p.lbs)} lbs
                    </span>
                    {p.sources.length > 0 && ' for '}
                    {p.sources.map((d, i) => (
                      <span key={i}>
                        {i > 0 && ', '}
                        {d.orderNo ? (
                          <button type="button" className="link-button" onClick={() => navigate('schedule', { koNumber: d.orderNo })}>
                            {d.label}
                          </button>
                        ) : (
                          d.label
                        )}{' '}
                        <span className="num">{formatNumber(d.lbs)} lbs</span>
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            )}
            {unpegged >= 0.5 && (
              <div className="note">{formatNumber(unpegged)} lbs not pegged to a knit order (safety stock, minimum order or lot size).</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
