// Fabric stock by stage, one row per roll: G00 greige, G02 greige at the dyer, I01 awaiting inspection, F01 finished,
// P01 allocated to sales orders.
import { z } from 'zod';
import { isoDateSchema } from './isoDate';

export const rollStageSchema = z.enum(['G00', 'G02', 'I01', 'F01', 'P01']);
export type RollStage = z.infer<typeof rollStageSchema>;

export const fabricRollSchema = z.strictObject({
  stage: rollStageSchema,
  rollNumber: z.string().min(1),
  /** G00: greige style; G02, I01, F01, P01: finished style/version. */
  style: z.string(),
  /** G00: = style; G02: gStyle. */
  greigeStyle: z.string().nullable(),
  /** G00: KO #; I01/F01/P01: dye order (Order #). */
  orderNumber: z.string().nullable(),
  /** P01 only. */
  soNumber: z.string().nullable(),
  /** G02 only. */
  doNumber: z.string().nullable(),
  customer: z.string().nullable(),
  vendorRollNumber: z.string().nullable(),
  rack: z.string().nullable(),
  qtyYds: z.number().nullable(),
  qtyLbs: z.number(),
  goodEach: z.number().nullable(),
  badEach: z.number().nullable(),
  processor: z.string().nullable(),
  machine: z.string().nullable(),
  /** G00 knit date, G02 ship date, I01/F01/P01 received. */
  eventDate: isoDateSchema.nullable(),
});
export type FabricRoll = z.infer<typeof fabricRollSchema>;
