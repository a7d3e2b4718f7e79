// Golden models for the finite knit scheduler (frePPLe style: tiny models, diffable expected output).
// As-of is Tuesday 2025-09-02 throughout; the plant works Mon..Sat. Offsets are days after the as-of midnight.
// Every expected value is worked out by hand in expected/README.md.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, toGoldenCsv } from '../../support/golden';
import { scheduleKnitOrders } from '../../../src/main/engine/capacity/schedule';
import type { CapacityInput, KnitOrder, RateInfo, ScheduleResult } from '../../../src/main/engine/capacity/types';
import { capacityPolicyDefaults, type CapacityPolicy } from '../../../src/shared/policy/capacity';
import { toDayNumber } from '../../../src/shared/dates';
import { calendarPolicyDefaults } from '../../../src/shared/policy/calendar';
import { planningCalendar } from '../../../src/main/engine/calendar';

const AS_OF = '2025-09-02';
const expected = (name: string) => resolve(__dirname, 'expected', `${name}.csv`);

function model(parts: {
  machines: Array<[string, string]>;
  styles: Array<[string, string]>;
  rates: Array<[string, number]>;
  orders: KnitOrder[];
  holidays?: string[];
  downtime?: Array<[string, string, string]>;
  yarns?: Array<[string, Array<[string, string?]>]>;
}): CapacityInput {
  return {
    calendar: planningCalendar(AS_OF, calendarPolicyDefaults, {
      holidays: parts.holidays ?? [],
      downtime: (parts.downtime ?? []).map(([machineId, from, to]) => ({ machineId, from, to })),
    }),
    machines: parts.machines.map(([machineId, workCenter]) => ({ machineId, workCenter })),
    styles: parts.styles.map(([style, workCenter]) => ({ style, workCenter })),
    rates: new Map<string, RateInfo>(parts.rates.map(([s, r]) => [s, { rateLbsPerDay: r, source: 'test' }])),
    orders: parts.orders,
    yarns: parts.yarns ? new Map(parts.yarns.map(([o, ys]) => [o, ys.map(([yarnId, firstShortWeek]) => ({ yarnId, firstShortWeek }))])) : undefined,
  };
}

/** Compact, hand-checkable view of a schedule: one row per order, then one per unschedulable order. */
function goldenText(result: ScheduleResult): string {
  const base = toDayNumber(result.asOf);
  const rows = result.orders.map((o) => ({
    order: o.orderNo,
    machine: o.machineId,
    wc_match: o.wcMatch,
    assignment: o.assignment,
    knit_days: o.knitDays,
    start_offset: o.startDay - base,
    end_offset: o.endDay - base,
    planned_start: o.plannedStart,
    planned_finish: o.plannedFinish,
    quoted: o.quotedDate ?? '',
    lateness_days: o.latenessDays,
    material_short: o.materialShort,
    yarns: o.yarns.map((y) => `${y.yarnId}:${y.status}`).join(' '),
    notes: o.notes.join(' '),
  }));
  const explanations = result.orders
    .filter((o) => o.explanation)
    .map((o) => ({
      order: o.orderNo,
      ahead: o.explanation!.ahead.map((a) => `${a.orderNo}/${a.days}d`).join(' '),
      holiday_days: o.explanation!.holidayDays,
      downtime_days: o.explanation!.downtimeDays,
      already_late: o.explanation!.alreadyLate,
      late_even_if_idle: o.explanation!.lateEvenIfIdle,
      message: o.explanation!.message,
    }));
  const unschedulable = result.unschedulable.map((u) => ({ order: u.orderNo, reason: u.reason, message: u.message }));
  return [
    toGoldenCsv(rows),
    '# late explanations',
    toGoldenCsv(explanations, ['order', 'ahead', 'holiday_days', 'downtime_days', 'already_late', 'late_even_if_idle', 'message']),
    '# not scheduled',
    toGoldenCsv(unschedulable, ['order', 'reason', 'message']),
  ].join('\n');
}

