// PO receipt overrides: move every receipt of a PO (or one receipt line: the ERP splits a PO over weeks) to one ISO
// week and/or change the quantity still to receive.
// A changed quantity also changes the yarn's On Order (and so its Planning Balance) and the PO's balance.
import { mondayOf } from '../../../shared/dates';
import type { OverrideOf } from '../../../shared/scenario';
import type { ExpectedReceipt, PlanningData } from '../../../shared/domain/entities';

export interface ReceiptChange {
  data: PlanningData;
  warnings: string[];
}

export function applyPoReceipt(data: PlanningData, o: OverrideOf<'poReceipt'>): ReceiptChange {
  const onLine = (r: ExpectedReceipt): boolean =>
    o.receiptLine === undefined ||
    (o.receiptLine === 'pastDue' || o.receiptLine === 'later'
      ? r.bucket === o.receiptLine
      : r.bucket === 'week' && r.weekStart === mondayOf(o.receiptLine));
  const matches = (r: ExpectedReceipt): boolean => r.poNumber === o.poNumber && (o.yarnId === undefined || r.yarnId === o.yarnId) && onLine(r);
  const yarnIds = [...new Set(data.expectedReceipts.filter(matches).map((r) => r.yarnId))];
  if (yarnIds.length === 0) {
    const line = o.receiptLine
      ? ` ${o.receiptLine === 'pastDue' ? 'past due' : o.receiptLine === 'later' ? 'due later' : `in the week of ${mondayOf(o.receiptLine)}`}`
      : '';
    return { data, warnings: [`PO ${o.poNumber}${o.yarnId ? ` has no expected receipts of yarn ${o.yarnId}${line}` : ' has no expected receipts'}`] };
  }
  const warnings: string[] = [];
  let qtyLbs = o.qtyLbs;
  if (qtyLbs !== undefined && yarnIds.length > 1) {
    warnings.push(`PO ${o.poNumber} carries ${yarnIds.length} yarns; name the yarn to change a quantity (quantity not changed)`);
    qtyLbs = undefined;
  }

  let receipts = data.expectedReceipts;
  const deltaByYarn = new Map<string, number>();
  for (const yarnId of yarnIds) {
    const mine = (r: ExpectedReceipt): boolean => r.poNumber === o.poNumber && r.yarnId === yarnId && onLine(r);
    const group = receipts.filter(mine);
    const currentLbs = group.reduce((s, r) => s + r.qtyLbs, 0);
    const newLbs = qtyLbs ?? currentLbs;
    if (o.moveToWeek) {
      const moved: ExpectedReceipt = { poNumber: o.poNumber, yarnId, bucket: 'week', weekStart: mondayOf(o.moveToWeek), qtyLbs: newLbs };
      const at = receipts.findIndex(mine);
      receipts = receipts.filter((r, i) => i === at || !mine(r)).map((r) => (mine(r) ? moved : r));
    } else if (qtyLbs !== undefined) {
      // The past-due bucket can be negative (PO balance minus scheduled weeks): keep it, scale the positive receipts.
      const positiveLbs = group.filter((r) => r.qtyLbs > 0).reduce((s, r) => s + r.qtyLbs, 0);
      if (positiveLbs <= 0) {
        warnings.push(`PO ${o.poNumber} has no scheduled receipt of yarn ${yarnId} to resize; move it to a week as well`);
        continue;
      }
      const factor = (newLbs - (currentLbs - positiveLbs)) / positiveLbs;
      receipts = receipts.map((r) => (mine(r) && r.qtyLbs > 0 ? { ...r, qtyLbs: r.qtyLbs * factor } : r));
    }
    if (newLbs !== currentLbs) deltaByYarn.set(yarnId, newLbs - currentLbs);
  }

  let next: PlanningData = { ...data, expectedReceipts: receipts };
  if (deltaByYarn.size > 0) {
    next = {
      ...next,
      yarns: data.yarns.map((y) => {
        const d = deltaByYarn.get(y.yarnId);
        return d === undefined ? y : { ...y, onOrderLbs: y.onOrderLbs + d, planningBalanceLbs: y.planningBalanceLbs + d };
      }),
      expectedPos: data.expectedPos.map((p) => {
        const d = p.poNumber === o.poNumber ? deltaByYarn.get(p.yarnId) : undefined;
        return d === undefined ? p : { ...p, balanceLbs: p.balanceLbs + d };
      }),
    };
  }
  return { data: next, warnings };
}
