// Column specs for DataGrid: a small, serialisable description (what plan views send) -> AG Grid column defs.
import type { CellClassParams, ColDef, ProcessCellForExportParams, ValueFormatterParams } from 'ag-grid-community';
import { neutraliseFormula } from '../../../shared/csv';
import {
  defaultDecimals,
  formatDateTime,
  formatNumber,
  headerWithUnit,
  humanizeField,
  isAlertFlagField,
  isIsoDateString,
  isStatusField,
  statusBand,
} from '../lib/format';

export type ColumnKind = 'number' | 'text' | 'date' | 'status' | 'flag' | 'boolean' | 'json';

/** What a plan view (or a page) says about a column. Everything but `field` is optional and inferred. */
export interface GridColumn {
  field: string;
  headerName?: string;
  unit?: string;
  kind?: ColumnKind;
  decimals?: number;
  width?: number;
  pinned?: 'left' | 'right';
  hide?: boolean;
  /** Tooltip on the header. */
  description?: string;
  /** AG Grid options merged over the generated column def (cell renderers, editors, cell classes). */
  colDef?: Partial<ColDef>;
}

const SAMPLE_SIZE = 200;

function sampleValues(rows: readonly object[], field: string): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < rows.length && out.length < SAMPLE_SIZE; i++) {
    const v = (rows[i] as Record<string, unknown>)[field];
    if (v !== null && v !== undefined && v !== '') out.push(v);
  }
  return out;
}

export function inferKind(field: string, sample: unknown[]): ColumnKind {
  if (sample.length === 0) return 'text';
  if (sample.every((v) => typeof v === 'number')) return 'number';
  if (sample.every((v) => typeof v === 'boolean')) return isAlertFlagField(field) ? 'flag' : 'boolean';
  if (sample.every((v) => typeof v === 'string')) {
    if (sample.every(isIsoDateString)) return 'date';
    if (isStatusField(field) || sample.every((v) => statusBand(v) !== undefined)) return 'status';
    return 'text';
  }
  if (sample.some((v) => typeof v === 'object')) return 'json';
  return 'text';
}

/** The union of keys over the first rows, in first-seen order. */
export function inferFields(rows: readonly object[]): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < rows.length && i < SAMPLE_SIZE; i++) for (const k of Object.keys(rows[i])) seen.add(k);
  return [...seen];
}

/** Columns to show for rows: the given specs completed by inference, or one per field when none are given. */
export function resolveColumns(rows: readonly object[], columns?: readonly GridColumn[]): ResolvedColumn[] {
  const specs: readonly GridColumn[] = columns && columns.length ? columns : inferFields(rows).map((field) => ({ field }));
  return specs.map((spec) => {
    const sample = sampleValues(rows, spec.field);
    const human = humanizeField(spec.field);
    const unit = spec.unit ?? (spec.headerName ? undefined : human.unit);
    // A column with a unit is a number even before its rows arrive: a grid opened while its view loads keeps the
    // column defs of its first (empty) render, which would otherwise print the numbers raw.
    const kind = spec.kind ?? (spec.unit ? 'number' : inferKind(spec.field, sample));
    return {
      ...spec,
      headerName: spec.headerName ?? human.label,
      unit,
      kind,
      decimals: spec.decimals ?? (kind === 'number' ? defaultDecimals(unit, sample) : undefined),
    };
  });
}

export type ResolvedColumn = GridColumn & { headerName: string; kind: ColumnKind };

function numberFormatter(decimals: number, unit?: string) {
  return (p: ValueFormatterParams): string => {
    if (p.value === null || p.value === undefined || p.value === '') return '';
    if (typeof p.value !== 'number') return String(p.value);
    const text = formatNumber(p.value, decimals);
    return unit === '%' ? `${text}%` : text;
  };
}

const negativeClass = (p: CellClassParams): string[] =>
  typeof p.value === 'number' && p.value < 0 ? ['ag-right-aligned-cell', 'text-negative'] : ['ag-right-aligned-cell'];

/** Wide enough for the header text, the sort and the filter icons (px). */
export function headerMinWidth(header: string): number {
  return Math.max(72, Math.min(240, Math.round(header.length * 7.2) + 44));
}

function statusCellClass(p: CellClassParams): string[] {
  const band = statusBand(p.value);
  return band ? ['cell-status', `cell-status-${band}`] : ['cell-status'];
}

