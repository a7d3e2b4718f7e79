import { describe, expect, it } from 'vitest';
import { learnBomFromReports, learnRatesFromReports, rowWeeklyCapacity } from '../../../src/main/engine/yarn';
import type { ErpDemandReport, ErpDemandReportRow } from '../../../src/main/engine/yarn';
import { yarnPolicyDefaults as policy } from '../../../src/shared/policy/yarn';

/** A report row: This Week and the numbered weeks (9 in all, zero-filled), then Later. */
const row = (style: string, koNumber: string, yarnId: string, percentage: number, buckets: number[], laterLbs = 0): ErpDemandReportRow => {
  const bucketsLbs = [...buckets, ...new Array(9 - buckets.length).fill(0), laterLbs];
  return { style, koNumber, yarnId, percentage, bucketsLbs, totalLbs: bucketsLbs.reduce((a, b) => a + b, 0) };
};

describe('rowWeeklyCapacity', () => {
  it('reads a full week between the pro-rated first and the partial last week', () => {
    // 180001/20ST2 on 9-2: 275.64 (9/11), 336.90 x 4, 238.33 at 13.1 % -> W = 336.897278 / 0.131 = 2,571.73.
    const r = row(
      '180001/20ST2',
      'K2502021',
      '18320',
      13.1,
      [275.643227632559, 336.897278217572, 336.897278217572, 336.897278217572, 336.897278217572, 238.330059497152],
    );
    const found = rowWeeklyCapacity(r, '2025-09-02', policy);
    expect(found?.evidence).toBe('full-week');
    expect(found!.weeklyCapacityLbs / 6).toBeCloseTo(428.6225, 3); // the Production Lbs figure is 428.6
  });

  it('counts the last numbered week as full when the order continues into Later', () => {
    const found = rowWeeklyCapacity(row('S', 'K', '1', 50, [0, 0, 0, 0, 0, 0, 0, 100, 300], 1000), '2025-09-02', policy);
    expect(found).toEqual({ evidence: 'full-week', weeklyCapacityLbs: 600 });
  });

  it('uses the first week with the known start when there is no full week (721SM0627/1, 9-2 and 8-28 runs)', () => {
    // 9-2 run: K2508092 starts Fri 2025-09-05 (u = 3): 126.277776 at 8.6 % -> W = 126.277776 / 0.086 x 11/3.
    const r92 = row('721SM0627/1', 'K2508092', '10027', 8.6, [126.277776241788, 148.922223758212]);
    const ko92 = { koNumber: 'K2508092', style: '721SM0627/1', startDate: '2025-09-05', balanceLbs: 3200 };
    const w92 = rowWeeklyCapacity(r92, '2025-09-02', policy, ko92)!;
    // 8-28 run (Thu, u = 5): K2502048 started in July: 210.46296 at 8.6 % -> W = 210.46296 / 0.086 x 11/5.
    const r828 = row('721SM0627/1', 'K2502048', '10027', 8.6, [210.46296040298, 35.5056395970196]);
    const ko828 = { koNumber: 'K2502048', style: '721SM0627/1', startDate: '2025-07-07', balanceLbs: 2860.1 };
    const w828 = rowWeeklyCapacity(r828, '2025-08-28', policy, ko828)!;
    expect(w92.evidence).toBe('first-week');
    expect(w92.weeklyCapacityLbs).toBeCloseTo(5383.94, 2);
    // Two different runs, starts and weekdays agree on the same style rate: 5,383.94 / 6 = 897.32 lbs/day.
    expect(w828.weeklyCapacityLbs).toBeCloseTo(w92.weeklyCapacityLbs, 6);
    // Without the KO list the 9-2 row would be misread (it assumes the order started on the run day, u = 9).
    expect(rowWeeklyCapacity(r92, '2025-09-02', policy)!.evidence).toBe('first-week-assumed');
    expect(rowWeeklyCapacity(r92, '2025-09-02', policy)!.weeklyCapacityLbs).toBeCloseTo(((126.277776241788 / 0.086) * 11) / 9, 6);
  });

  it('gives nothing for an order that fits in one week', () => {
    expect(rowWeeklyCapacity(row('S', 'K', '1', 100, [293.2]), '2025-09-02', policy)).toBeNull();
  });
});

