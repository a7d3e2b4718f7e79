import { describe, expect, it } from 'vitest';
import { scheduleKnitOrders } from '../../../src/main/engine/capacity/schedule';
import { computeLoad } from '../../../src/main/engine/capacity/load';
import { machineLoadCsvRows, scheduleCsvRows, MACHINE_LOAD_CSV_COLUMNS, SCHEDULE_CSV_COLUMNS } from '../../../src/main/engine/capacity/csv';
import type { CapacityInput } from '../../../src/main/engine/capacity/types';
import { planningCalendar } from '../../../src/main/engine/calendar';
import { calendarPolicyDefaults } from '../../../src/shared/policy/calendar';

const input: CapacityInput = {
  calendar: planningCalendar('2025-09-02', calendarPolicyDefaults),
  machines: [{ machineId: '7', workCenter: '9.38.20.F' }],
  styles: [{ style: 'S/1', workCenter: '9.38.20.F' }],
  rates: new Map([['S/1', { rateLbsPerDay: 300, source: 'Production Lbs' }]]),
  orders: [
    { koNumber: 'K1', style: 'S/1', balanceLbs: 1000, machine: '7', quotedDate: '2025-09-04' },
    { koNumber: 'K2', style: 'NONE/0', balanceLbs: 50.04 },
  ],
  yarns: new Map([
    [
      'K1',
      [
        { yarnId: '18669', firstShortWeek: '2025-09-01' },
        { yarnId: '1', firstShortWeek: undefined },
      ],
    ],
  ]),
};

describe('CSV rows', () => {
  it('schedule.csv: one row per order with units in the column names, unscheduled orders last', () => {
    const rows = scheduleCsvRows(scheduleKnitOrders(input));
    expect(rows.map((r) => Object.keys(r))).toEqual([[...SCHEDULE_CSV_COLUMNS], [...SCHEDULE_CSV_COLUMNS]]);
    // 1000 / 300 = 3.333 d: Tue, Wed, Thu + 1/3 of Fri -> finish Fri 09-05, one day after the quoted 09-04.
    expect(rows[0]).toMatchObject({
      order_no: 'K1',
      status: 'late',
      machine: '7',
      knit_days: 3.33,
      rate_lbs_per_day: 300,
      planned_start: '2025-09-02',
      planned_finish: '2025-09-05',
      lateness_days: 1,
      material_short: true,
      short_yarns: '18669@2025-09-01',
    });
    expect(rows[1]).toMatchObject({ order_no: 'K2', status: 'not scheduled', balance_lbs: 50, planned_start: '' });
    expect(String(rows[1].reason)).toMatch(/^no-rate: /);
  });

  it('machine_load.csv: one row per machine-week over the horizon', () => {
    const rows = machineLoadCsvRows(computeLoad(input));
    expect(rows).toHaveLength(26);
    expect(Object.keys(rows[0])).toEqual([...MACHINE_LOAD_CSV_COLUMNS]);
    // Week 36 from Tue: 5 days available; K1 needs 3.33 of them = 66.7 %.
    expect(rows[0]).toMatchObject({ machine: '7', week: '2025-W36', days_available: 5, days_required: 3.33, utilisation_pct: 66.7 });
    expect(rows[1]).toMatchObject({ week: '2025-W37', days_available: 6, days_required: 0 });
  });
});

describe('bad input does not stop a plan', () => {
  it('ignores unparseable dates with a note and skips bad calendar rows', () => {
    const bad: CapacityInput = {
      ...input,
      orders: [{ koNumber: 'K9', style: 'S/1', balanceLbs: 300, machine: '7', startDate: '9/3/2025', quotedDate: '2025-02-30' }],
      calendar: { ...input.calendar, holidays: ['someday'], downtime: [{ machineId: '7', from: '2025-09-02', to: 'never' }] },
    };
    const [o] = scheduleKnitOrders(bad).orders;
    expect(o.plannedStart).toBe('2025-09-02');
    expect(o.quotedDate).toBeUndefined();
    expect(o.notes).toEqual(['Ignored invalid startDate "9/3/2025".', 'Ignored invalid quotedDate "2025-02-30".']);
    expect(computeLoad(bad).machines[0].daysRequired).toBe(1);
  });
});
