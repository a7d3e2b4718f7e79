// The real ERP history imported through the app's own services (the ERP folder as a history: masters with the first
// snapshot, then each later snapshot) into a temporary store, planned inline. Shared by the acceptance tests.
import type { ImportJobResult } from '../../src/main/services/jobs/importJob';
import { createPlanner, type Planner } from '../../src/main/services/contract/planner';
import { JobHost } from '../../src/main/workers/jobHost';
import { runJob as jobRegistry } from '../../src/main/services/jobs/registry';
import { ERP_DATA_DIR } from './erpData';
import { tempDir } from './tempDb';

export interface RealPlanStore {
  planner: Planner;
  snapshotIds: Record<string, number>;
  cleanup(): Promise<void>;
}

export async function importRealHistory(): Promise<RealPlanStore> {
  const tmp = tempDir('bkp-real-');
  const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: jobRegistry, clock: () => '2025-09-02T08:00:00' });
  const planner = createPlanner({ dbPath: tmp.dbPath, shell: 'test', jobs, autoRun: false, clock: () => '2025-09-02T08:00:00' });
  const snapshotIds: Record<string, number> = {};
  const state = await jobs.wait((await planner.handlers['import.start']({ paths: [ERP_DATA_DIR] })).jobId);
  if (state.status !== 'done') throw new Error(`import of ${ERP_DATA_DIR} failed: ${state.error}`);
  for (const s of (state.result as ImportJobResult).snapshots) snapshotIds[s.asOf] = s.snapshotId;
  return {
    planner,
    snapshotIds,
    async cleanup() {
      await planner.close();
      tmp.cleanup();
    },
  };
}

export async function runJob(planner: Planner, start: Promise<{ jobId: string }>): Promise<unknown> {
  const state = await planner.jobs.wait((await start).jobId);
  if (state.status !== 'done') throw new Error(`${state.kind} failed: ${state.error}`);
  return state.result;
}
