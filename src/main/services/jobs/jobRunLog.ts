// Records how a job ended (`job_run`): kind, start, duration, outcome and the failure's message. Runs where the job
// ran (worker thread or inline), on its own connection; a failure to record is reported, never the job's failure.
import { resultSnapshotId, type JobKind, type JobResult } from '../../../shared/jobs';
import { openStore } from '../../store/db';
import { recordJobRun } from '../../store/jobRuns';
import { JobCancelled, type JobContext } from '../../workers/jobContext';

/** Runs `job` and records its outcome; returns (or throws) what the job did. */
export async function withJobRunRecord(kind: JobKind, input: unknown, ctx: JobContext, job: () => Promise<JobResult>): Promise<JobResult> {
  // when the job runs, not when it was asked for: a resident worker may have queued it behind another
  const startedAt = new Date().toISOString();
  const startMs = performance.now();
  const inputSnapshot = (input as { snapshotId?: unknown } | null)?.snapshotId;
  const record = (outcome: 'ok' | 'failed' | 'cancelled', message: string, result?: JobResult) => {
    try {
      const db = openStore(ctx.dbPath);
      try {
        const snapshotId = resultSnapshotId(result) ?? (typeof inputSnapshot === 'number' ? inputSnapshot : null);
        recordJobRun(db, { kind, startedAt, durationMs: performance.now() - startMs, outcome, message, snapshotId });
      } finally {
        db.close();
      }
    } catch (err) {
      console.warn(`could not record how the ${kind} job ended: ${(err as Error).message}`);
    }
  };
  try {
    const result = await job();
    record('ok', '', result);
    return result;
  } catch (err) {
    record(err instanceof JobCancelled ? 'cancelled' : 'failed', (err as Error).message ?? String(err));
    throw err;
  }
}
