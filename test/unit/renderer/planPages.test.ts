// Pure pieces of the plan pages: structured view values as cells and text, yarn sorting/filtering, the Gantt model,
// the capacity heat map, override forms, scenario comparison rows and the XLSX sheet builder. View rows are built
// by test/support/viewFakes.ts and checked against the contract's schemas.
import { describe, expect, it } from 'vitest';
import type { PurchasingSuggestion, ScheduleView } from '../../../src/shared/views';
import { planComparisonSchema } from '../../../src/shared/scenario';
import { orderYarnsText, peggingText } from '../../../src/shared/viewText';
import { formatDelta, formatRatioPct, formatUsd, shortDate } from '../../../src/renderer/src/lib/format';
import { filterYarnRows, sortYarnRows } from '../../../src/renderer/src/pages/yarn/YarnPage';
import { shortageGridRow } from '../../../src/renderer/src/pages/yarn/yarnColumns';
import { shortRuns } from '../../../src/renderer/src/pages/yarn/YarnWeeklyChart';
import { buildGantt, dayToIso, ordersAhead } from '../../../src/renderer/src/pages/schedule/ganttModel';
import { yarnNotes } from '../../../src/renderer/src/pages/schedule/OrderPanel';
import { heatColumns, heatRows } from '../../../src/renderer/src/pages/capacity/loadHeatmap';
import { suggestionGridRow } from '../../../src/renderer/src/pages/purchasing/purchasingColumns';
import { utilisationBand } from '../../../src/renderer/src/stores/policyStore';
import { buildOverride, parsePolicyValue, receiptKey, receiptLineOf } from '../../../src/renderer/src/pages/scenarios/overrideForms';
import { formatKpiDelta, orderRows, relativeChange, shortageRows } from '../../../src/renderer/src/pages/scenarios/comparison';
import { toSheet } from '../../../src/renderer/src/lib/xlsx';
import { resolveColumns } from '../../../src/renderer/src/components/gridColumns';
import { viewKey } from '../../../src/renderer/src/stores/planStore';
import { checked, checkedOk, positionRow, scheduledOrder, shortageRow, STAMP } from '../../support/viewFakes';

