// One progress row per running import or demo load.
import type { ReactNode } from 'react';
import { call } from '../../api';
import { ProgressBar } from '../../components/ProgressBar';
import { useRunningJobs } from '../../stores/jobsStore';

export function ImportJobs(): ReactNode {
  const jobs = useRunningJobs(['import', 'demo']);
  if (jobs.length === 0) return null;
  return (
    <section className="panel" data-testid="import-jobs">
      <div className="panel-body import-jobs">
        {jobs.map((j) => (
          <div key={j.jobId} className="import-job" data-testid="import-job" data-job-id={j.jobId}>
            <span className="import-job-kind">{j.kind === 'demo' ? 'Demo dataset' : 'Import'}</span>
            <ProgressBar fraction={j.fraction} label={`${j.kind} progress`} />
            <span className="num import-job-pct">{Math.round(j.fraction * 100)}%</span>
            <span className="import-job-message" title={j.message}>
              {j.message}
            </span>
            <button type="button" className="btn btn-sm" onClick={() => void call('jobs.cancel', { jobId: j.jobId })}>
              Cancel
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
