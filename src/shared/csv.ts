// CSV text: minimal quoting, LF line ends. Used by every CSV the app writes (CLI reports, PO drafts, grid exports,
// demo files); every field passes `neutraliseFormula`, so text from the exports can never run as a formula.

/** A number as text (sign, thousands separators, decimals, exponent): a spreadsheet reads it as a number. */
const NUMBER_TEXT = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/**
 * Text a spreadsheet would run as a formula — beginning with `=`, `+`, `-`, `@`, a tab or a carriage return — gets a
 * leading single quote (OWASP's CSV-injection advice); numbers such as -196.5 stay numbers.
 */
export function neutraliseFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text) || (/\d/.test(text) && NUMBER_TEXT.test(text))) return text;
  return `'${text}`;
}

export function csvField(value: string): string {
  const text = neutraliseFormula(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

type CellValue = string | number | boolean | null | undefined;

/** One cell as CSV: numbers rounded to 4 decimals (a number's text needs neither quotes nor neutralising). */
function cellCsv(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 1e4) / 1e4) : '';
  return csvField(String(value));
}

/** Rows of objects as CSV with the given column order (numbers rounded to 4 decimals). */
export function rowsToCsv(rows: readonly Record<string, CellValue>[], columns: readonly string[]): string {
  let out = `${csvLine(columns)}\n`;
  for (const r of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) line += (i ? ',' : '') + cellCsv(r[columns[i]]);
    out += `${line}\n`;
  }
  return out;
}

/** Rows given as arrays in the column order, as `rowsToCsv` writes them (no object per row: large tables). */
export function tuplesToCsv(rows: readonly (readonly CellValue[])[], columns: readonly string[]): string {
  const pieces: string[] = [];
  writeTuplesCsv(rows, columns, (text) => pieces.push(text));
  return pieces.join('');
}

/**
 * `tuplesToCsv` handed to `write` in pieces of about `pieceChars` characters, so a large table is never one string.
 * Text cells of large tables repeat (series, weeks, models): each distinct text is made safe once.
 */
export function writeTuplesCsv(
  rows: readonly (readonly CellValue[])[],
  columns: readonly string[],
  write: (text: string) => void,
  pieceChars = 1 << 20,
): void {
  const safeText = new Map<string, string>();
  const cell = (value: CellValue): string => {
    if (typeof value !== 'string') return cellCsv(value);
    let text = safeText.get(value);
    if (text === undefined) safeText.set(value, (text = csvField(value)));
    return text;
  };
  let out = `${csvLine(columns)}\n`;
  for (const r of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) line += (i ? ',' : '') + cell(r[i]);
    out += `${line}\n`;
    if (out.length >= pieceChars) {
      write(out);
      out = '';
    }
  }
  if (out) write(out);
}
