// The planner's reading of a supplier name as written in the yarn inventory or a PO: a supplier of the master, or
// (supplierId null) no supplier on purpose.
import { z } from 'zod';

export const supplierMappingSchema = z.object({
  name: z.string().min(1),
  supplierId: z.string().min(1).nullable(),
});
export type SupplierMapping = z.infer<typeof supplierMappingSchema>;
