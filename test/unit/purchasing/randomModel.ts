// Seeded random MRP models for property tests and the benchmark: lumpy knit-order-like demand, open receipts,
// negative balances, every lot-sizing and safety-stock rule, matched / variant / unknown / retired suppliers.
import { addDays } from '../../../src/shared/dates';
import { purchasingPolicyDefaults, type PurchasingPolicy } from '../../../src/shared/policy/purchasing';
import type { LotSizingRule, MrpInput, MrpItem, SafetyStockRule, MrpSupplier, YarnSupplyOverride } from '../../../src/main/engine/purchasing/types';
import { mulberry32 } from '../../../src/shared/prng';
import { planWeekStarts } from '../../../src/main/engine/calendar';

export const rng = mulberry32;

// Lead times in days: the random models' policy reads the master's Lead_time in days (the real export's is weeks).
export const randomSuppliers: MrpSupplier[] = [
  { supplierId: '1', name: 'UNIFI', leadTimeAsExported: 8, moqLbs: 1500, retired: false },
  { supplierId: '2', name: 'PARKDALE YARN MILLS', leadTimeAsExported: 8, moqLbs: 2500, retired: false },
  { supplierId: '3', name: 'DECA GLOBAL', leadTimeAsExported: 14, moqLbs: 2500, retired: false },
  { supplierId: '4', name: 'KC TEX INC', leadTimeAsExported: 4, moqLbs: 1000, retired: false },
  { supplierId: '5', name: 'SPUNLAB', leadTimeAsExported: null, moqLbs: null, retired: true },
  { supplierId: '6', name: 'MERIDIAN SPECIALTY YARN GROUP INC', leadTimeAsExported: 4, moqLbs: 10, retired: false },
  { supplierId: '7', name: 'LONG LEAD SPINNERS', leadTimeAsExported: 400, moqLbs: 5000, retired: false },
];
const supplierNames = [
  'UNIFI',
  'Parkdale Yarn Mills',
  'DECA GLOBAL',
  'KC TEX',
  'SPUNLAB',
  'MERIDIAN SPECIALTY YARN GROUP INC',
  'LONG LEAD SPINNERS',
  'SUED',
  '',
];

export interface RandomModelOptions {
  seed: number;
  yarns: number;
  horizonWeeks: number;
  /** Vary the policy and the as-of weekday too (property tests); the benchmark keeps defaults. */
  varyPolicy?: boolean;
}

export function randomModel(opts: RandomModelOptions): { input: MrpInput; policy: PurchasingPolicy } {
  const r = rng(opts.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const pickOne = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const H = opts.horizonWeeks;
  const items: MrpItem[] = [];
  const overrides: YarnSupplyOverride[] = [];
  for (let y = 0; y < opts.yarns; y++) {
    const level = pickOne([0, 50, 400, 3000]);
    const gross = Array.from({ length: H }, () => (r() < 0.35 ? Math.round(level * (0.2 + 2 * r()) * 100) / 100 : 0));
    const sched = Array.from({ length: H }, () => (r() < 0.08 ? int(1, 40) * 250 : 0));
    const sources = gross.map((g) =>
      g > 0 && r() < 0.7
        ? [
            { source: `KO K${int(1000, 9999)}`, lbs: Math.round(g * 0.6 * 100) / 100 },
            { source: 'forecast', lbs: g },
          ]
        : [],
    );
    items.push({
      yarnId: String(10000 + y),
      description: `1/150/48 100% Polyester Natural #${y}`,
      supplierName: pickOne(supplierNames),
      onHandLbs: Math.round((r() < 0.1 ? -1 : 1) * level * 4 * r() * 100) / 100,
      pastDueReceiptsLbs: r() < 0.1 ? int(-2, 6) * 100 : 0,
      grossByWeek: gross,
      scheduledReceiptsByWeek: sched,
      demandSourcesByWeek: sources,
      costPerLb: r() < 0.05 ? 0 : Math.round((1 + 8 * r()) * 100) / 100,
    });
    if (opts.varyPolicy && r() < 0.6) {
      const lot: LotSizingRule = pickOne<LotSizingRule>([
        { kind: 'lotForLot' },
        { kind: 'fixedPeriod', periodWeeks: int(1, 6) },
        { kind: 'eoq', orderingCostUsd: 100, holdingRatePerYear: 0.25 },
      ]);
      const ss: SafetyStockRule = pickOne<SafetyStockRule>([
        { kind: 'none' },
        { kind: 'weeksOfCover', weeks: int(1, 4) },
        { kind: 'serviceLevel', serviceLevel: pickOne([0.8, 0.95, 0.99]) },
        { kind: 'fixedLbs', lbs: int(0, 2000) },
      ]);
      overrides.push({
        yarnId: String(10000 + y),
        lotSizing: lot,
        safetyStock: ss,
        ...(r() < 0.4 ? { orderMultipleLbs: pickOne([25, 100, 250, 37.5]) } : {}),
        ...(r() < 0.3 ? { moqLbs: pickOne([0, 300, 1000, 4400]) } : {}),
        ...(r() < 0.2 ? { leadTimeDays: int(0, 250) } : {}),
      });
    }
  }
  const asOf = addDays('2025-09-01', opts.varyPolicy ? int(0, 6) : 1);
  const policy: PurchasingPolicy = {
    ...purchasingPolicyDefaults,
    supplierLeadTimeUnit: 'days',
    ...(opts.varyPolicy
      ? {
          receiptWeekday: int(1, 7),
          countPastDueReceipts: r() < 0.7,
          skipLateOrdersRecoveredByReceipts: r() < 0.7,
          suggestForRetiredSupplier: r() < 0.3,
          suggestWithoutSupplier: r() < 0.7,
          defaultOrderMultipleLbs: pickOne([1, 50]),
        }
      : {}),
  };
  return { input: { calendar: { asOf, weekStarts: planWeekStarts(asOf, H) }, items, suppliers: randomSuppliers, yarnOverrides: overrides }, policy };
}
