// The job registry: what each job kind does. The same functions run in a worker thread (src/main/worker.ts hands
// them to it) or inline (the CLI and tests hand them to an inline JobHost).
import type { JobKind } from '../../../shared/contract';
import type { JobResult } from '../../../shared/jobs';
import type { JobContext } from '../../workers/jobContext';
import { withJobRunRecord } from './jobRunLog';

/** Runs a job and records how it ended (`job_run`). */
export function runJob(kind: JobKind, input: unknown, ctx: JobContext): Promise<JobResult> {
  return withJobRunRecord(kind, input, ctx, () => runJobKind(kind, input, ctx));
}

async function runJobKind(kind: JobKind, input: unknown, ctx: JobContext): Promise<JobResult> {
  switch (kind) {
    case 'import': {
      const { runImportJob } = await import('./importJob');
      return runImportJob(input as Parameters<typeof runImportJob>[0], ctx);
    }
    case 'plan': {
      const { runPlanJob } = await import('./planRun');
      return runPlanJob(input as Parameters<typeof runPlanJob>[0], ctx);
    }
    case 'demo': {
      const { runDemoJob } = await import('./demoJob');
      return runDemoJob(input as Parameters<typeof runDemoJob>[0], ctx);
    }
    case 'forecast': {
      const { runForecastJob } = await import('./forecastJob');
      return runForecastJob(input as Parameters<typeof runForecastJob>[0], ctx);
    }
  }
}

/**
 * The kinds the app runs in its resident worker (JobHost `residentKinds`): an import, then the plan of what it
 * imported, then re-plans — in one thread, so the plan starts from the batch the import parsed and a re-plan from
 * the snapshot already read. The forecast runs beside them in a worker of its own.
 */
export const RESIDENT_JOB_KINDS: JobKind[] = ['import', 'plan', 'demo']; // loaded in this order

/** Loads a job kind's modules ahead of its first job (a resident worker does it while it waits). */
export function preloadJob(kind: JobKind): Promise<unknown> {
  if (kind === 'import') return import('./importJob');
  if (kind === 'plan') return import('./planRun').then((m) => m.warmUpPlanRun());
  if (kind === 'demo') return import('./demoJob');
  return import('./forecastJob').then((m) => m.warmUpForecastJob());
}
