// The §5a scheduling rule as the generator applies it (the yarn engine's phasing on the ERP's buckets), on small
// hand-checked cases.
import { describe, expect, it } from 'vitest';
import { erpCalendar, scheduleKnitOrder } from '../../../src/main/demo/build/erpRules';
import { parseCliArgs } from '../../../src/main/demo/cli';
import { floorTo, mulberry32, Rng, roundTo } from '../../../src/main/demo/prng';

describe('ERP calendar and schedule (§5a)', () => {
  const cal = erpCalendar('2025-09-02'); // a Tuesday in ISO week 36

  it('labels the 8 numbered weeks and their Friday headers', () => {
    expect(cal.thisWeekMonday).toBe('2025-09-01');
    expect(cal.weekNumbers).toEqual([37, 38, 39, 40, 41, 42, 43, 44]);
    expect(cal.fridayHeaders[0]).toBe('9/12/2025');
    expect(cal.fridayHeaders[7]).toBe('10/31/2025');
  });

  it('puts an order starting on a Sunday in its week, a Monday in the next, past week 8 in Later', () => {
    const bucket = (start: string) => scheduleKnitOrder(cal, start, 100, null).indexOf(100);
    expect(['2025-09-07', '2025-09-08', '2025-11-02', '2025-11-03', '2026-06-01'].map(bucket)).toEqual([0, 1, 8, 9, 9]);
  });

  it('pro-rates a first week by the half-day units from the start day to Sunday (Mon 11 ... Sat 1, Sun 0 of 11)', () => {
    const firstWeek = (start: string) => (scheduleKnitOrder(cal, start, 10_000, 110).find((lbs) => lbs > 0) ?? 0) / 60;
    expect(
      ['2025-09-08', '2025-09-09', '2025-09-10', '2025-09-11', '2025-09-12', '2025-09-13'].map((d) => Math.round(firstWeek(d) * 1e9) / 1e9),
    ).toEqual([11, 9, 7, 5, 3, 1]);
    // Sunday: nothing that week, a whole week (660) the next
    expect(scheduleKnitOrder(cal, '2025-09-14', 10_000, 110).slice(1, 4)).toEqual([0, 660, 660]);
  });

  it('pro-rates the first week, fills 6 x rate per week, restarts late orders today', () => {
    // Rate 100 lbs/day -> 600 lbs/week; today Tuesday -> 600 x 9/11 this week.
    const b = scheduleKnitOrder(cal, '2025-08-01', 2000, 100);
    expect(b[0]).toBeCloseTo((600 * 9) / 11, 9);
    expect(b[1]).toBe(600);
    expect(b[2]).toBe(600);
    expect(b[3]).toBeCloseTo(2000 - 600 * 2 - (600 * 9) / 11, 9);
    expect(b.reduce((a, x) => a + x, 0)).toBeCloseTo(2000, 9);
  });

  it('starts future orders in their week (Wednesday start = 7/11), spills past week 8 into Later', () => {
    const b = scheduleKnitOrder(cal, '2025-09-10', 10_000, 100);
    expect(b[0]).toBe(0);
    expect(b[1]).toBeCloseTo((600 * 7) / 11, 9);
    expect(b[9]).toBeCloseTo(10_000 - (600 * 7) / 11 - 600 * 7, 6);
  });

  it('puts everything in the start week when no rate is known; blank start = today', () => {
    expect(scheduleKnitOrder(cal, '2025-09-24', 500, null)).toEqual([0, 0, 0, 500, 0, 0, 0, 0, 0, 0]);
    expect(scheduleKnitOrder(cal, null, 500, null)[0]).toBe(500);
  });
});

describe('prng and number helpers', () => {
  it('mulberry32 is deterministic and streams are independent of each other', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(new Rng(5, 'x').float()).toBe(new Rng(5, 'x').float());
    expect(new Rng(5, 'x').float()).not.toBe(new Rng(5, 'y').float());
  });

  it('floors BOM fractions like the ERP export and rounds without float noise', () => {
    expect(floorTo(0.2999, 2)).toBe(0.29);
    expect(floorTo(0.29, 2)).toBe(0.29);
    expect(floorTo(0.086, 2)).toBe(0.08);
    expect(roundTo(1.005, 2)).toBe(1.01);
  });
});

describe('demo CLI arguments', () => {
  it('parses --scale, --out, --as-of, --seed and --formats', () => {
    const a = parseCliArgs(['--', '--scale', '10', '--out', '/tmp/x', '--as-of', '2025-09-02', '--seed=7', '--formats', 'xlsx,csv']);
    expect(a).toMatchObject({ scale: 10, outDir: '/tmp/x', asOf: '2025-09-02', seed: 7, formats: ['xlsx', 'csv'] });
    expect(parseCliArgs(['--out', 'd']).scale).toBe(1);
  });

  it('rejects unknown options and a missing --out', () => {
    expect(() => parseCliArgs(['--scale', '2'])).toThrow(/--out/);
    expect(() => parseCliArgs(['--out', 'd', '--bogus', '1'])).toThrow(/unknown option/);
    expect(() => parseCliArgs(['--out', 'd', '--formats', 'pdf'])).toThrow(/formats/);
  });
});
