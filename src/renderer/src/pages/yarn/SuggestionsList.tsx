// Purchase suggestions for one yarn: release or expedite, quantity, dates, supplier, and what each covers
// (pegging: week -> knit orders -> lbs).
import type { ReactNode } from 'react';
import type { Row } from '../../../../shared/views';
import { isoWeekLabel } from '../../../../shared/dates';
import { Chip } from '../../components/Chip';
import { formatDays, formatNumber, formatUsd } from '../../lib/format';
import { parsePegging } from '../../lib/pegging';
import { navigate } from '../../shell/useHashRoute';

export function SuggestionsList({ suggestions, selectedId }: { suggestions: Row[]; selectedId?: string }): ReactNode {
  if (suggestions.length === 0) return <p className="note">No purchase suggestion for this yarn.</p>;
  return (
    <ul className="sugg-list" data-testid="yarn-detail-suggestions">
      {suggestions.map((s) => {
        const id = String(s.id ?? `${s.yarnId}@${s.receiptDate}`);
        const expedite = s.action === 'expedite';
        const pegs = parsePegging(typeof s.pegging === 'string' ? s.pegging : '');
        const unpegged = Number(s.unpeggedLbs ?? 0);
        return (
          <li key={id} className={id === selectedId ? 'sugg selected' : 'sugg'}>
            <div className="sugg-head">
              {expedite ? <Chip band="high">EXPEDITE</Chip> : <Chip band="info">RELEASE</Chip>}
              <span className="sugg-qty num">{formatNumber(Number(s.qtyLbs ?? 0))} lbs</span>
              <span className="num">
                release {String(s.releaseDate ?? '–')} → receive {String(s.receiptDate ?? '–')}
                {s.receiptDate ? ` (${isoWeekLabel(String(s.receiptDate))})` : ''}
              </span>
              {expedite && Number(s.lateByDays) > 0 && <span className="text-negative">late by {formatDays(Number(s.lateByDays))}</span>}
              <span className="sugg-value num">{formatUsd(Number(s.valueUsd ?? 0))}</span>
            </div>
            <div className="sugg-meta note">
              {String(s.supplierName || s.supplierId || 'no supplier')} · lead time {formatDays(Number(s.leadTimeDays ?? 0))} · net requirement {formatNumber(Number(s.netRequirementLbs ?? 0))} lbs
              {s.flags ? <span className="note-warning"> · {String(s.flags)}</span> : null}
            </div>
            {pegs.length > 0 ? (
              <ul className="peg-list">
                {pegs.map((p) => (
                  <li key={p.weekStart}>
                    <span className="num">
                      {isoWeekLabel(p.weekStart)}: {formatNumber(p.lbs)} lbs
                    </span>
                    {p.demands.length > 0 && ' for '}
                    {p.demands.map((d, i) => (
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
            ) : (
              s.pegging && <div className="note">{String(s.pegging)}</div>
            )}
            {unpegged >= 0.5 && <div className="note">{formatNumber(unpegged)} lbs not pegged to a knit order (safety stock, minimum order or lot size).</div>}
          </li>
        );
      })}
    </ul>
  );
}
