// One import batch: a folder or a set of files becomes ONE snapshot, written in ONE transaction (all or nothing).
// Which files a folder holds is layout.ts's (a history folder is refused here: importFolder.ts imports it).
//
// Per file: read (sniffing the bytes) -> detect the export type from the header -> map rows to entities through
// the column dictionary and the cleaners. Then, for the batch: pick one file per single-source type (the others
// are "superseded"), settle the as-of date (asOf.ts: the caller's, else the files'; exports of different ERP
// weeks refuse the batch), count and leave out records dated after it (futureRecords.ts), apply the BOM
// precedence, and write. `previewImport` stops before writing (the Imports page shows it before importing).
//
// Decisions:
// - A REJECTED FILE FAILS THE BATCH (default): unreadable files, unknown shapes and files whose rows are mostly
//   unreadable. Nothing is written, the previous snapshots are untouched, and `ImportFailedError.report` lists
//   every file with the reason. A snapshot silently missing e.g. the knit orders would plan zero demand.
//   `allowRejectedFiles: true` imports the rest anyway (the rejected files stay in the report).
// - Several files of one type (the 8-28 folder has every export as .xlsx AND .csv; the masters have fin1 .csv,
//   .xlsx and the Machine Report workbook): one is used, the others are reported "superseded" (batchFiles.ts).
//   BOM files and ERP reports are all kept (see mappers/bom.ts for the BOM precedence).
// - Idempotent: the content hash covers the bytes of every file; re-importing the same files with the same as-of
//   returns the existing snapshot (`reused: true`) and writes nothing.
// - A batch of master/history exports only is a `master` snapshot; `kind: 'demo'` marks generated data.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileReport, ImportReport, PlanningWarning } from '../../shared/importReport';
import type { Db } from '../store/db';
import { loadPlanningData, writeEntities } from '../store/entities';
import {
  findSnapshotByContent,
  getSnapshotReport,
  insertSnapshot,
  recordSnapshotEntities,
  setSnapshotReport,
} from '../store/snapshots';
import { fillThisWeekReceipts, resolveAsOf, type FileFacts } from './asOf';
import { thisWeekFromBuckets } from './buckets';
import { completeSource, openSource, pickPrimaries, type Source } from './batchFiles';
import type { EntityBatch } from '../../shared/domain/entities';
import type { ExportCategory, ExportTypeId } from './exportTypes';
import { takeFutureRecords } from './futureRecords';
import { importLayout, LayoutError } from './layout';
import { bomPrecedence } from './mappers/bom';
import { MAPPERS } from './mappers';
import { RowReader } from './rowReader';
import { findThinData } from './thinData';
import { planningWarnings } from './warnings';

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

export interface ImportOutcome {
  snapshotId: number;
  /** True when the same files were imported before: the existing snapshot is returned, nothing written. */
  reused: boolean;
  report: ImportReport;
}

export type ImportFailureCode =
  | 'REJECTED_FILES'
  | 'NEEDS_CONFIRMATION'
  | 'AS_OF_UNKNOWN'
  | 'MIXED_WEEKS'
  | 'LAYOUT'
  | 'NO_FILES'
  | 'NOTHING_TO_IMPORT'
  | 'INTERNAL';

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