describe('structured view values as cells', () => {
  const suggestion: PurchasingSuggestion = {
    id: 'S-1',
    yarnId: '4001',
    supplierId: '12',
    supplierName: 'LOWELL YARNS LTD',
    qtyLbs: 1000,
    lotSizeLbs: 1000,
    netRequirementLbs: 1000,
    valueUsd: 1500,
    receiptWeek: '2026-W48',
    receiptDate: '2026-11-23',
    releaseDate: '2026-10-12',
    leadTimeDays: 42,
    action: 'expedite',
    lateByDays: 5,
    shortageLbs: 300,
    pegging: [
      {
        weekStart: '2026-11-23',
        lbs: 602.45,
        sources: [
          { label: 'KO K2610091 (EM6386/5C)', orderNo: 'K2610091', lbs: 424.43 },
          { label: 'negative opening balance', orderNo: null, lbs: 178.02 },
        ],
      },
      { weekStart: '2026-12-07', lbs: 397.55, sources: [] },
    ],
    unpeggedLbs: 0,
    flags: ['below MOQ', 'token supplier match'],
    yarnSupplier: 'Lowell Polymers Corp',
    supplierMatch: { method: 'token', score: 0.67, retired: false },
  };

  it('turns a suggestion into a grid row: pegging, flags and match as text, the match kept for its cell', () => {
    const view = checkedOk('view.purchasing', {
      ...STAMP,
      suggestions: [suggestion],
      bySupplier: [],
      uncovered: [],
      weekStarts: [],
      totals: { suggestions: 1, lbs: 1000, valueUsd: 1500, expedite: 1 },
    });
    if (!view.ok) throw new Error(view.error.message);
    expect(suggestionGridRow(view.data.suggestions[0])).toMatchObject({
      pegging: '2026-11-23: 602.5 lbs (KO K2610091 (EM6386/5C), negative opening balance); 2026-12-07: 397.6 lbs',
      flags: 'below MOQ; token supplier match',
      supplierMatch: 'token 0.67',
      match: { method: 'token', score: 0.67 },
    });
    expect(peggingText([])).toBe('');
  });

  it('flattens a shortage row: receipt to expedite, suggestion sentence, pegged orders', () => {
    const row = shortageRow({
      yarnId: '4001',
      description: 'Polyester',
      supplier: 'LOWELL',
      risk: 'HIGH',
      planningBalanceLbs: 200,
      firstShortWeek: '2026-11-23',
      deficitAtFirstShortLbs: 300,
      maxDeficitLbs: 800,
      maxDeficitWeek: '2026-12-07',
      recoveryWeek: null,
      pastDueReceiptsLbs: 0,
      expedite: { poNo: 'Y1', weekStart: '2026-12-14', lbs: 1000 },
      pegged: [
        { orderNo: 'K1', style: 'S/1', lbs: 120.4 },
        { orderNo: 'K2', style: 'S/2', lbs: 79.6 },
      ],
      peggedLbs: 200,
      suggestion: { action: 'expedite', lateByDays: 5, qtyLbs: 1000, supplierName: null, releaseDate: '2026-10-12', receiptDate: '2026-11-23' },
      noSuggestionReason: null,
    });
    expect(shortageGridRow(row)).toMatchObject({
      expeditePo: 'Y1',
      expediteLbs: 1000,
      expediteWeek: '2026-12-14',
      peggedOrders: 'K1 (S/1) 120 lbs; K2 (S/2) 80 lbs',
      suggestion: 'EXPEDITE, late by 5 d: 1,000 lbs from unknown supplier, release 2026-10-12, receive 2026-11-23',
    });
    expect(shortageGridRow({ ...row, expedite: null, suggestion: null, pegged: [] })).toMatchObject({
      expeditePo: null,
      suggestion: null,
      peggedOrders: '',
    });
  });

  it("writes an order's yarns, the short ones with their week", () => {
    const yarns = [
      { yarnId: '2813', status: 'ok' as const, firstShortWeek: null },
      { yarnId: '4001', status: 'short' as const, firstShortWeek: '2026-11-16' },
      { yarnId: '5156', status: 'short-during' as const, firstShortWeek: '2026-11-30' },
    ];
    expect(orderYarnsText(yarns)).toBe('2813, 4001 (short 2026-11-16), 5156 (short-during 2026-11-30)');
    expect(yarnNotes({ yarns })).toEqual([
      { yarnId: '2813' },
      { yarnId: '4001', note: 'short 2026-11-16' },
      { yarnId: '5156', note: 'short-during 2026-11-30' },
    ]);
  });
});

describe('format helpers', () => {
  it('formats money, ratios, deltas and short dates', () => {
    expect(formatUsd(152428.4)).toBe('$152,428');
    expect(formatUsd(-12)).toBe('-$12');
    expect(formatRatioPct(0.0811)).toBe('8.1%');
    expect(formatDelta(4)).toBe('+4');
    expect(formatDelta(-1200.4, 'lbs')).toBe('-1,200 lbs');
    expect(formatDelta(0.2, 'USD')).toBe('±$0');
    expect(shortDate('2026-11-16')).toBe('16 Nov');
  });
});

