// The outcome of every job that ended (`job_run`), written by the job registry; the newest JOB_RUNS_KEPT are kept.
import type { JobRun } from '../../shared/diagnostics';
import type { JobKind } from '../../shared/jobs';
import type { Db } from './dbHandle';

export const JOB_RUNS_KEPT = 500;

export interface JobRunRecord {
  kind: JobKind;
  startedAt: string;
  durationMs: number;
  outcome: JobRun['outcome'];
  message: string;
  snapshotId: number | null;
}

/** Records one ended job and drops the ones beyond the newest JOB_RUNS_KEPT, in one transaction. */
export function recordJobRun(db: Db, run: JobRunRecord): void {
  db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO job_run (kind, started_at, duration_ms, outcome, message, snapshot_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(run.kind, run.startedAt, Math.max(0, Math.round(run.durationMs)), run.outcome, run.message, run.snapshotId);
    db.prepare('DELETE FROM job_run WHERE id <= ?').run(Number(lastInsertRowid) - JOB_RUNS_KEPT);
  }).immediate();
}

interface JobRunRow {
  id: number;
  kind: JobKind;
  started_at: string;
  duration_ms: number;
  outcome: JobRun['outcome'];
  message: string;
  snapshot_id: number | null;
}

/** Newest first; `kinds` narrows to those kinds, `outcome` to one outcome. */
export function listJobRuns(db: Db, options: { kinds?: readonly JobKind[]; outcome?: JobRun['outcome']; limit?: number } = {}): JobRun[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (options.kinds?.length) {
    where.push(`kind IN (${options.kinds.map(() => '?').join(', ')})`);
    params.push(...options.kinds);
  }
  if (options.outcome) {
    where.push('outcome = ?');
    params.push(options.outcome);
  }
  const rows = db
    .prepare(`SELECT * FROM job_run ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
    .all(...params, options.limit ?? JOB_RUNS_KEPT) as JobRunRow[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    startedAt: r.started_at,
    durationMs: r.duration_ms,
    outcome: r.outcome,
    message: r.message,
    snapshotId: r.snapshot_id,
  }));
}
