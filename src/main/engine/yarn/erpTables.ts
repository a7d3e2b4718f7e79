// The ERP's report layouts, so the plan can be diffed against (and printed like) the ERP's own exports:
// yarn_demand_by_style_ko.csv, yarn_demand_by_style.csv and yarn_demand.csv (erp-exports-profile 2, 5).
import type { IsoDate } from '../../../shared/dates';
import type { YarnPolicy } from '../../../shared/policy/yarn';
import { compareIds, compareText } from './keys';
import type { ErpTable, KoYarnDemand, ResolvedBom, YarnProjection } from './types';
import { erpBucketLabels, toErpBuckets } from './weeks';

const percent = (fraction: number) => Math.round(fraction * 100 * 1e6) / 1e6;

export function demandByStyleKoTable(rows: KoYarnDemand[], asOf: IsoDate, policy: YarnPolicy): ErpTable {
  const labels = erpBucketLabels(asOf, policy);
  const columns = ['Style', 'KO', 'Yarn', 'Percentage', ...labels, 'Total'];
  const out = rows.map((row) => {
    const record: Record<string, string | number> = { Style: row.style, KO: row.orderNo, Yarn: row.yarnId, Percentage: percent(row.fraction) };
    toErpBuckets(row, policy).forEach((v, i) => (record[labels[i]] = v));
    record.Total = row.totalLbs;
    return record;
  });
  return { columns, rows: out };
}

/**
 * Per (Style, Yarn) sums of the KO rows, plus zero rows for the BOM yarns of styles that only have knit orders
 * without an open balance (`zeroStyleBoms`).
 */
export function demandByStyleTable(rows: KoYarnDemand[], zeroStyleBoms: ResolvedBom[], asOf: IsoDate, policy: YarnPolicy): ErpTable {
  const labels = erpBucketLabels(asOf, policy);
  const columns = ['Style', 'Yarn', 'Percentage', ...labels, 'Total'];
  const byKey = new Map<string, Record<string, string | number>>();
  const stylesWithRows = new Set<string>();
  for (const row of rows) {
    stylesWithRows.add(row.style);
    const key = `${row.style}\u0000${row.yarnId}`;
    let record = byKey.get(key);
    if (!record) {
      record = { Style: row.style, Yarn: row.yarnId, Percentage: percent(row.fraction), Total: 0 };
      for (const l of labels) record[l] = 0;
      byKey.set(key, record);
    }
    const buckets = toErpBuckets(row, policy);
    buckets.forEach((v, i) => (record![labels[i]] = (record![labels[i]] as number) + v));
    record.Total = (record.Total as number) + row.totalLbs;
  }
  for (const bom of zeroStyleBoms) {
    if (stylesWithRows.has(bom.style)) continue;
    for (const line of bom.lines) {
      const key = `${bom.style}\u0000${line.yarnId}`;
      if (byKey.has(key)) continue;
      const record: Record<string, string | number> = { Style: bom.style, Yarn: line.yarnId, Percentage: percent(line.fraction), Total: 0 };
      for (const l of labels) record[l] = 0;
      byKey.set(key, record);
    }
  }
  const out = [...byKey.values()].sort((a, b) => compareText(a.Style as string, b.Style as string) || compareIds(a.Yarn as string, b.Yarn as string));
  return { columns, rows: out };
}

/** Yarn_Demand: the ERP chain on the ERP buckets (past-due receipts always outside the weekly chain). */
export function yarnDemandTable(projections: YarnProjection[], asOf: IsoDate, policy: YarnPolicy): ErpTable {
  const labels = erpBucketLabels(asOf, policy);
  const columns = [
    'Yarn',
    'Supplier',
    'Description',
    'Color',
    'Inventory',
    'Total Demand',
    'Total Receipt',
    'Balance',
    'Past Due Receipts',
    ...labels.flatMap((l) => [`${l} Demand`, `${l} Receipts`, `${l} Balance`]),
  ];
  const rows = projections.map((p) => {
    const record: Record<string, string | number> = {
      Yarn: p.yarnId,
      Supplier: p.supplier,
      Description: p.description,
      Color: p.color,
      Inventory: p.inventoryLbs,
      'Total Demand': p.totalDemandLbs,
      'Total Receipt': p.totalReceiptLbs,
      Balance: p.balanceLbs,
      'Past Due Receipts': p.pastDueReceiptsLbs,
    };
    const demand = toErpBuckets(p.demand, policy);
    const receipts = toErpBuckets(p.receipts, policy);
    let balance = p.inventoryLbs;
    labels.forEach((l, i) => {
      balance += receipts[i] - demand[i];
      record[`${l} Demand`] = demand[i];
      record[`${l} Receipts`] = receipts[i];
      record[`${l} Balance`] = balance;
    });
    return record;
  });
  return { columns, rows };
}
