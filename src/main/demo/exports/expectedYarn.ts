// Expected_Yarn_Report.xlsx: per open PO, its receipts per week (Unscheduled or Past Due, This Week, the
// next 8 weeks headed by their Friday date, Later), consistent with YarnPO balances.
import { poUnscheduled } from '../build/erpRules';
import type { DemoDataset } from '../dataset';
import { dateCell, type Cell, type SheetTable, type TableColumn } from '../write/table';

export function expectedYarnHeaders(ds: DemoDataset): string[] {
  return [
    'PO Date',
    'PO #',
    'Purchased From',
    'Desc',
    'Price',
    'INVEN',
    'PO Order Amt',
    "Rec'd",
    'PO Bal',
    'Unscheduled or Past Due',
    'This Week',
    ...ds.calendar.fridayHeaders,
    'Later',
    'Type',
    'Ply',
    'Size',
    'Filament',
    'Color',
    'Blend',
  ];
}

export function expectedYarnTable(ds: DemoDataset): SheetTable {
  const pos = ds.yarnPos.slice().sort((a, b) => (a.orderedAt < b.orderedAt ? -1 : a.orderedAt > b.orderedAt ? 1 : 0));
  const rows: Cell[][] = pos.map((po) => {
    const y = ds.yarnById.get(po.descId)!;
    return [
      dateCell(po.orderedAt),
      po.poNo,
      y.supplier.displayName,
      po.descId,
      po.pricePerLb,
      ds.positions.get(po.descId)?.theoreticalLbs ?? 0,
      po.qtyLbs,
      po.receivedLbs,
      po.balanceLbs,
      poUnscheduled(po),
      ...po.schedule.map((q) => (q === 0 ? null : q)),
      y.type,
      y.ply,
      y.sizeNumber,
      y.filament,
      y.color,
      y.blend,
    ];
  });
  const columns: TableColumn[] = expectedYarnHeaders(ds).map((header, i) => ({
    header,
    format: i === 0 ? 'date' : i === 4 ? 'money' : i === 5 ? 'num2' : i >= 6 && i <= 20 ? 'int' : i === 3 || i === 23 ? 'general' : 'text',
  }));
  return { sheetName: 'Sheet', columns, rows };
}
