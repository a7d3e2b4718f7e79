import { describe, expect, it } from 'vitest';
import { computeYarnPlan, type YarnPlanInput } from '../../../src/main/engine/yarn';
import { yarnPolicyDefaults } from '../../../src/shared/policy/yarn';
import { planWeekStarts } from '../../../src/main/engine/calendar';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const policy = yarnPolicyDefaults;
/** A 9-week plan from Monday 2025-09-01. */
const calendar = { asOf: '2025-09-01', weekStarts: planWeekStarts('2025-09-01', 9) };
const input = (): YarnPlanInput => ({
  knitOrders: [{ koNumber: 'K1', style: 'G/1', startDate: null, balanceLbs: 100 }],
  bomLines: [{ style: 'G/1', yarnId: '1', fraction: 1 }],
  knitRates: [{ style: 'G/1', lbsPerDay: 100 }],
  yarns: [],
  expectedReceipts: [],
  salesOrders: [{ soNumber: 'S1', finishedBase: 'F/0', uom: 'lbs', balanceQty: 300, shipDate: '2025-09-10', quotedDate: null }],
});
const bridge = (style: string) => (style === 'F/0' ? { greigeStyle: 'G/1', ozPerLinYd: 6 } : null);

describe('computeYarnPlan', () => {
  it('is pure: frozen input, same output twice', () => {
    const frozen = deepFreeze(input());
    const a = computeYarnPlan(frozen, calendar, policy, { styleBridge: bridge });
    const b = computeYarnPlan(frozen, calendar, policy, { styleBridge: bridge });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('keeps sales-order demand out of the KO projection and the ERP tables unless asked', () => {
    const off = computeYarnPlan(input(), calendar, policy, { styleBridge: bridge });
    const on = computeYarnPlan(input(), calendar, policy, { styleBridge: bridge, includeSalesOrdersInProjection: true });
    // SO 300 lbs: the open KO (100 lbs of G/1) covers 100, 200 are uncovered -> yarn 1, week of 09-10 (w1).
    expect(on.salesOrders.lines[0]).toMatchObject({ coveredBy: [{ stage: 'KO', lbs: 100 }], uncoveredLbs: 200 });
    expect(off.projection[0].totalDemandLbs).toBe(100);
    expect(on.projection[0].totalDemandLbs).toBe(300);
    expect(on.projection[0].demand.weeklyLbs.slice(0, 2)).toEqual([100, 200]);
    expect(on.projectionKoOnly[0].totalDemandLbs).toBe(100);
    expect(on.tables.yarnDemand).toEqual(off.tables.yarnDemand);
    // Positions follow the projection in use: 300 lbs over 8 weeks vs 100.
    expect(on.positions[0].weeklyUsageLbs).toBe(37.5);
    expect(off.positions[0].weeklyUsageLbs).toBe(12.5);
  });
});
