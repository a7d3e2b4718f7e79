// Issue 16: the defects a planner meets on the first morning, each checked on the pure function that decides it.
import { describe, expect, it } from 'vitest';
import { noWeeklyDetailText } from '../../../src/renderer/src/pages/yarn/YarnDetail';
import { positionRow } from '../../support/viewFakes';
import { shortageTotals, type ShortageFigures } from '../../../src/shared/shortageTotals';
import { lbsShortSub, yarnsShortSub } from '../../../src/renderer/src/pages/dashboard/DashboardKpis';
import { PEGGED_ORDERS_PRINTED, shortageReport } from '../../../src/main/services/outputs/planReports';
import { renderReport } from '../../../src/main/reports/html';
import { machineScheduleReport } from '../../../src/main/reports/machineScheduleReport';
import type { Plan } from '../../../src/main/services/jobs/computePlan';
import { currentSelection, draftFormKey } from '../../../src/renderer/src/pages/purchasing/DraftsTab';
import { MAX_TOASTS, toast, useToasts } from '../../../src/renderer/src/stores/toastStore';
import { buildOverride } from '../../../src/renderer/src/pages/scenarios/overrideForms';
import { ISO_DATE_INPUT } from '../../../src/renderer/src/lib/format';
import { databaseNotice } from '../../../src/main/paths';
import { LATE_COLUMNS, legendCounts, ORDER_COLUMNS } from '../../../src/renderer/src/pages/schedule/scheduleColumns';
import { headerWithUnit } from '../../../src/renderer/src/lib/format';
import { headerMinWidth } from '../../../src/renderer/src/components/gridColumns';
import { compareWeeksOfSupply, weeksOfSupplyText } from '../../../src/shared/viewText';
import { POSITION_COLUMNS, SHORTAGE_COLUMNS, shortageGridRow } from '../../../src/renderer/src/pages/yarn/yarnColumns';
import { shortageRow } from '../../support/viewFakes';
import { positionCsvRow } from '../../../src/main/services/outputs/yarnCsv';
import { copyTarget, resolveColumns, shownText, toColDef } from '../../../src/renderer/src/components/gridColumns';

/** The least of a plan the shortage report reads: one projected shortage per row. */
function planWithShortages(rows: (ShortageFigures & { pegged?: number })[], paper?: 'A4' | 'Letter'): Plan {
  const projection = rows.map((r, i) => ({
    yarnId: String(1000 + i),
    description: `yarn ${i}`,
    supplier: 'S',
    shortage: {
      firstShortWeek: '2026-12-14',
      deficitAtFirstShortLbs: r.maxDeficitLbs,
      maxDeficitLbs: r.maxDeficitLbs,
      maxDeficitWeek: '2026-12-21',
      recoveryWeek: null,
      pastDueReceiptsLbs: r.pastDueReceiptsLbs,
      nextReceipt: null,
    },
  }));
  return {
    asOf: '2026-12-07',
    yarn: {
      projection,
      positions: [],
      pegging: {
        byYarn: rows.map((r, i) => ({
          yarnId: String(1000 + i),
          consumers: Array.from({ length: r.pegged ?? 0 }, (_, k) => ({ orderNo: `K${k + 1}`, style: 'S/1', lbs: 13000 })),
        })),
      },
    },
    ...(paper ? { policy: { reports: { paperSize: paper } } } : {}),
    purchasing: { items: [] },
    receiptLines: [],
    layers: { salesOrders: false, forecast: false, forecastLines: [] },
    yarnCostPerLb: {},
  } as unknown as Plan;
}

describe('a yarn without weekly detail (issue 16.3)', () => {
  it('says it cannot run short only when its band is LOW; negative stock rated HIGH is said to be short', () => {
    // Yarn 7716 of the real exports: consumed 196.04 lbs never received, no demand, no allocation.
    const negative = positionRow({ yarnId: '7716', theoreticalBalanceLbs: -196.04, planningBalanceLbs: -196.04, risk: 'HIGH' });
    const text = noWeeklyDetailText(negative);
    expect(text).not.toMatch(/cannot run short/);
    expect(text).toContain('planning balance is already -196 lbs, so it is rated HIGH');
    expect(text).toContain('stock is below zero');
    const fine = positionRow({ yarnId: '1', theoreticalBalanceLbs: 500, planningBalanceLbs: 500, risk: 'LOW' });
    expect(noWeeklyDetailText(fine, 'yarn 1 has no projection')).toBe(
      'Yarn 1 has no projection. Nothing is phased against it, so it cannot run short.',
    );
  });
});

