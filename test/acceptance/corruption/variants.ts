// Seeded variants of ERP exports for the corruption test: each one a file in its own folder, with what the import
// must do with it. Generated in the test process; imported (and measured) in a child process (runVariants.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Papa from 'papaparse';
import { parseDate, parseNumber } from '../../../src/main/import/cleaners';
import { detect } from '../../../src/main/import/detect';
import { readBook } from '../../../src/main/import/readers';
import { unzipParts, zipParts, type ZipPart } from '../../support/zipParts';

export type Expect = 'refused' | 'complete' | 'either';

export interface Base {
  key: string;
  path: string;
  asOf: string;
}

export interface Variant {
  id: string;
  kind: string;
  what: string;
  /** The clean file whose import a complete import must equal (entity counts). */
  base: string;
  /** Written under this file's name, in a folder of its own. */
  path: string;
  asOf: string;
  expect: Expect;
  /** A reference file (same name, other folder) whose imported content this one's must equal. */
  reference?: string;
  /** Texts that must be stored verbatim. */
  verbatim?: string[];
  /** Dates outside 1990..2100 put into the file: at least that many issues must be reported. */
  badDates?: number;
}

const FORMULAS = ['=HYPERLINK("http://example.invalid","open")', '+1+cmd|calc', '-2+3+cmd', '@SUM(A1:A9)', '=1+1'];
/** A date the importer reads (ISO, M/D/YYYY, …), as opposed to text or a number. */
function isDateText(v: string): boolean {
  const d = parseDate(v);
  return d.ok && d.value !== null;
}

const BAD_DATES = ['9999-12-31', '12/31/9999', '1/1/1899', '2958465', '12/31/2205'];
const JUNK_LINES = ['', ',,,,,,', 'Page 2 of 7', '<html><body>Session expired</body></html>', '#REF!', '\u001a', 'Printed 8/28/2025 6:03 AM by ERP'];

type Rand = () => number;

