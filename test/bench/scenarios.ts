// Scenario benchmark: create a scenario with 50 overrides (store only), apply them to a synthetic 1x (and 10x)
// PlanningData, compare two plan summaries and compute alerts at the reference size (anchors §7 goals 2 and 6).
// Run: npx tsx test/bench/run.ts scenarios
import { performance } from 'node:perf_hooks';
import type { BenchArea, BenchFigure } from './types';
import { computeAlerts } from '../../src/main/engine/alerts';
import type { AlertInput } from '../../src/main/engine/alerts/types';
import { horizonEnd, planningCalendar } from '../../src/main/engine/calendar';
import { calendarPolicyDefaults } from '../../src/shared/policy/calendar';
import { applyOverrides } from '../../src/main/engine/scenarios/apply';
import { comparePlans } from '../../src/main/engine/scenarios/compare';
import type { PlanningData } from '../../src/shared/domain/entities';
import { addOverride, createScenario } from '../../src/main/store/scenarios';
import { insertSnapshot } from '../../src/main/store/snapshots';
import { addDays } from '../../src/shared/dates';
import { overrideSchema, type Override, type OverrideInput, type PlanSummary } from '../../src/shared/scenario';
import { tempDir } from '../support/tempDb';
import { fixture, ko, receipt, so, yarn } from '../unit/scenarios/fixture';
import { openStore } from '../../src/main/store/db';
import { mulberry32 } from '../../src/shared/prng';

const rng = mulberry32;

const ASOF = '2025-09-01';
const week = (i: number): string => addDays(ASOF, 7 * i);

/** 1x = the real plant's size: 1,200 yarns, 200 open KOs, 600 POs (~1,500 receipts), 290 machines, 500 SO lines. */
export function syntheticPlanningData(scale = 1, seed = 7): PlanningData {
  const r = rng(seed);
  const int = (n: number): number => Math.floor(r() * n);
  const base = fixture();
  const yarns = Array.from({ length: 1200 * scale }, (_, i) => yarn(`Y${i}`, Math.round(r() * 5000), Math.round(r() * 2000)));
  const styles = Array.from({ length: 300 * scale }, (_, i) => `S${i}/0`);
  const machines = Array.from({ length: 290 * scale }, (_, i) => ({ machineId: `M${i}`, workCenter: `WC${i % 90}`, workCenterRaw: `WC${i % 90}` }));
  const receipts = [];
  for (let p = 0; p < 600 * scale; p++) {
    const yarnId = `Y${int(yarns.length)}`;
    receipts.push(receipt(`P${p}`, yarnId, 'pastDue', null, -int(200)));
    for (let k = 0; k < 1 + int(3); k++) receipts.push(receipt(`P${p}`, yarnId, 'week', week(int(9)), 200 + int(2000)));
  }
  return {
    ...base,
    yarns,
    bomLines: styles.flatMap((style) =>
      [0, 1, 2].map(() => ({ style, yarnId: `Y${int(yarns.length)}`, fraction: 1 / 3, lineCount: 1, sourceFile: 'bom.csv' })),
    ),
    knitOrders: Array.from({ length: 200 * scale }, (_, i) =>
      ko(`K${i}`, styles[int(styles.length)], 200 + int(5000), { machine: `M${int(machines.length)}` }),
    ),
    salesOrders: Array.from({ length: 500 * scale }, (_, i) => so(`SO${i}`, `F${int(400)}/0`, 100 + int(3000), `Customer ${int(60)}`)),
    expectedReceipts: receipts,
    machines,
    knitRates: styles.map((style) => ({ style, lbsPerDay: 100 + int(900) })),
  };
}

