import { describe, expect, it } from 'vitest';
import { buildDemandSeries, flagOutliers, type SalesLine, type StyleBridge } from '../../../src/main/engine/forecast';
import { partialEdgeWeeks } from '../../../src/main/engine/forecast/series';
import { forecastPolicyDefaults } from '../../../src/shared/policy/forecast';

const line = (document: string, invoiceDate: string, customer: string, finishedStyle: string, qty: number, uom = 'yds'): SalesLine => ({
  document,
  invoiceDate,
  customer,
  finishedStyle,
  qty,
  uom,
});

// nulls and a null result, as the yarn engine's bridge returns them for unknowns
const bridge: StyleBridge = (s) =>
  ({ ST1: { greigeStyle: 'G1', ozPerLinYd: 6 }, ST2: { greigeStyle: 'G1', ozPerLinYd: 8 }, ST6: { greigeStyle: 'G2', ozPerLinYd: null } })[s] ?? null;

const lines: SalesLine[] = [
  line('A', '2024-12-31', 'Cust1', 'ST1', 100), // Tue of ISO week 2025-W01 (Monday 2024-12-30)
  line('B', '2025-01-02', 'Cust2', 'ST1', 50),
  line('C', '2025-01-20', 'Cust1', 'ST2', 10, 'kg'), // 10 kg = 22.0462 lbs = 44.0925 yds at 8 oz/lin yd
  line('D', '2025-01-20', 'Cust1', 'ST3', 5, 'each'),
  line('E', '2025-01-21', 'Cust1', 'ST4', 3, 'KG'), // no fabric weight known: cannot convert
  line('F', '01-22-25', 'Cust1', 'ST1', 7),
  line('G', '2025-01-06', 'Cust2', 'ST2', 20, ' lbs '), // 20 lbs = 40 yds at 8 oz
  line('H', '2025-01-07', 'Cust3', 'ST5', 12), // not in the bridge
  line('I', '2025-01-08', 'Cust3', 'ST6', 30), // greige known, weight unknown
];