describe('yarn grid', () => {
  const rows = [
    positionRow({ yarnId: 'a', risk: 'LOW', maxDeficitLbs: 0, planningBalanceLbs: 10, firstShortWeek: null }),
    positionRow({ yarnId: 'b', risk: 'LOW', maxDeficitLbs: 800, planningBalanceLbs: 5, firstShortWeek: '2026-11-16' }),
    positionRow({ yarnId: 'c', risk: 'CRITICAL', maxDeficitLbs: 100, planningBalanceLbs: -3000, firstShortWeek: '2026-11-23' }),
  ];
  it('sorts worst first and filters by risk and short-in-horizon', () => {
    expect(sortYarnRows(rows).map((r) => r.yarnId)).toEqual(['c', 'b', 'a']);
    expect(filterYarnRows(rows, ['critical']).map((r) => r.yarnId)).toEqual(['c']);
    expect(filterYarnRows(rows, ['short']).map((r) => r.yarnId)).toEqual(['b', 'c']);
    expect(filterYarnRows(rows, ['low', 'short']).map((r) => r.yarnId)).toEqual(['b']);
    expect(filterYarnRows(rows, [])).toHaveLength(3);
  });
  it('finds the runs of short weeks for shading', () => {
    expect(shortRuns([5, -1, -2, 3, -1])).toEqual([
      [1, 2],
      [4, 4],
    ]);
    expect(shortRuns([1, 2])).toEqual([]);
  });
});

describe('Gantt model', () => {
  const view: Pick<ScheduleView, 'orders' | 'machines'> = {
    machines: [
      { machineId: '10', workCenter: 'B' },
      { machineId: '2', workCenter: 'A' },
      { machineId: '9', workCenter: 'A' },
      { machineId: '7', workCenter: 'C' },
    ],
    orders: [
      scheduledOrder({ orderNo: 'K1', machineId: '9', workCenter: 'A', startDay: 20778, endDay: 20780.5, status: 'on time' }),
      scheduledOrder({ orderNo: 'K2', machineId: '9', workCenter: 'A', startDay: 20781, endDay: 20783, status: 'late' }),
      scheduledOrder({ orderNo: 'K3', machineId: '10', workCenter: 'B', startDay: 20779, endDay: 20779, status: 'material short' }),
      // a machine missing from the machine list still gets a row
      scheduledOrder({ orderNo: 'K4', machineId: '77', workCenter: 'D', startDay: 20790, endDay: 20791 }),
    ],
  };
  it('keeps loaded machines grouped by work center with natural id order', () => {
    const m = buildGantt(view);
    expect(m.rows.map((r) => r.label)).toEqual(['A · 9', 'B · 10', 'D · 77']);
    expect(m.rows.map((r) => r.band)).toEqual([0, 1, 0]);
    expect(m.bars.map((b) => [m.orders[b.order].orderNo, b.row, b.status])).toEqual([
      ['K1', 0, 'on time'],
      ['K2', 0, 'late'],
      ['K3', 1, 'material short'],
      ['K4', 2, 'on time'],
    ]);
    // zero-length orders still get a visible bar
    expect(m.bars[2].end).toBeGreaterThan(m.bars[2].start);
    expect([m.minDay, m.maxDay]).toEqual([20778, 20791]);
  });
  it('shows idle machines on request and filters by work center', () => {
    expect(buildGantt(view, { allMachines: true }).rows.map((r) => r.label)).toEqual(['A · 2', 'A · 9', 'B · 10', 'C · 7', 'D · 77']);
    expect(buildGantt(view, { allMachines: true, workCenter: 'A' }).rows.map((r) => r.machineId)).toEqual(['2', '9']);
  });
  it('lists the orders ahead on the same machine and converts day numbers', () => {
    expect(ordersAhead(view.orders, view.orders[1]).map((o) => o.orderNo)).toEqual(['K1']);
    expect(ordersAhead(view.orders, view.orders[0])).toEqual([]);
    expect(dayToIso(20778.7)).toBe('2026-11-21');
  });
});

