// Columns of the demand tables: the ERP's own layout (names and order as its reports print them), lbs throughout.
import type { GridColumn } from '../../components/gridColumns';
import { ChipCell } from '../../components/Chip';
import { linkCell } from '../../components/LinkCell';
import { navigate } from '../../shell/useHashRoute';
import { SourceCell } from './SourceBadge';
import { FixSkippedCell, StyleActionsCell } from './StyleActions';

const openYarn = linkCell((id) => navigate('yarn', { yarnId: id }), 'Open the yarn');
const openOrder = linkCell((id) => navigate('schedule', { koNumber: id }), 'Show the order on the schedule');

const TEXT_COLUMNS = new Set(['Style', 'KO', 'Yarn', 'Supplier', 'Description', 'Color']);

/** ERP column names -> grid columns in the same order; numbers are lbs except "Percentage" (BOM %). */
export function erpColumns(columns: readonly string[]): GridColumn[] {
  return columns.map((c) => {
    if (c === 'Yarn') return { field: c, headerName: 'Yarn', kind: 'text', pinned: 'left', width: 84, colDef: { cellRenderer: openYarn } };
    if (c === 'KO') return { field: c, headerName: 'KO', kind: 'text', pinned: 'left', width: 104, colDef: { cellRenderer: openOrder } };
    if (c === 'Style') return { field: c, headerName: 'Style', kind: 'text', pinned: 'left', width: 130 };
    if (c === 'Description') return { field: c, headerName: c, kind: 'text', width: 240 };
    if (c === 'Supplier') return { field: c, headerName: c, kind: 'text', width: 180 };
    if (TEXT_COLUMNS.has(c)) return { field: c, headerName: c, kind: 'text', width: 110 };
    if (c === 'Percentage') return { field: c, headerName: 'Percentage', unit: '%', kind: 'number', decimals: 1, width: 110 };
    return {
      field: c,
      headerName: c,
      kind: 'number',
      decimals: 0,
      // "Week 37 Receipts" needs room; "Week 37" does not
      width: c.length > 10 ? 150 : 104,
      colDef: { cellClassRules: { 'cell-zero': (p: { value?: unknown }) => p.value === 0 } },
    };
  });
}

export const STYLE_COLUMNS: GridColumn[] = [
  { field: 'style', headerName: 'Style', kind: 'text', pinned: 'left', width: 140 },
  { field: 'bomSource', headerName: 'BOM source', kind: 'text', width: 130, colDef: { cellRenderer: SourceCell } },
  { field: 'bomAsOf', headerName: 'BOM as of', kind: 'date', width: 110 },
  { field: 'yarns', headerName: 'Yarns', kind: 'number', width: 80 },
  { field: 'bomLines', headerName: 'BOM lines (yarn %)', kind: 'text', width: 240 },
  { field: 'rateLbsPerDay', headerName: 'Knit rate', unit: 'lbs/day', kind: 'number', decimals: 1, width: 130 },
  { field: 'rateSource', headerName: 'Rate source', kind: 'text', width: 130, colDef: { cellRenderer: SourceCell } },
  { field: 'rateAsOf', headerName: 'Rate as of', kind: 'date', width: 110 },
  { field: 'note', headerName: 'Note', kind: 'text', width: 480 },
  {
    field: 'actions',
    headerName: 'Planner override',
    kind: 'text',
    width: 218,
    pinned: 'right',
    colDef: { cellRenderer: StyleActionsCell, sortable: false, filter: false, cellClass: 'cell-actions' },
  },
];

export const SKIPPED_COLUMNS: GridColumn[] = [
  { field: 'orderNo', headerName: 'KO', kind: 'text', pinned: 'left', width: 110, colDef: { cellRenderer: openOrder } },
  { field: 'style', headerName: 'Style', kind: 'text', width: 140 },
  { field: 'balanceLbs', headerName: 'Balance', unit: 'lbs', kind: 'number', width: 120 },
  { field: 'reason', headerName: 'Reason', kind: 'text', width: 110, colDef: { cellRenderer: ChipCell } },
  { field: 'note', headerName: 'Note', kind: 'text', width: 600 },
  {
    field: 'fix',
    headerName: 'Fix',
    kind: 'text',
    width: 130,
    pinned: 'right',
    colDef: { cellRenderer: FixSkippedCell, sortable: false, filter: false, cellClass: 'cell-actions' },
  },
];

export const SALES_COLUMNS: GridColumn[] = [
  { field: 'soNo', headerName: 'SO', kind: 'text', pinned: 'left', width: 110 },
  { field: 'finishedStyle', headerName: 'Finished style', kind: 'text', width: 140 },
  { field: 'greigeStyle', headerName: 'Greige style', kind: 'text', width: 130 },
  { field: 'neededWeek', headerName: 'Needed week', kind: 'date', width: 120 },
  { field: 'demandLbs', headerName: 'Demand', unit: 'lbs', kind: 'number', width: 110 },
  { field: 'coveredBy', headerName: 'Covered by (stage lbs)', kind: 'text', width: 170 },
  { field: 'uncoveredLbs', headerName: 'Uncovered', unit: 'lbs', kind: 'number', width: 120 },
  { field: 'yarns', headerName: 'Yarns (id lbs)', kind: 'text', width: 170 },
  { field: 'bomSource', headerName: 'BOM source', kind: 'text', width: 120, colDef: { cellRenderer: SourceCell } },
  { field: 'unresolved', headerName: 'Unresolved', kind: 'text', width: 170 },
  { field: 'note', headerName: 'Note', kind: 'text', width: 420 },
];

export const FORECAST_COLUMNS: GridColumn[] = [
  { field: 'greigeStyle', headerName: 'Greige style', kind: 'text', pinned: 'left', width: 150 },
  {
    field: 'forecastLbs',
    headerName: 'Forecast',
    unit: 'lbs',
    kind: 'number',
    decimals: 0,
    width: 120,
    description: 'Forecast lbs in the plan weeks',
  },
  {
    field: 'consumedBySalesOrdersLbs',
    headerName: 'Consumed by sales orders',
    unit: 'lbs',
    kind: 'number',
    decimals: 0,
    width: 210,
    description: 'Forecast already taken by open sales orders of the style (not added twice)',
  },
  {
    field: 'netLbs',
    headerName: 'Net (added)',
    unit: 'lbs',
    kind: 'number',
    decimals: 0,
    width: 130,
    description: 'Forecast not consumed: what the layer adds to the yarn demand',
  },
  { field: 'yarns', headerName: 'Yarns', kind: 'number', width: 80, description: 'Yarns the net forecast explodes to through the style BOM' },
  { field: 'series', headerName: 'Forecast series', kind: 'text', width: 200, hide: true },
  { field: 'note', headerName: 'Note', kind: 'text', width: 420 },
];
