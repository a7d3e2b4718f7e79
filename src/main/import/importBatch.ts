// One import batch, read: a folder or a set of files becomes ONE snapshot's entities and import report. This module
// reads and checks; it writes nothing — services/jobs/importFiles.ts writes the batch in ONE transaction (all or
// nothing). Which files a folder holds is layout.ts's (a history folder is refused here: services/jobs/importFolder.ts
// imports it batch by batch).
//
// Per file: read (sniffing the bytes) -> detect the export type from the header -> map rows to entities through
// the column dictionary and the cleaners. Then, for the batch: pick one file per single-source type (the others
// are "superseded"), settle the as-of date (asOf.ts: the caller's, else the files'; exports of different ERP
// weeks refuse the batch), count and leave out records dated after it (futureRecords.ts) and apply the BOM
// precedence. `previewImport` stops after the as-of date (the Imports page shows it before importing).
//
// Decisions:
// - A REJECTED FILE FAILS THE BATCH (default): unreadable files, unknown shapes and files whose rows are mostly
//   unreadable. Nothing is written, the previous snapshots are untouched, and `ImportFailedError.report` lists
//   every file with the reason. A snapshot silently missing e.g. the knit orders would plan zero demand.
//   `allowRejectedFiles: true` imports the rest anyway (the rejected files stay in the report).
// - Several files of one type (the 8-28 folder has every export as .xlsx AND .csv; the masters have fin1 .csv,
//   .xlsx and the Machine Report workbook): one is used, the others are reported "superseded" (batchFiles.ts).
//   BOM files and ERP reports are all kept (see mappers/bom.ts for the BOM precedence).
// - The content hash covers the bytes of every file: the writer returns the existing snapshot for the same files
//   and as-of date (idempotent re-import).
// - A batch of master/history exports only is a `master` snapshot; `kind: 'demo'` marks generated data.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportReport, PlanningWarning } from '../../shared/importReport';
import { fillThisWeekReceipts, resolveAsOf, type FileFacts } from './asOf';
import { thisWeekFromBuckets } from './buckets';
import { openSource, pickPrimaries, type Source } from './batchFiles';
import type { EntityBatch } from '../../shared/domain/entities';
import type { ExportCategory, ExportTypeId } from './exportTypes';
import { takeFutureRecords } from './futureRecords';
import { importLayout, LayoutError } from './layout';
import { bomPrecedence } from './mappers/bom';
import { mapSource } from './mapSource';
import { applyReply, ParseWorker, readCost } from './parallelRead';
import type { UsedFile } from './thinData';

/** Entity kinds a file of each type carries (recorded even when the file has no rows: an empty export is data). */
const KINDS: Record<ExportTypeId, string[]> = {
  yarn_inventory: ['yarnInventory'],
  yarn_master: ['yarnMaster'],
  suppliers: ['suppliers'],
  bom: ['bomLines'],
  greige_styles: ['greigeStyles'],
  finished_specs: ['fabricSpecs:finished_specs'],
  styles_master: ['fabricSpecs:styles_master'],
  style_bridge: ['styleBridge'],
  knit_orders: ['knitOrders'],
  knit_orders_api: ['knitOrdersApi'],
  sales_orders: ['salesOrders'],
  sales_history: ['salesHistory'],
  yarn_po: ['yarnPos'],
  expected_receipts: ['expectedPos', 'expectedReceipts'],
  rolls_g00: ['fabricRolls:G00'],
  rolls_g02: ['fabricRolls:G02'],
  rolls_i01: ['fabricRolls:I01'],
  rolls_f01: ['fabricRolls:F01'],
  rolls_p01: ['fabricRolls:P01'],
  machines: ['machines'],
  knit_rates: ['knitRates'],
  erp_yarn_demand: ['erpReports', 'erpYarnDemand'],
  erp_style_demand: ['erpReports', 'erpStyleDemand'],
  erp_style_ko_demand: ['erpReports', 'erpStyleDemand'],
};

