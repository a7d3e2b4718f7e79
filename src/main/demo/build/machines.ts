// Knitting machines and work centers (`C.DD.NN.L`), plus WCs that only QuadS names.
import { WC_LETTERS } from '../names';
import { Rng, WeightedPicker } from '../prng';
import type { DemoTargets } from '../targets';
import type { Machine } from '../types';

export interface MachinePark {
  machines: Machine[];
  /** WCs that hold machines (some printed with a trailing space). */
  workCenters: string[];
  /** WCs printed with a trailing space in the Machine Report. */
  paddedWorkCenters: Set<string>;
  /** WCs only QuadS names (no machine in the Machine Report). */
  quadsOnlyWorkCenters: string[];
}

function workCenterCodes(rng: Rng, count: number, scale: number, taken: Set<string>): string[] {
  const out: string[] = [];
  const classes = Math.max(10, Math.ceil(10 * scale));
  while (out.length < count) {
    const wc = `${rng.int(1, classes)}.${rng.pick([26, 30, 34, 38])}.${rng.pick([14, 18, 20, 22, 24, 28, 32])}.${
      rng.chance(0.02) ? 'FOW' : rng.pick(WC_LETTERS)
    }`;
    if (taken.has(wc)) continue;
    taken.add(wc);
    out.push(wc);
  }
  return out;
}

export function buildMachines(seed: number, scale: number, t: DemoTargets): MachinePark {
  const rng = new Rng(seed, 'machines');
  const taken = new Set<string>();
  const workCenters = workCenterCodes(rng, t.workCenters, scale, taken);
  const quadsOnlyWorkCenters = workCenterCodes(rng, t.quadsOnlyWorkCenters, scale, taken);
  const idPool: number[] = [];
  for (let i = 1; i <= Math.ceil(t.machines * 2.1); i++) idPool.push(i);
  const ids = rng.sample(idPool, t.machines).sort((a, b) => a - b);
  const wcPicker = new WeightedPicker(workCenters.map(() => rng.logNormal(1, 0.8)));
  const machines: Machine[] = ids.map((id, i) => ({
    id,
    // Every WC gets at least one machine; the rest land by weight (1 to ~17 per WC).
    workCenter: i < workCenters.length ? workCenters[i] : workCenters[wcPicker.index(rng)],
  }));
  rng.shuffle(machines);
  machines[machines.length - 1].workCenter = '';
  machines.sort((a, b) => a.id - b.id);
  const paddedWorkCenters = new Set(rng.sample(workCenters, Math.max(1, Math.round(2 * scale))));
  return { machines, workCenters, paddedWorkCenters, quadsOnlyWorkCenters };
}
