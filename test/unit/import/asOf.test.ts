import { describe, expect, it } from 'vitest';
import { koReportWeekday, nameRunDate, resolveAsOf, type FileFacts } from '../../../src/main/import/asOf';
import type { ErpStyleDemandRow, KnitOrder, YarnPo } from '../../../src/shared/domain/entities';
import { takeFutureRecords } from '../../../src/main/import/futureRecords';

/** A KO report row whose first week is pro-rated `units`/11 of a full week W. */
function koRow(ko: string, units: number, w = 336.9): ErpStyleDemandRow {
  return {
    reportId: 1,
    style: 'S/1',
    koNumber: ko,
    yarnId: '1',
    percentage: 100,
    bucketsLbs: [(w * units) / 11, w, w, 10, 0, 0, 0, 0, 0, 0],
    totalLbs: 0,
  };
}

describe('run date from the KO report pro-rating', () => {
  it('reads the weekday from This Week / next week = u/11 (Mon 11 ... Fri 3, Sat 1)', () => {
    const starts = new Map<string, string | null>();
    expect(koReportWeekday([koRow('K1', 9), koRow('K2', 9), koRow('K3', 7)], starts, '2025-09-01')).toBe(2);
    expect(koReportWeekday([koRow('K1', 3), koRow('K2', 3)], starts, '2025-08-18')).toBe(5);
    expect(koReportWeekday([koRow('K1', 5)], starts, '2025-08-25')).toBe(4);
  });

  it('ignores orders that start later (pro-rated from their own start) and orders shorter than two weeks', () => {
    const starts = new Map<string, string | null>([
      ['K3', '2025-09-03'],
      ['K4', '2025-09-03'],
    ]);
    const short: ErpStyleDemandRow = { ...koRow('K5', 11), bucketsLbs: [100, 50, 0, 0, 0, 0, 0, 0, 0, 0] };
    expect(koReportWeekday([koRow('K1', 9), koRow('K2', 9), koRow('K3', 7), koRow('K4', 7), short], starts, '2025-09-01')).toBe(2);
  });

  it('gives up without a clear majority', () => {
    expect(koReportWeekday([koRow('K1', 9), koRow('K2', 7)], new Map(), '2025-09-01')).toBeUndefined();
    expect(koReportWeekday([], new Map(), '2025-09-01')).toBeUndefined();
  });
});

describe('run dates in export file names', () => {
  it('reads _YYYYMMDD, _YYYYMMDDhhmm and _YYYY-MM-DD_hhmm, and nothing that is not a whole date', () => {
    expect(nameRunDate('eFab_Inventory_F01_20250822.xlsx')).toBe('2025-08-22');
    expect(nameRunDate('eFab_SO_List_202508220100.xlsx')).toBe('2025-08-22');
    expect(nameRunDate('Yarn_Demand_2025-09-02_0442.xlsx')).toBe('2025-09-02');
    expect(nameRunDate('Yarn_Demand_2025-08-20_0442.xlsx (2)')).toBe('2025-08-20');
    expect(nameRunDate('2025-09-02')).toBe('2025-09-02');
    for (const name of [
      'yarn_inventory (5).xlsx',
      'Yarn_Demand.xlsx',
      'eFab_Knit_Orders_20251340.xlsx',
      'PO_2025083.xlsx',
      'x_12025082212.csv',
      'K2508021.csv',
    ]) {
      expect(nameRunDate(name), name).toBeUndefined();
    }
  });
});