export interface ImportOptions {
  /** The planner's as-of date: always used; evidence in the files that disagrees is reported as a conflict. */
  asOf?: string;
  /** The snapshot folder of a history layout (its name's date is evidence of the as-of date). */
  folder?: { name: string; date?: string };
  /** Where the batch came from, as recorded with the snapshot (default: the paths given). */
  source?: string;
  label?: string;
  /** 'demo' marks generated data; otherwise the kind follows the files ('master' when only masters). */
  kind?: 'import' | 'demo';
  /** Wall-clock timestamp of the import (snapshot created_at). */
  now: string;
  /** Called at least every 250 ms while the import runs: fraction 0..1, a message, the current file. */
  onProgress?: (fraction: number, message: string, file?: string) => void;
  isCancelled?: () => boolean;
  /** Import the readable files of a batch that has rejected ones (default: the batch fails). */
  allowRejectedFiles?: boolean;
  /** Import a batch with thin data (thinData.ts) the planner has confirmed (default: NEEDS_CONFIRMATION). */
  confirmThinData?: boolean;
}

export type ImportFailureCode =
  'REJECTED_FILES' | 'NEEDS_CONFIRMATION' | 'AS_OF_UNKNOWN' | 'MIXED_WEEKS' | 'LAYOUT' | 'NO_FILES' | 'NOTHING_TO_IMPORT' | 'INTERNAL';

export class ImportFailedError extends Error {
  constructor(
    message: string,
    readonly code: ImportFailureCode,
    readonly report: ImportReport,
  ) {
    super(message);
    this.name = 'ImportFailedError';
  }
}

export class ImportCancelledError extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelledError';
  }
}

function mergeBatch(into: Partial<EntityBatch>, part: Partial<EntityBatch>): void {
  for (const [k, rows] of Object.entries(part) as [keyof EntityBatch, unknown[]][]) {
    const target = (into[k] ?? []) as unknown[];
    for (const r of rows) target.push(r);
    (into as Record<string, unknown[]>)[k] = target;
  }
}

function baseReport(options: ImportOptions, source: string, startedAt: number): ImportReport {
  return {
    status: 'failed',
    snapshotId: null,
    kind: null,
    asOf: null,
    asOfSource: 'none',
    asOfEvidence: [],
    asOfInferred: null,
    asOfConflicts: [],
    futureRecords: [],
    label: options.label ?? '',
    source,
    contentHash: '',
    startedAt: options.now,
    durationMs: Math.round(performance.now() - startedAt),
    errors: [],
    files: [],
    entityCounts: {},
    warnings: [],
  };
}

/** The report of an import refused before (or apart from) reading its files; `startedAt` as `performance.now()`. */
export function refusedImport(
  options: ImportOptions,
  source: string,
  code: ImportFailureCode,
  message: string,
  startedAt = performance.now(),
): ImportFailedError {
  const report = baseReport(options, source, startedAt);
  report.errors.push(message);
  return new ImportFailedError(message, code, report);
}

/** Fails the import with `report` (its errors and duration brought up to date). */
export function failImport(report: ImportReport, startedAt: number, code: ImportFailureCode, message: string): never {
  report.errors.push(message);
  report.durationMs = Math.round(performance.now() - startedAt);
  throw new ImportFailedError(message, code, report);
}

/** The import's progress callback: every call passes, except `tick`s from inside long steps (one per 100 ms). */
export function importProgress(
  options: Pick<ImportOptions, 'onProgress'>,
): (fraction: number, message: string, file?: string, tick?: boolean) => void {
  let lastProgress = -Infinity;
  return (fraction, message, file, tick = false) => {
    const t = performance.now();
    if (tick && t - lastProgress < 100) return;
    lastProgress = t;
    options.onProgress?.(Math.min(1, fraction), message, file);
  };
}

export const sourceText = (input: string[] | string, options: Pick<ImportOptions, 'source'>): string =>
  options.source ?? (typeof input === 'string' ? [input] : input).join('; ');

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

