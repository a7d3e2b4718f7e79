// A sheet as the ERP exports it: optional rows above the header, the header, the data rows.

/** Date or date-time cell: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (written as an Excel date). */
export interface DateCell {
  date: string;
}
export type Cell = string | number | null | DateCell;

/** How Excel displays a column (used by the Excel-saved CSV copies and the xlsx number formats). */
export type ColumnFormat = 'general' | 'text' | 'int' | 'num1' | 'num2' | 'money' | 'date' | 'datetime';

export interface TableColumn {
  /** null for the ERP's unnamed spacer columns. */
  header: string | null;
  format?: ColumnFormat;
}

export interface SheetTable {
  sheetName: string;
  preRows?: Cell[][];
  columns: TableColumn[];
  rows: Cell[][];
}

export function dateCell(isoDateOrDateTime: string | null): DateCell | null {
  return isoDateOrDateTime === null ? null : { date: isoDateOrDateTime };
}

export function isDateCell(cell: Cell): cell is DateCell {
  return typeof cell === 'object' && cell !== null;
}

/** `M/D/YYYY` (how Excel and the ERP print US dates). */
export function usDate(iso: string): string {
  return `${+iso.slice(5, 7)}/${+iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}
