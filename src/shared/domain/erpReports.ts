// The ERP's own computed demand reports in a batch: reference data the plan is reconciled against and learns BOM
// shares and knitting rates from.
import { z } from 'zod';
import { isoDateSchema } from './isoDate';

export const erpReportTypeSchema = z.enum(['erp_yarn_demand', 'erp_style_demand', 'erp_style_ko_demand']);
export type ErpReportType = z.infer<typeof erpReportTypeSchema>;

export const erpReportSchema = z.strictObject({
  /** 1..n within the snapshot. */
  reportId: z.number().int().positive(),
  type: erpReportTypeSchema,
  fileName: z.string(),
  /** The run date when the report reveals it (weekday inventory header, first-week pro-rating), else null. */
  runDate: isoDateSchema.nullable(),
  /** Monday of the report's "This Week". */
  thisWeekStart: isoDateSchema,
  /** Per bucket column: its header and the Monday it stands for (null for Later). */
  buckets: z.array(z.strictObject({ label: z.string(), weekStart: isoDateSchema.nullable() })),
});
export type ErpReport = z.infer<typeof erpReportSchema>;

/** Yarn_Demand_By_Style (koNumber null) and Yarn_Demand_By_Style_KO rows; blank buckets are 0. */
export const erpStyleDemandRowSchema = z.strictObject({
  reportId: z.number().int().nonnegative(),
  style: z.string().min(1),
  koNumber: z.string().min(1).nullable(),
  yarnId: z.string().min(1),
  /** ERP BOM share x 100 (e.g. 17.24). */
  percentage: z.number(),
  bucketsLbs: z.array(z.number()),
  totalLbs: z.number(),
});
export type ErpStyleDemandRow = z.infer<typeof erpStyleDemandRowSchema>;

export const erpYarnDemandRowSchema = z.strictObject({
  reportId: z.number().int().nonnegative(),
  yarnId: z.string().min(1),
  supplier: z.string().nullable(),
  description: z.string().nullable(),
  color: z.string().nullable(),
  /** Theoretical balance the ERP started from ("Inventory" / "Monday Inventory" / "Tuesday Inventory"). */
  inventoryLbs: z.number(),
  totalDemandLbs: z.number(),
  totalReceiptLbs: z.number(),
  balanceLbs: z.number(),
  pastDueReceiptsLbs: z.number(),
  demandLbs: z.array(z.number()),
  receiptsLbs: z.array(z.number()),
  balanceByBucketLbs: z.array(z.number()),
});
export type ErpYarnDemandRow = z.infer<typeof erpYarnDemandRowSchema>;
