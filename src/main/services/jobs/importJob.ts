// The import job: the given files and folders become snapshots (layout.ts: one batch, or a history folder batch by
// batch), each all or nothing. Runs in a worker thread.
import type { ImportJobResult } from '../../../shared/jobs';
import { openStore } from '../../store/db';
import { ImportCancelledError, ImportFailedError } from '../../import/importBatch';
import { importFolder } from './importFolder';
import { JobCancelled, JobFailed, throttledProgress, type JobContext } from '../../workers/jobContext';

export type { ImportJobResult };

export interface ImportJobInput {
  paths: string[];
  asOf?: string;
  label?: string;
  kind?: 'import' | 'demo';
  confirmThinData?: boolean;
}

export async function runImportJob(input: ImportJobInput, ctx: JobContext): Promise<ImportJobResult> {
  const db = openStore(ctx.dbPath);
  try {
    const progress = throttledProgress(ctx);
    const outcome = await importFolder(db, input.paths, {
      asOf: input.asOf,
      label: input.label,
      kind: input.kind,
      now: ctx.now,
      onProgress: (fraction: number, message: string) => progress(fraction, message),
      isCancelled: ctx.isCancelled,
      confirmThinData: input.confirmThinData,
    });
    const planned = outcome.imports.find((i) => i.snapshotId === outcome.planSnapshotId) ?? outcome.imports.at(-1)!;
    return {
      snapshotId: planned.snapshotId,
      reused: planned.reused,
      rejectedFiles: outcome.imports.reduce((n, i) => n + i.report.files.filter((f) => f.status === 'rejected').length, 0),
      snapshots: outcome.imports.map((i) => ({
        snapshotId: i.snapshotId,
        asOf: i.report.asOf ?? '',
        kind: i.report.kind ?? 'import',
        reused: i.reused,
        label: i.label,
      })),
      ignored: outcome.ignored,
    };
  } catch (err) {
    if (err instanceof ImportCancelledError) throw new JobCancelled();
    if (err instanceof ImportFailedError) {
      const reasons = err.report.files.filter((f) => f.status === 'rejected').map((f) => `${f.file}: ${f.reason}`);
      throw new JobFailed(reasons.length ? `${err.message} — ${reasons.join('; ')}` : err.message, { code: err.code, report: err.report });
    }
    throw err;
  } finally {
    db.close();
  }
}
