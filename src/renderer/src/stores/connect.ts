// Wires push events to the stores and loads the initial state. Called once at startup; returns an unsubscribe.
import type { JobState } from '../../../shared/contract';
import { api } from '../api';
import { useApp } from './appStore';
import { useJobs } from './jobsStore';
import { usePlanStore } from './planStore';
import { toast } from './toastStore';

const JOB_TITLES: Record<JobState['kind'], string> = {
  import: 'Import',
  plan: 'Plan run',
  forecast: 'Forecast',
  demo: 'Demo dataset',
};

function announceFinished(job: JobState): void {
  const title = JOB_TITLES[job.kind];
  if (job.status === 'done') toast('success', `${title} finished`, job.message || undefined);
  else if (job.status === 'failed') toast('error', `${title} failed`, job.error ?? job.message);
  else if (job.status === 'cancelled') toast('info', `${title} cancelled`);
}

export function connectStores(): () => void {
  const app = useApp.getState();
  void app.loadInfo().then(() => useApp.getState().loadSnapshots());
  void api.invoke('jobs.list', {}).then((r) => {
    if (r.ok) useJobs.getState().replaceAll(r.data);
  });

  const offs = [
    api.on('job.progress', (job) => {
      const before = useJobs.getState().byId[job.jobId];
      useJobs.getState().upsert(job);
      if (job.status !== 'running' && before?.status !== job.status) {
        announceFinished(job);
        if (job.kind === 'import' || job.kind === 'demo') void useApp.getState().loadSnapshots();
      }
    }),
    api.on('plan.changed', (e) => usePlanStore.getState().invalidate(e?.scenarioId ?? 0)),
    api.on('alerts.new', ({ alerts }) => {
      if (!alerts?.length) return;
      const worst = alerts.find((a) => a.severity === 'critical') ?? alerts[0];
      toast(
        'warning',
        `${alerts.length} new ${alerts.length === 1 ? 'alert' : 'alerts'} after the plan run`,
        alerts.length === 1 ? worst.title : `${worst.title} and ${alerts.length - 1} more — see the dashboard`,
      );
    }),
    api.on('snapshots.changed', ({ activeSnapshotId }) => {
      useApp.getState().setActiveSnapshotId(activeSnapshotId);
      void useApp.getState().loadSnapshots();
      usePlanStore.getState().invalidate();
    }),
  ];
  return () => offs.forEach((off) => off());
}
