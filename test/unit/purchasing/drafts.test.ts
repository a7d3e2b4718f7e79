import { describe, expect, it } from 'vitest';
import { purchasingPolicyDefaults as policy } from '../../../src/shared/policy/purchasing';
import { applyDrafts, draftsFromSuggestions, reconcileDrafts } from '../../../src/main/engine/purchasing/drafts';
import { runMrp } from '../../../src/main/engine/purchasing/mrp';
import { createSupplierMatcher } from '../../../src/main/engine/purchasing/suppliers';
import type { ErpPurchaseOrder, MrpItem, PoDraft } from '../../../src/main/engine/purchasing/types';
import { CALENDAR, basePolicy, item, suppliers } from '../../golden/purchasing/cases';

const weeks = CALENDAR.weekStarts;
const draft = (draftId: string, qtyLbs: number, receiptDate: string, status: PoDraft['status'] = 'accepted', yarnId = 'Y'): PoDraft => ({
  draftId,
  yarnId,
  supplierId: '1',
  qtyLbs,
  receiptDate,
  releaseDate: '2025-09-08',
  status,
});

describe('applyDrafts', () => {
  const base: MrpItem = item('Y', 'ALPHA YARNS INC', 0, [0, 0, 0], { scheduledReceiptsByWeek: [0, 100] });

  it('adds accepted and edited drafts in their receipt week; ignores the others; never mutates', () => {
    const res = applyDrafts(
      [base],
      [
        draft('a', 300, '2025-09-10'), // W1 (Wed)
        draft('b', 50, '2025-09-14', 'edited'), // W1 (Sun)
        draft('c', 70, '2025-08-20'), // before the horizon: week 0
        draft('d', 999, '2025-09-10', 'proposed'),
        draft('e', 999, '2025-09-10', 'closed'),
        draft('f', 999, '2025-09-10', 'rejected'),
        draft('g', 40, '2025-12-01'), // after the 8-week horizon
        draft('h', 10, '2025-09-10', 'accepted', 'OTHER'),
      ],
      weeks,
    );
    expect(res.items[0].scheduledReceiptsByWeek).toEqual([70, 450, 0, 0, 0, 0, 0, 0]);
    expect(base.scheduledReceiptsByWeek).toEqual([0, 100]);
    expect(res.beyondHorizon).toEqual(['g']);
    expect(res.unknownYarn).toEqual(['h']);
  });

  it('suggestions accepted as drafts remove the need on the next run', () => {
    const input = { calendar: CALENDAR, suppliers, items: [item('Y', 'BETA SPINNING', 0, [0, 0, 0, 500, 0, 700])] };
    const first = runMrp(input, basePolicy);
    expect(first.suggestions.map((s) => [s.receiptWeek, s.qtyLbs])).toEqual([
      [3, 1000],
      [5, 1000],
    ]);
    const second = runMrp({ ...input, drafts: draftsFromSuggestions(first.suggestions) }, basePolicy);
    expect(second.suggestions).toEqual([]);
    expect(second.items[0].weeks.projectedOnHand).toEqual(first.items[0].weeks.projectedOnHand);
  });
});

describe('reconcileDrafts', () => {
  const matcher = createSupplierMatcher(suppliers, [], policy);
  // YarnPO's "Ordered" is a timestamp; the day it names is what counts.
  const po = (
    poNumber: string,
    qtyLbs: number,
    orderDate: string | null,
    supplier: string | null = 'Alpha Yarns, Inc.',
    yarnId = 'Y',
  ): ErpPurchaseOrder => ({
    poNumber,
    yarnId,
    supplier,
    orderedAt: orderDate && `${orderDate}T16:45:00`,
    qtyLbs,
  });

  it('closes a draft with the real PO of the same yarn and supplier, qty within 10 %, ordered in [-7, +28] days', () => {
    const drafts = [draft('D1', 1000, '2025-09-22')];
    const check = (p: ErpPurchaseOrder) => reconcileDrafts(drafts, [p], matcher, policy).closed.map((c) => c.poNumber);
    expect(check(po('ok', 1050, '2025-09-10'))).toEqual(['ok']);
    expect(check(po('edge-qty', 900, '2025-09-08'))).toEqual(['edge-qty']);
    expect(check(po('qty', 1101, '2025-09-10'))).toEqual([]);
    expect(check(po('early', 1000, '2025-08-31'))).toEqual([]); // -8 days
    expect(check(po('edge-early', 1000, '2025-09-01'))).toEqual(['edge-early']); // -7 days
    expect(check(po('late', 1000, '2025-10-07'))).toEqual([]); // +29 days
    expect(check(po('supplier', 1000, '2025-09-10', 'BETA SPINNING'))).toEqual([]);
    expect(check(po('yarn', 1000, '2025-09-10', 'ALPHA YARNS INC', 'Z'))).toEqual([]);
    expect(check(po('no-date', 1000, null))).toEqual([]);
    expect(check(po('no-supplier', 1000, '2025-09-10', null))).toEqual([]);
  });

  it('pairs best first and uses each PO once; closed drafts stop counting as receipts', () => {
    const drafts = [draft('D1', 1000, '2025-09-22'), draft('D2', 1080, '2025-09-29'), draft('P', 1000, '2025-09-22', 'proposed')];
    const res = reconcileDrafts(drafts, [po('PO-1', 1080, '2025-09-09')], matcher, policy);
    expect(res.closed).toEqual([{ draftId: 'D2', poNumber: 'PO-1', qtyDiffPct: 0, dateDiffDays: 1 }]);
    expect(res.drafts.map((d) => [d.draftId, d.status, d.erpPoNumber ?? ''])).toEqual([
      ['D1', 'accepted', ''],
      ['D2', 'closed', 'PO-1'],
      ['P', 'proposed', ''],
    ]);
    const applied = applyDrafts([item('Y', 'ALPHA YARNS INC', 0, [])], res.drafts, weeks);
    expect(applied.items[0].scheduledReceiptsByWeek).toEqual([0, 0, 0, 1000, 0, 0, 0, 0]);
  });
});
