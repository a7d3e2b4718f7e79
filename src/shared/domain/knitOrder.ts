// A knit order (eFab_Knit_Orders export or the ERP API): greige fabric to knit, in lbs.
import { z } from 'zod';
import { isoDateSchema } from './isoDate';
import { timestampSchema } from './timestamp';

export const knitOrderSourceSchema = z.enum(['export', 'api']);
export type KnitOrderSource = z.infer<typeof knitOrderSourceSchema>;

export const knitOrderSchema = z.strictObject({
  koNumber: z.string().min(1),
  source: knitOrderSourceSchema,
  /** Greige style base/version, normalised; `styleRaw` as exported. */
  style: z.string().min(1),
  styleRaw: z.string(),
  /** The ERP's warning icon on the order number (e.g. zero or negative knit price). */
  hasWarning: z.boolean(),
  warningText: z.string().nullable(),
  startDate: isoDateSchema.nullable(),
  quotedDate: isoDateSchema.nullable(),
  requestedDate: isoDateSchema.nullable(),
  orderedLbs: z.number(),
  g00Lbs: z.number(),
  shippedLbs: z.number(),
  secondsLbs: z.number(),
  /** Balance as exported (can be stale). */
  balanceLbs: z.number(),
  /** max(0, ordered - (G00 + shipped - seconds)): what the ERP schedules on when the export is stale. */
  liveBalanceLbs: z.number(),
  machine: z.string().nullable(),
  bki: z.string().nullable(),
  poNumber: z.string().nullable(),
  modifiedAt: timestampSchema.nullable(),
  /** API only: when the order was created (export: null). */
  createdAt: timestampSchema.nullable(),
  status: z.string().nullable(),
  scheduleStatus: z.string().nullable(),
  /** API only: qty_received. */
  receivedLbs: z.number().nullable(),
  unitCostYarnPerLb: z.number().nullable(),
  knitPricePerLb: z.number().nullable(),
});
export type KnitOrder = z.infer<typeof knitOrderSchema>;
