// The schedule board's drag and drop: the base plan's plant calendar, and "move this order here", checked by the
// same rules the board shows while dragging (src/shared/scheduleMove.ts) before the pin is stored and the plan re-run.
import { checkMove, type MoveCheck } from '../../../shared/scheduleMove';
import { fromDayNumber, toDayNumber } from '../../../shared/dates';
import type { Db } from '../../store/db';
import { readPlanOf } from '../jobs/planSections';
import { putPin } from '../../store/schedulePins';
import type { Plan } from '../jobs/computePlan';
import { NotFoundError } from '../errors';
import type { ActionRecorder } from './actionLogHandlers';
import type { Handlers } from './handlers';

interface ScheduleMoveContext {
  db: Db;
  now: () => string;
  requireSnapshot: (id?: number) => number;
  startPlan: (snapshotId: number) => string;
  log: ActionRecorder;
}

const calendarOf = (plan: Pick<Plan, 'calendar'>) => ({
  asOf: plan.calendar.asOf,
  workDaysPerWeek: plan.calendar.workDaysPerWeek,
  holidays: [...plan.calendar.holidays],
  downtime: plan.calendar.downtime.map((w) => ({ machineId: w.machineId, from: w.from, to: w.to })),
});

/**
 * Checks putting `orderNo` on `machineId` from `start` by the board's rules; without a start, whether the machine
 * may take the order at all (its start then stays the scheduler's). The order must be on the plan's schedule (an
 * unschedulable order has no style work center to check against); a machine the plan does not know is refused.
 */
export function checkOrderOnMachine(
  plan: Pick<Plan, 'calendar' | 'schedule'>,
  orderNo: string,
  machineId: string,
  start?: string,
  keepsCurrent = false,
): MoveCheck {
  const order = plan.schedule.orders.find((o) => o.orderNo === orderNo);
  if (!order) {
    const lost = plan.schedule.unschedulable.find((u) => u.orderNo === orderNo);
    throw new NotFoundError(`order ${orderNo} is not on the schedule${lost ? ` (${lost.message})` : ''}, so no machine can be checked for it`);
  }
  const machine = plan.schedule.machines.find((m) => m.machineId === machineId);
  if (!machine) return { verdict: 'refused', startDay: null, message: `Refused: machine ${machineId} is not on the machine list.` };
  // `keepsCurrent`: the machine the plan has the order on is not a move (the ERP may have it on another type or
  // build), so only its start is checked there
  const wc = machine.workCenter || '(none)';
  const [o, m] =
    keepsCurrent && machineId === order.machineId
      ? [
          { ...order, styleWorkCenter: wc },
          { ...machine, workCenter: wc },
        ]
      : [order, machine];
  const check = checkMove(o, m, toDayNumber(start ?? plan.calendar.asOf), calendarOf(plan));
  // without a start the check's "from <date>" is not what will be stored
  return start === undefined
    ? { ...check, message: check.message.replace(/ from \d{4}-\d{2}-\d{2}( \(first working day after [^)]*\))?\.$/, '.') }
    : check;
}

export function createScheduleMoveHandlers(ctx: ScheduleMoveContext): Pick<Handlers, 'schedule.calendar' | 'schedule.move'> {
  const basePlan = (snapshotId?: number): { sid: number; plan: Pick<Plan, 'calendar' | 'schedule'> } => {
    const sid = ctx.requireSnapshot(snapshotId);
    const plan = readPlanOf(ctx.db, sid, 0, ['calendar', 'schedule']);
    if (!plan) throw new NotFoundError(`no plan has been computed for snapshot ${sid} yet`);
    return { sid, plan };
  };
  return {
    'schedule.calendar': async ({ snapshotId }) => calendarOf(basePlan(snapshotId).plan),
    'schedule.move': async ({ orderNo, machineId, start, acceptWcMismatch, snapshotId }) => {
      const { sid, plan } = basePlan(snapshotId);
      const check = checkOrderOnMachine(plan, orderNo, machineId, start);
      if (check.verdict === 'refused' || check.startDay === null) throw new Error(check.message);
      if (check.verdict === 'warning' && !acceptWcMismatch) throw new Error(`${check.message} Confirm the WC mismatch to pin it.`);
      const pinStart = fromDayNumber(check.startDay);
      ctx.log('schedule.move', (track) => track.row('pin', [orderNo], () => putPin(ctx.db, { orderNo, machineId, start: pinStart }, ctx.now())), sid);
      return { jobId: ctx.startPlan(sid), start: pinStart, wcMismatch: check.verdict === 'warning', message: check.message };
    },
  };
}
