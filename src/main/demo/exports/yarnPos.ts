// YarnPO.xlsx (the 9-2 layout, 15 columns): $/lb stored as text, upper-case abbreviated supplier names.
import { YARN_PO_COLUMNS } from '../../../shared/domain/purchaseOrder';
import type { DemoDataset } from '../dataset';
import type { Yarn } from '../types';
import { dateCell, type Cell, type SheetTable } from '../write/table';

/** YarnPO "Size": "150/1/48" for filament "1/150/48", "1/20/null" for spun "20/1". */
export function poSize(y: Yarn): string {
  const p = y.size.split('/');
  return `${p[1]}/${p[0]}/${p[2] ?? 'null'}`;
}

export function yarnPosTable(ds: DemoDataset): SheetTable {
  const pos = ds.yarnPos.slice().sort((a, b) => (a.orderedAt > b.orderedAt ? -1 : a.orderedAt < b.orderedAt ? 1 : 0));
  const rows: Cell[][] = pos.map((po) => {
    const y = ds.yarnById.get(po.descId)!;
    return [
      po.poNo,
      po.receivedLbs > 0 ? 'Open, Partially Received' : 'Open',
      po.descId,
      dateCell(po.orderedAt),
      dateCell(po.requestedDate),
      dateCell(po.quotedDate),
      po.qtyLbs,
      po.balanceLbs,
      y.supplier.poName,
      poSize(y),
      y.type,
      y.color,
      y.description,
      po.pricePerLb.toFixed(2),
      po.qtyLbs * po.pricePerLb,
    ];
  });
  const fmt = [
    'text',
    'text',
    'general',
    'datetime',
    'date',
    'date',
    'int',
    'num1',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'money',
  ] as const;
  return { sheetName: 'Sheet', columns: YARN_PO_COLUMNS.map((header, i) => ({ header, format: fmt[i] })), rows };
}
