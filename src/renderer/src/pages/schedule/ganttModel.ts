// The Gantt's data: machines as rows (grouped and sorted by work center), one bar per scheduled order on the
// continuous day axis (days since 1970-01-01 + fraction of the day), colour by status. Pure, so it is unit-tested.
import type { ScheduledOrderRow, ScheduleStatus, ScheduleView } from '../../../../shared/views';
import { fromDayNumber } from '../../../../shared/dates';
import { checkMove, type BoardCalendar, type MoveCheck } from '../../../../shared/scheduleMove';

export type GanttStatus = ScheduleStatus;

export interface GanttBar {
  /** Index into `GanttModel.orders`. */
  order: number;
  row: number;
  start: number;
  end: number;
  status: GanttStatus;
}

export interface GanttRowSpec {
  machineId: string;
  workCenter: string;
  /** Label on the y axis: `WC · machine`. */
  label: string;
  /** Alternating shading per work center group (0/1). */
  band: 0 | 1;
  orders: number;
}

export interface GanttModel {
  rows: GanttRowSpec[];
  bars: GanttBar[];
  orders: ScheduledOrderRow[];
  minDay: number;
  maxDay: number;
}

function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export interface GanttOptions {
  /** Keep machines that have no order (else only loaded machines). */
  allMachines?: boolean;
  /** Only this work center's machines. */
  workCenter?: string;
}

export function buildGantt(view: Pick<ScheduleView, 'orders' | 'machines'>, opts: GanttOptions = {}): GanttModel {
  const orders = view.orders;
  const countByMachine = new Map<string, number>();
  for (const o of orders) if (o.machineId) countByMachine.set(o.machineId, (countByMachine.get(o.machineId) ?? 0) + 1);
  const machines = new Map<string, string>();
  for (const m of view.machines) machines.set(m.machineId, m.workCenter);
  // Orders on machines missing from the machine list still get a row.
  for (const o of orders) if (o.machineId && !machines.has(o.machineId)) machines.set(o.machineId, o.workCenter);

  const list = [...machines.entries()]
    .filter(([id, wc]) => (opts.allMachines || countByMachine.has(id)) && (opts.workCenter === undefined || wc === opts.workCenter))
    .sort(([ia, wa], [ib, wb]) => compareIds(wa || '~', wb || '~') || compareIds(ia, ib));

  const rows: GanttRowSpec[] = [];
  const rowOf = new Map<string, number>();
  let band: 0 | 1 = 0;
  let prevWc: string | undefined;
  for (const [id, wc] of list) {
    if (prevWc !== undefined && wc !== prevWc) band = band === 0 ? 1 : 0;
    prevWc = wc;
    rowOf.set(id, rows.length);
    rows.push({ machineId: id, workCenter: wc, label: `${wc || '(no WC)'} · ${id}`, band, orders: countByMachine.get(id) ?? 0 });
  }

  const bars: GanttBar[] = [];
  let minDay = Infinity;
  let maxDay = -Infinity;
  orders.forEach((o, i) => {
    const row = rowOf.get(o.machineId);
    if (row === undefined) return;
    const start = o.startDay;
    const end = o.endDay;
    bars.push({ order: i, row, start, end: Math.max(end, start + 0.05), status: o.status });
    minDay = Math.min(minDay, start);
    maxDay = Math.max(maxDay, end);
  });
  if (!Number.isFinite(minDay)) {
    minDay = 0;
    maxDay = 1;
  }
  return { rows, bars, orders, minDay, maxDay };
}

/** Day number (days since 1970-01-01, fractional) -> ISO date of that day. */
export function dayToIso(day: number): string {
  return fromDayNumber(Math.floor(day));
}

/** Orders on the same machine that start before this one (the queue ahead of it), earliest first. */
export function ordersAhead(orders: readonly ScheduledOrderRow[], order: ScheduledOrderRow): ScheduledOrderRow[] {
  return orders.filter((o) => o !== order && o.machineId === order.machineId && o.startDay < order.startDay).sort((a, b) => a.startDay - b.startDay);
}

