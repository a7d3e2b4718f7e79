// The classic MRP record: one column per week, rows gross requirement / scheduled receipts / projected on hand /
// safety stock / net requirement / planned receipt / planned release. Negative on-hand in red, short weeks shaded.
import type { ReactNode } from 'react';
import { isoWeek } from '../../../shared/dates';
import type { MrpWeekRow } from '../../../shared/views';
import { formatNumber, shortDate } from '../lib/format';

type MrpField = Exclude<keyof MrpWeekRow, 'week' | 'weekStart' | 'isoWeek'>;

interface MrpLine {
  field: MrpField;
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

interface MrpTableProps {
  rows: readonly MrpWeekRow[];
  testId: string;
  /** Week starts to mark (e.g. the suggestion's receipt week). */
  markWeeks?: readonly string[];
}

export function MrpTable({ rows, testId, markWeeks = [] }: MrpTableProps): ReactNode {
  if (rows.length === 0) return <p className="note">No MRP record for this yarn in the horizon.</p>;
  return (
    <div className="plain-table-wrap" data-testid={testId}>
      <table className="plain-table mrp-table">
        <thead>
          <tr>
            <th className="row-head">lbs</th>
            {rows.map((r) => (
              <th key={r.weekStart} className={markWeeks.includes(r.weekStart) ? 'hl' : undefined} title={`${r.isoWeek} · week of ${r.weekStart}`}>
                <div>W{isoWeek(r.weekStart).week}</div>
                <div className="mrp-date">{shortDate(r.weekStart)}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {MRP_LINES.map((line) => (
            <tr key={line.field} data-line={line.field}>
              <th className="row-head">{line.label}</th>
              {rows.map((r) => {
                const v = r[line.field];
                const cls = [
                  Math.abs(v) < 0.5 ? 'zero' : '',
                  line.field === 'projectedOnHandLbs' && v < 0 ? 'neg' : '',
                  line.highlight && Math.abs(v) >= 0.5 ? 'hl' : '',
                  r.projectedOnHandLbs < 0 ? 'short-col' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td key={r.weekStart} className={cls || undefined}>
                    {Math.abs(v) < 0.5 ? '0' : formatNumber(v)}
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
