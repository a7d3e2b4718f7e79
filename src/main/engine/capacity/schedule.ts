// Finite knit scheduler. One order runs on a machine at a time, at its style's rate, on the machine's working days.
// Placement order:
//   A. orders with a pinned start (by pinned date) at that date, or the first free working moment after it;
//   B. orders that keep their machine (ERP machine unless allowMoves, or a pinned machine), per machine in dispatch order;
//   C. the rest, in dispatch order, each on the compatible machine with the least added lateness
//      (ties: exact work center before relaxed, earliest finish, least booked days, machine list order).
// Dispatch order: in-progress kept orders first (policy), then priority (1 first), quoted date (none last),
// earliest start, order number. An order fills the first gap on its machine where it fits whole.
import { capacityPolicyDefaults, type CapacityPolicy } from '../../../shared/policy/capacity';
import { daysBetween, fromDayNumber, mondayOf, toDayNumber } from '../../../shared/dates';
import { addWorkingTime, compileCalendar, finishDayOf, nextWorkingTime, startDayOf, type WorkCalendar } from './calendar';
import { buildCapacityModel, noMachineMessage, resolveRate, withValidDates, type CapacityModel, type CompatibleMachine } from './model';
import { explainLate } from './explain';
import { compareText } from './format';
import { matchWorkCenter } from './workCenter';
import type {
  AssignmentKind,
  CapacityInput,
  MachineSchedule,
  ScheduledOrder,
  ScheduledYarn,
  ScheduleOptions,
  ScheduleResult,
  UnschedulableOrder,
  WorkCenterMatch,
} from './types';

const EPS = 1e-9;

interface Job {
  orderNo: string;
  style: string;
  balanceLbs: number;
  priority: number;
  styleWc: string;
  rateLbsPerDay: number;
  rateSource: string;
  knitDays: number;
  earliestDay: number;
  dueEndDay: number | null;
  quotedDate?: string;
  erpMachine?: string;
  fixedMachine?: string;
  assignment: AssignmentKind;
  inProgress: boolean;
  pinnedDay?: number;
  notes: string[];
}

interface Booking {
  job: Job;
  start: number;
  end: number;
}

interface MachineState {
  machineId: string;
  workCenter: string;
  order: number;
  busy: Booking[];
  bookedDays: number;
}

