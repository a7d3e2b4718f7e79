// Open yarn POs as scheduled receipts. Expected_Yarn_Report carries the ERP's delivery schedule per PO (split over
// weeks, past due); YarnPO carries only the PO's dates. A PO the Expected report lists is taken from it, never
// twice. An open YarnPO balance it does not list (every PO, when the batch has no Expected report) is due at the
// PO's Requested date, else its Quoted date (Quoted is blank on 78 of the 79 POs of 9-2, Requested on none), and is
// past due when that date falls before the as-of week or the PO has neither. On 9-2 this puts 48 of 79 POs whole in
// the bucket the ERP's own Expected report has them (erp-exports-profile 5b): the ERP splits deliveries YarnPO
// does not show, so the Expected report stays the better source when there is one.
import { mondayOf } from '../dates';
import type { ExpectedPo, ExpectedReceipt, YarnPo } from './entities';

export interface OpenPoDue {
  bucket: 'week' | 'pastDue';
  /** Monday of the due week (null when past due). */
  weekStart: string | null;
  basis: 'requested' | 'quoted' | 'undated';
}

export function openPoDue(po: Pick<YarnPo, 'requestedDate' | 'quotedDate'>, asOf: string): OpenPoDue {
  const due = po.requestedDate ?? po.quotedDate;
  const basis = po.requestedDate ? 'requested' : po.quotedDate ? 'quoted' : 'undated';
  const weekStart = due ? mondayOf(due.slice(0, 10)) : null;
  return weekStart && weekStart >= mondayOf(asOf) ? { bucket: 'week', weekStart, basis } : { bucket: 'pastDue', weekStart: null, basis };
}

/** Open YarnPO balances the Expected report does not list: the POs scheduled from YarnPO's own dates. */
export function posWithoutSchedule(yarnPos: YarnPo[], expectedPos: ExpectedPo[]): YarnPo[] {
  const scheduled = new Set(expectedPos.map((p) => p.poNumber));
  return yarnPos.filter((po) => po.balanceLbs > 0 && !scheduled.has(po.poNumber));
}

/** The Expected report's receipts plus the open YarnPO balances it does not list, at their due dates. */
export function withOpenPoReceipts(
  expectedReceipts: ExpectedReceipt[],
  expectedPos: ExpectedPo[],
  yarnPos: YarnPo[],
  asOf: string,
): ExpectedReceipt[] {
  const extra = posWithoutSchedule(yarnPos, expectedPos).map((po): ExpectedReceipt => {
    const { bucket, weekStart } = openPoDue(po, asOf);
    return { poNumber: po.poNumber, yarnId: po.yarnId, bucket, weekStart, qtyLbs: po.balanceLbs };
  });
  return extra.length ? [...expectedReceipts, ...extra] : expectedReceipts;
}
