// Diagnostics: what this app is and where its files are (version, database path, size and schema version, the log
// file), what its jobs did (the last imports and plan runs with start, duration and outcome; every job; failures),
// the main process's memory, and "Save a support bundle" (planner data only when the box is ticked).
import { useState, type ReactNode } from 'react';
import type { JobRun } from '../../../../shared/diagnostics';
import { call } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { DataGrid } from '../../components/DataGrid';
import type { GridColumn } from '../../components/gridColumns';
import { Icon } from '../../components/Icon';
import { downloadFile } from '../../lib/download';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useChannel } from '../../lib/useChannel';
import { PageActions } from '../../shell/PageActions';
import { describeError, toast } from '../../stores/toastStore';
import './DiagnosticsPage.css';

const MB = 1024 * 1024;
export const formatMb = (bytes: number) => `${formatNumber(bytes / MB, 1)} MB`;

/** "850 ms", "12.4 s", "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${formatNumber(ms)} ms`;
  if (ms < 60_000) return `${formatNumber(ms / 1000, 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const KIND_LABEL: Record<JobRun['kind'], string> = { import: 'Import', demo: 'Demo load', plan: 'Plan run', forecast: 'Forecast' };

const JOB_COLUMNS: GridColumn[] = [
  { field: 'startedAt', headerName: 'Started', kind: 'text', width: 170 },
  { field: 'kindLabel', headerName: 'Job', kind: 'text', width: 110 },
  { field: 'durationMs', headerName: 'Duration', kind: 'number', unit: 'ms', width: 110 },
  { field: 'outcome', headerName: 'Outcome', kind: 'text', width: 100 },
  { field: 'snapshotId', headerName: 'Snapshot', kind: 'text', width: 100 },
  { field: 'message', headerName: 'Message', kind: 'text' },
];

function RunList({ runs, testId, empty }: { runs: JobRun[]; testId: string; empty: string }): ReactNode {
  if (!runs.length) return <p className="muted">{empty}</p>;
  return (
    <table className="diagnostics-runs" data-testid={testId}>
      <thead>
        <tr>
          <th>Started</th>
          <th>Job</th>
          <th className="num">Duration</th>
          <th>Outcome</th>
        </tr>
      </thead>
      <tbody>
        {runs.slice(0, 8).map((r) => (
          <tr key={r.id} data-testid={`${testId}-row`} data-kind={r.kind} data-outcome={r.outcome} data-duration-ms={r.durationMs}>
            <td>{formatDateTime(r.startedAt)}</td>
            <td>{KIND_LABEL[r.kind]}</td>
            <td className="num">{formatDuration(r.durationMs)}</td>
            <td>
              {r.outcome === 'ok' ? (
                <span className="pill pill-low">ok</span>
              ) : (
                <span className={`pill ${r.outcome === 'failed' ? 'pill-critical' : 'pill-info'}`} title={r.message}>
                  {r.outcome}
                </span>
              )}
              {r.outcome !== 'ok' && r.message && <span className="diagnostics-message"> {r.message}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DiagnosticsPage(): ReactNode {
  const info = useChannel('diagnostics.info', {}, []);
  const [includePlannerData, setIncludePlannerData] = useState(false);
  const [saving, setSaving] = useState(false);
  const [lastBundle, setLastBundle] = useState<{ fileName: string; files: number } | undefined>(undefined);

  const saveBundle = async () => {
    setSaving(true);
    const bundle = await call('diagnostics.bundle', { includePlannerData });
    setSaving(false);
    if (!bundle) return;
    downloadFile(bundle);
    setLastBundle({ fileName: bundle.fileName, files: bundle.manifest.files.length });
    toast(
      'success',
      'Support bundle saved',
      `${bundle.fileName}: ${bundle.manifest.files.length} files${includePlannerData ? ', with planner data' : ''}`,
    );
  };

  if (info.status === 'error' && info.error)
    return (
      <div className="page">
        <EmptyState tone="error" icon="alert" title="Could not read the diagnostics" message={describeError(info.error)} testId="diagnostics-error" />
      </div>
    );
  const d = info.data;
  if (!d) return <div className="page muted">Reading the diagnostics…</div>;
  const jobRows = d.jobs.map((j) => ({
    ...j,
    kindLabel: KIND_LABEL[j.kind],
    startedAt: formatDateTime(j.startedAt),
    snapshotId: j.snapshotId ?? '',
  }));

  return (
    <div className="page diagnostics-page" data-testid="diagnostics">
      <PageActions>
        <button type="button" className="btn" onClick={info.reload} data-testid="diagnostics-refresh">
          <Icon name="refresh" size={14} /> Refresh
        </button>
      </PageActions>
      <div className="row diagnostics-top">
        <section className="panel grow" data-testid="diagnostics-app">
          <div className="panel-header">
            <h2 className="panel-title">App and database</h2>
          </div>
          <dl className="kv panel-body">
            <dt>Version</dt>
            <dd data-testid="diagnostics-version">
              {d.appName} {d.version} ({d.shell}, Node {d.node}, {d.platform})
            </dd>
            <dt>Database</dt>
            <dd className="diagnostics-path" data-testid="diagnostics-db-path">
              {d.dbPath}
            </dd>
            <dt title="The database file plus its write-ahead log (-wal)">Size</dt>
            <dd data-testid="diagnostics-db-size" data-bytes={d.dbSizeBytes}>
              {formatMb(d.dbSizeBytes)}
            </dd>
            <dt title="PRAGMA user_version: the last migration applied">Schema version</dt>
            <dd data-testid="diagnostics-schema">
              {d.schemaVersion}
              {d.schemaVersion !== d.latestSchemaVersion && ` (this app's newest: ${d.latestSchemaVersion})`}
            </dd>
            <dt>Log file</dt>
            <dd className="diagnostics-path" data-testid="diagnostics-log-file">
              {d.logFile}
            </dd>
          </dl>
        </section>
        <section className="panel" data-testid="diagnostics-memory">
          <div className="panel-header">
            <h2 className="panel-title">Memory (main process)</h2>
          </div>
          <dl className="kv panel-body">
            <dt title="Resident set size: the memory the process holds, its worker threads included">RSS</dt>
            <dd data-testid="diagnostics-rss">{formatMb(d.mainMemory.rssBytes)}</dd>
            <dt title="JavaScript heap of the main thread: used / reserved">Heap</dt>
            <dd data-testid="diagnostics-heap">
              {formatMb(d.mainMemory.heapUsedBytes)} of {formatMb(d.mainMemory.heapTotalBytes)}
            </dd>
          </dl>
        </section>
        <section className="panel" data-testid="diagnostics-bundle">
          <div className="panel-header">
            <h2 className="panel-title">Support bundle</h2>
          </div>
          <div className="panel-body diagnostics-bundle-body">
            <p className="muted">A zip of the logs, the import reports, the settings and policy, and this page's information.</p>
            <label className="diagnostics-check">
              <input
                type="checkbox"
                checked={includePlannerData}
                onChange={(e) => setIncludePlannerData(e.target.checked)}
                data-testid="diagnostics-include-planner-data"
              />
              Include planner data (PO drafts, pins, overrides, mappings, calendar, scenarios, acknowledgements)
            </label>
            <button
              type="button"
              className="btn btn-primary"
              disabled={saving}
              onClick={() => void saveBundle()}
              data-testid="diagnostics-save-bundle"
            >
              <Icon name="download" size={14} /> {saving ? 'Saving…' : 'Save a support bundle'}
            </button>
            {lastBundle && (
              <span className="muted" data-testid="diagnostics-bundle-saved">
                Saved {lastBundle.fileName} ({lastBundle.files} files)
              </span>
            )}
          </div>
        </section>
      </div>
      <div className="row">
        <section className="panel grow">
          <div className="panel-header">
            <h2 className="panel-title">Last imports</h2>
            <span className="panel-subtitle">imports and demo loads</span>
          </div>
          <div className="panel-body">
            <RunList runs={d.imports} testId="diagnostics-imports" empty="No import has run yet." />
          </div>
        </section>
        <section className="panel grow">
          <div className="panel-header">
            <h2 className="panel-title">Last plan runs</h2>
          </div>
          <div className="panel-body">
            <RunList runs={d.planRuns} testId="diagnostics-plan-runs" empty="No plan has run yet." />
          </div>
        </section>
      </div>
      {d.failures.length > 0 && (
        <section className="panel" data-testid="diagnostics-failures">
          <div className="panel-header">
            <h2 className="panel-title">Failures</h2>
            <span className="panel-subtitle">{d.failures.length} jobs failed</span>
          </div>
          <div className="panel-body">
            <RunList runs={d.failures} testId="diagnostics-failures-list" empty="" />
          </div>
        </section>
      )}
      <section className="panel">
        <div className="panel-header">
          <h2 className="panel-title">Job history</h2>
          <span className="panel-subtitle">the last {d.jobs.length} jobs (the store keeps 500)</span>
        </div>
        <DataGrid testId="diagnostics-jobs" rows={jobRows} columns={JOB_COLUMNS} height={320} rowSelection="none" exportFileName="job-history" />
      </section>
    </div>
  );
}
