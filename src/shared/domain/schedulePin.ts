// The planner pins a knit order to a machine and/or a start date; the scheduler keeps it there.
import { z } from 'zod';
import { isoDateSchema } from './isoDate';

export const schedulePinSchema = z.object({
  orderNo: z.string().min(1),
  machineId: z.string().min(1).optional(),
  /** First day of knitting. */
  start: isoDateSchema.optional(),
});
export type SchedulePin = z.infer<typeof schedulePinSchema>;
