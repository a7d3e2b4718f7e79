// The snapshot list (as-of, label, kind, entity counts, created) with Set active / Delete for the selected snapshot.
import { useMemo, type ReactNode } from 'react';
import type { Snapshot } from '../../../../shared/contract';
import { call } from '../../api';
import { confirmAction } from '../../components/ConfirmDialog';
import { DataGrid } from '../../components/DataGrid';
import type { GridColumn } from '../../components/gridColumns';
import { Icon } from '../../components/Icon';
import { humanizeField } from '../../lib/format';
import { useApp } from '../../stores/appStore';
import { toast } from '../../stores/toastStore';

interface SnapshotRow extends Record<string, unknown> {
  id: number;
  active: string;
  asOf: string;
  label: string;
  kind: string;
  createdAt: string;
  totalRows: number;
}

const ENTITY_PREFIX = 'entity.';

function toRows(snapshots: Snapshot[], activeId: number | null): SnapshotRow[] {
  return snapshots.map((s) => ({
    id: s.id,
    active: s.id === activeId ? 'Active' : '',
    asOf: s.asOf,
    label: s.label,
    kind: s.kind,
    createdAt: s.createdAt,
    totalRows: Object.values(s.entities).reduce((a, b) => a + b, 0),
    source: s.source,
    ...Object.fromEntries(Object.entries(s.entities).map(([k, v]) => [`${ENTITY_PREFIX}${k}`, v])),
  }));
}

function columnsFor(snapshots: Snapshot[]): GridColumn[] {
  const entityKeys = [...new Set(snapshots.flatMap((s) => Object.keys(s.entities)))];
  return [
    { field: 'id', headerName: '#', kind: 'number', width: 64, pinned: 'left' },
    { field: 'active', headerName: 'Active', kind: 'status', width: 84 },
    { field: 'asOf', headerName: 'As of', kind: 'date', width: 110 },
    { field: 'label', headerName: 'Label', kind: 'text', width: 240 },
    { field: 'kind', headerName: 'Kind', kind: 'text', width: 90 },
    { field: 'totalRows', headerName: 'Rows', kind: 'number', width: 100 },
    ...entityKeys.map((k): GridColumn => ({ field: `${ENTITY_PREFIX}${k}`, headerName: humanizeField(k).label, kind: 'number', width: 110 })),
    { field: 'createdAt', headerName: 'Created', kind: 'date', width: 150 },
    { field: 'source', headerName: 'Source', kind: 'text', hide: true },
  ];
}

interface SnapshotsPanelProps {
  selectedId: number | undefined;
  onSelect: (id: number | undefined) => void;
}

export function SnapshotsPanel({ selectedId, onSelect }: SnapshotsPanelProps): ReactNode {
  const snapshots = useApp((s) => s.snapshots);
  const activeId = useApp((s) => s.activeSnapshotId);
  const loadSnapshots = useApp((s) => s.loadSnapshots);
  const rows = useMemo(() => toRows(snapshots, activeId), [snapshots, activeId]);
  const columns = useMemo(() => columnsFor(snapshots), [snapshots]);
  const selected = snapshots.find((s) => s.id === selectedId);

  const setActive = async () => {
    if (!selected) return;
    const r = await call('snapshots.setActive', { id: selected.id });
    if (r) {
      useApp.getState().setActiveSnapshotId(r.activeSnapshotId);
      toast('success', 'Active snapshot changed', `${selected.label} (as of ${selected.asOf})`);
    }
  };

  const remove = async () => {
    if (!selected) return;
    const ok = await confirmAction({
      title: 'Delete snapshot?',
      message: (
        <>
          <strong>{selected.label}</strong> (as of {selected.asOf}) and its import report and plan results will be deleted.
          This cannot be undone.
        </>
      ),
      confirmLabel: 'Delete snapshot',
      danger: true,
    });
    if (!ok) return;
    const r = await call('snapshots.delete', { id: selected.id });
    if (r?.deleted) {
      toast('success', 'Snapshot deleted', selected.label);
      onSelect(undefined);
    }
    await loadSnapshots();
  };

  return (
    <section className="panel snapshots-panel">
      <DataGrid<SnapshotRow>
        testId="snapshots-grid"
        title="Snapshots"
        rows={rows}
        columns={columns}
        rowSelection="single"
        getRowId={(r) => String(r.id)}
        selectedRowId={selectedId !== undefined ? String(selectedId) : undefined}
        onSelectionChanged={(sel) => sel[0] && onSelect(sel[0].id)}
        height={Math.min(96 + Math.max(rows.length, 3) * 28, 320)}
        exportFileName="snapshots"
        emptyMessage="No snapshots yet — import ERP exports or load the demo dataset"
        toolbar={
          <>
            <button
              type="button"
              className="btn btn-sm"
              disabled={!selected || selected.id === activeId}
              onClick={() => void setActive()}
              data-testid="snapshot-set-active"
            >
              <Icon name="check" size={13} />
              Set active
            </button>
            <button type="button" className="btn btn-sm btn-danger" disabled={!selected} onClick={() => void remove()} data-testid="snapshot-delete">
              <Icon name="trash" size={13} />
              Delete
            </button>
          </>
        }
      />
    </section>
  );
}
