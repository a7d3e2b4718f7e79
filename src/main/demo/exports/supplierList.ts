// master/Supplier_ID.csv: UTF-8 BOM, "Remove" sentinels in Lead_time / MOQ / Type.
import type { DemoDataset } from '../dataset';
import { csvText } from '../write/csv';

export const SUPPLIER_ID_HEADERS = ['Supplier_ID', 'Supplier', 'Lead_time', 'MOQ', 'Type'] as const;

export function supplierListCsv(ds: DemoDataset): { text: string; rows: number } {
  const listed = ds.suppliers.filter((s) => s.listedAs !== null);
  listed.sort((a, b) => (a.listedAs!.toLowerCase() < b.listedAs!.toLowerCase() ? -1 : 1));
  const lines: string[][] = [SUPPLIER_ID_HEADERS.slice()];
  listed.forEach((s, i) => lines.push([String(i + 1), s.listedAs!, String(s.leadTimeAsExported), String(s.moq), s.origin]));
  return { text: csvText(lines, true), rows: listed.length };
}
