// A "Columns" menu of checkboxes that shows/hides grid columns through the GridApi.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Column, GridApi } from 'ag-grid-community';
import { Icon } from './Icon';

interface ColumnChooserProps {
  getApi: () => GridApi | null;
  testId: string;
}

export function ColumnChooser({ getApi, testId }: ColumnChooserProps): ReactNode {
  const [open, setOpen] = useState(false);
  const [columns, setColumns] = useState<Column[]>([]);
  const [, setTick] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        rootRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const toggleOpen = () => {
    const api = getApi();
    if (!open) setColumns(api?.getColumns() ?? []);
    setOpen(!open);
  };

  const setVisible = (cols: Column[], visible: boolean) => {
    getApi()?.setColumnsVisible(cols, visible);
    setTick((t) => t + 1);
  };

  const hiddenCount = columns.filter((c) => !c.isVisible()).length;

  return (
    <div className="column-chooser" ref={rootRef}>
      <button
        type="button"
        className="btn btn-sm"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={toggleOpen}
        data-testid={testId}
        title="Show or hide columns"
      >
        <Icon name="columns" size={13} />
        <span className="btn-label-opt">Columns</span>
        <Icon name="chevronDown" size={11} />
      </button>
      {open && (
        <div className="column-chooser-menu" role="menu" data-testid={`${testId}-menu`}>
          <div className="column-chooser-head">
            <span className="section-label">Columns</span>
            <button type="button" className="btn btn-ghost btn-sm" disabled={hiddenCount === 0} onClick={() => setVisible(columns, true)}>
              Show all
            </button>
          </div>
          <div className="column-chooser-list">
            {columns.map((col) => (
              <label key={col.getColId()} className="column-chooser-item" role="menuitemcheckbox" aria-checked={col.isVisible()}>
                <input type="checkbox" checked={col.isVisible()} onChange={(e) => setVisible([col], e.target.checked)} />
                <span>{col.getColDef().headerName ?? col.getColId()}</span>
              </label>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
