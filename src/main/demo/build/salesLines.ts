// Invoice lines for "Sales Activity Report.csv": the forecasting area's `generateSalesHistory` (156 weeks,
// one known demand process per style) supplies the demand; this module adds the export-only fields
// (invoice number, sales rep, commission, customer PO) and a few non-yard UOM lines, deterministically.
import { Rng } from '../prng';
import { generateSalesHistory, type SalesHistoryTruth } from '../salesHistory';
import type { SalesLine } from '../types';

export interface SalesInput {
  seed: number;
  scale: number;
  /** Last invoice date (inclusive). */
  endDate: string;
  weeks: number;
  /** Finished styles that sell (already multiplied by the scale). */
  styles: readonly string[];
  customers: readonly string[];
  salesReps: readonly string[];
}

export interface SalesOutput {
  lines: SalesLine[];
  /** The generating process per style (for forecast tests on the demo data). */
  truth: SalesHistoryTruth[];
}

export function generateSalesLines(input: SalesInput): SalesOutput {
  // The company grows by selling more styles: per-style volume stays at the real mill's level.
  const history = generateSalesHistory({
    seed: input.seed,
    scale: 1,
    endDate: input.endDate,
    weeks: input.weeks,
    styles: [...input.styles],
    customers: [...input.customers],
  });
  const rng = new Rng(input.seed, 'sales-lines');
  let invoice = 8_000_000 + rng.int(0, 99_999);
  const lines: SalesLine[] = history.lines.map((l) => {
    if (rng.chance(0.55)) invoice += rng.int(1, 3);
    const u = rng.float();
    return {
      document: l.document,
      invoiceDate: l.invoiceDate,
      customer: l.customer,
      fStyle: l.finishedStyle,
      qty: l.qty,
      uom: u < 0.995 ? l.uom : u < 0.9995 ? 'each' : 'kg',
      unitPrice: l.unitPrice,
      // Line Price = qty x unit price on ~97 % of lines; the rest carry a discount or surcharge.
      linePrice: rng.chance(0.97) ? l.linePrice : Math.round(l.linePrice * rng.range(0.9, 1.1) * 100) / 100,
      invoiceNo: `INV${String(invoice).padStart(7, '0')}`,
      salesRep: rng.pick(input.salesReps),
      commission: rng.chance(0.016) ? 2 : null,
      customerPo: rng.chance(0.5)
        ? String(rng.int(10000, 99999))
        : `${rng.pick(['B', 'L', 'R'])}${rng.int(100, 9999)}-${String(rng.int(1, 99)).padStart(3, '0')}`,
    };
  });
  return { lines, truth: history.truth };
}
