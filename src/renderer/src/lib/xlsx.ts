// XLSX export of a grid through the service (`export.xlsx`): the filtered, sorted rows with headers and units.
import type { ResolvedColumn } from '../components/gridColumns';
import { headerWithUnit } from './format';
import { call } from '../api';
import { downloadFile } from './download';
import { toast } from '../stores/toastStore';

type Cell = string | number | boolean | null;

function cellValue(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** A sheet from grid rows and the grid's resolved columns (hidden columns left out). */
export function toSheet(
  name: string,
  rows: readonly object[],
  columns: readonly ResolvedColumn[],
): { name: string; columns: string[]; rows: Cell[][] } {
  const visible = columns.filter((c) => !c.hide);
  return {
    name: name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1',
    columns: visible.map((c) => headerWithUnit(c.headerName, c.unit)),
    rows: rows.map((r) => visible.map((c) => cellValue((r as Record<string, unknown>)[c.field]))),
  };
}

/** `onExportXlsx` for a DataGrid: `<DataGrid onExportXlsx={xlsxExporter('yarn-position', 'Yarn position')} />`. */
export function xlsxExporter(fileName: string, sheetName: string) {
  return ({ rows, columns }: { rows: object[]; columns: ResolvedColumn[] }): void => {
    void (async () => {
      const file = await call('export.xlsx', { fileName: `${fileName}.xlsx`, sheets: [toSheet(sheetName, rows, columns)] });
      if (file) {
        downloadFile(file);
        toast('success', 'Exported to Excel', `${file.fileName} · ${rows.length.toLocaleString('en-US')} rows`);
      }
    })();
  };
}
