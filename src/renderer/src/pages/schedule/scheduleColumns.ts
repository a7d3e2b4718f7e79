// Columns of the schedule grids, and their rows: an order's yarns and the orders ahead of a late one become text.
import type { ScheduledOrderRow, ScheduleView } from '../../../../shared/views';
import { orderYarnsText } from '../../../../shared/viewText';
import type { GridColumn } from '../../components/gridColumns';
import { formatNumber } from '../../lib/format';
import { ChipCell } from '../../components/Chip';

/**
 * The Gantt legend's counts. A late order that is also short of yarn is drawn as material short with a late outline,
 * so "late" counts every late order (as the Late orders tab does) and the outline count says how many are drawn amber.
 */
export function legendCounts(orders: readonly Pick<ScheduledOrderRow, 'status' | 'late' | 'assignment'>[]): {
  onTime: number;
  late: number;
  materialShort: number;
  lateAndShort: number;
  pinned: number;
} {
  const c = { onTime: 0, late: 0, materialShort: 0, lateAndShort: 0, pinned: 0 };
  for (const o of orders) {
    if (o.status === 'on time') c.onTime++;
    if (o.status === 'material short') c.materialShort++;
    if (o.late) c.late++;
    if (o.late && o.status === 'material short') c.lateAndShort++;
    if (o.assignment === 'pinned') c.pinned++;
  }
  return c;
}

export const ORDER_COLUMNS: GridColumn[] = [
  { field: 'orderNo', headerName: 'KO', kind: 'text', width: 104, pinned: 'left' },
  { field: 'status', headerName: 'Status', kind: 'text', width: 130, colDef: { cellRenderer: ChipCell } },
  { field: 'style', headerName: 'Style', kind: 'text', width: 130 },
  { field: 'machineId', headerName: 'Machine', kind: 'text', width: 90 },
  { field: 'workCenter', headerName: 'Work center', kind: 'text', width: 110 },
  { field: 'plannedStart', headerName: 'Start', kind: 'date', width: 104 },
  { field: 'plannedFinish', headerName: 'Finish', kind: 'date', width: 104 },
  { field: 'quotedDate', headerName: 'Quoted', kind: 'date', width: 104 },
  { field: 'latenessDays', headerName: 'Days late', kind: 'number', decimals: 0, width: 120 },
  { field: 'balanceLbs', headerName: 'Balance', unit: 'lbs', width: 104 },
  { field: 'knitDays', headerName: 'Knit days', kind: 'number', decimals: 1, width: 96 },
  { field: 'rateLbsPerDay', headerName: 'Rate', unit: 'lbs/day', decimals: 0, width: 110 },
  { field: 'assignment', headerName: 'Assignment', kind: 'text', width: 104 },
  { field: 'yarns', headerName: 'Yarns', kind: 'text', width: 260 },
  { field: 'why', headerName: 'Why', kind: 'text', width: 480 },
];

export const LATE_COLUMNS: GridColumn[] = [
  { field: 'orderNo', headerName: 'KO', kind: 'text', width: 104, pinned: 'left' },
  { field: 'latenessDays', headerName: 'Days late', kind: 'number', decimals: 0, width: 120 },
  { field: 'quotedDate', headerName: 'Quoted', kind: 'date', width: 110 },
  { field: 'plannedFinish', headerName: 'Planned finish', kind: 'date', width: 130 },
  { field: 'machineId', headerName: 'Machine', kind: 'text', width: 90 },
  { field: 'ahead', headerName: 'Orders ahead', kind: 'text', width: 200 },
  { field: 'why', headerName: 'Why', kind: 'text', width: 720 },
];

export const UNSCHEDULABLE_COLUMNS: GridColumn[] = [
  { field: 'orderNo', headerName: 'KO', kind: 'text', width: 104 },
  { field: 'style', headerName: 'Style', kind: 'text', width: 120 },
  { field: 'balanceLbs', headerName: 'Balance', unit: 'lbs', width: 100 },
  { field: 'reason', headerName: 'Reason', kind: 'text', width: 180 },
  { field: 'message', headerName: 'Detail', kind: 'text', width: 600 },
];

export type OrderGridRow = Omit<ScheduledOrderRow, 'yarns'> & { yarns: string };
export const orderGridRow = (o: ScheduledOrderRow): OrderGridRow => ({ ...o, yarns: orderYarnsText(o.yarns) });

type Late = ScheduleView['late'][number];
export type LateGridRow = Omit<Late, 'ahead'> & { ahead: string };
export const lateGridRow = ({ ahead, ...l }: Late): LateGridRow => ({
  ...l,
  ahead: ahead.map((a) => `${a.orderNo} (${formatNumber(a.days, 1)} d)`).join(', '),
});