export class VariantWriter {
  readonly variants: Variant[] = [];
  private n = 0;
  constructor(
    private readonly dir: string,
    readonly rand: Rand,
    private readonly prefix: string,
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)];
  }

  int(n: number): number {
    return Math.floor(this.rand() * n);
  }

  /** Writes `data` as the base's file name in a fresh folder. */
  file(name: string, data: Buffer | string): string {
    const folder = join(this.dir, `${this.prefix}${String(++this.n).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, name);
    writeFileSync(path, data);
    return path;
  }

  add(base: Base, kind: string, what: string, expect: Expect, data: Buffer | string, extra: Partial<Variant> = {}): void {
    const path = this.file(basename(base.path), data);
    this.variants.push({ id: basename(join(path, '..')), kind, what, base: base.key, path, asOf: base.asOf, expect, ...extra });
  }
}

// ---- xlsx ----------------------------------------------------------------------------------------------------

/** The part holding the export's table: the largest worksheet. */
function sheetPart(parts: ZipPart[]): ZipPart {
  return parts.filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p.name)).sort((a, b) => b.data.length - a.data.length)[0];
}

function withSheet(buf: Buffer, change: (xml: string) => string, extra: Partial<ZipPart> = {}): Buffer {
  const parts = unzipParts(buf);
  const sheet = sheetPart(parts);
  return zipParts(parts.map((p) => (p === sheet ? { ...p, data: Buffer.from(change(p.data.toString('utf8'))), ...extra } : p)));
}

const ROW = /<(?:[\w.-]+:)?row\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?row>)/g;

function rowNumber(rowXml: string): number {
  return Number(/\br="(\d+)"/.exec(rowXml)?.[1] ?? 0);
}

/** Keeps the rows `keep` says yes to (by 1-based row number). */
function filterRows(xml: string, keep: (row: number, index: number) => boolean): string {
  let i = 0;
  return xml.replace(ROW, (row) => (keep(rowNumber(row), i++) ? row : ''));
}

/** 1-based header row of a file, as the importer detects it. */
function headerRow(buf: Buffer): number {
  const table = detect(readBook(buf).sheets).table;
  if (!table) throw new Error('base file not detected');
  return table.headerRow;
}

export function xlsxVariants(w: VariantWriter, base: Base, rounds: { flips: number; core: boolean }): void {
  const buf = readFileSync(base.path);
  const header = headerRow(buf);
  for (let i = 0; i < rounds.flips; i++) {
    const out = Buffer.from(buf);
    const n = 1 + w.int(8);
    for (let k = 0; k < n; k++) out[w.int(out.length)] ^= 1 << w.int(8);
    w.add(base, 'bit flips', `${n} random bit flips`, 'either', out);
  }
  // a stored (uncompressed) sheet with one digit changed: only the CRC can tell
  {
    const stored = withSheet(buf, (x) => x, { method: 0 });
    const digits: number[] = [];
    for (let at = stored.indexOf('<v>'); at >= 0 && digits.length < 5000; at = stored.indexOf('<v>', at + 3))
      if (stored[at + 3] >= 0x30 && stored[at + 3] <= 0x39) digits.push(at + 3);
    const at = w.pick(digits);
    const out = Buffer.from(stored);
    out[at] = 0x30 + ((out[at] - 0x30 + 1 + w.int(8)) % 10);
    w.add(base, 'stored flip', `a digit changed in the stored sheet at byte ${at}`, 'refused', out);
  }
  // XML cut short in a part (re-packed with valid CRCs)
  {
    const parts = unzipParts(buf);
    const names = [sheetPart(parts).name, 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml'].filter((n) => parts.some((p) => p.name === n));
    const name = w.pick(names);
    const part = parts.find((p) => p.name === name)!;
    const at = Math.floor(part.data.length * (0.1 + 0.85 * w.rand()));
    const out = zipParts(parts.map((p) => (p === part ? { ...p, data: p.data.subarray(0, at) } : p)));
    w.add(base, 'cut XML', `${name} cut at ${at} of ${part.data.length} bytes`, 'refused', out);
  }
  {
    const xml = sheetPart(unzipParts(buf)).data.toString('utf8');
    const a = Math.floor(xml.length * (0.2 + 0.5 * w.rand()));
    const b = a + 1 + w.int(Math.floor(xml.length * 0.2));
    w.add(
      base,
      'cut XML',
      `sheet XML bytes ${a}..${b} cut out`,
      'either',
      withSheet(buf, (x) => x.slice(0, a) + x.slice(b)),
    );
  }
  // references beyond Excel's limits, and a valid but sparse one
  const lastRow = (xml: string) => Math.max(...[...xml.matchAll(/<(?:[\w.-]+:)?row\b[^>]*?\br="(\d+)"/g)].map((m) => Number(m[1])));
  w.add(
    base,
    'huge reference',
    'the last row numbered 99,999,999',
    'refused',
    withSheet(buf, (x) => {
      const last = lastRow(x);
      return x
        .replace(new RegExp(`(<(?:[\\w.-]+:)?row\\b[^>]*?\\br=")${last}"`), '$199999999"')
        .replace(new RegExp(`\\br="([A-Z]+)${last}"`, 'g'), 'r="$199999999"');
    }),
  );
  w.add(
    base,
    'huge reference',
    'a cell in column XFE',
    'refused',
    withSheet(buf, (x) => {
      const r = lastRow(x) + 1;
      return x.replace(/<\/(?:[\w.-]+:)?sheetData>/, `<row r="${r}"><c r="XFE${r}"><v>1</v></c></row>$&`);
    }),
  );
  w.add(
    base,
    'huge reference',
    'an extra cell in XFD1048576 (sparse, valid)',
    'complete',
    withSheet(buf, (x) => x.replace(/<\/(?:[\w.-]+:)?sheetData>/, '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>$&')),
  );
  // header only, and (core exports) fewer than half the rows
  w.add(
    base,
    'header only',
    `rows below the header (row ${header}) removed`,
    'refused',
    withSheet(buf, (x) => filterRows(x, (r) => r <= header)),
  );
  if (rounds.core) {
    w.add(
      base,
      'thin',
      '60 % of the data rows removed',
      'refused',
      withSheet(buf, (x) => filterRows(x, (r, i) => r <= header || i % 5 < 2)),
    );
  }
}

/** Zip bombs and lying headers around one workbook. */
export function bombVariants(w: VariantWriter, base: Base): void {
  const buf = readFileSync(base.path);
  const parts = unzipParts(buf);
  const sheet = sheetPart(parts);
  const swap = (change: Partial<ZipPart>) => zipParts(parts.map((p) => (p === sheet ? { ...p, ...change } : p)));
  w.add(base, 'zip bomb', 'the sheet declared 3,000 MB', 'refused', swap({ declaredSize: 3_000_000_000 }));
  w.add(
    base,
    'zip bomb',
    'the sheet declared at half its size (inflates beyond it)',
    'refused',
    swap({ declaredSize: Math.floor(sheet.data.length / 2) }),
  );
  const padded = sheet.data.toString('utf8').replace(/<\/(?:[\w.-]+:)?sheetData>/, `${' '.repeat(60 * 1024 * 1024)}$&`);
  w.add(base, 'zip bomb', 'the sheet padded with 60 MB of white space (compresses ~1000:1)', 'refused', swap({ data: Buffer.from(padded) }));
  w.add(
    base,
    'zip bomb',
    'an extra part of 150 MB of zeros',
    'refused',
    zipParts([...parts, { name: 'xl/media/image1.bin', data: Buffer.alloc(150 * 1024 * 1024) }]),
  );
  const copies = Array.from({ length: 40 }, (_, i) => ({
    name: `xl/worksheets/copy${i}.xml`,
    data: Buffer.from(sheet.data.toString('utf8').repeat(Math.ceil((5 * 1024 * 1024) / sheet.data.length))),
  }));
  w.add(base, 'zip bomb', '40 extra parts of 5 MB each (200 MB inflated)', 'refused', zipParts([...parts, ...copies]));
}

// ---- csv -------------------------------------------------------------------------------------------------------

interface CsvTable {
  bom: boolean;
  rows: string[][];
  header: number;
}

function parseCsv(buf: Buffer): CsvTable {
  const text = buf.toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  const rows = Papa.parse<string[]>(bom ? text.slice(1) : text, { skipEmptyLines: false }).data;
  if (rows.length && rows[rows.length - 1].join('') === '') rows.pop();
  return { bom, rows, header: headerRow(buf) - 1 };
}

function unparse(t: CsvTable, rows = t.rows): string {
  return `${t.bom ? '\uFEFF' : ''}${Papa.unparse(rows, { newline: '\n' })}\n`;
}

/** A column of text values (not numbers, not dates), other than the first: where text can be injected. */
function textColumn(t: CsvTable): number | undefined {
  const data = t.rows.slice(t.header + 1);
  const width = t.rows[t.header].length;
  for (let c = 1; c < width; c++) {
    const values = data.map((r) => r[c]).filter((v) => v !== undefined && v.trim() !== '');
    const text = values.filter((v) => !parseNumber(v).ok && !isDateText(v));
    if (values.length >= data.length * 0.8 && text.length === values.length) return c;
  }
  return undefined;
}

function dateColumn(t: CsvTable): number | undefined {
  const data = t.rows.slice(t.header + 1);
  const width = t.rows[t.header].length;
  for (let c = 1; c < width; c++) {
    const dates = data.filter((r) => r[c] && /[/-]/.test(r[c]) && isDateText(r[c]));
    if (dates.length >= data.length * 0.5) return c;
  }
  return undefined;
}

/** Row indexes (into t.rows) of `n` data rows spread over the file. */
function someRows(w: VariantWriter, t: CsvTable, n: number): number[] {
  const first = t.header + 1;
  const picked = new Set<number>();
  while (picked.size < Math.min(n, t.rows.length - first)) picked.add(first + w.int(t.rows.length - first));
  return [...picked].sort((a, b) => a - b);
}

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Windows-1252 bytes of `text` (throws for a character the code page lacks). */
function cp1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      const high = CP1252_HIGH.indexOf(ch);
      if (high < 0) throw new Error(`not in Windows-1252: ${ch}`);
      return 0x80 + high;
    }),
  );
}

export function csvVariants(w: VariantWriter, base: Base, rounds: { junk: number; core: boolean; references: Base[] }): void {
  const buf = readFileSync(base.path);
  const t = parseCsv(buf);
  for (let i = 0; i < rounds.junk; i++) {
    const rows = t.rows.map((r) => [...r]);
    const n = 1 + w.int(4);
    const lines: string[] = [];
    for (let k = 0; k < n; k++) {
      const line = w.pick(JUNK_LINES);
      lines.push(JSON.stringify(line));
      rows.splice(t.header + 1 + w.int(rows.length - t.header), 0, Papa.parse<string[]>(line).data[0] ?? ['']);
    }
    w.add(base, 'junk lines', `${n} junk lines: ${lines.join(' ')}`, 'complete', unparse(t, rows));
  }
  {
    const text = buf.toString('utf8');
    const lines = text.split('\n');
    const at = t.header + 2 + w.int(Math.max(1, lines.length - t.header - 3));
    lines[at] = `"${lines[at]}`;
    w.add(base, 'junk lines', `a stray quote at the start of line ${at + 1}`, 'refused', lines.join('\n'));
  }
  w.add(base, 'header only', 'the header line alone', 'refused', unparse(t, t.rows.slice(0, t.header + 1)));
  if (rounds.core)
    w.add(
      base,
      'thin',
      '60 % of the data rows removed',
      'refused',
      unparse(
        t,
        t.rows.filter((_, i) => i <= t.header || i % 5 < 2),
      ),
    );

  const col = textColumn(t);
  if (col !== undefined) {
    // Windows-1252: the same accented text as a UTF-8 reference file
    const accented = t.rows.map((r) => [...r]);
    for (const i of someRows(w, t, 12)) accented[i][col] = `${accented[i][col]} – Crème ½ “No. 5”`;
    const reference = w.file(basename(base.path), unparse(t, accented));
    rounds.references.push({ key: reference, path: reference, asOf: base.asOf });
    w.add(base, 'encoding', 'Windows-1252 text with accents, dash, curly quotes, ½', 'complete', cp1252(unparse({ ...t, bom: false }, accented)), {
      reference,
    });
    const tail = accented.slice(-3).map((r) => r.map((v, c) => (c === col ? `${v} Crème` : v)));
    const mixed = Buffer.concat([Buffer.from(unparse(t, accented.slice(0, -3)), 'utf8'), cp1252(unparse({ ...t, bom: false }, tail))]);
    w.add(base, 'encoding', 'text mixing UTF-8 and Windows-1252', 'refused', mixed);
    // formula text is data: stored verbatim (the CSV writers neutralise it)
    const formulas = t.rows.map((r) => [...r]);
    const injected: string[] = [];
    for (const [k, i] of someRows(w, t, 4).entries()) {
      // distinct values, so an id column keeps its ids unique
      formulas[i][col] = `${FORMULAS[(k + w.int(FORMULAS.length)) % FORMULAS.length]} ${i}`;
      injected.push(formulas[i][col]);
    }
    w.add(base, 'formula text', `formula text in column ${t.rows[t.header][col]}: ${injected.join(' ')}`, 'complete', unparse(t, formulas), {
      verbatim: injected,
    });
  }
  const bomToggled = t.bom ? buf.subarray(3) : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
  w.add(base, 'encoding', t.bom ? 'UTF-8 BOM removed' : 'UTF-8 BOM added', 'complete', bomToggled, { reference: base.key });
  w.add(
    base,
    'encoding',
    'UTF-16 ("Unicode text")',
    'refused',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(buf.toString('utf8').replace(/^\uFEFF/, ''), 'utf16le')]),
  );

  const dcol = dateColumn(t);
  if (dcol !== undefined) {
    const dated = t.rows.map((r) => [...r]);
    const rows = someRows(w, t, 5);
    for (const [k, i] of rows.entries()) dated[i][dcol] = BAD_DATES[k % BAD_DATES.length];
    w.add(base, 'odd dates', `${rows.length} dates in ${t.rows[t.header][dcol]} outside 1990..2100`, 'complete', unparse(t, dated), {
      badDates: rows.length,
    });
  }
}
