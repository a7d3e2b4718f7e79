// Worker-thread entry: runs one job and reports progress, its result or its error to the host.
import { parentPort, workerData } from 'node:worker_threads';
import { JobCancelled, JobFailed, type JobContext } from './workers/jobContext';
import { runJob } from './services/jobs/registry';
import type { WorkerMessage } from './workers/jobHost';

const { kind, input, dbPath, now, cancelFlag } = workerData as {
  kind: Parameters<typeof runJob>[0];
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

runJob(kind, input, ctx).then(
  (result) => post({ type: 'done', result }),
  (err: Error) =>
    post({ type: 'error', error: err.message ?? String(err), cancelled: err instanceof JobCancelled, data: err instanceof JobFailed ? err.data : undefined }),
);
