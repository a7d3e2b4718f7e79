// The worker-thread side of the job host: runs the one job the host started this thread for — or, in a resident
// worker, every job the host sends, one after another — and reports its progress, its result or its error back (the
// host's half is jobHost.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { JobKind } from '../../shared/contract';
import { JobCancelled, JobFailed, throttledProgress, type JobContext } from './jobContext';
import type { JobRunner, WorkerMessage } from './jobHost';

export function runWorkerThreadJob(run: JobRunner, preload?: (kind: JobKind) => Promise<unknown>): void {
  if ((workerData as { resident?: boolean }).resident) return runResident(run, preload);
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
    progress: progressPoster(post),
    isCancelled: () => Atomics.load(cancelFlag, 0) === 1,
  };
  run(kind, input, ctx).then(
    (result) => post({ type: 'done', result }),
    (err: Error) => post(errorMessage(err)),
  );
}

/**
 * A resident worker: loads its kinds' modules while idle, one kind per turn of the event loop in the order given, and
 * runs the jobs it is sent in the order they come — each once its own kind is loaded, not waiting for the others.
 */
function runResident(run: JobRunner, preload?: (kind: JobKind) => Promise<unknown>): void {
  const { kinds, dbPath } = workerData as { kinds: JobKind[]; dbPath: string };
  const loaded = new Map<JobKind, Promise<unknown>>();
  let loading: Promise<unknown> = Promise.resolve();
  for (const kind of kinds) {
    loading = loading.then(() => new Promise((resolve) => setImmediate(resolve))).then(() => preload?.(kind).catch(() => undefined));
    loaded.set(kind, loading);
  }
  let queue: Promise<unknown> = Promise.resolve();
  parentPort?.on('message', (msg: { jobId: string; kind: JobKind; input: unknown; now: string; cancelFlag: Int32Array }) => {
    const post = (m: WorkerMessage) => parentPort?.postMessage({ ...m, jobId: msg.jobId });
    const ctx: JobContext = {
      dbPath,
      now: msg.now,
      progress: progressPoster(post),
      isCancelled: () => Atomics.load(msg.cancelFlag, 0) === 1,
    };
    queue = queue.then(async () => {
      await loaded.get(msg.kind);
      return run(msg.kind, msg.input, ctx).then(
        (result) => post({ type: 'done', result }),
        (err: Error) => post(errorMessage(err)),
      );
    });
  });
}

function errorMessage(err: Error): WorkerMessage {
  return {
    type: 'error',
    error: err.message ?? String(err),
    cancelled: err instanceof JobCancelled,
    data: err instanceof JobFailed ? err.data : undefined,
  };
}

/** Progress to the host at most every 100 ms (a job may report per series or row: each message is a copy and an event). */
function progressPoster(post: (m: WorkerMessage) => void): JobContext['progress'] {
  return throttledProgress({
    progress: (fraction, message) => post({ type: 'progress', fraction: Math.max(0, Math.min(1, fraction)), message }),
  });
}
