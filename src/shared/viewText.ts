// Structured view values as one line of text, where a grid cell, a CSV file or a printed report needs text: the
// screens' grids and the plan's CSV files read the same.
import type { ScheduledOrderRow, ShortageRow, Suggestion } from './views';

/** "13,000 lbs": whole pounds with thousands separators, as every report and screen writes them. */
export function lbsText(lbs: number): string {
  return `${Math.round(lbs).toLocaleString('en-US')} lbs`;
}

/** "K1 (STYLE) 120 lbs; K2 (STYLE) 80 lbs": the knit orders pegged to a yarn's shortage. */
export function peggedOrdersText(pegged: ShortageRow['pegged']): string {
  return pegged.map((c) => `${c.orderNo} (${c.style}) ${lbsText(c.lbs)}`).join('; ');
}

/** "EXPEDITE, late by 5 d: 1200 lbs from SUPPLIER, release 2026-11-16, receive 2026-12-14". */
export function suggestionText(s: NonNullable<ShortageRow['suggestion']>): string {
  const expedite = s.action === 'expedite' ? `EXPEDITE, late by ${s.lateByDays} d: ` : '';
  return `${expedite}${lbsText(s.qtyLbs)} from ${s.supplierName ?? 'unknown supplier'}, release ${s.releaseDate}, receive ${s.receiptDate}`;
}

/** "2026-11-23: 602.5 lbs (KO K1 (S), SO 25764); 2026-12-07: 397.5 lbs": a suggestion's pegging per week. */
export function peggingText(pegging: Suggestion['pegging']): string {
  return pegging
    .map((p) => `${p.weekStart}: ${Math.round(p.lbs * 10) / 10} lbs${p.sources.length ? ` (${p.sources.map((s) => s.label).join(', ')})` : ''}`)
    .join('; ');
}

/** "2813, 4001 (short 2026-11-16), 5156": an order's yarns, the short ones with their first short week. */
export function orderYarnsText(yarns: ScheduledOrderRow['yarns']): string {
  return yarns.map((y) => (y.status === 'ok' ? y.yarnId : `${y.yarnId} (${[y.status, y.firstShortWeek].filter(Boolean).join(' ')})`)).join(', ');
}

/** Weeks of supply above this are shown as "> 52": a year of stock is plenty, and 2,003,828.5 weeks says nothing. */
export const WEEKS_OF_SUPPLY_SHOWN_UP_TO = 52;

/** "3.4", "> 52", or "∞" when the yarn has no usage (null): grids, CSV files and reports write it the same way. */
export function weeksOfSupplyText(weeks: number | null): string {
  if (weeks === null || !Number.isFinite(weeks)) return '∞';
  if (weeks > WEEKS_OF_SUPPLY_SHOWN_UP_TO) return `> ${WEEKS_OF_SUPPLY_SHOWN_UP_TO}`;
  return (Math.round(weeks * 10) / 10).toFixed(1);
}

/** Sorts weeks of supply by value with "no usage" (null) after every number: least supply first when ascending. */
export function compareWeeksOfSupply(a: number | null, b: number | null): number {
  const key = (w: number | null) => (w === null || !Number.isFinite(w) ? Number.POSITIVE_INFINITY : w);
  const ka = key(a);
  const kb = key(b);
  return ka === kb ? 0 : ka < kb ? -1 : 1;
}
