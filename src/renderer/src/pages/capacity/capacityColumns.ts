// Columns of the capacity grids other than the heat map, and their rows: lists (a machine's orders, an order's
// candidate machines) become text cells.
import type { CapacityView } from '../../../../shared/views';
import { glossaryText } from '../../../../shared/glossary';
import type { GridColumn } from '../../components/gridColumns';
import { linkCell } from '../../components/LinkCell';
import { navigate } from '../../shell/useHashRoute';
import { SetRateCell } from '../demand/StyleActions';

const openOrder = linkCell((id) => navigate('schedule', { koNumber: id }), 'Show the order on the schedule');

export const MACHINE_COLUMNS: GridColumn[] = [
  { field: 'machineId', headerName: 'Machine', kind: 'text', width: 96, pinned: 'left' },
  { field: 'workCenter', headerName: 'Work center', kind: 'text', width: 120 },
  { field: 'utilisationPct', headerName: 'Utilisation', unit: '%', decimals: 0, width: 110, description: glossaryText('utilisation') },
  { field: 'overloadedWeeks', headerName: 'Overloaded weeks', kind: 'number', width: 150, description: glossaryText('overloaded') },
  { field: 'daysRequired', headerName: 'Days required', kind: 'number', decimals: 1, width: 120 },
  { field: 'daysAvailable', headerName: 'Days available', kind: 'number', decimals: 0, width: 120 },
  { field: 'orders', headerName: 'Orders', kind: 'text', width: 520 },
];

export const BOTTLENECK_COLUMNS: GridColumn[] = [
  { field: 'rank', headerName: '#', kind: 'number', width: 60, pinned: 'left' },
  { field: 'workCenter', headerName: 'Work center', kind: 'text', width: 120, pinned: 'left' },
  { field: 'peakUtilisationPct', headerName: 'Peak', unit: '%', decimals: 0, width: 90, description: glossaryText('peakUtilisation') },
  { field: 'peakWeek', headerName: 'Peak week', kind: 'text', width: 100 },
  { field: 'overloadedWeeks', headerName: 'Overloaded weeks', kind: 'number', width: 140, description: glossaryText('overloaded') },
  { field: 'overloadDays', headerName: 'Over capacity', unit: 'machine-days', decimals: 1, width: 170 },
  { field: 'utilisationPct', headerName: 'Avg', unit: '%', decimals: 0, width: 80 },
  { field: 'machines', headerName: 'Machines', kind: 'number', width: 96 },
  { field: 'reason', headerName: 'Why', kind: 'text', width: 560 },
];

export const UNASSIGNED_COLUMNS: GridColumn[] = [
  { field: 'orderNo', headerName: 'KO', kind: 'text', width: 110, pinned: 'left', colDef: { cellRenderer: openOrder } },
  { field: 'style', headerName: 'Style', kind: 'text', width: 140 },
  { field: 'workCenter', headerName: 'Work center', kind: 'text', width: 120 },
  { field: 'balanceLbs', headerName: 'Balance', unit: 'lbs', width: 110 },
  { field: 'knitDays', headerName: 'Knit days', kind: 'number', decimals: 1, width: 100, description: glossaryText('knitDays') },
  { field: 'candidates', headerName: 'Candidate machines', kind: 'text', width: 200 },
  { field: 'note', headerName: 'Note', kind: 'text', width: 420 },
];

export const UNRATED_COLUMNS: GridColumn[] = [
  { field: 'orderNo', headerName: 'KO', kind: 'text', width: 110, pinned: 'left', colDef: { cellRenderer: openOrder } },
  { field: 'style', headerName: 'Style', kind: 'text', width: 140 },
  { field: 'balanceLbs', headerName: 'Balance', unit: 'lbs', width: 110 },
  { field: 'machine', headerName: 'Machine', kind: 'text', width: 110 },
  { field: 'reason', headerName: 'Why no rate', kind: 'text', width: 560, colDef: { tooltipField: 'reason' } },
  {
    field: 'setRate',
    headerName: 'Fix',
    kind: 'text',
    width: 120,
    pinned: 'right',
    colDef: { cellRenderer: SetRateCell, sortable: false, filter: false, cellClass: 'cell-actions' },
  },
];

type Machine = CapacityView['machines'][number];
export type MachineGridRow = Omit<Machine, 'orderNos'> & { orders: string };
export const machineGridRow = ({ orderNos, ...m }: Machine): MachineGridRow => ({ ...m, orders: orderNos.join(', ') });

type Unassigned = CapacityView['unassigned'][number];
export type UnassignedGridRow = Omit<Unassigned, 'candidates'> & { candidates: string };
export const unassignedGridRow = ({ candidates, ...u }: Unassigned): UnassignedGridRow => ({
  ...u,
  candidates: candidates.map((c) => c.machineId).join(', '),
});

type Unrated = CapacityView['unrated'][number];
export type UnratedGridRow = Unrated & { reason: string };
export const unratedGridRow = (u: Unrated): UnratedGridRow => ({
  ...u,
  reason: `no knitting rate for style ${u.style}: no ERP report, no Production Lbs row and no other version of its base with one (set an override in Demand > BOM & rate sources)`,
});