describe('headline shortage figures (issue 16.6)', () => {
  // Three short yarns: one fully covered by a past-due receipt, one partly, one not at all.
  const rows = [
    { maxDeficitLbs: 500, pastDueReceiptsLbs: 800 },
    { maxDeficitLbs: 1000, pastDueReceiptsLbs: 300 },
    { maxDeficitLbs: 250, pastDueReceiptsLbs: 0 },
  ];

  it('counts the yarns and lbs short with and without the past-due receipts', () => {
    expect(shortageTotals(rows)).toEqual({ yarnsShort: 3, lbsShort: 1750, yarnsShortAfterPastDue: 2, lbsShortAfterPastDue: 950 });
    expect(shortageTotals([{ maxDeficitLbs: 400, pastDueReceiptsLbs: 400 }]).yarnsShortAfterPastDue).toBe(0);
  });

  it('shows both numbers on the tiles and in the shortage report', () => {
    const t = shortageTotals(rows);
    expect(yarnsShortSub(t)).toBe('2 after past-due POs');
    expect(lbsShortSub(t)).toBe('950 after past-due POs');
    const kpis = Object.fromEntries((shortageReport(planWithShortages(rows), '2026-12-07 10:00').kpis ?? []).map((k) => [k.label, k.value]));
    expect(kpis['Yarns short']).toBe(3);
    expect(kpis['Short after past-due receipts']).toBe(2);
    expect(kpis['Lbs after past-due receipts']).toBe('950');
  });
});

describe('weeks of supply, bounded (issue 16.2)', () => {
  it('shows "> 52" above a year and ∞ without usage, in the grid, the detail and the CSV', () => {
    expect([2003828.5, 52.04, 52, 3.44, 0, null].map(weeksOfSupplyText)).toEqual(['> 52', '> 52', '52.0', '3.4', '0.0', '∞']);
    const col = toColDef(resolveColumns([], POSITION_COLUMNS).find((c) => c.field === 'weeksOfSupply')!);
    const shown = (value: number | null) => (col.valueFormatter as (p: { value: unknown }) => string)({ value });
    expect([shown(2003828.5), shown(null), shown(7.25)]).toEqual(['> 52', '∞', '7.3']);
    expect(positionCsvRow(positionRow({ yarnId: '18334', weeksOfSupply: 2003828.5 })).weeksOfSupply).toBe('> 52');
  });

  it('sorts by value, no usage after the longest supply', () => {
    const sorted = [null, 2003828.5, 3, 0, 60].sort(compareWeeksOfSupply);
    expect(sorted).toEqual([0, 3, 60, 2003828.5, null]);
    const col = toColDef(resolveColumns([], POSITION_COLUMNS).find((c) => c.field === 'weeksOfSupply')!);
    expect(col.comparator).toBe(compareWeeksOfSupply);
  });
});

describe('Shortages grid opened directly (issue 16.1)', () => {
  it('formats its numbers from the first (empty) render: the columns do not depend on the rows having arrived', () => {
    const rows = [
      shortageGridRow(
        shortageRow({
          yarnId: '4001',
          description: 'yarn',
          supplier: 'S',
          risk: 'CRITICAL',
          planningBalanceLbs: -13000,
          firstShortWeek: '2026-12-14',
          deficitAtFirstShortLbs: 13000,
          maxDeficitLbs: 4282.802298925795,
          maxDeficitWeek: '2026-12-21',
          recoveryWeek: null,
          pastDueReceiptsLbs: 0,
          expedite: null,
          pegged: [],
          peggedLbs: 0,
          suggestion: null,
          noSuggestionReason: 'no supplier',
        }),
      ),
    ];
    const before = resolveColumns([], SHORTAGE_COLUMNS);
    const after = resolveColumns(rows, SHORTAGE_COLUMNS);
    expect(before.map((c) => [c.field, c.kind, c.decimals])).toEqual(after.map((c) => [c.field, c.kind, c.decimals]));
    const maxDeficit = toColDef(before.find((c) => c.field === 'maxDeficitLbs')!);
    expect((maxDeficit.valueFormatter as (p: { value: unknown }) => string)({ value: 4282.802298925795 })).toBe('4,283');
  });
});

