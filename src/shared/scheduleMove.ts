// Moving a knit order on the schedule board (drag a bar to a machine and a day): the rules a drop is checked by —
// in the renderer while dragging and again in the main process before the pin is stored — and the two channels.
//   - the machine must be on the machine list;
//   - its work center must be the style's (ok), or the same machine build in another work center: the same
//     construction, cylinder diameter and needle cut with another type letter, the engine's relaxed "type" match
//     (a warning, "WC mismatch", the planner confirms); any other build is refused;
//   - the start snaps to the first working day of that machine at or after the drop day (weekdays of the plant's
//     working week, holidays, the machine's downtime), and may not be before the as-of date.
import { z } from 'zod';
import { fromDayNumber, toDayNumber } from './dates';
import { isoDateSchema } from './domain/isoDate';

export const boardCalendarSchema = z.object({
  asOf: isoDateSchema,
  /** Working days per week, Monday first (6 = Mon..Sat). */
  workDaysPerWeek: z.number().int().min(1).max(7),
  holidays: z.array(isoDateSchema),
  downtime: z.array(z.object({ machineId: z.string(), from: isoDateSchema, to: isoDateSchema })),
});
export type BoardCalendar = z.infer<typeof boardCalendarSchema>;

export const scheduleMoveInputSchema = z
  .object({
    orderNo: z.string().min(1),
    machineId: z.string().min(1),
    /** The drop day; the pin's start is this day snapped to the machine's next working day. */
    start: isoDateSchema,
    /** The planner confirmed a machine of the same build in another work center. */
    acceptWcMismatch: z.boolean().optional(),
    snapshotId: z.number().int().positive().optional(),
  })
  .strict();

export const scheduleBoardChannels = {
  /** The base plan's plant calendar, for snapping a dragged bar to working days. */
  'schedule.calendar': { input: z.object({ snapshotId: z.number().int().positive().optional() }).strict(), output: boardCalendarSchema },
  /** Pins an order to a machine and start after checking the move (see the rules above); re-plans. */
  'schedule.move': {
    input: scheduleMoveInputSchema,
    output: z.object({ jobId: z.string(), start: isoDateSchema, wcMismatch: z.boolean(), message: z.string() }),
  },
};

/**
 * `construction.diameter.cut` of a work-center code `C.DD.NN.T` (the machine build without its type letter), read as
 * the engine reads codes (engine/capacity/workCenter.ts: the cut may carry a decimal, "6.20.14.5.V"); null when unparseable.
 */
export function machineBuild(workCenter: string): string | null {
  const parts = workCenter.trim().toUpperCase().split('.');
  if (parts.length < 4) return null;
  const [construction, diameter] = parts;
  const cut = parts.slice(2, -1).join('.');
  const type = parts[parts.length - 1].trim();
  const number = /^\d+(\.\d+)?$/;
  if (!number.test(construction) || !number.test(diameter) || !number.test(cut) || !/^[A-Z]+$/.test(type)) return null;
  return `${Number(construction)}.${Number(diameter)}.${Number(cut)}`;
}

export type MoveVerdict = 'ok' | 'warning' | 'refused';

export interface MoveCheck {
  verdict: MoveVerdict;
  /** The snapped start day (day number), null when refused. */
  startDay: number | null;
  message: string;
}

/** ISO weekday (Mon 1 .. Sun 7) of a day number; day 0 (1970-01-01) is a Thursday. */
const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** Is `day` a working day of `machineId` on the plant calendar? */
export function isWorkingDay(cal: BoardCalendar, machineId: string, day: number): boolean {
  if (weekdayOf(day) > cal.workDaysPerWeek) return false;
  const iso = fromDayNumber(day);
  if (cal.holidays.includes(iso)) return false;
  return !cal.downtime.some((w) => w.machineId.trim() === machineId && iso >= w.from && iso <= w.to);
}

/** The first working day of the machine at or after `day` (within 366 days), else null. */
export function snapToWorkingDay(cal: BoardCalendar, machineId: string, day: number): number | null {
  const first = Math.floor(day);
  for (let d = first; d < first + 366; d++) if (isWorkingDay(cal, machineId, d)) return d;
  return null;
}

export interface MoveOrder {
  orderNo: string;
  style: string;
  /** The style's work center key ('' when the style has none). */
  styleWorkCenter: string;
}

/** Checks dropping `order` on `machine` (undefined = not on the machine list) at `dropDay`. */
export function checkMove(
  order: MoveOrder,
  machine: { machineId: string; workCenter: string } | undefined,
  dropDay: number,
  cal: BoardCalendar,
): MoveCheck {
  const refuse = (message: string): MoveCheck => ({ verdict: 'refused', startDay: null, message });
  if (!machine) return refuse(`Machine is not on the machine list.`);
  const target = `machine ${machine.machineId} (WC ${machine.workCenter || 'none'})`;
  let verdict: MoveVerdict = 'ok';
  let why = '';
  if (!order.styleWorkCenter) return refuse(`Style ${order.style} has no work center, so no machine can be checked for it.`);
  if (machine.workCenter !== order.styleWorkCenter) {
    const build = machineBuild(order.styleWorkCenter);
    if (build === null || build !== machineBuild(machine.workCenter))
      return refuse(`Refused: ${target} cannot knit style ${order.style}, which needs WC ${order.styleWorkCenter} (another build).`);
    verdict = 'warning';
    why = `WC mismatch: ${target} is the same build as the style's WC ${order.styleWorkCenter} but another type. `;
  }
  const asOfDay = toDayNumber(cal.asOf);
  if (Math.floor(dropDay) < asOfDay) return refuse(`Refused: ${fromDayNumber(Math.floor(dropDay))} is before the as-of date ${cal.asOf}.`);
  const startDay = snapToWorkingDay(cal, machine.machineId, dropDay);
  if (startDay === null) return refuse(`Refused: ${target} has no working day within a year of ${fromDayNumber(Math.floor(dropDay))}.`);
  const snapped = startDay !== Math.floor(dropDay) ? ` (first working day after ${fromDayNumber(Math.floor(dropDay))})` : '';
  return { verdict, startDay, message: `${why}Pin ${order.orderNo} to ${target} from ${fromDayNumber(startDay)}${snapped}.` };
}
