// Export-type detection from the header row, never from the file name. Every row among the first rows of every
// sheet is a header candidate (title rows sit above Yarn_Demand's header; Machine Report's usable sheet is not the
// first); each candidate is scored against every known type:
//   typeCoverage = share of the type's required + optional fields present,
//   fileCoverage = share of the row's non-blank headers the type recognises (week buckets included),
// and the type must have all its required fields. The best (sheet, row, type) wins; ties keep the earlier sheet.
import { fromUtcDate } from '../../shared/dates';
import { parseBucketHeader, type BucketHeader } from './buckets';
import { displayName, fieldOf, normHeader, type Field } from './dictionary';
import { EXPORT_TYPES, type ExportType } from './exportTypes';
import type { Cell, RawSheet } from './readers/types';

const HEADER_SEARCH_ROWS = 30;

export interface BucketColumn {
  col: number;
  header: string;
  parsed: BucketHeader;
}

export interface Table {
  type: ExportType;
  sheet: string;
  /** 1-based row number of the header in the sheet / file. */
  headerRow: number;
  headers: string[];
  columns: Map<Field, number>;
  buckets: BucketColumn[];
  /** Non-blank headers the type does not use (reported, not fatal). */
  unrecognised: string[];
  /** Data rows below the header; `line` is the 1-based row number in the sheet / file. */
  rows: { line: number; cells: Cell[] }[];
  /** Rows below the header absent from the sheet (a sheet may jump from row 2 to row 1,048,576): blank rows. */
  absentRows: number;
  /** csv: the header's number of fields, which every data line must have (junk lines, shifted columns). */
  width?: number;
  /** Rows above the header (title rows carry e.g. week-start dates in the hand-built Yarn_Demand). */
  above: Cell[][];
  score: number;
}

export interface Detection {
  table?: Table;
  /** When nothing matched: the closest type and the columns it misses. */
  closest?: { type: ExportType; missing: string[] };
  ignoredSheets: string[];
}

function headerText(cell: Cell): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return fromUtcDate(cell);
  const s = String(cell).trim();
  return s === '' ? undefined : s;
}

interface Candidate {
  type: ExportType;
  sheetIndex: number;
  row: number;
  score: number;
  columns: Map<Field, number>;
  buckets: BucketColumn[];
  unrecognised: string[];
}

interface Near {
  type: ExportType;
  found: number;
  missing: (Field | Field[])[];
}

interface HeaderCell {
  col: number;
  text: string;
  field: Field | undefined;
  bucket: BucketHeader | undefined;
  norm: string;
}

function headerCells(cells: Cell[]): HeaderCell[] {
  const out: HeaderCell[] = [];
  for (let col = 0; col < cells.length; col++) {
    const text = headerText(cells[col]);
    if (text === undefined) continue;
    out.push({ col, text, field: fieldOf(text), bucket: parseBucketHeader(cells[col]), norm: normHeader(text) });
  }
  return out;
}

const wantedFields = new Map<ExportType, Set<Field>>();

function wantedOf(type: ExportType): Set<Field> {
  let wanted = wantedFields.get(type);
  if (!wanted) {
    wanted = new Set<Field>([...type.required.flat(), ...type.optional]);
    wantedFields.set(type, wanted);
  }
  return wanted;
}

function scoreRow(cells: HeaderCell[], type: ExportType): { candidate?: Omit<Candidate, 'sheetIndex' | 'row'>; near: Near } {
  const columns = new Map<Field, number>();
  const buckets: BucketColumn[] = [];
  const unrecognised: string[] = [];
  let recognised = 0;
  const wanted = wantedOf(type);
  for (const { col, text, field, bucket, norm } of cells) {
    if (field && wanted.has(field)) {
      if (!columns.has(field)) columns.set(field, col);
      recognised++;
      // "This Week" / "Later" / "Unscheduled or Past Due" are fields and also buckets of the time-phased reports
      if (bucket && type.buckets && type.buckets !== 'demandTriples') buckets.push({ col, header: text, parsed: bucket });
      continue;
    }
    if (field && type.forbidden?.includes(field)) return { near: { type, found: 0, missing: [] } };
    if (bucket && type.buckets && (type.buckets === 'demandTriples') === (bucket.measure !== undefined)) {
      buckets.push({ col, header: text, parsed: bucket });
      recognised++;
      continue;
    }
    if (type.ignore?.test(norm)) recognised++;
    else unrecognised.push(text);
  }
  const missing: (Field | Field[])[] = [];
  let found = 0;
  for (const req of type.required) {
    if (Array.isArray(req) ? req.some((f) => columns.has(f)) : columns.has(req)) found++;
    else missing.push(req);
  }
  // a "closest type" needs at least two recognised columns (one could be chance: styles_master's column "2")
  const near = { type, found: columns.size >= 2 ? found + columns.size / 100 : 0, missing };
  if (missing.length || columns.size < 2) return { near };
  const typeCoverage = columns.size / wanted.size;
  const fileCoverage = cells.length ? recognised / cells.length : 0;
  return { candidate: { type, score: typeCoverage + fileCoverage, columns, buckets, unrecognised }, near };
}

export function detect(sheets: RawSheet[], types: ExportType[] = EXPORT_TYPES): Detection {
  let best: Candidate | undefined;
  let nearest: Near | undefined;
  sheets.forEach((sheet, sheetIndex) => {
    const limit = Math.min(HEADER_SEARCH_ROWS, sheet.rows.length);
    for (let row = 0; row < limit; row++) {
      const cells = headerCells(sheet.rows[row] ?? []);
      if (cells.length < 2) continue;
      for (const type of types) {
        const { candidate, near } = scoreRow(cells, type);
        if (!nearest || near.found > nearest.found) nearest = near;
        if (candidate && (!best || candidate.score > best.score + 1e-9)) best = { ...candidate, sheetIndex, row };
      }
    }
  });
  if (!best) {
    return {
      closest:
        nearest && nearest.found > 0
          ? { type: nearest.type, missing: nearest.missing.map((m) => (Array.isArray(m) ? m : [m]).map(displayName).join(' or ')) }
          : undefined,
      ignoredSheets: sheets.map((s) => s.name),
    };
  }
  const sheet = sheets[best.sheetIndex];
  const headerRowCells = sheet.rows[best.row];
  const rows: Table['rows'] = [];
  // present rows only: the gaps of a sparse sheet are counted, not materialised
  sheet.rows.forEach((cells, r) => {
    if (r > best!.row) rows.push({ line: r + 1, cells });
  });
  return {
    table: {
      type: best.type,
      sheet: sheet.name,
      headerRow: best.row + 1,
      headers: headerRowCells.map((c) => headerText(c) ?? ''),
      columns: best.columns,
      buckets: best.buckets,
      unrecognised: best.unrecognised,
      rows,
      absentRows: sheet.rows.length - best.row - 1 - rows.length,
      width: sheet.fixedWidth ? headerRowCells.length : undefined,
      above: Array.from({ length: best.row }, (_, r) => sheet.rows[r] ?? []),
      score: best.score,
    },
    ignoredSheets: sheets.filter((_, i) => i !== best!.sheetIndex && sheets[i].rows.length > 0).map((s) => s.name),
  };
}
