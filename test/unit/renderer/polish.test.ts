// Issue 16: the defects a planner meets on the first morning, each checked on the pure function that decides it.
import { describe, expect, it } from 'vitest';
import { noWeeklyDetailText } from '../../../src/renderer/src/pages/yarn/YarnDetail';
import { positionRow } from '../../support/viewFakes';

describe('a yarn without weekly detail (issue 16.3)', () => {
  it('says it cannot run short only when its band is LOW; negative stock rated HIGH is said to be short', () => {
    // Yarn 7716 of the real exports: consumed 196.04 lbs never received, no demand, no allocation.
    const negative = positionRow({ yarnId: '7716', theoreticalBalanceLbs: -196.04, planningBalanceLbs: -196.04, risk: 'HIGH' });
    const text = noWeeklyDetailText(negative);
    expect(text).not.toMatch(/cannot run short/);
    expect(text).toContain('planning balance is already -196 lbs, so it is rated HIGH');
    expect(text).toContain('stock is below zero');
    const fine = positionRow({ yarnId: '1', theoreticalBalanceLbs: 500, planningBalanceLbs: 500, risk: 'LOW' });
    expect(noWeeklyDetailText(fine, 'yarn 1 has no projection')).toBe('Yarn 1 has no projection. Nothing is phased against it, so it cannot run short.');
  });
});
