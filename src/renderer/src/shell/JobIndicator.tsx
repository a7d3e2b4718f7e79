// The running job in the status bar: progress bar, message, percent, and Cancel. Fed by `job.progress` events.
import type { ReactNode } from 'react';
import { call } from '../api';
import { useRunningJobs } from '../stores/jobsStore';
import { ProgressBar } from '../components/ProgressBar';

const KIND_LABEL = { import: 'Importing', plan: 'Planning', forecast: 'Forecasting', demo: 'Loading demo' } as const;

export function JobIndicator(): ReactNode {
  const running = useRunningJobs();
  if (running.length === 0) return <div className="job-indicator idle" data-testid="job-indicator" data-running="0" />;
  const job = running[running.length - 1];
  return (
    <div className="job-indicator" data-testid="job-indicator" data-running={running.length} data-job-id={job.jobId}>
      <span className="job-kind">{KIND_LABEL[job.kind]}</span>
      <ProgressBar fraction={job.fraction} width={140} testId="job-progress" label={`${KIND_LABEL[job.kind]} progress`} />
      <span className="job-pct num">{Math.round(job.fraction * 100)}%</span>
      <span className="job-message" title={job.message}>
        {job.message}
      </span>
      {running.length > 1 && <span className="job-more">+{running.length - 1} more</span>}
      <button
        type="button"
        className="btn btn-sm btn-ghost job-cancel"
        onClick={() => void call('jobs.cancel', { jobId: job.jobId })}
        data-testid="job-cancel"
      >
        Cancel
      </button>
    </div>
  );
}