describe('learnRatesFromReports', () => {
  const report = (runDate: string, rows: ErpDemandReportRow[], knitOrders?: ErpDemandReport['knitOrders']): ErpDemandReport => ({
    runDate,
    kind: 'by-style-ko',
    rows,
    knitOrders,
  });

  it('takes the most recent report with exact evidence, the median over its rows', () => {
    const older = report('2025-08-22', [row('S/1', 'K1', '1', 100, [0, 600, 600, 100])]);
    const newer = report('2025-08-28', [
      row('S/1', 'K1', '1', 100, [0, 660, 660, 10]),
      row('S/1', 'K2', '1', 50, [0, 360, 360, 10]), // 720 / week
      row('S/1', 'K3', '1', 100, [0, 600, 600, 10]),
    ]);
    const [learned] = learnRatesFromReports([older, newer], policy);
    expect(learned.runDate).toBe('2025-08-28');
    expect(learned.lbsPerDay).toBe(110); // median(600, 660, 720) / 6
    expect(learned.samples).toBe(3);
  });

  it('prefers exact evidence from an older report to assumed evidence from a newer one', () => {
    const older = report('2025-08-22', [row('S/1', 'K1', '1', 100, [0, 600, 600, 100])]);
    const newer = report('2025-08-28', [row('S/1', 'K9', '1', 100, [500, 100])]); // first week only, start unknown
    const rates = learnRatesFromReports([newer, older], policy);
    expect(rates).toHaveLength(1);
    expect(rates[0]).toMatchObject({ runDate: '2025-08-22', lbsPerDay: 100, evidence: 'full-week' });
    const none = learnRatesFromReports([newer], { ...policy, learnRateFromFirstWeek: false });
    expect(none).toEqual([]);
  });

  it('ignores by-style reports (no KO, no rate)', () => {
    const r: ErpDemandReport = {
      runDate: '2025-08-28',
      kind: 'by-style',
      rows: [{ ...row('S/1', 'x', '1', 100, [0, 600, 600, 10]), koNumber: null }],
    };
    expect(learnRatesFromReports([r], policy)).toEqual([]);
  });
});

describe('learnBomFromReports', () => {
  it('keeps the newest percentages per style and learns "no BOM" from open orders without rows', () => {
    const old: ErpDemandReport = {
      runDate: '2025-08-22',
      kind: 'by-style-ko',
      rows: [row('A/1', 'K1', '1', 60, [1]), row('A/1', 'K1', '2', 40, [1]), row('B/1', 'K2', '3', 100, [1])],
    };
    const recent: ErpDemandReport = {
      runDate: '2025-08-28',
      kind: 'by-style-ko',
      rows: [row('A/1 ', 'K1', '1', 17.24, [1]), row('A/1', 'K1', '2', 82.76, [1])],
      knitOrders: [
        { koNumber: 'K2', style: 'B/1', startDate: null, balanceLbs: 10 },
        { koNumber: 'K3', style: 'C/1', startDate: null, balanceLbs: 0 },
      ],
    };
    const learned = new Map(learnBomFromReports([old, recent]).map((l) => [l.style, l]));
    expect(learned.get('A/1')!.lines).toEqual([
      { yarnId: '1', fraction: 0.1724 },
      { yarnId: '2', fraction: 0.8276 },
    ]);
    expect(learned.get('A/1')!.runDate).toBe('2025-08-28');
    // B/1 had an open order on 08-28 but no rows: the newer "no BOM" wins over the 08-22 rows.
    expect(learned.get('B/1')!.lines).toEqual([]);
    expect(learned.get('B/1')!.runDate).toBe('2025-08-28');
    // C/1's order had no balance: nothing is learned.
    expect(learned.has('C/1')).toBe(false);
  });

  it('lets same-day rows (e.g. by-style zero rows) beat the "no BOM" inference', () => {
    const ko: ErpDemandReport = {
      runDate: '2025-09-02',
      kind: 'by-style-ko',
      rows: [],
      knitOrders: [{ koNumber: 'K2506042', style: 'CF5509/0', startDate: null, balanceLbs: 0.1 }],
    };
    const byStyle: ErpDemandReport = {
      runDate: '2025-09-02',
      kind: 'by-style',
      rows: [
        { ...row('CF5509/0', '', '18612', 99.1, [0]), koNumber: null },
        { ...row('CF5509/0', '', '13560', 0.9, [0]), koNumber: null },
      ],
    };
    const [learned] = learnBomFromReports([ko, byStyle]);
    expect(learned.lines.map((l) => l.yarnId)).toEqual(['18612', '13560']);
  });
});
