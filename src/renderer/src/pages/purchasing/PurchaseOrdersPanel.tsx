// The open PO drafts as one purchase order per supplier (supplier master id and name, lines, lbs, value), each
// printable as a PDF; drafts that cannot go on a PO are listed with the reason.
import type { ReactNode } from 'react';
import type { PurchaseOrderList } from '../../../../shared/domain/purchaseOrder';
import { call } from '../../api';
import { Icon } from '../../components/Icon';
import { downloadFile } from '../../lib/download';
import { formatNumber, formatUsd } from '../../lib/format';
import type { ChannelState } from '../../lib/useChannel';

export function PurchaseOrdersPanel({ orders }: { orders: ChannelState<PurchaseOrderList> }): ReactNode {
  const list = orders.data;
  if (!list || (!list.orders.length && !list.unassigned.length)) return null;
  const print = async (supplierId: string) => {
    const file = await call('purchaseOrders.print', { supplierId, format: 'pdf' });
    if (file) downloadFile(file);
  };
  return (
    <section className="po-panel" data-testid="purchase-orders" aria-label="Purchase orders per supplier">
      <h3 className="po-panel-title">Purchase orders ({list.orders.length}) · one per supplier</h3>
      <table className="po-table num">
        <thead>
          <tr>
            <th>PO</th>
            <th>Supplier</th>
            <th className="right">Lines</th>
            <th className="right">lbs</th>
            <th className="right">Value</th>
            <th>First due</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.orders.map((po) => (
            <tr key={po.supplierId} data-testid="purchase-order-row" data-supplier-id={po.supplierId} data-po-number={po.poNumber}>
              <td>{po.poNumber}</td>
              <td>
                <b>{po.supplierId}</b> {po.supplierName}
              </td>
              <td className="right">{po.lines.length}</td>
              <td className="right">{formatNumber(po.totalLbs)}</td>
              <td className="right" title={po.linesWithoutPrice ? `${po.linesWithoutPrice} line(s) without a price` : undefined}>
                {formatUsd(po.totalUsd)}
                {po.linesWithoutPrice ? ' *' : ''}
              </td>
              <td>{po.lines[0]?.dueDate}</td>
              <td>
                <button
                  type="button"
                  className="btn btn-sm"
                  onClick={() => void print(po.supplierId)}
                  data-testid="purchase-order-print"
                  title="The printable PO of this supplier (PDF)"
                >
                  <Icon name="download" size={12} /> PO PDF
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.unassigned.length > 0 && (
        <p className="note po-unassigned" data-testid="purchase-orders-unassigned">
          Not on a PO (the ERP export is refused until they have a supplier): {list.unassigned.map((u) => `${u.draftId} (${u.reason})`).join('; ')}
        </p>
      )}
    </section>
  );
}