describe('capacity heat map', () => {
  const bands = { bottleneckPct: 85, overloadPct: 100 };
  it('bands utilisation by the policy thresholds', () => {
    expect([50, 85, 100, 100.1, null].map((v) => utilisationBand(v, bands))).toEqual(['low', 'medium', 'medium', 'critical', 'none']);
  });
  it('flattens weeks into columns and puts the busiest first', () => {
    const wc = { machines: 2, daysAvailable: 10, daysAssigned: 5, daysUnassigned: 0, peakWeek: null, overloadedWeeks: 0 };
    const rows = heatRows({
      workCenters: [
        { ...wc, workCenter: 'X', peakUtilisationPct: 50, utilisationPct: 10, weeks: [50, 0] },
        { ...wc, workCenter: 'Y', peakUtilisationPct: 200, utilisationPct: 30, weeks: [200, null] },
      ],
    });
    expect(rows.map((r) => [r.workCenter, r.w0, r.w1])).toEqual([
      ['Y', 200, null],
      ['X', 50, 0],
    ]);
    const cols = heatColumns(['2026-11-16', '2026-11-23'], bands, '2026-11-23');
    expect(cols.filter((c) => /^w\d+$/.test(c.field)).map((c) => c.colDef?.headerName)).toEqual(['W47', 'W48']);
    expect(cols.find((c) => c.field === 'w1')?.colDef?.headerClass).toBe('heat-head-marked');
  });
});

describe('override forms', () => {
  it('builds valid overrides and explains what is missing', () => {
    expect(buildOverride('knitOrder', { koNumber: 'K1' })).toEqual({
      ok: false,
      error: 'Change the balance, the start date or the machine, or pin the order',
    });
    expect(buildOverride('knitOrder', { koNumber: 'K1', balanceLbs: '500', pinStart: true })).toEqual({
      ok: true,
      override: { kind: 'knitOrder', koNumber: 'K1', balanceLbs: 500, pinStart: true },
    });
    expect(buildOverride('poReceipt', { poNumber: 'Y1', yarnId: '4001', moveToWeek: '2026-12-21' })).toMatchObject({
      ok: true,
      override: { kind: 'poReceipt', poNumber: 'Y1', yarnId: '4001', moveToWeek: '2026-12-21' },
    });
    expect(buildOverride('poReceipt', { poNumber: 'Y1', qtyLbs: '0' })).toMatchObject({ ok: true, override: { qtyLbs: 0 } });
    // one receipt line of a PO split over weeks: the picker's option value carries the line
    expect(buildOverride('poReceipt', { poNumber: 'Y1', yarnId: '4001', receiptLine: '2026-12-14', qtyLbs: '0' })).toEqual({
      ok: true,
      override: { kind: 'poReceipt', poNumber: 'Y1', yarnId: '4001', receiptLine: '2026-12-14', qtyLbs: 0 },
    });
    expect(
      [
        { weekStart: '2026-12-14', pastDue: false },
        { weekStart: null, pastDue: true },
        { weekStart: null, pastDue: false },
      ].map((r) => receiptKey({ poNo: 'Y1', line: receiptLineOf(r) })),
    ).toEqual(['Y1|2026-12-14', 'Y1|pastDue', 'Y1|later']);
    expect(buildOverride('machineDowntime', { machineId: '86', from: '2026-12-02', to: '2026-12-01' }).ok).toBe(false);
    expect(buildOverride('knitRate', { style: 'S1', mode: 'multiplier', value: '1.1' })).toMatchObject({
      ok: true,
      override: { kind: 'knitRate', style: 'S1', multiplier: 1.1 },
    });
    expect(buildOverride('demandMultiplier', { by: 'layer', layer: 'forecast', multiplier: '1.2' })).toMatchObject({
      ok: true,
      override: { target: { by: 'layer', layer: 'forecast' }, multiplier: 1.2 },
    });
    expect(buildOverride('demandMultiplier', { by: 'customer', multiplier: '1.2' }).ok).toBe(false);
    expect(buildOverride('poDraftAdd', { yarnId: '4001', qtyLbs: '1000', receiptWeek: '2026-12-07' })).toMatchObject({
      ok: true,
      override: { supplier: null },
    });
  });
  it('keeps the type of the current policy value', () => {
    const policy = { capacity: { overloadUtilisationPct: 100, inProgressFirst: true, relaxedMatch: 'off' } };
    expect(buildOverride('policy', { area: 'capacity', key: 'overloadUtilisationPct', value: '110' }, policy)).toMatchObject({
      ok: true,
      override: { value: 110 },
    });
    expect(buildOverride('policy', { area: 'capacity', key: 'overloadUtilisationPct', value: 'abc' }, policy).ok).toBe(false);
    expect(parsePolicyValue('false', true)).toBe(false);
    expect(parsePolicyValue('F01, I01', ['x'])).toEqual(['F01', 'I01']);
    expect(parsePolicyValue('2, 3', [1])).toEqual([2, 3]);
  });
});

