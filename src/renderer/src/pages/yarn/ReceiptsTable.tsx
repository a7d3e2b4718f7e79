// Open receipts of the yarn by purchase order and week; past-due receipts marked; accepted PO drafts (`draft …`, in
// the projection but not in the ERP yet) marked as drafts. "What if late?" on an ERP receipt line opens a scenario
// with that line late by the days the planner enters.
import { useState, type ReactNode } from 'react';
import type { YarnDetailView } from '../../../../shared/views';
import { isoWeekLabel } from '../../../../shared/dates';
import { Chip } from '../../components/Chip';
import { formatNumber } from '../../lib/format';
import { receiptLineOf } from '../scenarios/overrideForms';
import { WhatIfDialog } from '../whatif/WhatIfDialog';
import { receiptLineNumbers, type WhatIfAsk } from '../whatif/whatIf';

interface ReceiptsTableProps {
  receipts: YarnDetailView['receipts'];
  yarnId: string;
  asOf: string;
}

export function ReceiptsTable({ receipts, yarnId, asOf }: ReceiptsTableProps): ReactNode {
  const [ask, setAsk] = useState<WhatIfAsk | null>(null);
  if (receipts.length === 0) return <p className="note">No open purchase-order receipts for this yarn.</p>;
  const lineNo = receiptLineNumbers(receipts.filter((r) => !r.isDraft));
  const sorted = [...receipts].sort((a, b) => Number(b.pastDue) - Number(a.pastDue) || (a.weekStart ?? '').localeCompare(b.weekStart ?? ''));
  return (
    <div className="plain-table-wrap" data-testid="yarn-detail-receipts">
      <table className="plain-table">
        <thead>
          <tr>
            <th className="row-head">PO</th>
            <th style={{ textAlign: 'left' }}>Week</th>
            <th>Qty (lbs)</th>
            <th style={{ textAlign: 'left' }}>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sorted.map((r, i) => (
            <tr key={`${r.poNo}-${r.weekStart}-${i}`}>
              <th className="row-head">{r.poNo}</th>
              <td className="text">{r.weekStart ? `${isoWeekLabel(r.weekStart)} · ${r.weekStart}` : '–'}</td>
              <td>{formatNumber(r.lbs)}</td>
              <td className="text">
                {r.pastDue ? (
                  <Chip band="high" title="Due before the current week and not received">
                    PAST DUE
                  </Chip>
                ) : r.isDraft ? (
                  <Chip band="info" title="An accepted PO draft (Purchasing › PO drafts): counted as supply in the projection, not in the ERP yet">
                    PO draft
                  </Chip>
                ) : (
                  <Chip band="neutral">open</Chip>
                )}
              </td>
              <td className="text">
                {!r.isDraft && (
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    data-testid="receipt-whatif-late"
                    data-po={r.poNo}
                    title="Open a scenario where this receipt line arrives late"
                    onClick={() =>
                      setAsk({
                        kind: 'poLate',
                        poNo: r.poNo,
                        yarnId,
                        receiptLine: receiptLineOf(r),
                        lineNo: lineNo.get(r) ?? 1,
                        weekStart: r.weekStart,
                        lbs: r.lbs,
                        asOf,
                      })
                    }
                  >
                    What if late?
                  </button>
                )}
              </td>
            </tr>
          ))}
          <tr className="total-row">
            <th className="row-head">Total</th>
            <td className="text">
              {receipts.length} {receipts.length === 1 ? 'receipt' : 'receipts'}
            </td>
            <td>{formatNumber(receipts.reduce((s, r) => s + r.lbs, 0))}</td>
            <td />
            <td />
          </tr>
        </tbody>
      </table>
      {ask && <WhatIfDialog ask={ask} onClose={() => setAsk(null)} />}
    </div>
  );
}
