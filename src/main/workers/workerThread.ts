// The worker-thread side of the job host: runs the one job the host started this thread for and reports its
// progress, its result or its error back (the host's half is jobHost.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { JobKind } from '../../shared/contract';
import { JobCancelled, JobFailed, type JobContext } from './jobContext';
import type { JobRunner, WorkerMessage } from './jobHost';

export function runWorkerThreadJob(run: JobRunner): void {
  const { kind, input, dbPath, now, cancelFlag } = workerData as {
    kind: JobKind;
    input: unknown;
    dbPath: string;
    now: string;
    cancelFlag: Int32Array;
  };
  const post = (msg: WorkerMessage) => parentPort?.postMessage(msg);
  const ctx: JobContext = {
    dbPath,
    now,
    progress: (fraction, message) => post({ type: 'progress', fraction: Math.max(0, Math.min(1, fraction)), message }),
    isCancelled: () => Atomics.load(cancelFlag, 0) === 1,
  };
  run(kind, input, ctx).then(
    (result) => post({ type: 'done', result }),
    (err: Error) =>
      post({
        type: 'error',
        error: err.message ?? String(err),
        cancelled: err instanceof JobCancelled,
        data: err instanceof JobFailed ? err.data : undefined,
      }),
  );
}
