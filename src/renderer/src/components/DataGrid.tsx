// The one grid of the app: AG Grid Community with sort, filter, quick search, a column chooser, copy (TSV),
// CSV export, optional XLSX export (callback), unit-aware number formats and status colours.
// Tests reach the GridApi at `window.__grids[testId]`; the wrapper gets `data-ready="true"` once data is rendered
// (and the planner's saved view of the grid applied: useSavedGridView).
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  AllCommunityModule,
  ModuleRegistry,
  type CellKeyDownEvent,
  type CellValueChangedEvent,
  type ColDef,
  type FullWidthCellKeyDownEvent,
  type GetRowIdParams,
  type GridApi,
  type GridReadyEvent,
  type RowClassParams,
  type RowSelectionOptions,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useApp } from '../stores/appStore';
import { toast } from '../stores/toastStore';
import { formatNumber } from '../lib/format';
import { trackRender } from '../lib/readiness';
import { ColumnChooser } from './ColumnChooser';
import { gridThemeFor } from './gridTheme';
import { copyTarget, csvExportCell, resolveColumns, shownText, toColDef, toTsv, type GridColumn, type ResolvedColumn } from './gridColumns';
import { copyText } from '../lib/clipboard';
import { Icon } from './Icon';
import { useSavedGridView } from './useSavedGridView';
import './DataGrid.css';

ModuleRegistry.registerModules([AllCommunityModule]);

export interface DataGridProps<T extends object> {
  /** `data-testid` of the wrapper and the key of `window.__grids`. */
  testId: string;
  rows: readonly T[];
  /** Column specs (units, kinds, decimals); inferred from the rows when absent. */
  columns?: readonly GridColumn[];
  /** Raw AG Grid column defs for special cases; used instead of `columns` when given. */
  colDefs?: ColDef<T>[];
  title?: ReactNode;
  /** Fixed height (px or CSS length). Without it the grid fills its flex parent; with `autoHeight` it grows to fit. */
  height?: number | string;
  autoHeight?: boolean;
  rowSelection?: 'single' | 'multi' | 'none';
  onSelectionChanged?: (rows: T[]) => void;
  onRowDoubleClicked?: (row: T) => void;
  getRowId?: (row: T) => string;
  /** With `getRowId`: the row to keep selected (single selection driven by the page). */
  selectedRowId?: string;
  /** File name (without extension) for CSV export. */
  exportFileName?: string;
  /** Shows an "XLSX" button that calls this; hidden when absent. */
  onExportXlsx?: (ctx: { rows: T[]; columns: ResolvedColumn[] }) => void;
  /** Extra toolbar content, right of the search box. */
  toolbar?: ReactNode;
  quickFilter?: boolean;
  /** Message in the grid body when there are no rows. */
  emptyMessage?: string;
  loading?: boolean;
  /** Hide the toolbar entirely (small embedded tables). */
  bare?: boolean;
  /** Extra CSS classes per row (e.g. `row-expedite`). */
  getRowClass?: (row: T) => string | string[] | undefined;
  /** Inline edits (columns with `colDef: { editable: true }`). */
  onCellValueChanged?: (e: CellValueChangedEvent<T>) => void;
  /** Rows pinned at the bottom (totals). */
  pinnedBottomRows?: T[];
  /** A single click on a row (also fires when the row is already selected). */
  onRowClicked?: (row: T) => void;
  /** Multi-selection with a checkbox column (and a select-all header checkbox). */
  checkboxes?: boolean;
  /** Icon-only toolbar buttons (narrow panels); the labels stay as tooltips. */
  compactTools?: boolean;
  /** Scroll this column (field) into view once the grid has data (e.g. the week an alert points to). */
  revealColumn?: string;
}

