// Golden model for the rough-cut machine load (hand-checked in expected/README.md, "load").
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, toGoldenCsv } from '../../support/golden';
import { computeLoad } from '../../../src/main/engine/capacity/load';
import { machineLoadCsvRows, MACHINE_LOAD_CSV_COLUMNS } from '../../../src/main/engine/capacity/csv';
import type { CapacityInput, RateInfo } from '../../../src/main/engine/capacity/types';
import { capacityPolicyDefaults } from '../../../src/shared/policy/capacity';
import { planningCalendar } from '../../../src/main/engine/calendar';

// A 3-week plan on a Mon..Sat plant with a holiday and a machine's downtime.
const input: CapacityInput = {
  calendar: planningCalendar(
    '2025-09-02',
    { horizonWeeks: 3, workDaysPerWeek: 6 },
    {
      holidays: ['2025-09-12'],
      downtime: [{ machineId: 'A2', from: '2025-09-15', to: '2025-09-16' }],
    },
  ),
  machines: [
    { machineId: 'A1', workCenter: '9.38.20.F' },
    { machineId: 'A2', workCenter: '9.38.20.F ' },
    { machineId: 'B1', workCenter: '1.30.28.F' },
    { machineId: '134', workCenter: '' },
  ],
  styles: [
    { style: 'SA', workCenter: '9.38.20.F' },
    { style: 'SB', workCenter: '1.30.28.F' },
    { style: 'SK', workCenter: '4.30.8.K' },
  ],
  rates: new Map<string, RateInfo>([
    ['SA', { rateLbsPerDay: 1000, source: 'test' }],
    ['SB', { rateLbsPerDay: 600, source: 'test' }],
    ['SK', { rateLbsPerDay: 500, source: 'test' }],
  ]),
  orders: [
    { koNumber: 'O1', style: 'SA', balanceLbs: 6000, machine: 'A1' },
    { koNumber: 'O2', style: 'SA', balanceLbs: 3000, machine: 'A1', startDate: '2025-09-03' },
    { koNumber: 'O3', style: 'SA', balanceLbs: 20000, machine: 'A2', startDate: '2025-08-01' },
    { koNumber: 'O4', style: 'SA', balanceLbs: 3000, startDate: '2025-09-15' },
    { koNumber: 'O5', style: 'NORATE', balanceLbs: 900, machine: 'B1' },
    { koNumber: 'O6', style: 'SB', balanceLbs: 1200, machine: 'B1' },
    { koNumber: 'O7', style: 'SK', balanceLbs: 500 },
    { koNumber: 'O8', style: 'SA', balanceLbs: 0, machine: 'A1' },
  ],
};

describe('capacity load golden model', () => {
  const policy = capacityPolicyDefaults;
  const load = computeLoad(input, policy);

  it('machine, work-center and bottleneck figures', () => {
    const a1 = load.machines.find((m) => m.machineId === 'A1')!;
    expect(a1.daysRequired).toBe(9);
    expect(a1.weeks.map((w) => w.daysRequired)).toEqual([8, 1, 0]);
    expect(a1.weeks[0].utilisationPct).toBe(160);
    const wc = load.workCenters.find((w) => w.workCenter === '9.38.20.F')!;
    expect(wc.utilisationWithUnassignedPct).toBeCloseTo((26 / 30) * 100, 9);
    expect(load.bottlenecks.map((b) => [b.workCenter, b.overloadDays])).toEqual([
      ['9.38.20.F', 3],
      ['4.30.8.K', 1],
    ]);

    const wcRows = load.workCenters.flatMap((w) =>
      w.weeks.map((x) => ({
        work_center: w.workCenter,
        machines: w.machineIds.join(' '),
        week: x.week,
        days_available: x.daysAvailable,
        days_assigned: x.daysRequired,
        days_unassigned: x.daysUnassigned,
        utilisation_pct: x.utilisationPct,
        utilisation_with_unassigned_pct: x.utilisationWithUnassignedPct,
        overloaded: x.overloaded,
      })),
    );
    const wcTotals = load.workCenters.map((w) => ({
      work_center: w.workCenter,
      days_available: w.daysAvailable,
      days_assigned: w.daysAssigned,
      days_unassigned: w.daysUnassigned,
      later_days: w.laterDays,
      utilisation_pct: w.utilisationPct,
      utilisation_with_unassigned_pct: w.utilisationWithUnassignedPct,
      overloaded_weeks: w.overloadedWeeks,
      overload_days: w.overloadDays,
      peak_week: w.peakWeek,
      peak_pct: w.peakUtilisationPct,
    }));
    const unassigned = load.unassigned.map((u) => ({
      order: u.orderNo,
      work_center: u.workCenter,
      knit_days: u.knitDays,
      candidates: u.candidates.map((c) => `${c.machineId}(${c.match},${c.daysRequired}d)`).join(' '),
      note: u.note ?? '',
    }));
    expectGolden(
      resolve(__dirname, 'expected', 'load.csv'),
      [
        '# machine_load.csv',
        toGoldenCsv(machineLoadCsvRows(load), [...MACHINE_LOAD_CSV_COLUMNS]),
        '# work center weeks',
        toGoldenCsv(wcRows),
        '# work center totals',
        toGoldenCsv(wcTotals),
        '# bottlenecks',
        toGoldenCsv(load.bottlenecks.map((b) => ({ rank: b.rank, work_center: b.workCenter, reason: b.reason }))),
        '# unassigned',
        toGoldenCsv(unassigned),
        '# unrated',
        toGoldenCsv(load.unrated.map((u) => ({ order: u.orderNo, style: u.style, machine: u.machine ?? '' }))),
      ].join('\n'),
    );
  });
});
