// Yarns: the yarn_inventory row (balances per yarn) and the Yarn_ID_Master attributes. Balances keep the ERP's
// column names and signs: Consumed and Allocated are stored negative.
import { z } from 'zod';
import { isoDateSchema } from './isoDate';

/** yarn_inventory: one row per yarn (Desc#). Blank Received/Adjustments etc. are 0. */
export const yarnInventoryRowSchema = z.strictObject({
  yarnId: z.string().min(1),
  supplier: z.string().nullable(),
  description: z.string().nullable(),
  color: z.string().nullable(),
  qsCustomer: z.string().nullable(),
  beginningBalanceLbs: z.number(),
  receivedLbs: z.number(),
  /** Stored negative by the ERP (consumption since the last reconcile). */
  consumedLbs: z.number(),
  adjustmentsLbs: z.number(),
  /** Beginning + received + consumed + adjustments: the physical stock. */
  theoreticalBalanceLbs: z.number(),
  misc: z.string().nullable(),
  onOrderLbs: z.number(),
  /** Stored negative by the ERP: yarn already reserved for open knit orders. */
  allocatedLbs: z.number(),
  /** Theoretical + on order + allocated. */
  planningBalanceLbs: z.number(),
  /** null when the ERP says "Never". */
  reconcileDate: isoDateSchema.nullable(),
  costPerLb: z.number().nullable(),
  totalCostUsd: z.number().nullable(),
});
export type YarnInventoryRow = z.infer<typeof yarnInventoryRowSchema>;

/** Yarn_ID_Master: attributes of a subset of the yarns (its balances are stale copies and are not used). */
export const yarnMasterRowSchema = z.strictObject({
  yarnId: z.string().min(1),
  supplier: z.string().nullable(),
  /** The master's "Description" is the count, e.g. "30/1". */
  yarnCount: z.string().nullable(),
  blend: z.string().nullable(),
  yarnType: z.string().nullable(),
  color: z.string().nullable(),
  descExtra: z.array(z.string()),
  costPerLb: z.number().nullable(),
  /** Total_Cast as exported (accounting negatives such as "($2,183.40)"); a stale copy, kept for reference. */
  totalCostUsd: z.number().nullable(),
});
export type YarnMasterRow = z.infer<typeof yarnMasterRowSchema>;

/** A yarn as planning sees it: the inventory row plus the master's attributes where the master knows the yarn. */
export const yarnSchema = yarnInventoryRowSchema.extend({
  yarnCount: z.string().nullable(),
  blend: z.string().nullable(),
  yarnType: z.string().nullable(),
});
export type Yarn = z.infer<typeof yarnSchema>;
