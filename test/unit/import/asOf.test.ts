import { describe, expect, it } from 'vitest';
import { koReportWeekday, resolveAsOf, type FileFacts } from '../../../src/main/import/asOf';
import type { ErpStyleDemandRow } from '../../../src/main/import/entities';

/** A KO report row whose first week is pro-rated `units`/11 of a full week W. */
function koRow(ko: string, units: number, w = 336.9): ErpStyleDemandRow {
  return { reportId: 1, style: 'S/1', koNumber: ko, yarnId: '1', percentage: 100, bucketsLbs: [(w * units) / 11, w, w, 10, 0, 0, 0, 0, 0, 0], totalLbs: 0 };
}

describe('run date from the KO report pro-rating', () => {
  it('reads the weekday from This Week / next week = u/11 (Mon 11 ... Fri 3, Sat 1)', () => {
    const starts = new Map<string, string | null>();
    expect(koReportWeekday([koRow('K1', 9), koRow('K2', 9), koRow('K3', 7)], starts, '2025-09-01')).toBe(2);
    expect(koReportWeekday([koRow('K1', 3), koRow('K2', 3)], starts, '2025-08-18')).toBe(5);
    expect(koReportWeekday([koRow('K1', 5)], starts, '2025-08-25')).toBe(4);
  });

  it('ignores orders that start later (pro-rated from their own start) and orders shorter than two weeks', () => {
    const starts = new Map<string, string | null>([['K3', '2025-09-03'], ['K4', '2025-09-03']]);
    const short: ErpStyleDemandRow = { ...koRow('K5', 11), bucketsLbs: [100, 50, 0, 0, 0, 0, 0, 0, 0, 0] };
    expect(koReportWeekday([koRow('K1', 9), koRow('K2', 9), koRow('K3', 7), koRow('K4', 7), short], starts, '2025-09-01')).toBe(2);
  });

  it('gives up without a clear majority', () => {
    expect(koReportWeekday([koRow('K1', 9), koRow('K2', 7)], new Map(), '2025-09-01')).toBeUndefined();
    expect(koReportWeekday([], new Map(), '2025-09-01')).toBeUndefined();
  });
});

describe('as-of date of a batch', () => {
  const koReport = (units: number): FileFacts => ({
    fileName: 'Yarn_Demand_By_Style_KO.xlsx',
    reportId: 1,
    report: { type: 'erp_style_ko_demand', buckets: [{ kind: 'thisWeek' }, { kind: 'week', week: 37 }, { kind: 'later' }], labels: ['This Week', 'Week 37', 'Later'] },
    batch: { erpStyleDemand: [koRow('K1', units), koRow('K2', units)] },
  });
  const expected: FileFacts = { fileName: 'Expected_Yarn_Report.xlsx', batch: {}, expectedThisWeek: '2025-09-01' };

  it('takes the run day from the KO report, the year of "Week 37" from the dated Expected report', () => {
    const r = resolveAsOf([expected, koReport(9)], undefined);
    expect(r.asOf).toBe('2025-09-02');
    expect(r.source).toBe('files');
    expect(r.reports[0]).toMatchObject({ runDate: '2025-09-02', thisWeekStart: '2025-09-01' });
    expect(r.reports[0].buckets.map((b) => b.weekStart)).toEqual(['2025-09-01', '2025-09-08', null]);
  });

  it('uses the latest run when reports come from several runs, and says so', () => {
    const monday: FileFacts = {
      fileName: 'Yarn_Demand.xlsx',
      reportId: 2,
      report: { type: 'erp_yarn_demand', buckets: [{ kind: 'thisWeek' }, { kind: 'week', week: 37 }], labels: ['This Week', 'Week 37'], inventoryWeekday: 1 },
      batch: {},
    };
    const r = resolveAsOf([expected, koReport(9), monday], '2025-09-03');
    expect(r.asOf).toBe('2025-09-02');
    expect(r.warnings.join('\n')).toContain('Yarn_Demand.xlsx (2025-09-01)');
    expect(r.warnings.join('\n')).toContain('differs from the files');
  });

  it('with the week only: the caller\'s day when it falls in that week, else the Monday with a warning', () => {
    expect(resolveAsOf([expected], '2025-09-04').asOf).toBe('2025-09-04');
    const r = resolveAsOf([expected], undefined);
    expect(r.asOf).toBe('2025-09-01');
    expect(r.warnings[0]).toContain('not the day');
  });

  it('without evidence: the caller\'s date, else none', () => {
    expect(resolveAsOf([{ fileName: 'BOM_updated.csv', batch: {} }], '2025-08-01')).toMatchObject({ asOf: '2025-08-01', source: 'caller' });
    expect(resolveAsOf([{ fileName: 'BOM_updated.csv', batch: {} }], undefined)).toMatchObject({ asOf: undefined, source: 'none' });
  });

  it('flags files with changes after the as-of date (the API export of 9-04 in an 8-22 batch)', () => {
    const api: FileFacts = { fileName: 'efab_api_knit_orders.json', batch: { knitOrders: [{ modifiedAt: '2025-09-04T15:57:21' } as never] } };
    const r = resolveAsOf([expected, koReport(9), api], undefined);
    expect(r.warnings).toContain('efab_api_knit_orders.json holds changes dated after the as-of date (latest 2025-09-04)');
  });
});
