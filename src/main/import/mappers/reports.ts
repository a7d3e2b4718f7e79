// The ERP's own computed reports, kept as reference data: Yarn_Demand_By_Style(_KO) and Yarn_Demand.
// Blank bucket cells are 0. Week columns are resolved to ISO-week Mondays by the batch (asOf.ts) because
// "Week 37" carries no year.
import type { Bucket, BucketHeader } from '../buckets';
import { fromUtcDate } from '../../../shared/dates';
import { inDateWindow, parseOrderNumber, weekdayInHeader } from '../cleaners';
import type { ErpStyleDemandRow, ErpYarnDemandRow } from '../../../shared/domain/entities';
import type { Mapper } from './types';

function bucketLabel(b: Bucket, header: string): string {
  return b.kind === 'thisWeek' ? 'This Week' : b.kind === 'later' ? 'Later' : header.replace(/^(demand|receipts|balance)\s+/i, '');
}

export function mapStyleDemand(withKo: boolean): Mapper {
  return (r, ctx) => {
    const rows: ErpStyleDemandRow[] = [];
    const cols = r.table.buckets.filter((b) => b.parsed.bucket.kind !== 'pastDue');
    for (const _ of r.rows()) {
      let koNumber: string | null = null;
      if (withKo) {
        koNumber = parseOrderNumber(r.raw('orderNumber'))?.value ?? null;
        if (!koNumber) r.problem('orderNumber', 'required value missing', true);
      }
      const row: ErpStyleDemandRow = {
        reportId: ctx.reportId,
        style: r.style('style', { required: true }) ?? '',
        koNumber,
        yarnId: r.id('yarnId', { required: true }) ?? '',
        percentage: r.num('bomPercentage', { required: true }) ?? 0,
        bucketsLbs: cols.map((b) => r.numAt(b.col, null, { blankZero: true }) ?? 0),
        totalLbs: r.num0('total'),
      };
      if (!r.finish()) continue;
      rows.push(row);
    }
    return {
      batch: { erpStyleDemand: rows },
      notes: [],
      report: {
        type: withKo ? 'erp_style_ko_demand' : 'erp_style_demand',
        buckets: cols.map((b) => b.parsed.bucket),
        labels: cols.map((b) => bucketLabel(b.parsed.bucket, b.header)),
      },
    };
  };
}

function bucketKey(b: Bucket): string {
  return b.kind === 'week' ? `w${b.week}` : b.kind === 'dated' ? `d${b.date}` : b.kind;
}

export const mapYarnDemand: Mapper = (r, ctx) => {
  // group the Demand/Receipts/Balance columns into one triple per bucket, in column order
  const groups = new Map<string, { bucket: Bucket; label: string; cols: Partial<Record<NonNullable<BucketHeader['measure']>, number>> }>();
  for (const b of r.table.buckets) {
    const key = bucketKey(b.parsed.bucket);
    const g = groups.get(key) ?? { bucket: b.parsed.bucket, label: bucketLabel(b.parsed.bucket, b.header), cols: {} };
    g.cols[b.parsed.measure!] = b.col;
    groups.set(key, g);
  }
  const triples = [...groups.values()];
  const rows: ErpYarnDemandRow[] = [];
  for (const _ of r.rows()) {
    const take = (col: number | undefined) => (col === undefined ? 0 : (r.numAt(col, null, { blankZero: true }) ?? 0));
    const row: ErpYarnDemandRow = {
      reportId: ctx.reportId,
      yarnId: r.id('yarnId', { required: true }) ?? '',
      supplier: r.text('supplier'),
      description: r.text('description'),
      color: r.text('color'),
      inventoryLbs: r.num0('inventory'),
      totalDemandLbs: r.num0('totalDemand'),
      totalReceiptLbs: r.num0('totalReceipt'),
      balanceLbs: r.num0('balance'),
      pastDueReceiptsLbs: r.num0('pastDueReceipts'),
      demandLbs: triples.map((t) => take(t.cols.demand)),
      receiptsLbs: triples.map((t) => take(t.cols.receipts)),
      balanceByBucketLbs: triples.map((t) => take(t.cols.balance)),
    };
    if (!r.finish()) continue;
    rows.push(row);
  }
  const invCol = r.table.columns.get('inventory');
  const inventoryWeekday = invCol === undefined ? undefined : weekdayInHeader(r.table.headers[invCol]);
  // the hand-built workbook's title row holds the start date of each bucket; the first one is This Week's
  let titleWeekStart: string | undefined;
  for (const row of r.table.above) {
    const d = row.find((c) => c instanceof Date && !Number.isNaN(c.getTime()) && inDateWindow(fromUtcDate(c)));
    if (d instanceof Date) {
      titleWeekStart = fromUtcDate(d);
      break;
    }
  }
  return {
    batch: { erpYarnDemand: rows },
    notes: [],
    report: {
      type: 'erp_yarn_demand',
      buckets: triples.map((t) => t.bucket),
      labels: triples.map((t) => t.label),
      inventoryWeekday,
      titleWeekStart,
    },
  };
};
