// The planner's knitting rate for a style, used instead of the rate the ERP data gives.
import { z } from 'zod';
import { isoDateSchema } from './isoDate';

export const rateOverrideSchema = z.object({
  style: z.string().min(1),
  lbsPerDay: z.number().finite().positive(),
  /** The day the planner set it. */
  asOf: isoDateSchema,
  note: z.string().optional(),
});
export type RateOverride = z.infer<typeof rateOverrideSchema>;
