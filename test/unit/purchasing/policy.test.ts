import { describe, expect, it } from 'vitest';
import { purchasingPolicyDefaults as policy } from '../../../src/shared/policy/purchasing';
import { eoqLbs, lotSize, roundOrderQty } from '../../../src/main/engine/purchasing/lotSizing';
import { inverseNormal, safetyStockLbs, sampleStdDev } from '../../../src/main/engine/purchasing/safetyStock';
import { createSupplierMatcher } from '../../../src/main/engine/purchasing/suppliers';
import { resolveSupply } from '../../../src/main/engine/purchasing/supplyPolicy';
import { item, suppliers } from '../../golden/purchasing/cases';

describe('lot sizing and rounding', () => {
  it('rounds up to the MOQ, then to whole multiples', () => {
    expect(roundOrderQty(50, 300, 250)).toBe(500);
    expect(roundOrderQty(501, 0, 250)).toBe(750);
    expect(roundOrderQty(500.0000000001, 0, 250)).toBe(500);
    expect(roundOrderQty(10, 0, 37.5)).toBe(37.5);
    expect(roundOrderQty(76, 0, 37.5)).toBe(112.5);
    expect(roundOrderQty(12.3, 0, 0)).toBe(12.3);
  });

  it('EOQ = sqrt(2DS/hc)', () => {
    expect(eoqLbs(5200, 100, 0.25, 2)).toBeCloseTo(1442.2205, 4);
    expect(eoqLbs(0, 100, 0.25, 2)).toBeNull();
    expect(eoqLbs(5200, 100, 0.25, 0)).toBeNull();
    const ctx = {
      week: 0,
      netRequirementLbs: 40,
      balanceBeforeLbs: 0,
      grossByWeek: [40],
      scheduledByWeek: [0],
      safetyStockLbs: 0,
      averageWeeklyGrossLbs: 100,
      costPerLb: 0,
      weeksPerYear: 52,
    };
    expect(lotSize({ kind: 'eoq', orderingCostUsd: 100, holdingRatePerYear: 0.25 }, ctx)).toEqual({
      lotLbs: 40,
      note: 'EOQ needs positive demand and cost per lb: lot-for-lot used',
    });
  });

  it('POQ covers the period net of receipts and up to safety stock', () => {
    const ctx = {
      week: 1,
      netRequirementLbs: 80,
      balanceBeforeLbs: 20,
      grossByWeek: [0, 100, 50, 70, 999],
      scheduledByWeek: [0, 0, 30, 0, 0],
      safetyStockLbs: 10,
      averageWeeklyGrossLbs: 0,
      costPerLb: 1,
      weeksPerYear: 52,
    };
    // 10 - (20 + 30 - 100 - 50 - 70) = 180
    expect(lotSize({ kind: 'fixedPeriod', periodWeeks: 3 }, ctx).lotLbs).toBe(180);
  });
});

describe('safety stock', () => {
  it('inverse normal', () => {
    expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormal(0.95)).toBeCloseTo(1.644854, 6);
    expect(inverseNormal(0.99)).toBeCloseTo(2.326348, 6);
    expect(inverseNormal(0.01)).toBeCloseTo(-2.326348, 6);
    expect(() => inverseNormal(1)).toThrow();
  });

  it('weeks of cover, service level (history first), fixed', () => {
    expect(sampleStdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.13809, 5);
    expect(safetyStockLbs({ kind: 'weeksOfCover', weeks: 3 }, [0, 120, 60, 0], undefined, 14)).toBe(135);
    // sigma of the history [10, 30] = 14.142; lead time 63 d = 9 weeks -> sqrt 3; z(0.9) = 1.281552
    expect(safetyStockLbs({ kind: 'serviceLevel', serviceLevel: 0.9 }, [0, 500], [10, 30], 63)).toBeCloseTo(1.281552 * 14.142136 * 3, 3);
    expect(safetyStockLbs({ kind: 'fixedLbs', lbs: 42 }, [], undefined, 0)).toBe(42);
    expect(safetyStockLbs({ kind: 'none' }, [100], undefined, 14)).toBe(0);
  });
});

describe('resolved supply policy and its sources', () => {
  const matcher = createSupplierMatcher(suppliers, [], policy);
  const overrides = new Map([['2', { supplierId: '2', leadTimeDays: 30, orderMultipleLbs: 50 }]]);

  it('planner override > supplier override > supplier master > policy default', () => {
    const beta = resolveSupply(item('Y', 'BETA SPINNING', 0, []), matcher, { yarnId: 'Y', moqLbs: 400 }, overrides, policy);
    expect([beta.leadTimeDays, beta.moqLbs, beta.orderMultipleLbs]).toEqual([
      { value: 30, source: 'planner override' },
      { value: 400, source: 'planner override' },
      { value: 50, source: 'planner override' },
    ]);
    const alpha = resolveSupply(item('Y', 'ALPHA YARNS INC', 0, []), matcher, undefined, overrides, policy);
    expect([alpha.leadTimeDays.source, alpha.moqLbs.source, alpha.orderMultipleLbs.source, alpha.lotSizing.source]).toEqual([
      'supplier master',
      'supplier master',
      'policy default',
      'policy default',
    ]);
    expect(alpha.safetyStock.value).toEqual({ kind: 'weeksOfCover', weeks: 2 });
  });

  it('a yarn can be moved to another supplier; retired and unknown suppliers are flagged or blocked by policy', () => {
    const moved = resolveSupply(item('Y', 'GAMMA FIBERS', 0, []), matcher, { yarnId: 'Y', supplierId: '1' }, new Map(), policy);
    expect([moved.supplierSource, moved.supplier.supplierName, moved.blocked]).toEqual(['planner override', 'ALPHA YARNS INC', null]);
    const retired = resolveSupply(item('Y', 'GAMMA FIBERS', 0, []), matcher, undefined, new Map(), policy);
    expect([retired.blocked, retired.leadTimeDays.source]).toEqual(['retired supplier', 'policy default']);
    expect(
      resolveSupply(item('Y', 'GAMMA FIBERS', 0, []), matcher, undefined, new Map(), { ...policy, suggestForRetiredSupplier: true }).blocked,
    ).toBeNull();
    const unknown = resolveSupply(item('Y', '', 0, []), matcher, undefined, new Map(), { ...policy, suggestWithoutSupplier: false });
    expect([unknown.blocked, unknown.flags]).toEqual(['no supplier', ['no supplier']]);
    const none = createSupplierMatcher(suppliers, [{ name: 'Alpha Yarns', supplierId: null }], policy);
    const mapped = resolveSupply(item('Y', 'ALPHA YARNS', 0, []), none, undefined, new Map(), policy);
    expect([mapped.supplier.method, mapped.blocked, mapped.flags]).toEqual(['manual', 'no supplier', ['the planner set this yarn to "no supplier"']]);
  });
});
