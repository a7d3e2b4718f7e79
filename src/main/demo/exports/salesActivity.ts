// master/Sales Activity Report.csv: MM-DD-YY dates, money padded as " $4.07 " / " $6,215.19 ".
import type { DemoDataset } from '../dataset';
import { csvText, thousands } from '../write/csv';

export const SALES_ACTIVITY_HEADERS = [
  'Document',
  'Invoice Date',
  'Customer',
  'fStyle#',
  'Yds_ordered',
  'UOM',
  'Unit Price',
  'Line Price',
  '1st Invoice',
  'Sales Rep',
  'Commission',
  'Selling Co',
  'PO#',
] as const;

export const SELLING_COMPANY = 'CT';

function mmddyy(iso: string): string {
  return `${iso.slice(5, 7)}-${iso.slice(8, 10)}-${iso.slice(2, 4)}`;
}

export function salesActivityCsv(ds: DemoDataset): { text: string; rows: number } {
  const lines: string[][] = [SALES_ACTIVITY_HEADERS.slice()];
  for (const l of ds.salesLines) {
    lines.push([
      l.document,
      mmddyy(l.invoiceDate),
      l.customer,
      l.fStyle,
      String(l.qty),
      l.uom,
      ` $${thousands(l.unitPrice, 2)} `,
      ` $${thousands(l.linePrice, 2)} `,
      l.invoiceNo,
      l.salesRep,
      l.commission === null ? '' : String(l.commission),
      SELLING_COMPANY,
      l.customerPo,
    ]);
  }
  return { text: csvText(lines), rows: ds.salesLines.length };
}
