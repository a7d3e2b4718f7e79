// Knitting machines (Machine Report), their work centers, and the knitting rate of a greige style (Production Lbs).
import { z } from 'zod';

export const machineSchema = z.strictObject({
  machineId: z.string().min(1),
  /** Normalised (trimmed) work center; null when blank. */
  workCenter: z.string().nullable(),
  workCenterRaw: z.string().nullable(),
});
export type Machine = z.infer<typeof machineSchema>;

/** Work center code C.DD.NN.T = construction . cylinder diameter . needle cut . machine type. */
export const workCenterSchema = z.strictObject({
  code: z.string().min(1),
  construction: z.string().nullable(),
  diameterIn: z.number().nullable(),
  needleCut: z.number().nullable(),
  machineType: z.string().nullable(),
  machineIds: z.array(z.string()),
});
export type WorkCenter = z.infer<typeof workCenterSchema>;

/** Production Lbs: a greige style's knitting rate (the engine treats a non-positive rate as unknown). */
export const knitRateSchema = z.strictObject({
  style: z.string().min(1),
  lbsPerDay: z.number(),
});
export type KnitRate = z.infer<typeof knitRateSchema>;
