// The Gantt's data: machines as rows (grouped and sorted by work center), one bar per scheduled order on the
// continuous day axis (days since 1970-01-01 + fraction of the day), colour by status. Pure, so it is unit-tested.
import type { Row, ScheduleView } from '../../../../shared/views';
import { fromDayNumber } from '../../../../shared/dates';

export type GanttStatus = 'on time' | 'late' | 'material short';

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
  orders: Row[];
  minDay: number;
  maxDay: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

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
  for (const o of orders) if (o.machineId) countByMachine.set(String(o.machineId), (countByMachine.get(String(o.machineId)) ?? 0) + 1);
  const machines = new Map<string, string>();
  for (const m of view.machines) machines.set(m.machineId, m.workCenter);
  // Orders on machines missing from the machine list still get a row.
  for (const o of orders) if (o.machineId && !machines.has(String(o.machineId))) machines.set(String(o.machineId), String(o.workCenter ?? ''));

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
    const row = o.machineId ? rowOf.get(String(o.machineId)) : undefined;
    const start = num(o.startDay);
    const end = num(o.endDay);
    if (row === undefined || start === null || end === null) return;
    const status = (o.status === 'late' || o.status === 'material short' ? o.status : 'on time') as GanttStatus;
    bars.push({ order: i, row, start, end: Math.max(end, start + 0.05), status });
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
export function ordersAhead(orders: readonly Row[], order: Row): Row[] {
  const start = num(order.startDay);
  if (!order.machineId || start === null) return [];
  return orders
    .filter((o) => o !== order && o.machineId === order.machineId && (num(o.startDay) ?? Infinity) < start)
    .sort((a, b) => (num(a.startDay) ?? 0) - (num(b.startDay) ?? 0));
}
