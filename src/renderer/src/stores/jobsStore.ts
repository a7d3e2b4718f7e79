// Background jobs (imports, plan runs, forecasts, demo loads) as reported by `job.progress` events.
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { JobKind, JobState } from '../../../shared/contract';

interface JobsState {
  byId: Record<string, JobState>;
  /** Order in which jobs were first seen, so lists are stable. */
  order: string[];
  upsert(job: JobState): void;
  replaceAll(jobs: JobState[]): void;
  forget(jobId: string): void;
}

export const useJobs = create<JobsState>((set) => ({
  byId: {},
  order: [],
  upsert(job) {
    set((s) => ({
      byId: { ...s.byId, [job.jobId]: job },
      order: s.order.includes(job.jobId) ? s.order : [...s.order, job.jobId],
    }));
  },
  replaceAll(jobs) {
    set({ byId: Object.fromEntries(jobs.map((j) => [j.jobId, j])), order: jobs.map((j) => j.jobId) });
  },
  forget(jobId) {
    set((s) => {
      const { [jobId]: _gone, ...rest } = s.byId;
      return { byId: rest, order: s.order.filter((id) => id !== jobId) };
    });
  },
}));

export function runningJobs(state: Pick<JobsState, 'byId' | 'order'>, kinds?: JobKind[]): JobState[] {
  return state.order.map((id) => state.byId[id]).filter((j): j is JobState => !!j && j.status === 'running' && (!kinds || kinds.includes(j.kind)));
}

/** Running jobs, optionally of some kinds (shallow-compared, so components re-render only on real changes). */
export function useRunningJobs(kinds?: JobKind[]): JobState[] {
  return useJobs(useShallow((s) => runningJobs(s, kinds)));
}