describe('as-of date of a batch', () => {
  const koReport = (units: number, fileName = 'Yarn_Demand_By_Style_KO.xlsx', week = 37): FileFacts => ({
    fileName,
    role: 'report',
    reportId: 1,
    report: {
      type: 'erp_style_ko_demand',
      buckets: [{ kind: 'thisWeek' }, { kind: 'week', week }, { kind: 'later' }],
      labels: ['This Week', `Week ${week}`, 'Later'],
    },
    batch: { erpStyleDemand: [koRow('K1', units), koRow('K2', units)] },
  });
  const expected: FileFacts = { fileName: 'Expected_Yarn_Report.xlsx', role: 'export', batch: {}, expectedThisWeek: '2025-09-01' };
  const named = (fileName: string): FileFacts => ({ fileName, role: 'export', batch: {} });
  const yarnDemand = (fileName: string, week: number, inventoryWeekday?: number): FileFacts => ({
    fileName,
    role: 'report',
    reportId: 2,
    report: {
      type: 'erp_yarn_demand',
      buckets: [{ kind: 'thisWeek' }, { kind: 'week', week }],
      labels: ['This Week', `Week ${week}`],
      inventoryWeekday,
    },
    batch: {},
  });

  it('takes the run day from the KO report, the year of "Week 37" from the dated Expected report', () => {
    const r = resolveAsOf([expected, koReport(9)]);
    expect(r).toMatchObject({ asOf: '2025-09-02', inferred: '2025-09-02', source: 'files', conflicts: [] });
    expect(r.reports[0]).toMatchObject({ runDate: '2025-09-02', thisWeekStart: '2025-09-01' });
    expect(r.reports[0].buckets.map((b) => b.weekStart)).toEqual(['2025-09-01', '2025-09-08', null]);
  });

  it('the newest run of the week wins; an earlier run is a stated conflict, never the date', () => {
    const r = resolveAsOf([expected, koReport(9), yarnDemand('Yarn_Demand.xlsx', 37, 1)]);
    expect(r.asOf).toBe('2025-09-02');
    expect(r.conflicts.join('\n')).toContain('Yarn_Demand.xlsx is an earlier ERP run (2025-09-01');
  });

  it("the planner's date always wins; the files' date is stated as a conflict with its evidence", () => {
    const r = resolveAsOf([expected, koReport(9)], { callerAsOf: '2025-09-05' });
    expect(r).toMatchObject({ asOf: '2025-09-05', inferred: '2025-09-02', source: 'caller' });
    expect(r.conflicts[0]).toContain('the files say 2025-09-02');
    expect(r.conflicts[0]).toContain('Yarn_Demand_By_Style_KO.xlsx');
    // even a date in another week than the files'
    expect(resolveAsOf([expected, koReport(9)], { callerAsOf: '2025-08-20' }).asOf).toBe('2025-08-20');
  });

  it("run dates in the exports' names are day evidence; an earlier week's report does not move the date", () => {
    // 8-28 exports (names) with the previous week's Yarn_Demand: week 35 in its header = This Week 2025-08-18
    const files = [
      named('eFab_SO_List_202508280603.xlsx'),
      named('eFab_Inventory_G00_20250828.xlsx'),
      yarnDemand('Yarn_Demand_2025-08-20_0442.xlsx', 35),
    ];
    const r = resolveAsOf(files);
    expect(r).toMatchObject({ asOf: '2025-08-28', source: 'files', mixedWeeks: undefined });
    expect(r.evidence).toContainEqual({
      file: 'eFab_SO_List_202508280603.xlsx',
      precision: 'day',
      date: '2025-08-28',
      how: 'run date in the file name',
      from: 'name',
      role: 'export',
    });
    expect(r.conflicts.join('\n')).toContain('Yarn_Demand_2025-08-20_0442.xlsx is an earlier ERP run (2025-08-20');
    // a KO report of the earlier week with a day clue (Fri 8-22) does not move it either
    const ko = koReport(3, 'Yarn_Demand_By_Style_KO.xlsx', 35);
    expect(resolveAsOf([...files, ko]).asOf).toBe('2025-08-28');
  });

  it('without dated exports the newest report week is the week; its latest run day the date', () => {
    const r = resolveAsOf([yarnDemand('Yarn_Demand.xlsx', 36, 4), yarnDemand('Yarn_Demand_2025-08-20_0442.xlsx', 35)], { folder: undefined });
    // "Week 36" needs a year: none of the files is dated but the older report's name
    expect(r.asOf).toBe('2025-08-28');
    expect(r.conflicts.join('\n')).toContain('Yarn_Demand_2025-08-20_0442.xlsx');
  });

  it('refuses exports of different ERP weeks, and a report from a later week than the exports, listing weeks and files', () => {
    const mixed = resolveAsOf([named('eFab_Knit_Orders_20250822.xlsx'), expected]);
    expect(mixed.mixedWeeks).toContain('week of 2025-08-18: eFab_Knit_Orders_20250822.xlsx (2025-08-22, run date in the file name)');
    expect(mixed.mixedWeeks).toContain('week of 2025-09-01: Expected_Yarn_Report.xlsx (2025-09-01, Friday-dated week columns)');
    expect(mixed.inferred).toBeUndefined();
    // the planner's date does not make a mixed batch one week
    expect(resolveAsOf([named('eFab_Knit_Orders_20250822.xlsx'), expected], { callerAsOf: '2025-09-02' }).mixedWeeks).toBeDefined();
    const laterReport = resolveAsOf([named('eFab_Knit_Orders_20250822.xlsx'), koReport(9)]);
    expect(laterReport.mixedWeeks).toContain('Yarn_Demand_By_Style_KO.xlsx');
  });

  it("a history snapshot folder named by a date is day evidence of its exports' week", () => {
    const r = resolveAsOf([expected], { folder: { name: 'snapshots/2025-09-02', date: '2025-09-02' } });
    expect(r).toMatchObject({ asOf: '2025-09-02', source: 'files', warnings: [] });
    expect(resolveAsOf([expected], { folder: { name: 'snapshots/2025-08-22', date: '2025-08-22' } }).mixedWeeks).toContain('snapshots/2025-08-22');
  });

  it('with the week only: its Monday with a warning; a given day conflicts only when outside the week; masters say nothing', () => {
    const r = resolveAsOf([expected]);
    expect(r.asOf).toBe('2025-09-01');
    expect(r.warnings[0]).toContain('not the day');
    expect(resolveAsOf([expected], { callerAsOf: '2025-09-04' })).toMatchObject({ asOf: '2025-09-04', conflicts: [], warnings: [] });
    expect(resolveAsOf([expected], { callerAsOf: '2025-09-08' }).conflicts).toEqual([
      'the files say the week of 2025-09-01 (Expected_Yarn_Report.xlsx: Friday-dated week columns); the date given, 2025-09-08, is used',
    ]);
    expect(resolveAsOf([{ fileName: 'BOM_20250101.csv', role: 'master', batch: {} }], { callerAsOf: '2025-08-01' })).toMatchObject({
      asOf: '2025-08-01',
      source: 'caller',
      evidence: [],
    });
    expect(resolveAsOf([{ fileName: 'BOM_updated.csv', role: 'master', batch: {} }])).toMatchObject({ asOf: undefined, source: 'none' });
  });
});