/** 50 overrides of every kind, all referring to things in the data. */
export function fiftyOverrides(d: PlanningData): OverrideInput[] {
  const r = rng(11);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const make: (() => OverrideInput)[] = [
    () => ({ kind: 'knitOrder', koNumber: pick(d.knitOrders).koNumber, balanceLbs: 1000, machine: pick(d.machines).machineId, pinMachine: true }),
    () => ({ kind: 'poReceipt', poNumber: pick(d.expectedReceipts).poNumber, moveToWeek: week(4), qtyLbs: 1500 }),
    () => ({ kind: 'poDraftAdd', yarnId: pick(d.yarns).yarnId, qtyLbs: 2000, receiptWeek: week(3), supplier: 'ACME' }),
    () => ({ kind: 'machineDowntime', machineId: pick(d.machines).machineId, from: week(1), to: addDays(week(1), 4) }),
    () => ({ kind: 'knitRate', style: pick(d.knitRates).style, multiplier: 0.9 }),
    () => ({ kind: 'demandMultiplier', target: { by: 'style', style: pick(d.knitOrders).style }, multiplier: 1.2 }),
    () => ({ kind: 'demandMultiplier', target: { by: 'customer', customer: pick(d.salesOrders).soldTo! }, multiplier: 1.1 }),
    () => ({ kind: 'demandMultiplier', target: { by: 'layer', layer: 'salesOrders' }, multiplier: 1.05 }),
    () => ({ kind: 'policy', area: 'purchasing', key: 'defaultMoqLbs', value: 500 }),
    () => ({ kind: 'poDraftRemove', draftId: 'draft:x' }),
  ];
  return Array.from({ length: 50 }, (_, i) => make[i % make.length]());
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeMs(runs: number, f: () => void): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    out.push(performance.now() - t);
  }
  return median(out);
}

/** Plan summaries at the reference size (1,500 yarns, 2,000 suggestions, 20,000 orders, 250 work centers). */
function summaries(): [PlanSummary, PlanSummary] {
  const r = rng(3);
  const make = (shift: number): PlanSummary => ({
    yarns: Array.from({ length: 1500 }, (_, i) => ({
      yarnId: `Y${i}`,
      description: '',
      shortLbs: i % 3 === 0 ? 100 + ((i * 37 + shift) % 900) : 0,
      firstShortWeek: i % 3 === 0 ? week((i + shift) % 9) : null,
      recoveryWeek: null,
    })),
    suggestions: Array.from({ length: 2000 }, (_, i) => ({
      yarnId: `Y${i % 1500}`,
      supplier: 'ACME',
      qtyLbs: 1000 + (i % 7) * shift,
      valueUsd: 3000,
      receiptWeek: week(i % 9),
      releaseDate: ASOF,
      late: false,
    })),
    orders: Array.from({ length: 20_000 }, (_, i) => ({
      koNumber: `K${i}`,
      style: 'S',
      machine: null,
      finish: null,
      latenessDays: Math.round(r() * 20 - 15) + (i % 11 === 0 ? shift : 0),
      balanceLbs: 1000,
      materialShort: false,
    })),
    workCenters: Array.from({ length: 250 }, (_, i) => ({ workCenter: `WC${i}`, peakUtilisationPct: 50 + ((i * 7 + shift) % 70) })),
  });
  return [make(0), make(5)];
}

function alertInput(): AlertInput {
  const r = rng(5);
  return {
    asOf: ASOF,
    horizonEnd: horizonEnd(planningCalendar(ASOF, calendarPolicyDefaults)),
    yarns: Array.from({ length: 1500 }, (_, i) => ({
      yarnId: `Y${i}`,
      description: 'yarn',
      firstShortWeek: i % 4 === 0 ? week(i % 9) : null,
      shortLbs: i % 4 === 0 ? r() * 3000 : 0,
      maxDeficitLbs: i % 4 === 0 ? r() * 3000 : 0,
      recoveryWeek: null,
      costPerLb: 3,
      planningBalanceLbs: r() * 4000 - 1000,
      draftLbs: 0,
    })),
    workCenterWeeks: Array.from({ length: 250 * 26 }, (_, i) => ({
      workCenter: `WC${i % 250}`,
      week: week(Math.floor(i / 250)),
      utilisationPct: r() * 120,
    })),
    lateOrders: Array.from({ length: 2000 }, (_, i) => ({
      koNumber: `K${i}`,
      style: 'S',
      machine: null,
      latenessDays: r() * 30,
      balanceLbs: 1000,
      reason: 'busy',
    })),
    forecastDeviation: Array.from({ length: 3000 }, (_, i) => ({
      series: `F${i}`,
      unit: 'lbs',
      weeks: [0, 1, 2, 3].map((k) => ({ week: week(k), actual: r() * 100, forecast: 50 })),
    })),
    importWarnings: [{ kind: 'rejected-row', count: 12, message: 'rows rejected' }],
  };
}

