import { describe, expect, it } from 'vitest';
import { erpBucketLabels, halfDayUnitsToSunday, phaseKnitOrderDemand, phaseLbs, toErpBuckets } from '../../../src/main/engine/yarn';
import type { ResolvedBom, ResolvedRate } from '../../../src/main/engine/yarn';
import { yarnPolicyDefaults as policy } from '../../../src/shared/policy/yarn';
import { planWeekStarts } from '../../../src/main/engine/calendar';

/** The plan's weeks: 26 from the as-of week. */
const WEEKS = 26;

describe('half-day units (ERP first-week pro-rating)', () => {
  it('counts Mon 11, Tue 9, Wed 7, Thu 5, Fri 3, Sat 1, Sun 0 (2025-09-01 is a Monday)', () => {
    const days = ['2025-09-01', '2025-09-02', '2025-09-03', '2025-09-04', '2025-09-05', '2025-09-06', '2025-09-07'];
    expect(days.map((d) => halfDayUnitsToSunday(d, policy))).toEqual([11, 9, 7, 5, 3, 1, 0]);
  });
});

describe('ERP bucket labels', () => {
  it('numbers the 8 weeks after the as-of week by ISO week', () => {
    expect(erpBucketLabels('2025-09-02', policy)).toEqual([
      'This Week',
      'Week 37',
      'Week 38',
      'Week 39',
      'Week 40',
      'Week 41',
      'Week 42',
      'Week 43',
      'Week 44',
      'Later',
    ]);
  });
  it('wraps at the ISO year end (2025 has 52 weeks; 2025-12-29 is 2026-W01)', () => {
    // 2025-12-24 is in 2025-W52, so the next weeks are 1..8 of 2026.
    expect(erpBucketLabels('2025-12-24', policy).slice(0, 3)).toEqual(['This Week', 'Week 1', 'Week 2']);
    // 2026 has 53 ISO weeks (it starts on a Thursday): from 2026-12-21 (W52) the next is Week 53.
    expect(erpBucketLabels('2026-12-21', policy).slice(1, 3)).toEqual(['Week 53', 'Week 1']);
  });
  it('folds weeks after the 8th and "beyond" into Later', () => {
    const weekly = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20];
    expect(toErpBuckets({ weeklyLbs: weekly, beyondLbs: 100 }, policy)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 130]);
  });
});

