// The scenarios of the active snapshot: create (name), select, copy, rename, delete.
import { useState, type ReactNode } from 'react';
import type { ScenarioListItem } from '../../../../shared/scenario';
import { call } from '../../api';
import { confirmAction } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { formatDateTime } from '../../lib/format';
import { toast } from '../../stores/toastStore';

interface ScenarioListProps {
  scenarios: ScenarioListItem[];
  selectedId?: number;
  onSelect: (id: number | undefined) => void;
  onChanged: () => void;
  snapshotId?: number;
}

export function ScenarioList({ scenarios, selectedId, onSelect, onChanged, snapshotId }: ScenarioListProps): ReactNode {
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    const n = name.trim();
    if (!n) return;
    setBusy(true);
    const s = await call('scenarios.create', { name: n, ...(snapshotId ? { snapshotId } : {}) });
    setBusy(false);
    if (!s) return;
    setName('');
    toast('success', `Scenario “${s.name}” created`, 'Add overrides, then plan it.');
    onChanged();
    onSelect(s.id);
  };

  const copy = async (s: ScenarioListItem) => {
    const copyName = `${s.name} (copy)`.slice(0, 120);
    const c = await call('scenarios.copy', { id: s.id, name: copyName });
    if (!c) return;
    toast('success', `Copied to “${c.name}”`, `${c.overrides.length} overrides; plan it to compare.`);
    onChanged();
    onSelect(c.id);
  };

  const rename = async () => {
    if (!renaming || !renaming.name.trim()) return;
    const r = await call('scenarios.rename', { id: renaming.id, name: renaming.name.trim() });
    setRenaming(null);
    if (r) onChanged();
  };

  const remove = async (s: ScenarioListItem) => {
    const ok = await confirmAction({
      title: `Delete scenario “${s.name}”?`,
      message: `Its ${s.overrideCount} overrides and its plan are deleted. The base plan is not touched.`,
      confirmLabel: 'Delete',
      danger: true,
    });
    if (!ok) return;
    const r = await call('scenarios.delete', { id: s.id });
    if (!r) return;
    if (selectedId === s.id) onSelect(undefined);
    onChanged();
  };

  return (
    <aside className="panel scenario-list" data-testid="scenario-list">
      <div className="panel-header">
        <h3 className="panel-title">Scenarios</h3>
        <span className="panel-subtitle">{scenarios.length}</span>
      </div>
      <form
        className="scenario-create"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input
          className="input"
          placeholder="New scenario name, e.g. “PO Y2608038 two weeks late”"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
          data-testid="scenario-name"
        />
        <button type="submit" className="btn btn-primary" disabled={!name.trim() || busy} data-testid="scenario-create">
          <Icon name="plus" size={12} /> Create
        </button>
      </form>
      {scenarios.length === 0 ? (
        <p className="note scenario-empty">
          No scenario yet. A scenario keeps only your changes (overrides) on top of the active snapshot, so the base plan stays as it is.
        </p>
      ) : (
        <ul className="scenario-items">
          {scenarios.map((s) => (
            <li key={s.id} className={s.id === selectedId ? 'scenario-item selected' : 'scenario-item'} data-testid={`scenario-item-${s.id}`}>
              {renaming?.id === s.id ? (
                <form
                  className="scenario-rename"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void rename();
                  }}
                >
                  <input
                    className="input"
                    autoFocus
                    value={renaming.name}
                    onChange={(e) => setRenaming({ id: s.id, name: e.target.value })}
                    maxLength={120}
                    data-testid="scenario-rename-input"
                  />
                  <button type="submit" className="btn btn-sm btn-primary">
                    Save
                  </button>
                  <button type="button" className="btn btn-sm" onClick={() => setRenaming(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <button
                  type="button"
                  className="scenario-select"
                  onClick={() => onSelect(s.id)}
                  aria-current={s.id === selectedId ? 'true' : undefined}
                >
                  <span className="scenario-name">{s.name}</span>
                  <span className="scenario-meta">
                    {s.overrideCount} {s.overrideCount === 1 ? 'override' : 'overrides'} · {formatDateTime(s.createdAt)}
                  </span>
                </button>
              )}
              {s.id === selectedId && renaming?.id !== s.id && (
                <div className="scenario-item-actions">
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    onClick={() => void copy(s)}
                    title="Copy with its overrides"
                    data-testid="scenario-copy"
                  >
                    <Icon name="copy" size={12} /> Copy
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    onClick={() => setRenaming({ id: s.id, name: s.name })}
                    data-testid="scenario-rename"
                  >
                    <Icon name="edit" size={12} /> Rename
                  </button>
                  <button type="button" className="btn btn-sm btn-ghost btn-danger" onClick={() => void remove(s)} data-testid="scenario-delete">
                    <Icon name="trash" size={12} /> Delete
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
