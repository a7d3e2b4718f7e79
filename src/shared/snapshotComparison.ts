// Two snapshots compared (`snapshots.compare`): yarns, knit orders and yarn POs added, removed and changed, with the
// fields that changed.
import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const fieldChangeSchema = z.object({ field: z.string(), from: scalar, to: scalar });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const entityDiffSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ key: z.string(), changes: z.array(fieldChangeSchema) })),
  unchanged: z.number().int(),
});
export type EntityDiff = z.infer<typeof entityDiffSchema>;

export const snapshotComparisonSchema = z.object({
  fromId: z.number().int(),
  toId: z.number().int(),
  fromAsOf: z.string(),
  toAsOf: z.string(),
  yarns: entityDiffSchema,
  knitOrders: entityDiffSchema,
  yarnPos: entityDiffSchema,
});
export type SnapshotComparison = z.infer<typeof snapshotComparisonSchema>;
