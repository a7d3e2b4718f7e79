// A grid's saved view (sort, filters, column order, widths, hidden and pinned columns), per page and grid, kept in
// the planning store (`ui.gridState.*`; localStorage would be lost: the web bridge's origin changes with its port).
// The grid stays hidden until the saved view is applied, so it never shows the default and then jumps; changes are
// written 400 ms after the last one; "Reset view" puts the default back.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnState, GridApi } from 'ag-grid-community';
import { gridStateKey, mergeGridView, type GridView, type SavedColumnState } from '../../../shared/gridState';
import { api } from '../api';
import { parseHash } from '../routes';

const SAVE_DELAY_MS = 400;
/** Past this the grid shows its default view rather than stay hidden (a saved view arriving later is not applied). */
const LOAD_TIMEOUT_MS = 1500;

/** Views read or saved in this window, so a page opened again shows its grids at once. */
const viewCache = new Map<string, GridView | null>();

/** The grid's view now, in the stored shape (a flexed column keeps its flex, not the width it happens to have). */
export function currentView(gridApi: GridApi): GridView {
  const columns = gridApi.getColumnState().map((c: ColumnState): SavedColumnState => {
    const out: SavedColumnState = { colId: c.colId };
    if (c.flex) out.flex = c.flex;
    else if (c.width != null) out.width = c.width;
    if (c.hide) out.hide = true;
    if (c.pinned === 'left' || c.pinned === 'right') out.pinned = c.pinned;
    if (c.sort) {
      out.sort = c.sort;
      out.sortIndex = c.sortIndex ?? 0;
    }
    return out;
  });
  return { columns, filterModel: gridApi.getFilterModel() ?? {} };
}

export interface SavedGridView {
  /** False until the saved view (or the default, when none) is on the grid: the grid is hidden meanwhile. */
  applied: boolean;
  /** Call when the grid has its API and whenever its column defs change. */
  apply(gridApi: GridApi): void;
  /** Call on every sort, filter, move, resize (finished), show/hide and pin. */
  changed(gridApi: GridApi): void;
  reset(gridApi: GridApi): void;
}

/** `persist` false (bare embedded tables, which show no Reset view): the grid keeps no view and shows at once. */
export function useSavedGridView(gridId: string, persist = true): SavedGridView {
  const keyRef = useRef<string>(gridStateKey(parseHash(window.location.hash), gridId));
  const key = keyRef.current;
  const [loaded, setLoaded] = useState<GridView | null | undefined>(() => (persist ? viewCache.get(key) : null));
  const [applied, setApplied] = useState(false);
  const lastJson = useRef<string | null>(null);
  const applying = useRef(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<GridView | null>(null);

  useEffect(() => {
    if (loaded !== undefined) return;
    let live = true;
    const timeout = setTimeout(() => live && setLoaded((v) => (v === undefined ? null : v)), LOAD_TIMEOUT_MS);
    void api.invoke('ui.gridState.get', { key }).then((r) => {
      if (!live) return;
      if (!r.ok) console.warn(`the saved view of grid ${gridId} could not be read (${r.error.message}); showing the default`);
      else if (r.data.invalid) console.warn(`${r.data.invalid}; showing the default view`);
      const view = r.ok ? r.data.view : null;
      viewCache.set(key, view);
      setLoaded((v) => (v === undefined ? view : v));
    });
    return () => {
      live = false;
      clearTimeout(timeout);
    };
  }, [key, gridId, loaded]);

  const flush = useCallback(() => {
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    const view = pending.current;
    pending.current = null;
    if (view)
      void api
        .invoke('ui.gridState.set', { key, view })
        .then((r) => !r.ok && console.warn(`the view of grid ${gridId} was not saved: ${r.error.message}`));
  }, [key, gridId]);
  useEffect(() => flush, [flush]);

  const apply = useCallback(
    (gridApi: GridApi) => {
      if (loaded === undefined || gridApi.isDestroyed()) return;
      // No columns yet (inferred from rows still to come): nothing to hide; the view goes on with the columns.
      if (gridApi.getColumnState().length === 0) return setApplied(true);
      const saved = !persist ? null : viewCache.has(key) ? viewCache.get(key)! : loaded;
      applying.current = true;
      try {
        if (saved) {
          const view = mergeGridView(
            saved,
            gridApi.getColumnState().map((c) => c.colId),
          );
          gridApi.applyColumnState({ state: view.columns, applyOrder: true });
          gridApi.setFilterModel(Object.keys(view.filterModel).length ? view.filterModel : null);
        }
        lastJson.current = JSON.stringify(currentView(gridApi));
      } finally {
        applying.current = false;
      }
      setApplied(true);
    },
    [key, loaded, persist],
  );

  const changed = useCallback(
    (gridApi: GridApi) => {
      if (!persist || applying.current || lastJson.current === null || gridApi.isDestroyed()) return;
      const view = currentView(gridApi);
      const json = JSON.stringify(view);
      if (json === lastJson.current) return;
      lastJson.current = json;
      viewCache.set(key, view);
      pending.current = view;
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [key, flush, persist],
  );

  const reset = useCallback(
    (gridApi: GridApi) => {
      clearTimeout(saveTimer.current);
      pending.current = null;
      viewCache.set(key, null);
      applying.current = true;
      try {
        gridApi.resetColumnState();
        gridApi.setFilterModel(null);
        lastJson.current = JSON.stringify(currentView(gridApi));
      } finally {
        applying.current = false;
      }
      void api.invoke('ui.gridState.reset', { key });
    },
    [key],
  );

  return { applied, apply, changed, reset };
}
