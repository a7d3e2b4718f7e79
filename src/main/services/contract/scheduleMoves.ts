// The schedule board's drag and drop: the base plan's plant calendar, and "move this order here", checked by the
// same rules the board shows while dragging (src/shared/scheduleMove.ts) before the pin is stored and the plan re-run.
import { checkMove } from '../../../shared/scheduleMove';
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

export function createScheduleMoveHandlers(ctx: ScheduleMoveContext): Pick<Handlers, 'schedule.calendar' | 'schedule.move'> {
  const basePlan = (snapshotId?: number): { sid: number; plan: Pick<Plan, 'calendar' | 'schedule'> } => {
    const sid = ctx.requireSnapshot(snapshotId);
    const plan = readPlanOf(ctx.db, sid, 0, ['calendar', 'schedule']);
    if (!plan) throw new NotFoundError(`no plan has been computed for snapshot ${sid} yet`);
    return { sid, plan };
  };
  const calendarOf = (plan: Pick<Plan, 'calendar'>) => ({
    asOf: plan.calendar.asOf,
    workDaysPerWeek: plan.calendar.workDaysPerWeek,
    holidays: [...plan.calendar.holidays],
    downtime: plan.calendar.downtime.map((w) => ({ machineId: w.machineId, from: w.from, to: w.to })),
  });

  return {
    'schedule.calendar': async ({ snapshotId }) => calendarOf(basePlan(snapshotId).plan),
    'schedule.move': async ({ orderNo, machineId, start, acceptWcMismatch, snapshotId }) => {
      const { sid, plan } = basePlan(snapshotId);
      const order = plan.schedule.orders.find((o) => o.orderNo === orderNo);
      if (!order) throw new NotFoundError(`order ${orderNo} is not on the schedule`);
      const machine = plan.schedule.machines.find((m) => m.machineId === machineId);
      const check = checkMove(order, machine, toDayNumber(start), calendarOf(plan));
      if (check.verdict === 'refused' || check.startDay === null) throw new Error(check.message);
      if (check.verdict === 'warning' && !acceptWcMismatch) throw new Error(`${check.message} Confirm the WC mismatch to pin it.`);
      const pinStart = fromDayNumber(check.startDay);
      ctx.log('schedule.move', (track) => track.row('pin', [orderNo], () => putPin(ctx.db, { orderNo, machineId, start: pinStart }, ctx.now())), sid);
      return { jobId: ctx.startPlan(sid), start: pinStart, wcMismatch: check.verdict === 'warning', message: check.message };
    },
  };
}
