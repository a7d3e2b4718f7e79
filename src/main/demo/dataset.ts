// The whole synthetic ERP in memory: pure and deterministic from (seed, scale, asOf).
import { addDays, isIsoDate, mondayOf } from '../../shared/dates';
import { buildKnitOrders } from './build/knitOrders';
import { buildMachines, type MachinePark } from './build/machines';
import { buildRolls, type RollInventory } from './build/rolls';
import { generateSalesLines } from './build/salesLines';
import { buildSalesOrders } from './build/salesOrders';
import { buildStyles, type StyleCatalogue } from './build/styles';
import { buildYarnSupply } from './build/yarnSupply';
import { buildSuppliers, buildYarns, listSuppliers } from './build/yarns';
import { erpCalendar, knitOrderDemand, styleDemand, yarnDemand } from './build/erpRules';
import { companyCode, customerNames, personNames } from './names';
import { Rng } from './prng';
import type { SalesHistoryTruth } from './salesHistory';
import { demoTargets, type DemoTargets } from './targets';
import type {
  DemoOptions,
  ErpCalendar,
  KnitOrder,
  KoDemandRow,
  SalesLine,
  SalesOrder,
  Scenario,
  StyleDemandRow,
  Supplier,
  Yarn,
  YarnDemandRow,
  YarnPo,
  YarnPosition,
} from './types';

export interface DemoDataset {
  options: DemoOptions;
  targets: DemoTargets;
  calendar: ErpCalendar;
  suppliers: Supplier[];
  yarns: Yarn[];
  yarnById: Map<number, Yarn>;
  park: MachinePark;
  styles: StyleCatalogue;
  knitOrders: KnitOrder[];
  koDemand: KoDemandRow[];
  styleDemand: StyleDemandRow[];
  yarnDemand: YarnDemandRow[];
  positions: Map<number, YarnPosition>;
  yarnPos: YarnPo[];
  salesOrders: SalesOrder[];
  salesLines: SalesLine[];
  /** The demand process behind each sold style's history (forecast ground truth). */
  salesTruth: SalesHistoryTruth[];
  rolls: RollInventory;
  /** "CODE - NAME" strings of the roll inventories; the first is the mill's own service company. */
  rollCustomers: string[];
  salesCustomers: string[];
  scenarios: Scenario[];
}

export const DEFAULT_SEED = 42;
export const DEFAULT_AS_OF = '2025-09-02';

export function normaliseOptions(options: Partial<DemoOptions>): DemoOptions {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!(scale > 0) || scale > 1000) throw new Error(`scale must be in (0, 1000], got ${scale}`);
  if (!isIsoDate(asOf)) throw new Error(`asOf must be an ISO date YYYY-MM-DD, got ${asOf}`);
  return { seed, scale, asOf };
}

