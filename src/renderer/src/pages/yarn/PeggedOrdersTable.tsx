// The knit orders that consume the yarn, per week: which order, which style, its BOM share, the lbs pegged to the
// shortage, and the lbs per week (short weeks shaded). Order numbers open the order on the schedule.
import type { ReactNode } from 'react';
import type { YarnDetailView } from '../../../../shared/views';
import { formatNumber, shortDate } from '../../lib/format';
import { navigate } from '../../shell/useHashRoute';

interface PeggedOrdersTableProps {
  consumers: YarnDetailView['consumers'];
  weeks: string[];
  balanceLbs: number[];
}

export function PeggedOrdersTable({ consumers, weeks, balanceLbs }: PeggedOrdersTableProps): ReactNode {
  if (consumers.length === 0) return <p className="note">No knit order consumes this yarn in the horizon.</p>;
  const sorted = [...consumers].sort((a, b) => b.lbsInShortWindow - a.lbsInShortWindow || b.totalLbs - a.totalLbs);
  const short = balanceLbs.map((b) => b < 0);
  const usedWeeks = weeks.map((_, i) => consumers.some((c) => (c.weeks[i] ?? 0) >= 0.5));
  const total = (i: number) => consumers.reduce((s, c) => s + (c.weeks[i] ?? 0), 0);
  return (
    <div className="plain-table-wrap" data-testid="yarn-detail-consumers">
      <table className="plain-table">
        <thead>
          <tr>
            <th className="row-head">Knit order</th>
            <th style={{ textAlign: 'left' }}>Style</th>
            <th title="Share of the style's BOM that is this yarn">BOM %</th>
            <th>Total (lbs)</th>
            <th title="Lbs of this order pegged to the yarn's first short week (the service's lbsInShortWindow)">Pegged to first short week (lbs)</th>
            {weeks.map((w, i) =>
              usedWeeks[i] || short[i] ? (
                <th key={w} className={short[i] ? 'neg' : undefined} title={`week of ${w}${short[i] ? ' · yarn short' : ''}`}>
                  {shortDate(w)}
                </th>
              ) : null,
            )}
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => (
            <tr key={c.orderNo}>
              <th className="row-head">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => navigate('schedule', { koNumber: c.orderNo })}
                  title="Show this order on the schedule"
                >
                  {c.orderNo}
                </button>
              </th>
              <td className="text">{c.style}</td>
              <td>{formatNumber(c.fraction * 100, 1)}</td>
              <td>{formatNumber(c.totalLbs)}</td>
              <td className={c.lbsInShortWindow >= 0.5 ? 'neg' : 'zero'}>{formatNumber(c.lbsInShortWindow)}</td>
              {weeks.map((w, i) =>
                usedWeeks[i] || short[i] ? (
                  <td key={w} className={[(c.weeks[i] ?? 0) < 0.5 ? 'zero' : '', short[i] ? 'short-col' : ''].filter(Boolean).join(' ') || undefined}>
                    {(c.weeks[i] ?? 0) < 0.5 ? '·' : formatNumber(c.weeks[i])}
                  </td>
                ) : null,
              )}
            </tr>
          ))}
          <tr className="total-row">
            <th className="row-head">Total</th>
            <td className="text">
              {consumers.length} {consumers.length === 1 ? 'order' : 'orders'}
            </td>
            <td />
            <td>{formatNumber(consumers.reduce((s, c) => s + c.totalLbs, 0))}</td>
            <td>{formatNumber(consumers.reduce((s, c) => s + c.lbsInShortWindow, 0))}</td>
            {weeks.map((w, i) =>
              usedWeeks[i] || short[i] ? (
                <td key={w} className={short[i] ? 'short-col' : undefined}>
                  {formatNumber(total(i))}
                </td>
              ) : null,
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
