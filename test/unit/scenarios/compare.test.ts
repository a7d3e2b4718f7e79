import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../../src/main/engine/scenarios/apply';
import { comparePlans, planKpis } from '../../../src/main/engine/scenarios/compare';
import { computeYarnPlan, type YarnPlanInput } from '../../../src/main/engine/yarn';
import type { PlanningData } from '../../../src/shared/domain/entities';
import { yarnPolicyDefaults } from '../../../src/shared/policy/yarn';
import { calendarPolicyDefaults } from '../../../src/shared/policy/calendar';
import { planningCalendar } from '../../../src/main/engine/calendar';
import { overrideSchema, planComparisonSchema, type PlanSummary, type SummaryOrder, type SummarySuggestion } from '../../../src/shared/scenario';
import { fixture, ko, receipt, yarn } from './fixture';

const order = (koNumber: string, latenessDays: number | null, balanceLbs = 1000, extra: Partial<SummaryOrder> = {}): SummaryOrder => ({
  koNumber,
  style: 'S1/0',
  machine: 'M1',
  finish: '2025-10-01',
  latenessDays,
  balanceLbs,
  materialShort: false,
  ...extra,
});
const sugg = (yarnId: string, receiptWeek: string, qtyLbs: number, costPerLb = 3, late = false): SummarySuggestion => ({
  yarnId,
  supplier: 'ACME',
  qtyLbs,
  valueUsd: qtyLbs * costPerLb,
  receiptWeek,
  releaseDate: '2025-09-01',
  late,
});

const basePlan = (): PlanSummary => ({
  yarns: [
    { yarnId: 'Y1', description: 'cotton', shortLbs: 0, firstShortWeek: null, recoveryWeek: null },
    { yarnId: 'Y2', description: 'poly', shortLbs: 300, firstShortWeek: '2025-09-15', recoveryWeek: '2025-09-29' },
    { yarnId: 'Y3', description: 'spandex', shortLbs: 120, firstShortWeek: '2025-09-08', recoveryWeek: null },
  ],
  suggestions: [sugg('Y2', '2025-09-15', 300), sugg('Y3', '2025-09-22', 1000, 5)],
  orders: [order('K1', -2), order('K2', 4, 800), order('K3', 10, 500), order('K4', null)],
  workCenters: [
    { workCenter: '9.38.20.F', peakUtilisationPct: 92 },
    { workCenter: '4.30.28.M', peakUtilisationPct: 60 },
  ],
});

describe('comparePlans', () => {
  it('identical plans: every delta 0, no row differences', () => {
    const c = comparePlans(basePlan(), basePlan());
    expect(Object.values(c.deltas).every((v) => v === 0)).toBe(true);
    expect([c.shortages, c.suggestions, c.orders, c.workCenters]).toEqual([[], [], [], []]);
    expect(c.identical).toBe(true);
    expect(c.a).toEqual({
      yarnsShort: 2,
      lbsShort: 420,
      suggestionCount: 2,
      suggestedValueUsd: 5900,
      lateSuggestions: 0,
      lateOrders: 2,
      lbsLate: 1300,
      materialShortOrders: 0,
      peakUtilisationPct: 92,
    });
    expect(planComparisonSchema.safeParse(c).success).toBe(true);
  });

  it('a shortage that appears, one that disappears, one that changes; float noise is not a change', () => {
    const b = basePlan();
    b.yarns[0] = { ...b.yarns[0], shortLbs: 500, firstShortWeek: '2025-09-08', recoveryWeek: '2025-09-22' };
    b.yarns[1] = { ...b.yarns[1], shortLbs: 0, firstShortWeek: null, recoveryWeek: null };
    b.yarns[2] = { ...b.yarns[2], shortLbs: 120.3 };
    let c = comparePlans(basePlan(), b);
    expect(c.shortages.map((s) => [s.yarnId, s.change, s.deltaLbs])).toEqual([
      ['Y1', 'appears', 500],
      ['Y2', 'disappears', -300],
    ]);
    expect(c.shortages[0].b).toEqual({ shortLbs: 500, firstShortWeek: '2025-09-08', recoveryWeek: '2025-09-22' });
    expect(c.deltas).toMatchObject({ yarnsShort: 0 });
    expect(c.deltas.lbsShort).toBeCloseTo(200.3, 9);

    b.yarns[2] = { ...b.yarns[2], recoveryWeek: '2025-10-06' };
    c = comparePlans(basePlan(), b);
    expect(c.shortages.find((s) => s.yarnId === 'Y3')).toMatchObject({
      change: 'changes',
      a: { recoveryWeek: null },
      b: { recoveryWeek: '2025-10-06' },
    });
  });

  it('orders that become late, become on time, or change lateness; unchanged on-time orders are not listed', () => {
    const b = basePlan();
    b.orders = [order('K1', 5), order('K2', -1, 800), order('K3', 13, 500), order('K4', null), order('K5', 2, 100)];
    const c = comparePlans(basePlan(), b);
    expect(c.orders.map((o) => [o.koNumber, o.change, o.deltaLatenessDays])).toEqual([
      ['K1', 'becomesLate', 7],
      ['K3', 'latenessChanged', 3],
      ['K2', 'becomesOnTime', -5],
      ['K5', 'added', null],
    ]);
    // Late: K1 (1,000) + K3 (500) + K5 (100) vs K2 (800) + K3 (500).
    expect(c.deltas).toMatchObject({ lateOrders: 1, lbsLate: 300 });
    expect(c.identical).toBe(false);
  });

  it('suggestions: same week resized is changed, a moved one is paired as changed, others added/removed', () => {
    const b = basePlan();
    b.suggestions = [sugg('Y2', '2025-09-15', 400), sugg('Y3', '2025-09-29', 1000, 5, true), sugg('Y1', '2025-09-08', 500)];
    const c = comparePlans(basePlan(), b);
    expect(c.suggestions.map((s) => [s.yarnId, s.change, s.deltaQtyLbs, s.deltaValueUsd])).toEqual([
      ['Y1', 'added', 500, 1500],
      ['Y2', 'changed', 100, 300],
      ['Y3', 'changed', 0, 0],
    ]);
    expect(c.suggestions[2].b).toMatchObject({ receiptWeek: '2025-09-29', late: true });
    expect(c.deltas).toMatchObject({ suggestionCount: 1, suggestedValueUsd: 1800, lateSuggestions: 1 });

    // Same yarn, week and quantity, but now it cannot arrive in time.
    const expedite = comparePlans(basePlan(), {
      ...basePlan(),
      suggestions: [sugg('Y2', '2025-09-15', 300, 3, true), sugg('Y3', '2025-09-22', 1000, 5)],
    });
    expect(expedite.suggestions.map((s) => [s.yarnId, s.change, s.deltaQtyLbs])).toEqual([['Y2', 'changed', 0]]);
    expect(expedite.deltas.lateSuggestions).toBe(1);

    const removed = comparePlans(basePlan(), { ...basePlan(), suggestions: [] });
    expect(removed.suggestions.map((s) => [s.yarnId, s.change])).toEqual([
      ['Y3', 'removed'],
      ['Y2', 'removed'],
    ]);
  });

  it('work-center peak load moves', () => {
    const b = basePlan();
    b.workCenters = [
      { workCenter: '9.38.20.F', peakUtilisationPct: 118 },
      { workCenter: '4.30.28.M', peakUtilisationPct: 60.05 },
    ];
    const c = comparePlans(basePlan(), b);
    expect(c.workCenters).toEqual([{ workCenter: '9.38.20.F', aPeakUtilisationPct: 92, bPeakUtilisationPct: 118, deltaPct: 26 }]);
    expect(c.deltas.peakUtilisationPct).toBe(26);
  });
});

