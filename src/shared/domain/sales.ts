// Sales: open sales order lines (eFab_SO_List) and invoiced lines (Sales Activity Report). Quantities are in the
// line's own unit of measure (`uom`, lower case: yds, lbs, kg, each ...).
import { z } from 'zod';
import { isoDateSchema } from './isoDate';

export const salesOrderSchema = z.strictObject({
  soNumber: z.string().min(1),
  status: z.string().nullable(),
  csr: z.string().nullable(),
  unitPrice: z.number().nullable(),
  /** The unit in the price text "$7.35 (yds)"; can disagree with `uom`. */
  priceUnit: z.string().nullable(),
  quotedDate: isoDateSchema.nullable(),
  /** cFVersion: customer-facing style or alias, not a key. */
  customerStyle: z.string().nullable(),
  /** fBase = fStyle/fVersion: the key of the finished style in the bridge and in the F01/I01/G02 stock. */
  finishedBase: z.string().nullable(),
  finishedStyle: z.string().nullable(),
  finishedVersion: z.string().nullable(),
  /** Set when the line sells greige fabric directly ("(Greige) 205FLX2006/M" in the export). */
  greigeStyle: z.string().nullable(),
  onHold: z.boolean().nullable(),
  uom: z.string().nullable(),
  orderedQty: z.number(),
  shippedQty: z.number(),
  /** Negative on over-shipment. */
  balanceQty: z.number(),
  availableQty: z.number(),
  sop: z.string().nullable(),
  poNumber: z.string().nullable(),
  soldTo: z.string().nullable(),
  shipTo: z.string().nullable(),
  shipDate: isoDateSchema.nullable(),
});
export type SalesOrder = z.infer<typeof salesOrderSchema>;

export const salesHistoryLineSchema = z.strictObject({
  document: z.string().min(1),
  invoiceDate: isoDateSchema,
  customer: z.string().nullable(),
  /** fStyle#; for a greige sale ("(Greige) C4T4131/TT1L") the code without the prefix. */
  finishedStyle: z.string().min(1),
  /** Set when the line sold greige fabric directly. */
  greigeStyle: z.string().nullable(),
  qty: z.number(),
  uom: z.string().nullable(),
  unitPrice: z.number().nullable(),
  linePrice: z.number().nullable(),
  firstInvoice: z.string().nullable(),
  salesRep: z.string().nullable(),
  commission: z.number().nullable(),
  sellingCompany: z.string().nullable(),
  poNumber: z.string().nullable(),
});
export type SalesHistoryLine = z.infer<typeof salesHistoryLineSchema>;
