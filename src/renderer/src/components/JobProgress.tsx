// The progress of one background job (a re-plan after an override or a layer switch), inline where it was started.
import type { ReactNode } from 'react';
import { useJobs } from '../stores/jobsStore';
import { Icon } from './Icon';
import { ProgressBar } from './ProgressBar';

interface JobProgressProps {
  jobId: string | null | undefined;
  testId: string;
  /** What the job does, e.g. "Re-planning with the new rate". */
  label: string;
  /** Shown once the job is done (e.g. the refreshed source badge). */
  done?: ReactNode;
}

export function JobProgress({ jobId, testId, label, done }: JobProgressProps): ReactNode {
  const job = useJobs((s) => (jobId ? s.byId[jobId] : undefined));
  if (!jobId) return null;
  const status = job?.status ?? 'running';
  return (
    <div className={`job-progress job-progress-${status}`} data-testid={testId} data-status={status} data-job-id={jobId}>
      {status === 'running' ? (
        <>
          <span className="job-progress-label">{label}…</span>
          <ProgressBar fraction={job?.fraction ?? 0} width={140} label={label} />
          <span className="num muted">{Math.round((job?.fraction ?? 0) * 100)}%</span>
          {job?.message && <span className="muted job-progress-message">{job.message}</span>}
        </>
      ) : status === 'done' ? (
        <>
          <Icon name="check" size={13} />
          <span className="job-progress-label">Plan updated</span>
          {done}
        </>
      ) : (
        <>
          <Icon name="alert" size={13} />
          <span className="job-progress-label">
            {status === 'failed' ? `The plan run failed: ${job?.error ?? job?.message ?? ''}` : 'The plan run was cancelled'}
          </span>
        </>
      )}
    </div>
  );
}
