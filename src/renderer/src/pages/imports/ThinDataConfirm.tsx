// An import refused for thin data (a header-only file, a core entity below half of the previous snapshot): the
// reason, and "Import anyway", which re-runs the same import (same files, label, as-of) with the planner's
// confirmation.
import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { useJobs } from '../../stores/jobsStore';

export function ThinDataConfirm({
  jobId,
  onImportAnyway,
  onDismiss,
}: {
  jobId: string;
  onImportAnyway: () => void;
  onDismiss: () => void;
}): ReactNode {
  const job = useJobs((s) => s.byId[jobId]);
  const result = job?.result;
  if (job?.status !== 'failed' || !result || !('code' in result) || result.code !== 'NEEDS_CONFIRMATION') return null;
  const reason = result.report.errors[0] ?? job.error ?? job.message;
  return (
    <section className="panel thin-data" role="alert" data-testid="thin-data-confirm">
      <div className="panel-header">
        <h2 className="panel-title">
          <Icon name="alert" size={14} /> The import needs your confirmation
        </h2>
      </div>
      <div className="panel-body">
        <p className="thin-data-reason" data-testid="thin-data-reason">
          {reason}
        </p>
        <div className="thin-data-actions">
          <button type="button" className="btn btn-primary" onClick={onImportAnyway} data-testid="thin-data-import-anyway">
            Import anyway
          </button>
          <button type="button" className="btn" onClick={onDismiss} data-testid="thin-data-dismiss">
            Dismiss
          </button>
        </div>
      </div>
    </section>
  );
}
