import { describe, expect, it } from 'vitest';
import { inventoryIdentityWarnings, projectYarnBalances, riskBand, yarnRisk } from '../../../src/main/engine/yarn';
import type { YarnInventory } from '../../../src/main/engine/yarn';
import { yarnPolicyDefaults as policy } from '../../../src/shared/policy/yarn';
import { planWeekStarts } from '../../../src/main/engine/calendar';

const inventory = (yarnId: string, theoreticalBalanceLbs: number, extra: Partial<YarnInventory> = {}): YarnInventory => ({
  yarnId,
  description: '',
  supplier: '',
  color: '',
  beginningBalanceLbs: theoreticalBalanceLbs,
  receivedLbs: 0,
  consumedLbs: 0,
  adjustmentsLbs: 0,
  theoreticalBalanceLbs,
  onOrderLbs: 0,
  allocatedLbs: 0,
  planningBalanceLbs: theoreticalBalanceLbs,
  ...extra,
});

describe('projectYarnBalances', () => {
  it('reproduces the ERP Yarn_Demand row of yarn 18884 (Tue 2025-09-02 run)', () => {
    // Inventory, demand and receipts as printed in Yarn_Demand_2025-09-02_0442.xlsx; past due 20,161.3 stays out of
    // the weekly chain but is in Total Receipt.
    const demand = [8855.89230284969, 8593.78803364997, 5411.93418507481, 5411.93418507481, 2586.25129335073, 0, 0, 0, 0];
    const { projections } = projectYarnBalances(
      {
        demand: [{ yarnId: '18884', weeklyLbs: [...demand, ...new Array(17).fill(0)], beyondLbs: 0 }],
        receipts: [
          { poNumber: 'P1', yarnId: '18884', bucket: 'pastDue', weekStart: null, qtyLbs: 20161.3 },
          { poNumber: 'P1', yarnId: '18884', bucket: 'week', weekStart: '2025-10-20', qtyLbs: 4000 },
          { poNumber: 'P1', yarnId: '18884', bucket: 'week', weekStart: '2025-10-27', qtyLbs: 4000 },
          { poNumber: 'P1', yarnId: '18884', bucket: 'later', weekStart: null, qtyLbs: 8000 },
        ],
        yarns: [inventory('18884', 2506.1839999999984)],
      },
      { asOf: '2025-09-02', weekStarts: planWeekStarts('2025-09-02', 26) },
      policy,
    );
    const p = projections[0];
    const erpBalances = [
      -6349.708302849692, -14943.496336499662, -20355.43052157447, -25767.36470664928, -28353.616000000013, -28353.616000000013, -28353.616000000013,
      -24353.616000000013, -20353.616000000013,
    ];
    erpBalances.forEach((b, w) => expect(p.balanceWeeklyLbs[w]).toBeCloseTo(b, 6));
    expect(p.totalDemandLbs).toBeCloseTo(30859.8, 6);
    expect(p.totalReceiptLbs).toBeCloseTo(36161.3, 6);
    expect(p.balanceLbs).toBeCloseTo(7807.684, 6); // 2,506.184 - 30,859.8 + 36,161.3
    expect(p.balanceEndLbs).toBeCloseTo(-12353.616, 6); // ERP "Balance Later" = Balance - past due
    expect(p.shortage).toMatchObject({ firstShortWeek: '2025-09-01', recoveryWeek: null, maxDeficitWeek: '2025-09-29' });
    expect(p.shortage!.nextReceipt).toMatchObject({ poNo: 'P1', weekMonday: '2025-10-20', lbs: 4000, usefulLbs: 4000 });
  });

  it('can roll past-due receipts into the chain (policy) and treats a receipt dated before the as-of week as past due', () => {
    const input = {
      demand: [{ yarnId: 'Y', weeklyLbs: [100, 0, 0, 0, 0, 0, 0, 0, 0], beyondLbs: 0 }],
      receipts: [
        { poNumber: 'P', yarnId: 'Y', bucket: 'pastDue' as const, weekStart: null, qtyLbs: 30 },
        { poNumber: 'P', yarnId: 'Y', bucket: 'week' as const, weekStart: '2025-08-18', qtyLbs: 20 },
      ],
      yarns: [inventory('Y', 60)],
    };
    const nineWeeks = { asOf: '2025-09-01', weekStarts: planWeekStarts('2025-09-01', 9) };
    const erp = projectYarnBalances(input, nineWeeks, policy);
    expect(erp.warnings.map((w) => w.code)).toEqual(['receipt-in-past']);
    expect(erp.projections[0].pastDueReceiptsLbs).toBe(50);
    expect(erp.projections[0].balanceWeeklyLbs[0]).toBe(-40); // 60 - 100
    expect(erp.projections[0].balanceLbs).toBe(10); // 60 - 100 + 50
    const rolled = projectYarnBalances(input, nineWeeks, { ...policy, pastDueReceiptsInChain: true });
    expect(rolled.projections[0].balanceWeeklyLbs[0]).toBe(10);
    expect(rolled.projections[0].shortage).toBeNull();
  });
});

