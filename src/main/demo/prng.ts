// Seeded pseudo-random numbers for the demo generator. mulberry32, with one independent stream per
// purpose (derived from the seed and a label) so adding a stream never shifts the others.
import { mulberry32 } from '../../shared/prng';

export { mulberry32 };

/** FNV-1a hash of a label mixed with the seed: the seed of one named stream. */
export function streamSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number, label = '') {
    this.next = mulberry32(streamSeed(seed, label));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn with the given non-negative weights. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    return items[this.weightedIndex(weights)];
  }

  /** Standard normal (Box-Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-space spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** Geometric count >= min with the given mean. */
  geometric(mean: number, min = 1): number {
    const p = 1 / Math.max(1, mean - min + 1);
    let n = min;
    while (this.next() > p && n < min + 1000) n++;
    return n;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** `count` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items.slice()).slice(0, Math.max(0, Math.min(count, items.length)));
  }
}

/** Round half away from zero to `decimals`, without float noise in the printed value. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f + (value >= 0 ? 1e-9 : -1e-9)) / f;
}

/** Truncate toward zero to `decimals` (how the ERP exported BOM fractions). */
export function floorTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.trunc(value * f + 1e-9) / f;
}

/** Weighted draws from a fixed weight list in O(log n) (cumulative sums + binary search). */
export class WeightedPicker {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let run = 0;
    weights.forEach((w, i) => {
      run += w;
      this.cumulative[i] = run;
    });
  }

  index(rng: Rng): number {
    const c = this.cumulative;
    const r = rng.float() * c[c.length - 1];
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
