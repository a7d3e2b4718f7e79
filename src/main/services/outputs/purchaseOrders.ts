// Accepted PO drafts as purchase orders the ERP can take: grouped per supplier of the supplier master into one PO
// with a line per draft, exported in the columns, order, names and types of the ERP's own YarnPO export
// (erp-exports-profile, YarnPO 9-2), and printed one document per supplier.
import type { Supplier, Yarn } from '../../../shared/domain/entities';
import { OPEN_PO_DRAFT_STATUSES, type PoDraft } from '../../../shared/domain/poDraft';
import { YARN_PO_COLUMNS, type PurchaseOrder, type PurchaseOrderList } from '../../../shared/domain/purchaseOrder';
import type { ReportSpec } from '../../reports';

export { YARN_PO_COLUMNS };
/** The YarnPO columns that hold dates (written as date cells in the xlsx, ISO dates in the csv). */
export const YARN_PO_DATE_COLUMNS: ReadonlySet<string> = new Set(['Ordered', 'Requested', 'Quoted']);

const round2 = (x: number) => Math.round(x * 100) / 100;
const compactDate = (iso: string) => iso.replaceAll('-', '');

/**
 * The open drafts grouped per supplier into POs (suppliers by name, lines by due date then yarn). A draft without a
 * supplier, or with a supplier id the master does not list, goes on no PO and is returned with the reason.
 */
export function purchaseOrdersFromDrafts(
  drafts: readonly PoDraft[],
  suppliers: readonly Pick<Supplier, 'supplierId' | 'name'>[],
  yarns: readonly Pick<Yarn, 'yarnId' | 'description' | 'yarnCount' | 'yarnType' | 'color' | 'costPerLb'>[],
  orderDate: string,
): PurchaseOrderList {
  const open = drafts.filter((d) => (OPEN_PO_DRAFT_STATUSES as readonly string[]).includes(d.status));
  const supplierById = new Map(suppliers.filter((s) => s.supplierId).map((s) => [s.supplierId!, s]));
  const yarnById = new Map(yarns.map((y) => [y.yarnId, y]));
  const bySupplier = new Map<string, PoDraft[]>();
  const unassigned: PurchaseOrderList['unassigned'] = [];
  for (const d of open) {
    if (!d.supplierId) unassigned.push({ draftId: d.draftId, yarnId: d.yarnId, qtyLbs: d.qtyLbs, reason: 'no supplier chosen' });
    else if (!supplierById.has(d.supplierId))
      unassigned.push({
        draftId: d.draftId,
        yarnId: d.yarnId,
        qtyLbs: d.qtyLbs,
        reason: `supplier id ${d.supplierId} is not in the supplier master`,
      });
    else bySupplier.set(d.supplierId, [...(bySupplier.get(d.supplierId) ?? []), d]);
  }
  const orders = [...bySupplier].map(([supplierId, list]): PurchaseOrder => {
    const lines = list
      .map((d) => {
        const y = yarnById.get(d.yarnId);
        const costPerLb = d.costPerLb ?? y?.costPerLb ?? null;
        return {
          draftId: d.draftId,
          yarnId: d.yarnId,
          description: (d.description ?? y?.description ?? '').trim(),
          size: y?.yarnCount ?? null,
          yarnType: y?.yarnType ?? null,
          color: y?.color ?? null,
          qtyLbs: d.qtyLbs,
          costPerLb,
          valueUsd: costPerLb === null ? null : round2(d.qtyLbs * costPerLb),
          dueDate: d.receiptDate,
        };
      })
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.yarnId.localeCompare(b.yarnId));
    return {
      poNumber: `BKP-${compactDate(orderDate)}-${supplierId}`,
      supplierId,
      supplierName: supplierById.get(supplierId)!.name,
      orderDate,
      lines,
      totalLbs: lines.reduce((t, l) => t + l.qtyLbs, 0),
      totalUsd: round2(lines.reduce((t, l) => t + (l.valueUsd ?? 0), 0)),
      linesWithoutPrice: lines.filter((l) => l.valueUsd === null).length,
    };
  });
  orders.sort((a, b) => a.supplierName.localeCompare(b.supplierName) || a.supplierId.localeCompare(b.supplierId));
  return { orderDate, orders, unassigned };
}

export type YarnPoCell = string | number | Date | null;

const utcDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** One YarnPO row per PO line, cells in YARN_PO_COLUMNS order: numbers as numbers, dates as Date (UTC midnight). */
export function yarnPoRows(orders: readonly PurchaseOrder[]): YarnPoCell[][] {
  return orders.flatMap((po) =>
    po.lines.map((l) => [
      po.poNumber,
      'Open',
      /^\d+$/.test(l.yarnId) ? Number(l.yarnId) : l.yarnId,
      utcDate(po.orderDate),
      utcDate(l.dueDate),
      null,
      l.qtyLbs,
      l.qtyLbs,
      po.supplierName,
      l.size,
      l.yarnType,
      l.color,
      l.description,
      l.costPerLb,
      l.valueUsd,
    ]),
  );
}

/** The printable PO of one supplier (same header, KPI strip and paging as the other reports). */
export function purchaseOrderReport(po: PurchaseOrder, asOf: string, printedAt: string): ReportSpec {
  return {
    title: `Purchase order ${po.poNumber}`,
    subtitle: `Supplier ${po.supplierId} · ${po.supplierName} · ordered ${po.orderDate}`,
    asOf,
    printedAt,
    pageSize: 'Letter',
    kpis: [
      { label: 'Lines', value: po.lines.length },
      { label: 'Quantity (lbs)', value: Math.round(po.totalLbs).toLocaleString('en-US') },
      {
        label: 'Value ($)',
        value: po.totalUsd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
        tone: po.linesWithoutPrice ? 'warn' : undefined,
      },
      { label: 'First due', value: po.lines[0]?.dueDate ?? '' },
    ],
    sections: [
      {
        heading: 'Lines',
        note: `The planner's PO drafts for this supplier. The ERP assigns the PO number when the buyer enters it.${po.linesWithoutPrice ? ` ${po.linesWithoutPrice} line(s) have no price.` : ''}`,
        table: {
          columns: [
            { key: 'line', label: '#', align: 'right' },
            { key: 'yarnId', label: 'Yarn', nowrap: true },
            { key: 'description', label: 'Description' },
            { key: 'color', label: 'Color' },
            { key: 'qtyLbs', label: 'lbs', align: 'right' },
            { key: 'costPerLb', label: '$/lb', align: 'right', decimals: 2 },
            { key: 'valueUsd', label: '$', align: 'right', decimals: 2 },
            { key: 'dueDate', label: 'Due', nowrap: true },
          ],
          rows: po.lines.map((l, i) => ({
            line: i + 1,
            yarnId: l.yarnId,
            description: l.description,
            color: l.color ?? '',
            qtyLbs: l.qtyLbs,
            costPerLb: l.costPerLb,
            valueUsd: l.valueUsd,
            dueDate: l.dueDate,
          })),
          totals: { description: 'Total', qtyLbs: po.totalLbs, valueUsd: po.totalUsd },
        },
      },
    ],
  };
}