/** The as-of role of an export's files: masters and history say nothing about the ERP run. */
const ROLE: Record<ExportCategory, FileFacts['role']> = { transaction: 'export', reference: 'report', master: 'master', history: 'master' };

/** Export types a preview reads in full: the ones that carry as-of evidence (the reports, the Expected report's
 * dated columns, the knit orders' start dates the KO report's pro-rating is read against). */
const EVIDENCE_TYPES = new Set<ExportTypeId>(['erp_yarn_demand', 'erp_style_demand', 'erp_style_ko_demand', 'expected_receipts', 'knit_orders']);

/**
 * What an import of `input` would do, without writing: every file detected on its first rows, the as-of date and
 * its evidence and conflicts. A batch the import would refuse comes back with status 'failed' and the reason.
 */
export async function previewImport(input: string[] | string, options: ImportOptions): Promise<ImportReport> {
  try {
    return await readBatch(input, options, performance.now(), true);
  } catch (err) {
    if (err instanceof ImportFailedError) return err.report;
    throw err;
  }
}

/** A batch read and checked, ready to be written as one snapshot. */
export interface ReadBatch {
  /** The report so far: files, the as-of date with its evidence and conflicts, future records, kind, content hash. */
  report: ImportReport;
  asOf: string;
  kind: 'import' | 'master' | 'demo';
  source: string;
  batch: Partial<EntityBatch>;
  /** Entity kinds the files in use carry (recorded for the snapshot even when a file has no rows). */
  carriedKinds: string[];
  /** The files in use, for the thin-data check against earlier snapshots. */
  usedFiles: UsedFile[];
  /** For the report's warnings: the as-of warnings and conflicts and the future records. */
  asOfWarnings: PlanningWarning[];
  /** Files read as Windows-1252 (not UTF-8). */
  windows1252Files: string[];
}

/** Reads one batch (`started`: `performance.now()` when the import began); throws `ImportFailedError` to refuse it. */
export function readImportBatch(input: string[] | string, options: ImportOptions, started: number): Promise<ReadBatch> {
  return readBatch(input, options, started, false);
}

/** A preview reads in full only the files that carry as-of evidence, and stops at the as-of date. */
async function readBatch(input: string[] | string, options: ImportOptions, started: number, preview: true): Promise<ImportReport>;
async function readBatch(input: string[] | string, options: ImportOptions, started: number, preview: false): Promise<ReadBatch>;
async function readBatch(input: string[] | string, options: ImportOptions, started: number, preview: boolean): Promise<ReadBatch | ImportReport> {
  const parser: { worker?: ParseWorker } = {};
  try {
    return await readFiles(input, options, started, preview, parser);
  } finally {
    void parser.worker?.close();
  }
}

/** A batch of this many bytes or more is read on two threads when a parse worker can be started. */
const PARALLEL_READ_BYTES = 1 << 20;

