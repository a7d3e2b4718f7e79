// The Capacity page (load per work center and week, machines, bottlenecks, orders not on a machine or without a
// rate) and the Schedule page (every order's machine and dates, why it is late, its yarns; unschedulable orders).
import type { CapacityView, ScheduleView } from '../../../shared/views';
import type { Plan } from '../jobs/computePlan';
import { round, roundOrNull, stamp } from './viewKit';

export function capacityView(plan: Pick<Plan, 'snapshotId' | 'asOf' | 'computedAt' | 'load'>): CapacityView {
  const { load } = plan;
  return {
    ...stamp(plan),
    weekStarts: load.weekStarts,
    workCenters: load.workCenters.map((w) => ({
      workCenter: w.workCenter,
      machines: w.machineIds.length,
      daysAvailable: round(w.daysAvailable),
      daysAssigned: round(w.daysAssigned),
      daysUnassigned: round(w.daysUnassigned),
      utilisationPct: roundOrNull(w.utilisationPct),
      peakUtilisationPct: roundOrNull(w.peakUtilisationPct),
      peakWeek: w.peakWeek,
      overloadedWeeks: w.overloadedWeeks,
      weeks: w.weeks.map((wk) => roundOrNull(wk.utilisationWithUnassignedPct)),
    })),
    machines: load.machines.map((m) => ({
      machineId: m.machineId,
      workCenter: m.workCenter,
      orderNos: m.orderNos,
      daysRequired: round(m.daysRequired),
      daysAvailable: round(m.daysAvailable),
      utilisationPct: roundOrNull(m.utilisationPct),
      overloadedWeeks: m.overloadedWeeks,
    })),
    bottlenecks: load.bottlenecks.map((b) => ({
      rank: b.rank,
      workCenter: b.workCenter,
      machines: b.machines,
      utilisationPct: roundOrNull(b.utilisationPct),
      overloadedWeeks: b.overloadedWeeks,
      overloadDays: b.overloadDays,
      peakWeek: b.peakWeek,
      peakUtilisationPct: roundOrNull(b.peakUtilisationPct),
      reason: b.reason,
    })),
    unassigned: load.unassigned.map((u) => ({
      orderNo: u.orderNo,
      style: u.style,
      balanceLbs: u.balanceLbs,
      knitDays: u.knitDays,
      workCenter: u.workCenter,
      candidates: u.candidates
        .slice(0, 5)
        .map((c) => ({ machineId: c.machineId, workCenter: c.workCenter, match: c.match, daysRequired: c.daysRequired })),
      note: u.note ?? null,
    })),
    unrated: load.unrated.map((u) => ({ orderNo: u.orderNo, style: u.style, balanceLbs: u.balanceLbs, machine: u.machine ?? null })),
  };
}

export function scheduleView(plan: Pick<Plan, 'snapshotId' | 'asOf' | 'computedAt' | 'schedule'>): ScheduleView {
  const { schedule: s } = plan;
  return {
    ...stamp(plan),
    orders: s.orders.map((o) => ({
      orderNo: o.orderNo,
      style: o.style,
      machineId: o.machineId,
      workCenter: o.workCenter,
      styleWorkCenter: o.styleWorkCenter,
      assignment: o.assignment,
      balanceLbs: round(o.balanceLbs),
      rateLbsPerDay: round(o.rateLbsPerDay, 2),
      rateSource: o.rateSource,
      knitDays: round(o.knitDays, 2),
      plannedStart: o.plannedStart,
      plannedFinish: o.plannedFinish,
      startDay: o.startDay,
      endDay: o.endDay,
      quotedDate: o.quotedDate ?? null,
      latenessDays: o.latenessDays,
      late: o.late,
      materialShort: o.materialShort,
      status: o.materialShort ? 'material short' : o.late ? 'late' : 'on time',
      yarns: o.yarns.map((y) => ({ yarnId: y.yarnId, status: y.status, firstShortWeek: y.firstShortWeek ?? null })),
      why: o.explanation?.message ?? null,
    })),
    unschedulable: s.unschedulable.map((u) => ({
      orderNo: u.orderNo,
      style: u.style,
      balanceLbs: u.balanceLbs,
      machine: u.machine ?? null,
      quotedDate: u.quotedDate ?? null,
      reason: u.reason,
      message: u.message,
    })),
    machines: s.machines.map((m) => ({ machineId: m.machineId, workCenter: m.workCenter })),
    late: s.orders
      .filter((o) => o.late)
      .map((o) => ({
        orderNo: o.orderNo,
        machineId: o.machineId,
        latenessDays: o.latenessDays,
        quotedDate: o.quotedDate ?? null,
        plannedFinish: o.plannedFinish,
        ahead: (o.explanation?.ahead ?? []).map((a) => ({ orderNo: a.orderNo, days: round(a.days, 1) })),
        why: o.explanation?.message ?? '',
      })),
  };
}