export function scheduleKnitOrders(
  input: CapacityInput,
  options: ScheduleOptions = {},
  policy: CapacityPolicy = capacityPolicyDefaults,
): ScheduleResult {
  const model = buildCapacityModel(input.machines, input.styles, policy);
  const cal = compileCalendar(input.calendar);
  const { asOf } = input.calendar;
  const asOfDay = toDayNumber(asOf);
  const unschedulable: UnschedulableOrder[] = [];
  const machines = new Map<string, MachineState>();
  for (const [machineId, workCenter] of model.machineWc) {
    machines.set(machineId, { machineId, workCenter, order: machines.size, busy: [], bookedDays: 0 });
  }
  const machineState = (id: string): MachineState => {
    let m = machines.get(id);
    if (!m) {
      m = { machineId: id, workCenter: '', order: machines.size, busy: [], bookedDays: 0 };
      machines.set(id, m);
    }
    return m;
  };

  const pinned: Job[] = [];
  const fixed: Job[] = [];
  const free: Array<{ job: Job; candidates: CompatibleMachine[] }> = [];

  for (const raw of input.orders) {
    const { order: o, notes: dateNotes } = withValidDates(raw);
    const orderNo = o.koNumber.trim();
    const style = o.style.trim();
    const erpMachine = o.machine?.trim() || undefined;
    const pinMachine = o.pinnedMachine?.trim() || undefined;
    const reject = (reason: UnschedulableOrder['reason'], message: string) =>
      unschedulable.push({ orderNo, style, balanceLbs: o.balanceLbs, machine: erpMachine, quotedDate: o.quotedDate ?? undefined, reason, message });

    if (!(o.balanceLbs > 0)) {
      reject('no-balance', 'Balance is zero: nothing left to knit.');
      continue;
    }
    const styleWc = model.styleWc.get(style) ?? '';
    const rate = resolveRate(input.rates, style, policy);
    if (!rate) {
      reject('no-rate', `No knitting rate (lbs/day) for style ${style}.`);
      continue;
    }
    const notes: string[] = [...dateNotes];
    const startDay = o.startDate ? toDayNumber(o.startDate) : asOfDay;
    const job: Job = {
      orderNo,
      style,
      balanceLbs: o.balanceLbs,
      priority: o.priority ?? policy.defaultPriority,
      styleWc,
      rateLbsPerDay: rate.rateLbsPerDay,
      rateSource: rate.source,
      knitDays: o.balanceLbs / rate.rateLbsPerDay,
      earliestDay: Math.max(asOfDay, startDay),
      dueEndDay: o.quotedDate ? toDayNumber(o.quotedDate) + 1 : null,
      quotedDate: o.quotedDate ?? undefined,
      erpMachine,
      assignment: 'assigned',
      inProgress: false,
      notes,
    };

    if (pinMachine) {
      job.fixedMachine = pinMachine;
      job.assignment = 'pinned';
    } else if (erpMachine && !options.allowMoves) {
      job.fixedMachine = erpMachine;
      job.assignment = 'kept';
      job.inProgress = policy.inProgressFirst && startDay <= asOfDay;
    }
    if (o.pinnedStart) {
      const pinDay = toDayNumber(o.pinnedStart);
      job.assignment = 'pinned';
      job.pinnedDay = Math.max(pinDay, asOfDay);
      job.earliestDay = job.pinnedDay;
      if (pinDay < asOfDay) notes.push(`Pinned start ${o.pinnedStart} is before the as-of date; starts from ${asOf}.`);
    }
    if (job.fixedMachine && !model.machineWc.has(job.fixedMachine)) {
      notes.push(`Machine ${job.fixedMachine} is not in the machine list; scheduled on the plant calendar.`);
    }

    if (job.fixedMachine) {
      (job.pinnedDay !== undefined ? pinned : fixed).push(job);
      continue;
    }
    if (!styleWc) {
      if (erpMachine) {
        keepFallback(job, erpMachine, 'style has no work center');
        (job.pinnedDay !== undefined ? pinned : fixed).push(job);
      } else reject('no-work-center', `Style ${style} has no QuadS work center, so no machine can be chosen.`);
      continue;
    }
    const candidates = model.compatibleMachines(styleWc);
    if (candidates.length === 0) {
      if (erpMachine) {
        keepFallback(job, erpMachine, `no machine in work center ${styleWc}`);
        (job.pinnedDay !== undefined ? pinned : fixed).push(job);
      } else reject('no-compatible-machine', noMachineMessage(model, styleWc));
      continue;
    }
    if (job.pinnedDay !== undefined) pinned.push(job);
    else free.push({ job, candidates });
  }

  const limitOf = (t0: number) => Math.floor(t0) + policy.maxScheduleHorizonDays;
  const place = (m: MachineState, job: Job, t0: number) => findSlot(cal, m, t0, job.knitDays, limitOf(t0));
  const book = (m: MachineState, job: Job, slot: { start: number; end: number }) => {
    const at = m.busy.findIndex((b) => b.start > slot.start);
    m.busy.splice(at < 0 ? m.busy.length : at, 0, { job, start: slot.start, end: slot.end });
    m.bookedDays += job.knitDays;
  };
  const noTime = (job: Job, machineText: string) =>
    unschedulable.push({
      orderNo: job.orderNo,
      style: job.style,
      balanceLbs: job.balanceLbs,
      machine: job.erpMachine,
      quotedDate: job.quotedDate,
      reason: 'no-working-time',
      message: `${machineText} has no room for ${round1(job.knitDays)} knitting days within ${policy.maxScheduleHorizonDays} days of ${fromDayNumber(Math.floor(job.earliestDay))}.`,
    });
  const candidatesOf = (job: Job): CompatibleMachine[] =>
    job.fixedMachine
      ? [{ machineId: job.fixedMachine, workCenter: machineState(job.fixedMachine).workCenter, match: 'exact' }]
      : model.compatibleMachines(job.styleWc);

  // A. pinned starts
  pinned.sort((a, b) => a.pinnedDay! - b.pinnedDay! || compareJobs(a, b));
  for (const job of pinned) {
    const best = chooseMachine(job, candidatesOf(job), (m) => place(machineState(m), job, job.pinnedDay!), machineState);
    if (!best) {
      noTime(job, job.fixedMachine ? `Machine ${job.fixedMachine}` : `Work center ${job.styleWc}`);
      continue;
    }
    if (startDayOf(best.slot.start) > job.pinnedDay!) {
      const clash = machineState(best.machineId).busy.some((b) => b.end > job.pinnedDay! + EPS && b.start < best.slot.start);
      job.notes.push(
        clash
          ? 'Pinned start delayed: the machine is busy with another pinned order.'
          : 'Pinned start is not a working day; starts on the next working day.',
      );
    }
    if (!job.fixedMachine) job.fixedMachine = best.machineId;
    book(machineState(best.machineId), job, best.slot);
  }

  // B. kept and pinned machines
  fixed.sort(compareJobs);
  for (const job of fixed) {
    const m = machineState(job.fixedMachine!);
    const slot = place(m, job, job.earliestDay);
    if (!slot) noTime(job, `Machine ${m.machineId}`);
    else book(m, job, slot);
  }

  // C. free orders
  free.sort((a, b) => compareJobs(a.job, b.job));
  for (const { job, candidates } of free) {
    const best = chooseMachine(job, candidates, (id) => place(machineState(id), job, job.earliestDay), machineState);
    if (!best) {
      noTime(job, `No machine of work center ${job.styleWc}`);
      continue;
    }
    job.fixedMachine = best.machineId;
    book(machineState(best.machineId), job, best.slot);
  }

  const scheduled = buildOrders(input, model, cal, machines, asOfDay);
  const machineRows: MachineSchedule[] = [...machines.values()]
    .sort((a, b) => a.order - b.order)
    .map((m) => ({
      machineId: m.machineId,
      workCenter: m.workCenter,
      orderNos: m.busy.map((b) => b.job.orderNo),
      knitDays: m.bookedDays,
      lastFinish: m.busy.length ? fromDayNumber(finishDayOf(m.busy[m.busy.length - 1].end)) : null,
    }));
  unschedulable.sort((a, b) => compareText(a.reason, b.reason) || compareText(a.orderNo, b.orderNo));
  return { asOf, orders: scheduled, unschedulable, machines: machineRows };

  function keepFallback(job: Job, machine: string, why: string) {
    job.fixedMachine = machine;
    job.assignment = 'kept';
    job.notes.push(`Kept on machine ${machine}: ${why}.`);
  }
}