const policy = (over: Partial<CapacityPolicy> = {}): CapacityPolicy => ({ ...capacityPolicyDefaults, ...over });
const byNo = (r: ScheduleResult, no: string) => r.orders.find((o) => o.orderNo === no)!;

describe('capacity scheduler golden models', () => {
  it('holiday: knitting skips a holiday and Sunday, fractional days carry over', () => {
    const r = scheduleKnitOrders(
      model({
        machines: [['M1', '9.38.20.F']],
        styles: [['S1', '9.38.20.F']],
        rates: [['S1', 1000]],
        holidays: ['2025-09-04'],
        orders: [
          { koNumber: 'A', style: 'S1', balanceLbs: 3000, machine: 'M1', quotedDate: '2025-09-04' },
          { koNumber: 'B', style: 'S1', balanceLbs: 1500, machine: 'M1' },
        ],
      }),
    );
    expect(byNo(r, 'A').plannedFinish).toBe('2025-09-05');
    expect(byNo(r, 'B').endDay - toDayNumber(AS_OF)).toBeCloseTo(6.5, 9);
    expectGolden(expected('holiday'), goldenText(r));
  });

  it('competing: two orders for one machine go by priority, then due date', () => {
    const r = scheduleKnitOrders(
      model({
        machines: [['M1', '1.30.28.F']],
        styles: [['S1', '1.30.28.F']],
        rates: [['S1', 500]],
        orders: [
          { koNumber: 'X', style: 'S1', balanceLbs: 2000, quotedDate: '2025-09-06' },
          { koNumber: 'Y', style: 'S1', balanceLbs: 1000, quotedDate: '2025-09-05' },
          { koNumber: 'Z', style: 'S1', balanceLbs: 500, quotedDate: '2025-09-30', priority: 1 },
        ],
      }),
    );
    expect(r.machines[0].orderNos).toEqual(['Z', 'Y', 'X']);
    expect(byNo(r, 'X').latenessDays).toBe(3);
    expectGolden(expected('competing'), goldenText(r));
  });

  it('machine choice and downtime: least lateness, then earliest finish', () => {
    const r = scheduleKnitOrders(
      model({
        machines: [
          ['M1', '6.30.24.F'],
          ['M2', '6.30.24.F'],
        ],
        styles: [['S1', '6.30.24.F']],
        rates: [['S1', 800]],
        downtime: [['M2', '2025-09-02', '2025-09-03']],
        orders: [
          { koNumber: 'K1', style: 'S1', balanceLbs: 2400, machine: 'M1' },
          { koNumber: 'U1', style: 'S1', balanceLbs: 1600, quotedDate: '2025-09-08' },
          { koNumber: 'U2', style: 'S1', balanceLbs: 800 },
        ],
      }),
    );
    expect(byNo(r, 'U1').machineId).toBe('M2');
    expect(byNo(r, 'U2').machineId).toBe('M1');
    expectGolden(expected('machine-choice-downtime'), goldenText(r));
  });

  it('downtime: a kept order pauses while its machine is down', () => {
    const r = scheduleKnitOrders(
      model({
        machines: [['M1', '1.30.20.F']],
        styles: [['S1', '1.30.20.F']],
        rates: [['S1', 400]],
        downtime: [['M1', '2025-09-03', '2025-09-05']],
        orders: [{ koNumber: 'D1', style: 'S1', balanceLbs: 1200, machine: 'M1', quotedDate: '2025-09-05' }],
      }),
    );
    expect(byNo(r, 'D1').explanation?.downtimeDays).toBe(3);
    expectGolden(expected('downtime'), goldenText(r));
  });

  it('pinned: pinned start goes first, kept order moves behind it; Sunday and past pins', () => {
    const r = scheduleKnitOrders(
      model({
        machines: [
          ['M1', '9.30.16.M'],
          ['M2', '9.30.18.M'],
          ['M3', '9.30.16.M'],
        ],
        styles: [['S1', '9.30.16.M']],
        rates: [['S1', 500]],
        orders: [
          { koNumber: 'K1', style: 'S1', balanceLbs: 2000, machine: 'M1', startDate: '2025-09-02' },
          { koNumber: 'P1', style: 'S1', balanceLbs: 1000, machine: 'M1', pinnedStart: '2025-09-04' },
          { koNumber: 'PM', style: 'S1', balanceLbs: 500, pinnedMachine: 'M2', pinnedStart: '2025-09-07' },
          { koNumber: 'P0', style: 'S1', balanceLbs: 500, pinnedMachine: 'M3', pinnedStart: '2025-08-29' },
        ],
      }),
    );
    expect(byNo(r, 'P1').plannedStart).toBe('2025-09-04');
    expect(byNo(r, 'K1').plannedStart).toBe('2025-09-06');
    expect(byNo(r, 'PM').plannedStart).toBe('2025-09-08');
    expectGolden(expected('pinned'), goldenText(r));
  });

  it('unschedulable: no compatible machine, no work center, no rate, no balance; default rate policy', () => {
    const input = model({
      machines: [
        ['M1', '1.30.28.F'],
        ['M2', '6.30.28.F '],
      ],
      styles: [
        ['S1', '1.30.28.F'],
        ['ST', '1.30.28.T'],
        ['SN', ''],
        ['SR', '1.30.28.F'],
      ],
      rates: [
        ['S1', 600],
        ['ST', 600],
        ['SN', 600],
        ['SR', -120],
      ],
      orders: [
        { koNumber: 'N1', style: 'ST', balanceLbs: 600, quotedDate: '2025-09-10' },
        { koNumber: 'N2', style: 'SN', balanceLbs: 600 },
        { koNumber: 'N3', style: 'SN', balanceLbs: 600, machine: 'M2' },
        { koNumber: 'R1', style: 'SR', balanceLbs: 616 },
        { koNumber: 'R2', style: 'MISSING', balanceLbs: 100, machine: 'M1' },
        { koNumber: 'Z0', style: 'S1', balanceLbs: 0, machine: 'M1' },
      ],
    });
    const strict = scheduleKnitOrders(input);
    expect(strict.unschedulable.map((u) => `${u.orderNo}:${u.reason}`)).toEqual([
      'Z0:no-balance',
      'N1:no-compatible-machine',
      'R1:no-rate',
      'R2:no-rate',
      'N2:no-work-center',
    ]);
    const withDefault = scheduleKnitOrders(input, {}, policy({ defaultRateLbsPerDay: 616 }));
    expect(byNo(withDefault, 'R1').rateSource).toBe('policy default');
    expectGolden(expected('unschedulable'), goldenText(strict) + '\n# with defaultRateLbsPerDay 616\n' + goldenText(withDefault));
  });

  it('already late and late start: lateness against the quoted date and why', () => {
    const r = scheduleKnitOrders(
      model({
        machines: [
          ['M1', '4.30.20.C'],
          ['M2', '4.30.20.C'],
        ],
        styles: [['S1', '4.30.20.C']],
        rates: [['S1', 600]],
        orders: [
          { koNumber: 'L1', style: 'S1', balanceLbs: 1200, machine: 'M1', startDate: '2025-08-20', quotedDate: '2025-08-28' },
          { koNumber: 'L2', style: 'S1', balanceLbs: 1800, machine: 'M2', startDate: '2025-09-08', quotedDate: '2025-09-09' },
        ],
      }),
    );
    expect(byNo(r, 'L1').latenessDays).toBe(6);
    expect(byNo(r, 'L1').alreadyLate).toBe(true);
    expect(byNo(r, 'L2').explanation?.lateEvenIfIdle).toBe(true);
    expectGolden(expected('already-late'), goldenText(r));
  });

  it('relaxed work-center match: off, type (exact wins ties), diameter-cut', () => {
    const input = model({
      machines: [
        ['M1', '9.38.20.F'],
        ['M2', '9.38.20.M'],
        ['M3', '6.38.20.F'],
        ['M4', '6.30.36.FOW'],
      ],
      styles: [
        ['SF', '9.38.20.F'],
        ['S36', '6.30.36.F'],
        ['SX', '1.38.20.F'],
      ],
      rates: [
        ['SF', 1000],
        ['S36', 1000],
        ['SX', 1000],
      ],
      orders: [
        { koNumber: 'BIG', style: 'SF', balanceLbs: 6000, machine: 'M1' },
        { koNumber: 'R1', style: 'SF', balanceLbs: 2000, quotedDate: '2025-09-05' },
        { koNumber: 'R2', style: 'SF', balanceLbs: 1000, quotedDate: '2025-12-31' },
        { koNumber: 'OW', style: 'S36', balanceLbs: 1000 },
        { koNumber: 'GX', style: 'SX', balanceLbs: 1000 },
      ],
    });
    const off = scheduleKnitOrders(input);
    const type = scheduleKnitOrders(input, {}, policy({ relaxedMatch: 'type' }));
    const gauge = scheduleKnitOrders(input, {}, policy({ relaxedMatch: 'diameter-cut' }));
    expect(byNo(off, 'R1').machineId).toBe('M1');
    expect(byNo(type, 'R1').machineId).toBe('M2');
    expect(byNo(type, 'R1').wcMatch).toBe('relaxed');
    expect(byNo(type, 'R2').machineId).toBe('M1');
    expect(byNo(type, 'OW').machineId).toBe('M4');
    expect(byNo(gauge, 'GX').wcMatch).toBe('relaxed');
    expectGolden(
      expected('relaxed-match'),
      ['# relaxedMatch off', goldenText(off), '# relaxedMatch type', goldenText(type), '# relaxedMatch diameter-cut', goldenText(gauge)].join('\n'),
    );
  });

  it('material check: yarn short before start, short during knitting, covered', () => {
    const r = scheduleKnitOrders(
      model({
        machines: [['M1', '8.30.18.F']],
        styles: [['S1', '8.30.18.F']],
        rates: [['S1', 250]],
        orders: [{ koNumber: 'Y', style: 'S1', balanceLbs: 1750, machine: 'M1', quotedDate: '2025-09-08' }],
        yarns: [
          [
            'Y',
            [
              ['18669', '2025-09-01'],
              ['19003', '2025-09-08'],
              ['12345', undefined],
              ['20001', '2025-09-15'],
            ],
          ],
        ],
      }),
    );
    const y = byNo(r, 'Y');
    expect(y.materialShort).toBe(true);
    expect(y.yarns.map((x) => x.status)).toEqual(['short', 'short-during', 'ok', 'ok']);
    expectGolden(expected('material'), goldenText(r));
  });

  it('allowMoves: the scheduler may move an ERP assignment to a better machine', () => {
    const input = model({
      machines: [
        ['M1', '6.38.18.F'],
        ['M2', '6.38.18.F'],
      ],
      styles: [['S1', '6.38.18.F']],
      rates: [['S1', 1000]],
      orders: [
        { koNumber: 'A', style: 'S1', balanceLbs: 3000, machine: 'M1', quotedDate: '2025-09-04' },
        { koNumber: 'B', style: 'S1', balanceLbs: 3000, machine: 'M1', quotedDate: '2025-09-05' },
      ],
    });
    const kept = scheduleKnitOrders(input);
    const moved = scheduleKnitOrders(input, { allowMoves: true });
    expect(byNo(kept, 'B').latenessDays).toBe(3);
    expect(byNo(moved, 'B').machineId).toBe('M2');
    expect(byNo(moved, 'B').previousMachine).toBe('M1');
    expect(byNo(moved, 'B').latenessDays).toBe(-1);
    expectGolden(expected('allow-moves'), ['# kept', goldenText(kept), '# allowMoves', goldenText(moved)].join('\n'));
  });
});
