// Suppliers (Supplier_ID.csv) and the two rules read from them: when a supplier is retired, and what its lead
// time is in days.
import { z } from 'zod';
import type { LeadTimeUnit } from '../policy/purchasing';

export const supplierSchema = z.strictObject({
  supplierId: z.string().min(1).nullable(),
  name: z.string(),
  /**
   * Lead_time as exported (4-14). The export states no unit: `supplierLeadTimeDays` reads it in the unit the
   * policy names (purchasing.supplierLeadTimeUnit). Null for a retired supplier.
   */
  leadTimeAsExported: z.number().nullable(),
  moqLbs: z.number().nullable(),
  /** 'Import', 'Domestic' or whatever else the export says. */
  supplierType: z.string().nullable(),
  /** See `isRetiredSupplier`. */
  retired: z.boolean(),
});
export type Supplier = z.infer<typeof supplierSchema>;

/** The export's sentinel for a retired supplier: "Remove" in Lead_time, MOQ or Type, instead of a value. */
export function markedRemove(exportedFields: readonly (string | null)[]): boolean {
  return exportedFields.some((f) => f?.trim().toLowerCase() === 'remove');
}

/**
 * A retired supplier: "Remove" in the export's Lead_time, MOQ or Type, or a name the buyers marked "(Do not Use)".
 * The import sets `retired` with it; the MRP suggests no order to a retired supplier (unless the policy says
 * otherwise) and says why.
 */
export function isRetiredSupplier(name: string, exportedFields: readonly (string | null)[]): boolean {
  return markedRemove(exportedFields) || /do\s+not\s+use/i.test(name);
}

/** The supplier's lead time in days, reading the export's number in `unit` (null when the export has none). */
export function supplierLeadTimeDays(leadTimeAsExported: number | null, unit: LeadTimeUnit): number | null {
  if (leadTimeAsExported === null) return null;
  return unit === 'weeks' ? leadTimeAsExported * 7 : leadTimeAsExported;
}
