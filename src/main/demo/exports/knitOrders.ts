// eFab_Knit_Orders.xlsx: HTML warning icon in some Order # cells, blank start dates, Machine as text or
// number, trailing-space styles, stale balances.
import type { DemoDataset } from '../dataset';
import type { KnitOrder } from '../types';
import { dateCell, type Cell, type SheetTable } from '../write/table';

export const KNIT_ORDER_HEADERS = [
  'Style #',
  'Order #',
  'Start Date',
  'Quoted Date',
  'Qty Ordered (lbs)',
  'G00 (lbs)',
  'Shipped (lbs)',
  'Balance (lbs)',
  'Seconds (lbs)',
  'BKI #s',
  'Machine',
  'PO#',
  'Modified',
] as const;

export const ZERO_PRICE_ICON =
  "&nbsp;<i class='fa fa-exclamation-triangle' style='color:red;' title='This knit order has a zero or negative knit price!'></i>";

export function orderCell(ko: KnitOrder): string {
  return ko.zeroPriceWarning ? `${ko.orderNo}${ZERO_PRICE_ICON}` : ko.orderNo;
}

export function knitOrdersTable(ds: DemoDataset): SheetTable {
  const rows: Cell[][] = ds.knitOrders
    .filter((k) => !k.apiOnly)
    .map((k) => [
      k.exportedStyle,
      orderCell(k),
      dateCell(k.startDate),
      dateCell(k.quotedDate),
      k.orderedLbs,
      k.g00Lbs,
      k.shippedLbs,
      k.balanceLbs,
      k.secondsLbs,
      k.bki,
      k.machine === null ? null : k.machineAsNumber ? k.machine : String(k.machine),
      k.po,
      dateCell(k.modifiedAt),
    ]);
  const fmt = ['text', 'text', 'date', 'date', 'num1', 'num1', 'num1', 'num1', 'num1', 'text', 'text', 'text', 'datetime'] as const;
  return { sheetName: 'Sheet', columns: KNIT_ORDER_HEADERS.map((header, i) => ({ header, format: fmt[i] })), rows };
}
