// The selected snapshot's import report (files, rejections, warnings) and its comparison with another snapshot.
import { useMemo, useState, type ReactNode } from 'react';
import type { Snapshot } from '../../../../shared/contract';
import { DataGrid } from '../../components/DataGrid';
import type { GridColumn } from '../../components/gridColumns';
import { EmptyState } from '../../components/EmptyState';
import { KpiStrip } from '../../components/KpiStrip';
import { useChannel } from '../../lib/useChannel';
import { describeError } from '../../stores/toastStore';
import { comparisonTables, importReportTables, type ReportTables } from './reportTables';

type Tab = 'files' | 'rejections' | 'warnings' | 'compare';

const REJECTION_COLUMNS: GridColumn[] = [
  { field: 'file', headerName: 'File' },
  { field: 'row', headerName: 'Row', kind: 'number', width: 80 },
  { field: 'column', headerName: 'Column' },
  { field: 'value', headerName: 'Value' },
  { field: 'reason', headerName: 'Reason', width: 360 },
];

const WARNING_COLUMNS: GridColumn[] = [...REJECTION_COLUMNS.slice(0, 4), { field: 'reason', headerName: 'Warning', width: 420 }];

/** The files of an import, the file name (or folder path) given the room to be read whole. */
export const FILE_COLUMNS: GridColumn[] = [
  { field: 'file', headerName: 'File', kind: 'text', width: 300, pinned: 'left', colDef: { tooltipField: 'file' } },
  { field: 'status', headerName: 'Status', kind: 'status', width: 110 },
  { field: 'export', headerName: 'Export', kind: 'text', width: 280 },
  { field: 'format', headerName: 'Format', kind: 'text', width: 84 },
  { field: 'sheet', headerName: 'Sheet', kind: 'text', width: 130 },
  { field: 'rowsRead', headerName: 'Rows read', kind: 'number', width: 110 },
  { field: 'rowsAccepted', headerName: 'Accepted', kind: 'number', width: 110 },
  { field: 'rowsRejected', headerName: 'Rejected', kind: 'number', width: 104 },
  { field: 'rowsSkipped', headerName: 'Skipped', kind: 'number', width: 100 },
  { field: 'valuesDropped', headerName: 'Values dropped', kind: 'number', width: 140 },
  { field: 'reason', headerName: 'Reason', kind: 'text', width: 320 },
  { field: 'missingColumns', headerName: 'Missing columns', kind: 'text', width: 220 },
  { field: 'notes', headerName: 'Notes', kind: 'text', width: 400 },
];

const COMPARISON_COLUMNS: GridColumn[] = [
  { field: 'entity', headerName: 'What' },
  { field: 'key', headerName: 'Key' },
  { field: 'change', headerName: 'Change', width: 110 },
  { field: 'fields', headerName: 'Changed fields (from → to)', width: 520 },
];

const NO_REPORT: ReportTables = { kpis: [], files: [], rejections: [], warnings: [] };