// ---------- end to end through the yarn engine ----------

/** The snapshot's entities as the yarn engine reads them (the plan run adds ERP reports, sales orders and stock). */
function yarnInput(d: PlanningData): YarnPlanInput {
  return { knitOrders: d.knitOrders, bomLines: d.bomLines, knitRates: d.knitRates, yarns: d.yarns, expectedReceipts: d.expectedReceipts };
}

function yarnSummary(d: PlanningData): PlanSummary {
  const plan = computeYarnPlan(yarnInput(d), planningCalendar(d.asOf, calendarPolicyDefaults), yarnPolicyDefaults);
  return {
    yarns: plan.projection.map((p) => ({
      yarnId: p.yarnId,
      description: p.description,
      shortLbs: p.shortage?.maxDeficitLbs ?? 0,
      firstShortWeek: p.shortage?.firstShortWeek ?? null,
      recoveryWeek: p.shortage?.recoveryWeek ?? null,
    })),
    suggestions: [],
    orders: [],
    workCenters: [],
  };
}

describe('scenario end to end: override -> yarn plan -> comparison', () => {
  it('delaying a PO past the shortage week makes the yarn short', () => {
    // Y1: 700 lbs on hand; K1 knits 1,200 lbs of S1/0 (100 % Y1) at 100 lbs/day x 6 = 600 lbs/week from Mon 09-01;
    // P1 brings 500 lbs in the week of 09-08. Balances: w0 700 - 600 = 100, w1 100 - 600 + 500 = 0 (not short).
    const base: PlanningData = {
      ...fixture(),
      yarns: [yarn('Y1', 700, 500)],
      knitOrders: [ko('K1', 'S1/0', 1200)],
      bomLines: fixture().bomLines.slice(0, 1),
      expectedReceipts: [receipt('P1', 'Y1', 'week', '2025-09-08', 500)],
      expectedPos: [],
    };
    const delay = overrideSchema.parse({ id: 'o1', label: 'P1 three weeks late', kind: 'poReceipt', poNumber: 'P1', moveToWeek: '2025-09-24' });
    const scenario = applyOverrides(base, [delay]);
    expect(scenario.warnings).toEqual([]);

    const c = comparePlans(yarnSummary(base), yarnSummary(scenario.data));
    // Delayed to the week of 09-22: w1 100 - 600 = -500, w2 -500, w3 -500 + 500 = 0 (recovered).
    expect(planKpis(yarnSummary(base)).yarnsShort).toBe(0);
    expect(c.shortages).toEqual([
      {
        yarnId: 'Y1',
        description: 'yarn Y1',
        change: 'appears',
        a: null,
        b: { shortLbs: 500, firstShortWeek: '2025-09-08', recoveryWeek: '2025-09-22' },
        deltaLbs: 500,
      },
    ]);
    expect(c.deltas).toMatchObject({ yarnsShort: 1, lbsShort: 500 });
  });
});