export function DataGrid<T extends object>(props: DataGridProps<T>): ReactNode {
  const {
    testId,
    rows,
    columns,
    colDefs,
    title,
    height,
    autoHeight,
    rowSelection = 'multi',
    onSelectionChanged,
    onRowDoubleClicked,
    getRowId,
    selectedRowId,
    exportFileName,
    onExportXlsx,
    toolbar,
    quickFilter = true,
    emptyMessage = 'No rows',
    loading,
    bare,
    getRowClass,
    onCellValueChanged,
    pinnedBottomRows,
    onRowClicked,
    checkboxes,
    compactTools,
    revealColumn,
  } = props;
  const theme = useApp((s) => s.theme);
  const apiRef = useRef<GridApi<T> | null>(null);
  const resolveRenderRef = useRef<(() => void) | null>(null);
  const [ready, setReady] = useState(false);
  const [search, setSearch] = useState('');
  const [displayedCount, setDisplayedCount] = useState(rows.length);
  const [selectedCount, setSelectedCount] = useState(0);
  const savedView = useSavedGridView(testId, !bare);

  const resolved = useMemo(() => resolveColumns(rows as readonly object[], columns), [rows, columns]);
  const columnDefs = useMemo<ColDef<T>[]>(() => colDefs ?? (resolved.map(toColDef) as ColDef<T>[]), [colDefs, resolved]);
  const defaultColDef = useMemo<ColDef<T>>(() => ({ sortable: true, filter: true, resizable: true, minWidth: 72 }), []);
  const selection = useMemo<RowSelectionOptions<T> | undefined>(() => {
    if (rowSelection === 'none') return undefined;
    if (rowSelection === 'single') return { mode: 'singleRow', checkboxes: false, enableClickSelection: true };
    return { mode: 'multiRow', checkboxes: !!checkboxes, headerCheckbox: !!checkboxes, enableClickSelection: true, selectAll: 'filtered' };
  }, [rowSelection, checkboxes]);
  const rowIdGetter = useMemo(() => (getRowId ? (p: GetRowIdParams<T>) => getRowId(p.data) : undefined), [getRowId]);
  const rowData = useMemo(() => rows as T[], [rows]);
  const rowClassGetter = useMemo(
    () => (getRowClass ? (p: RowClassParams<T>) => (p.data ? getRowClass(p.data) : undefined) : undefined),
    [getRowClass],
  );

  // Readiness: registered on mount, resolved once the first data is rendered (or the grid is empty) and the saved
  // view applied, or on unmount.
  useEffect(() => {
    resolveRenderRef.current = trackRender();
    return () => {
      resolveRenderRef.current?.();
      resolveRenderRef.current = null;
      if (window.__grids?.[testId] === apiRef.current) delete window.__grids?.[testId];
      apiRef.current = null;
    };
  }, [testId]);

  const markReady = useCallback(() => setReady(true), []);
  const shown = ready && savedView.applied;
  useEffect(() => {
    if (!shown) return;
    resolveRenderRef.current?.();
    resolveRenderRef.current = null;
  }, [shown]);

  // The saved view goes on once the grid has its columns, and again when they change (new columns appended).
  const { apply: applyView } = savedView;
  useEffect(() => {
    if (apiRef.current) applyView(apiRef.current as GridApi);
  }, [applyView, columnDefs, ready]);
  const onViewChanged = useCallback((e: { api: GridApi<T> }) => savedView.changed(e.api as GridApi), [savedView]);

  const onGridReady = useCallback(
    (e: GridReadyEvent<T>) => {
      apiRef.current = e.api;
      window.__grids = { ...(window.__grids ?? {}), [testId]: e.api as GridApi };
      setDisplayedCount(e.api.getDisplayedRowCount());
      applyView(e.api as GridApi);
      if (rows.length === 0) markReady();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rows.length is read once, at grid creation
    [testId, markReady, applyView],
  );

  const copy = useCallback(async () => {
    const gridApi = apiRef.current;
    if (!gridApi) return;
    const cols = gridApi.getAllDisplayedColumns();
    const selected = gridApi.getSelectedNodes();
    const nodes = selected.length
      ? selected
      : (() => {
          const all: typeof selected = [];
          gridApi.forEachNodeAfterFilterAndSort((n) => all.push(n));
          return all;
        })();
    const headers = cols.map((c) => c.getColDef().headerName ?? c.getColId());
    const body = nodes.map((n) =>
      cols.map((c) =>
        shownText(gridApi.getCellValue({ rowNode: n, colKey: c, useFormatter: true }), gridApi.getCellValue({ rowNode: n, colKey: c })),
      ),
    );
    const ok = await copyText(toTsv(headers, body));
    if (ok)
      toast(
        'success',
        `Copied ${formatNumber(nodes.length)} ${nodes.length === 1 ? 'row' : 'rows'}`,
        selected.length ? 'Selected rows, tab-separated' : 'All filtered rows, tab-separated',
      );
    else toast('error', 'Copy failed', 'The clipboard is not available here; use Export CSV instead.');
  }, []);

  const copyFocusedCell = useCallback(async () => {
    const gridApi = apiRef.current;
    const focused = gridApi?.getFocusedCell();
    if (!gridApi || !focused) return;
    const node = gridApi.getDisplayedRowAtIndex(focused.rowIndex);
    if (!node) return;
    const text = shownText(
      gridApi.getCellValue({ rowNode: node, colKey: focused.column, useFormatter: true }),
      gridApi.getCellValue({ rowNode: node, colKey: focused.column }),
    );
    if (await copyText(text)) toast('success', 'Copied the cell', text.length > 60 ? `${text.slice(0, 60)}…` : text);
  }, []);

  const onCellKeyDown = useCallback(
    (e: CellKeyDownEvent<T> | FullWidthCellKeyDownEvent<T>) => {
      const ke = e.event as KeyboardEvent | null | undefined;
      if (!ke || !(ke.ctrlKey || ke.metaKey) || ke.key.toLowerCase() !== 'c') return;
      const target = copyTarget({
        textSelected: (window.getSelection()?.toString() ?? '') !== '',
        selectedRows: apiRef.current?.getSelectedNodes().length ?? 0,
        focusedCell: !!apiRef.current?.getFocusedCell(),
      });
      if (target === 'browser' || target === 'none') return;
      ke.preventDefault();
      if (target === 'rows') void copy();
      else void copyFocusedCell();
    },
    [copy, copyFocusedCell],
  );

  const exportCsv = useCallback(() => {
    apiRef.current?.exportDataAsCsv({ fileName: `${exportFileName ?? testId}.csv`, processCellCallback: csvExportCell });
  }, [exportFileName, testId]);

  const exportXlsx = useCallback(() => {
    const gridApi = apiRef.current;
    if (!gridApi || !onExportXlsx) return;
    const out: T[] = [];
    gridApi.forEachNodeAfterFilterAndSort((n) => n.data && out.push(n.data));
    onExportXlsx({ rows: out, columns: resolved });
  }, [onExportXlsx, resolved]);

  useEffect(() => {
    apiRef.current?.setGridOption('quickFilterText', search);
  }, [search]);

  useEffect(() => {
    const gridApi = apiRef.current;
    if (!ready || !gridApi || selectedRowId === undefined) return;
    if (selectedRowId === '') {
      if (gridApi.getSelectedNodes().length) gridApi.deselectAll();
      return;
    }
    const node = gridApi.getRowNode(selectedRowId);
    if (node && !node.isSelected()) {
      node.setSelected(true, true);
      if (node.displayed) gridApi.ensureNodeVisible(node, 'middle');
    }
  }, [ready, selectedRowId, rows]);

  useEffect(() => {
    if (ready && revealColumn) apiRef.current?.ensureColumnVisible(revealColumn, 'middle');
  }, [ready, revealColumn]);

  const style = autoHeight ? undefined : height !== undefined ? { height } : undefined;
  const countLabel =
    displayedCount === rows.length
      ? `${formatNumber(rows.length)} ${rows.length === 1 ? 'row' : 'rows'}`
      : `${formatNumber(displayedCount)} of ${formatNumber(rows.length)} rows`;

  return (
    <div
      className={`data-grid${height === undefined && !autoHeight ? ' data-grid-fill' : ''}${compactTools ? ' data-grid-compact' : ''}`}
      data-testid={testId}
      data-ready={shown ? 'true' : 'false'}
      data-row-count={rows.length}
      style={style}
    >
      {!bare && (
        <div className="data-grid-toolbar">
          {title && <div className="data-grid-title">{title}</div>}
          <span className="data-grid-count num" data-testid={`${testId}-count`}>
            {countLabel}
            {selectedCount > 0 && ` · ${formatNumber(selectedCount)} selected`}
          </span>
          <div className="data-grid-tools">
            {quickFilter && (
              <label className="data-grid-search">
                <Icon name="search" size={13} />
                <span className="visually-hidden">Search rows</span>
                <input
                  className="input"
                  type="search"
                  placeholder="Search…"
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                  data-testid={`${testId}-search`}
                />
              </label>
            )}
            {toolbar}
            <ColumnChooser getApi={() => apiRef.current as GridApi | null} testId={`${testId}-columns`} />
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => apiRef.current && savedView.reset(apiRef.current as GridApi)}
              title="Reset view: the default sort, filters, column order, widths and columns (this grid's saved view is forgotten)"
              data-testid={`${testId}-reset-view`}
            >
              <Icon name="undo" size={13} />
              <span className="btn-label-opt">Reset view</span>
            </button>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => void copy()}
              title="Copy selected rows (or all filtered rows) as tab-separated text"
              data-testid={`${testId}-copy`}
            >
              <Icon name="copy" size={13} />
              <span className="btn-label-opt">Copy</span>
            </button>
            <button type="button" className="btn btn-sm" onClick={exportCsv} title="Export the filtered rows as CSV" data-testid={`${testId}-csv`}>
              <Icon name="download" size={13} />
              <span className="btn-label">CSV</span>
            </button>
            {onExportXlsx && (
              <button
                type="button"
                className="btn btn-sm"
                onClick={exportXlsx}
                title="Export the filtered rows as an Excel workbook"
                data-testid={`${testId}-xlsx`}
              >
                <Icon name="download" size={13} />
                <span className="btn-label">XLSX</span>
              </button>
            )}
          </div>
        </div>
      )}
      <div className="data-grid-body" style={savedView.applied ? undefined : { visibility: 'hidden' }}>
        <AgGridReact<T>
          theme={gridThemeFor(theme)}
          rowData={rowData}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          rowSelection={selection}
          getRowId={rowIdGetter}
          domLayout={autoHeight ? 'autoHeight' : 'normal'}
          loading={loading}
          overlayNoRowsTemplate={`<span class="data-grid-empty">${escapeHtml(emptyMessage)}</span>`}
          onGridReady={onGridReady}
          onFirstDataRendered={markReady}
          onSortChanged={onViewChanged}
          onFilterChanged={onViewChanged}
          onColumnMoved={(e) => e.finished && onViewChanged(e)}
          onColumnResized={(e) => e.finished && onViewChanged(e)}
          onColumnVisible={onViewChanged}
          onColumnPinned={onViewChanged}
          onModelUpdated={(e) => setDisplayedCount(e.api.getDisplayedRowCount())}
          onSelectionChanged={(e) => {
            const selected = e.api.getSelectedRows();
            setSelectedCount(selected.length);
            onSelectionChanged?.(selected);
          }}
          onRowDoubleClicked={(e) => e.data && onRowDoubleClicked?.(e.data)}
          onRowClicked={(e) => e.data && !e.rowPinned && onRowClicked?.(e.data)}
          getRowClass={rowClassGetter}
          onCellValueChanged={onCellValueChanged}
          pinnedBottomRowData={pinnedBottomRows}
          stopEditingWhenCellsLoseFocus
          onCellKeyDown={onCellKeyDown}
          suppressFieldDotNotation
          animateRows={false}
          suppressCellFocus={false}
          enableCellTextSelection
          tooltipShowDelay={400}
        />
      </div>
    </div>
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
