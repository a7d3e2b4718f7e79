// Small readers for the demo tests: whole xlsx sheets as arrays, header rows only (streaming), CSV lines.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type Value = string | number | Date | null;

function plain(v: ExcelJS.CellValue): Value {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'result' in v) return plain(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

/** Every row of the first sheet (1-based rows become 0-based; cells padded to the widest row). */
export async function readSheet(path: string): Promise<Value[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  const rows: Value[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const out: Value[] = [];
    for (let c = 1; c <= width; c++) out.push(plain(row.getCell(c).value));
    rows.push(out);
  }
  return rows;
}

/** The header row of an xlsx: the first row whose first cell is `firstHeader` (default: row 1). Streams, stops early. */
export async function readXlsxHeader(path: string, firstHeader?: string): Promise<(string | null)[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    let n = 0;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      n++;
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => {
        const p = plain(v);
        return p === null ? null : String(p);
      });
      if (firstHeader === undefined || values[0] === firstHeader) return trimTrailingNulls(values);
      if (n > 10) break;
    }
    break;
  }
  throw new Error(`no header row in ${path}`);
}

export function trimTrailingNulls(values: (string | null)[]): (string | null)[] {
  const out = values.slice();
  while (out.length && (out[out.length - 1] === null || out[out.length - 1] === '')) out.pop();
  return out.map((v) => (v === '' ? null : v));
}

export function readCsvRows(path: string): string[][] {
  let text = readFileSync(path, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return Papa.parse<string[]>(text, { skipEmptyLines: false }).data.filter((r) => !(r.length === 1 && r[0] === ''));
}

export function csvHeader(path: string): string[] {
  let text = readFileSync(path, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return Papa.parse<string[]>(text.slice(0, text.indexOf('\n')), {}).data[0];
}

/** Header rows above the data (title + blank + header for Yarn_Demand). */
export function headerIndex(rows: Value[][], firstHeader: string): number {
  const i = rows.findIndex((r) => r[0] === firstHeader);
  if (i < 0) throw new Error(`no "${firstHeader}" header`);
  return i;
}

export function num(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  throw new Error(`not a number: ${String(v)}`);
}