export function buildDemoDataset(input: Partial<DemoOptions>): DemoDataset {
  const options = normaliseOptions(input);
  const { seed, scale, asOf } = options;
  const t = demoTargets(scale);
  const calendar = erpCalendar(asOf);
  const scenarios: Scenario[] = [];

  const suppliers = buildSuppliers(seed, t);
  const yarns = buildYarns(seed, t, suppliers, asOf);
  listSuppliers(seed, t, suppliers, yarns);
  const yarnById = new Map(yarns.map((y) => [y.descId, y]));
  const park = buildMachines(seed, scale, t);
  const styles = buildStyles(seed, t, asOf, yarns, park);

  const people = new Rng(seed, 'people');
  const customers = customerNames(people, t.customers + 1);
  const codes = new Set<string>();
  const rollCustomers = [
    `${companyCode('Crest Knit Services', codes)} - CREST KNIT SERVICES, LLC`,
    ...customers.slice(1, 1 + Math.max(5, Math.round(t.customers / 4))).map((c) => `${companyCode(c, codes)} - ${c.toUpperCase()}`),
  ];
  const staff = personNames(people, 8);

  const book = buildKnitOrders(
    seed,
    t,
    asOf,
    styles,
    park.machines,
    rollCustomers.map((c) => c.split(' - ')[0]),
  );
  scenarios.push(...book.scenarios);
  plantStaleBomExports(seed, book.knitOrders, yarns, scenarios);
  const koDemand = knitOrderDemand(calendar, book.knitOrders);
  const byStyle = styleDemand(book.knitOrders, koDemand);
  const supply = buildYarnSupply(seed, t, calendar, yarns, koDemand);
  scenarios.push(...supply.scenarios);
  const yd = yarnDemand(byStyle, supply.pos, yarnById, supply.positions);

  const salesOrders = buildSalesOrders(seed, t, asOf, styles.finished, book.knitOrders, customers, staff.slice(0, 4));
  const soldRng = new Rng(seed, 'sold-styles');
  const sold = soldRng.sample(styles.finished, t.soldStyles).map((f) => f.fStyle);
  for (let i = 0; i < Math.max(1, Math.round(t.soldStyles / 50)); i++) sold[sold.length - 1 - i] = `ZZ${soldRng.int(1000, 9999)}-1`;
  const sales = generateSalesLines({
    seed,
    scale,
    endDate: addDays(mondayOf(asOf), -1),
    weeks: t.salesWeeks,
    styles: sold,
    customers: customers.slice(0, t.customers),
    salesReps: staff.slice(4, 8),
  });
  const salesLines = sales.lines;
  const rolls = buildRolls(seed, t, asOf, styles.greige, styles.finished, book.knitOrders, park.machines, rollCustomers);

  return {
    options,
    targets: t,
    calendar,
    suppliers,
    yarns,
    yarnById,
    park,
    styles,
    knitOrders: book.knitOrders,
    koDemand,
    styleDemand: byStyle,
    yarnDemand: yd,
    positions: supply.positions,
    yarnPos: supply.pos,
    salesOrders,
    salesLines,
    salesTruth: sales.truth,
    rolls,
    rollCustomers,
    salesCustomers: customers.slice(0, t.customers),
    scenarios,
  };
}

/**
 * A few open-KO styles whose BOM_updated.csv lines are stale: one pair the ERP no longer uses (often a
 * historic yarn missing from yarn_inventory), or one live pair missing.
 */
function plantStaleBomExports(seed: number, knitOrders: readonly KnitOrder[], yarns: readonly Yarn[], scenarios: Scenario[]): void {
  const rng = new Rng(seed, 'stale-bom');
  const historic = yarns.filter((y) => !y.active);
  const candidates = [
    ...new Map(
      knitOrders.filter((k) => k.liveBalanceLbs > 0 && k.greige.inBomExport && k.greige.hasErpBom).map((k) => [k.greige.style, k.greige]),
    ).values(),
  ];
  for (const g of rng.sample(candidates, Math.max(2, Math.round(candidates.length * 0.04)))) {
    if (g.bom.length > 1 && rng.chance(0.5)) {
      const drop = rng.pick(g.bom);
      g.exportBom = g.bom.filter((c) => c !== drop);
      scenarios.push({ kind: 'bom-export-missing-pair', subject: g.style, note: `BOM_updated.csv lacks yarn ${drop.descId}` });
    } else {
      const extra = historic.length && rng.chance(0.6) ? rng.pick(historic) : rng.pick(yarns);
      if (g.bom.some((c) => c.descId === extra.descId)) continue;
      // The stale export still splits 5 % off the main yarn to the old one (sums stay <= 1).
      const main = g.bom.reduce((a, b) => (b.fraction > a.fraction ? b : a));
      const reduced = Math.round((main.fraction - 0.05) * 10000) / 10000;
      if (reduced < 0.01) continue;
      g.exportBom = [
        ...g.bom.map((c) => (c === main ? { descId: c.descId, fraction: reduced, feeds: [reduced] } : c)),
        { descId: extra.descId, fraction: 0.05, feeds: [0.05] },
      ];
      scenarios.push({
        kind: 'bom-export-extra-pair',
        subject: g.style,
        note: `BOM_updated.csv still lists yarn ${extra.descId}${extra.active ? '' : ' (not in yarn_inventory)'}`,
      });
    }
  }
}
