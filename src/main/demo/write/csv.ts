// CSV text the way the ERP and Excel write it: minimal quoting, LF line ends, optional UTF-8 BOM.
import type { Cell, ColumnFormat, SheetTable } from './table';
import { isDateCell, usDate } from './table';
import { csvLine } from '../../../shared/csv';

export { csvField, csvLine } from '../../../shared/csv';

export const UTF8_BOM = '\ufeff';

/** Lines joined with LF and a final LF. */
export function csvText(lines: readonly (readonly string[])[], bom = false): string {
  const body = lines.map(csvLine).join('\n');
  return `${bom ? UTF8_BOM : ''}${body}\n`;
}

/** "1,234.50" with `decimals` places. */
export function thousands(value: number, decimals: number): string {
  const neg = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = frac !== undefined ? `${grouped}.${frac}` : grouped;
  return neg && Number(fixed) !== 0 ? `-${text}` : text;
}

/** Excel "Accounting"-style money: "$1,788.60 ", negatives in parentheses "($2,183.40)". */
export function money(value: number): string {
  return value < 0 ? `($${thousands(-value, 2)})` : `$${thousands(value, 2)} `;
}

function excelDisplay(cell: Cell, format: ColumnFormat | undefined): string {
  if (cell === null) return '';
  if (isDateCell(cell)) return usDate(cell.date);
  if (typeof cell === 'string') return cell;
  switch (format) {
    case 'int':
      return thousands(cell, 0);
    case 'num1':
      return thousands(cell, 1);
    case 'num2':
      return thousands(cell, 2);
    case 'money':
      return money(cell);
    default:
      return String(cell);
  }
}

/** A sheet saved from Excel as CSV: UTF-8 BOM, display formats (thousands, $, rounding), M/D/YYYY dates. */
export function excelSavedCsv(table: SheetTable): string {
  const lines: string[][] = [];
  for (const pre of table.preRows ?? []) lines.push(table.columns.map((_, i) => excelDisplay(pre[i] ?? null, 'text')));
  lines.push(table.columns.map((c) => c.header ?? ''));
  for (const row of table.rows) lines.push(table.columns.map((c, i) => excelDisplay(row[i] ?? null, c.format)));
  return csvText(lines, true);
}
