// .xlsx reader: unzips the package and scans the sheet XML directly. Reads every cell that is present (the ERP
// writes a wrong <dimension>, so it is ignored), shared and inline strings incl. rich text verbatim, the cached
// result of formulas, booleans, and numbers; numbers in a date/time format become UTC `Date`s (the same values as
// exceljs, which is ~3x slower here and was the budget's bottleneck; test/unit/import/xlsxReader.test.ts checks
// the two agree cell by cell on the real exports).
//
// A damaged workbook is refused, never half-read: every zip entry passes its CRC-32 check (zip.ts), every part that
// is parsed must end with its root element (a part cut short), and the sheet scan refuses what Excel itself would
// not write: a cell left open, a cell outside its row, rows or cells out of order, references beyond Excel's limits,
// a number cell that is not a number, a shared string that does not exist. Rows missing between two rows stay
// holes in `rows` (no allocation per empty row), so memory follows the cells present, not their references.
import { readZip, type ZipEntry } from './zip';
import { UnreadableFileError, type Cell, type RawSheet } from './types';

/** Excel's limits: rows 1..1,048,576 and columns A..XFD. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Row x column slots the rows of one sheet may span (bounds the work per row, e.g. the blank-row check). */
const MAX_SLOTS = 32 * 1024 * 1024;
/** Cells of merged ranges filled with their top-left value, per sheet (real exports merge a few header cells). */
const MAX_MERGED_CELLS = 1_000_000;

const XML_ENTITY = /&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g;
const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function decodeXml(s: string): string {
  let out = s;
  if (out.includes('&')) {
    out = out.replace(XML_ENTITY, (_, e: string) => {
      switch (e) {
        case 'amp':
          return '&';
        case 'lt':
          return '<';
        case 'gt':
          return '>';
        case 'quot':
          return '"';
        case 'apos':
          return "'";
        default:
          return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      }
    });
  }
  if (out.includes('_x')) out = out.replace(EXCEL_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

const attrPatterns = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? (m[2] ?? m[3]) : undefined;
}

/** Text of all <t> runs, skipping phonetic runs (<rPh>). */
function runText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '') : xml;
  let s = '';
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) s += m[1];
  return decodeXml(s);
}

function sharedStrings(xml: string): string[] {
  const part = 'xl/sharedStrings.xml';
  requireComplete(xml, 'sst', part);
  const out: string[] = [];
  const re = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] ? runText(m[1]) : '');
  const root = /<(?:[\w.-]+:)?sst\b([^>]*)>/.exec(xml);
  const declared = root ? attr(root[1], 'uniqueCount') : undefined;
  if (declared !== undefined && Number(declared) !== out.length) {
    throw new UnreadableFileError(`${part} holds ${out.length} strings, not the ${declared} it declares (part of it is missing)`);
  }
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

function isDateFormatCode(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  return /[dmyhs]/i.test(stripped) && !/^general$/i.test(stripped.trim());
}

/** For each cellXfs index: does it format numbers as a date/time? */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const fmtRe = /<(?:[\w.-]+:)?numFmt\b([^>]*)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = fmtRe.exec(xml))) {
    const id = attr(m[1], 'numFmtId');
    const code = attr(m[1], 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(Number(id), decodeXml(code));
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (!xfs) return [];
  const out: boolean[] = [];
  const xfRe = /<(?:[\w.-]+:)?xf\b([^>]*?)\/?>/g;
  while ((m = xfRe.exec(xfs[1]))) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}

function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86_400_000));
}

function columnIndex(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length && i < 4; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  return col - 1;
}

const CELL_REF = /^([A-Z]{1,3})([1-9][0-9]{0,11})$/;

/** A cell reference as 0-based [row, column], refused when malformed or beyond Excel's last row or column. */
function cellPosition(sheet: string, ref: string): [number, number] {
  const m = CELL_REF.exec(ref);
  if (!m) throw new UnreadableFileError(`sheet ${sheet}: malformed cell reference "${ref.slice(0, 40)}"`);
  const col = columnIndex(m[1]);
  const row = Number(m[2]);
  if (col >= MAX_COLUMNS) throw new UnreadableFileError(`sheet ${sheet}: cell ${ref} is beyond Excel's last column XFD`);
  if (row > MAX_ROWS) throw new UnreadableFileError(`sheet ${sheet}: cell ${ref} is in row ${row}, beyond Excel's last row ${MAX_ROWS}`);
  return [row - 1, col];
}

