// Hand-computed textbook MRP cases. Every model: as-of Monday 2025-09-01 (week 0 = 2025-W36), 8-week horizon,
// receipts due on the Monday of their week, no safety stock and lot-for-lot unless the case says otherwise.
// Notation: OH = projected on hand at the end of the week, NR = net requirement, PR = planned receipt.
import { expect } from 'vitest';
import { purchasingPolicyDefaults, type PurchasingPolicy } from '../../../src/shared/policy/purchasing';
import { planWeekStarts } from '../../../src/main/engine/calendar';
import { groupSuggestionsBySupplier } from '../../../src/main/engine/purchasing/aggregate';
import type { MrpInput, MrpItem, MrpResult, MrpSupplier } from '../../../src/main/engine/purchasing/types';

export const AS_OF = '2025-09-01';
/** The planning calendar's weeks: 8 from the as-of week. */
export const CALENDAR = { asOf: AS_OF, weekStarts: planWeekStarts(AS_OF, 8) };

export const basePolicy: PurchasingPolicy = {
  ...purchasingPolicyDefaults,
  safetyStock: 'none',
  lotSizing: 'lotForLot',
  defaultOrderMultipleLbs: 1,
};

// Lead times as Supplier_ID.csv exports them, in weeks (the policy's default unit): 14, 21, 210 and 35 days.
export const suppliers: MrpSupplier[] = [
  { supplierId: '1', name: 'ALPHA YARNS INC', leadTimeAsExported: 2, moqLbs: 0, retired: false },
  { supplierId: '2', name: 'BETA SPINNING', leadTimeAsExported: 3, moqLbs: 1000, retired: false },
  { supplierId: '3', name: 'GAMMA FIBERS', leadTimeAsExported: null, moqLbs: null, retired: true },
  { supplierId: '4', name: 'LONGHAUL TEXTILE', leadTimeAsExported: 30, moqLbs: 0, retired: false },
  { supplierId: '5', name: 'DELTA', leadTimeAsExported: 5, moqLbs: 0, retired: false },
];

export function item(yarnId: string, supplierName: string, onHandLbs: number, gross: number[], extra: Partial<MrpItem> = {}): MrpItem {
  return {
    yarnId,
    description: `yarn ${yarnId}`,
    supplierName,
    onHandLbs,
    pastDueReceiptsLbs: 0,
    grossByWeek: gross,
    scheduledReceiptsByWeek: [],
    costPerLb: 1,
    ...extra,
  };
}

export interface GoldenCase {
  name: string;
  title: string;
  input: MrpInput;
  policy?: Partial<PurchasingPolicy>;
  /** Assertions of the hand-computed figures (the golden file pins the rest). */
  check(result: MrpResult): void;
}

const input = (items: MrpItem[], extra: Partial<MrpInput> = {}): MrpInput => ({ calendar: CALENDAR, items, suppliers, ...extra });
const receipts = (r: MrpResult, yarnId?: string): [number, number][] =>
  r.suggestions.filter((s) => !yarnId || s.yarnId === yarnId).map((s) => [s.receiptWeek, s.qtyLbs]);
const only = (r: MrpResult, yarnId?: string) => r.items.find((i) => !yarnId || i.yarnId === yarnId)!;