/** More than half the data rows unreadable: the file is not what it claims to be. */
function mostlyRejected(r: FileReport): boolean {
  return r.rowsRejected > 0 && r.rowsRejected >= r.rowsAccepted;
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

/** The report of an import refused before any file was read. */
export function refusedImport(options: ImportOptions, source: string, code: ImportFailureCode, message: string): ImportFailedError {
  const report = baseReport(options, source, performance.now());
  report.errors.push(message);
  return new ImportFailedError(message, code, report);
}

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

export async function importFiles(db: Db, input: string[] | string, options: ImportOptions): Promise<ImportOutcome> {
  const started = performance.now();
  try {
    return await runImport(db, input, options, started);
  } catch (err) {
    if (err instanceof ImportFailedError || err instanceof ImportCancelledError) throw err;
    // a bug or an environment error (disk, permissions): still a structured failure, nothing was written
    const report = baseReport(options, (typeof input === 'string' ? [input] : input).join('; '), started);
    const message = `import failed unexpectedly, nothing imported: ${(err as Error).message}`;
    report.errors.push(message);
    throw new ImportFailedError(message, 'INTERNAL', report);
  }
}

/** The as-of role of an export's files: masters and history say nothing about the ERP run. */
const ROLE: Record<ExportCategory, FileFacts['role']> = { transaction: 'export', reference: 'report', master: 'master', history: 'master' };

/** One batch of files (see layout.ts: a history folder is refused here; import it with `importFolder`). */
/** Export types a preview reads in full: the ones that carry as-of evidence (the reports, the Expected report's
 * dated columns, the knit orders' start dates the KO report's pro-rating is read against). */
const EVIDENCE_TYPES = new Set<ExportTypeId>(['erp_yarn_demand', 'erp_style_demand', 'erp_style_ko_demand', 'expected_receipts', 'knit_orders']);

/**
 * What an import of `input` would do, without writing: every file detected on its first rows, the as-of date and
 * its evidence and conflicts. A batch the import would refuse comes back with status 'failed' and the reason.
 */
export async function previewImport(input: string[] | string, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  try {
    return (await runImport(undefined, input, options, started)).report;
  } catch (err) {
    if (err instanceof ImportFailedError) return err.report;
    throw err;
  }
}

/** Imports one batch; without a store (`db` undefined) only previews it (see `previewImport`). */
async function runImport(db: Db | undefined, input: string[] | string, options: ImportOptions, started: number): Promise<ImportOutcome> {
  const preview = db === undefined;
  const sourceText = options.source ?? (typeof input === 'string' ? [input] : input).join('; ');
  const report = baseReport(options, sourceText, started);
  const fail = (code: ImportFailureCode, message: string): never => {
    report.errors.push(message);
    report.durationMs = Math.round(performance.now() - started);
    throw new ImportFailedError(message, code, report);
  };
  let paths: string[] = [];
  try {
    const layout = importLayout(input);
    if (layout.kind === 'history') fail('LAYOUT', `${sourceText} is a history folder (master/ + snapshots/): it makes one snapshot per snapshot folder; import it as a history`);
    paths = layout.batches[0].files;
  } catch (err) {
    if (err instanceof LayoutError) fail('LAYOUT', err.message);
    throw err;
  }
  // every file start is reported; ticks from inside long steps at most every 100 ms
  let lastProgress = -Infinity;
  const progress = (fraction: number, message: string, file?: string, tick = false) => {
    const t = performance.now();
    if (tick && t - lastProgress < 100) return;
    lastProgress = t;
    options.onProgress?.(Math.min(1, fraction), message, file);
  };
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

  // 2. map the rows of the files in use
  let reportId = 0;
  for (const [i, s] of sources.entries()) {
    if (s.report.status !== 'imported' || (preview && !EVIDENCE_TYPES.has(s.table!.type.id))) continue;
    checkCancelled();
    const at = 0.55 + (0.2 * i) / sources.length;
    progress(at, `reading rows of ${s.file}`, s.file);
    completeSource(s, () => progress(at, `reading ${s.file}`, s.file, true));
    if (s.report.status !== 'imported') continue;
    const type = s.table!.type;
    if (type.category === 'reference') s.reportId = ++reportId;
    const reader = new RowReader(s.table!, s.file, (f) => progress(at + (0.2 / sources.length) * f, `reading rows of ${s.file}`, s.file, true));
    try {
      s.result = MAPPERS[type.id](reader, {
        fileName: s.file,
        reportId: s.reportId ?? 0,
        tick: () => progress(at, `reading rows of ${s.file}`, s.file, true),
      });
    } catch (err) {
      s.report.status = 'rejected';
      s.report.reason = `cannot read the rows: ${(err as Error).message}`;
      continue;
    }
    s.table!.rows = []; // the raw cells are not needed any more: free them before the next file
    Object.assign(s.report, reader.stats);
    s.report.rejections = reader.rejections.items;
    s.report.dropped = reader.dropped.items;
    s.report.droppedCount = reader.dropped.count;
    s.report.notes.push(...s.result.notes);
    if (mostlyRejected(s.report)) {
      s.report.status = 'rejected';
      s.report.reason = `most rows are unreadable (${s.report.rowsRejected} rejected, ${s.report.rowsAccepted} accepted)`;
      s.result = undefined;
    }
    await yieldToEventLoop();
  }
  report.files = sources.map((s) => s.report);
  const rejected = sources.filter((s) => s.report.status === 'rejected');
  if (rejected.length && !options.allowRejectedFiles) {
    fail('REJECTED_FILES', `${rejected.length} file(s) rejected, nothing imported: ${rejected.map((s) => `${s.file} (${s.report.reason})`).join('; ')}`);
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
    return { snapshotId: 0, reused: false, report };
  }
  const apiOrdersPlanned = !used.some((s) => s.table!.type.id === 'knit_orders');
  report.futureRecords = takeFutureRecords(used.map((s) => ({ fileName: s.file, batch: s.result!.batch })), asOfDate, apiOrdersPlanned);
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
  report.contentHash = createHash('sha256').update(sources.map((s) => s.sha256).sort().join('\n')).digest('hex');
  const asOfWarnings: PlanningWarning[] = [
    ...[...asOf.warnings, ...asOf.conflicts].map((message): PlanningWarning => ({ code: 'as_of', severity: 'warning', message, count: 1, examples: [] })),
    ...report.futureRecords.map((f): PlanningWarning => ({ code: 'future_records', severity: 'warning', message: f.message, count: f.count, examples: [] })),
  ];

  const existing = findSnapshotByContent(db, report.contentHash, asOfDate);
  if (existing !== undefined) {
    const stored = getSnapshotReport(db, existing) as ImportReport | undefined;
    const reused: ImportReport = { ...(stored ?? report), status: 'unchanged', snapshotId: existing, durationMs: Math.round(performance.now() - started) };
    progress(1, `already imported as snapshot ${existing}`);
    return { snapshotId: existing, reused: true, report: reused };
  }

  // 4. what the planner must confirm or know first: thin data, then text read as Windows-1252
  const thin = findThinData(db, used.map((s) => ({ file: s.file, type: s.table!.type, rowsAccepted: s.report.rowsAccepted, batch: s.result!.batch })), asOfDate);
  if (thin.length && !options.confirmThinData) fail('NEEDS_CONFIRMATION', `thin data, needs confirmation: ${thin.join('; ')}. Nothing imported; confirm to import anyway`);
  const notices: PlanningWarning[] = [];
  if (thin.length) notices.push({ code: 'thin_data', severity: 'warning', message: `thin data, confirmed by the planner: ${thin.join('; ')}`, count: thin.length, examples: [] });
  const cp1252 = used.filter((s) => s.encoding === 'windows-1252').map((s) => s.file);
  if (cp1252.length) {
    notices.push({ code: 'encoding', severity: 'warning', message: `${cp1252.join(', ')}: not UTF-8, read as Windows-1252; check accented text`, count: cp1252.length, examples: cp1252 });
  }

  // 5. write: one transaction, all or nothing
  checkCancelled();
  progress(0.8, 'writing the snapshot');
  const write = db.transaction(() => {
    const snapshotId = insertSnapshot(db, {
      asOf: asOfDate,
      label: options.label ?? `${kind === 'master' ? 'Masters' : 'ERP exports'} as of ${asOfDate}`,
      kind,
      source: sourceText,
      contentHash: report.contentHash,
      createdAt: options.now,
    });
    const total = Object.values(batch).reduce((n, rows) => n + (rows?.length ?? 0), 0) || 1;
    let written = 0;
    let current = '';
    const counts = writeEntities(db, snapshotId, batch, (table, done, rows) => {
      if (table !== current) {
        current = table;
        written += rows;
      }
      progress(0.8 + (0.12 * (written - rows + done)) / total, `writing ${table}`, undefined, done > 0);
    });
    const carried: Record<string, number> = {};
    for (const s of used) for (const k of KINDS[s.table!.type.id]) carried[k] = counts[k] ?? 0;
    recordSnapshotEntities(db, snapshotId, carried);
    const fileStmt = db.prepare(
      'INSERT INTO import_file (snapshot_id, file_name, sha256, export_type, rows_read, rows_accepted, rows_rejected) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const f of report.files) {
      fileStmt.run(snapshotId, f.file, f.sha256, f.status === 'imported' ? (f.exportType ?? 'unknown') : `${f.status}:${f.exportType ?? 'unknown'}`, f.rowsRead, f.rowsAccepted, f.rowsRejected);
    }
    progress(0.92, 'checking the planning data');
    report.entityCounts = carried;
    const tick = () => progress(0.94, 'checking the planning data', undefined, true);
    report.warnings = [...notices, ...asOfWarnings, ...planningWarnings(loadPlanningData(db, snapshotId, batch), undefined, tick)];
    progress(0.96, 'saving the import report');
    report.status = 'imported';
    report.snapshotId = snapshotId;
    report.durationMs = Math.round(performance.now() - started);
    setSnapshotReport(db, snapshotId, report);
    return snapshotId;
  });
  let snapshotId: number;
  // The WAL checkpoint of a big batch would otherwise run inside COMMIT; run it after, as its own step.
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    snapshotId = write();
  } catch (err) {
    report.status = 'failed';
    report.snapshotId = null;
    return fail('INTERNAL', `writing the snapshot failed, nothing imported: ${(err as Error).message}`);
  } finally {
    db.pragma(`wal_autocheckpoint = ${Number(autoCheckpoint)}`);
  }
  progress(0.98, 'saving the database file');
  db.pragma('wal_checkpoint(PASSIVE)');
  progress(1, `imported snapshot ${snapshotId} as of ${asOfDate}`);
  return { snapshotId, reused: false, report };
}
