// The planner's bill of materials for a style: the yarns and the share of each (fractions of 1), in the order given.
import { z } from 'zod';
import { isoDateSchema } from './isoDate';

export const bomOverrideLineSchema = z.object({
  yarnId: z.string().min(1),
  fraction: z.number().finite().positive().max(1),
});

export const bomOverrideSchema = z.object({
  style: z.string().min(1),
  lines: z.array(bomOverrideLineSchema).min(1),
  /** The day the planner set it. */
  asOf: isoDateSchema,
  note: z.string().optional(),
});
export type BomOverride = z.infer<typeof bomOverrideSchema>;
