// Yarn plan benchmark: a full computeYarnPlan on a synthetic model shaped like the real exports (1x: ~1,200 yarns,
// ~200 knit orders, ~6,000 BOM styles with duplicate and truncated lines, Production Lbs for 40 % of styles, two
// learned ERP reports, ~80 POs, ~130 sales orders, ~10k stock rolls) and on a 10x model.
// Run: npx tsx -e "import('./test/bench/yarn.ts').then(async (m) => console.table(await m.bench()))"
import { performance } from 'node:perf_hooks';
import type { BenchArea, BenchFigure } from './types';
import { checkAvailability, computeYarnPlan } from '../../src/main/engine/yarn';
import { planningCalendar } from '../../src/main/engine/calendar';
import { calendarPolicyDefaults } from '../../src/shared/policy/calendar';
import type {
  BomLine,
  ErpDemandReport,
  ExpectedReceipt,
  KnitOrder,
  ProductionRate,
  SalesOrder,
  StageStock,
  StyleBridgeResult,
  YarnInventory,
  YarnPlanInput,
} from '../../src/main/engine/yarn';
import { yarnPolicyDefaults } from '../../src/shared/policy/yarn';
import { addDays, mondayOf } from '../../src/shared/dates';
import { mulberry32 } from '../../src/shared/prng';

const AS_OF = '2025-09-02';

const rng = mulberry32;

export interface YarnModel {
  input: YarnPlanInput;
  bridge: Record<string, StyleBridgeResult>;
  styles: string[];
}

export function syntheticYarnModel(scale = 1, seed = 7): YarnModel {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const yarnIds = Array.from({ length: 1200 * scale }, (_, i) => String(10000 + i));
  const styles = Array.from({ length: 6000 * scale }, (_, i) => `S${Math.floor(i / 4)}/${i % 4}`);

  // BOM: 1-6 yarns per style, shares floor-truncated to 2 decimals, 10 % of lines duplicated.
  const bomLines: BomLine[] = [];
  for (const style of styles) {
    const n = int(1, 6);
    let left = 1;
    for (let k = 0; k < n; k++) {
      const share = k === n - 1 ? left : left * (0.2 + r() * 0.6);
      left -= share;
      const yarnId = yarnIds[int(0, yarnIds.length - 1)];
      const fraction = Math.floor(share * 100) / 100;
      if (r() < 0.1) {
        bomLines.push({ style, yarnId, fraction: Math.floor(fraction * 50) / 100 });
        bomLines.push({ style, yarnId, fraction: fraction - Math.floor(fraction * 50) / 100 });
      } else bomLines.push({ style, yarnId, fraction });
    }
  }
  const knitRates: ProductionRate[] = styles
    .filter(() => r() < 0.4)
    .map((style) => ({ style: r() < 0.01 ? ` ${style}` : style, lbsPerDay: 100 + r() * 1500 }));

  const koStyles = Array.from({ length: 170 * scale }, () => styles[int(0, styles.length - 1)]);
  const knitOrders: KnitOrder[] = Array.from({ length: 200 * scale }, (_, i) => {
    const balanceLbs = r() < 0.2 ? 0 : Math.round(r() * 20000 * 10) / 10;
    const order = {
      koNumber: `K${String(2500000 + i)}`,
      style: koStyles[int(0, koStyles.length - 1)],
      startDate: r() < 0.05 ? null : addDays(AS_OF, int(-60, 40)),
      balanceLbs,
    };
    int(1, 286); // the machine the order was drawn on (kept so the data stay the same)
    return order;
  });

  // Two earlier ERP runs (KO level) with the ERP rule's shape: a pro-rated week, full weeks, a partial week.
  const reports: ErpDemandReport[] = ['2025-08-22', '2025-08-28'].map((runDate) => {
    const rows: ErpDemandReport['rows'] = [];
    for (const ko of knitOrders.slice(0, 160 * scale)) {
      const weekly = 600 + r() * 5000;
      const buckets = [weekly * 0.45, weekly, weekly, weekly * 0.3, 0, 0, 0, 0, 0];
      for (const yarnId of [yarnIds[int(0, yarnIds.length - 1)], yarnIds[int(0, yarnIds.length - 1)]]) {
        const percentage = 50;
        rows.push({
          style: ko.style,
          koNumber: ko.koNumber,
          yarnId,
          percentage,
          bucketsLbs: [...buckets.map((b) => b * 0.5), 0],
          totalLbs: weekly * 1.375,
        });
      }
    }
    return { runDate, kind: 'by-style-ko', rows, knitOrders };
  });

  const yarns: YarnInventory[] = yarnIds.map((yarnId) => {
    const theoreticalBalanceLbs = Math.round((r() * 20000 - 2000) * 100) / 100;
    const allocatedLbs = -Math.round(r() * 5000);
    const onOrderLbs = r() < 0.1 ? Math.round(r() * 30000) : 0;
    return {
      yarnId,
      description: `yarn ${yarnId}`,
      supplier: `SUP${int(1, 128)}`,
      color: 'Natural',
      beginningBalanceLbs: theoreticalBalanceLbs,
      receivedLbs: 0,
      consumedLbs: 0,
      adjustmentsLbs: 0,
      theoreticalBalanceLbs,
      onOrderLbs,
      allocatedLbs,
      planningBalanceLbs: theoreticalBalanceLbs + onOrderLbs + allocatedLbs,
    };
  });
  const monday = mondayOf(AS_OF);
  const expectedReceipts: ExpectedReceipt[] = Array.from({ length: 80 * scale }, (_, i) => {
    const poNumber = `Y${2500000 + i}`;
    const yarnId = yarnIds[int(0, yarnIds.length - 1)];
    const pastDueLbs = r() < 0.5 ? Math.round(r() * 5000) : 0;
    const byWeek = Array.from({ length: int(0, 3) }, () => ({ weekStart: addDays(monday, 7 * int(0, 8)), qtyLbs: Math.round(r() * 10000) }));
    const laterLbs = r() < 0.3 ? Math.round(r() * 8000) : 0;
    return [
      ...(pastDueLbs ? [{ poNumber, yarnId, bucket: 'pastDue' as const, weekStart: null, qtyLbs: pastDueLbs }] : []),
      ...byWeek.map((w) => ({ poNumber, yarnId, bucket: 'week' as const, ...w })),
      ...(laterLbs ? [{ poNumber, yarnId, bucket: 'later' as const, weekStart: null, qtyLbs: laterLbs }] : []),
    ];
  }).flat();

  const bridge: Record<string, StyleBridgeResult> = {};
  const salesOrders: SalesOrder[] = Array.from({ length: 130 * scale }, (_, i) => {
    const finishedStyle = `F${i % (100 * scale)}-1/0`;
    if (r() < 0.85) bridge[finishedStyle] ??= { greigeStyle: koStyles[int(0, koStyles.length - 1)], ozPerLinYd: r() < 0.9 ? 4 + r() * 8 : null };
    return {
      soNumber: String(25000 + i),
      finishedBase: finishedStyle,
      uom: r() < 0.9 ? 'yds' : 'lbs',
      balanceQty: Math.round(r() * 8000),
      shipDate: r() < 0.5 ? addDays(AS_OF, int(-10, 70)) : null,
      quotedDate: null,
    };
  });
  const stages = ['F01', 'I01', 'G02', 'G00'] as const;
  const fabricRolls: StageStock[] = Array.from({ length: 10000 * scale }, () => {
    const stage = stages[int(0, 3)];
    return {
      stage,
      style: stage === 'G00' ? koStyles[int(0, koStyles.length - 1)] : `F${int(0, 100 * scale - 1)}-1/0`,
      qtyLbs: Math.round(r() * 600),
    };
  });

  return {
    input: { knitOrders, bomLines, knitRates, erpReports: reports, yarns, expectedReceipts, salesOrders, fabricRolls },
    bridge,
    styles,
  };
}

