// Invariants of load and schedule on seeded synthetic plants (1x over several seeds, and the 10x bench plant).
import { describe, expect, it } from 'vitest';
import { computeLoad } from '../../../src/main/engine/capacity/load';
import { scheduleKnitOrders } from '../../../src/main/engine/capacity/schedule';
import { compileCalendar } from '../../../src/main/engine/capacity/calendar';
import { matchWorkCenter } from '../../../src/main/engine/capacity/workCenter';
import type { CapacityInput, ScheduleResult } from '../../../src/main/engine/capacity/types';
import { capacityPolicyDefaults, type CapacityPolicy } from '../../../src/shared/policy/capacity';
import { toDayNumber } from '../../../src/shared/dates';
import { SIZE_10X, SIZE_1X, syntheticCapacityInput } from '../../bench/capacity';

const EPS = 1e-6;

function checkLoad(input: CapacityInput, policy: CapacityPolicy) {
  const load = computeLoad(input, policy);
  const expectedDays = new Map<string, number>();
  for (const o of input.orders) {
    const rate = input.rates.get(o.style);
    const machine = o.pinnedMachine ?? o.machine;
    if (!machine || !(o.balanceLbs > 0) || !rate || rate.rateLbsPerDay <= 0) continue;
    expectedDays.set(machine, (expectedDays.get(machine) ?? 0) + o.balanceLbs / rate.rateLbsPerDay);
  }
  for (const m of load.machines) {
    // Load per machine = the sum of its orders' days; the weeks and "later" add up to it.
    expect(m.daysRequired).toBeCloseTo(expectedDays.get(m.machineId) ?? 0, 6);
    const weekly = m.weeks.reduce((s, w) => s + w.daysRequired, 0);
    expect(weekly + m.laterDays).toBeCloseTo(m.daysRequired, 6);
    for (const w of m.weeks) expect(w.daysAvailable).toBeLessThanOrEqual(input.calendar.workDaysPerWeek);
  }
  for (const wc of load.workCenters) {
    const machines = load.machines.filter((m) => m.workCenter === wc.workCenter);
    expect(wc.daysAssigned).toBeCloseTo(
      machines.reduce((s, m) => s + m.daysRequiredInHorizon, 0),
      6,
    );
  }
  return load;
}

function checkSchedule(input: CapacityInput, result: ScheduleResult, allowMoves: boolean, policy: CapacityPolicy) {
  const cal = compileCalendar(input.calendar);
  const asOfDay = toDayNumber(input.calendar.asOf);
  const seen = [...result.orders.map((o) => o.orderNo), ...result.unschedulable.map((u) => u.orderNo)].sort();
  expect(seen).toEqual(input.orders.map((o) => o.koNumber).sort());

  const byMachine = new Map<string, typeof result.orders>();
  for (const o of result.orders) byMachine.set(o.machineId, [...(byMachine.get(o.machineId) ?? []), o]);
  const source = new Map(input.orders.map((o) => [o.koNumber, o]));
  for (const [machineId, orders] of byMachine) {
    orders.sort((a, b) => a.startDay - b.startDay);
    for (let i = 1; i < orders.length; i++) expect(orders[i].startDay).toBeGreaterThanOrEqual(orders[i - 1].endDay - EPS);
    for (const o of orders) {
      // The order knits exactly its days, only on the machine's working days, never before its earliest start.
      let worked = 0;
      for (let d = Math.floor(o.startDay); d < o.endDay; d++) {
        const overlap = Math.min(o.endDay, d + 1) - Math.max(o.startDay, d);
        if (overlap > 0 && cal.isWorking(d, machineId)) worked += overlap;
      }
      expect(worked).toBeCloseTo(o.knitDays, 6);
      expect(cal.isWorking(Math.floor(o.startDay + EPS), machineId)).toBe(true);
      expect(o.startDay).toBeGreaterThanOrEqual(Math.max(asOfDay, toDayNumber(o.earliestStart)) - EPS);
      const src = source.get(o.orderNo)!;
      if (src.pinnedMachine) expect(o.machineId).toBe(src.pinnedMachine);
      else if (!allowMoves && src.machine) expect(o.machineId).toBe(src.machine);
      if (src.pinnedStart) expect(o.startDay).toBeGreaterThanOrEqual(Math.max(asOfDay, toDayNumber(src.pinnedStart)) - EPS);
      if (o.assignment === 'assigned') {
        expect(['exact', 'relaxed']).toContain(matchWorkCenter(o.styleWorkCenter, o.workCenter, policy.relaxedMatch));
      }
      expect(o.materialShort).toBe(o.yarns.some((y) => y.status === 'short'));
      if (o.late) expect(o.explanation?.message).toContain(o.plannedFinish);
    }
  }
}

describe('capacity invariants', () => {
  it('hold on 1x plants over several seeds, kept and allowMoves, strict and relaxed', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const input = syntheticCapacityInput(SIZE_1X, seed);
      const relaxed: CapacityPolicy = { ...capacityPolicyDefaults, relaxedMatch: seed % 2 ? 'type' : 'diameter-cut' };
      checkLoad(input, capacityPolicyDefaults);
      checkSchedule(input, scheduleKnitOrders(input), false, capacityPolicyDefaults);
      checkSchedule(input, scheduleKnitOrders(input, { allowMoves: true }, relaxed), true, relaxed);
    }
  });

  it('hold on the 10x bench plant', () => {
    const input = syntheticCapacityInput(SIZE_10X);
    const load = checkLoad(input, capacityPolicyDefaults);
    expect(load.machines.length).toBe(2900);
    const result = scheduleKnitOrders(input);
    checkSchedule(input, result, false, capacityPolicyDefaults);
    expect(result.orders.length).toBeGreaterThan(1500);
  });

  it('allowMoves never makes total lateness worse than keeping on this plant', () => {
    const input = syntheticCapacityInput(SIZE_1X, 7);
    const lateDays = (r: ScheduleResult) => r.orders.reduce((s, o) => s + Math.max(0, o.latenessDays ?? 0), 0);
    expect(lateDays(scheduleKnitOrders(input, { allowMoves: true }))).toBeLessThanOrEqual(lateDays(scheduleKnitOrders(input)));
  });
});
