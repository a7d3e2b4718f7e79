// CSV text: minimal quoting, LF line ends. Used by every CSV the app writes (CLI reports, grid exports, demo files).

export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

type CellValue = string | number | boolean | null | undefined;

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 1e4) / 1e4) : '';
  return String(value);
}

/** Rows of objects as CSV with the given column order (numbers rounded to 4 decimals). */
export function rowsToCsv(rows: readonly Record<string, CellValue>[], columns: readonly string[]): string {
  const lines = [csvLine(columns), ...rows.map((r) => csvLine(columns.map((c) => cellText(r[c]))))];
  return `${lines.join('\n')}\n`;
}
