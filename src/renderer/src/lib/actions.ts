// User actions shared by several pages (each starts a background job; progress arrives via `job.progress`).
import { call } from '../api';
import { toast } from '../stores/toastStore';

export async function loadDemo(): Promise<string | undefined> {
  const r = await call('demo.load', { scale: 1 });
  if (r) toast('info', 'Loading the demo dataset…', 'Progress is shown in the status bar.');
  return r?.jobId;
}

export async function runPlan(snapshotId?: number): Promise<string | undefined> {
  const r = await call('plan.run', snapshotId ? { snapshotId } : {});
  if (r) toast('info', 'Plan run started', 'Views refresh when it finishes.');
  return r?.jobId;
}