describe('buildDemandSeries', () => {
  const h = buildDemandSeries(lines, { bridge });
  const get = (id: string) => h.series.find((s) => s.id === id)!;

  // The history runs from Tue 2024-12-31 to Tue 2025-01-21. Its full weeks (2 and 3) sell 40 yds on Mondays, 12 on
  // Tuesdays and 30 on Wednesdays: the first week (Tuesday on) holds 42/82 of a week, the last (to Tuesday) 52/82.
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  const first = 82 / 42;
  const last = 82 / 52;

  it('zero-fills ISO weeks (Monday start) from the first to the last week of the whole history', () => {
    expect(h.weeks).toEqual(['2024-12-30', '2025-01-06', '2025-01-13', '2025-01-20']);
    expect(get('TOTAL').startWeek).toBe('2024-12-30');
    expect(get('TOTAL').values.map(r4)).toEqual([r4(150 * first), 82, 0, r4(44.0924524 * last)]);
    expect(get('S:ST1').values.map(r4)).toEqual([r4(150 * first), 0, 0, 0]);
    expect(get('S:ST2').values.map(r4)).toEqual([0, 40, 0, r4(44.0924524 * last)]);
    expect(get('SC:ST1|Cust1').values.map(r4)).toEqual([r4(100 * first), 0, 0, 0]);
    expect(get('SC:ST1|Cust2').values.map(r4)).toEqual([r4(50 * first), 0, 0, 0]);
  });

  it('scales the partial edge weeks to full weeks (x 5 / working days covered) in every series, once', () => {
    expect(h.partialWeeks).toEqual([
      { week: '2024-12-30', from: '2024-12-31', to: '2025-01-05', coveredShare: 42 / 82, factor: 1 / (42 / 82) },
      { week: '2025-01-20', from: '2025-01-20', to: '2025-01-21', coveredShare: 52 / 82, factor: 1 / (52 / 82) },
    ]);
    // weekdays selling 10/30/25/20/15 % (Monday first), as the real history does: Thu 2025-01-02 to Thu 2025-06-26
    const share = [0.1, 0.3, 0.25, 0.2, 0.15, 0, 0];
    const [a, b] = partialEdgeWeeks('2025-01-02', '2025-06-26', share);
    expect(a).toMatchObject({ week: '2024-12-30', from: '2025-01-02', to: '2025-01-05' });
    expect(a.coveredShare).toBeCloseTo(0.35, 12);
    expect(b).toMatchObject({ week: '2025-06-23', from: '2025-06-23', to: '2025-06-26' });
    expect(b.factor).toBeCloseTo(1 / 0.85, 12);
    // Monday to Friday, a weekend at either end, a single week, no full week to learn from: nothing to scale
    expect(partialEdgeWeeks('2025-01-06', '2025-06-27', share)).toEqual([]);
    expect(partialEdgeWeeks('2025-01-05', '2025-06-28', share)).toEqual([]);
    expect(partialEdgeWeeks('2025-01-07', '2025-01-08', share)).toEqual([]);
    expect(partialEdgeWeeks('2025-01-02', '2025-06-26', [])).toEqual([]);
    // a history invoiced on Mondays only ending on a Monday covers its last week whole; a Friday start holding under
    // a fifth of a week is left as invoiced
    expect(partialEdgeWeeks('2025-01-06', '2025-06-23', [1, 0, 0, 0, 0, 0, 0])).toEqual([]);
    expect(partialEdgeWeeks('2025-01-03', '2025-06-27', share)).toEqual([]);
    // every level sums to the total after scaling
    const styles = h.series.filter((s) => s.level === 'style' && s.unit === 'yds');
    const total = get('TOTAL').values;
    total.forEach((t, w) => expect(styles.reduce((a, s) => a + s.values[w], 0)).toBeCloseTo(t, 6));
  });

  it('lists every excluded or converted line with the reason', () => {
    const issues = Object.fromEntries(h.lineIssues.map((i) => [i.document, i]));
    expect(Object.keys(issues).sort()).toEqual(['C', 'D', 'E', 'F', 'G']);
    expect(issues.C).toMatchObject({ action: 'converted', line: 2 });
    expect(issues.C.qtyYds).toBeCloseTo(44.0925, 4);
    expect(issues.C.reason).toContain('10 kg = 22.05 lbs');
    expect(issues.G).toMatchObject({ action: 'converted', qtyYds: 40 });
    expect(issues.D).toMatchObject({ action: 'excluded' });
    expect(issues.D.reason).toContain('count');
    expect(issues.E.reason).toContain('without a known oz/lin yd for ST4');
    expect(issues.F.reason).toContain('invalid invoice date');
  });

  it('rolls styles up to greige and to lbs through the bridge (lbs = yds x oz / 16)', () => {
    expect(get('G:G1').values.map(r4)).toEqual([r4(150 * first), 40, 0, r4(44.0924524 * last)]);
    expect(get('G:G1@lbs').values.map(r4)).toEqual([r4(56.25 * first), 20, 0, r4(22.0462262 * last)]);
    expect(get('S:ST1@lbs').values.map(r4)).toEqual([r4(56.25 * first), 0, 0, 0]);
    expect(get('G:G2').values).toEqual([0, 30, 0, 0]);
    expect(h.series.find((s) => s.id === 'G:G2@lbs')).toBeUndefined();
    expect(h.rollUpIssues).toEqual([
      { style: 'ST5', rollUp: 'lbs', reason: 'no oz/lin yd for this style', qtyYds: 12 },
      { style: 'ST5', rollUp: 'greige', reason: 'no greige style for this finished style', qtyYds: 12 },
      { style: 'ST6', rollUp: 'lbs', reason: 'no oz/lin yd for this style', qtyYds: 30 },
    ]);
  });

  it('builds only the levels asked for; without a bridge kg lines are excluded', () => {
    const only = buildDemandSeries(lines, { levels: ['total'] });
    expect(only.series.map((s) => s.id)).toEqual(['TOTAL']);
    expect(only.lineIssues.find((i) => i.document === 'C')?.action).toBe('excluded');
    // without the kg line the last week has no sales to scale; the full weeks sell 12 on Tuesdays and 30 on Wednesdays
    expect(only.series[0].values).toEqual([150, 12 + 30, 0, 0]);
  });

  it('returns an empty history for no lines', () => {
    const empty = buildDemandSeries([]);
    expect(empty.weeks).toEqual([]);
    expect(empty.series.find((s) => s.id === 'TOTAL')?.values).toEqual([]);
  });
});

describe('flagOutliers', () => {
  const values = [100, 0, 110, 95, 105, 0, 98, 102, 1000, 101, 15];
  const s = { id: 'S:X', level: 'style' as const, unit: 'yds' as const, startWeek: '2025-01-06', values };
  it('flags weeks far from the median of the weeks with demand, both ways, and never zero weeks', () => {
    // non-zero median 101; deviations 0 1 1 3 4 6 9 86 899 -> MAD 4, scale 4 / 0.6745 = 5.93; 1000 -> z = 151.6; 15 -> z = -14.5
    const flags = flagOutliers(s, forecastPolicyDefaults);
    expect(flags.map((f) => [f.week, f.value, f.direction])).toEqual([
      ['2025-03-03', 1000, 'high'],
      ['2025-03-17', 15, 'low'],
    ]);
    expect(flags[0].median).toBe(101);
    expect(flags[0].robustZ).toBeCloseTo(151.5939, 3);
    expect(flags[1].robustZ).toBeCloseTo(-14.5021, 3);
  });
  it('screens nothing with too few weeks of demand, and keeps the series unchanged', () => {
    expect(flagOutliers({ ...s, values: [0, 5, 0, 500] }, forecastPolicyDefaults)).toEqual([]);
    expect(s.values).toEqual(values);
  });
});
