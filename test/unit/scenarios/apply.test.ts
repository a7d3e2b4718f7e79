import { describe, expect, it } from 'vitest';
import { applyOverrides, scenarioRate } from '../../../src/main/engine/scenarios/apply';
import { forecastMultiplier } from '../../../src/main/engine/scenarios/demand';
import { patchPolicy, scenarioPolicyTable } from '../../../src/main/engine/scenarios/policyPatch';
import { policyDefaults } from '../../../src/shared/policy';
import { describeOverride, overrideInputSchema, overrideSchema, type Override } from '../../../src/shared/scenario';
import type { PlanningData } from '../../../src/shared/domain/entities';
import { deepFreeze, fixture } from './fixture';

let n = 0;
const ov = (body: Record<string, unknown>): Override => overrideSchema.parse({ id: `t${++n}`, label: 'test', ...body });
const base = deepFreeze(fixture());

describe('applyOverrides: knit orders', () => {
  it('changes balance, start and machine of one order and shares every untouched row', () => {
    const r = applyOverrides(base, [ov({ kind: 'knitOrder', koNumber: 'K2', balanceLbs: 500, startDate: '2025-09-10', machine: 'M3' })]);
    expect(r.warnings).toEqual([]);
    const k2 = r.data.knitOrders.find((k) => k.koNumber === 'K2')!;
    expect(k2).toMatchObject({ balanceLbs: 500, liveBalanceLbs: 500, startDate: '2025-09-10', machine: 'M3', orderedLbs: 800 });
    expect(base.knitOrders[1].balanceLbs).toBe(800);
    expect(r.data.knitOrders[0]).toBe(base.knitOrders[0]);
    expect(r.data.expectedReceipts).toBe(base.expectedReceipts);
    expect(r.data.yarns).toBe(base.yarns);
  });

  it('pins to the final machine and start date; an unknown machine or order is a warning, not a crash', () => {
    const r = applyOverrides(base, [
      ov({ kind: 'knitOrder', koNumber: 'K1', machine: 'M9', balanceLbs: 1000 }),
      ov({ kind: 'knitOrder', koNumber: 'K1', pinMachine: true, pinStart: true }),
      ov({ kind: 'knitOrder', koNumber: 'K2', machine: 'M3', pinMachine: true }),
      ov({ kind: 'knitOrder', koNumber: 'K3', pinMachine: true }),
      ov({ kind: 'knitOrder', koNumber: 'K404', balanceLbs: 10 }),
    ]);
    expect(r.data.knitOrders[0]).toMatchObject({ machine: 'M1', balanceLbs: 1000 });
    expect(r.extras.pins).toEqual([
      { koNumber: 'K1', machine: 'M1', startDate: '2025-09-01' },
      { koNumber: 'K2', machine: 'M3' },
    ]);
    expect(r.warnings.map((w) => [w.overrideId, w.message])).toEqual([
      [expect.any(String), 'machine M9 is not in the machine list; KO K1 keeps its machine'],
      [expect.any(String), 'knit order K404 is not in the snapshot'],
      [expect.any(String), 'KO K3 has no machine to pin to'],
    ]);
  });

  it('later overrides of the same order win', () => {
    const r = applyOverrides(base, [
      ov({ kind: 'knitOrder', koNumber: 'K1', balanceLbs: 100 }),
      ov({ kind: 'knitOrder', koNumber: 'K1', balanceLbs: 250 }),
    ]);
    expect(r.data.knitOrders[0].balanceLbs).toBe(250);
  });
});

