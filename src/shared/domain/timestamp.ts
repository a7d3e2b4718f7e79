// A plant-local timestamp as the exports give it, `YYYY-MM-DDTHH:MM:SS`, on a real day.
import { z } from 'zod';
import { isIsoDate } from '../dates';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

export const timestampSchema = z
  .string()
  .refine((t) => TIMESTAMP.test(t) && isIsoDate(t.slice(0, 10)), 'expected a timestamp as YYYY-MM-DDTHH:MM:SS');
