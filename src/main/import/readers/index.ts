// Opens any export by sniffing its bytes (never its name): zip -> xlsx, `[`/`{` -> JSON (QuadS lists are JSON
// saved as .csv), other text -> csv (UTF-8, or Windows-1252 marked on the book: text.ts). Binary garbage, empty
// files and legacy .xls are refused with a reason.
import { readCsv } from './csv';
import { readJsonRecords } from './json';
import { decodeText } from './text';
import { readXlsx, type XlsxWorkbook } from './xlsx';
import { UnreadableFileError, type RawBook, type SourceFormat } from './types';

export { UnreadableFileError } from './types';
export type { Cell, RawBook, RawSheet, SourceFormat } from './types';
export { openXlsx, type XlsxWorkbook } from './xlsx';

const SNIFF_BYTES = 64 * 1024;
const PREVIEW_ROWS = 40;

export function sniffFormat(buf: Buffer): SourceFormat {
  const start = buf.subarray(0, SNIFF_BYTES);
  if (start.length === 0) throw new UnreadableFileError('empty file');
  if (start.length >= 4 && start.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (start.length >= 8 && start.readUInt32BE(0) === 0xd0cf11e0) {
    throw new UnreadableFileError('legacy .xls (or other OLE) file; save it as .xlsx');
  }
  if (start.length >= 2 && (start.readUInt16LE(0) === 0xfeff || start.readUInt16BE(0) === 0xfeff)) {
    throw new UnreadableFileError('UTF-16 text ("Unicode text"); save it as CSV UTF-8');
  }
  if (start.includes(0)) throw new UnreadableFileError('binary file (contains NUL bytes), not an export');
  const { text } = decodeText(start, start.length < buf.length);
  const first = text.trimStart()[0];
  if (first === undefined) throw new UnreadableFileError('file holds only white space');
  return first === '[' || first === '{' ? 'json' : 'csv';
}

/** The whole file as sheets of raw cells; `tick` is called now and then while a big workbook is read. */
export function readBook(buf: Buffer, format: SourceFormat = sniffFormat(buf), tick?: () => void): RawBook {
  if (format === 'xlsx') return { format, sheets: readXlsx(buf, tick) };
  const { text, encoding } = decodeText(buf);
  tick?.();
  if (format === 'json') return { format, encoding, sheets: [readJsonRecords(text, tick)] };
  return { format, encoding, sheets: [readCsv(text, { tick })] };
}

/**
 * The first rows of every sheet, enough to detect the export type before reading a possibly huge file in full:
 * csv from its first 64 KB, xlsx without building the cells below the preview, JSON in full (it is one value).
 */
export function previewBook(buf: Buffer, format: SourceFormat = sniffFormat(buf), tick?: () => void): RawBook {
  if (format === 'csv') {
    const start = buf.subarray(0, SNIFF_BYTES);
    const { text, encoding } = decodeText(start, start.length < buf.length);
    return { format, encoding, sheets: [readCsv(text, { previewRows: PREVIEW_ROWS })] };
  }
  if (format === 'xlsx') return { format, sheets: readXlsx(buf, tick, PREVIEW_ROWS) };
  return readBook(buf, format, tick);
}

/** The first rows of every sheet of an opened workbook (its shared strings are parsed once for both reads). */
export function previewWorkbook(workbook: XlsxWorkbook, tick?: () => void): RawBook {
  return { format: 'xlsx', sheets: workbook.read({ maxRows: PREVIEW_ROWS, tick }) };
}