describe('applyOverrides: a new knit order', () => {
  it('adds an open order of the style from its start date, on no machine; an unknown style is a warning', () => {
    const r = applyOverrides(base, [
      ov({ kind: 'knitOrderAdd', style: 'S2/0', lbs: 1500, startDate: '2025-09-15' }),
      ov({ kind: 'knitOrderAdd', style: 'ZZ/9', lbs: 10, startDate: '2025-09-15' }),
    ]);
    expect(r.data.knitOrders).toHaveLength(base.knitOrders.length + 1);
    expect(r.data.knitOrders.at(-1)).toMatchObject({
      style: 'S2/0',
      orderedLbs: 1500,
      balanceLbs: 1500,
      liveBalanceLbs: 1500,
      startDate: '2025-09-15',
      machine: null,
      g00Lbs: 0,
    });
    expect(r.data.knitOrders.at(-1)!.koNumber).toMatch(/^NEW-/);
    expect(r.warnings.map((w) => w.message)).toEqual(['style ZZ/9 has no BOM, knit order or style record in the snapshot']);
    expect(describeOverride({ kind: 'knitOrderAdd', style: 'S2/0', lbs: 1500, startDate: '2025-09-15' })).toBe(
      'New knit order: 1,500 lbs of style S2/0 from 2025-09-15',
    );
  });
});

