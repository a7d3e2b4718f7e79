// "Can we make it?": a style, a quantity in lbs and a start date against the plan's projected yarn balances
// (engine/yarn/availability.ts). Structured here; said in words by `availabilityLines` for the CLI and the screen.
import { z } from 'zod';
import { isoDateSchema } from './domain/isoDate';

export const availabilityInputSchema = z
  .object({
    style: z.string().trim().min(1).max(80),
    lbs: z.number().finite().positive().max(10_000_000),
    startDate: isoDateSchema,
    snapshotId: z.number().int().positive().optional(),
    scenarioId: z.number().int().min(0).optional(),
  })
  .strict();
export type AvailabilityInput = z.infer<typeof availabilityInputSchema>;

export const availabilityYarnSchema = z.object({
  yarnId: z.string(),
  description: z.string(),
  /** Share of the style's BOM (0..1). */
  fraction: z.number(),
  requiredLbs: z.number(),
  /** The weeks the order draws this yarn (Monday, lbs). */
  weeks: z.array(z.object({ weekMonday: isoDateSchema, lbs: z.number() })),
  /** Smallest projected balance minus the order's cumulative requirement over the weeks it draws yarn (and after). */
  minHeadroomLbs: z.number(),
  /** How much is missing below the shortage threshold (0 = enough). */
  shortfallLbs: z.number(),
  firstShortWeek: isoDateSchema.nullable(),
  /** false: the yarn is in no plan (no stock or receipts assumed). */
  inPlan: z.boolean(),
});
export type AvailabilityYarn = z.infer<typeof availabilityYarnSchema>;

export const availabilitySchema = z.object({
  style: z.string(),
  lbs: z.number(),
  /** The start checked (the as-of date when the one asked for is earlier). */
  startDate: isoDateSchema,
  asOf: isoDateSchema,
  status: z.enum(['feasible', 'short', 'no-bom']),
  feasible: z.boolean(),
  rateLbsPerDay: z.number().nullable(),
  rateSource: z.string(),
  bomSource: z.string(),
  /** The shortage threshold of the yarn policy (lbs) the headroom is compared with. */
  thresholdLbs: z.number(),
  yarns: z.array(availabilityYarnSchema),
  earliestFeasibleStart: isoDateSchema.nullable(),
  notes: z.array(z.string()),
});
export type Availability = z.infer<typeof availabilitySchema>;

const lbs = (n: number) => `${Math.round(n).toLocaleString('en-US')} lbs`;

/** One line per yarn: what the order needs, and whether the projected balance covers it (and where not). */
export function availabilityYarnText(y: AvailabilityYarn, thresholdLbs: number): string {
  const span = y.weeks.length
    ? ` from the week of ${y.weeks[0].weekMonday}${y.weeks.length > 1 ? ` to ${y.weeks[y.weeks.length - 1].weekMonday}` : ''}`
    : '';
  const need = `needs ${lbs(y.requiredLbs)} (${Math.round(y.fraction * 1000) / 10} % of the BOM)${span}`;
  if (y.shortfallLbs <= 0) return `${need}; the projected balance covers it with ${lbs(y.minHeadroomLbs)} to spare at the tightest point`;
  return `${need}; short by ${lbs(y.shortfallLbs)}${y.firstShortWeek ? ` from the week of ${y.firstShortWeek}` : ' after the horizon'} (projected balance minus this order falls to ${lbs(y.minHeadroomLbs)}, the threshold is ${lbs(thresholdLbs)})${y.inPlan ? '' : '; the yarn is not in the plan: no stock or receipts'}`;
}

/** The answer in words: the verdict, the earliest feasible start, then each yarn. */
export function availabilityLines(a: Availability): string[] {
  const head =
    a.status === 'no-bom'
      ? `${lbs(a.lbs)} of ${a.style} from ${a.startDate}: cannot be checked, the style has no BOM`
      : `${lbs(a.lbs)} of ${a.style} from ${a.startDate}: ${a.feasible ? 'feasible' : 'NOT feasible'}${a.feasible ? '' : a.earliestFeasibleStart ? `; earliest feasible start ${a.earliestFeasibleStart}` : '; no feasible start within the horizon'}`;
  const rate =
    a.rateLbsPerDay === null
      ? 'no knitting rate (all needed in the start week)'
      : `knits at ${Math.round(a.rateLbsPerDay).toLocaleString('en-US')} lbs/day (${a.rateSource})`;
  return [
    head,
    `  plan as of ${a.asOf}; BOM from ${a.bomSource}; ${rate}`,
    ...a.yarns.map((y) => `  yarn ${y.yarnId} ${y.description}: ${availabilityYarnText(y, a.thresholdLbs)}`),
    ...a.notes.map((n) => `  note: ${n}`),
  ];
}
