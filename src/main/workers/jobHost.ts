// Runs jobs (import, plan run, forecasts) in worker threads with progress events and cooperative cancellation,
// so the main thread never blocks. `inline` mode runs the same job functions in-process (CLI, tests).
// The host does not know what a job does: the job registry (services/jobs/registry.ts) is handed in, to the
// worker thread by its entry script (src/main/worker.ts), to an inline host by whoever creates it.
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { JobKind, JobState } from '../../shared/contract';
import type { JobResult } from '../../shared/jobs';
import { JobCancelled, JobFailed, type JobContext } from './jobContext';

/** Runs one job of a kind to its result: the job registry. */
export type JobRunner = (kind: JobKind, input: unknown, ctx: JobContext) => Promise<JobResult>;

export type JobHostOptions = {
  dbPath: string;
  clock?: () => string;
} & (
  | {
      mode: 'worker';
      /** Worker entry script (built `out/main/worker.js`, or the TS source with `execArgv: ['--import','tsx']`). */
      workerScript: string;
      workerExecArgv?: string[];
      /**
       * Job kinds run one after another in ONE long-lived worker, started with the host so its modules are loaded
       * before the first job; what the jobs keep in that thread (the plan context: planContextCache.ts) serves the
       * next one. Other kinds get a worker of their own per job.
       */
      residentKinds?: JobKind[];
    }
  | { mode: 'inline'; run: JobRunner }
);

interface RunningJob {
  state: JobState;
  cancelFlag: Int32Array;
  worker?: Worker;
  done: Promise<JobState>;
}

let nextJobNumber = 1;

export class JobHost extends EventEmitter {
  private readonly jobs = new Map<string, RunningJob>();
  /** supersedes key -> the running job started with it. */
  private readonly running = new Map<string, string>();

  /** The long-lived worker of `residentKinds` and the handler of each job it has been given. */
  private resident?: { worker: Worker; jobs: Map<string, (msg: WorkerMessage) => void> };

  constructor(private readonly options: JobHostOptions) {
    super();
    if (options.mode === 'worker' && options.residentKinds?.length) this.residentWorker();
  }

  list(): JobState[] {
    return [...this.jobs.values()].map((j) => j.state);
  }

  /**
   * Starts a job and returns its id at once; `wait(id)` resolves when it ends. A job started with the same
   * `supersedes` key as a running one cancels it: a re-plan asked for while another runs makes the older one moot.
   */
  start(kind: JobKind, input: unknown, options: { supersedes?: string } = {}): string {
    if (options.supersedes) {
      const previous = this.running.get(options.supersedes);
      if (previous) this.cancel(previous);
    }
    const jobId = `${kind}-${nextJobNumber++}`;
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    const state: JobState = { jobId, kind, status: 'running', fraction: 0, message: 'starting' };
    const job: RunningJob = { state, cancelFlag, done: Promise.resolve(state) };
    this.jobs.set(jobId, job);
    const host = this.options;
    job.done =
      host.mode === 'inline'
        ? this.runInline(job, input, host.run)
        : host.residentKinds?.includes(kind)
          ? this.runInResident(job, input)
          : this.runInWorker(job, input, host.workerScript, host.workerExecArgv);
    const key = options.supersedes;
    if (key) {
      this.running.set(key, jobId);
      void job.done.then(() => {
        if (this.running.get(key) === jobId) this.running.delete(key);
      });
    }
    this.emitState(job);
    return jobId;
  }