describe('deficit columns sort worst first (issue 16.9)', () => {
  it('sorts lbs short or in deficit descending on the first click, other numbers ascending', () => {
    const cols = resolveColumns([], SHORTAGE_COLUMNS).map(toColDef);
    const order = (field: string) => cols.find((c) => c.field === field)!.sortingOrder;
    expect(order('maxDeficitLbs')).toEqual(['desc', 'asc', null]);
    expect(order('deficitAtFirstShortLbs')).toEqual(['desc', 'asc', null]);
    expect(order('planningBalanceLbs')).toBeUndefined();
    expect(order('expediteLbs')).toBeUndefined();
    const position = resolveColumns([], POSITION_COLUMNS).map(toColDef);
    expect(position.find((c) => c.field === 'maxDeficitLbs')!.sortingOrder?.[0]).toBe('desc');
  });
});

describe('the draft form after an inline edit (issue 16.4)', () => {
  it('reads the selected draft from the current rows and starts over when its saved values change', () => {
    const before = [
      { draftId: 'D1', qtyLbs: 12345, receiptDate: '2026-12-14' },
      { draftId: 'D2', qtyLbs: 500, receiptDate: '2026-12-21' },
    ];
    const afterEdit = [{ draftId: 'D1', qtyLbs: 15000, receiptDate: '2026-12-14' }, before[1]];
    const selected = currentSelection(afterEdit, ['D1']);
    expect(selected).toEqual([afterEdit[0]]);
    expect(selected[0].qtyLbs).toBe(15000);
    expect(draftFormKey(afterEdit[0])).not.toBe(draftFormKey(before[0]));
    expect(draftFormKey({ ...afterEdit[0] })).toBe(draftFormKey(afterEdit[0]));
  });
});

describe('toasts do not pile up (issue 16.5)', () => {
  it('counts a repeated message instead of stacking copies, and keeps at most three', () => {
    useToasts.setState({ toasts: [] });
    for (let i = 0; i < 4; i++) toast('success', 'Draft D1 updated', 'The plan is being recomputed.');
    expect(useToasts.getState().toasts.map((t) => [t.title, t.count])).toEqual([['Draft D1 updated', 4]]);
    toast('error', 'drafts.update failed', 'x');
    for (let i = 0; i < 5; i++) toast('info', `note ${i}`);
    expect(useToasts.getState().toasts).toHaveLength(MAX_TOASTS);
    expect(MAX_TOASTS).toBeLessThanOrEqual(3);
    useToasts.setState({ toasts: [] });
  });
});

describe('ISO dates in the scenario inputs (issue 16.11)', () => {
  it('uses a text input that shows YYYY-MM-DD, not the locale date picker, and refuses other spellings', () => {
    expect(ISO_DATE_INPUT.type).toBe('text');
    expect(ISO_DATE_INPUT.placeholder).toBe('YYYY-MM-DD');
    expect(buildOverride('machineDowntime', { machineId: 'M1', from: '12/14/2026', to: '2026-12-20' })).toEqual({
      ok: false,
      error: 'The first day down is a date written YYYY-MM-DD, e.g. 2026-12-14',
    });
    expect(buildOverride('machineDowntime', { machineId: 'M1', from: '2026-02-30', to: '2026-03-02' }).ok).toBe(false);
    expect(buildOverride('machineDowntime', { machineId: 'M1', from: '2026-12-14', to: '2026-12-20' }).ok).toBe(true);
  });
});