describe('applyOverrides: PO receipts', () => {
  const p1 = (d: PlanningData) => d.expectedReceipts.filter((x) => x.poNumber === 'P1');

  it('moves every receipt of a PO (past-due offset included) into one week, keeping the quantity', () => {
    const r = applyOverrides(base, [ov({ kind: 'poReceipt', poNumber: 'P1', moveToWeek: '2025-10-08' })]);
    // -100 + 600 + 500 = 1,000 lbs, in the week of Monday 2025-10-06.
    expect(p1(r.data)).toEqual([{ poNumber: 'P1', yarnId: 'Y1', bucket: 'week', weekStart: '2025-10-06', qtyLbs: 1000 }]);
    expect(r.data.expectedReceipts.filter((x) => x.poNumber === 'P2')).toEqual(base.expectedReceipts.slice(3));
    expect(r.data.yarns).toBe(base.yarns);
  });

  it('moves one receipt line of a PO split over weeks, leaving the other lines where they are', () => {
    const r = applyOverrides(base, [ov({ kind: 'poReceipt', poNumber: 'P1', yarnId: 'Y1', receiptLine: '2025-09-17', moveToWeek: '2025-10-08' })]);
    // Only the 500 lbs of the week of 2025-09-15 move; -100 past due and 600 in 09-08 stay.
    expect(p1(r.data)).toEqual([
      { poNumber: 'P1', yarnId: 'Y1', bucket: 'pastDue', weekStart: null, qtyLbs: -100 },
      { poNumber: 'P1', yarnId: 'Y1', bucket: 'week', weekStart: '2025-09-08', qtyLbs: 600 },
      { poNumber: 'P1', yarnId: 'Y1', bucket: 'week', weekStart: '2025-10-06', qtyLbs: 500 },
    ]);
    expect(r.data.yarns).toBe(base.yarns);
    // a new quantity for that line alone moves On Order by the line's change: 600 -> 200 is -400
    const q = applyOverrides(base, [ov({ kind: 'poReceipt', poNumber: 'P1', yarnId: 'Y1', receiptLine: '2025-09-08', qtyLbs: 200 })]);
    expect(p1(q.data).map((x) => x.qtyLbs)).toEqual([-100, 200, 500]);
    expect(q.data.yarns[0].onOrderLbs).toBe(base.yarns[0].onOrderLbs - 400);
    const none = applyOverrides(base, [ov({ kind: 'poReceipt', poNumber: 'P1', yarnId: 'Y1', receiptLine: 'later', qtyLbs: 0 })]);
    expect(none.warnings.map((w) => w.message)).toEqual(['PO P1 has no expected receipts of yarn Y1 due later']);
    expect(overrideInputSchema.safeParse({ kind: 'poReceipt', poNumber: 'P1', receiptLine: '2025-09-08', qtyLbs: 1 }).success).toBe(false);
    expect(describeOverride({ kind: 'poReceipt', poNumber: 'P1', yarnId: 'Y1', receiptLine: '2025-09-15', moveToWeek: '2025-10-06' })).toBe(
      'PO P1 (yarn Y1, the receipt of week 2025-09-15): arrives week of 2025-10-06',
    );
  });

  it('resizes the scheduled receipts and moves On Order and Planning Balance by the change', () => {
    const r = applyOverrides(base, [ov({ kind: 'poReceipt', poNumber: 'P1', qtyLbs: 700 })]);
    // Positive receipts scaled by (700 + 100) / 1,100; the -100 past-due offset stays.
    const rows = p1(r.data);
    expect(rows.map((x) => x.qtyLbs)).toEqual([-100, (600 * 8) / 11, (500 * 8) / 11]);
    expect(rows.reduce((t, x) => t + x.qtyLbs, 0)).toBeCloseTo(700, 9);
    expect(r.data.yarns[0]).toMatchObject({ onOrderLbs: 700, planningBalanceLbs: 1700 });
    expect(r.data.yarns[1]).toBe(base.yarns[1]);
    expect(r.data.expectedPos[0].balanceLbs).toBe(700);
  });

  it('moves and resizes at once; cancelling is quantity 0', () => {
    const r = applyOverrides(base, [ov({ kind: 'poReceipt', poNumber: 'P1', moveToWeek: '2025-09-29', qtyLbs: 0 })]);
    expect(p1(r.data)).toEqual([{ poNumber: 'P1', yarnId: 'Y1', bucket: 'week', weekStart: '2025-09-29', qtyLbs: 0 }]);
    expect(r.data.yarns[0].onOrderLbs).toBe(0);
  });

  it('a quantity on a multi-yarn PO needs the yarn; absent POs warn', () => {
    const ambiguous = applyOverrides(base, [ov({ kind: 'poReceipt', poNumber: 'P2', qtyLbs: 50 })]);
    expect(ambiguous.warnings[0].message).toMatch(/carries 2 yarns/);
    expect(ambiguous.data.expectedReceipts).toEqual(base.expectedReceipts);

    const one = applyOverrides(base, [ov({ kind: 'poReceipt', poNumber: 'P2', yarnId: 'Y2', qtyLbs: 50 })]);
    expect(one.warnings).toEqual([]);
    expect(one.data.expectedReceipts[3].qtyLbs).toBe(50);
    expect(one.data.expectedReceipts[4]).toBe(base.expectedReceipts[4]);
    expect(one.data.yarns[1]).toMatchObject({ onOrderLbs: 150, planningBalanceLbs: 650 });

    const absent = applyOverrides(base, [ov({ kind: 'poReceipt', poNumber: 'P9', moveToWeek: '2025-09-08' })]);
    expect(absent.warnings.map((w) => w.message)).toEqual(['PO P9 has no expected receipts']);
    expect(absent.data).toBe(base);
  });

  it('a PO whose only receipts are undated or negative cannot be resized without a week', () => {
    const r = applyOverrides(base, [ov({ kind: 'poReceipt', poNumber: 'P2', yarnId: 'Y3', qtyLbs: 40 })]);
    // Y3's only receipt is "later" 100 lbs: positive, so it scales to 40.
    expect(r.data.expectedReceipts[4].qtyLbs).toBe(40);
    const neg = { ...base, expectedReceipts: [{ poNumber: 'P5', yarnId: 'Y1', bucket: 'pastDue' as const, weekStart: null, qtyLbs: -10 }] };
    expect(applyOverrides(neg, [ov({ kind: 'poReceipt', poNumber: 'P5', qtyLbs: 40 })]).warnings[0].message).toMatch(/no scheduled receipt/);
  });
});

