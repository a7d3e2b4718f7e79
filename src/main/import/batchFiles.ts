// The files of an import batch: listing, reading + detection (never throwing for a bad file), and the choice of
// one file per single-source export type when a batch holds several (the others are "superseded"):
// more of the type's columns first, then xlsx/json (typed, lossless) over csv (Excel-saved copies are rounded to
// display precision), then a standalone table over a sheet picked out of a multi-sheet workbook, then more rows.
// Types that keep every file (BOM, ERP reports) only supersede exact copies (same header and rows).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FileReport } from '../../shared/importReport';
import { normId } from './cleaners';
import { detect, type Table } from './detect';
import { normHeader } from './dictionary';
import type { ExportTypeId } from './exportTypes';
import type { MapResult } from './mappers/types';
import {
  openXlsx,
  previewBook,
  previewWorkbook,
  readBook,
  sniffFormat,
  UnreadableFileError,
  type RawBook,
  type SourceFormat,
  type XlsxWorkbook,
} from './readers';

export interface Source {
  /** Files are detected on their first rows and read in full only when used (`completeSource`). */
  pending?: Buffer;
  /** An xlsx file's opened package (shared strings parsed once), while it is pending. */
  workbook?: XlsxWorkbook;
  path: string;
  file: string;
  bytes: number;
  sha256: string;
  format: SourceFormat | null;
  table?: Table;
  /** Sheets in the workbook that held cells (to prefer a standalone table over a workbook's sheet). */
  sheetCount: number;
  /** Windows-1252 when a csv/json file's bytes are not UTF-8 (warned in the report). */
  encoding?: 'utf-8' | 'windows-1252';
  report: FileReport;
  result?: MapResult;
  reportId?: number;
}

/** Files of the batch: folders are expanded (not recursively, hidden files skipped); a missing path stays in the
 * list so it is reported as an unreadable file. */
export function listFiles(input: string[] | string): string[] {
  const out: string[] = [];
  for (const p of typeof input === 'string' ? [input] : input) {
    const abs = resolve(p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) {
      for (const name of readdirSync(abs).sort()) {
        if (name.startsWith('.')) continue;
        const child = join(abs, name);
        if (statSync(child).isFile()) out.push(child);
      }
    } else out.push(abs);
  }
  return [...new Set(out)];
}

function emptyFileReport(path: string, file: string, bytes: number, sha256: string): FileReport {
  return {
    file,
    path,
    bytes,
    sha256,
    format: null,
    status: 'rejected',
    exportType: null,
    exportLabel: null,
    sheet: null,
    headerRow: null,
    reason: null,
    closestType: null,
    missingColumns: [],
    supersededBy: null,
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    rowsSkipped: 0,
    rejections: [],
    dropped: [],
    droppedCount: 0,
    unrecognisedColumns: [],
    ignoredSheets: [],
    notes: [],
  };
}

/** ERP exports are a few MB (10x: tens of MB); anything this big is refused without being read. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** Reads and detects one file; never throws for a bad file (the reason goes into its report). */
export function openSource(path: string, file: string, tick?: () => void): Source {
  let buf: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      const report = emptyFileReport(path, file, size, '');
      report.reason = `file too large for an ERP export (${Math.round(size / 1024 / 1024)} MB); not read`;
      return { path, file, bytes: size, sha256: '', format: null, sheetCount: 0, report };
    }
    buf = readFileSync(path);
    tick?.();
  } catch (err) {
    const report = emptyFileReport(path, file, 0, '');
    report.reason = `cannot read the file: ${(err as Error).message}`;
    return { path, file, bytes: 0, sha256: '', format: null, sheetCount: 0, report };
  }
  const sha256 = createHash('sha256').update(buf).digest('hex');
  tick?.();
  const report = emptyFileReport(path, file, buf.length, sha256);
  const src: Source = { path, file, bytes: buf.length, sha256, format: null, sheetCount: 0, report };
  try {
    const format = sniffFormat(buf);
    src.format = report.format = format;
    // detect on the first rows: a huge junk file is refused without parsing all of it, and only the files in
    // use are read in full later (one big table in memory at a time)
    const workbook = format === 'xlsx' ? openXlsx(buf) : undefined;
    tick?.();
    const book = workbook ? previewWorkbook(workbook, tick) : previewBook(buf, format, tick);
    noteEncoding(src, book.encoding);
    const detection = detect(book.sheets);
    src.sheetCount = book.sheets.filter((s) => s.rows.length > 0).length;
    report.ignoredSheets = detection.ignoredSheets;
    if (!detection.table) {
      unknownShape(report, detection.closest);
      return src;
    }
    const t = detection.table;
    src.table = t;
    if (format !== 'json') src.pending = buf;
    src.workbook = workbook;
    report.exportType = t.type.id;
    report.exportLabel = t.type.label;
    report.sheet = book.format === 'xlsx' ? t.sheet : null;
    report.headerRow = t.headerRow;
    report.unrecognisedColumns = t.unrecognised;
    report.status = 'imported';
  } catch (err) {
    report.reason = err instanceof UnreadableFileError ? err.message : `unreadable: ${(err as Error).message}`;
  }
  return src;
}