// ---------- the board: geometry, zoom, drag ----------

/** Row height (px) and the date header's height of the board. */
export const ROW_PX = 24;
export const HEADER_PX = 30;
/** Width of the machine labels column (px). */
export const LABEL_PX = 170;
/** "By week" zoom: one week = 7 × this many px. */
export const WEEK_PX_PER_DAY = 22;
export const MIN_PX_PER_DAY = 0.5;
export const MAX_PX_PER_DAY = 80;
/** A bar gets its label (order · style) from this width on (px). */
export const LABEL_MIN_PX = 56;

/** The day span the board covers: the schedule's bars and the as-of date, a day of margin before, two after. */
export function boardSpan(model: Pick<GanttModel, 'minDay' | 'maxDay'>, asOfDay: number): { fromDay: number; toDay: number } {
  return { fromDay: Math.floor(Math.min(model.minDay, asOfDay)) - 1, toDay: Math.ceil(Math.max(model.maxDay, asOfDay)) + 2 };
}

/** px per day that fits `days` into `widthPx` (clamped to the zoom limits). */
export function fitPxPerDay(widthPx: number, days: number): number {
  return clampZoom(widthPx / Math.max(1, days));
}

export function clampZoom(pxPerDay: number): number {
  return Math.min(MAX_PX_PER_DAY, Math.max(MIN_PX_PER_DAY, pxPerDay));
}

/** The rows to render for a scroll position: the visible ones plus `overscan` on each side (inclusive range). */
export function visibleRows(scrollTopPx: number, viewportPx: number, rowCount: number, overscan = 6): { first: number; last: number } {
  if (rowCount === 0) return { first: 0, last: -1 };
  const top = Math.max(0, scrollTopPx - HEADER_PX);
  const first = Math.max(0, Math.floor(top / ROW_PX) - overscan);
  const last = Math.min(rowCount - 1, Math.ceil((top + viewportPx) / ROW_PX) + overscan);
  return { first, last };
}

/** Date ticks on Mondays, every 1, 2, 4, 8… weeks so labels stay at least `minGapPx` apart. */
export function weekTicks(fromDay: number, toDay: number, pxPerDay: number, minGapPx = 64): number[] {
  let step = 1;
  while (step * 7 * pxPerDay < minGapPx && step < 64) step *= 2;
  const firstMonday = fromDay + ((8 - weekday(fromDay)) % 7);
  const ticks: number[] = [];
  for (let d = firstMonday; d <= toDay; d += 7 * step) ticks.push(d);
  return ticks;
}

/** ISO weekday (Mon 1 .. Sun 7) of a day number. */
function weekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The bars on each row, in start order (the board culls them per visible row). */
export function barsByRow(model: GanttModel): GanttBar[][] {
  const rows: GanttBar[][] = model.rows.map(() => []);
  for (const b of model.bars) rows[b.row].push(b);
  for (const r of rows) r.sort((a, b) => a.start - b.start);
  return rows;
}

/** Where a dragged bar would land: the row under the pointer (clamped) and the day its start is dropped on. */
export function dropPoint(
  contentX: number,
  contentY: number,
  grabOffsetDays: number,
  fromDay: number,
  pxPerDay: number,
  rowCount: number,
): { row: number; day: number } {
  const row = Math.min(rowCount - 1, Math.max(0, Math.floor((contentY - HEADER_PX) / ROW_PX)));
  const day = Math.round(fromDay + (contentX - LABEL_PX) / pxPerDay - grabOffsetDays);
  return { row, day };
}

/** The check of dropping the model's order `orderIdx` on row `row` at day `day` (see shared/scheduleMove). */
export function checkBarDrop(model: GanttModel, orderIdx: number, row: number, day: number, cal: BoardCalendar): MoveCheck {
  const order = model.orders[orderIdx];
  const spec = model.rows[row];
  return checkMove(order, spec && { machineId: spec.machineId, workCenter: spec.workCenter }, day, cal);
}