function compareJobs(a: Job, b: Job): number {
  return (
    Number(b.inProgress) - Number(a.inProgress) ||
    a.priority - b.priority ||
    (a.dueEndDay ?? Infinity) - (b.dueEndDay ?? Infinity) ||
    a.earliestDay - b.earliestDay ||
    compareText(a.orderNo, b.orderNo)
  );
}

interface Choice {
  machineId: string;
  match: 'exact' | 'relaxed';
  slot: { start: number; end: number };
  lateness: number;
  bookedDays: number;
  order: number;
}

function chooseMachine(
  job: Job,
  candidates: CompatibleMachine[],
  placeOn: (machineId: string) => { start: number; end: number } | null,
  stateOf: (id: string) => MachineState,
): Choice | null {
  let best: Choice | null = null;
  for (const c of candidates) {
    const slot = placeOn(c.machineId);
    if (!slot) continue;
    const m = stateOf(c.machineId);
    const choice: Choice = {
      machineId: c.machineId,
      match: c.match,
      slot,
      lateness: job.dueEndDay === null ? 0 : Math.max(0, slot.end - job.dueEndDay),
      bookedDays: m.bookedDays,
      order: m.order,
    };
    if (!best || better(choice, best)) best = choice;
  }
  return best;
}

function better(a: Choice, b: Choice): boolean {
  if (Math.abs(a.lateness - b.lateness) > EPS) return a.lateness < b.lateness;
  if (a.match !== b.match) return a.match === 'exact';
  if (Math.abs(a.slot.end - b.slot.end) > EPS) return a.slot.end < b.slot.end;
  if (Math.abs(a.bookedDays - b.bookedDays) > EPS) return a.bookedDays < b.bookedDays;
  return a.order < b.order;
}

