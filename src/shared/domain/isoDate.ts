// A calendar date at the plant, `YYYY-MM-DD`, checked to be a real day (2025-02-30 is refused).
import { z } from 'zod';
import { isIsoDate } from '../dates';

export const isoDateSchema = z.string().refine(isIsoDate, 'expected a date as YYYY-MM-DD');
