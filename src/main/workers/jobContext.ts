// What a long-running job sees, whether it runs in a worker thread or inline (CLI, tests).
import type { ImportJobFailure } from '../../shared/jobs';

export interface JobContext {
  dbPath: string;
  /** The wall clock, passed in so engine code stays clock-free. */
  now: string;
  progress(fraction: number, message: string): void;
  /** Cooperative cancellation: jobs check it between steps and throw `JobCancelled`. */
  isCancelled(): boolean;
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled by the planner');
  }
}

/** A job failure that carries data for the planner (e.g. the import report saying which file was rejected and why). */
export class JobFailed extends Error {
  constructor(
    message: string,
    readonly data: ImportJobFailure,
  ) {
    super(message);
  }
}

export function throwIfCancelled(ctx: JobContext): void {
  if (ctx.isCancelled()) throw new JobCancelled();
}

/** Rate-limits progress messages to one every `intervalMs`, always passing the first and the final one. */
export function throttledProgress(ctx: Pick<JobContext, 'progress'>, intervalMs = 100): (fraction: number, message: string) => void {
  let last = -Infinity;
  return (fraction, message) => {
    const t = performance.now();
    if (fraction >= 1 || t - last >= intervalMs) {
      last = t;
      ctx.progress(fraction, message);
    }
  };
}