describe('applyOverrides: drafts, downtime, rates, policy', () => {
  it('adds PO drafts (receipt week normalised to Monday) and removes existing ones', () => {
    const r = applyOverrides(
      base,
      [
        ov({ id: 'd1', kind: 'poDraftAdd', yarnId: 'Y3', qtyLbs: 900, receiptWeek: '2025-09-19', supplier: 'ACME' }),
        ov({ kind: 'poDraftAdd', yarnId: 'Y404', qtyLbs: 1, receiptWeek: '2025-09-19', supplier: null }),
        ov({ kind: 'poDraftRemove', draftId: 'draft:s1' }),
        ov({ kind: 'poDraftRemove', draftId: 'draft:gone' }),
      ],
      { draftIds: ['draft:s1'] },
    );
    expect(r.extras.poDrafts).toEqual({
      added: [{ draftId: 'scenario:d1', yarnId: 'Y3', supplier: 'ACME', qtyLbs: 900, receiptWeek: '2025-09-15' }],
      removedDraftIds: ['draft:s1'],
    });
    expect(r.warnings.map((w) => w.message)).toEqual(['yarn Y404 is not in the snapshot', 'PO draft draft:gone does not exist']);
    expect(r.data).toBe(base);
  });

  it('collects downtime for known machines only', () => {
    const r = applyOverrides(base, [
      ov({ kind: 'machineDowntime', machineId: 'M2', from: '2025-09-08', to: '2025-09-12' }),
      ov({ kind: 'machineDowntime', machineId: 'M77', from: '2025-09-08', to: '2025-09-12' }),
    ]);
    expect(r.extras.downtime).toEqual([{ machineId: 'M2', from: '2025-09-08', to: '2025-09-12' }]);
    expect(r.warnings.map((w) => w.message)).toEqual(['machine M77 is not in the machine list']);
  });

  it('combines rate overrides per style in order and applies them to the resolved rate', () => {
    const r = applyOverrides(base, [
      ov({ kind: 'knitRate', style: 'S1/0', multiplier: 2 }),
      ov({ kind: 'knitRate', style: 'S1/0', lbsPerDay: 500 }),
      ov({ kind: 'knitRate', style: 'S1/0', multiplier: 1.1 }),
      ov({ kind: 'knitRate', style: 'S2/0', multiplier: 0.5 }),
      ov({ kind: 'knitRate', style: 'NOPE/1', lbsPerDay: 10 }),
    ]);
    expect(r.extras.rateOverrides).toEqual([
      { style: 'S1/0', lbsPerDay: 500, multiplier: 1.1 },
      { style: 'S2/0', lbsPerDay: null, multiplier: 0.5 },
    ]);
    expect(scenarioRate('S1/0', 100, r.extras.rateOverrides)).toBeCloseTo(550, 9);
    expect(scenarioRate('S2/0', 200, r.extras.rateOverrides)).toBe(100);
    expect(scenarioRate('S2/0', null, r.extras.rateOverrides)).toBeNull();
    expect(scenarioRate('S3/0', 70, r.extras.rateOverrides)).toBe(70);
    expect(r.warnings.map((w) => w.message)).toEqual(['style NOPE/1 has no rate, knit order or style record in the snapshot']);
    expect(r.data.knitRates).toBe(base.knitRates);
  });

  it('checks policy changes against the policy schema (ranges, rules between keys) and merges them', () => {
    const r = applyOverrides(base, [
      ov({ kind: 'policy', area: 'purchasing', key: 'defaultMoqLbs', value: 500 }),
      ov({ kind: 'policy', area: 'capacity', key: 'defaultRateLbsPerDay', value: 616 }),
      ov({ kind: 'policy', area: 'alerts', key: 'wcOverloadUtilisationPct', value: 90 }),
      ov({ kind: 'policy', area: 'purchasing', key: 'defaultMoqLbs', value: 'lots' }),
      ov({ kind: 'policy', area: 'purchasing', key: 'noSuchKey', value: 1 }),
      ov({ kind: 'policy', area: 'toString', key: 'x', value: 1 }),
      ov({ kind: 'policy', area: 'calendar', key: 'horizonWeeks', value: 1_000_000 }),
      ov({ kind: 'policy', area: 'yarn', key: 'highBelowLbs', value: -5000 }),
      ov({ kind: 'policy', area: 'yarn', key: 'constructor', value: 1 }),
    ]);
    expect(r.extras.policyPatches).toEqual({
      purchasing: { defaultMoqLbs: 500 },
      capacity: { defaultRateLbsPerDay: 616 },
      alerts: { wcOverloadUtilisationPct: 90 },
    });
    expect(r.warnings.map((w) => w.message)).toEqual([
      'policy purchasing.defaultMoqLbs must be a number (got "lots")',
      'unknown policy setting purchasing.noSuchKey',
      'unknown policy setting toString.x',
      'policy calendar.horizonWeeks must be at most 156 (got 1000000)',
      'policy yarn.criticalBelowLbs (-1000) must be below yarn.highBelowLbs (-5000): the risk bands must read critical < high < medium',
      'unknown policy setting yarn.constructor',
    ]);
    const patched = patchPolicy(scenarioPolicyTable, r.extras.policyPatches);
    expect(patched.purchasing.defaultMoqLbs).toBe(500);
    expect(patched.calendar.horizonWeeks).toBe(policyDefaults.calendar.horizonWeeks);
    expect(patched.yarn).toBe(scenarioPolicyTable.yarn);
    expect(policyDefaults.purchasing.defaultMoqLbs).toBe(1000);
  });
});

