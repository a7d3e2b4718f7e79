// One policy value the planner changed from its default (Settings or the CLI's --policy file). Ranges and the rules
// between keys are the policy schema's (src/shared/policy/schema.ts); this is the shape of what is stored.
import { z } from 'zod';

export const policyValueSchema = z.object({
  area: z.string().min(1),
  key: z.string().min(1),
  value: z.union([z.number().finite(), z.string(), z.boolean()]),
});
export type PolicyValue = z.infer<typeof policyValueSchema>;
