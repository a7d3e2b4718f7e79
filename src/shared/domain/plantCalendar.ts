// The planner's additions to the plant calendar: holidays (no machine knits) and machine downtime windows.
import { z } from 'zod';
import { isoDateSchema } from './isoDate';

export const holidaySchema = isoDateSchema;

const downtimeFields = z.object({
  machineId: z.string().min(1),
  /** First day down (inclusive). */
  from: isoDateSchema,
  /** Last day down (inclusive). */
  to: isoDateSchema,
});
const endsAfterStart = (w: { from: string; to: string }) => w.from <= w.to;

export const downtimeWindowSchema = downtimeFields.refine(endsAfterStart, 'the downtime ends before it starts');
export type DowntimeWindow = z.infer<typeof downtimeWindowSchema>;

/** A downtime window as stored: windows may overlap or repeat, so each has its own id. */
export const storedDowntimeSchema = downtimeFields
  .extend({ id: z.number().int().positive() })
  .refine(endsAfterStart, 'the downtime ends before it starts');
export type StoredDowntime = z.infer<typeof storedDowntimeSchema>;
