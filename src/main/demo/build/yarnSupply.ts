// Yarn positions (yarn_inventory) and open yarn POs with their delivery schedule (YarnPO, Expected_Yarn_Report).
// Yarns with open-KO demand get planted situations: healthy, short then recovered by a PO receipt,
// critical, short in a later week, covered by a PO arriving this week.
import { addDays } from '../../../shared/dates';
import { Rng, roundTo } from '../prng';
import type { DemoTargets } from '../targets';
import type { Buckets, ErpCalendar, KoDemandRow, Scenario, Yarn, YarnPo, YarnPosition } from '../types';
import { BUCKETS, emptyBuckets } from './erpRules';

type Situation = 'healthy' | 'short-then-recovers' | 'critical' | 'short-later' | 'covered-by-po';

interface PoPlan {
  descId: number;
  balanceLbs: number;
  /** Bucket -> lbs; empty = wholly unscheduled. */
  schedule: Map<number, number>;
}

export interface YarnSupply {
  positions: Map<number, YarnPosition>;
  pos: YarnPo[];
  scenarios: Scenario[];
}

function roundUp(value: number, step: number): number {
  return Math.max(step, Math.ceil(value / step) * step);
}

function genericSchedule(rng: Rng, balance: number): Map<number, number> {
  const schedule = new Map<number, number>();
  const r = rng.float();
  if (r < 0.54) return schedule;
  if (r < 0.78) {
    const parts = rng.int(2, 4);
    const each = roundUp(balance / parts, 100);
    for (let i = 0; i < parts; i++) {
      const b = rng.int(0, BUCKETS - 1);
      schedule.set(b, (schedule.get(b) ?? 0) + (i === parts - 1 ? Math.max(0, balance - each * (parts - 1)) : each));
    }
  } else if (r < 0.92) {
    schedule.set(rng.int(0, BUCKETS - 1), balance);
  } else {
    // Over-scheduled: more booked than the PO balance (negative "Unscheduled or Past Due").
    schedule.set(rng.int(0, 4), roundUp(balance * 0.7, 100));
    schedule.set(rng.int(5, BUCKETS - 1), roundUp(balance * 0.7, 100));
  }
  for (const [b, q] of schedule) if (q <= 0) schedule.delete(b);
  return schedule;
}

export function buildYarnSupply(seed: number, t: DemoTargets, cal: ErpCalendar, yarns: readonly Yarn[], koRows: readonly KoDemandRow[]): YarnSupply {
  const rng = new Rng(seed, 'yarn-supply');
  const scenarios: Scenario[] = [];
  const demand = new Map<number, Buckets>();
  const allocated = new Map<number, number>();
  for (const r of koRows) {
    const d = demand.get(r.yarn) ?? emptyBuckets();
    for (let i = 0; i < BUCKETS; i++) d[i] += r.buckets[i];
    demand.set(r.yarn, d);
    allocated.set(r.yarn, (allocated.get(r.yarn) ?? 0) + r.total);
  }
  const theoretical = new Map<number, number>();
  const plans: PoPlan[] = [];
  const active = yarns.filter((y) => y.active);
  for (const y of active) {
    const d = demand.get(y.descId);
    if (!d) {
      const r = rng.float();
      theoretical.set(y.descId, r < 0.3 ? 0 : r < 0.989 ? roundTo(rng.logNormal(260, 1.8), 1) : -roundTo(rng.range(5, 500), 1));
      continue;
    }
    const cum: number[] = [];
    let run = 0;
    for (const q of d) cum.push((run += q));
    const total = run;
    let situation: Situation = rng.weighted(
      ['healthy', 'short-then-recovers', 'critical', 'short-later', 'covered-by-po'] as const,
      [50, 15, 14, 10, 14],
    );
    if (situation === 'critical' && total < 1200) situation = 'short-then-recovers';
    const needsPo = situation === 'short-then-recovers' || situation === 'covered-by-po';
    if (needsPo && plans.length >= t.yarnPos * 0.55) situation = 'healthy';
    if (situation === 'short-later' && cum[4] >= total * 0.98) situation = 'healthy';
    let inv: number;
    switch (situation) {
      case 'healthy':
        inv = total * rng.range(1.3, 4) + rng.range(0, 2000);
        break;
      case 'short-then-recovers': {
        inv = cum[0] * rng.range(0.85, 1.02);
        const week = rng.int(2, 4);
        plans.push({ descId: y.descId, balanceLbs: roundUp((total - inv) * rng.range(1.2, 1.6), 500), schedule: new Map([[week, 0]]) });
        break;
      }
      case 'critical':
        inv = total * rng.range(0, 0.15);
        break;
      case 'short-later':
        inv = cum[4] * rng.range(0.96, 1.0);
        break;
      case 'covered-by-po':
        inv = total * rng.range(0.2, 0.6);
        plans.push({ descId: y.descId, balanceLbs: roundUp((total - inv) * rng.range(1.1, 1.5), 500), schedule: new Map([[0, 0]]) });
        break;
    }
    theoretical.set(y.descId, roundTo(inv, 1));
    if (situation !== 'healthy')
      scenarios.push({ kind: `yarn-${situation}`, subject: String(y.descId), note: `open-KO demand ${roundTo(total, 1)} lbs` });
  }
  // Scenario POs receive their whole balance in the planted week.
  for (const p of plans) for (const b of p.schedule.keys()) p.schedule.set(b, p.balanceLbs);
  const withDemand = active.filter((y) => demand.has(y.descId));
  while (plans.length < t.yarnPos) {
    const y = rng.chance(0.5) && withDemand.length ? rng.pick(withDemand) : rng.pick(active);
    const balance = roundUp(rng.logNormal(7000, 0.9), 100);
    plans.push({ descId: y.descId, balanceLbs: balance, schedule: genericSchedule(rng, balance) });
  }
  const yarnById = new Map(yarns.map((y) => [y.descId, y]));
  const pos = plans.map((p) => makePo(rng, cal, p, yarnById.get(p.descId)!));
  // PO numbers follow the order date.
  pos.sort((a, b) => (a.orderedAt < b.orderedAt ? -1 : 1));
  const seqByMonth = new Map<string, number>();
  for (const po of pos) {
    const month = po.orderedAt.slice(2, 4) + po.orderedAt.slice(5, 7);
    const seq = (seqByMonth.get(month) ?? 0) + rng.int(1, 4);
    seqByMonth.set(month, seq);
    po.poNo = `Y${month}${String(seq).padStart(3, '0')}`;
  }

  const onOrder = new Map<number, number>();
  for (const po of pos) onOrder.set(po.descId, (onOrder.get(po.descId) ?? 0) + po.balanceLbs);
  const positions = new Map<number, YarnPosition>();
  const blankBeginning = new Set(
    rng
      .sample(
        active.filter((y) => theoretical.get(y.descId) === 0 && !demand.has(y.descId)),
        2,
      )
      .map((y) => y.descId),
  );
  for (const y of active) {
    const target = theoretical.get(y.descId) ?? 0;
    const pos = decompose(rng, target, blankBeginning.has(y.descId));
    const order = roundTo(onOrder.get(y.descId) ?? 0, 4);
    const alloc = allocated.has(y.descId) ? -roundTo(allocated.get(y.descId)!, 4) : 0;
    positions.set(y.descId, {
      ...pos,
      descId: y.descId,
      onOrderLbs: order,
      allocatedLbs: alloc === 0 ? 0 : alloc,
      planningLbs: roundTo(pos.theoreticalLbs + order + alloc, 7),
      totalCost: pos.theoreticalLbs * y.costPerLb,
    });
  }
  return { positions, pos, scenarios };
}

