// Yarn purchase orders (YarnPO) and their delivery schedule (Expected_Yarn_Report): the receipts the plan counts on.
import { z } from 'zod';
import { isoDateSchema } from './isoDate';
import { timestampSchema } from './timestamp';

export const yarnPoSchema = z.strictObject({
  poNumber: z.string().min(1),
  status: z.string().nullable(),
  yarnId: z.string().min(1),
  orderedAt: timestampSchema.nullable(),
  requestedDate: isoDateSchema.nullable(),
  quotedDate: isoDateSchema.nullable(),
  qtyLbs: z.number(),
  balanceLbs: z.number(),
  supplier: z.string().nullable(),
  size: z.string().nullable(),
  yarnType: z.string().nullable(),
  color: z.string().nullable(),
  description: z.string().nullable(),
  costPerLb: z.number().nullable(),
  totalCostUsd: z.number().nullable(),
});
export type YarnPo = z.infer<typeof yarnPoSchema>;

/** Expected_Yarn_Report, one row per PO (the per-week receipts are `ExpectedReceipt`s). */
export const expectedPoSchema = z.strictObject({
  poNumber: z.string().min(1),
  poDate: isoDateSchema.nullable(),
  supplier: z.string().nullable(),
  yarnId: z.string().min(1),
  costPerLb: z.number().nullable(),
  /** INVEN: the yarn's theoretical balance at the run. */
  inventoryLbs: z.number().nullable(),
  orderedLbs: z.number().nullable(),
  receivedLbs: z.number().nullable(),
  balanceLbs: z.number(),
  yarnType: z.string().nullable(),
  ply: z.string().nullable(),
  size: z.string().nullable(),
  filament: z.string().nullable(),
  color: z.string().nullable(),
  blend: z.string().nullable(),
});
export type ExpectedPo = z.infer<typeof expectedPoSchema>;

export const receiptBucketSchema = z.enum(['pastDue', 'week', 'later']);
export type ReceiptBucket = z.infer<typeof receiptBucketSchema>;

/**
 * A scheduled receipt: "Unscheduled or Past Due" (can be negative), an ISO week (its Monday), or "Later". A 'week'
 * receipt of an Expected report without dated columns gets its Monday once the batch's as-of date is known.
 */
export const expectedReceiptSchema = z.strictObject({
  poNumber: z.string().min(1),
  yarnId: z.string().min(1),
  bucket: receiptBucketSchema,
  weekStart: isoDateSchema.nullable(),
  qtyLbs: z.number(),
});
export type ExpectedReceipt = z.infer<typeof expectedReceiptSchema>;