/** A part cut short (a truncated file re-packed, a writer that died) lacks the closing tag of its root element. */
function requireComplete(xml: string, root: string, part: string): void {
  const tail = xml.slice(-200).trimEnd();
  if (!new RegExp(`</(?:[\\w.-]+:)?${root}>$`).test(tail)) {
    throw new UnreadableFileError(`${part} ends early: no closing </${root}> (the part is cut short)`);
  }
}

function malformed(sheet: string, what: string): UnreadableFileError {
  return new UnreadableFileError(`sheet ${sheet}: malformed XML, ${what}`);
}

/** Like Excel's own view (and exceljs), every cell of a merged range shows the top-left value: merged headers. */
function fillMergedCells(name: string, xml: string, rows: Cell[][]): void {
  const re = /<(?:[\w.-]+:)?mergeCell\b[^>]*?ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
  re.lastIndex = Math.max(0, xml.lastIndexOf('sheetData>'));
  let m: RegExpExecArray | null;
  let filled = 0;
  while ((m = re.exec(xml))) {
    const c0 = columnIndex(m[1]);
    const r0 = Number(m[2]) - 1;
    const c1 = columnIndex(m[3]);
    const r1 = Number(m[4]) - 1;
    const value = rows[r0]?.[c0];
    if (value === undefined || value === null || (r1 - r0 + 1) * (c1 - c0 + 1) > 10_000) continue;
    filled += (r1 - r0 + 1) * (c1 - c0 + 1);
    if (filled > MAX_MERGED_CELLS) throw new UnreadableFileError(`sheet ${name}: more than ${MAX_MERGED_CELLS} merged cells, not an export`);
    for (let r = r0; r <= r1; r++) {
      const row = (rows[r] ??= []);
      for (let c = c0; c <= c1; c++) if (row[c] === undefined || row[c] === null) row[c] = value;
    }
  }
}

const TAG = /<(?:([\w.-]+):)?(row|c)\b([^<>]*?)(\/?)>/g;
/** What may stand between a cell or row and the next one: white space, and a row's end tag. */
const GAP = /^\s*(?:<\/(?:[\w.-]+:)?row>\s*)?$/;
const CELL_ATTR = /(?:^|\s)(?:[\w.-]+:)?(r|s|t)=(?:"([^"]*)"|'([^']*)')/g;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;

/**
 * A copy of text cut out of the sheet XML: V8 keeps a long substring as a view on its parent, so one kept cell value
 * would keep the whole sheet's XML (up to MAX_INFLATED_BYTES) alive after the read.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** Cells between two calls of the progress tick while a big sheet is scanned. */
const TICK_CELLS = 25_000;

