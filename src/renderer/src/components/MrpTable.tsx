// The classic MRP record: one column per week, rows gross requirement / scheduled receipts / projected on hand /
// safety stock / net requirement / planned receipt / planned release. Negative on-hand in red, short weeks shaded.
import type { ReactNode } from 'react';
import type { Row } from '../../../shared/views';
import { formatNumber, shortDate } from '../lib/format';

interface MrpLine {
  field: string;
  label: string;
  /** Draw the value in the accent colour when non-zero (planned orders). */
  highlight?: boolean;
}

export const MRP_LINES: readonly MrpLine[] = [
  { field: 'grossLbs', label: 'Gross requirement' },
  { field: 'scheduledReceiptsLbs', label: 'Scheduled receipts' },
  { field: 'projectedOnHandLbs', label: 'Projected on hand' },
  { field: 'safetyStockLbs', label: 'Safety stock' },
  { field: 'netRequirementLbs', label: 'Net requirement' },
  { field: 'plannedReceiptLbs', label: 'Planned receipt', highlight: true },
  { field: 'plannedReleaseLbs', label: 'Planned release', highlight: true },
];

function value(row: Row, field: string): number | null {
  const v = row[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Which MRP lines the rows carry (a line missing from every row is left out rather than shown as zeros). */
export function presentLines(rows: readonly Row[]): MrpLine[] {
  return MRP_LINES.filter((l) => rows.some((r) => value(r, l.field) !== null));
}

interface MrpTableProps {
  rows: readonly Row[];
  testId: string;
  /** Week starts to mark (e.g. the suggestion's receipt week). */
  markWeeks?: readonly string[];
}

export function MrpTable({ rows, testId, markWeeks = [] }: MrpTableProps): ReactNode {
  if (rows.length === 0) return <p className="note">No MRP record for this yarn in the horizon.</p>;
  const lines = presentLines(rows);
  return (
    <div className="plain-table-wrap" data-testid={testId}>
      <table className="plain-table mrp-table">
        <thead>
          <tr>
            <th className="row-head">lbs</th>
            {rows.map((r) => {
              const week = String(r.weekStart ?? '');
              const marked = markWeeks.includes(week);
              return (
                <th key={week} className={marked ? 'hl' : undefined} title={`${r.isoWeek ?? ''} · week of ${week}`}>
                  <div>{String(r.isoWeek ?? '').replace(/^\d{4}-/, '')}</div>
                  <div className="mrp-date">{shortDate(week)}</div>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.field} data-line={line.field}>
              <th className="row-head">{line.label}</th>
              {rows.map((r) => {
                const v = value(r, line.field);
                const short = line.field === 'projectedOnHandLbs' && v !== null && v < 0;
                const cls = [
                  v === null || Math.abs(v) < 0.5 ? 'zero' : '',
                  short ? 'neg' : '',
                  line.highlight && v !== null && Math.abs(v) >= 0.5 ? 'hl' : '',
                  value(r, 'projectedOnHandLbs') !== null && (value(r, 'projectedOnHandLbs') as number) < 0 ? 'short-col' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td key={String(r.weekStart)} className={cls || undefined}>
                    {v === null ? '' : Math.abs(v) < 0.5 ? '0' : formatNumber(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