describe('phaseLbs', () => {
  it('reproduces an ERP row: 180001/20ST2 K2502021 yarn 18320 (13.1 %) on the Tue 2025-09-02 run', () => {
    // Values from Yarn_Demand_By_Style_KO (9-2 snapshot): full week 336.897278217572 = W x 0.131, so W = 2,571.73 lbs;
    // the KO started 2025-08-25 (in the past) -> restarts Tue 09-02 with 9/11 of W; balance 14,210.4 lbs.
    const fraction = 0.131;
    const weekly = 336.897278217572 / fraction;
    const p = phaseLbs(14210.4, '2025-08-25', weekly, '2025-09-02', policy, WEEKS);
    const yarn = p.weeklyLbs.map((v) => v * fraction);
    expect(p.effectiveStart).toBe('2025-09-02');
    expect(yarn[0]).toBeCloseTo(275.643227632559, 6); // = 336.897 x 9/11
    for (let w = 1; w <= 4; w++) expect(yarn[w]).toBeCloseTo(336.897278217572, 6);
    expect(yarn[5]).toBeCloseTo(238.330059497152, 6); // 1,861.5624 - 275.6432 - 4 x 336.8973
    expect(yarn.slice(6).every((v) => v === 0)).toBe(true);
  });

  it('puts everything in the start week without a (positive) rate', () => {
    for (const capacity of [null, 0, -50]) {
      const p = phaseLbs(800, '2025-09-17', capacity, '2025-09-03', policy, WEEKS);
      expect(p.startWeekIndex).toBe(2);
      expect(p.weeklyLbs[2]).toBe(800);
      expect(p.weeklyLbs.reduce((a, b) => a + b, 0)).toBe(800);
    }
  });

  it('creates nothing for a zero or negative quantity', () => {
    expect(phaseLbs(0, null, 660, '2025-09-01', policy, WEEKS).weeklyLbs.every((v) => v === 0)).toBe(true);
    expect(phaseLbs(-5, null, 660, '2025-09-01', policy, WEEKS).beyondLbs).toBe(0);
  });

  it('does not leave a floating-point crumb in an extra week', () => {
    // 0.3 = 0.1 + 0.2 in decimal, not in binary: 3 x 0.1 capacity must end exactly in the 3rd week.
    const p = phaseLbs(0.3, '2025-09-01', 0.1, '2025-09-01', policy, WEEKS);
    expect(p.weeklyLbs.filter((v) => v > 0).length).toBe(3);
  });

  it('conserves the quantity for any start, rate and horizon (seeded sweep)', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 200; i++) {
      const total = Math.round(rnd() * 50000 * 10) / 10;
      const capacity = rnd() < 0.1 ? null : 50 + rnd() * 5000;
      const start = `2025-${String(8 + Math.floor(rnd() * 4)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const p = phaseLbs(total, start, capacity, '2025-09-03', policy, 9 + Math.floor(rnd() * 20));
      const sum = p.weeklyLbs.reduce((a, b) => a + b, 0) + p.beyondLbs;
      expect(sum).toBeCloseTo(total, 6);
      if (capacity) for (const v of p.weeklyLbs) expect(v).toBeLessThanOrEqual(capacity + 1e-9);
    }
  });
});

describe('phaseKnitOrderDemand', () => {
  const bom = (style: string, lines: [string, number][]): ResolvedBom => ({
    style,
    lines: lines.map(([yarnId, fraction]) => ({ yarnId, fraction })),
    provenance: { source: 'bom-export', asOf: null, note: '' },
    warnings: [],
  });
  const rate = (style: string, lbsPerDay: number | null): ResolvedRate => ({
    style,
    lbsPerDay,
    provenance: { source: lbsPerDay ? 'production-lbs' : 'none', asOf: null, note: '' },
  });
  const ko = (koNumber: string, style: string, balanceLbs: number, startDate: string | null = null) => ({ koNumber, style, balanceLbs, startDate });

  it('trims styles and order numbers, multiplies the KO phase by each fraction and sorts like the ERP', () => {
    const out = phaseKnitOrderDemand(
      [ko(' K2 ', 'B/1 ', 1000), ko('K1', 'A/1', 500)],
      [
        bom('A/1', [['20', 1]]),
        bom('B/1', [
          ['9', 0.3],
          ['10', 0.7],
        ]),
      ],
      [rate('A/1', 100), rate('B/1', 110)],
      { asOf: '2025-09-01', weekStarts: planWeekStarts('2025-09-01', WEEKS) },
      policy,
    );
    expect(out.rows.map((r) => `${r.style}|${r.orderNo}|${r.yarnId}`)).toEqual(['A/1|K1|20', 'B/1|K2|9', 'B/1|K2|10']);
    // B/1: W = 660 from Monday -> 660, 340; yarn 10 x 0.7 = 462, 238.
    const b10 = out.rows[2];
    expect(b10.weeklyLbs[0]).toBeCloseTo(462, 9);
    expect(b10.weeklyLbs[1]).toBeCloseTo(238, 9);
    expect(b10.weeklyLbs[2]).toBe(0);
    expect(b10.totalLbs).toBeCloseTo(700, 9);
  });

  it('reports open orders without BOM and without rate, and keeps closed ones apart', () => {
    const out = phaseKnitOrderDemand(
      [ko('K1', 'NOB/1', 100), ko('K2', 'A/1', 50), ko('K3', 'A/1', 0)],
      [bom('A/1', [['1', 1]])],
      [rate('A/1', null)],
      { asOf: '2025-09-01', weekStarts: planWeekStarts('2025-09-01', WEEKS) },
      policy,
    );
    expect(out.noBom.map((o) => o.orderNo)).toEqual(['K1']);
    expect(out.noRate.map((o) => o.orderNo)).toEqual(['K1', 'K2']);
    expect(out.notOpen.map((o) => o.orderNo)).toEqual(['K3']);
    expect(out.rows).toHaveLength(1);
    expect(out.warnings.map((w) => w.code).sort()).toEqual(['no-bom', 'no-rate', 'no-rate']);
  });
});
