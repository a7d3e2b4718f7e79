// xlsx files through exceljs' streaming writer (fast for big sheets, low memory).
import ExcelJS from 'exceljs';
import type { Cell, ColumnFormat, SheetTable } from './table';
import { isDateCell } from './table';

/** Excel's last row; longer sheets cannot be written as xlsx. */
export const XLSX_MAX_ROWS = 1_048_576;

const NUM_FMT: Partial<Record<ColumnFormat, string>> = {
  date: 'm/d/yyyy',
  datetime: 'm/d/yyyy h:mm:ss',
};

function toExcel(cell: Cell): string | number | Date | null {
  if (isDateCell(cell)) {
    const iso = cell.date.length === 10 ? `${cell.date}T00:00:00Z` : `${cell.date}Z`;
    return new Date(iso);
  }
  return cell;
}

export function tableRowCount(table: SheetTable): number {
  return (table.preRows?.length ?? 0) + 1 + table.rows.length;
}

/** Writes one workbook; `stamp` (ISO date) fixes the document properties so output does not depend on the clock. */
export async function writeXlsx(path: string, tables: readonly SheetTable[], stamp: string): Promise<void> {
  for (const t of tables) {
    if (tableRowCount(t) > XLSX_MAX_ROWS) throw new Error(`${path}: ${t.sheetName} has ${tableRowCount(t)} rows, more than xlsx allows`);
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const when = new Date(`${stamp}T00:00:00Z`);
  wb.creator = 'eFab';
  wb.created = when;
  wb.modified = when;
  for (const table of tables) {
    const ws = wb.addWorksheet(table.sheetName);
    ws.columns = table.columns.map((c, i) => {
      const fmt = c.format ? NUM_FMT[c.format] : undefined;
      return { key: `c${i}`, width: 14, ...(fmt ? { style: { numFmt: fmt } } : {}) };
    });
    for (const pre of table.preRows ?? []) ws.addRow(table.columns.map((_, i) => toExcel(pre[i] ?? null))).commit();
    ws.addRow(table.columns.map((c) => c.header)).commit();
    for (const row of table.rows) ws.addRow(row.map(toExcel)).commit();
    ws.commit();
  }
  await wb.commit();
}