describe('applyOverrides: demand multipliers', () => {
  const balances = (d: typeof base) => ({ ko: d.knitOrders.map((k) => k.balanceLbs), so: d.salesOrders.map((s) => s.balanceQty) });

  it('multiplier 1.0 on every target gives data deep-equal to the base', () => {
    const targets = [
      { by: 'style', style: 'S1/0' },
      { by: 'style', style: 'F1/0' },
      { by: 'customer', customer: 'Blue Co' },
      { by: 'layer', layer: 'knitOrders' },
      { by: 'layer', layer: 'salesOrders' },
      { by: 'layer', layer: 'forecast' },
    ];
    const r = applyOverrides(
      base,
      targets.map((target) => ov({ kind: 'demandMultiplier', target, multiplier: 1 })),
    );
    expect(r.warnings).toEqual([]);
    expect(r.data).toStrictEqual(fixture());
  });

  it('scales knit orders and sales orders by style, customer and layer (positive balances only)', () => {
    expect(balances(applyOverrides(base, [ov({ kind: 'demandMultiplier', target: { by: 'style', style: 'S1/0' }, multiplier: 1.5 })]).data)).toEqual({
      ko: [1800, 800, 400, 0],
      so: [500, 300, -20],
    });
    // F1/0 is SO1's and SO3's finished base; SO3 is an over-shipment (-20) and stays.
    expect(balances(applyOverrides(base, [ov({ kind: 'demandMultiplier', target: { by: 'style', style: 'f1/0' }, multiplier: 2 })]).data).so).toEqual(
      [1000, 300, -20],
    );
    expect(
      balances(applyOverrides(base, [ov({ kind: 'demandMultiplier', target: { by: 'customer', customer: 'Blue Co' }, multiplier: 0.5 })]).data),
    ).toEqual({
      ko: [1200, 800, 400, 0],
      so: [500, 150, -20],
    });
    const layers = applyOverrides(base, [
      ov({ kind: 'demandMultiplier', target: { by: 'layer', layer: 'knitOrders' }, multiplier: 0.5 }),
      ov({ kind: 'demandMultiplier', target: { by: 'layer', layer: 'salesOrders' }, multiplier: 1.2 }),
      ov({ kind: 'demandMultiplier', target: { by: 'style', style: 'S2/0' }, multiplier: 2 }),
    ]);
    expect(balances(layers.data)).toEqual({ ko: [600, 800, 400, 0], so: [600, 360, -20] });
    // A line that sells greige fabric directly follows its greige style.
    const greigeSale = { ...base.salesOrders[1], soNumber: 'SO4', greigeStyle: 'S2/0' };
    const withGreige = applyOverrides({ ...base, salesOrders: [...base.salesOrders, greigeSale] }, [
      ov({ kind: 'demandMultiplier', target: { by: 'style', style: 'S2/0' }, multiplier: 3 }),
    ]);
    expect(balances(withGreige.data)).toEqual({ ko: [1200, 2400, 1200, 0], so: [500, 300, -20, 900] });
    expect(layers.data.knitOrders[1].liveBalanceLbs).toBe(800);
  });

  it('leaves the forecast layer to the forecast step, with the product of the multipliers that reach a series', () => {
    const r = applyOverrides(base, [
      ov({ kind: 'demandMultiplier', target: { by: 'layer', layer: 'forecast' }, multiplier: 1.1 }),
      ov({ kind: 'demandMultiplier', target: { by: 'style', style: 'F1/0' }, multiplier: 2 }),
      ov({ kind: 'demandMultiplier', target: { by: 'customer', customer: 'Old Customer' }, multiplier: 0.5 }),
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.extras.demandMultipliers).toHaveLength(3);
    expect(forecastMultiplier(r.extras.demandMultipliers, { style: 'F1/0' })).toBeCloseTo(2.2, 12);
    expect(forecastMultiplier(r.extras.demandMultipliers, { style: 'F1/0', customer: 'old customer' })).toBeCloseTo(1.1, 12);
    expect(forecastMultiplier(r.extras.demandMultipliers, { style: 'F2/0' })).toBeCloseTo(1.1, 12);
  });

  it('warns for a style or customer nothing refers to', () => {
    const r = applyOverrides(base, [
      ov({ kind: 'demandMultiplier', target: { by: 'style', style: 'ZZ/9' }, multiplier: 2 }),
      ov({ kind: 'demandMultiplier', target: { by: 'customer', customer: 'Nobody' }, multiplier: 2 }),
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual(['no orders or sales history for style ZZ/9', 'no orders or sales history for customer Nobody']);
    expect(r.data).toBe(base);
    expect(r.extras.demandMultipliers).toEqual([]);
  });
});

describe('override schema', () => {
  it('rejects contradictory or empty overrides and impossible dates', () => {
    const bad = [
      { kind: 'knitRate', style: 'S1/0', lbsPerDay: 5, multiplier: 2 },
      { kind: 'knitRate', style: 'S1/0' },
      { kind: 'machineDowntime', machineId: 'M1', from: '2025-09-10', to: '2025-09-01' },
      { kind: 'poReceipt', poNumber: 'P1' },
      { kind: 'poReceipt', poNumber: 'P1', moveToWeek: '2025-02-30' },
      { kind: 'knitOrder', koNumber: 'K1' },
      { kind: 'demandMultiplier', target: { by: 'layer', layer: 'rolls' }, multiplier: 2 },
      { kind: 'demandMultiplier', target: { by: 'layer', layer: 'forecast' }, multiplier: -1 },
      { kind: 'teleport', koNumber: 'K1' },
    ];
    for (const b of bad) expect(overrideInputSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
    expect(overrideSchema.safeParse({ kind: 'poDraftRemove', draftId: 'x' }).success).toBe(false);
  });

  it('gives every kind a readable default label', () => {
    expect(describeOverride({ kind: 'poReceipt', poNumber: 'P1', moveToWeek: '2025-10-06', qtyLbs: 1500 })).toBe(
      'PO P1: arrives week of 2025-10-06, qty 1,500 lbs',
    );
    expect(describeOverride({ kind: 'demandMultiplier', target: { by: 'customer', customer: 'Blue Co' }, multiplier: 1.2 })).toBe(
      'Demand of customer Blue Co x 1.2',
    );
    expect(describeOverride({ kind: 'knitOrder', koNumber: 'K1', machine: 'M2', pinMachine: true })).toBe('KO K1: machine M2, pinned to machine');
  });
});