function parseSheet(
  name: string,
  xml: string,
  strings: string[],
  isDate: boolean[],
  date1904: boolean,
  tick?: () => void,
  maxRows = Infinity,
  /** The XML after the rows (merged cells), when `xml` is only the first rows of the sheet (a preview). */
  tail = xml,
): RawSheet {
  const whole = tail === xml;
  if (whole) requireComplete(xml, 'worksheet', `sheet ${name}`);
  const rows: Cell[][] = [];
  let errorCells = 0;
  let cells = 0;
  let slots = 0;
  /** 0-based number of the current <row> (-1 before the first), the row before it, and whether it carried r="…". */
  let row = -1;
  let previousRow = -1;
  let numbered = false;
  let lastCol = -1;
  let width = 0;
  /** Where the previous row tag or cell ended (-1 before the first row): only white space and </row> may follow. */
  let after = -1;
  const checkGap = (at: number) => {
    if (after >= 0 && at !== after && !GAP.test(xml.slice(after, at))) {
      throw malformed(name, `unexpected text after row ${row + 1}, column ${lastCol + 1}: "${xml.slice(after, Math.min(at, after + 40))}"`);
    }
  };
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null = TAG.exec(xml);
  while (m) {
    const [, prefix, tag, attrs, selfClosing] = m;
    checkGap(m.index);
    after = TAG.lastIndex;
    if (tag === 'row') {
      const r = attr(attrs, 'r');
      let next = row + 1;
      if (r !== undefined) {
        if (!/^[1-9][0-9]{0,11}$/.test(r)) throw malformed(name, `row number "${r.slice(0, 20)}"`);
        next = Number(r) - 1;
        if (next >= MAX_ROWS) throw new UnreadableFileError(`sheet ${name}: row ${r} is beyond Excel's last row ${MAX_ROWS}`);
      }
      if (next <= row) throw malformed(name, `row ${next + 1} comes after row ${row + 1}`);
      previousRow = row;
      row = next;
      numbered = r !== undefined;
      lastCol = -1;
      width = 0;
      if (row >= maxRows) break;
      m = TAG.exec(xml);
      continue;
    }
    if (tick && ++cells % TICK_CELLS === 0) tick();
    let ref: string | undefined;
    let type = 'n';
    let style: string | undefined;
    CELL_ATTR.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = CELL_ATTR.exec(attrs))) {
      const v = a[2] ?? a[3];
      if (a[1] === 'r') ref = v;
      else if (a[1] === 't') type = v;
      else style = v;
    }
    if (row < 0) throw malformed(name, `cell ${ref ?? ''} outside any row`);
    let col = lastCol + 1;
    if (ref !== undefined) {
      const [r, c] = cellPosition(name, ref);
      if (r !== row) {
        // a <row> without r="…" takes its number from its first cell
        if (numbered || lastCol >= 0 || r <= previousRow) throw malformed(name, `cell ${ref} inside row ${row + 1}`);
        row = r;
        if (row >= maxRows) break;
      }
      col = c;
    } else if (col >= MAX_COLUMNS) throw new UnreadableFileError(`sheet ${name}: row ${row + 1} has cells beyond Excel's last column XFD`);
    if (col <= lastCol) throw malformed(name, `cell ${ref} of row ${row + 1} comes after column ${lastCol + 1}`);
    lastCol = col;
    if (selfClosing) {
      m = TAG.exec(xml);
      continue;
    }
    const at = ref ?? `${row + 1}:${col + 1}`;
    const close = prefix ? `</${prefix}:c>` : '</c>';
    const start = TAG.lastIndex;
    const end = xml.indexOf(close, start);
    if (end < 0) throw malformed(name, `cell ${at} is never closed`);
    // the next row or cell must begin after this cell's end: a cell left open would swallow it
    const next = TAG.exec(xml);
    if (next && next.index < end) throw malformed(name, `cell ${at} is not closed before the next ${next[2] === 'c' ? 'cell' : 'row'}`);
    after = end + close.length;

    let value: Cell = null;
    if (type === 'inlineStr') {
      const text = runText(xml.slice(start, end));
      value = text === '' ? null : ownCopy(text);
    } else {
      // the cached value: <v>…</v> (fast path), else <v xml:space="preserve">, a namespace prefix…
      let raw: string | undefined;
      const v = xml.indexOf('<v>', start);
      if (v >= 0 && v < end) {
        const vEnd = xml.indexOf('</v>', v);
        if (vEnd < 0 || vEnd > end) throw malformed(name, `the value of cell ${at} is never closed`);
        raw = xml.slice(v + 3, vEnd);
      } else if (end > start) raw = VALUE.exec(xml.slice(start, end))?.[1];
      if (raw !== undefined) {
        switch (type) {
          case 's': {
            const s = strings[Number(raw)];
            if (s === undefined || raw.trim() === '') {
              throw malformed(name, `cell ${at} refers to shared string ${raw.slice(0, 20)}, but the workbook has ${strings.length}`);
            }
            value = s === '' ? null : s;
            break;
          }
          case 'str': {
            const s = decodeXml(raw);
            value = s === '' ? null : ownCopy(s);
            break;
          }
          case 'e':
            errorCells++;
            break;
          case 'b':
            value = raw === '1' || raw === 'true';
            break;
          case 'd': {
            const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
            value = Number.isNaN(d.getTime()) ? decodeXml(raw) : d;
            break;
          }
          default: {
            if (raw.trim() === '') break;
            const n = Number(raw);
            if (Number.isNaN(n)) throw malformed(name, `cell ${at} holds "${raw.slice(0, 40)}", not a number`);
            value = style !== undefined && isDate[Number(style)] ? serialToDate(n, date1904) : n;
          }
        }
      }
    }
    if (value !== null) {
      (rows[row] ??= [])[col] = value;
      if (col >= width) {
        slots += col + 1 - width;
        width = col + 1;
        if (slots > MAX_SLOTS)
          throw new UnreadableFileError(
            `sheet ${name}: its rows span more than ${MAX_SLOTS} cells (row ${row + 1} reaches column ${col + 1}); not an export`,
          );
      }
    }
    m = next;
  }
  if (!m && after >= 0 && whole) {
    const end = /<\/(?:[\w.-]+:)?sheetData>/.exec(xml.slice(after));
    if (!end) throw malformed(name, 'no </sheetData> after the last row');
    checkGap(after + end.index);
  }
  fillMergedCells(name, tail, rows);
  return { name, rows, errorCells };
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

