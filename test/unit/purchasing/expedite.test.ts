// A shortage inside the lead time that an open receipt ends: no order placed today can help, so the planner must get
// an explicit "expedite this receipt" note naming the receipt, the weeks short and the lowest balance (issue 15
// item 4: on the real exports the advice vanished although the balance stayed at -8,192 lbs).
// DELTA: lead time 35 d from Monday 2025-09-01 -> the earliest new receipt is 2025-10-06 = W5 (2025-W41).
import { describe, expect, it } from 'vitest';
import { runMrp } from '../../../src/main/engine/purchasing/mrp';
import { expediteNotes } from '../../../src/main/services/views/yarnViews';
import { CALENDAR, basePolicy, item, suppliers } from '../../golden/purchasing/cases';

// OH: W0 1000-600 = 400, W1 -200 (NR 200), W2 -500 (NR 300), W3 -500, W4 -500; the open 1000 lbs restore it.
const gross = [600, 600, 300, 0, 0, 0, 0, 0];
const run = (receiptWeek: number) => {
  const scheduledReceiptsByWeek = new Array<number>(8).fill(0);
  scheduledReceiptsByWeek[receiptWeek] = 1000;
  return runMrp({ calendar: CALENDAR, items: [item('YX', 'DELTA', 1000, gross, { scheduledReceiptsByWeek })], suppliers }, basePolicy).items[0];
};

describe('a shortage inside the lead time ended by an open receipt', () => {
  it('arriving in the earliest week: no order, but an expedite note naming the receipt, the weeks and the lbs short', () => {
    const r = run(5);
    expect(r.earliestReceiptWeek).toBe(5);
    expect(r.weeks.projectedOnHand).toEqual([400, -200, -500, -500, -500, 500, 500, 500]);
    expect(r.suggestions).toEqual([]);
    expect(r.uncovered.map((u) => [u.week, u.lbs, u.reason])).toEqual([
      [1, 200, 'within lead time'],
      [2, 300, 'within lead time'],
    ]);
    expect(r.uncovered[0].expedite).toEqual({
      lowestBalanceLbs: -500,
      shortWeeks: 4,
      recoveryWeek: 5,
      receipts: [{ week: 5, weekStart: '2025-10-06', lbs: 1000 }],
    });
    expect(r.uncovered[1].expedite).toMatchObject({ lowestBalanceLbs: -500, shortWeeks: 3, recoveryWeek: 5 });
    expect(r.uncovered[0].detail).toBe(
      'short for 4 week(s) from 2025-W37, lowest balance -500 lbs; an order placed today cannot arrive before 2025-10-06, ' +
        'the open receipts (1000 lbs due 2025-W41) restore the balance in 2025-W41: expedite them',
    );
    expect(r.status).toBe('uncovered');
    expect(r.statusDetail).toContain('expedite them');
  });

  it('every week below zero is either covered by a suggestion or inside an expedite note', () => {
    for (const receiptWeek of [2, 3, 4, 5, 6, 7]) {
      const r = run(receiptWeek);
      const covered = new Set<number>();
      for (const u of r.uncovered) for (let k = u.week; k < (u.expedite?.recoveryWeek ?? u.week + 1); k++) covered.add(k);
      r.weeks.projectedOnHand.forEach((v, k) => {
        if (v < 0)
          expect(covered.has(k) || r.suggestions.some((s) => s.receiptWeek <= k), `receipt W${receiptWeek}, week ${k} at ${v} lbs`).toBe(true);
      });
    }
  });

  it('arriving one week after the earliest possible receipt: late orders are suggested (expedite)', () => {
    const r = run(6);
    expect(r.uncovered).toEqual([]);
    expect(r.suggestions.map((s) => [s.receiptWeek, s.qtyLbs, s.action])).toEqual([
      [1, 200, 'expedite'],
      [2, 300, 'expedite'],
    ]);
  });
});

describe('the yarn detail expedite note', () => {
  it('names the PO lines due up to the recovery week, not the later ones', () => {
    // OH W0 400, W1 -200, W2 -500, W3 -200 (PO A 300), W4 -200, W5 800 (PO B 1000): short 4 weeks from W1, lowest -500.
    const scheduledReceiptsByWeek = [0, 0, 0, 300, 0, 1000, 0, 200];
    const mrp = runMrp({ calendar: CALENDAR, items: [item('YX', 'DELTA', 1000, gross, { scheduledReceiptsByWeek })], suppliers }, basePolicy);
    const receiptLines = [
      { yarnId: 'YX', poNo: 'A', weekStart: '2025-09-22', lbs: 300, pastDue: false },
      { yarnId: 'YX', poNo: 'B', weekStart: '2025-10-06', lbs: 1000, pastDue: false },
      { yarnId: 'YX', poNo: 'C', weekStart: '2025-10-20', lbs: 200, pastDue: false },
      { yarnId: 'OTHER', poNo: 'D', weekStart: '2025-10-06', lbs: 50, pastDue: false },
    ];
    const notes = expediteNotes({ receiptLines, purchasing: mrp } as unknown as Parameters<typeof expediteNotes>[0], mrp.items[0]);
    expect(notes).toEqual([
      {
        firstShortWeek: '2025-09-08',
        shortWeeks: 4,
        lowestBalanceLbs: -500,
        recoveryWeek: '2025-10-06',
        receipts: [
          { poNo: 'A', weekStart: '2025-09-22', lbs: 300 },
          { poNo: 'B', weekStart: '2025-10-06', lbs: 1000 },
        ],
        text:
          'Expedite PO A (300 lbs due 2025-W39), PO B (1000 lbs due 2025-W41): the balance is short for 4 week(s) from 2025-W37 ' +
          '(lowest -500 lbs) and no order placed today arrives before 2025-10-06.',
      },
    ]);
  });
});
