// The demand view's structured rows as grid rows: the ERP layouts keyed by the ERP's own column names (buckets in
// order), a style's BOM lines and notes, a sales-order line's stage cover and yarns as text cells.
import type { DemandStyle, DemandView } from '../../../../shared/views';
import { formatNumber } from '../../lib/format';

export type ErpGridRow = Record<string, string | number>;
export interface ErpGrid {
  columns: string[];
  rows: ErpGridRow[];
}

const withBuckets = (row: ErpGridRow, buckets: readonly string[], lbs: readonly number[]): ErpGridRow => {
  buckets.forEach((b, i) => (row[b] = lbs[i] ?? 0));
  return row;
};

/** Yarn_Demand_By_Style_KO: Style, KO, Yarn, Percentage, the buckets, Total. */
export function koGrid({ buckets, rows }: DemandView['byKo']): ErpGrid {
  return {
    columns: ['Style', 'KO', 'Yarn', 'Percentage', ...buckets, 'Total'],
    rows: rows.map((r) => ({
      ...withBuckets({ Style: r.style, KO: r.orderNo, Yarn: r.yarnId, Percentage: r.percentage }, buckets, r.bucketsLbs),
      Total: r.totalLbs,
    })),
  };
}

/** Yarn_Demand_By_Style: Style, Yarn, Percentage, the buckets, Total. */
export function styleGrid({ buckets, rows }: DemandView['byStyle']): ErpGrid {
  return {
    columns: ['Style', 'Yarn', 'Percentage', ...buckets, 'Total'],
    rows: rows.map((r) => ({
      ...withBuckets({ Style: r.style, Yarn: r.yarnId, Percentage: r.percentage }, buckets, r.bucketsLbs),
      Total: r.totalLbs,
    })),
  };
}

/** Yarn_Demand: the yarn, its totals, then Demand / Receipts / Balance per bucket. */
export function yarnGrid({ buckets, rows }: DemandView['byYarn']): ErpGrid {
  return {
    columns: [
      'Yarn',
      'Supplier',
      'Description',
      'Color',
      'Inventory',
      'Total Demand',
      'Total Receipt',
      'Balance',
      'Past Due Receipts',
      ...buckets.flatMap((b) => [`${b} Demand`, `${b} Receipts`, `${b} Balance`]),
    ],
    rows: rows.map((r) => {
      const row: ErpGridRow = {
        Yarn: r.yarnId,
        Supplier: r.supplier,
        Description: r.description,
        Color: r.color,
        Inventory: r.inventoryLbs,
        'Total Demand': r.totalDemandLbs,
        'Total Receipt': r.totalReceiptLbs,
        Balance: r.balanceLbs,
        'Past Due Receipts': r.pastDueReceiptsLbs,
      };
      buckets.forEach((b, i) => {
        row[`${b} Demand`] = r.buckets[i]?.demandLbs ?? 0;
        row[`${b} Receipts`] = r.buckets[i]?.receiptsLbs ?? 0;
        row[`${b} Balance`] = r.buckets[i]?.balanceLbs ?? 0;
      });
      return row;
    }),
  };
}

/** "5640 72%, 6316 28%": a BOM's yarns with their shares. */
export function bomLinesText(lines: DemandStyle['bomLines']): string {
  return lines.map((l) => `${l.yarnId} ${Math.round(l.fraction * 10_000) / 100}%`).join(', ');
}

export type StyleGridRow = Omit<DemandStyle, 'bomLines' | 'notes'> & { yarns: number; bomLines: string; note: string };

export function styleGridRow({ bomLines, notes, ...s }: DemandStyle): StyleGridRow {
  return { ...s, yarns: bomLines.length, bomLines: bomLinesText(bomLines), note: notes.join(' | ') };
}

type SalesLine = DemandView['salesOrders'][number];
export type SalesGridRow = Omit<SalesLine, 'coveredBy' | 'yarns' | 'unresolved'> & { coveredBy: string; yarns: string; unresolved: string };

export function salesGridRow({ coveredBy, yarns, unresolved, ...l }: SalesLine): SalesGridRow {
  return {
    ...l,
    coveredBy: coveredBy.map((c) => `${c.stage} ${formatNumber(c.lbs)}`).join(', '),
    yarns: yarns.map((y) => `${y.yarnId} ${formatNumber(y.lbs)}`).join(', '),
    unresolved: unresolved.join(', '),
  };
}
