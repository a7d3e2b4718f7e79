// The snapshot list (as-of, label, kind, entity counts, created) with Set active / Delete for the selected snapshot.
// Deleting a snapshot that what-if scenarios are built on names them and asks whether to move them to another
// snapshot (the default) or delete them too.
import { useMemo, useState, type ReactNode } from 'react';
import type { Snapshot } from '../../../../shared/contract';
import type { ScenarioListItem } from '../../../../shared/scenario';
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

type ScenarioFate = { moveScenariosTo: number } | { deleteScenarios: true };

/** The scenarios a deletion would touch, and the planner's choice: move them (to which snapshot) or delete them. */
function ScenarioFateChoice({
  scenarios,
  others,
  onChange,
}: {
  scenarios: ScenarioListItem[];
  others: Snapshot[];
  onChange: (fate: ScenarioFate) => void;
}): ReactNode {
  const [target, setTarget] = useState<number | undefined>(others[0]?.id);
  const [remove, setRemove] = useState(others.length === 0);
  const pick = (nextRemove: boolean, nextTarget = target) => {
    setRemove(nextRemove);
    setTarget(nextTarget);
    onChange(nextRemove || nextTarget === undefined ? { deleteScenarios: true } : { moveScenariosTo: nextTarget });
  };
  return (
    <div className="snapshot-delete-scenarios" data-testid="snapshot-delete-scenarios">
      <p>{scenarios.length === 1 ? 'This what-if scenario is' : `These ${scenarios.length} what-if scenarios are`} built on it:</p>
      <ul>
        {scenarios.map((sc) => (
          <li key={sc.id}>
            <strong>{sc.name}</strong> ({sc.overrideCount} {sc.overrideCount === 1 ? 'override' : 'overrides'})
          </li>
        ))}
      </ul>
      <label className="radio">
        <input
          type="radio"
          name="scenario-fate"
          checked={!remove}
          disabled={others.length === 0}
          onChange={() => pick(false)}
          data-testid="scenario-fate-move"
        />
        Keep them: move to snapshot{' '}
        <select
          className="input"
          value={target ?? ''}
          disabled={others.length === 0 || remove}
          onChange={(e) => pick(false, Number(e.target.value))}
          data-testid="scenario-fate-target"
        >
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              #{o.id} {o.label} (as of {o.asOf})
            </option>
          ))}
        </select>
      </label>
      <label className="radio">
        <input type="radio" name="scenario-fate" checked={remove} onChange={() => pick(true)} data-testid="scenario-fate-delete" />
        Delete them with the snapshot
      </label>
    </div>
  );
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
    const scenarios = await call('scenarios.list', { snapshotId: selected.id });
    if (!scenarios) return;
    const others = snapshots.filter((s) => s.id !== selected.id);
    let fate: ScenarioFate | undefined;
    if (scenarios.length) fate = others.length ? { moveScenariosTo: others[0].id } : { deleteScenarios: true };
    const ok = await confirmAction({
      title: 'Delete snapshot?',
      message: (
        <>
          <strong>{selected.label}</strong> (as of {selected.asOf}) and its import report and plan results will be deleted. This cannot be undone.
          {scenarios.length > 0 && <ScenarioFateChoice scenarios={scenarios} others={others} onChange={(f) => (fate = f)} />}
        </>
      ),
      confirmLabel: 'Delete snapshot',
      danger: true,
    });
    if (!ok) return;
    const chosen = fate as ScenarioFate | undefined; // set by the dialog
    const r = await call('snapshots.delete', { id: selected.id, ...chosen });
    if (r?.deleted) {
      const targetId = chosen && 'moveScenariosTo' in chosen ? chosen.moveScenariosTo : undefined;
      const scenarioNote = r.scenariosMoved
        ? ` · ${r.scenariosMoved} scenario(s) moved to ${snapshots.find((s) => s.id === targetId)?.label ?? `snapshot ${targetId}`}`
        : r.scenariosDeleted
          ? ` · ${r.scenariosDeleted} scenario(s) deleted`
          : '';
      toast('success', 'Snapshot deleted', `${selected.label}${scenarioNote}`);
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
