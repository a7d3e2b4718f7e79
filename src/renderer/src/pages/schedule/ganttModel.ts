// The Gantt's data: machines as rows (grouped and sorted by work center), one bar per scheduled order on the
// continuous day axis (days since 1970-01-01 + fraction of the day), colour by status. Pure, so it is unit-tested.
import type { ScheduledOrderRow, ScheduleStatus, ScheduleView } from '../../../../shared/views';
import { fromDayNumber } from '../../../../shared/dates';

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
