// PO drafts: suggestions the planner accepts (or edits) count as scheduled receipts in the next run; once the ERP
// shows the real PO (same yarn and supplier, quantity within tolerance, ordered within the date window) the draft is
// closed so the receipt is not counted twice.
import { daysBetween, type IsoDate } from '../../../shared/dates';
import type { PurchasingPolicy } from '../../../shared/policy/purchasing';
import type { SupplierMatcher } from './suppliers';
import type { ErpPurchaseOrder, MrpItem, PoDraft, PurchaseSuggestion } from './types';

export function isDraftApplied(draft: PoDraft): boolean {
  return draft.status === 'accepted' || draft.status === 'edited';
}

/** Accepted drafts built from suggestions (one per suggestion). */
export function draftsFromSuggestions(suggestions: PurchaseSuggestion[]): PoDraft[] {
  return suggestions.map((s) => ({
    draftId: `draft:${s.id}`,
    yarnId: s.yarnId,
    supplierId: s.supplierId,
    qtyLbs: s.qtyLbs,
    receiptDate: s.receiptDate,
    releaseDate: s.releaseDate,
    status: 'accepted',
    fromSuggestionId: s.id,
  }));
}

export interface AppliedDrafts {
  items: MrpItem[];
  /** Applied drafts whose receipt date lies after the horizon (not netted). */
  beyondHorizon: string[];
  /** Applied drafts for a yarn that is not among the items. */
  unknownYarn: string[];
}

/**
 * Adds accepted/edited drafts to the items' scheduled receipts in the week of their receipt date (a date before
 * the as-of week counts in week 0). Items are copied, never mutated.
 */
export function applyDrafts(items: MrpItem[], drafts: PoDraft[], weekStarts: IsoDate[]): AppliedDrafts {
  const H = weekStarts.length;
  const byYarn = new Map<string, PoDraft[]>();
  const beyondHorizon: string[] = [];
  for (const d of drafts) {
    if (!isDraftApplied(d)) continue;
    const list = byYarn.get(d.yarnId);
    if (list) list.push(d);
    else byYarn.set(d.yarnId, [d]);
  }
  const seen = new Set<string>();
  const out = items.map((item) => {
    const list = byYarn.get(item.yarnId);
    if (!list) return item;
    seen.add(item.yarnId);
    const sched = Array.from({ length: Math.max(H, item.scheduledReceiptsByWeek.length) }, (_, i) => item.scheduledReceiptsByWeek[i] ?? 0);
    for (const d of list) {
      const week = Math.max(0, Math.floor(daysBetween(weekStarts[0], d.receiptDate) / 7));
      if (week >= H) beyondHorizon.push(d.draftId);
      else sched[week] += d.qtyLbs;
    }
    return { ...item, scheduledReceiptsByWeek: sched };
  });
  const unknownYarn = [...byYarn.entries()].filter(([y]) => !seen.has(y)).flatMap(([, ds]) => ds.map((d) => d.draftId));
  return { items: out, beyondHorizon, unknownYarn };
}

export interface DraftClosure {
  draftId: string;
  poNumber: string;
  qtyDiffPct: number;
  dateDiffDays: number;
}

export interface ReconcileResult {
  /** All drafts; the matched ones now `closed` with `erpPoNumber`. */
  drafts: PoDraft[];
  closed: DraftClosure[];
}

/**
 * Closes applied drafts that a real ERP PO now covers: same yarn, same supplier (PO name through the matcher),
 * |qty - draft| <= draftQtyTolerancePct x draft, order date within [release - before, release + after]. Pairs are
 * taken best first (quantity then date distance, each relative to its tolerance); a PO closes one draft at most.
 */
export function reconcileDrafts(drafts: PoDraft[], erpPos: ErpPurchaseOrder[], matcher: SupplierMatcher, policy: PurchasingPolicy): ReconcileResult {
  const pairs: { d: number; p: number; cost: number; qtyDiffPct: number; dateDiffDays: number }[] = [];
  const window = Math.max(1, policy.draftDateWindowDaysBefore + policy.draftDateWindowDaysAfter);
  drafts.forEach((draft, d) => {
    if (!isDraftApplied(draft) || !(draft.qtyLbs > 0)) return;
    erpPos.forEach((po, p) => {
      if (po.yarnId !== draft.yarnId || !po.orderedAt) return;
      const poSupplier = matcher.match(po.supplier).supplierId;
      if (draft.supplierId !== null && poSupplier !== draft.supplierId) return;
      const qtyDiffPct = Math.abs(po.qtyLbs - draft.qtyLbs) / draft.qtyLbs;
      if (qtyDiffPct > policy.draftQtyTolerancePct + 1e-12) return;
      const dateDiffDays = daysBetween(draft.releaseDate, po.orderedAt.slice(0, 10));
      if (dateDiffDays < -policy.draftDateWindowDaysBefore || dateDiffDays > policy.draftDateWindowDaysAfter) return;
      const cost = qtyDiffPct / Math.max(policy.draftQtyTolerancePct, 1e-9) + Math.abs(dateDiffDays) / window;
      pairs.push({ d, p, cost, qtyDiffPct, dateDiffDays });
    });
  });
  pairs.sort((a, b) => a.cost - b.cost || a.d - b.d || a.p - b.p);
  const usedDraft = new Set<number>();
  const usedPo = new Set<number>();
  const closed: DraftClosure[] = [];
  const out = drafts.slice();
  for (const pair of pairs) {
    if (usedDraft.has(pair.d) || usedPo.has(pair.p)) continue;
    usedDraft.add(pair.d);
    usedPo.add(pair.p);
    const po = erpPos[pair.p];
    out[pair.d] = { ...drafts[pair.d], status: 'closed', erpPoNumber: po.poNumber };
    closed.push({ draftId: drafts[pair.d].draftId, poNumber: po.poNumber, qtyDiffPct: pair.qtyDiffPct, dateDiffDays: pair.dateDiffDays });
  }
  return { drafts: out, closed };
}