export const cases: GoldenCase[] = [
  {
    // OH: W0 500-200=300, W1 100, W2 100-200=-100 -> NR 100, PR 100, OH 0; W3 0-200 -> NR 200, PR 200;
    // W4 0; W5 0-300 -> NR 300, PR 300. Lead time 14 d: releases W2->09-01, W3->09-08, W5->09-22.
    // Pegging FIFO: on hand 500 = W0 200 + W1 200 + W2 100, so the W2 receipt supplies the other 100 of W2.
    name: '01-lot-for-lot',
    title: 'Lot-for-lot: each net requirement becomes one planned receipt of exactly that size',
    input: input([item('Y1', 'ALPHA YARNS INC', 500, [200, 200, 200, 200, 0, 300, 0, 0])]),
    check(r) {
      expect(receipts(r)).toEqual([
        [2, 100],
        [3, 200],
        [5, 300],
      ]);
      expect(r.suggestions.map((s) => s.releaseDate)).toEqual(['2025-09-01', '2025-09-08', '2025-09-22']);
      expect(only(r).weeks.plannedReleases).toEqual([100, 200, 0, 300, 0, 0, 0, 0]);
      expect(r.suggestions[0].pegging).toEqual([{ week: 2, weekStart: '2025-09-15', lbs: 100, sources: [] }]);
      expect(r.suggestions.every((s) => s.action === 'release')).toBe(true);
    },
  },
  {
    // BETA: lead time 21 d, MOQ 1000. OH W0 200, W1 100, W2 0, W3 -100 -> NR 100 -> lot 100 -> MOQ 1000, OH 900,
    // then 800 .. 500 at W7. Pegged: W3..W7 100 each = 500; unpegged 1000 - 500 = 500. Release 09-22 - 21 = 09-01.
    name: '02-moq',
    title: 'MOQ: a 100 lbs requirement is rounded up to the supplier MOQ of 1000 lbs',
    input: input([item('Y2', 'BETA SPINNING', 300, [100, 100, 100, 100, 100, 100, 100, 100])]),
    check(r) {
      expect(receipts(r)).toEqual([[3, 1000]]);
      const s = r.suggestions[0];
      expect([s.netRequirementLbs, s.lotSizeLbs, s.unpeggedLbs, s.releaseDate]).toEqual([100, 100, 500, '2025-09-01']);
      expect(only(r).weeks.projectedOnHand).toEqual([200, 100, 0, 900, 800, 700, 600, 500]);
    },
  },
  {
    // Y3: multiple 250, no MOQ. W3 0-420 -> NR 420 -> 2 x 250 = 500, OH 80; W6 80-130 = -50 -> NR 50 -> 250, OH 200.
    // Y3M: MOQ 300 then multiple 250: NR 50 -> MOQ 300 -> ceil(300/250) = 2 multiples = 500.
    name: '03-order-multiple',
    title: 'Order multiple (250 lbs), alone and after an MOQ (300 lbs -> 500 lbs)',
    input: input([item('Y3', 'ALPHA YARNS INC', 0, [0, 0, 0, 420, 0, 0, 130, 0]), item('Y3M', 'ALPHA YARNS INC', 0, [0, 0, 50, 0, 0, 0, 0, 0])], {
      yarnOverrides: [
        { yarnId: 'Y3', orderMultipleLbs: 250 },
        { yarnId: 'Y3M', orderMultipleLbs: 250, moqLbs: 300 },
      ],
    }),
    check(r) {
      expect(receipts(r, 'Y3')).toEqual([
        [3, 500],
        [6, 250],
      ]);
      expect(receipts(r, 'Y3M')).toEqual([[2, 500]]);
      expect(only(r, 'Y3').weeks.projectedOnHand).toEqual([0, 0, 0, 80, 80, 80, 200, 200]);
      expect(only(r, 'Y3M').supply.moqLbs).toEqual({ value: 300, source: 'planner override' });
    },
  },
  {
    // POQ 3 weeks. OH W0 300, W1 150, W2 150-200 = -50 -> NR 50; the order covers W2..W4: 200+250+100 = 550
    // minus the 150 carried in = 400 -> OH W2 350, W3 100, W4 0. W5 0-50 -> NR 50; covers W5..W7: 50+0+300 = 350
    // -> OH 300, 300, 0.
    name: '04-fixed-period',
    title: 'Fixed period (POQ, 3 weeks): each order covers its week and the next two',
    input: input([item('Y4', 'ALPHA YARNS INC', 400, [100, 150, 200, 250, 100, 50, 0, 300])], {
      yarnOverrides: [{ yarnId: 'Y4', lotSizing: { kind: 'fixedPeriod', periodWeeks: 3 } }],
    }),
    check(r) {
      expect(receipts(r)).toEqual([
        [2, 400],
        [5, 350],
      ]);
      expect(only(r).weeks.projectedOnHand).toEqual([300, 150, 350, 100, 0, 300, 300, 0]);
      expect(only(r).supply.lotSizing.source).toBe('planner override');
    },
  },
  {
    // EOQ: demand 100/week -> D = 100 x 52 = 5200 lbs/yr; S = $100, h = 0.25, c = $2.00/lb:
    // sqrt(2 x 5200 x 100 / (0.25 x 2)) = sqrt(2,080,000) = 1442.22 -> multiple 1 -> 1443.
    // OH W0 150, W1 50, W2 -50 -> NR 50 -> 1443, OH 1393, then -100 a week to 893 at W7.
    name: '05-eoq',
    title: 'EOQ: the order is sqrt(2DS/hc) = 1442.22 lbs, rounded up to 1443',
    input: input([item('Y5', 'ALPHA YARNS INC', 250, [100, 100, 100, 100, 100, 100, 100, 100], { costPerLb: 2 })]),
    policy: { lotSizing: 'eoq' },
    check(r) {
      const s = r.suggestions[0];
      expect(s.lotSizeLbs).toBeCloseTo(1442.2205, 3);
      expect(receipts(r)).toEqual([[2, 1443]]);
      expect(s.valueUsd).toBe(2886);
      expect(only(r).weeks.projectedOnHand[7]).toBe(893);
    },
  },
  {
    // Lead time 210 d (30 weeks) > 8-week horizon: the earliest receipt is 09-01 + 210 = 2026-03-30.
    // OH W4 0, W5 -100 -> PR 100 (W5, 10-06, release 2025-03-10: late 175 d); W6 PR 100 (late 168); W7 PR 100 (161).
    // Without these late orders OH would be -100, -200, -300: each order leaves 100 lbs of that stock-out.
    name: '06-lead-time-beyond-horizon',
    title: 'Lead time longer than the horizon: every order is late; each leaves its share of the stock-out',
    input: input([item('Y6', 'LONGHAUL TEXTILE', 300, [0, 0, 100, 100, 100, 100, 100, 100])]),
    check(r) {
      expect(receipts(r)).toEqual([
        [5, 100],
        [6, 100],
        [7, 100],
      ]);
      expect(r.suggestions.map((s) => [s.releaseDate, s.lateByDays, s.shortageLbs])).toEqual([
        ['2025-03-10', 175, 100],
        ['2025-03-17', 168, 100],
        ['2025-03-24', 161, 100],
      ]);
      expect(r.suggestions.every((s) => s.action === 'expedite' && s.earliestReceiptDate === '2026-03-30')).toBe(true);
      expect(only(r).pastDueReleaseLbs).toBe(300);
    },
  },
  {
    // Weeks of cover 2: average gross = (200+400+200)/8 = 100 -> SS 200.
    // OH W0 600, W1 400, W2 400, W3 0 < 200 -> NR 200 -> PR 200, OH 200; W4 200; W5 0 -> NR 200 -> PR 200; W6-W7 200.
    name: '07-safety-stock-weeks-of-cover',
    title: 'Safety stock = 2 weeks of average demand (200 lbs): orders keep the balance at 200',
    input: input([item('Y7', 'ALPHA YARNS INC', 600, [0, 200, 0, 400, 0, 200, 0, 0])], {
      yarnOverrides: [{ yarnId: 'Y7', safetyStock: { kind: 'weeksOfCover', weeks: 2 } }],
    }),
    check(r) {
      expect(only(r).safetyStockLbs).toBe(200);
      expect(receipts(r)).toEqual([
        [3, 200],
        [5, 200],
      ]);
      expect(only(r).weeks.projectedOnHand).toEqual([600, 400, 400, 200, 200, 200, 200, 200]);
    },
  },
  {
    // Service level 95 %: z = 1.644854. Gross alternates 100/300: mean 200, sample sigma = sqrt(8 x 100^2 / 7)
    // = 106.9045. Lead time 28 d = 4 weeks -> sqrt(4) = 2. SS = 1.644854 x 106.9045 x 2 = 351.68.
    // OH W0 1400, W1 1100, W2 1000, W3 700, W4 600, W5 300 -> NR 51.68 -> 52 (multiple 1), OH 352;
    // W6 252 -> NR 99.68 -> 100; W7 52 -> NR 299.68 -> 300.
    name: '08-safety-stock-service-level',
    title: 'Safety stock by service level: z x sigma_weekly x sqrt(lead time in weeks) = 351.68 lbs',
    input: input([item('Y8', 'ALPHA YARNS INC', 1500, [100, 300, 100, 300, 100, 300, 100, 300])], {
      yarnOverrides: [{ yarnId: 'Y8', leadTimeDays: 28, safetyStock: { kind: 'serviceLevel', serviceLevel: 0.95 } }],
    }),
    check(r) {
      expect(only(r).safetyStockLbs).toBeCloseTo(351.68, 2);
      expect(receipts(r)).toEqual([
        [5, 52],
        [6, 100],
        [7, 300],
      ]);
      expect(r.suggestions[0].netRequirementLbs).toBeCloseTo(51.68, 2);
      expect(r.suggestions[0].releaseDate).toBe('2025-09-08');
    },
  },
  {
    // W2 needs 1000 (KO K1 700, KO K2 300); on hand 200 and an open receipt of 600 in W2 cover 800:
    // OH W2 200+600-1000 = -200 -> NR 200 -> PR 200. FIFO pegging: on hand 200 -> K1, receipt 600 -> K1 500 + K2 100,
    // planned 200 -> K2 200.
    name: '09-existing-receipt-partial',
    title: 'An open receipt covers 600 of a 1000 lbs requirement; the order covers the rest and is pegged to KO K2',
    input: input([
      item('Y9', 'ALPHA YARNS INC', 200, [0, 0, 1000, 0, 0, 0, 0, 0], {
        scheduledReceiptsByWeek: [0, 0, 600],
        demandSourcesByWeek: [
          [],
          [],
          [
            { source: 'KO K1', lbs: 700 },
            { source: 'KO K2', lbs: 300 },
          ],
        ],
      }),
    ]),
    check(r) {
      expect(receipts(r)).toEqual([[2, 200]]);
      expect(r.suggestions[0].pegging).toEqual([{ week: 2, weekStart: '2025-09-15', lbs: 200, sources: [{ source: 'KO K2', lbs: 200 }] }]);
      expect(r.suggestions[0].unpeggedLbs).toBe(0);
    },
  },
  {
    // DELTA lead time 35 d: earliest receipt 09-01 + 35 = 10-06 (W5). W1 100-400 = -300 -> PR 300 due 09-08,
    // release 09-08 - 35 = 08-04: 28 days late. Without it OH stays -300 through W4: shortage 300 lbs.
    name: '10-past-due-release',
    title: 'Past-due release: expedite, late by 28 days, leaves a 300 lbs stock-out until 2025-10-06',
    input: input([item('Y10', 'DELTA', 100, [0, 400, 0, 0, 0, 0, 0, 0])]),
    check(r) {
      const s = r.suggestions[0];
      expect([s.receiptWeek, s.qtyLbs, s.releaseDate, s.action, s.lateByDays, s.shortageLbs, s.earliestReceiptDate]).toEqual([
        1,
        300,
        '2025-08-04',
        'expedite',
        28,
        300,
        '2025-10-06',
      ]);
      expect(only(r).pastDueReleaseLbs).toBe(300);
    },
  },
  {
    // Y11A (BETA, $2.50): W3 1200 -> PR 1200. Y11B (BETA, $4.00): W4 300 -> MOQ 1000. Y11C (ALPHA, $1.00): W3 100.
    // BETA: 2 yarns, 2200 lbs, 1200 x 2.5 + 1000 x 4 = $7000, earliest release 09-22 - 21 = 09-01. ALPHA: 100 lbs, $100.
    name: '11-shared-supplier',
    title: 'Two yarns sharing a supplier: grouped totals in lbs and dollars',
    input: input([
      item('Y11A', 'BETA SPINNING', 0, [0, 0, 0, 1200], { costPerLb: 2.5 }),
      item('Y11B', 'BETA SPINNING', 0, [0, 0, 0, 0, 300], { costPerLb: 4 }),
      item('Y11C', 'ALPHA YARNS INC', 0, [0, 0, 0, 100], { costPerLb: 1 }),
    ]),
    check(r) {
      const groups = groupSuggestionsBySupplier(r.suggestions);
      expect(groups.map((g) => [g.supplierName, g.yarnCount, g.totalLbs, g.totalUsd, g.earliestReleaseDate])).toEqual([
        ['BETA SPINNING', 2, 2200, 7000, '2025-09-01'],
        ['ALPHA YARNS INC', 1, 100, 100, '2025-09-08'],
      ]);
    },
  },
  {
    // GAMMA FIBERS is "Remove": no order. W1 100-300 = -200 -> NR 200 uncovered; W3 -200-200 = -400: only the
    // increase (200) is a new NR. Rows keep the real projected balance (-200, -400).
    name: '12-retired-supplier',
    title: 'Retired supplier: no suggestion, requirements listed as uncovered with the reason',
    input: input([item('Y12', 'Gamma Fibers', 100, [0, 300, 0, 200, 0, 0, 0, 0])]),
    check(r) {
      const it = only(r);
      expect(r.suggestions).toEqual([]);
      expect(it.status).toBe('uncovered');
      expect(it.uncovered.map((u) => [u.week, u.lbs, u.reason])).toEqual([
        [1, 200, 'retired supplier'],
        [3, 200, 'retired supplier'],
      ]);
      expect(it.weeks.projectedOnHand).toEqual([100, -200, -200, -400, -400, -400, -400, -400]);
    },
  },
  {
    // "Zeta Fiber Co" is not in the master: policy defaults lead time 14 d and MOQ 1000, flagged. W3 needs 400 ->
    // PR 1000 (MOQ), release 09-22 - 14 = 09-08. "Alpha Yarns, Inc." matches ALPHA YARNS INC after normalisation
    // (lead time 14 d from the master, MOQ 0): PR 400.
    name: '13-unmatched-supplier-defaults',
    title: 'Unmatched supplier falls back to the policy lead time and MOQ (flagged); a spelling variant still matches',
    input: input([item('Y13', 'Zeta Fiber Co', 0, [0, 0, 0, 400]), item('Y13B', 'Alpha Yarns, Inc.', 0, [0, 0, 0, 400])]),
    check(r) {
      const z = only(r, 'Y13');
      expect(z.supply.leadTimeDays).toEqual({ value: 14, source: 'policy default' });
      expect(z.supply.moqLbs).toEqual({ value: 1000, source: 'policy default' });
      expect(receipts(r, 'Y13')).toEqual([[3, 1000]]);
      expect(r.suggestions[0].flags[0]).toContain('not in the supplier master');
      const a = only(r, 'Y13B');
      expect([a.supply.supplier.method, a.supply.supplier.supplierId, a.supply.leadTimeDays.source]).toEqual(['normalised', '1', 'supplier master']);
      expect(receipts(r, 'Y13B')).toEqual([[3, 400]]);
    },
  },
  {
    // DELTA 35 d: W0 100-300 = -200 (NR 200) but the open 500 arrives in W2 (OH 300), before any new order could
    // (W5): no suggestion, reason "within lead time" (expedite the open PO). Y15: stock alone (100) is short of the
    // W3 need (500) but the W2 receipt of 600 covers it: "covered by existing receipts".
    name: '14-no-suggestion-reasons',
    title: 'No suggestion for a short yarn: within lead time (open receipts recover first) and covered by existing receipts',
    input: input([
      item('Y14', 'DELTA', 100, [300, 0, 0, 0, 0, 0, 0, 0], { scheduledReceiptsByWeek: [0, 0, 500] }),
      item('Y15', 'ALPHA YARNS INC', 100, [0, 0, 0, 500], { scheduledReceiptsByWeek: [0, 0, 600] }),
    ]),
    check(r) {
      expect(r.suggestions).toEqual([]);
      const a = only(r, 'Y14');
      expect(a.uncovered.map((u) => [u.week, u.lbs, u.reason])).toEqual([[0, 200, 'within lead time']]);
      expect(a.uncovered[0].expedite).toEqual({
        lowestBalanceLbs: -200,
        shortWeeks: 2,
        recoveryWeek: 2,
        receipts: [{ week: 2, weekStart: '2025-09-15', lbs: 500 }],
      });
      expect(a.weeks.projectedOnHand.slice(0, 3)).toEqual([-200, -200, 300]);
      expect(only(r, 'Y15').status).toBe('covered by existing receipts');
    },
  },
  {
    // Past-due receipts (250) count in week 0; an accepted PO draft of 300 due 2025-09-17 lands in W2.
    // OH W0 0+250-100 = 150, W1 50, W2 50+300-400 = -50 -> NR 50 -> PR 50.
    name: '15-past-due-receipts-and-drafts',
    title: 'Past-due receipts count in the as-of week; an accepted PO draft is a scheduled receipt',
    input: input([item('Y16', 'ALPHA YARNS INC', 0, [100, 100, 400], { pastDueReceiptsLbs: 250 })], {
      drafts: [
        { draftId: 'D1', yarnId: 'Y16', supplierId: '1', qtyLbs: 300, receiptDate: '2025-09-17', releaseDate: '2025-09-03', status: 'accepted' },
        { draftId: 'D2', yarnId: 'Y16', supplierId: '1', qtyLbs: 999, receiptDate: '2025-09-17', releaseDate: '2025-09-03', status: 'proposed' },
      ],
    }),
    check(r) {
      expect(only(r).weeks.scheduledReceipts.slice(0, 3)).toEqual([0, 0, 300]);
      expect(only(r).startingBalanceLbs).toBe(250);
      expect(receipts(r)).toEqual([[2, 50]]);
    },
  },
];