describe('records dated after the as-of date', () => {
  const ko = (koNumber: string, source: 'export' | 'api', createdAt: string | null, modifiedAt: string | null) =>
    ({ koNumber, source, createdAt, modifiedAt }) as KnitOrder;

  it('counts them per file, leaves out the API orders created after the date, keeps the ones only changed after it', () => {
    const api = {
      fileName: 'efab_api_knit_orders.json',
      batch: {
        knitOrders: [
          ko('K1', 'api', '2025-09-04T10:00:00', '2025-09-04T11:00:00'),
          ko('K2', 'api', '2025-08-01T00:00:00', '2025-09-03T00:00:00'),
          ko('K3', 'api', '2025-08-01T00:00:00', '2025-09-02T23:00:00'),
        ],
      },
    };
    const pos = {
      fileName: 'YarnPO.xlsx',
      batch: { yarnPos: [{ orderedAt: '2025-09-05T00:00:00' }, { orderedAt: '2025-08-05T00:00:00' }] as YarnPo[] },
    };
    const records = takeFutureRecords([api, pos], '2025-09-02', true);
    expect(records).toEqual([
      {
        file: 'efab_api_knit_orders.json',
        what: 'knit orders',
        count: 2,
        leftOut: 1,
        latest: '2025-09-04',
        usedByPlan: true,
        message:
          'efab_api_knit_orders.json: 2 knit orders; 1 created after 2025-09-02 left out of the snapshot, dated after the as-of date 2025-09-02 (latest 2025-09-04)',
      },
      {
        file: 'YarnPO.xlsx',
        what: 'yarn POs',
        count: 1,
        leftOut: 0,
        latest: '2025-09-05',
        usedByPlan: true,
        message: 'YarnPO.xlsx: 1 yarn POs, dated after the as-of date 2025-09-02 (latest 2025-09-05)',
      },
    ]);
    expect(api.batch.knitOrders.map((k) => k.koNumber)).toEqual(['K2', 'K3']);
    // an exported order is never left out (its creation is unknown); the API's are not planned beside an export
    const exported = { fileName: 'eFab_Knit_Orders.xlsx', batch: { knitOrders: [ko('K9', 'export', null, '2025-09-03T08:00:00')] } };
    const api2 = { fileName: 'api.json', batch: { knitOrders: [ko('K1', 'api', '2025-09-04T10:00:00', null)] } };
    const second = takeFutureRecords([exported, api2], '2025-09-02', false);
    expect(second.map((r) => [r.file, r.count, r.leftOut, r.usedByPlan])).toEqual([
      ['eFab_Knit_Orders.xlsx', 1, 0, true],
      ['api.json', 1, 1, false],
    ]);
    expect(exported.batch.knitOrders).toHaveLength(1);
  });
});