/** The first gap at or after t0 where `days` of knitting fit whole between the machine's bookings. */
function findSlot(cal: WorkCalendar, m: MachineState, t0: number, days: number, limitDay: number): { start: number; end: number } | null {
  let t = nextWorkingTime(cal, m.machineId, t0, limitDay);
  if (t === null) return null;
  for (const b of m.busy) {
    if (b.end <= t + EPS) continue;
    const end = addWorkingTime(cal, m.machineId, t, days, limitDay);
    if (end === null) return null;
    if (end <= b.start + EPS) return { start: t, end };
    t = nextWorkingTime(cal, m.machineId, Math.max(t, b.end), limitDay);
    if (t === null) return null;
  }
  const end = addWorkingTime(cal, m.machineId, t, days, limitDay);
  return end === null ? null : { start: t, end };
}

function buildOrders(
  input: CapacityInput,
  model: CapacityModel,
  cal: WorkCalendar,
  machines: Map<string, MachineState>,
  asOfDay: number,
): ScheduledOrder[] {
  const out: ScheduledOrder[] = [];
  for (const m of machines.values()) {
    for (const b of m.busy) {
      const job = b.job;
      const plannedStart = fromDayNumber(startDayOf(b.start));
      const plannedFinish = fromDayNumber(finishDayOf(b.end));
      const wcMatch: WorkCenterMatch = matchWorkCenter(job.styleWc, m.workCenter, model.policy.relaxedMatch);
      const notes = [...job.notes];
      if (job.assignment !== 'assigned' && wcMatch === 'mismatch') {
        notes.push(`Machine work center ${m.workCenter} differs from the style's ${job.styleWc}.`);
      } else if (wcMatch === 'relaxed') {
        notes.push(`Relaxed work-center match: machine ${m.workCenter}, style ${job.styleWc}.`);
      }
      const yarns = yarnStatus(input.yarns?.get(job.orderNo) ?? [], plannedStart, plannedFinish);
      const latenessDays = job.quotedDate ? daysBetween(job.quotedDate, plannedFinish) : null;
      const order: ScheduledOrder = {
        orderNo: job.orderNo,
        style: job.style,
        balanceLbs: job.balanceLbs,
        priority: job.priority,
        machineId: m.machineId,
        workCenter: m.workCenter,
        styleWorkCenter: job.styleWc,
        wcMatch,
        assignment: job.assignment,
        previousMachine: job.erpMachine && job.erpMachine !== m.machineId ? job.erpMachine : undefined,
        rateLbsPerDay: job.rateLbsPerDay,
        rateSource: job.rateSource,
        knitDays: job.knitDays,
        earliestStart: fromDayNumber(Math.floor(job.earliestDay)),
        plannedStart,
        plannedFinish,
        startDay: b.start,
        endDay: b.end,
        quotedDate: job.quotedDate,
        latenessDays,
        late: latenessDays !== null && latenessDays > 0,
        alreadyLate: job.quotedDate !== undefined && toDayNumber(job.quotedDate) < asOfDay,
        materialShort: yarns.some((y) => y.status === 'short'),
        yarns,
        notes,
      };
      if (order.late) {
        order.explanation = explainLate(
          order,
          m.busy.map((x) => ({ ...x.job, start: x.start, end: x.end })),
          cal,
          model.policy,
          job.earliestDay,
          job.dueEndDay!,
        );
      }
      out.push(order);
    }
  }
  return out.sort((a, b) => a.startDay - b.startDay || compareText(a.machineId, b.machineId) || compareText(a.orderNo, b.orderNo));
}

function yarnStatus(yarns: { yarnId: string; firstShortWeek?: string }[], plannedStart: string, plannedFinish: string): ScheduledYarn[] {
  return yarns.map((y) => {
    const shortFrom = y.firstShortWeek ? mondayOf(y.firstShortWeek) : undefined;
    const status = !shortFrom ? 'ok' : shortFrom <= plannedStart ? 'short' : shortFrom <= plannedFinish ? 'short-during' : 'ok';
    return { yarnId: y.yarnId, firstShortWeek: y.firstShortWeek, status };
  });
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
