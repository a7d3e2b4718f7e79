// Rough-cut machine load: the knitting days the open orders need against the days the machines have, per ISO week.
// Like the ERP, each order is spread at its full rate from its earliest start (max of as-of and start date), on its
// machine's working days, independently of the other orders; two orders on one machine in a week can exceed 100 %.
// Load is what the current assignment asks for; the finite schedule (schedule.ts) is what can actually be done.
import { capacityPolicyDefaults, type CapacityPolicy } from '../../../shared/policy/capacity';
import { isoWeekLabel, mondayOf, toDayNumber } from '../../../shared/dates';
import { compileCalendar, workingDaysIn, type WorkCalendar } from './calendar';
import { compareText, formatNumber } from './format';
import { buildCapacityModel, noMachineMessage, resolveRate, withValidDates } from './model';
import type {
  Bottleneck,
  CapacityInput,
  LoadResult,
  MachineLoad,
  UnassignedOrder,
  UnratedOrder,
  WeekLoad,
  WorkCenterLoad,
  WorkCenterWeekLoad,
} from './types';

const EPS = 1e-9;
/** Work centers sort numerically part by part (1.30.9.F before 1.30.10.F). */
const WC_ORDER = new Intl.Collator('en', { numeric: true });

interface Phased {
  weeks: Float64Array;
  later: number;
}