describe('riskBand (policy ladder CRITICAL < -1000 <= HIGH < -100 <= MEDIUM < 0 <= LOW)', () => {
  it('bands the boundaries', () => {
    const cases: [number, string][] = [
      [-1500, 'CRITICAL'],
      [-1000.01, 'CRITICAL'],
      [-1000, 'HIGH'],
      [-100.01, 'HIGH'],
      [-100, 'MEDIUM'],
      [-50, 'MEDIUM'],
      [0, 'LOW'],
      [100, 'LOW'],
    ];
    for (const [pb, band] of cases) expect(riskBand(pb, policy)).toBe(band);
  });
  it('follows edited thresholds', () => {
    expect(riskBand(-600, { ...policy, criticalBelowLbs: -500 })).toBe('CRITICAL');
  });
});

describe('yarnRisk: the band of the worse of planning balance + accepted PO drafts and the deepest projected deficit', () => {
  it('counts the drafts with the planning balance', () => {
    expect(yarnRisk({ planningBalanceLbs: -1500, draftLbs: 0, maxDeficitLbs: 0 }, policy)).toEqual({
      risk: 'CRITICAL',
      riskBasis: 'planning balance',
      levelLbs: -1500,
    });
    expect(yarnRisk({ planningBalanceLbs: -1500, draftLbs: 1450, maxDeficitLbs: 0 }, policy)).toEqual({
      risk: 'MEDIUM',
      riskBasis: 'planning balance + PO drafts',
      levelLbs: -50,
    });
  });
  it('takes the projected deficit when it is worse, and only then', () => {
    expect(yarnRisk({ planningBalanceLbs: 200, draftLbs: 0, maxDeficitLbs: 1200 }, policy)).toEqual({
      risk: 'CRITICAL',
      riskBasis: 'projected deficit',
      levelLbs: -1200,
    });
    expect(yarnRisk({ planningBalanceLbs: -300, draftLbs: 100, maxDeficitLbs: 150 }, policy)).toEqual({
      risk: 'HIGH',
      riskBasis: 'planning balance + PO drafts',
      levelLbs: -200,
    });
  });
});

describe('inventoryIdentityWarnings', () => {
  it('flags rows whose Theoretical or Planning Balance identity does not hold', () => {
    const ok = inventory('1', 100, {
      receivedLbs: 50,
      beginningBalanceLbs: 80,
      consumedLbs: -30,
      onOrderLbs: 20,
      allocatedLbs: -70,
      planningBalanceLbs: 50,
    });
    const bad = inventory('2', 100, { planningBalanceLbs: 90 });
    expect(inventoryIdentityWarnings([ok, bad], policy).map((w) => `${w.yarnId}:${w.code}`)).toEqual(['2:inventory-planning']);
  });
});
