// Capacity benchmark: finite schedule and load on a synthetic 10x plant (about 2,000 open orders, 2,900 machines,
// 900 machine work centers). Run: npx tsx -e "import('./test/bench/capacity.ts').then(async (m) => console.table(await m.bench()))"
import { performance } from 'node:perf_hooks';
import type { BenchArea, BenchFigure } from './types';
import { scheduleKnitOrders } from '../../src/main/engine/capacity/schedule';
import { computeLoad } from '../../src/main/engine/capacity/load';
import type { CapacityInput, KnitOrder, Machine, OrderYarn, RateInfo } from '../../src/main/engine/capacity/types';
import { capacityPolicyDefaults } from '../../src/shared/policy/capacity';
import { calendarPolicyDefaults } from '../../src/shared/policy/calendar';
import { planningCalendar } from '../../src/main/engine/calendar';
import { addDays } from '../../src/shared/dates';
import { mulberry32 } from '../../src/shared/prng';

export interface SyntheticSize {
  machineWorkCenters: number;
  /** Work centers that styles use but no machine has (the real data: 28 of 108). */
  emptyWorkCenters: number;
  machines: number;
  stylesPerWorkCenter: number;
  orders: number;
}

/** The real plant (9-2 snapshot): 93 machine WCs, 286 machines, about 200 open KOs. */
export const SIZE_1X: SyntheticSize = { machineWorkCenters: 90, emptyWorkCenters: 18, machines: 290, stylesPerWorkCenter: 10, orders: 200 };
export const SIZE_10X: SyntheticSize = { machineWorkCenters: 900, emptyWorkCenters: 180, machines: 2900, stylesPerWorkCenter: 10, orders: 2000 };

export const rng = mulberry32;

const TYPES = ['F', 'F', 'F', 'F', 'F', 'F', 'M', 'M', 'C', 'V', 'FOW', 'T'];
const CONSTRUCTIONS = [1, 2, 4, 6, 8, 9, 10];
const DIAMETERS = [26, 30, 33, 34, 38, 42, 48];

