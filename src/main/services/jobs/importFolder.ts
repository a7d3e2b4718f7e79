// Imports what the given paths are (import/layout.ts): one batch, or a history folder batch by batch in date order.
// Each batch is its own snapshot, written all or nothing by `importFiles`.
// The planner's as-of date: for one batch it is the batch's date; in a history every snapshot keeps the date of its
// folder and files, and the planner's date names the snapshot to plan (a date no snapshot has is refused).
import type { Db } from '../../store/db';
import { refusedImport, type ImportOptions } from '../../import/importBatch';
import { importLayout, LayoutError, type ImportLayout } from '../../import/layout';
import { importFiles, type ImportOutcome } from './importFiles';

export interface FolderImport extends ImportOutcome {
  label: string;
}

export interface FolderOutcome {
  kind: ImportLayout['kind'];
  imports: FolderImport[];
  /** The snapshot to plan: the one of the planner's date, else the latest one that is not masters only. */
  planSnapshotId: number | undefined;
  ignored: string[];
}

export async function importFolder(db: Db, paths: string[], options: ImportOptions): Promise<FolderOutcome> {
  const source = paths.join('; ');
  let layout: ImportLayout;
  try {
    layout = importLayout(paths);
  } catch (err) {
    if (err instanceof LayoutError) throw refusedImport(options, source, 'LAYOUT', err.message);
    throw err;
  }
  if (layout.kind === 'batch') {
    const outcome = await importFiles(db, paths, options);
    const planned = outcome.report.kind === 'master' ? undefined : outcome.snapshotId;
    return { kind: 'batch', imports: [{ ...outcome, label: layout.batches[0].label }], planSnapshotId: planned, ignored: [] };
  }

  const dates = layout.batches.map((b) => b.folder?.date);
  if (options.asOf && dates.every(Boolean) && !dates.includes(options.asOf)) {
    throw refusedImport(
      options,
      source,
      'AS_OF_UNKNOWN',
      `no snapshot folder of the history is as of ${options.asOf} (they are ${dates.join(', ')}): nothing imported`,
    );
  }
  const total = layout.batches.reduce((n, b) => n + b.files.length, 0) || 1;
  let done = 0;
  const imports: FolderImport[] = [];
  for (const batch of layout.batches) {
    const start = done / total;
    const share = batch.files.length / total;
    const outcome = await importFiles(db, batch.files, {
      ...options,
      asOf: undefined,
      folder: batch.folder,
      source: `${paths[0]}: ${batch.label}`,
      label: options.label ? `${options.label} (${batch.label})` : undefined,
      onProgress: (f, message, file) => options.onProgress?.(start + share * f, `${batch.label}: ${message}`, file),
    });
    imports.push({ ...outcome, label: batch.label });
    done += batch.files.length;
  }
  const snapshots = imports.filter((i) => i.report.kind !== 'master');
  const chosen = options.asOf ? snapshots.find((i) => i.report.asOf === options.asOf) : snapshots.at(-1);
  if (options.asOf && !chosen) {
    const message = `no snapshot of the history is as of ${options.asOf}; the history was imported as of ${snapshots.map((i) => i.report.asOf).join(', ')}`;
    throw refusedImport(options, source, 'AS_OF_UNKNOWN', message);
  }
  return { kind: 'history', imports, planSnapshotId: chosen?.snapshotId, ignored: layout.ignored };
}