export function computeLoad(input: CapacityInput, policy: CapacityPolicy = capacityPolicyDefaults): LoadResult {
  const model = buildCapacityModel(input.machines, input.styles, policy);
  const { asOf, weekStarts } = input.calendar;
  const cal = compileCalendar(input.calendar);
  const asOfDay = toDayNumber(asOf);
  const firstMonday = toDayNumber(mondayOf(asOf));
  const nWeeks = weekStarts.length;
  const weekLabels = weekStarts.map(isoWeekLabel);
  const horizonEnd = firstMonday + 7 * nWeeks;

  interface Acc {
    machineId: string;
    workCenter: string;
    orderNos: string[];
    daysRequired: number;
    required: Float64Array;
    later: number;
  }
  const acc = new Map<string, Acc>();
  const accOf = (id: string): Acc => {
    let a = acc.get(id);
    if (!a) {
      a = { machineId: id, workCenter: model.machineWc.get(id) ?? '', orderNos: [], daysRequired: 0, required: new Float64Array(nWeeks), later: 0 };
      acc.set(id, a);
    }
    return a;
  };
  for (const id of model.machineWc.keys()) accOf(id);

  const unrated: UnratedOrder[] = [];
  const pendingUnassigned: Array<{
    orderNo: string;
    style: string;
    balanceLbs: number;
    knitDays: number;
    wc: string;
    phased: Phased;
    note?: string;
  }> = [];

  for (const raw of input.orders) {
    const o = withValidDates(raw).order;
    if (!(o.balanceLbs > 0)) continue;
    const orderNo = o.koNumber.trim();
    const style = o.style.trim();
    const machine = (o.pinnedMachine ?? o.machine)?.trim() || undefined;
    const rate = resolveRate(input.rates, style, policy);
    if (!rate) {
      unrated.push({ orderNo, style, balanceLbs: o.balanceLbs, machine });
      continue;
    }
    const knitDays = o.balanceLbs / rate.rateLbsPerDay;
    const startDay = Math.max(asOfDay, toDayNumber(o.pinnedStart ?? o.startDate ?? asOf));
    if (machine) {
      const a = accOf(machine);
      const phased = phase(cal, machine, startDay, knitDays, firstMonday, nWeeks, horizonEnd);
      a.orderNos.push(orderNo);
      a.daysRequired += knitDays;
      for (let w = 0; w < nWeeks; w++) a.required[w] += phased.weeks[w];
      a.later += phased.later;
    } else {
      const wc = model.styleWc.get(style) ?? '';
      pendingUnassigned.push({
        orderNo,
        style,
        balanceLbs: o.balanceLbs,
        knitDays,
        wc,
        phased: phase(cal, undefined, startDay, knitDays, firstMonday, nWeeks, horizonEnd),
        note: !wc ? `Style ${style} has no QuadS work center.` : undefined,
      });
    }
  }

  const overloaded = (required: number, available: number) =>
    required > EPS && (available <= EPS || (required / available) * 100 > policy.overloadUtilisationPct + EPS);
  const weekRow = (w: number, daysAvailable: number, daysRequired: number): WeekLoad => ({
    week: weekLabels[w],
    weekStart: weekStarts[w],
    daysAvailable,
    daysRequired,
    utilisationPct: pct(daysRequired, daysAvailable),
    overloaded: overloaded(daysRequired, daysAvailable),
  });

  // Days available per week: the plant calendar's, unless the machine has downtime of its own.
  const availableOf = (machineId: string | undefined): Float64Array => {
    const out = new Float64Array(nWeeks);
    for (let w = 0; w < nWeeks; w++) {
      out[w] = workingDaysIn(cal, machineId, Math.max(asOfDay, firstMonday + 7 * w), firstMonday + 7 * w + 7);
    }
    return out;
  };
  const plantAvailable = availableOf(undefined);

  const machines: MachineLoad[] = [];
  for (const a of acc.values()) {
    const available = cal.hasDowntime(a.machineId) ? availableOf(a.machineId) : plantAvailable;
    const weeks: WeekLoad[] = [];
    let daysAvailable = 0;
    let daysRequiredInHorizon = 0;
    for (let w = 0; w < nWeeks; w++) {
      weeks.push(weekRow(w, available[w], a.required[w]));
      daysAvailable += available[w];
      daysRequiredInHorizon += a.required[w];
    }
    machines.push({
      machineId: a.machineId,
      workCenter: a.workCenter,
      orderNos: a.orderNos,
      daysRequired: a.daysRequired,
      daysAvailable,
      daysRequiredInHorizon,
      laterDays: a.later,
      utilisationPct: pct(daysRequiredInHorizon, daysAvailable),
      overloadedWeeks: weeks.filter((x) => x.overloaded).length,
      weeks,
    });
  }
  const machineById = new Map(machines.map((m) => [m.machineId, m]));

  // Work centers: machines grouped by their work center, plus the unassigned orders of styles that belong there.
  interface WcAcc {
    machineIds: string[];
    available: Float64Array;
    required: Float64Array;
    unassigned: Float64Array;
    later: number;
  }
  const wcAcc = new Map<string, WcAcc>();
  const wcOf = (wc: string): WcAcc => {
    let a = wcAcc.get(wc);
    if (!a) {
      a = { machineIds: [], available: new Float64Array(nWeeks), required: new Float64Array(nWeeks), unassigned: new Float64Array(nWeeks), later: 0 };
      wcAcc.set(wc, a);
    }
    return a;
  };
  for (const m of machines) {
    const a = wcOf(m.workCenter);
    a.machineIds.push(m.machineId);
    a.later += m.laterDays;
    m.weeks.forEach((w, i) => {
      a.available[i] += w.daysAvailable;
      a.required[i] += w.daysRequired;
    });
  }

  const unassigned: UnassignedOrder[] = [];
  for (const u of pendingUnassigned) {
    const a = wcOf(u.wc);
    for (let w = 0; w < nWeeks; w++) a.unassigned[w] += u.phased.weeks[w];
    a.later += u.phased.later;
    const compatible = u.wc ? model.compatibleMachines(u.wc) : [];
    const candidates = compatible
      .map((c) => ({ ...c, daysRequired: machineById.get(c.machineId)?.daysRequired ?? 0 }))
      .sort((x, y) => x.daysRequired - y.daysRequired || (x.match === y.match ? 0 : x.match === 'exact' ? -1 : 1))
      .slice(0, policy.maxCandidateMachinesListed);
    unassigned.push({
      orderNo: u.orderNo,
      style: u.style,
      balanceLbs: u.balanceLbs,
      knitDays: u.knitDays,
      workCenter: u.wc,
      candidates,
      candidateWorkCenters: [...new Set(compatible.map((c) => c.workCenter))],
      note: u.note ?? (u.wc && compatible.length === 0 ? noMachineMessage(model, u.wc) : undefined),
    });
  }

  const workCenters: WorkCenterLoad[] = [];
  for (const [wc, a] of wcAcc) {
    const weeks: WorkCenterWeekLoad[] = [];
    for (let w = 0; w < nWeeks; w++) {
      const withUnassigned = a.required[w] + a.unassigned[w];
      weeks.push({
        week: weekLabels[w],
        weekStart: weekStarts[w],
        daysAvailable: a.available[w],
        daysRequired: a.required[w],
        utilisationPct: pct(a.required[w], a.available[w]),
        overloaded: overloaded(withUnassigned, a.available[w]),
        daysUnassigned: a.unassigned[w],
        utilisationWithUnassignedPct: pct(withUnassigned, a.available[w]),
      });
    }
    const daysAvailable = sum(a.available);
    const daysAssigned = sum(a.required);
    const daysUnassigned = sum(a.unassigned);
    let peak: WorkCenterWeekLoad | null = null;
    for (const w of weeks) {
      if (w.daysRequired + w.daysUnassigned <= EPS) continue;
      if (!peak || rankValue(w.utilisationWithUnassignedPct) > rankValue(peak.utilisationWithUnassignedPct)) peak = w;
    }
    // Machine-days above the overload threshold, summed over the weeks: what would have to move elsewhere.
    let overloadDays = 0;
    for (const w of weeks) {
      overloadDays += Math.max(0, w.daysRequired + w.daysUnassigned - (w.daysAvailable * policy.overloadUtilisationPct) / 100);
    }
    workCenters.push({
      workCenter: wc,
      machineIds: a.machineIds,
      daysAvailable,
      daysAssigned,
      daysUnassigned,
      laterDays: a.later,
      utilisationPct: pct(daysAssigned, daysAvailable),
      utilisationWithUnassignedPct: pct(daysAssigned + daysUnassigned, daysAvailable),
      overloadedWeeks: weeks.filter((w) => w.overloaded).length,
      overloadDays,
      peakWeek: peak?.week ?? null,
      peakUtilisationPct: peak?.utilisationWithUnassignedPct ?? null,
      weeks,
    });
  }
  workCenters.sort((x, y) => WC_ORDER.compare(x.workCenter, y.workCenter));

  return {
    asOf,
    weekStarts,
    machines,
    workCenters,
    bottlenecks: rankBottlenecks(workCenters, policy),
    unassigned,
    unrated,
  };
}

