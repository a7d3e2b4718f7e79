// Rows of schedule.csv and machine_load.csv (column names carry units; one row per order / per machine-week).
import { round } from '../../../shared/units';
import type { LoadResult, ScheduleResult } from './types';

export type CsvRow = Record<string, string | number | boolean | null>;

export const SCHEDULE_CSV_COLUMNS = [
  'order_no',
  'style',
  'status',
  'machine',
  'machine_work_center',
  'style_work_center',
  'wc_match',
  'assignment',
  'previous_machine',
  'priority',
  'balance_lbs',
  'rate_lbs_per_day',
  'rate_source',
  'knit_days',
  'earliest_start',
  'planned_start',
  'planned_finish',
  'quoted_date',
  'lateness_days',
  'already_late',
  'material_short',
  'short_yarns',
  'reason',
] as const;

/** One row per order: scheduled orders in start order, then the ones that cannot be scheduled with the reason. */
export function scheduleCsvRows(result: ScheduleResult): CsvRow[] {
  const rows: CsvRow[] = result.orders.map((o) => ({
    order_no: o.orderNo,
    style: o.style,
    status: o.latenessDays === null ? 'no due date' : o.late ? 'late' : 'on time',
    machine: o.machineId,
    machine_work_center: o.workCenter,
    style_work_center: o.styleWorkCenter,
    wc_match: o.wcMatch,
    assignment: o.assignment,
    previous_machine: o.previousMachine ?? '',
    priority: o.priority,
    balance_lbs: round(o.balanceLbs, 1),
    rate_lbs_per_day: round(o.rateLbsPerDay, 1),
    rate_source: o.rateSource,
    knit_days: round(o.knitDays, 2),
    earliest_start: o.earliestStart,
    planned_start: o.plannedStart,
    planned_finish: o.plannedFinish,
    quoted_date: o.quotedDate ?? '',
    lateness_days: o.latenessDays,
    already_late: o.alreadyLate,
    material_short: o.materialShort,
    short_yarns: o.yarns
      .filter((y) => y.status !== 'ok')
      .map((y) => `${y.yarnId}@${y.firstShortWeek}`)
      .join(' '),
    reason: o.explanation?.message ?? o.notes.join(' '),
  }));
  for (const u of result.unschedulable) {
    rows.push({
      order_no: u.orderNo,
      style: u.style,
      status: 'not scheduled',
      machine: u.machine ?? '',
      machine_work_center: '',
      style_work_center: '',
      wc_match: '',
      assignment: '',
      previous_machine: '',
      priority: null,
      balance_lbs: round(u.balanceLbs, 1),
      rate_lbs_per_day: null,
      rate_source: '',
      knit_days: null,
      earliest_start: '',
      planned_start: '',
      planned_finish: '',
      quoted_date: u.quotedDate ?? '',
      lateness_days: null,
      already_late: null,
      material_short: null,
      short_yarns: '',
      reason: `${u.reason}: ${u.message}`,
    });
  }
  return rows;
}

export const MACHINE_LOAD_CSV_COLUMNS = [
  'machine',
  'work_center',
  'week',
  'week_start',
  'days_available',
  'days_required',
  'utilisation_pct',
  'overloaded',
  'orders_on_machine',
] as const;

/** One row per machine and horizon week, plus a `later` row for knitting beyond the horizon. */
export function machineLoadCsvRows(load: LoadResult): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const m of load.machines) {
    for (const w of m.weeks) {
      rows.push({
        machine: m.machineId,
        work_center: m.workCenter,
        week: w.week,
        week_start: w.weekStart,
        days_available: round(w.daysAvailable, 2),
        days_required: round(w.daysRequired, 2),
        utilisation_pct: w.utilisationPct === null ? null : round(w.utilisationPct, 1),
        overloaded: w.overloaded,
        orders_on_machine: m.orderNos.length,
      });
    }
    if (m.laterDays > 0) {
      rows.push({
        machine: m.machineId,
        work_center: m.workCenter,
        week: 'later',
        week_start: '',
        days_available: null,
        days_required: round(m.laterDays, 2),
        utilisation_pct: null,
        overloaded: null,
        orders_on_machine: m.orderNos.length,
      });
    }
  }
  return rows;
}
