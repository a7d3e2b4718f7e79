// .csv reader: papaparse with every value kept as text (typing happens per column in the cleaners, so leading
// zeros survive); the UTF-8 BOM is stripped.
import Papa from 'papaparse';
import type { Cell, RawSheet } from './types';

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Text parsed per chunk of this many characters, so progress can be reported on big files. */
const CHUNK_CHARS = 2 * 1024 * 1024;

export function readCsv(text: string, options: { previewRows?: number; tick?: () => void } = {}): RawSheet {
  const rows: Cell[][] = [];
  const take = (data: string[][]) => {
    for (const r of data) rows.push(r.map((v) => (v === '' ? null : v)));
    options.tick?.();
  };
  const config = { header: false, dynamicTyping: false, skipEmptyLines: false, preview: options.previewRows ?? 0 } as const;
  if (text.length > CHUNK_CHARS && !options.previewRows) {
    // papaparse parses a string chunk by chunk synchronously (carrying partial lines over); its types miss this
    const chunked = { ...config, chunkSize: CHUNK_CHARS, chunk: (r: Papa.ParseResult<string[]>) => take(r.data) };
    Papa.parse<string[]>(stripBom(text), chunked as Papa.ParseConfig<string[]>);
  } else {
    take(Papa.parse<string[]>(stripBom(text), config).data);
  }
  // papaparse reports a trailing newline as one row with a single empty field
  while (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === null) rows.pop();
  return { name: 'csv', rows, errorCells: 0 };
}