/** Spread `days` of knitting from `startDay` on the machine's working days into the horizon's weeks. */
function phase(
  cal: WorkCalendar,
  machineId: string | undefined,
  startDay: number,
  days: number,
  firstMonday: number,
  nWeeks: number,
  horizonEnd: number,
): Phased {
  const weeks = new Float64Array(nWeeks);
  let remaining = days;
  for (let d = startDay; d < horizonEnd && remaining > EPS; d++) {
    if (!cal.isWorking(d, machineId)) continue;
    const take = Math.min(1, remaining);
    weeks[Math.floor((d - firstMonday) / 7)] += take;
    remaining -= take;
  }
  return { weeks, later: Math.max(0, remaining) };
}

function rankBottlenecks(workCenters: WorkCenterLoad[], policy: CapacityPolicy): Bottleneck[] {
  const hits = workCenters.filter((w) => {
    const demand = w.daysAssigned + w.daysUnassigned;
    if (demand <= EPS) return false;
    return w.overloadedWeeks > 0 || rankValue(w.utilisationWithUnassignedPct) >= policy.bottleneckUtilisationPct;
  });
  // Most machine-days over the threshold first, then the highest utilisation over the horizon.
  hits.sort(
    (a, b) =>
      b.overloadDays - a.overloadDays ||
      rankValue(b.utilisationWithUnassignedPct) - rankValue(a.utilisationWithUnassignedPct) ||
      b.overloadedWeeks - a.overloadedWeeks ||
      rankValue(b.peakUtilisationPct) - rankValue(a.peakUtilisationPct) ||
      compareText(a.workCenter, b.workCenter),
  );
  return hits.map((w, i) => {
    const demand = w.daysAssigned + w.daysUnassigned;
    const reason =
      w.machineIds.length === 0
        ? `No machines for ${fmt(demand)} day${demand === 1 ? '' : 's'} of knitting.`
        : `Utilisation ${fmtPct(w.utilisationWithUnassignedPct)} over the horizon` +
          (w.daysUnassigned > EPS ? ` (${fmt(w.daysUnassigned)} of ${fmt(demand)} days unassigned)` : '') +
          `; ${w.overloadedWeeks} overloaded week${w.overloadedWeeks === 1 ? '' : 's'}` +
          (w.overloadDays > EPS ? ` (${fmt(w.overloadDays)} machine-days over)` : '') +
          (w.peakWeek ? `; peak ${w.peakWeek} at ${fmtPct(w.peakUtilisationPct)}` : '') +
          '.';
    return {
      rank: i + 1,
      workCenter: w.workCenter,
      machines: w.machineIds.length,
      utilisationPct: w.utilisationWithUnassignedPct,
      overloadedWeeks: w.overloadedWeeks,
      overloadDays: w.overloadDays,
      peakWeek: w.peakWeek,
      peakUtilisationPct: w.peakUtilisationPct,
      reason,
    };
  });
}

/** Percent, or null when nothing is available (infinite or undefined utilisation). */
function pct(required: number, available: number): number | null {
  return available > EPS ? (required / available) * 100 : null;
}

/** null utilisation with demand ranks above any number. */
function rankValue(p: number | null): number {
  return p === null ? Infinity : p;
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

function fmt(x: number): string {
  return formatNumber(x, 1);
}

function fmtPct(p: number | null): string {
  return p === null ? 'n/a' : `${Math.round(p)} %`;
}
