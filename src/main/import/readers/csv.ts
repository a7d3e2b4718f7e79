// .csv reader: papaparse with every value kept as text (typing happens per column in the cleaners, so leading
// zeros survive); the UTF-8 BOM is stripped. A file cut short or malformed is refused rather than half-read: a quote
// that never closes (papaparse would swallow the rest of the file into one field) or a malformed quoted field (the
// lines around it would be guessed), or a last line with fewer fields than the line before it and no line end.
import Papa from 'papaparse';
import { UnreadableFileError, type Cell, type RawSheet } from './types';

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Text parsed per chunk of this many characters, so progress can be reported on big files. */
const CHUNK_CHARS = 2 * 1024 * 1024;

export function readCsv(text: string, options: { previewRows?: number; tick?: () => void } = {}): RawSheet {
  const rows: Cell[][] = [];
  const take = (data: string[][], errors: Papa.ParseError[]) => {
    const quote = options.previewRows ? undefined : errors.find((e) => e.type === 'Quotes');
    if (quote) {
      const line = rows.length + (quote.row ?? 0) + 1;
      throw new UnreadableFileError(
        quote.code === 'MissingQuotes'
          ? `line ${line} opens a quoted field that never closes (the file is cut short or malformed)`
          : `line ${line} has a malformed quoted field (a quote not followed by a comma or a line end)`,
      );
    }
    for (const r of data) rows.push(r.map((v) => (v === '' ? null : v)));
    options.tick?.();
  };
  const config = { header: false, dynamicTyping: false, skipEmptyLines: false, preview: options.previewRows ?? 0 } as const;
  if (text.length > CHUNK_CHARS && !options.previewRows) {
    // papaparse parses a string chunk by chunk synchronously (carrying partial lines over); its types miss this
    const chunked = { ...config, chunkSize: CHUNK_CHARS, chunk: (r: Papa.ParseResult<string[]>) => take(r.data, r.errors) };
    Papa.parse<string[]>(stripBom(text), chunked as Papa.ParseConfig<string[]>);
  } else {
    const r = Papa.parse<string[]>(stripBom(text), config);
    take(r.data, r.errors);
  }
  // papaparse reports a trailing newline as one row with a single empty field
  while (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === null) rows.pop();
  const last = rows.length - 1;
  if (!options.previewRows && last > 0 && !/[\r\n]$/.test(text) && rows[last].length < rows[last - 1].length) {
    throw new UnreadableFileError(
      `the last line (${rows.length}) ends early: ${rows[last].length} of ${rows[last - 1].length} fields and no line end (the file is cut short)`,
    );
  }
  return { name: 'csv', rows, errorCells: 0, fixedWidth: true };
}