export const bench: BenchArea = async () => {
  const figures: BenchFigure[] = [];
  const data1x = syntheticPlanningData(1);
  const inputs = fiftyOverrides(data1x);

  const tmp = tempDir('bkp-bench-scenarios-');
  const db = openStore(tmp.dbPath);
  try {
    const snapshotId = insertSnapshot(db, { asOf: ASOF, label: 'bench', kind: 'import', source: 'bench', contentHash: 'bench', createdAt: ASOF });
    let created = createScenario(db, { snapshotId, name: 'warm-up', createdAt: ASOF, overrides: inputs });
    figures.push({
      name: 'create scenario with 50 overrides (file DB, median of 20)',
      value: timeMs(20, () => (created = createScenario(db, { snapshotId, name: 'what-if', createdAt: ASOF, overrides: inputs }))),
      unit: 'ms',
      budget: 1000,
    });
    const stored = db.prepare('SELECT length(overrides_json) FROM scenario WHERE id = ?').pluck().get(created.id) as number;
    figures.push({ name: 'stored size of a 50-override scenario', value: stored / 1024, unit: 'KiB', note: 'overrides only, no data copy' });

    const empty = createScenario(db, { snapshotId, name: 'one by one', createdAt: ASOF });
    const t = performance.now();
    for (const o of inputs) addOverride(db, empty.id, o);
    figures.push({ name: 'add 50 overrides one at a time (50 transactions)', value: performance.now() - t, unit: 'ms', budget: 1000 });

    const overrides: Override[] = created.overrides.map((o) => overrideSchema.parse(o));
    let warnings = 0;
    figures.push({
      name: 'apply 50 overrides to 1x PlanningData (median of 20)',
      value: timeMs(20, () => (warnings = applyOverrides(data1x, overrides, { draftIds: ['draft:x'] }).warnings.length)),
      unit: 'ms',
      budget: 1000,
      note: `${data1x.yarns.length} yarns, ${data1x.knitOrders.length} KOs, ${data1x.expectedReceipts.length} receipts; ${warnings} warnings`,
    });
    const data10x = syntheticPlanningData(10);
    const overrides10x = fiftyOverrides(data10x).map((o, i) => overrideSchema.parse({ id: `o${i + 1}`, label: 'bench', ...o }));
    figures.push({
      name: 'apply 50 overrides to 10x PlanningData (median of 5)',
      value: timeMs(5, () => applyOverrides(data10x, overrides10x)),
      unit: 'ms',
      budget: 1000,
      note: `${data10x.knitOrders.length} KOs, ${data10x.expectedReceipts.length} receipts, ${data10x.salesOrders.length} SO lines`,
    });
  } finally {
    db.close();
    tmp.cleanup();
  }

  const [a, b] = summaries();
  let rows = 0;
  figures.push({
    name: 'compare two plans (1,500 yarns, 2,000 POs, 20,000 orders)',
    value: timeMs(5, () => {
      const c = comparePlans(a, b);
      rows = c.shortages.length + c.suggestions.length + c.orders.length + c.workCenters.length;
    }),
    unit: 'ms',
    budget: 300,
    note: `${rows} row differences`,
  });
  const input = alertInput();
  let count = 0;
  figures.push({
    name: 'compute alerts (1,500 yarns, 6,500 WC weeks, 2,000 late, 3,000 series)',
    value: timeMs(5, () => (count = computeAlerts(input).alerts.length)),
    unit: 'ms',
    budget: 300,
    note: `${count} alerts`,
  });
  return figures;
};
