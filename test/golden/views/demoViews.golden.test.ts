// Service-level golden test: the embedded demo (fixed seed and date) loaded and planned through the app's own entry
// points — `demo.load` on the planner, jobs run by the job registry (inline), the plan and the forecast started as the
// app starts them — then EVERY view channel called through the contract's dispatch (input and output schemas
// checked), with values recomputed here from the demo's own input rows (the generator's in-memory ERP), never copied
// from an output. It covers the inputs (services/inputs) and the views (services/views), not only the engine.
//
// The hand calculation of the projected yarn balance uses the ERP's phasing rule as the demo generator writes it
// (erp-exports-profile §5a/§5b), with the exported KO Balance: the plan phases the exported balance, also for the
// few KOs the demo plants with a stale one. The generator phases with the yarn engine's rule (one rule:
// engine/yarn/phasing.ts), which test/unit/yarn/phasing.test.ts and the golden yarn cases check on their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../src/shared/contract';
import { addDays, daysBetween, isoWeekday, mondayOf } from '../../../src/shared/dates';
import { policyDefaults } from '../../../src/shared/policy';
import { viewChannels, VIEW_CHANNELS, type ViewChannel, type ViewInput, type ViewOutput } from '../../../src/shared/views';
import { buildDemoDataset, type DemoDataset } from '../../../src/main/demo';
import { erpCalendar, scheduleKnitOrder } from '../../../src/main/demo/build/erpRules';
import type { KnitOrder, Supplier } from '../../../src/main/demo/types';
import { dispatch } from '../../../src/main/services/contract/dispatch';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { DEMO_SEED } from '../../../src/main/services/jobs/demoJob';
import { runJob } from '../../../src/main/services/jobs/registry';
import { JobHost } from '../../../src/main/workers/jobHost';
import { tempDir } from '../../support/tempDb';

const AS_OF = '2025-09-02';
const NOW = `${AS_OF}T08:00:00.000Z`;
/** The ERP layout's dated buckets: This Week + 8 numbered weeks (the 10th, Later, lumps the rest). */
const ERP_WEEKS = 9;
const yarnPolicy = policyDefaults.yarn;

let tmp: ReturnType<typeof tempDir>;
let planner: Planner;
let ds: DemoDataset;