async function readFiles(
  input: string[] | string,
  options: ImportOptions,
  started: number,
  preview: boolean,
  parallel: { worker?: ParseWorker },
): Promise<ReadBatch | ImportReport> {
  const source = sourceText(input, options);
  const report = baseReport(options, source, started);
  const fail = (code: ImportFailureCode, message: string): never => failImport(report, started, code, message);
  let paths: string[];
  try {
    const layout = importLayout(input);
    if (layout.kind === 'history')
      fail('LAYOUT', `${source} is a history folder (master/ + snapshots/): it makes one snapshot per snapshot folder; import it as a history`);
    paths = layout.batches[0].files;
  } catch (err) {
    if (err instanceof LayoutError) fail('LAYOUT', err.message);
    throw err;
  }
  // every file start is reported; ticks from inside long steps at most every 100 ms
  const progress = importProgress(options);
  const checkCancelled = () => {
    if (options.isCancelled?.()) throw new ImportCancelledError();
  };
  if (!paths.length) fail('NO_FILES', 'no files to import');

  // 1. read and detect every file
  const sizeOf = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return 0;
    }
  };
  const totalBytes = paths.reduce((s, p) => s + sizeOf(p), 0) || 1;
  // started now, the worker loads its modules while the files are opened
  if (!preview && totalBytes >= PARALLEL_READ_BYTES) parallel.worker = ParseWorker.start();
  const parser = parallel.worker;
  let doneBytes = 0;
  const names = new Map<string, number>();
  const sources: Source[] = [];
  for (const path of paths) {
    checkCancelled();
    let file = basename(path);
    const seen = names.get(file) ?? 0;
    names.set(file, seen + 1);
    if (seen) file = `${file} (${seen + 1})`;
    const at = (0.55 * doneBytes) / totalBytes;
    progress(at, `reading ${file}`, file);
    sources.push(openSource(path, file, () => progress(at, `reading ${file}`, file, true)));
    doneBytes += sources[sources.length - 1].bytes;
    await yieldToEventLoop();
  }
  pickPrimaries(sources);

  // 2. map the rows of the files in use; the larger ones are shared with the parse worker when there is one
  let reportId = 0;
  const toMap = sources.filter((s) => s.report.status === 'imported' && !(preview && !EVIDENCE_TYPES.has(s.table!.type.id)));
  for (const s of toMap) if (s.table!.type.category === 'reference') s.reportId = ++reportId;
  const progressAt = (s: Source) => 0.55 + (0.2 * sources.indexOf(s)) / sources.length;
  if (parser) parser.onTick = (file) => progress(progressAt(sources.find((s) => s.file === file)!), `reading rows of ${file}`, file, true);
  const mapHere = (s: Source) => {
    const at = progressAt(s);
    progress(at, `reading rows of ${s.file}`, s.file);
    mapSource(
      s,
      (f) => progress(at + (0.2 / sources.length) * f, `reading rows of ${s.file}`, s.file, true),
      () => progress(at, `reading rows of ${s.file}`, s.file, true),
    );
  };
  // With a worker, the files are taken costliest first by whichever thread is free (the worker keeps two in hand and
  // reads its files again itself); a file the worker could not read is read here. Without one, in batch order.
  const queue = parser ? [...toMap].sort((a, b) => readCost(b) - readCost(a)) : [...toMap];
  const fromWorker: Promise<void>[] = [];
  let inWorker = 0;
  const feedWorker = () => {
    while (parser && inWorker < 2 && queue.length) {
      const s = queue.shift()!;
      inWorker++;
      const done = parser.read(s).then(
        (reply) => applyReply(s, reply),
        () => mapHere(s),
      );
      fromWorker.push(
        done.finally(() => {
          inWorker--;
          feedWorker();
        }),
      );
    }
  };
  feedWorker();
  for (let s = queue.shift(); s; s = queue.shift()) {
    checkCancelled();
    mapHere(s);
    await yieldToEventLoop();
  }
  await Promise.all(fromWorker);
  checkCancelled();
  report.files = sources.map((s) => s.report);
  const rejected = sources.filter((s) => s.report.status === 'rejected');
  if (rejected.length && !options.allowRejectedFiles) {
    fail(
      'REJECTED_FILES',
      `${rejected.length} file(s) rejected, nothing imported: ${rejected.map((s) => `${s.file} (${s.report.reason})`).join('; ')}`,
    );
  }
  const used = sources.filter((s) => s.report.status === 'imported' && (s.result || preview));
  if (!used.length) fail('NOTHING_TO_IMPORT', 'no readable ERP export in the batch');

  // 3. as-of date, report weeks, BOM precedence. A superseded file is evidence too (its name, an Expected report's
  // dated columns): a copy from another ERP week must not slip into a batch unseen.
  const superseded = sources.filter((s) => s.report.status === 'superseded');
  const facts: FileFacts[] = [
    ...used.map((s) => ({
      fileName: s.file,
      role: ROLE[s.table!.type.category],
      reportId: s.reportId,
      report: s.result?.report,
      batch: s.result?.batch ?? {},
      expectedThisWeek: s.result?.expectedThisWeek,
    })),
    ...superseded.map((s) => ({
      fileName: s.file,
      role: ROLE[s.table!.type.category],
      batch: {},
      expectedThisWeek: s.table!.type.id === 'expected_receipts' ? thisWeekFromBuckets(s.table!.buckets.map((b) => b.parsed.bucket)) : undefined,
    })),
  ];
  progress(0.75, 'finding the as-of date');
  const folderDate = options.folder?.date;
  const asOf = resolveAsOf(facts, { callerAsOf: options.asOf, folder: folderDate ? { name: options.folder!.name, date: folderDate } : undefined });
  report.asOfEvidence = asOf.evidence;
  report.asOfSource = asOf.source;
  report.asOfInferred = asOf.inferred ?? null;
  report.asOfConflicts = asOf.conflicts;
  if (asOf.mixedWeeks) fail('MIXED_WEEKS', `nothing imported: ${asOf.mixedWeeks}`);
  if (!asOf.asOf) {
    fail('AS_OF_UNKNOWN', 'the files do not carry their as-of date (no ERP report with dated weeks) and none was given: pass the as-of date');
  }
  const asOfDate = asOf.asOf!;
  report.asOf = asOfDate;
  if (preview) {
    report.status = 'preview';
    report.durationMs = Math.round(performance.now() - started);
    return report;
  }
  const apiOrdersPlanned = !used.some((s) => s.table!.type.id === 'knit_orders');
  report.futureRecords = takeFutureRecords(
    used.map((s) => ({ fileName: s.file, batch: s.result!.batch })),
    asOfDate,
    apiOrdersPlanned,
  );
  progress(0.77, 'merging the files');
  const batch: Partial<EntityBatch> = {};
  for (const s of used) mergeBatch(batch, s.result!.batch);
  batch.erpReports = asOf.reports;
  fillThisWeekReceipts(batch, asOfDate);
  const bomFiles = used.filter((s) => s.table!.type.id === 'bom').map((s) => ({ fileName: s.file, lines: s.result!.batch.bomLines ?? [] }));
  if (bomFiles.length > 1) {
    const koStyles = new Set((batch.knitOrders ?? []).map((k) => k.style));
    const reportStyles = new Set((batch.erpStyleDemand ?? []).map((r) => r.style));
    const { lines, order } = bomPrecedence(bomFiles, koStyles, reportStyles);
    batch.bomLines = lines;
    for (const [i, fileName] of order.entries()) {
      const report = sources.find((s) => s.file === fileName)!.report;
      const styles = new Set(lines.filter((l) => l.sourceFile === fileName).map((l) => l.style)).size;
      report.notes.push(
        i === 0
          ? `BOM precedence: first of ${order.length} BOM files (covers the most knit-order styles); ${styles} styles taken from it`
          : `BOM precedence: used only for the ${styles} styles the files before it lack`,
      );
    }
  }

  const categories = new Set(used.map((s) => s.table!.type.category));
  const kind = options.kind === 'demo' ? 'demo' : [...categories].every((c) => c === 'master' || c === 'history') ? 'master' : 'import';
  report.kind = kind;
  report.contentHash = createHash('sha256')
    .update(
      sources
        .map((s) => s.sha256)
        .sort()
        .join('\n'),
    )
    .digest('hex');
  return {
    report,
    asOf: asOfDate,
    kind,
    source,
    batch,
    carriedKinds: [...new Set(used.flatMap((s) => KINDS[s.table!.type.id]))],
    usedFiles: used.map((s) => ({ file: s.file, type: s.table!.type, rowsAccepted: s.report.rowsAccepted, batch: s.result!.batch })),
    asOfWarnings: [
      ...[...asOf.warnings, ...asOf.conflicts].map((message): PlanningWarning => ({
        code: 'as_of',
        severity: 'warning',
        message,
        count: 1,
        examples: [],
      })),
      ...report.futureRecords.map((f): PlanningWarning => ({
        code: 'future_records',
        severity: 'warning',
        message: f.message,
        count: f.count,
        examples: [],
      })),
    ],
    windows1252Files: used.filter((s) => s.encoding === 'windows-1252').map((s) => s.file),
  };
}