function makePo(rng: Rng, cal: ErpCalendar, plan: PoPlan, yarn: Yarn): YarnPo {
  const partial = rng.chance(0.35);
  const received = partial ? roundTo(plan.balanceLbs * rng.range(0.2, 3), 1) : 0;
  const qty = roundTo(plan.balanceLbs + received, 1);
  const ageDays = partial ? rng.int(40, 540) : rng.int(3, 120);
  const orderedDay = addDays(cal.asOf, -ageDays);
  const hh = String(rng.int(6, 18)).padStart(2, '0');
  const mm = String(rng.int(0, 59)).padStart(2, '0');
  const ss = String(rng.int(0, 59)).padStart(2, '0');
  const schedule = emptyBuckets();
  for (const [b, q] of plan.schedule) schedule[b] += q;
  return {
    poNo: '',
    descId: plan.descId,
    orderedAt: `${orderedDay}T${hh}:${mm}:${ss}`,
    requestedDate: addDays(orderedDay, 7 * rng.int(1, 8)),
    quotedDate: rng.chance(0.013) ? addDays(orderedDay, 7 * rng.int(2, 10)) : null,
    qtyLbs: qty,
    receivedLbs: received,
    balanceLbs: plan.balanceLbs,
    pricePerLb: roundTo(yarn.costPerLb * rng.range(0.95, 1.05), 2) || 0.65,
    schedule,
  };
}

/** Theoretical = Beginning + Received + Consumed + Adjustments, with Consumed <= 0 and Beginning >= 0. */
function decompose(
  rng: Rng,
  target: number,
  blankBeginning: boolean,
): Omit<YarnPosition, 'descId' | 'onOrderLbs' | 'allocatedLbs' | 'planningLbs' | 'totalCost'> {
  if (blankBeginning) {
    return { beginningLbs: null, receivedLbs: null, consumedLbs: 0, adjustmentsLbs: null, theoreticalLbs: 0 };
  }
  const received = rng.chance(0.058) ? roundTo(rng.range(50, 30000), 1) : null;
  const adjustments = rng.chance(0.007) ? rng.pick([-1, 1]) * rng.int(50, 1200) : null;
  const consumeShare = rng.chance(0.5) ? 0 : rng.range(0.02, 1.5);
  const r = received ?? 0;
  const a = adjustments ?? 0;
  let beginning: number;
  if (target < 0) beginning = roundTo(rng.range(0, 200), 1);
  else beginning = Math.ceil((target - r - a + Math.abs(target) * consumeShare) * 10) / 10;
  if (beginning < 0) beginning = 0;
  let consumed = roundTo(target - beginning - r - a, 7);
  if (consumed > 0) {
    // Received/adjustments made Beginning negative: fold them away.
    beginning = roundTo(beginning + consumed, 1);
    consumed = roundTo(target - beginning - r - a, 7);
  }
  if (consumed > 0) consumed = 0;
  const theoretical = roundTo(beginning + r + consumed + a, 7);
  return {
    beginningLbs: beginning,
    receivedLbs: received,
    consumedLbs: consumed === 0 ? 0 : consumed,
    adjustmentsLbs: adjustments,
    theoreticalLbs: theoretical,
  };
}