/** The snapshot compared against by default: the one just before it (by as-of date, then creation). */
export function previousSnapshot(snapshots: Snapshot[], target: Snapshot): Snapshot | undefined {
  const ordered = [...snapshots].sort((a, b) => a.asOf.localeCompare(b.asOf) || a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  const i = ordered.findIndex((s) => s.id === target.id);
  return i > 0 ? ordered[i - 1] : undefined;
}

interface SnapshotDetailProps {
  snapshot: Snapshot;
  snapshots: Snapshot[];
}

export function SnapshotDetail({ snapshot, snapshots }: SnapshotDetailProps): ReactNode {
  const [tab, setTab] = useState<Tab>('files');
  const report = useChannel('snapshots.report', { id: snapshot.id }, [snapshot.id]);
  const tables = useMemo(() => (report.data ? importReportTables(report.data) : NO_REPORT), [report.data]);
  const defaultOther = previousSnapshot(snapshots, snapshot);
  const [otherId, setOtherId] = useState<number | undefined>(undefined);
  const compareFrom = snapshots.find((s) => s.id === otherId) ?? defaultOther;
  const compare = useChannel('snapshots.compare', tab === 'compare' && compareFrom ? { fromId: compareFrom.id, toId: snapshot.id } : undefined, [
    tab,
    compareFrom?.id,
    snapshot.id,
  ]);
  const comparison = useMemo(() => (compare.data ? comparisonTables(compare.data) : undefined), [compare.data]);

  const tabs: { id: Tab; label: string; count?: number }[] = [
    { id: 'files', label: 'Files', count: tables.files.length },
    { id: 'rejections', label: 'Rejections', count: tables.rejections.length },
    { id: 'warnings', label: 'Warnings', count: tables.warnings.length },
    { id: 'compare', label: 'Compare to previous' },
  ];

  let body: ReactNode;
  if (tab !== 'compare' && report.status === 'loading') body = <div className="detail-loading">Loading the import report…</div>;
  else if (tab !== 'compare' && report.status === 'error' && report.error)
    body = (
      <EmptyState tone="error" icon="alert" title="Could not load the import report" message={describeError(report.error)} testId="report-error" />
    );
  else if (tab !== 'compare' && report.status === 'ready' && (report.data === undefined || report.data === null))
    body = (
      <EmptyState
        title="No import report"
        message="This snapshot was not created from an import (for example the demo dataset), so it has no per-file report."
        testId="report-none"
      />
    );
  else if (tab === 'files')
    body = (
      <div className="detail-body">
        <KpiStrip kpis={tables.kpis} testId="report-kpis" />
        <DataGrid
          testId="report-files-grid"
          rows={tables.files}
          columns={FILE_COLUMNS}
          height={300}
          exportFileName={`import-files-${snapshot.asOf}`}
          emptyMessage="The report lists no files"
        />
      </div>
    );
  else if (tab === 'rejections')
    body = (
      <DataGrid
        testId="report-rejections-grid"
        rows={tables.rejections}
        columns={REJECTION_COLUMNS}
        height={360}
        exportFileName={`import-rejections-${snapshot.asOf}`}
        emptyMessage="No rows were rejected"
      />
    );
  else if (tab === 'warnings')
    body = (
      <DataGrid
        testId="report-warnings-grid"
        rows={tables.warnings}
        columns={WARNING_COLUMNS}
        height={360}
        exportFileName={`import-warnings-${snapshot.asOf}`}
        emptyMessage="No warnings"
      />
    );
  else
    body = (
      <div className="detail-body" data-testid="compare-panel">
        <div className="compare-bar">
          <label className="field compare-field">
            Compare against
            <select
              className="select"
              value={compareFrom?.id ?? ''}
              onChange={(e) => setOtherId(e.target.value ? Number(e.target.value) : undefined)}
              data-testid="compare-from"
            >
              {!compareFrom && <option value="">(no other snapshot)</option>}
              {snapshots
                .filter((s) => s.id !== snapshot.id)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    #{s.id} {s.label} — as of {s.asOf}
                    {s.id === defaultOther?.id ? ' (previous)' : ''}
                  </option>
                ))}
            </select>
          </label>
          {compareFrom && (
            <span className="muted">
              Changes from <strong>#{compareFrom.id}</strong> ({compareFrom.asOf}) to <strong>#{snapshot.id}</strong> ({snapshot.asOf})
            </span>
          )}
        </div>
        {!compareFrom ? (
          <EmptyState
            title="Nothing to compare with"
            message="This is the only snapshot. Import another week's exports to see what changed."
            testId="compare-none"
          />
        ) : compare.status === 'loading' || compare.status === 'idle' ? (
          <div className="detail-loading">Comparing…</div>
        ) : compare.status === 'error' && compare.error ? (
          <EmptyState
            tone="error"
            icon="alert"
            title="Could not compare the snapshots"
            message={describeError(compare.error)}
            testId="compare-error"
          />
        ) : (
          comparison && (
            <>
              <KpiStrip kpis={comparison.kpis} testId="compare-kpis" />
              <DataGrid
                testId="compare-grid"
                rows={comparison.rows}
                columns={COMPARISON_COLUMNS}
                height={360}
                exportFileName={`compare-${compareFrom.id}-${snapshot.id}`}
                emptyMessage="No yarn, knit order or yarn PO changed"
              />
            </>
          )
        )}
      </div>
    );

  return (
    <section className="panel snapshot-detail" data-testid="snapshot-detail" data-snapshot-id={snapshot.id}>
      <div className="panel-header">
        <h2 className="panel-title">Import report</h2>
        <span className="panel-subtitle">
          #{snapshot.id} · {snapshot.label} · as of {snapshot.asOf} · {snapshot.kind}
        </span>
      </div>
      <div className="tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === t.id}
            onClick={() => setTab(t.id)}
            data-testid={`report-tab-${t.id}`}
          >
            {t.label}
            {t.count !== undefined && report.status === 'ready' && <span className="count num">{t.count}</span>}
          </button>
        ))}
      </div>
      <div className="snapshot-detail-content">{body}</div>
    </section>
  );
}
