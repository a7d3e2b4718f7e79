// Status bar: active snapshot (label + as-of date), running job, connection.
import type { ReactNode } from 'react';
import { useActiveSnapshot, useApp } from '../stores/appStore';
import { JobIndicator } from './JobIndicator';

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
              as of <strong className="num" data-testid="status-asof">{snapshot.asOf}</strong>
            </span>
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
