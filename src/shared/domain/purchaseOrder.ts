// A purchase order the planner hands to the ERP: the open (accepted or edited) PO drafts of one supplier, one line
// each. The PO number is the planner's (the ERP gives the real one when the buyer enters it).
import { z } from 'zod';
import { isoDateSchema } from './isoDate';

export const purchaseOrderLineSchema = z.object({
  draftId: z.string(),
  yarnId: z.string(),
  description: z.string(),
  /** The yarn master's count ("30/1"), type and colour, as the ERP's YarnPO lists them. */
  size: z.string().nullable(),
  yarnType: z.string().nullable(),
  color: z.string().nullable(),
  qtyLbs: z.number().finite().nonnegative(),
  /** null: no price known for the yarn. */
  costPerLb: z.number().finite().nullable(),
  valueUsd: z.number().finite().nullable(),
  dueDate: isoDateSchema,
});
export type PurchaseOrderLine = z.infer<typeof purchaseOrderLineSchema>;

export const purchaseOrderSchema = z.object({
  poNumber: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  orderDate: isoDateSchema,
  lines: z.array(purchaseOrderLineSchema),
  totalLbs: z.number().finite(),
  /** The value of the lines with a price. */
  totalUsd: z.number().finite(),
  linesWithoutPrice: z.number().int().nonnegative(),
});
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

export const purchaseOrderListSchema = z.object({
  orderDate: isoDateSchema,
  orders: z.array(purchaseOrderSchema),
  /** Open drafts that cannot go on a PO, with the reason (no supplier, or a supplier id the master does not have). */
  unassigned: z.array(z.object({ draftId: z.string(), yarnId: z.string(), qtyLbs: z.number(), reason: z.string() })),
});
export type PurchaseOrderList = z.infer<typeof purchaseOrderListSchema>;

/** The ERP's YarnPO columns (9-2 layout), in its order and with its names: the demo writes them, the PO export too. */
export const YARN_PO_COLUMNS = [
  'PO#',
  'Status',
  'Desc#',
  'Ordered',
  'Requested',
  'Quoted',
  'Qty',
  'Balance',
  'Supplier',
  'Size',
  'Type',
  'Color',
  'Description',
  '$/lb',
  'Total $',
] as const;
