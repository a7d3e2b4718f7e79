// "Machine schedule" report: one section per work center, one row per scheduled order, then what could not be
// scheduled and why orders are late.
import type { ScheduledOrder, ScheduleResult } from '../engine/capacity/types';
import { formatNumber, type Cell, type Column, type PageSize, type ReportSpec, type Section } from './html';

export interface MachineScheduleReportOptions {
  printedAt: string;
  pageSize?: PageSize;
  subtitle?: string;
  /** Add a "Why orders are late" section (default true). */
  includeLateReasons?: boolean;
}

const byCode = new Intl.Collator('en', { numeric: true });

const COLUMNS: Column[] = [
  { key: 'machine', label: 'Machine', width: '6%', nowrap: true },
  { key: 'order', label: 'Order', width: '8%', nowrap: true },
  { key: 'style', label: 'Style', width: '12%' },
  { key: 'lbs', label: 'Lbs', align: 'right', width: '7%' },
  { key: 'days', label: 'Days', align: 'right', decimals: 1, width: '5%' },
  { key: 'start', label: 'Start', width: '7.5%', nowrap: true },
  { key: 'finish', label: 'Finish', width: '7.5%', nowrap: true },
  { key: 'due', label: 'Due', width: '7.5%', nowrap: true },
  { key: 'late', label: 'Late d', align: 'right', width: '5.5%' },
  { key: 'flags', label: 'Flags', width: '12%' },
  { key: 'yarns', label: 'Yarns (status)', width: '22%' },
];

export function machineScheduleReport(result: ScheduleResult, options: MachineScheduleReportOptions): ReportSpec {
  const groups = new Map<string, ScheduledOrder[]>();
  for (const o of result.orders) groups.set(o.workCenter, [...(groups.get(o.workCenter) ?? []), o]);
  const wcs = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : byCode.compare(a, b)));

  const sections: Section[] = wcs.map((wc) => {
    const orders = groups.get(wc)!.sort((a, b) => byCode.compare(a.machineId, b.machineId) || a.startDay - b.startDay);
    const machines = new Set(orders.map((o) => o.machineId)).size;
    const lbs = orders.reduce((s, o) => s + o.balanceLbs, 0);
    const days = orders.reduce((s, o) => s + o.knitDays, 0);
    const late = orders.filter((o) => o.late).length;
    return {
      heading: wc ? `Work center ${wc}` : 'Machines without a work center',
      note:
        `${orders.length} order${orders.length === 1 ? '' : 's'} on ${machines} machine${machines === 1 ? '' : 's'} · ` +
        `${formatNumber(lbs)} lbs · ${formatNumber(days, 1)} knit days` +
        (late ? ` · ${late} late` : ''),
      table: {
        columns: COLUMNS,
        rows: orders.map(orderRow),
        totals: orders.length > 1 ? { machine: 'Total', lbs, days } : undefined,
      },
    };
  });

  if (result.unschedulable.length) {
    sections.push({
      heading: 'Not scheduled',
      note: 'These orders have no planned dates until the cause is fixed (rate, work center or machine).',
      table: {
        columns: [
          { key: 'order', label: 'Order', width: '8%' },
          { key: 'style', label: 'Style', width: '12%' },
          { key: 'lbs', label: 'Lbs', align: 'right', width: '7%' },
          { key: 'machine', label: 'ERP machine', width: '7%' },
          { key: 'due', label: 'Due', width: '8%' },
          { key: 'reason', label: 'Reason', width: '13%' },
          { key: 'detail', label: 'Detail', width: '45%' },
        ],
        rows: result.unschedulable.map((u) => ({
          order: u.orderNo,
          style: u.style,
          lbs: u.balanceLbs,
          machine: u.machine ?? '',
          due: u.quotedDate ?? '',
          reason: { text: u.reason.replace(/-/g, ' '), tone: 'bad' },
          detail: u.message,
        })),
      },
    });
  }

  const lateOrders = result.orders.filter((o) => o.explanation);
  if ((options.includeLateReasons ?? true) && lateOrders.length) {
    sections.push({
      heading: 'Why orders are late',
      table: {
        columns: [
          { key: 'order', label: 'Order', width: '8%' },
          { key: 'machine', label: 'Machine', width: '6%' },
          { key: 'late', label: 'Late d', align: 'right', width: '6%' },
          { key: 'why', label: 'Explanation', width: '80%' },
        ],
        rows: lateOrders
          .sort((a, b) => (b.latenessDays ?? 0) - (a.latenessDays ?? 0) || byCode.compare(a.orderNo, b.orderNo))
          .map((o) => ({ order: o.orderNo, machine: o.machineId, late: { text: String(o.latenessDays), tone: 'bad' }, why: o.explanation!.message })),
      },
    });
  }

  const late = result.orders.filter((o) => o.late).length;
  const short = result.orders.filter((o) => o.materialShort).length;
  const finishes = result.orders.map((o) => o.plannedFinish).sort();
  return {
    title: 'Machine schedule',
    asOf: result.asOf,
    printedAt: options.printedAt,
    subtitle: options.subtitle,
    pageSize: options.pageSize,
    kpis: [
      { label: 'Orders scheduled', value: result.orders.length },
      { label: 'Late', value: late, tone: late ? 'bad' : 'ok' },
      { label: 'Material short', value: short, tone: short ? 'warn' : 'ok' },
      { label: 'Not scheduled', value: result.unschedulable.length, tone: result.unschedulable.length ? 'bad' : 'ok' },
      { label: 'Machines in use', value: new Set(result.orders.map((o) => o.machineId)).size },
      { label: 'Last finish', value: finishes.length ? finishes[finishes.length - 1] : '-' },
    ],
    sections,
  };
}

function orderRow(o: ScheduledOrder): Record<string, Cell> {
  const flags: string[] = [];
  if (o.assignment === 'pinned') flags.push('pinned');
  if (o.previousMachine) flags.push(`moved from ${o.previousMachine}`);
  if (o.wcMatch === 'relaxed') flags.push('relaxed WC');
  if (o.wcMatch === 'mismatch') flags.push('WC mismatch');
  if (o.alreadyLate) flags.push('already late');
  if (o.materialShort) flags.push('material short');
  const yarnText = o.yarns
    .map((y) =>
      y.status === 'ok' ? y.yarnId : y.status === 'short' ? `${y.yarnId} SHORT ${y.firstShortWeek}` : `${y.yarnId} short from ${y.firstShortWeek}`,
    )
    .join(', ');
  const yarnTone = o.materialShort ? 'bad' : o.yarns.some((y) => y.status === 'short-during') ? 'warn' : undefined;
  return {
    machine: o.machineId,
    order: o.orderNo,
    style: o.style,
    lbs: o.balanceLbs,
    days: o.knitDays,
    start: o.plannedStart,
    finish: o.plannedFinish,
    due: o.quotedDate ?? '',
    late: o.latenessDays === null ? '' : { text: String(o.latenessDays), tone: o.late ? 'bad' : 'muted' },
    flags: { text: flags.join(', '), tone: o.materialShort || o.alreadyLate ? 'bad' : undefined },
    yarns: { text: yarnText, tone: yarnTone },
  };
}