/** Reads a file detected on its preview in full; the table must be the one the preview found. */
export function completeSource(src: Source, tick?: () => void): void {
  if (!src.pending) return;
  const buf = src.pending;
  const workbook = src.workbook;
  src.pending = undefined;
  src.workbook = undefined;
  try {
    const book: RawBook = workbook ? { format: 'xlsx', sheets: workbook.read({ sheet: src.table!.sheet, tick }) } : readBook(buf, src.format!, tick);
    noteEncoding(src, book.encoding);
    const detection = detect(book.sheets, [src.table!.type]);
    if (!detection.table || detection.table.headerRow !== src.table!.headerRow) {
      src.report.status = 'rejected';
      src.report.reason = 'the header found in the first rows is not the header of the whole file';
      return;
    }
    src.table = detection.table;
  } catch (err) {
    src.report.status = 'rejected';
    src.report.reason = err instanceof UnreadableFileError ? err.message : `unreadable: ${(err as Error).message}`;
  }
}

/** The first sign of Windows-1252 (the preview, or the full read past the first 64 KB) is noted once. */
function noteEncoding(src: Source, encoding: Source['encoding']): void {
  if (encoding !== 'windows-1252' || src.encoding === encoding) return;
  src.encoding = encoding;
  src.report.notes.push('read as Windows-1252: the file is not UTF-8 (Excel "CSV" on Windows); accented letters and symbols were converted');
}

function unknownShape(report: FileReport, closest: { type: { id: string; label: string }; missing: string[] } | undefined): void {
  report.status = 'rejected';
  if (closest) {
    report.closestType = closest.type.id;
    report.missingColumns = closest.missing;
    report.reason = `unknown export: closest is ${closest.type.label}, missing column(s) ${closest.missing.join(', ')}`;
  } else {
    report.reason = 'unknown export: no header row of a known ERP export in the first 30 rows';
  }
}

const FORMAT_RANK: Record<SourceFormat, number> = { xlsx: 2, json: 2, csv: 1 };

function preference(s: Source): number[] {
  const t = s.table!;
  return [t.columns.size + t.buckets.length, FORMAT_RANK[s.format!], s.sheetCount <= 1 ? 1 : 0, t.rows.length];
}

export function pickPrimaries(sources: Source[]): void {
  const byType = new Map<ExportTypeId, Source[]>();
  for (const s of sources) {
    if (s.report.status !== 'imported') continue;
    const id = s.table!.type.id;
    byType.set(id, [...(byType.get(id) ?? []), s]);
  }
  for (const all of byType.values()) {
    if (all.length < 2) continue;
    // 'all' types keep every distinct file; only copies of the same content (the .csv of an .xlsx) compete
    const copies = all[0].table!.type.multiple === 'all';
    for (const group of copies ? groupCopies(all) : [all]) supersede(group, copies);
  }
}

/** Files of one type with the same header and the same row keys in the same order: copies of one export. */
function groupCopies(sources: Source[]): Source[][] {
  const groups = new Map<string, Source[]>();
  for (const s of sources) {
    completeSource(s);
    if (s.report.status !== 'imported') continue;
    const t = s.table!;
    const keyCol = Math.min(...t.columns.values());
    const signature = [
      t.headers
        .map((h) => normHeader(h))
        .filter(Boolean)
        .join('|'),
      t.rows.map((r) => normId(r.cells[keyCol] ?? null) ?? '').join('|'),
    ].join('\n');
    const key = createHash('sha256').update(signature).digest('hex');
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()];
}

function supersede(group: Source[], copies: boolean): void {
  if (group.length < 2) return;
  const ranked = [...group].sort((a, b) => {
    const pa = preference(a);
    const pb = preference(b);
    for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return pb[i] - pa[i];
    return a.path.localeCompare(b.path);
  });
  const used = ranked[0];
  for (const s of ranked.slice(1)) {
    s.report.status = 'superseded';
    s.report.supersededBy = used.file;
    s.report.rowsRead = s.pending ? 0 : s.table!.rows.length + s.table!.absentRows;
    s.report.reason = copies
      ? `a copy of ${used.file} (same header and rows); ${used.file} is used`
      : `another ${s.table!.type.label} file in the batch is used: ${used.file}`;
    s.pending = undefined;
    s.workbook = undefined;
  }
}
