// One import batch becomes ONE snapshot, written in ONE transaction (all or nothing). import/importBatch.ts reads
// and checks the files and writes nothing; this is where the batch meets the store:
// - the same files with the same as-of date return the existing snapshot (`reused: true`) and write nothing;
// - thin data (import/thinData.ts), measured against the earlier snapshots, needs the planner's confirmation;
// - the write: the snapshot, its entities, the files it came from, the planning warnings and the report.
import type { ImportReport, PlanningWarning } from '../../../shared/importReport';
import type { Db } from '../../store/db';
import { loadPlanningData, writeEntities } from '../../store/entities';
import {
  findSnapshotByContent,
  getSnapshotReport,
  insertSnapshot,
  latestImportedCount,
  recordImportFiles,
  recordSnapshotEntities,
  setSnapshotReport,
} from '../../store/snapshots';
import {
  failImport,
  ImportCancelledError,
  ImportFailedError,
  importProgress,
  readImportBatch,
  refusedImport,
  sourceText,
  type ImportOptions,
} from '../../import/importBatch';
import { findThinData } from '../../import/thinData';
import { planningWarnings } from '../../import/warnings';
import { rememberPlanningData } from './planContextCache';

export interface ImportOutcome {
  snapshotId: number;
  /** True when the same files were imported before: the existing snapshot is returned, nothing written. */
  reused: boolean;
  report: ImportReport;
}

export async function importFiles(db: Db, input: string[] | string, options: ImportOptions): Promise<ImportOutcome> {
  const started = performance.now();
  try {
    return await importBatch(db, input, options, started);
  } catch (err) {
    if (err instanceof ImportFailedError || err instanceof ImportCancelledError) throw err;
    // a bug or an environment error (disk, permissions): still a structured failure, nothing was written
    throw refusedImport(
      options,
      sourceText(input, options),
      'INTERNAL',
      `import failed unexpectedly, nothing imported: ${(err as Error).message}`,
      started,
    );
  }
}

async function importBatch(db: Db, input: string[] | string, options: ImportOptions, started: number): Promise<ImportOutcome> {
  const read = await readImportBatch(input, options, started);
  const { report, batch, asOf, kind } = read;
  const fail = (code: Parameters<typeof failImport>[2], message: string): never => failImport(report, started, code, message);
  const progress = importProgress(options);

  const existing = findSnapshotByContent(db, report.contentHash, asOf);
  if (existing !== undefined) {
    const stored = getSnapshotReport(db, existing);
    const reused: ImportReport = {
      ...(stored ?? report),
      status: 'unchanged',
      snapshotId: existing,
      durationMs: Math.round(performance.now() - started),
    };
    progress(1, `already imported as snapshot ${existing}`);
    return { snapshotId: existing, reused: true, report: reused };
  }

  // what the planner must confirm or know first: thin data, then text read as Windows-1252
  const thin = findThinData(read.usedFiles, asOf, (entity, before) => latestImportedCount(db, entity, before));
  if (thin.length && !options.confirmThinData)
    fail('NEEDS_CONFIRMATION', `thin data, needs confirmation: ${thin.join('; ')}. Nothing imported; confirm to import anyway`);
  const notices: PlanningWarning[] = [];
  if (thin.length)
    notices.push({
      code: 'thin_data',
      severity: 'warning',
      message: `thin data, confirmed by the planner: ${thin.join('; ')}`,
      count: thin.length,
      examples: [],
    });
  const cp1252 = read.windows1252Files;
  if (cp1252.length) {
    notices.push({
      code: 'encoding',
      severity: 'warning',
      message: `${cp1252.join(', ')}: not UTF-8, read as Windows-1252; check accented text`,
      count: cp1252.length,
      examples: cp1252,
    });
  }

  // the write: one transaction, all or nothing
  if (options.isCancelled?.()) throw new ImportCancelledError();
  progress(0.8, 'writing the snapshot');
  let planningData: ReturnType<typeof loadPlanningData> | undefined;
  const write = db.transaction(() => {
    const snapshotId = insertSnapshot(db, {
      asOf,
      label: options.label ?? `${kind === 'master' ? 'Masters' : 'ERP exports'} as of ${asOf}`,
      kind,
      source: read.source,
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
    for (const k of read.carriedKinds) carried[k] = counts[k] ?? 0;
    recordSnapshotEntities(db, snapshotId, carried);
    recordImportFiles(db, snapshotId, report.files);
    progress(0.92, 'checking the planning data');
    report.entityCounts = carried;
    const tick = () => progress(0.94, 'checking the planning data', undefined, true);
    // the batch just written is what the plan reads: built from it once, checked here, handed to the plan after the commit
    planningData = loadPlanningData(db, snapshotId, batch);
    report.warnings = [...notices, ...read.asOfWarnings, ...planningWarnings(planningData, undefined, tick)];
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
  if (planningData) rememberPlanningData(db, planningData);
  progress(0.98, 'saving the database file');
  db.pragma('wal_checkpoint(PASSIVE)');
  progress(1, `imported snapshot ${snapshotId} as of ${asOf}`);
  return { snapshotId, reused: false, report };
}