function flagCellClass(p: CellClassParams): string | undefined {
  return p.value === true ? 'cell-flag-on' : undefined;
}

/** Lbs short or in deficit (positive = worse): the first click on the header sorts the worst first. */
export function isDeficitField(field: string): boolean {
  return /(deficit|short)[A-Za-z]*Lbs$/i.test(field);
}

const KIND_MIN_WIDTH: Partial<Record<ColumnKind, number>> = { status: 104, date: 104, number: 84 };

export function toColDef(col: ResolvedColumn): ColDef {
  const def = baseColDef(col);
  return col.colDef ? { ...def, ...col.colDef } : def;
}

function baseColDef(col: ResolvedColumn): ColDef {
  const headerName = headerWithUnit(col.headerName, col.unit);
  const minWidth = Math.max(headerMinWidth(headerName), KIND_MIN_WIDTH[col.kind] ?? 0);
  const base: ColDef = {
    field: col.field,
    colId: col.field,
    headerName,
    headerTooltip: col.description ?? headerName,
    hide: col.hide,
    pinned: col.pinned,
    ...(col.width ? { width: col.width } : col.pinned ? { width: Math.max(minWidth, 120) } : { flex: col.kind === 'text' ? 2 : 1 }),
    minWidth,
    cellDataType: false,
  };
  switch (col.kind) {
    case 'number':
      return {
        ...base,
        ...(isDeficitField(col.field) ? { sortingOrder: ['desc', 'asc', null] as ColDef['sortingOrder'] } : {}),
        type: 'rightAligned',
        filter: 'agNumberColumnFilter',
        valueFormatter: numberFormatter(col.decimals ?? 0, col.unit),
        cellClass: negativeClass,
      };
    case 'date':
      return {
        ...base,
        filter: 'agTextColumnFilter',
        valueFormatter: (p) => (typeof p.value === 'string' ? formatDateTime(p.value) : ''),
      };
    case 'status':
      return { ...base, filter: 'agTextColumnFilter', cellClass: statusCellClass };
    case 'flag':
      return {
        ...base,
        filter: 'agTextColumnFilter',
        valueFormatter: (p) => (p.value === true ? col.headerName : p.value === false ? '' : ''),
        cellClass: flagCellClass,
      };
    case 'boolean':
      return { ...base, filter: 'agTextColumnFilter', valueFormatter: (p) => (p.value === true ? 'Yes' : p.value === false ? 'No' : '') };
    case 'json':
      return { ...base, filter: 'agTextColumnFilter', valueFormatter: (p) => (p.value == null ? '' : JSON.stringify(p.value)) };
    default:
      return { ...base, filter: 'agTextColumnFilter' };
  }
}

/** Rows as tab-separated text (header first) for the clipboard; tabs/newlines inside values become spaces, and text
 * a spreadsheet would run as a formula gets a leading quote (pasted into Excel, it would run like a CSV cell). */
export function toTsv(headers: string[], rows: unknown[][]): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return neutraliseFormula(s).replace(/[\t\r\n]+/g, ' ');
  };
  return [headers.map(cell).join('\t'), ...rows.map((r) => r.map(cell).join('\t'))].join('\n');
}

/** A grid cell as the CSV export writes it: the displayed (formatted) text, formula text neutralised. */
export function csvExportCell(params: Pick<ProcessCellForExportParams, 'value' | 'formatValue'>): string {
  if (params.value === null || params.value === undefined) return '';
  const shown: unknown = params.formatValue(params.value);
  const text = shown === null || shown === undefined ? '' : typeof shown === 'object' ? JSON.stringify(shown) : String(shown);
  return neutraliseFormula(text);
}

export type CopyTarget = 'browser' | 'cell' | 'rows' | 'none';

/**
 * What Ctrl+C copies: text the planner selected with the mouse (the browser copies it), else the focused cell, or
 * the selected rows when several are selected. A click selects its row too: that alone must not copy the whole row.
 */
export function copyTarget(state: { textSelected: boolean; selectedRows: number; focusedCell: boolean }): CopyTarget {
  if (state.textSelected) return 'browser';
  if (state.selectedRows > 1) return 'rows';
  if (state.focusedCell) return 'cell';
  return state.selectedRows === 1 ? 'rows' : 'none';
}

/** A cell as the grid shows it (its formatter's text), for the clipboard. */
export function shownText(formatted: unknown, raw: unknown): string {
  const v = formatted ?? raw;
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
