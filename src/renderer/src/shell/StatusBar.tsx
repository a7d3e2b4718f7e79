// Status bar: active snapshot (label + as-of date, and a warning when it was built with records dated after that
// date), running job, connection.
import type { ReactNode } from 'react';
import type { Snapshot } from '../../../shared/contract';
import { Icon } from '../components/Icon';
import { useActiveSnapshot, useApp } from '../stores/appStore';
import { JobIndicator } from './JobIndicator';

/** A plan of a past date built with records from after it: which files, how many records, how many left out. */
function FutureRecords({ snapshot }: { snapshot: Snapshot }): ReactNode {
  const files = snapshot.futureRecords;
  if (!files.length) return null;
  const summary = files.map((f) => `${f.file} (${f.count} ${f.what}${f.leftOut ? `, ${f.leftOut} left out` : ''})`).join(', ');
  return (
    <a className="status-future" href="#/imports" title={files.map((f) => f.message).join('\n')} data-testid="status-future">
      <Icon name="alert" size={12} />
      Records dated after {snapshot.asOf}: {summary}
    </a>
  );
}

export function StatusBar(): ReactNode {
  const snapshot = useActiveSnapshot();
  const info = useApp((s) => s.info);
  const connectionError = useApp((s) => s.connectionError);
  return (
    <footer className="statusbar" data-testid="statusbar">
      <div className="status-snapshot" data-testid="status-snapshot" data-snapshot-id={snapshot?.id ?? ''}>
        {snapshot ? (
          <>
            <span className="status-dot ok" aria-hidden="true" />
            <span className="status-label">{snapshot.label || `Snapshot ${snapshot.id}`}</span>
            <span className="status-sep">·</span>
            <span>
              as of{' '}
              <strong className="num" data-testid="status-asof">
                {snapshot.asOf}
              </strong>
            </span>
            <FutureRecords snapshot={snapshot} />
          </>
        ) : (
          <span className="muted">No snapshot — import ERP exports or load the demo</span>
        )}
      </div>
      <JobIndicator />
      <div className="status-conn" data-testid="status-connection">
        {connectionError ? (
          <span className="text-negative" title={connectionError}>
            <span className="status-dot bad" aria-hidden="true" /> Not connected
          </span>
        ) : info ? (
          <span className="muted">
            {info.shell === 'electron' ? 'Desktop' : info.shell === 'web' ? 'Web preview' : info.shell} · schema v{info.schemaVersion}
          </span>
        ) : (
          <span className="muted">Connecting…</span>
        )}
      </div>
    </footer>
  );
}