describe('scenario comparison', () => {
  const side = { shortLbs: 10, firstShortWeek: '2026-11-16', recoveryWeek: null };
  const c = checked('plan comparison', planComparisonSchema.pick({ shortages: true, orders: true }), {
    shortages: [{ yarnId: '1', description: 'd', change: 'appears', a: null, b: side, deltaLbs: 10 }],
    orders: [
      {
        koNumber: 'K1',
        style: 'S',
        change: 'becomesLate',
        a: { machine: '1', finish: '2026-12-01', latenessDays: -3, balanceLbs: 5, materialShort: false },
        b: { machine: '1', finish: '2026-12-07', latenessDays: 3, balanceLbs: 5, materialShort: true },
        deltaLatenessDays: 6,
      },
    ],
  });
  it('flattens the row differences', () => {
    expect(shortageRows(c)[0]).toMatchObject({
      yarnId: '1',
      change: 'appears',
      baseShortLbs: 0,
      scenarioShortLbs: 10,
      scenarioFirstShort: '2026-11-16',
    });
    expect(orderRows(c)[0]).toMatchObject({ koNumber: 'K1', baseLatenessDays: -3, scenarioLatenessDays: 3, scenarioMaterialShort: true });
  });
  it('computes relative changes and formats deltas', () => {
    expect(relativeChange(39, 43)).toBeCloseTo(10.26, 1);
    expect(relativeChange(0, 0)).toBe(0);
    expect(relativeChange(0, 5)).toBeNull();
    expect(formatKpiDelta(14.7, '%')).toBe('+15 pp');
    expect(formatKpiDelta(55160.4, 'USD')).toBe('+$55,160');
  });
});

describe('export and cache keys', () => {
  it('builds an XLSX sheet from visible columns with units in the headers', () => {
    const rows = [{ yarnId: '1', balanceLbs: -5, secret: 'x', obj: { a: 1 } }];
    const cols = resolveColumns(rows, [{ field: 'yarnId' }, { field: 'balanceLbs' }, { field: 'secret', hide: true }, { field: 'obj' }]);
    expect(toSheet('Yarn/position: all', rows, cols)).toEqual({
      name: 'Yarn position  all',
      columns: ['Yarn ID', 'Balance (lbs)', 'Obj'],
      rows: [['1', -5, '{"a":1}']],
    });
  });
  it('keys scenario views apart from the base plan, and inputs by value', () => {
    expect(viewKey('view.yarnShortages', {}, 1)).not.toBe(viewKey('view.yarnShortages', { scenarioId: 2 }, 1));
    expect(viewKey('view.yarnShortages', { scenarioId: 0 }, 1)).toBe(viewKey('view.yarnShortages', {}, 1));
    expect(viewKey('view.yarnDetail', { yarnId: '1' }, 1)).not.toBe(viewKey('view.yarnDetail', { yarnId: '2' }, 1));
    expect(viewKey('view.yarnPosition', {}, 1)).not.toBe(viewKey('view.yarnShortages', {}, 1));
  });
});
