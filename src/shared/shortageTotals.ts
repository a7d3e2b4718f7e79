// The headline shortage figures, shared by the dashboard tiles and the printed shortage report so both say the same.
// Purchasing counts a receipt that is past due as still coming: it would raise every projected week by its lbs, so a
// yarn whose past-due receipts reach its deepest deficit is "covered by past-due receipts" rather than short.

export interface ShortageFigures {
  maxDeficitLbs: number;
  pastDueReceiptsLbs: number;
}

export interface ShortageTotals {
  /** Yarns projected below zero in the horizon, past-due receipts not counted (as the ERP's Yarn_Demand). */
  yarnsShort: number;
  /** Sum of their deepest deficits (lbs). */
  lbsShort: number;
  /** Of those, the yarns still short if every past-due receipt arrived now. */
  yarnsShortAfterPastDue: number;
  /** Sum of the deepest deficits left after the past-due receipts (lbs). */
  lbsShortAfterPastDue: number;
}

export function shortageTotals(rows: readonly ShortageFigures[]): ShortageTotals {
  let lbsShort = 0;
  let yarnsShortAfterPastDue = 0;
  let lbsShortAfterPastDue = 0;
  for (const r of rows) {
    lbsShort += r.maxDeficitLbs;
    const left = r.maxDeficitLbs - Math.max(0, r.pastDueReceiptsLbs);
    if (left > 0) {
      yarnsShortAfterPastDue++;
      lbsShortAfterPastDue += left;
    }
  }
  return { yarnsShort: rows.length, lbsShort, yarnsShortAfterPastDue, lbsShortAfterPastDue };
}
