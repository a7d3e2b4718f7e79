// Structured view values as one line of text, where a grid cell, a CSV file or a printed report needs text: the
// screens' grids and the plan's CSV files read the same.
import type { ScheduledOrderRow, ShortageRow, Suggestion } from './views';

/** "K1 (STYLE) 120 lbs; K2 (STYLE) 80 lbs": the knit orders pegged to a yarn's shortage. */
export function peggedOrdersText(pegged: ShortageRow['pegged']): string {
  return pegged.map((c) => `${c.orderNo} (${c.style}) ${Math.round(c.lbs)} lbs`).join('; ');
}

/** "EXPEDITE, late by 5 d: 1200 lbs from SUPPLIER, release 2026-11-16, receive 2026-12-14". */
export function suggestionText(s: NonNullable<ShortageRow['suggestion']>): string {
  const expedite = s.action === 'expedite' ? `EXPEDITE, late by ${s.lateByDays} d: ` : '';
  return `${expedite}${Math.round(s.qtyLbs)} lbs from ${s.supplierName ?? 'unknown supplier'}, release ${s.releaseDate}, receive ${s.receiptDate}`;
}

/** "2026-11-23: 602.5 lbs (KO K1 (S), SO 25764); 2026-12-07: 397.5 lbs": a suggestion's pegging per week. */
export function peggingText(pegging: Suggestion['pegging']): string {
  return pegging.map((p) => `${p.weekStart}: ${Math.round(p.lbs * 10) / 10} lbs${p.sources.length ? ` (${p.sources.map((s) => s.label).join(', ')})` : ''}`).join('; ');
}

/** "2813, 4001 (short 2026-11-16), 5156": an order's yarns, the short ones with their first short week. */
export function orderYarnsText(yarns: ScheduledOrderRow['yarns']): string {
  return yarns.map((y) => (y.status === 'ok' ? y.yarnId : `${y.yarnId} (${[y.status, y.firstShortWeek].filter(Boolean).join(' ')})`)).join(', ');
}
