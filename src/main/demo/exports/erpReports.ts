// The ERP's computed reports, from the generated data with the §5a / §5b rules:
// Yarn_Demand_By_Style_KO.xlsx, Yarn_Demand_By_Style.xlsx and Yarn_Demand.xlsx (title row, blank row,
// then the header; 10 unnamed spacer columns; "<Weekday> Inventory").
import { isoWeekday } from '../../../shared/dates';
import type { DemoDataset } from '../dataset';
import type { Buckets } from '../types';
import type { Cell, SheetTable, TableColumn } from '../write/table';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function bucketHeaders(ds: DemoDataset): string[] {
  return ['This Week', ...ds.calendar.weekNumbers.map((w) => `Week ${w}`), 'Later'];
}

function blankZero(buckets: Buckets): Cell[] {
  return buckets.map((q) => (q === 0 ? null : q));
}

function numberColumns(headers: readonly string[], textCount: number): TableColumn[] {
  return headers.map((header, i) => ({ header, format: i < textCount ? 'text' : i === textCount ? 'general' : 'num1' }));
}

export function knitOrderDemandTable(ds: DemoDataset): SheetTable {
  const headers = ['Style', 'KO', 'Yarn', 'Percentage', ...bucketHeaders(ds), 'Total'];
  const rows: Cell[][] = ds.koDemand.map((r) => [r.style, r.ko, r.yarn, r.percentage, ...blankZero(r.buckets), r.total]);
  return { sheetName: 'Sheet', columns: numberColumns(headers, 2), rows };
}

export function styleDemandTable(ds: DemoDataset): SheetTable {
  const headers = ['Style', 'Yarn', 'Percentage', ...bucketHeaders(ds), 'Total'];
  const rows: Cell[][] = ds.styleDemand.map((r) => [r.style, r.yarn, r.percentage, ...blankZero(r.buckets), r.total]);
  return { sheetName: 'Sheet', columns: numberColumns(headers, 1), rows };
}

export function inventoryHeader(ds: DemoDataset): string {
  return `${WEEKDAYS[isoWeekday(ds.calendar.asOf) - 1]} Inventory`;
}

export function yarnDemandHeaders(ds: DemoDataset): (string | null)[] {
  const headers: (string | null)[] = [
    'Yarn',
    'Supplier',
    'Description',
    'Color',
    inventoryHeader(ds),
    'Total Demand',
    'Total Receipt',
    'Balance',
    'Past Due Receipts',
  ];
  const labels = ['This Week', ...ds.calendar.weekNumbers.map((w) => `Week ${w}`), 'Later'];
  for (const label of labels) headers.push(null, `Demand ${label}`, `Receipts ${label}`, `Balance ${label}`);
  return headers;
}

export function yarnDemandTable(ds: DemoDataset): SheetTable {
  const headers = yarnDemandHeaders(ds);
  const rows: Cell[][] = ds.yarnDemand.map((r) => {
    const row: Cell[] = [r.yarn, r.supplier, r.description, r.color, r.inventoryLbs, r.totalDemand, r.totalReceipt, r.balance, r.pastDueReceipts];
    for (let i = 0; i < r.demand.length; i++) row.push(null, r.demand[i], r.receipts[i], r.balances[i]);
    return row;
  });
  return {
    sheetName: 'Yarn Demand Report',
    preRows: [['Yarn Demand Report'], []],
    columns: headers.map((header, i) => ({ header, format: i === 0 ? 'general' : i < 4 ? 'text' : 'num1' })),
    rows,
  };
}
