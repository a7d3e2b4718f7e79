// eFab_SO_List.xlsx (the 9-2 layout, without Quoted Date): "$7.35 (yds)" prices, the On Hold HTML toggle.
import type { DemoDataset } from '../dataset';
import type { SalesOrder } from '../types';
import type { Cell, SheetTable } from '../write/table';

export const SO_LIST_HEADERS = [
  'Status',
  'SO #',
  'CSR',
  'Unit Price',
  'cFVersion',
  'fBase',
  'On Hold',
  'UOM',
  'Ordered',
  'Picked/Shipped',
  'Balance',
  'Available',
  'SOP',
  'PO #',
  'Sold To',
  'Ship To',
  'Ship Date',
] as const;

export function holdToggle(so: SalesOrder): string {
  return so.onHold
    ? `<div id='holdButton_${so.holdId}' style='text-align: center;'><i class='fa fa-toggle-on' style='font-size: 135%; font-weight: bold; color: orange;' onClick='setReleased(${so.holdId},1)'></i></div>`
    : `<div id='holdButton_${so.holdId}' style='text-align: center;'><i class='fa fa-toggle-off' style='font-weight: normal; color: #ccc;' onClick='setReleased(${so.holdId},0)'></i></div>`;
}

export function salesOrdersTable(ds: DemoDataset): SheetTable {
  const rows: Cell[][] = ds.salesOrders.map((so) => [
    so.status,
    so.soNo,
    so.csr,
    `$${so.unitPrice.toFixed(2)} (${so.priceUnit})`,
    so.cfVersion,
    so.fBase,
    holdToggle(so),
    so.uom,
    so.ordered,
    so.pickedShipped,
    so.balance,
    so.available,
    so.sop,
    so.customerPo,
    so.soldTo,
    so.shipTo,
    null,
  ]);
  const fmt = (h: string) => (['Ordered', 'Picked/Shipped', 'Balance', 'Available'].includes(h) ? 'num1' : 'text');
  return { sheetName: 'Sheet', columns: SO_LIST_HEADERS.map((header) => ({ header, format: fmt(header) })), rows };
}
