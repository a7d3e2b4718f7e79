// A purchase order the planner is preparing from a suggestion. Accepted and edited drafts count as scheduled
// receipts; a draft closes when a later ERP export shows the real PO.
import { z } from 'zod';
import { isoDateSchema } from './isoDate';

export const poDraftStatusSchema = z.enum(['proposed', 'accepted', 'edited', 'closed', 'rejected']);
export type PoDraftStatus = z.infer<typeof poDraftStatusSchema>;

/** The statuses whose drafts count as receipts (and may be closed by an ERP PO). */
export const OPEN_PO_DRAFT_STATUSES = ['accepted', 'edited'] as const satisfies readonly PoDraftStatus[];

export const poDraftSchema = z.object({
  draftId: z.string().min(1),
  yarnId: z.string().min(1),
  /** null: no supplier chosen. */
  supplierId: z.string().nullable(),
  qtyLbs: z.number().finite().nonnegative(),
  receiptDate: isoDateSchema,
  releaseDate: isoDateSchema,
  status: poDraftStatusSchema,
  /** Set when an ERP PO closed the draft. */
  erpPoNumber: z.string().optional(),
  fromSuggestionId: z.string().optional(),
  /** For people: the supplier's name, the yarn and its price when the draft was made. */
  supplierName: z.string().nullable().optional(),
  description: z.string().optional(),
  costPerLb: z.number().finite().optional(),
});
export type PoDraft = z.infer<typeof poDraftSchema>;