/** One view through the contract, as the renderer's client calls it; fails the test on a refused call. */
async function view<C extends ViewChannel>(channel: C, input: ViewInput<C>): Promise<ViewOutput<C>> {
  const r = await dispatch(planner.handlers, channel satisfies ChannelName, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`);
  return r.data as ViewOutput<C>;
}

async function jobsIdle(): Promise<void> {
  for (;;) {
    const running = planner.jobs.list().filter((j) => j.status === 'running');
    if (!running.length) return;
    await Promise.all(running.map((j) => planner.jobs.wait(j.jobId)));
  }
}

beforeAll(async () => {
  tmp = tempDir('bkp-golden-views-');
  const clock = () => NOW;
  const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob, clock });
  planner = createPlanner({ dbPath: tmp.dbPath, shell: 'test', jobs, clock });
  const loaded = await dispatch(planner.handlers, 'demo.load', { scale: 1 });
  if (!loaded.ok) throw new Error(loaded.error.message);
  // The app's chain: the demo import makes the snapshot active and plans it; the plan starts the forecast.
  await jobsIdle();
  const failed = planner.jobs.list().filter((j) => j.status !== 'done');
  if (failed.length) throw new Error(failed.map((j) => `${j.kind}: ${j.error}`).join('; '));
  ds = buildDemoDataset({ seed: DEMO_SEED, scale: 1, asOf: AS_OF });
}, 300_000);

afterAll(async () => {
  await planner?.close();
  tmp?.cleanup();
});

// ---------- the hand calculation, from the demo's input rows ----------

const close = (actual: number, expected: number, tolerance = 0.01) => Math.abs(actual - expected) <= tolerance;
const id = (descId: number) => String(descId);
const sum = (values: number[]) => values.reduce((t, v) => t + v, 0);

/** Open knit orders as the plan reads them: in the knit-order export, with a balance above zero. */
const openOrders = (): KnitOrder[] => ds.knitOrders.filter((k) => !k.apiOnly && k.balanceLbs > yarnPolicy.minOpenBalanceLbs);
/** The open orders that make yarn demand: those of a style the ERP has a BOM for. */
const demandOrders = (): KnitOrder[] => openOrders().filter((k) => k.greige.hasErpBom);

/** The ERP rule's phasing of one order over the 10 ERP buckets, with its exported balance. */
const phased = (k: KnitOrder): number[] => scheduleKnitOrder(erpCalendar(AS_OF), k.startDate, k.balanceLbs, k.greige.erpLbsPerDay);

interface HandYarn {
  inventoryLbs: number;
  demandLbs: number[];
  receiptsLbs: number[];
  /** Projected balance at the end of each ERP bucket (past-due receipts stay out of the chain). */
  balanceLbs: number[];
}

/** Per yarn with demand or receipts: the ERP Yarn_Demand chain over the 10 buckets. */
function handProjection(): Map<string, HandYarn> {
  const out = new Map<string, HandYarn>();
  const of = (descId: number): HandYarn => {
    let y = out.get(id(descId));
    if (!y)
      out.set(
        id(descId),
        (y = {
          inventoryLbs: ds.positions.get(descId)?.theoreticalLbs ?? 0,
          demandLbs: Array(10).fill(0),
          receiptsLbs: Array(10).fill(0),
          balanceLbs: [],
        }),
      );
    return y;
  };
  for (const k of demandOrders()) {
    const weeks = phased(k);
    for (const c of k.greige.bom) weeks.forEach((lbs, b) => (of(c.descId).demandLbs[b] += lbs * c.fraction));
  }
  for (const po of ds.yarnPos) po.schedule.forEach((lbs, b) => (of(po.descId).receiptsLbs[b] += lbs));
  // The ERP lists the BOM yarns of styles whose orders carry no balance too, with zero demand.
  for (const row of ds.styleDemand) of(row.yarn);
  for (const y of out.values()) {
    let running = y.inventoryLbs;
    y.balanceLbs = y.demandLbs.map((d, b) => (running += y.receiptsLbs[b] - d));
  }
  return out;
}

function riskBand(lbs: number): 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' {
  if (lbs < yarnPolicy.criticalBelowLbs) return 'CRITICAL';
  if (lbs < yarnPolicy.highBelowLbs) return 'HIGH';
  if (lbs < yarnPolicy.mediumBelowLbs) return 'MEDIUM';
  return 'LOW';
}

const yarnOf = (yarnId: string) => ds.yarnById.get(Number(yarnId))!;
const isDoNotUse = (s: Supplier) => /\(Do not Use\)/.test(s.listedAs ?? '');

// ---------- the views ----------

describe('every view of the demo plan, against the demo input rows', () => {
  it('answers every view channel through the contract (output schema checked)', async () => {
    const position = await view('view.yarnPosition', {});
    const forecast = await view('view.forecast', {});
    const inputs: { [C in ViewChannel]: ViewInput<C> } = {
      'view.dashboard': {},
      'view.alerts': {},
      'view.yarnPosition': {},
      'view.yarnShortages': {},
      'view.yarnDetail': { yarnId: position.rows.find((r) => r.firstShortWeek)!.yarnId },
      'view.demand': {},
      'view.purchasing': {},
      'view.capacity': {},
      'view.schedule': {},
      'view.forecast': {},
      'view.forecastSeries': { series: forecast.series[0].series },
    };
    expect(VIEW_CHANNELS.sort()).toEqual(Object.keys(inputs).sort());
    for (const channel of VIEW_CHANNELS) {
      const data = await view(channel, inputs[channel] as never);
      expect(viewChannels[channel].output.safeParse(data).success, channel).toBe(true);
      if ('asOf' in data) expect(data.asOf, channel).toBe(AS_OF);
    }
  });

  it('yarn position: every yarn of the inventory with its ERP balances, weekly usage, weeks of supply and risk band', async () => {
    const v = await view('view.yarnPosition', {});
    const hand = handProjection();
    expect(v.rows.map((r) => r.yarnId).sort()).toEqual([...ds.positions.keys()].map(id).sort());
    for (const r of v.rows) {
      const p = ds.positions.get(Number(r.yarnId))!;
      expect(close(r.theoreticalBalanceLbs, p.theoreticalLbs), r.yarnId).toBe(true);
      expect(close(r.allocatedLbs, p.allocatedLbs), r.yarnId).toBe(true);
      expect(close(r.onOrderLbs, p.onOrderLbs), r.yarnId).toBe(true);
      // Planning = Theoretical + Allocated (negative) + On Order
      expect(close(r.planningBalanceLbs, p.theoreticalLbs + p.allocatedLbs + p.onOrderLbs, 0.05), r.yarnId).toBe(true);
      expect(r.costPerLb, r.yarnId).toBe(yarnOf(r.yarnId).costPerLb);
      // Weekly usage: the average phased demand of the first 8 weeks, else |Allocated| / 8.
      const phasedUsage = sum((hand.get(r.yarnId)?.demandLbs ?? []).slice(0, yarnPolicy.usageAverageWeeks)) / yarnPolicy.usageAverageWeeks;
      const usage = phasedUsage > 0 ? phasedUsage : Math.abs(p.allocatedLbs) / yarnPolicy.allocatedSpreadWeeks;
      expect(close(r.weeklyUsageLbs, usage), `${r.yarnId} usage ${r.weeklyUsageLbs} vs ${usage}`).toBe(true);
      expect(r.weeklyUsageSource).toBe(phasedUsage > 0 ? 'phased-demand' : usage > 0 ? 'allocated' : 'none');
      if (usage > 0) expect(close(r.weeksOfSupply!, p.theoreticalLbs > 0 ? p.theoreticalLbs / usage : 0), r.yarnId).toBe(true);
      else expect(r.weeksOfSupply).toBeNull();
      // The band of the worse of the planning balance and the deepest projected deficit (no PO drafts yet).
      expect(r.draftLbs).toBe(0);
      expect(r.risk, r.yarnId).toBe(riskBand(Math.min(p.planningLbs, -r.maxDeficitLbs)));
      // The deepest deficit is at least the deepest one of the ERP weeks.
      const deepest = Math.max(0, ...(hand.get(r.yarnId)?.balanceLbs.slice(0, ERP_WEEKS) ?? []).map((b) => -b));
      expect(r.maxDeficitLbs, r.yarnId).toBeGreaterThanOrEqual(deepest - 0.05);
    }
    const counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
    for (const r of v.rows) counts[r.risk]++;
    expect(v.counts).toEqual(counts);
    expect(counts.CRITICAL).toBeGreaterThan(0);
  });

  it('demand: the ERP layouts by knit order, by style and by yarn, from the open orders, their BOM and rate', async () => {
    const v = await view('view.demand', {});
    const cal = erpCalendar(AS_OF);
    expect(v.byKo.buckets).toEqual(['This Week', ...cal.weekNumbers.map((w) => `Week ${w}`), 'Later']);
    const expected = new Map<string, { total: number; percentage: number; buckets: number[] }>();
    for (const k of demandOrders()) {
      const weeks = phased(k);
      for (const c of k.greige.bom)
        expected.set(`${k.orderNo}|${c.descId}`, {
          total: k.balanceLbs * c.fraction,
          percentage: c.fraction * 100,
          buckets: weeks.map((w) => w * c.fraction),
        });
    }
    expect(v.byKo.rows.map((r) => `${r.orderNo}|${r.yarnId}`).sort()).toEqual([...expected.keys()].sort());
    for (const r of v.byKo.rows) {
      const e = expected.get(`${r.orderNo}|${r.yarnId}`)!;
      expect(close(r.totalLbs, e.total), `${r.orderNo} ${r.yarnId}`).toBe(true);
      expect(close(r.percentage, e.percentage), `${r.orderNo} ${r.yarnId}`).toBe(true);
      r.bucketsLbs.forEach((lbs, b) => expect(close(lbs, e.buckets[b]), `${r.orderNo} ${r.yarnId} bucket ${b}`).toBe(true));
    }
    // by style: the KO rows summed per (style, yarn)
    for (const r of v.byStyle.rows) {
      const kos = demandOrders().filter((k) => k.greige.style === r.style.trim());
      const lbs = sum(kos.map((k) => k.balanceLbs * (k.greige.bom.find((c) => id(c.descId) === r.yarnId)?.fraction ?? 0)));
      expect(close(r.totalLbs, lbs), `${r.style} ${r.yarnId}`).toBe(true);
    }
    // by yarn: inventory, demand, receipts and the balance chain of the dated weeks
    const hand = handProjection();
    expect(v.byYarn.rows.map((r) => r.yarnId).sort()).toEqual([...hand.keys()].sort());
    for (const r of v.byYarn.rows) {
      const h = hand.get(r.yarnId)!;
      expect(close(r.inventoryLbs, h.inventoryLbs), r.yarnId).toBe(true);
      for (let b = 0; b < ERP_WEEKS; b++) {
        expect(close(r.buckets[b].demandLbs, h.demandLbs[b]), `${r.yarnId} demand ${b}`).toBe(true);
        expect(close(r.buckets[b].receiptsLbs, h.receiptsLbs[b]), `${r.yarnId} receipts ${b}`).toBe(true);
        expect(close(r.buckets[b].balanceLbs, h.balanceLbs[b]), `${r.yarnId} balance ${b}: ${r.buckets[b].balanceLbs} vs ${h.balanceLbs[b]}`).toBe(
          true,
        );
      }
    }
    // styles: the ERP's BOM and the Production Lbs rate
    const styleByName = new Map(v.styles.map((s) => [s.style, s]));
    const rated = demandOrders().find((k) => k.greige.productionLbsPerDay !== null)!;
    const s = styleByName.get(rated.greige.style)!;
    expect(s.rateLbsPerDay).toBeCloseTo(rated.greige.productionLbsPerDay!, 2);
    expect(s.rateSource).toBe('production-lbs');
    expect(s.styleBase).toBe(rated.greige.base);
    expect(s.bomLines.map((l) => [l.yarnId, l.fraction]).sort()).toEqual(rated.greige.bom.map((c) => [id(c.descId), c.fraction]).sort());
    // layers are off by default
    expect([v.salesOrderLayerOn, v.forecastLayerOn]).toEqual([false, false]);
  });

  it('dashboard: the shortage timeline of the ERP weeks, the KPIs and the busiest work centers', async () => {
    const v = await view('view.dashboard', {});
    const hand = handProjection();
    const cal = erpCalendar(AS_OF);
    for (let w = 0; w < ERP_WEEKS; w++) {
      const short = [...hand.values()].map((h) => h.balanceLbs[w]).filter((b) => b < 0);
      expect(v.shortageTimeline[w].weekStart).toBe(addDays(cal.thisWeekMonday, 7 * w));
      expect(v.shortageTimeline[w].yarnsShort, `week ${w}`).toBe(short.length);
      expect(close(v.shortageTimeline[w].lbsShort, -sum(short), 0.1), `week ${w}: ${v.shortageTimeline[w].lbsShort} vs ${-sum(short)}`).toBe(true);
    }
    const shortages = await view('view.yarnShortages', {});
    const position = await view('view.yarnPosition', {});
    const purchasing = await view('view.purchasing', {});
    const schedule = await view('view.schedule', {});
    const capacity = await view('view.capacity', {});
    const alerts = await view('view.alerts', {});
    // every yarn short in an ERP week is short, and its deficit counts at least that week's
    const shortInErpWeeks = [...hand.entries()].filter(([, h]) => h.balanceLbs.slice(0, ERP_WEEKS).some((b) => b < 0));
    expect(v.kpis.yarnsShort).toBe(shortages.rows.length);
    expect(v.kpis.yarnsShort).toBeGreaterThanOrEqual(shortInErpWeeks.length);
    const deepestInErpWeeks = sum(shortInErpWeeks.map(([, h]) => Math.max(...h.balanceLbs.slice(0, ERP_WEEKS).map((b) => -b))));
    expect(v.kpis.lbsShort).toBeGreaterThanOrEqual(deepestInErpWeeks - 0.1);
    expect(close(v.kpis.lbsShort, sum(shortages.rows.map((r) => r.maxDeficitLbs)), 0.1)).toBe(true);
    // and what is left if the past-due receipts arrived, as the shortage report gives it (issue 16.6)
    const left = shortages.rows.map((r) => r.maxDeficitLbs - r.pastDueReceiptsLbs).filter((l) => l > 0);
    expect(v.kpis.yarnsShortAfterPastDue).toBe(left.length);
    expect(close(v.kpis.lbsShortAfterPastDue, sum(left), 0.1)).toBe(true);
    // valued at the yarn's cost per lb from the inventory
    expect(close(v.kpis.valueShortUsd, sum(shortages.rows.map((r) => r.maxDeficitLbs * yarnOf(r.yarnId).costPerLb)), 1)).toBe(true);
    expect(v.kpis.criticalYarns).toBe(
      position.rows.filter((r) => riskBand(Math.min(ds.positions.get(Number(r.yarnId))!.planningLbs, -r.maxDeficitLbs)) === 'CRITICAL').length,
    );
    expect(v.kpis.suggestedOrders).toBe(purchasing.suggestions.length);
    expect(close(v.kpis.suggestedValueUsd, sum(purchasing.suggestions.map((s) => s.qtyLbs * yarnOf(s.yarnId).costPerLb)), 1)).toBe(true);
    expect(v.kpis.expediteOrders).toBe(purchasing.suggestions.filter((s) => s.releaseDate < AS_OF).length);
    expect(v.kpis.lateOrders).toBe(schedule.orders.filter((o) => o.quotedDate !== null && o.plannedFinish > o.quotedDate).length);
    expect(v.kpis.ordersAtRisk).toBe(schedule.orders.filter((o) => o.late || o.materialShort).length);
    const peaks = capacity.workCenters.map((w) => w.peakUtilisationPct).filter((p): p is number => p !== null);
    expect(v.kpis.peakUtilisationPct).toBeCloseTo(Math.max(...peaks), 0);
    expect(v.kpis.overloadedWorkCenters).toBe(capacity.workCenters.filter((w) => w.overloadedWeeks > 0).length);
    expect(v.workCenterLoad[0].workCenter).toBe(
      capacity.workCenters.reduce((a, b) => ((b.peakUtilisationPct ?? 0) > (a.peakUtilisationPct ?? 0) ? b : a)).workCenter,
    );
    expect(v.alertCounts).toEqual(alerts.counts);
    expect(v.alerts.length).toBe(Math.min(12, alerts.alerts.length));
  });

  it('yarn shortages: where each yarn first goes short in the ERP weeks, and by how much', async () => {
    const v = await view('view.yarnShortages', {});
    const hand = handProjection();
    const cal = erpCalendar(AS_OF);
    const rows = new Map(v.rows.map((r) => [r.yarnId, r]));
    let checked = 0;
    for (const [yarnId, h] of hand) {
      const first = h.balanceLbs.slice(0, ERP_WEEKS).findIndex((b) => b < 0);
      if (first < 0) continue;
      const r = rows.get(yarnId);
      expect(r, yarnId).toBeDefined();
      expect(r!.firstShortWeek, yarnId).toBe(addDays(cal.thisWeekMonday, 7 * first));
      expect(close(r!.deficitAtFirstShortLbs, -h.balanceLbs[first], 0.05), yarnId).toBe(true);
      expect(close(r!.planningBalanceLbs!, ds.positions.get(Number(yarnId))!.planningLbs), yarnId).toBe(true);
      // the orders pegged are the ones with demand for the yarn up to that week, for what they need by then
      const pegged = new Map<string, number>();
      for (const k of demandOrders()) {
        const c = k.greige.bom.find((x) => id(x.descId) === yarnId);
        if (!c) continue;
        const lbs = sum(phased(k).slice(0, first + 1)) * c.fraction;
        if (lbs > 0.005) pegged.set(k.orderNo, lbs);
      }
      expect(r!.pegged.map((p) => p.orderNo).sort(), yarnId).toEqual([...pegged.keys()].sort());
      for (const p of r!.pegged) expect(close(p.lbs, pegged.get(p.orderNo)!, 0.05), `${yarnId} ${p.orderNo}`).toBe(true);
      expect(close(r!.peggedLbs, sum([...pegged.values()]), 0.05), yarnId).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('yarn detail: the weekly picture, the orders consuming it, its POs and what the plan found wrong in its data', async () => {
    const hand = handProjection();
    // A short yarn whose inventory figures all move (received, consumed) and that has POs, checked against its rows.
    const candidates = [...hand.entries()].filter(([yarnId, h]) => {
      const p = ds.positions.get(Number(yarnId))!;
      return h.balanceLbs.slice(0, ERP_WEEKS).some((b) => b < 0) && p.consumedLbs < 0 && ds.yarnPos.some((po) => id(po.descId) === yarnId);
    });
    expect(candidates.length).toBeGreaterThan(0);
    for (const [yarnId, h] of candidates.slice(0, 3)) {
      const v = await view('view.yarnDetail', { yarnId });
      const p = ds.positions.get(Number(yarnId))!;
      expect(close(v.inventoryLbs, p.theoreticalLbs)).toBe(true);
      for (let b = 0; b < ERP_WEEKS; b++) {
        expect(close(v.demandLbs[b], h.demandLbs[b], 0.05), `${yarnId} demand ${b}`).toBe(true);
        expect(close(v.receiptsLbs[b], h.receiptsLbs[b], 0.05), `${yarnId} receipts ${b}`).toBe(true);
        expect(close(v.balanceLbs[b], h.balanceLbs[b], 0.05), `${yarnId} balance ${b}`).toBe(true);
      }
      const consumers = demandOrders().filter((k) => k.greige.bom.some((c) => id(c.descId) === yarnId));
      expect(v.consumers.map((c) => c.orderNo).sort()).toEqual(consumers.map((k) => k.orderNo).sort());
      for (const c of v.consumers) {
        const k = consumers.find((x) => x.orderNo === c.orderNo)!;
        expect(close(c.totalLbs, k.balanceLbs * k.greige.bom.find((x) => id(x.descId) === yarnId)!.fraction, 0.05), c.orderNo).toBe(true);
      }
      const pos = ds.yarnPos.filter((po) => id(po.descId) === yarnId);
      expect([...new Set(v.receipts.map((r) => r.poNo))].sort()).toEqual(
        pos
          .filter((po) => po.schedule.some((q) => q > 0) || po.balanceLbs > 0)
          .map((po) => po.poNo)
          .sort(),
      );
      expect(v.receipts.every((r) => !r.isDraft)).toBe(true);
      // Theoretical = Beginning + Received + Consumed + Adjustments holds on the demo rows, so the plan finds nothing wrong.
      expect(close((p.beginningLbs ?? 0) + (p.receivedLbs ?? 0) + p.consumedLbs + (p.adjustmentsLbs ?? 0), p.theoreticalLbs, 0.01)).toBe(true);
      expect(v.dataWarnings, yarnId).toEqual([]);
    }
  });

  it('purchasing: no suggestion goes to a supplier the buyers marked "(Do not Use)"; lead time, MOQ and value from the supplier master and the yarn', async () => {
    const v = await view('view.purchasing', {});
    const bySupplierName = new Map(ds.suppliers.filter((s) => s.listedAs).map((s) => [s.listedAs!, s]));
    // The demo's master lists suppliers the buyers marked "(Do not Use)" without "Remove": only the name retires them.
    const doNotUse = ds.suppliers.filter((s) => isDoNotUse(s) && s.leadTimeAsExported !== 'Remove');
    expect(doNotUse.length).toBeGreaterThan(0);
    const needed = new Set([...v.suggestions.map((s) => s.yarnId), ...v.uncovered.map((u) => u.yarnId)]);
    const retiredYarns = [...needed].filter((yarnId) => isDoNotUse(yarnOf(yarnId).supplier));
    expect(retiredYarns.length).toBeGreaterThan(0);
    for (const yarnId of retiredYarns) {
      expect(
        v.suggestions.filter((s) => s.yarnId === yarnId),
        yarnId,
      ).toEqual([]);
      expect(v.uncovered.find((u) => u.yarnId === yarnId)?.reason, yarnId).toBe('retired supplier');
    }
    for (const s of v.suggestions) {
      expect(s.supplierName ?? '').not.toMatch(/do not use/i);
      const master = s.supplierName === null ? undefined : bySupplierName.get(s.supplierName);
      const matched = s.supplierMatch !== null && s.supplierMatch.method !== 'none';
      expect(matched, s.id).toBe(master !== undefined);
      // Lead_time read in weeks (the policy's default unit); the defaults for a supplier not in the master.
      const leadTimeDays = master ? (master.leadTimeAsExported as number) * 7 : policyDefaults.purchasing.defaultLeadTimeDays;
      const moqLbs = master ? (master.moq as number) : policyDefaults.purchasing.defaultMoqLbs;
      expect(s.leadTimeDays, s.id).toBe(leadTimeDays);
      expect(s.releaseDate, s.id).toBe(addDays(s.receiptDate, -leadTimeDays));
      expect(isoWeekday(s.receiptDate)).toBe(policyDefaults.purchasing.receiptWeekday);
      expect(s.action, s.id).toBe(s.releaseDate < AS_OF ? 'expedite' : 'release');
      expect(s.lateByDays, s.id).toBe(s.releaseDate < AS_OF ? daysBetween(s.releaseDate, AS_OF) : 0);
      // lot for lot, raised to the MOQ
      expect(s.qtyLbs, s.id).toBeGreaterThanOrEqual(Math.max(s.netRequirementLbs, moqLbs) - 1e-6);
      expect(s.qtyLbs, s.id).toBeLessThan(Math.max(s.netRequirementLbs, moqLbs) + 1);
      expect(close(s.valueUsd, s.qtyLbs * yarnOf(s.yarnId).costPerLb), s.id).toBe(true);
      // the pegging adds up to the receipt, and every knit-order source names its order
      expect(close(sum(s.pegging.map((p) => p.lbs)) + s.unpeggedLbs, s.qtyLbs, 0.1), s.id).toBe(true);
      for (const src of s.pegging.flatMap((p) => p.sources)) if (src.label.startsWith('KO ')) expect(src.orderNo, src.label).not.toBeNull();
    }
    expect(v.totals).toEqual({
      suggestions: v.suggestions.length,
      lbs: Math.round(sum(v.suggestions.map((s) => s.qtyLbs)) * 10) / 10,
      valueUsd: Math.round(sum(v.suggestions.map((s) => s.qtyLbs * yarnOf(s.yarnId).costPerLb))),
      expedite: v.suggestions.filter((s) => s.releaseDate < AS_OF).length,
    });
    for (const g of v.bySupplier) {
      const mine = v.suggestions.filter((s) => s.supplierName === g.supplierName);
      expect(g.suggestionCount, g.supplierName).toBe(mine.length);
      expect(close(g.totalLbs, sum(mine.map((s) => s.qtyLbs)), 0.1), g.supplierName).toBe(true);
    }
  });

  it('capacity: machines per work center from the machine list, days available from the plant calendar, each machine loaded with its orders', async () => {
    const v = await view('view.capacity', {});
    const schedule = await view('view.schedule', {});
    // working days from the as-of date to the end of the plan's horizon (Mon-Sat, no holidays by default)
    const end = addDays(mondayOf(AS_OF), 7 * policyDefaults.calendar.horizonWeeks);
    let workDays = 0;
    for (let d = AS_OF; d < end; d = addDays(d, 1)) if (isoWeekday(d) <= policyDefaults.calendar.workDaysPerWeek) workDays++;
    expect(v.weekStarts.length).toBe(policyDefaults.calendar.horizonWeeks);
    const machinesByWc = new Map<string, number>();
    for (const m of ds.park.machines) machinesByWc.set(m.workCenter, (machinesByWc.get(m.workCenter) ?? 0) + 1);
    // every work center with machines, and the ones only QuadS names when an order needs them (no capacity)
    const withMachines = v.workCenters.filter((w) => w.machines > 0);
    expect(withMachines.map((w) => w.workCenter).sort()).toEqual([...machinesByWc.keys()].sort());
    for (const w of v.workCenters.filter((x) => x.machines === 0)) {
      expect(ds.park.quadsOnlyWorkCenters, w.workCenter).toContain(w.workCenter);
      expect([w.daysAvailable, w.daysAssigned, w.utilisationPct]).toEqual([0, 0, null]);
      expect(w.daysUnassigned, w.workCenter).toBeGreaterThan(0);
    }
    for (const w of withMachines) {
      expect(w.machines, w.workCenter).toBe(machinesByWc.get(w.workCenter));
      expect(w.daysAvailable, w.workCenter).toBe(w.machines * workDays);
      const onIt = v.machines.filter((m) => m.workCenter === w.workCenter);
      // the machines' knitting days within the horizon (a machine's utilisation x its days available)
      expect(
        close(w.daysAssigned, sum(onIt.map((m) => ((m.utilisationPct ?? 0) * m.daysAvailable) / 100)), 0.2 * onIt.length + 0.1),
        w.workCenter,
      ).toBe(true);
      expect(w.daysAssigned, w.workCenter).toBeLessThanOrEqual(sum(onIt.map((m) => m.daysRequired)) + 0.1 * onIt.length);
      // utilisation of the assigned orders; the weekly figures count the unassigned ones of the work center too
      if (w.daysAvailable > 0) expect(close(w.utilisationPct!, (w.daysAssigned / w.daysAvailable) * 100, 0.1), w.workCenter).toBe(true);
    }
    // a machine carries the open orders the knit-order export puts on it, each for balance / rate knitting days
    const kept = schedule.orders.filter((o) => o.assignment === 'kept');
    expect(kept.length).toBeGreaterThan(50);
    // no rate: neither Production Lbs nor another version of the style's base lists one
    expect(v.unrated.map((u) => u.orderNo).sort()).toEqual(
      openOrders()
        .filter((k) => k.greige.erpLbsPerDay === null)
        .map((k) => k.orderNo)
        .sort(),
    );
    // every open order is loaded on its machine, waits for one, or has no rate; each once
    const machineIds = new Set(ds.park.machines.map((m) => id(m.id)));
    const unrated = new Set(v.unrated.map((u) => u.orderNo));
    const unassigned = new Set(v.unassigned.map((u) => u.orderNo));
    for (const k of openOrders()) {
      const onMachine = k.machine !== null && machineIds.has(id(k.machine));
      const where = unrated.has(k.orderNo)
        ? 'unrated'
        : unassigned.has(k.orderNo)
          ? 'unassigned'
          : v.machines.find((m) => m.orderNos.includes(k.orderNo))?.machineId;
      expect(where, k.orderNo).toBe(unrated.has(k.orderNo) ? 'unrated' : onMachine ? id(k.machine!) : 'unassigned');
    }
    for (const m of v.machines) {
      expect(m.daysAvailable, m.machineId).toBe(workDays);
      const expectedOrders = openOrders().filter(
        (k) => k.machine !== null && id(k.machine) === m.machineId && kept.some((o) => o.orderNo === k.orderNo),
      );
      expect(m.orderNos.filter((o) => kept.some((k) => k.orderNo === o)).sort(), m.machineId).toEqual(expectedOrders.map((k) => k.orderNo).sort());
    }
    const bottleneck = v.bottlenecks[0];
    expect(bottleneck.rank).toBe(1);
    expect(bottleneck.overloadedWeeks).toBe(v.workCenters.find((w) => w.workCenter === bottleneck.workCenter)!.overloadedWeeks);
  });

  it('schedule: each order on its machine for balance / rate knitting days, late against its quoted date', async () => {
    const v = await view('view.schedule', {});
    const byOrder = new Map(ds.knitOrders.map((k) => [k.orderNo, k]));
    let checked = 0;
    for (const o of v.orders) {
      const k = byOrder.get(o.orderNo)!;
      expect(k, o.orderNo).toBeDefined();
      expect(o.balanceLbs, o.orderNo).toBeCloseTo(k.balanceLbs, 1);
      expect(o.style).toBe(k.greige.style);
      if (o.assignment === 'kept') expect(o.machineId, o.orderNo).toBe(id(k.machine!));
      if (o.rateSource === 'production-lbs') {
        expect(o.rateLbsPerDay, o.orderNo).toBeCloseTo(k.greige.productionLbsPerDay!, 2);
        expect(close(o.knitDays, k.balanceLbs / k.greige.productionLbsPerDay!), o.orderNo).toBe(true);
        checked++;
      }
      expect(o.plannedStart >= AS_OF, o.orderNo).toBe(true);
      expect(o.quotedDate).toBe(k.quotedDate);
      const late = o.quotedDate !== null && o.plannedFinish > o.quotedDate;
      expect(o.late, o.orderNo).toBe(late);
      if (late) expect(o.latenessDays, o.orderNo).toBe(daysBetween(o.quotedDate!, o.plannedFinish));
      expect(o.status).toBe(o.materialShort ? 'material short' : late ? 'late' : 'on time');
      // the order's yarns are its style's BOM as the ERP has it (none when the ERP has no BOM for the style)
      expect(o.yarns.map((y) => y.yarnId).sort(), o.orderNo).toEqual(k.greige.hasErpBom ? k.greige.bom.map((c) => id(c.descId)).sort() : []);
    }
    expect(checked).toBeGreaterThan(50);
    expect(v.late.map((l) => l.orderNo).sort()).toEqual(
      v.orders
        .filter((o) => o.late)
        .map((o) => o.orderNo)
        .sort(),
    );
    // an order whose work center has no machine cannot be scheduled
    const wcs = new Set(ds.park.machines.map((m) => m.workCenter));
    for (const u of v.unschedulable.filter((x) => x.reason === 'no-compatible-machine'))
      expect(wcs.has(byOrder.get(u.orderNo)!.greige.workCenter), u.orderNo).toBe(false);
  });

  it('alerts: one per yarn whose band is above LOW, sized by the worse of the planning balance and the deficit', async () => {
    const v = await view('view.alerts', {});
    const shortages = new Map((await view('view.yarnShortages', {})).rows.map((r) => [r.yarnId, r]));
    const yarnAlerts = new Map(v.alerts.filter((a) => a.rule === 'yarn-short').map((a) => [a.params.yarnId!, a]));
    // Every yarn with a position, also one no knit order uses (no projection): its band is the Yarn page's.
    let checked = 0;
    for (const yarnId of [...ds.positions.keys()].map(id)) {
      const s = shortages.get(yarnId);
      const planning = ds.positions.get(Number(yarnId))!.planningLbs;
      if (!s && planning >= 0) continue;
      const level = Math.min(planning, -(s?.maxDeficitLbs ?? 0));
      const band = riskBand(level);
      const a = yarnAlerts.get(yarnId);
      if (band === 'LOW') {
        expect(a, yarnId).toBeUndefined();
        continue;
      }
      expect(a?.severity, yarnId).toBe(band.toLowerCase());
      expect(close(a!.impactLbs, Math.max(s?.deficitAtFirstShortLbs ?? 0, -level), 0.01), yarnId).toBe(true);
      expect(close(a!.impactUsd, a!.impactLbs * yarnOf(yarnId).costPerLb, 0.01), yarnId).toBe(true);
      checked++;
    }
    expect(checked).toBe(yarnAlerts.size);
    const counts = { critical: 0, high: 0, medium: 0, low: 0 };
    for (const a of v.alerts) counts[a.severity]++;
    expect(v.counts).toEqual(counts);
  });

  it('forecast: weekly sales history per style from the sales lines, the lines it cannot convert, the series detail', async () => {
    const v = await view('view.forecast', {});
    const lastMonday = addDays(mondayOf(AS_OF), -7);
    expect(v.historyWeeks[v.historyWeeks.length - 1]).toBe(lastMonday);
    const first = v.historyWeeks[0];
    const inHistory = ds.salesLines.filter((l) => mondayOf(l.invoiceDate) >= first && mondayOf(l.invoiceDate) <= lastMonday);
    // 'each' is a count: left out, one line issue each
    const each = inHistory.filter((l) => l.uom === 'each');
    expect(each.length).toBeGreaterThan(0);
    expect(
      v.lineIssues
        .filter((i) => i.action === 'excluded' && i.uom === 'each')
        .map((i) => i.document)
        .sort(),
    ).toEqual(each.map((l) => l.document).sort());
    // a style sold in yards only: its history is the sum of its lines per week
    const styles = new Map<string, typeof inHistory>();
    for (const l of inHistory) styles.set(l.fStyle, [...(styles.get(l.fStyle) ?? []), l]);
    const ydsOnly = [...styles.entries()].filter(([, lines]) => lines.length > 20 && lines.every((l) => l.uom === 'yds'));
    expect(ydsOnly.length).toBeGreaterThan(0);
    const [style, lines] = ydsOnly[0];
    const series = v.series.find((s) => s.level === 'style' && s.style === style)!;
    expect(series, style).toBeDefined();
    expect(series.historyTotal).toBeCloseTo(sum(lines.map((l) => l.qty)), 0);
    const detail = await view('view.forecastSeries', { series: series.series });
    expect(detail.historyWeeks).toEqual(v.historyWeeks);
    v.historyWeeks.forEach((week, i) =>
      expect(detail.history[i], `${style} ${week}`).toBeCloseTo(sum(lines.filter((l) => mondayOf(l.invoiceDate) === week).map((l) => l.qty)), 3),
    );
    detail.point.forEach((p, i) =>
      expect(detail.lo80[i] <= p && p <= detail.hi80[i] && detail.lo95[i] <= detail.lo80[i] && detail.hi80[i] <= detail.hi95[i]).toBe(true),
    );
    // the demo's history runs to the week before the as-of week: no history gap, the forecast starts at the as-of week
    expect(v.historyGapWeeks).toEqual([]);
    expect(detail.historyGapWeeks).toEqual([]);
    expect(detail.forecastWeeks[0]).toBe(mondayOf(AS_OF));
    // what the run chose per series: the members' weights sum to 1; a single model is its own choice
    for (const s of v.series.filter((x) => x.method === 'statistical')) {
      expect(s.weights.length, s.series).toBe(s.models.length);
      expect(sum(s.weights), s.series).toBeCloseTo(1, 2);
      if (s.choice !== 'comb' && s.choice !== 'skill') expect(s.models, s.series).toEqual([s.choice]);
    }
    // every series of a reconciled level says the approach its level chose
    const byLevel = new Map<string, string>(v.hierarchy.levels.map((l) => [l.level, l.approach]));
    expect(v.hierarchy.problem === null ? byLevel.size : 0).toBe(v.hierarchy.problem === null ? 3 : 0);
    for (const s of v.series.filter((x) => x.unit === 'yds' && (x.level === 'total' || x.level === 'style')))
      if (byLevel.has(s.level)) expect(s.approach, s.series).toBe(byLevel.get(s.level));
    // the dashboard's tile is the company total's measured accuracy
    const dashboard = await view('view.dashboard', {});
    const total = v.series.find((s) => s.level === 'total')!;
    expect(dashboard.forecastAccuracy?.totalWapeH1to4).toBeCloseTo(v.accuracy.find((a) => a.group === 'TOTAL' && a.model === 'selected')!.wape!, 3);
    expect(total.historyTotal).toBeGreaterThan(series.historyTotal);
  });
});
