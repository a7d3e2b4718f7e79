// MRP invariants on seeded random models (the lead reruns checkMrpProperties on real and 10x generated data).
import { describe, expect, it } from 'vitest';
import { runMrp } from '../../../src/main/engine/purchasing/mrp';
import { checkAcceptedSuggestions, checkMrpProperties } from '../../../src/main/engine/purchasing/properties';
import { randomModel } from './randomModel';

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i * 7919);

describe('MRP properties on seeded random models', () => {
  it.each(SEEDS)('seed %i: MOQ, multiples, balance, safety stock after lead time, coverage, release dates', (seed) => {
    const { input, policy } = randomModel({ seed, yarns: 60, horizonWeeks: 4 + (seed % 27), varyPolicy: true });
    const result = runMrp(input, policy);
    expect(checkMrpProperties(result, policy)).toEqual([]);
    expect(checkAcceptedSuggestions(input, result, policy)).toEqual([]);
  });

  it('the random models exercise what the properties guard', () => {
    let suggestions = 0;
    let late = 0;
    let uncovered = 0;
    let multiples = 0;
    const reasons = new Set<string>();
    for (const seed of SEEDS) {
      const { input, policy } = randomModel({ seed, yarns: 60, horizonWeeks: 4 + (seed % 27), varyPolicy: true });
      const r = runMrp(input, policy);
      suggestions += r.suggestions.length;
      late += r.suggestions.filter((s) => s.action === 'expedite').length;
      multiples += r.items.filter((i) => i.supply.orderMultipleLbs.value > 1 && i.suggestions.length).length;
      for (const i of r.items) {
        for (const u of i.uncovered) {
          uncovered++;
          reasons.add(u.reason);
        }
      }
    }
    expect(suggestions).toBeGreaterThan(500);
    expect(late).toBeGreaterThan(50);
    expect(multiples).toBeGreaterThan(20);
    expect(uncovered).toBeGreaterThan(20);
    expect([...reasons].sort()).toEqual(['no supplier', 'retired supplier', 'within lead time']);
  });

  it('reports violations instead of throwing (a doctored result)', () => {
    const { input, policy } = randomModel({ seed: 5, yarns: 30, horizonWeeks: 12, varyPolicy: false });
    const result = runMrp(input, policy);
    const item = result.items.find((i) => i.suggestions.length && i.supply.moqLbs.value > 1)!;
    const w = item.suggestions[0].receiptWeek;
    item.weeks.plannedReceipts[w] = item.supply.moqLbs.value / 2;
    const props = new Set(checkMrpProperties(result, policy).map((v) => `${v.yarnId}:${v.property}`));
    expect(props.has(`${item.yarnId}:moq`)).toBe(true);
    expect(props.has(`${item.yarnId}:balance identity`)).toBe(true);
  });

  it('catches a balance below safety stock after the lead time and uncovered net requirements', () => {
    const { input, policy } = randomModel({ seed: 9, yarns: 40, horizonWeeks: 20, varyPolicy: false });
    const result = runMrp(input, policy);
    const item = result.items.find((i) => i.suggestions.length && !i.uncovered.length && i.suggestions.at(-1)!.action === 'release')!;
    const s = item.suggestions.at(-1)!;
    // Drop the last on-time order (and shift the balance with it): stock falls below safety stock after the lead time.
    const w = item.weeks;
    for (let k = s.receiptWeek; k < w.gross.length; k++) w.projectedOnHand[k] -= s.qtyLbs;
    w.plannedReceipts[s.receiptWeek] = 0;
    const props = checkMrpProperties(result, policy)
      .filter((v) => v.yarnId === item.yarnId)
      .map((v) => v.property);
    expect(props).toContain('safety stock after lead time');
    expect(props).not.toContain('balance identity');
    w.plannedReceipts.fill(0);
    expect(
      checkMrpProperties(result, policy)
        .filter((v) => v.yarnId === item.yarnId)
        .map((v) => v.property),
    ).toContain('coverage');
  });
});
