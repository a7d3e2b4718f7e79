// Suppliers and yarns: ~1,200 active yarns in yarn_inventory plus historic yarns only the BOM still names.
import { FIBRE_TYPES, MISC_NOTES, YARN_COLORS, YARN_EXTRAS, supplierNames } from '../names';
import { Rng, WeightedPicker, roundTo } from '../prng';
import { addDays } from '../../../shared/dates';
import type { DemoTargets } from '../targets';
import type { Supplier, Yarn } from '../types';

const LEAD_TIMES = [4, 5, 7, 8, 10, 12, 14];
const MOQS = [10, 500, 1000, 1500, 2500, 5000, 10000];

export function buildSuppliers(seed: number, t: DemoTargets): Supplier[] {
  const rng = new Rng(seed, 'suppliers');
  const names = supplierNames(rng, t.suppliers);
  return names.map((name, i) => {
    const upper = name.toUpperCase();
    const erpName = rng.chance(0.8) ? upper : name;
    const poName = rng.chance(0.25) ? upper.split(' ')[0] : upper;
    return {
      id: i + 1,
      displayName: name,
      erpName,
      poName,
      listedAs: null,
      leadTimeAsExported: rng.pick(LEAD_TIMES),
      moq: rng.pick(MOQS),
      origin: rng.chance(0.6) ? 'Import' : 'Domestic',
    } satisfies Supplier;
  });
}

function yarnSize(rng: Rng, filament: boolean, type: string): { size: string; ply: string; sizeNumber: number; filament: string | null } {
  if (type === 'Spandex') {
    const denier = rng.pick([20, 40, 70, 105, 140]);
    return { size: `1/${denier}`, ply: '1', sizeNumber: denier, filament: null };
  }
  if (filament) {
    const ply = rng.weighted(['1', '2', '3'], [8, 3, 1]);
    const denier = rng.pick([30, 50, 70, 75, 100, 150, 200, 300, 450]);
    const fil = rng.pick([1, 24, 34, 36, 48, 68, 72, 96, 144]);
    return { size: `${ply}/${denier}/${fil}`, ply, sizeNumber: denier, filament: String(fil) };
  }
  const count = rng.pick([10, 14, 16, 18, 20, 24, 26, 28, 30, 36, 40]);
  const ply = rng.weighted([1, 2], [5, 1]);
  return { size: `${count}/${ply}`, ply: String(count), sizeNumber: ply, filament: null };
}

function blendFor(rng: Rng, type: string): string {
  const parts = type.split('/').length;
  if (parts === 1) return '100%';
  if (parts === 2) return rng.pick(['60/40', '50/50', '65/35', '55/45', '90/10']);
  return rng.pick(['75/15/10', '50/37/13', '60/30/10']);
}

/**
 * Yarn ids ascend with age: historic yarns sit mostly in the lower ids. `active` yarns are the ones in
 * yarn_inventory.
 */
export function buildYarns(seed: number, t: DemoTargets, suppliers: readonly Supplier[], asOf: string): Yarn[] {
  const rng = new Rng(seed, 'yarns');
  const total = t.activeYarns + t.historicYarns;
  const ids: number[] = [];
  let id = 1000 + rng.int(0, 400);
  for (let i = 0; i < total; i++) {
    id += rng.weighted([1, 2, 3, 7, 20], [50, 25, 12, 9, 4]);
    ids.push(id);
  }
  const score = ids.map((_, i) => ({ i, s: i / total + rng.float() * 0.8 }));
  score.sort((a, b) => b.s - a.s);
  const active = new Set(score.slice(0, t.activeYarns).map((x) => x.i));
  const supplierPicker = new WeightedPicker(suppliers.map((_, i) => 1 / (1 + i) ** 0.9));
  const reconcile = addDays(asOf, -rng.int(55, 75));
  const fibreWeights = FIBRE_TYPES.map((f) => f.weight);
  return ids.map((descId, i) => {
    const fibre = FIBRE_TYPES[rng.weightedIndex(fibreWeights)];
    const sz = yarnSize(rng, fibre.filament, fibre.type);
    const blend = blendFor(rng, fibre.type);
    const color = rng.pick(YARN_COLORS);
    const extras = [rng.pick(YARN_EXTRAS), rng.chance(0.3) ? rng.pick(YARN_EXTRAS) : ''].filter((e) => e !== '');
    const base = [sz.size, blend, fibre.type, color, ...extras].join(' ');
    let cost = fibre.type === 'Spandex' ? rng.logNormal(7.5, 0.4) : rng.logNormal(2.4, 0.55);
    if (rng.chance(0.004)) cost = 0;
    if (rng.chance(0.002)) cost = rng.range(80, 240);
    return {
      descId,
      supplier: suppliers[supplierPicker.index(rng)],
      size: sz.size,
      ply: sz.ply,
      sizeNumber: sz.sizeNumber,
      filament: sz.filament,
      blend,
      type: fibre.type,
      color,
      description: rng.chance(0.77) ? `${base} ` : base,
      extras,
      costPerLb: roundTo(cost, 2),
      active: active.has(i),
      misc: rng.chance(0.21) ? rng.pick(MISC_NOTES) : null,
      reconcileDate: rng.chance(0.08) ? 'Never' : reconcile,
    } satisfies Yarn;
  });
}

/** Supplier_ID.csv entries: the most-used suppliers, a few spelled differently, ~27 % marked "Remove". */
export function listSuppliers(seed: number, t: DemoTargets, suppliers: Supplier[], yarns: readonly Yarn[]): void {
  const rng = new Rng(seed, 'supplier-list');
  const uses = new Map<number, number>();
  for (const y of yarns) if (y.active) uses.set(y.supplier.id, (uses.get(y.supplier.id) ?? 0) + 1);
  const ranked = suppliers.slice().sort((a, b) => (uses.get(b.id) ?? 0) - (uses.get(a.id) ?? 0) || a.id - b.id);
  const listed = ranked.slice(0, t.listedSuppliers);
  const removeCount = Math.round(listed.length * 0.27);
  const removed = new Set(rng.sample(listed.slice(Math.floor(listed.length / 3)), removeCount).map((s) => s.id));
  for (const s of listed) {
    const spelling = rng.float();
    s.listedAs = spelling < 0.7 ? s.erpName : spelling < 0.9 ? s.displayName : `${s.erpName} (Do not Use)`;
    if (removed.has(s.id)) {
      s.leadTimeAsExported = 'Remove';
      s.moq = 'Remove';
      s.origin = 'Remove';
    }
  }
}