  wait(jobId: string): Promise<JobState> {
    const job = this.jobs.get(jobId);
    if (!job) return Promise.reject(new Error(`no job ${jobId}`));
    return job.done;
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.state.status !== 'running') return false;
    Atomics.store(job.cancelFlag, 0, 1);
    return true;
  }

  async close(): Promise<void> {
    for (const job of this.jobs.values()) if (job.state.status === 'running') this.cancel(job.state.jobId);
    await Promise.allSettled([...this.jobs.values()].map((j) => j.done));
    const resident = this.resident;
    this.resident = undefined;
    await resident?.worker.terminate();
  }

  private now(): string {
    return (this.options.clock ?? (() => new Date().toISOString()))();
  }

  private emitState(job: RunningJob): void {
    this.emit('progress', { ...job.state });
  }

  private finish(job: RunningJob, outcome: { result?: JobResult; error?: string; cancelled?: boolean }): JobState {
    job.state.status = outcome.cancelled ? 'cancelled' : outcome.error !== undefined ? 'failed' : 'done';
    job.state.fraction = job.state.status === 'done' ? 1 : job.state.fraction;
    job.state.message = outcome.cancelled ? 'cancelled' : (outcome.error ?? 'done');
    if (outcome.error !== undefined && !outcome.cancelled) job.state.error = outcome.error;
    job.state.result = outcome.result;
    this.emitState(job);
    this.emit('finished', { ...job.state });
    return job.state;
  }

  private async runInline(job: RunningJob, input: unknown, run: JobRunner): Promise<JobState> {
    const ctx: JobContext = {
      dbPath: this.options.dbPath,
      now: this.now(),
      progress: (fraction, message) => {
        job.state.fraction = Math.max(0, Math.min(1, fraction));
        job.state.message = message;
        this.emitState(job);
      },
      isCancelled: () => Atomics.load(job.cancelFlag, 0) === 1,
    };
    await Promise.resolve(); // let the caller receive the job id before work starts
    try {
      const result = await run(job.state.kind, input, ctx);
      return this.finish(job, { result });
    } catch (err) {
      return this.finish(job, {
        error: (err as Error).message,
        cancelled: err instanceof JobCancelled,
        result: err instanceof JobFailed ? err.data : undefined,
      });
    }
  }

  /** The resident worker, started (again, after a crash) when there is none. Holds the process only while busy. */
  private residentWorker(): NonNullable<JobHost['resident']> {
    if (this.resident) return this.resident;
    const host = this.options as Extract<JobHostOptions, { mode: 'worker' }>;
    const worker = new Worker(host.workerScript, {
      workerData: { resident: true, kinds: host.residentKinds, dbPath: host.dbPath },
      execArgv: host.workerExecArgv,
    });
    const resident = { worker, jobs: new Map<string, (msg: WorkerMessage) => void>() };
    worker.unref();
    worker.on('message', (msg: WorkerMessage & { jobId: string }) => resident.jobs.get(msg.jobId)?.(msg));
    const fail = (error: string) => {
      if (this.resident === resident) this.resident = undefined;
      for (const settle of [...resident.jobs.values()]) settle({ type: 'error', error, cancelled: false });
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`worker exited with code ${code}`));
    this.resident = resident;
    return resident;
  }

  private runInResident(job: RunningJob, input: unknown): Promise<JobState> {
    return new Promise<JobState>((resolve) => {
      const resident = this.residentWorker();
      const { jobId, kind } = job.state;
      resident.jobs.set(jobId, (msg) => {
        if (msg.type === 'progress') {
          job.state.fraction = msg.fraction;
          job.state.message = msg.message;
          this.emitState(job);
          return;
        }
        resident.jobs.delete(jobId);
        if (!resident.jobs.size) resident.worker.unref();
        resolve(this.finish(job, msg.type === 'done' ? { result: msg.result } : { error: msg.error, cancelled: msg.cancelled, result: msg.data }));
      });
      resident.worker.ref();
      resident.worker.postMessage({ jobId, kind, input, now: this.now(), cancelFlag: job.cancelFlag });
    });
  }

  private runInWorker(job: RunningJob, input: unknown, script: string, execArgv: string[] | undefined): Promise<JobState> {
    return new Promise<JobState>((resolve) => {
      const worker = new Worker(script, {
        workerData: { kind: job.state.kind, input, dbPath: this.options.dbPath, now: this.now(), cancelFlag: job.cancelFlag },
        execArgv,
      });
      job.worker = worker;
      let settled = false;
      const settle = (outcome: { result?: JobResult; error?: string; cancelled?: boolean }) => {
        if (settled) return;
        settled = true;
        resolve(this.finish(job, outcome));
      };
      worker.on('message', (msg: WorkerMessage) => {
        if (msg.type === 'progress') {
          job.state.fraction = msg.fraction;
          job.state.message = msg.message;
          this.emitState(job);
        } else if (msg.type === 'done') settle({ result: msg.result });
        else if (msg.type === 'error') settle({ error: msg.error, cancelled: msg.cancelled, result: msg.data });
      });
      worker.on('error', (err) => settle({ error: err.message }));
      worker.on('exit', (code) => settle(code === 0 ? { error: 'worker ended without a result' } : { error: `worker exited with code ${code}` }));
    });
  }
}

export type WorkerMessage =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'done'; result: JobResult }
  | { type: 'error'; error: string; cancelled: boolean; data?: JobResult };