/** A plant shaped like the real exports: skewed machines per WC, type-letter siblings, some WCs without machines. */
export function syntheticCapacityInput(size: SyntheticSize = SIZE_10X, seed = 42, asOf = '2025-09-02'): CapacityInput {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const codes = new Set<string>();
  const wcs: string[] = [];
  while (wcs.length < size.machineWorkCenters + size.emptyWorkCenters) {
    const c = `${pick(CONSTRUCTIONS)}.${pick(DIAMETERS)}.${9 + Math.floor(r() * 28)}.${pick(TYPES)}`;
    if (codes.has(c)) continue;
    codes.add(c);
    wcs.push(c);
  }
  const machineWcs = wcs.slice(0, size.machineWorkCenters);

  // Every machine WC gets one machine; the rest go to WCs with a Zipf-like weight (one WC holds many machines).
  const weights = machineWcs.map((_, i) => 1 / (i + 1) ** 0.9);
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const machines: Machine[] = machineWcs.map((workCenter, i) => ({ machineId: String(i + 1), workCenter }));
  while (machines.length < size.machines) {
    let x = r() * totalWeight;
    let i = 0;
    while (x > weights[i] && i < weights.length - 1) x -= weights[i++];
    machines.push({ machineId: String(machines.length + 1), workCenter: machineWcs[i] });
  }
  const machinesByWc = new Map<string, string[]>();
  for (const m of machines) machinesByWc.set(m.workCenter!, [...(machinesByWc.get(m.workCenter!) ?? []), m.machineId]);

  const styles = wcs.flatMap((workCenter, w) =>
    Array.from({ length: size.stylesPerWorkCenter }, (_, k) => ({ style: `G${w}-${k}/${k % 3}`, workCenter })),
  );
  const rates = new Map<string, RateInfo>();
  for (const s of styles) {
    if (r() < 0.92) rates.set(s.style, { rateLbsPerDay: Math.round(150 + 900 * r() * r() + 400 * r()), source: 'synthetic' });
  }

  // Orders favour the busy work centers, like the real KOs (9.38.20.F carries the most).
  const orders: KnitOrder[] = [];
  for (let i = 0; i < size.orders; i++) {
    const w = r() < 0.9 ? Math.floor(size.machineWorkCenters * r() * r()) : Math.floor(r() * wcs.length);
    const k = Math.floor(r() * size.stylesPerWorkCenter);
    const fullStyle = `G${w}-${k}/${k % 3}`;
    const onMachine = machinesByWc.get(wcs[w]);
    const assigned = onMachine && r() < 0.8 ? pick(onMachine) : undefined;
    const balanceLbs = Math.round(Math.exp(Math.log(2500) + 0.9 * gaussian(r)));
    const hasStart = r() < 0.95;
    const hasQuoted = r() < 0.4;
    orders.push({
      koNumber: `K${String(250000 + i)}`,
      style: fullStyle,
      balanceLbs,
      machine: assigned,
      startDate: hasStart ? addDays(asOf, Math.floor(-60 + 90 * r())) : undefined,
      quotedDate: hasQuoted ? addDays(asOf, Math.floor(-10 + 100 * r())) : undefined,
      priority: r() < 0.1 ? 1 : undefined,
      pinnedStart: r() < 0.02 ? addDays(asOf, Math.floor(r() * 30)) : undefined,
      pinnedMachine: onMachine && r() < 0.02 ? pick(onMachine) : undefined,
    });
  }

  const downtime = Array.from({ length: Math.round(size.machines / 50) }, () => {
    const from = addDays(asOf, Math.floor(r() * 60));
    return { machineId: pick(machines).machineId, from, to: addDays(from, Math.floor(r() * 5)) };
  });
  const yarns = new Map<string, OrderYarn[]>();
  for (const o of orders) {
    yarns.set(
      o.koNumber,
      Array.from({ length: 1 + Math.floor(r() * 4) }, (_, k) => ({
        yarnId: String(10000 + Math.floor(r() * 9000) + k),
        firstShortWeek: r() < 0.1 ? addDays('2025-09-01', 7 * Math.floor(r() * 10)) : undefined,
      })),
    );
  }
  return {
    calendar: planningCalendar(asOf, calendarPolicyDefaults, { holidays: ['2025-09-01', '2025-11-27', '2025-11-28', '2025-12-25'], downtime }),
    machines,
    styles,
    orders,
    rates,
    yarns,
  };
}

function gaussian(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

function time<T>(fn: () => T, runs = 3): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

export const bench: BenchArea = async () => {
  const input = syntheticCapacityInput(SIZE_10X);
  const size = `${input.orders.length} orders, ${input.machines.length} machines, ${SIZE_10X.machineWorkCenters} machine WCs`;
  const kept = time(() => scheduleKnitOrders(input));
  const relaxed = { ...capacityPolicyDefaults, relaxedMatch: 'type' as const };
  const moves = time(() => scheduleKnitOrders(input, { allowMoves: true }, relaxed));
  const load = time(() => computeLoad(input));
  const figures: BenchFigure[] = [
    {
      name: 'capacity: finite schedule 10x (kept assignments)',
      value: Math.round(kept.ms),
      unit: 'ms',
      budget: 2000,
      note: `${size}; ${kept.result.orders.length} scheduled, ${kept.result.unschedulable.length} not`,
    },
    {
      name: 'capacity: finite schedule 10x (allowMoves, relaxed type match)',
      value: Math.round(moves.ms),
      unit: 'ms',
      budget: 2000,
      note: `${moves.result.orders.filter((o) => o.late).length} late`,
    },
    {
      name: 'capacity: load 10x (26 weeks)',
      value: Math.round(load.ms),
      unit: 'ms',
      budget: 2000,
      note: `${load.result.bottlenecks.length} bottleneck WCs`,
    },
  ];
  return figures;
};