/** Best and median wall time of `runs` calls after a JIT warm-up. The best is the budgeted figure: on a shared
 * machine the median mostly measures the neighbours. CPU time of the process is reported alongside. */
function timeIt(runs: number, fn: () => void): { best: number; median: number; cpuMedian: number } {
  for (let i = 0; i < 3; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { best: Math.min(...wall), median: mid(wall), cpuMedian: mid(cpu) };
}

export const bench: BenchArea = async () => {
  const figures: BenchFigure[] = [];
  for (const [scale, budget, runs] of [
    [1, 100, 15],
    [10, 1000, 5],
  ] as const) {
    const model = syntheticYarnModel(scale);
    const styleBridge = (s: string) => model.bridge[s] ?? null;
    const calendar = planningCalendar(AS_OF, calendarPolicyDefaults);
    let plan = computeYarnPlan(model.input, calendar, yarnPolicyDefaults, { styleBridge });
    const t = timeIt(runs, () => {
      plan = computeYarnPlan(model.input, calendar, yarnPolicyDefaults, { styleBridge });
    });
    figures.push({
      name: `yarn plan full recompute ${scale}x`,
      value: t.best,
      unit: 'ms',
      budget,
      note:
        `best of ${runs}; median ${t.median.toFixed(0)} ms wall, ${t.cpuMedian.toFixed(0)} ms CPU; ` +
        `${model.input.yarns.length} yarns, ${model.input.knitOrders.length} KOs, ${model.input.bomLines.length} BOM lines -> ` +
        `${plan.demand.rows.length} KO x yarn rows, ${plan.projection.length} projected yarns`,
    });
    const json = timeIt(runs, () => JSON.parse(JSON.stringify(plan)));
    figures.push({
      name: `yarn plan JSON round trip ${scale}x`,
      value: json.best,
      unit: 'ms',
      note: `${(JSON.stringify(plan).length / 1e6).toFixed(1)} MB`,
    });
    if (scale === 1) {
      const style = plan.styles.find((s) => s.bom.lines.length > 0)!.style;
      const check = timeIt(runs, () => checkAvailability(style, 5000, AS_OF, plan));
      figures.push({ name: 'availability check 1x (with earliest-start search)', value: check.best, unit: 'ms', budget: 20 });
    }
  }
  return figures;
};
