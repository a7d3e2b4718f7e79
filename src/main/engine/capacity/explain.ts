// Why a scheduled order finishes after its quoted date: what is ahead of it on its machine, lost days, yarn.
import type { CapacityPolicy } from '../../../shared/policy/capacity';
import { fromDayNumber } from '../../../shared/dates';
import { addWorkingTime, finishDayOf, nextWorkingTime, startDayOf, type WorkCalendar } from './calendar';
import { formatNumber } from './format';
import type { LateExplanation, OrderAhead, ScheduledOrder } from './types';

const EPS = 1e-9;

export interface BookingView {
  orderNo: string;
  style: string;
  balanceLbs: number;
  knitDays: number;
  start: number;
  end: number;
}

export function explainLate(
  order: ScheduledOrder,
  machineBookings: BookingView[],
  cal: WorkCalendar,
  policy: CapacityPolicy,
  earliestDay: number,
  dueEndDay: number,
): LateExplanation {
  const ahead: OrderAhead[] = machineBookings
    .filter((b) => b.orderNo !== order.orderNo && b.start < order.startDay - EPS && b.end > earliestDay + EPS)
    .map((b) => ({
      orderNo: b.orderNo,
      style: b.style,
      balanceLbs: b.balanceLbs,
      days: b.knitDays,
      plannedStart: fromDayNumber(startDayOf(b.start)),
      plannedFinish: fromDayNumber(finishDayOf(b.end)),
    }));

  let holidayDays = 0;
  let downtimeDays = 0;
  const lastDay = finishDayOf(order.endDay);
  for (let d = Math.floor(earliestDay); d <= lastDay; d++) {
    if (!cal.isWorkWeekday(d)) continue;
    if (cal.isHoliday(d)) holidayDays++;
    else if (cal.isDown(d, order.machineId)) downtimeDays++;
  }

  const limit = Math.floor(earliestDay) + policy.maxScheduleHorizonDays;
  const idleStart = nextWorkingTime(cal, order.machineId, earliestDay, limit);
  const idleEnd = idleStart === null ? null : addWorkingTime(cal, order.machineId, idleStart, order.knitDays, limit);
  const lateEvenIfIdle = idleEnd === null || idleEnd > dueEndDay + EPS;
  const shortYarns = order.yarns.filter((y) => y.status !== 'ok');

  const parts: string[] = [
    `Finishes ${order.plannedFinish}, ${order.latenessDays} day${order.latenessDays === 1 ? '' : 's'} after the quoted date ${order.quotedDate}, ` +
      `on machine ${order.machineId}${order.workCenter ? ` (${order.workCenter})` : ''}.`,
    `Needs ${fmt(order.knitDays)} knitting days (${fmt(order.balanceLbs)} lbs at ${fmt(order.rateLbsPerDay)} lbs/day) from ${fromDayNumber(Math.floor(earliestDay))}.`,
  ];
  if (order.alreadyLate) parts.push('The quoted date had already passed at the as-of date.');
  else if (lateEvenIfIdle) parts.push('Even on a free machine it cannot finish by the quoted date.');
  if (ahead.length) {
    const listed = ahead
      .slice(0, policy.maxOrdersAheadListed)
      .map((a) => `${a.orderNo} (${fmt(a.balanceLbs)} lbs, ${fmt(a.days)} d, to ${a.plannedFinish})`);
    const more = ahead.length - listed.length;
    parts.push(
      `${ahead.length} order${ahead.length === 1 ? '' : 's'} ahead on the machine: ${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
    );
  }
  const lost = [holidayDays ? `${holidayDays} holiday` : '', downtimeDays ? `${downtimeDays} downtime` : ''].filter(Boolean);
  if (lost.length) parts.push(`Working days lost: ${lost.join(', ')}.`);
  if (shortYarns.length) {
    parts.push(`Yarn short: ${shortYarns.map((y) => `${y.yarnId} from ${y.firstShortWeek}`).join(', ')}.`);
  }

  return {
    machineId: order.machineId,
    workCenter: order.workCenter,
    knitDays: order.knitDays,
    ahead,
    holidayDays,
    downtimeDays,
    alreadyLate: order.alreadyLate,
    lateEvenIfIdle,
    shortYarns,
    message: parts.join(' '),
  };
}

function fmt(x: number): string {
  return formatNumber(x, x < 10 ? 2 : 0);
}