/** A part as text; `root` is the element it must end with (a part that ends early is refused). */
function text(entries: Map<string, ZipEntry>, name: string, root?: string): string | undefined {
  const xml = entries.get(name)?.read().toString('utf8');
  if (xml !== undefined && root) requireComplete(xml, root, name);
  return xml;
}

export interface XlsxWorkbook {
  sheetNames: string[];
  /**
   * The cells of one sheet (by name) or of all sheets. `maxRows` stops each sheet after its first rows (enough to
   * detect the export type); `tick` is called now and then while big sheets are scanned (progress reporting).
   */
  read(options?: { sheet?: string; maxRows?: number; tick?: () => void }): RawSheet[];
}

/** The sheet XML up to the end of its first `rows` rows, and the XML after its rows; the whole text when short. */
function previewText(data: Buffer, rows: number): { head: string; tail: string } {
  let at = 0;
  for (let k = 0; k <= rows; k++) {
    let i = data.indexOf('row>', at);
    // an end tag </row> or </x:row>, not "row>" in text
    while (i > 0 && data[i - 1] !== 0x2f && data[i - 1] !== 0x3a) i = data.indexOf('row>', i + 4);
    if (i < 0) {
      const whole = data.toString('utf8');
      return { head: whole, tail: whole };
    }
    at = i + 4;
  }
  return { head: data.toString('utf8', 0, at), tail: data.toString('utf8', Math.max(at, data.lastIndexOf('sheetData>'))) };
}

/** Opens the package once: shared strings and styles are parsed here, sheets on each `read`. */
export function openXlsx(buf: Buffer): XlsxWorkbook {
  const entries = readZip(buf);
  const workbook = text(entries, 'xl/workbook.xml', 'workbook');
  if (workbook === undefined) throw new UnreadableFileError('zip archive is not an xlsx workbook (no xl/workbook.xml)');
  const rels = text(entries, 'xl/_rels/workbook.xml.rels', 'Relationships') ?? '';
  const targets = new Map<string, string>();
  const relRe = /<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = relRe.exec(rels))) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) targets.set(id, resolveTarget(target));
  }
  const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(workbook);
  const date1904 = pr ? /^(1|true)$/.test(attr(pr[1], 'date1904') ?? '') : false;
  const sst = text(entries, 'xl/sharedStrings.xml');
  const strings = sst ? sharedStrings(sst) : [];
  const isDate = dateStyles(text(entries, 'xl/styles.xml', 'styleSheet'));

  const parts: { name: string; path: string }[] = [];
  const sheetRe = /<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g;
  while ((m = sheetRe.exec(workbook))) {
    const index = parts.length + 1;
    const rid = attr(m[1], 'id');
    parts.push({ name: decodeXml(attr(m[1], 'name') ?? `Sheet${index}`), path: (rid && targets.get(rid)) || `xl/worksheets/sheet${index}.xml` });
  }
  // chart sheets and dangling references carry no cells
  const present = parts.filter((p) => entries.has(p.path));
  if (present.length === 0) throw new UnreadableFileError('xlsx workbook has no readable worksheet');
  // every other part passes its CRC check too (the sheets do on each read): a damaged package is refused whole
  const parsed = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', ...present.map((p) => p.path)]);
  for (const [name, entry] of entries) if (!parsed.has(name)) entry.read();
  return {
    sheetNames: present.map((p) => p.name),
    read({ sheet, maxRows = Infinity, tick } = {}) {
      return present
        .filter((p) => sheet === undefined || p.name === sheet)
        .map((p) => {
          const data = entries.get(p.path)!.read();
          tick?.();
          if (maxRows === Infinity) return parseSheet(p.name, data.toString('utf8'), strings, isDate, date1904, tick);
          // a preview decodes only the first rows (and the merged cells after them), not a sheet of 100 MB
          const { head, tail } = previewText(data, maxRows);
          return parseSheet(p.name, head, strings, isDate, date1904, tick, maxRows, tail);
        });
    },
  };
}

/** Every sheet of an xlsx file (see `openXlsx`). */
export function readXlsx(buf: Buffer, tick?: () => void, maxRows = Infinity): RawSheet[] {
  return openXlsx(buf).read({ tick, maxRows });
}
