// The import job: one batch of files becomes one snapshot, all or nothing. Runs in a worker thread.
import { openStore } from '../store/db';
import { importFiles, ImportCancelledError, ImportFailedError } from '../import/importBatch';
import { JobCancelled, JobFailed, throttledProgress, type JobContext } from '../workers/jobContext';

export interface ImportJobInput {
  files: string[];
  asOf?: string;
  label?: string;
  kind?: 'import' | 'demo';
  confirmThinData?: boolean;
}

export async function runImportJob(input: ImportJobInput, ctx: JobContext): Promise<{ snapshotId: number; reused: boolean; rejectedFiles: number }> {
  const db = openStore(ctx.dbPath);
  try {
    const progress = throttledProgress(ctx);
    const outcome = await importFiles(db, input.files, {
      asOf: input.asOf,
      label: input.label,
      kind: input.kind,
      now: ctx.now,
      onProgress: (fraction: number, message: string) => progress(fraction, message),
      isCancelled: ctx.isCancelled,
      confirmThinData: input.confirmThinData,
    });
    return { snapshotId: outcome.snapshotId, reused: outcome.reused, rejectedFiles: outcome.report.files.filter((f) => f.status === 'rejected').length };
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