describe('npm start says where the database is (issue 16.13)', () => {
  it('prints the path, that the demo goes into it, and how to start clean', () => {
    expect(databaseNotice('/home/p/.config/Beverly Knits Planner/planner.db', { demoLoading: true, dbFlag: true })).toEqual([
      'Database: /home/p/.config/Beverly Knits Planner/planner.db (empty: the demo dataset is being loaded into it)',
      'To start clean: quit, then delete /home/p/.config/Beverly Knits Planner/planner.db (with its -wal and -shm files), or start with --db <another file>.',
    ]);
    expect(databaseNotice('/x/planner.db', { demoLoading: false, dbFlag: false })[1]).toBe(
      'To start clean: quit, then delete /x/planner.db (with its -wal and -shm files).',
    );
  });
});

describe('grid copy (issue 16.8)', () => {
  it('copies the focused cell after a click (which also selects its row), the rows when several are selected, mouse-selected text as is', () => {
    expect(copyTarget({ textSelected: false, selectedRows: 1, focusedCell: true })).toBe('cell');
    expect(copyTarget({ textSelected: false, selectedRows: 3, focusedCell: true })).toBe('rows');
    expect(copyTarget({ textSelected: true, selectedRows: 1, focusedCell: true })).toBe('browser');
    expect(copyTarget({ textSelected: false, selectedRows: 0, focusedCell: false })).toBe('none');
  });

  it('copies what the cell shows, not the raw float', () => {
    expect(shownText('4,283', 4282.802298925795)).toBe('4,283');
    expect(shownText(undefined, 'K1')).toBe('K1');
    expect(shownText(null, null)).toBe('');
  });
});

describe('reports (issue 16.7)', () => {
  it('print on one paper size, Letter unless the policy says A4', () => {
    const schedule = { asOf: '2026-12-07', orders: [], unschedulable: [], machines: [] } as unknown as Parameters<typeof machineScheduleReport>[0];
    expect(renderReport(machineScheduleReport(schedule, { printedAt: '2026-12-07T10:00:00' }))).toContain('size: Letter landscape');
    expect(shortageReport(planWithShortages([]), 'x').pageSize).toBe('Letter');
    expect(shortageReport(planWithShortages([], 'A4'), 'x').pageSize).toBe('A4');
  });

  it('writes lbs with separators and a space, and prints a yarn’s first knit orders only, in a wide column', () => {
    const spec = shortageReport(planWithShortages([{ maxDeficitLbs: 4282.8, pastDueReceiptsLbs: 0, pegged: 60 }]), 'x');
    const table = spec.sections[1].table!;
    const pegged = String(table.rows[0].peggedOrders);
    expect(pegged.split('; ')).toHaveLength(PEGGED_ORDERS_PRINTED + 1);
    expect(pegged).toMatch(/^K1 \(S\/1\) 13,000 lbs; K2 /);
    expect(pegged).toMatch(/and 55 more \(shortages\.csv lists them all\)$/);
    expect(table.columns.find((c) => c.key === 'peggedOrders')!.width).toBe('22%');
    expect(table.columns.reduce((t, c) => t + parseFloat(c.width ?? '0'), 0)).toBe(100);
    expect(spec.sections[0].svg).toContain('4,283 lbs');
    expect(spec.sections[0].svg).not.toMatch(/\dlbs/);
  });
});

describe('schedule at 1366 px (issue 16.10)', () => {
  it('counts every late order in the legend, as the Late orders tab does, and says how many are drawn as material short', () => {
    const orders = [
      { status: 'late', late: true, assignment: 'kept' },
      { status: 'material short', late: true, assignment: 'pinned' },
      { status: 'material short', late: false, assignment: 'kept' },
      { status: 'on time', late: false, assignment: 'kept' },
    ] as const;
    expect(legendCounts(orders)).toEqual({ onTime: 1, late: 2, materialShort: 2, lateAndShort: 1, pinned: 1 });
    expect(legendCounts(orders).late).toBe(orders.filter((o) => o.late).length);
  });

  it('gives the lateness column a header that fits its width', () => {
    for (const cols of [ORDER_COLUMNS, LATE_COLUMNS]) {
      const c = resolveColumns([], cols).find((x) => x.field === 'latenessDays')!;
      const header = headerWithUnit(c.headerName, c.unit);
      expect(header).toBe('Days late');
      expect(headerMinWidth(header)).toBeLessThanOrEqual(c.width!);
    }
  });
});
