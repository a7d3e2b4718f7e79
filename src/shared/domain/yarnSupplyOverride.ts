// How one yarn is bought, as the planner set it; a field left out falls back to the supplier master, then the policy.
import { z } from 'zod';

const nonNegative = z.number().finite().nonnegative();

export const lotSizingRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lotForLot') }),
  z.object({ kind: z.literal('fixedPeriod'), periodWeeks: z.number().finite().positive() }),
  z.object({ kind: z.literal('eoq'), orderingCostUsd: nonNegative, holdingRatePerYear: z.number().finite().positive() }),
]);

export const safetyStockRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('weeksOfCover'), weeks: nonNegative }),
  z.object({ kind: z.literal('serviceLevel'), serviceLevel: z.number().finite().gt(0).lt(1) }),
  z.object({ kind: z.literal('fixedLbs'), lbs: nonNegative }),
]);

export const yarnSupplyOverrideSchema = z.object({
  yarnId: z.string().min(1),
  /** Left out: the supplier the inventory names; null: no supplier on purpose. */
  supplierId: z.string().min(1).nullable().optional(),
  leadTimeDays: nonNegative.optional(),
  moqLbs: nonNegative.optional(),
  orderMultipleLbs: nonNegative.optional(),
  lotSizing: lotSizingRuleSchema.optional(),
  safetyStock: safetyStockRuleSchema.optional(),
});
export type YarnSupplyOverride = z.infer<typeof yarnSupplyOverrideSchema>;
