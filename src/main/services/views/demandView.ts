// The Demand page: the ERP's three report layouts recomputed (by knit order, by style, by yarn; buckets "This Week",
// the numbered weeks, "Later"), each style's BOM and knitting rate with their sources, the orders not phased, and
// the sales-order and forecast layers.
import type { DemandView } from '../../../shared/views';
import { styleBase } from '../../engine/yarn/keys';
import type { ErpTable } from '../../engine/yarn/types';
import type { Plan } from '../jobs/computePlan';
import { round, roundOrNull, stamp } from './viewKit';

type ErpRecord = ErpTable['rows'][number];

const text = (r: ErpRecord, column: string): string => String(r[column] ?? '');
const lbs = (r: ErpRecord, column: string): number => {
  const v = r[column];
  return typeof v === 'number' ? v : 0;
};

/** The ERP tables key their cells by column label: read them into fields, the buckets in order. */
function erpLayouts(plan: Pick<Plan, 'yarn' | 'layers'>): Pick<DemandView, 'byKo' | 'byStyle' | 'byYarn'> {
  const { tables, erpBuckets: buckets } = plan.yarn;
  const styleYarnRow = (r: ErpRecord) => ({
    style: text(r, 'Style'),
    yarnId: text(r, 'Yarn'),
    percentage: lbs(r, 'Percentage'),
    bucketsLbs: buckets.map((b) => lbs(r, b)),
    totalLbs: lbs(r, 'Total'),
  });
  return {
    byKo: { buckets, rows: tables.demandByStyleKo.rows.map((r) => ({ ...styleYarnRow(r), orderNo: text(r, 'KO') })) },
    byStyle: { buckets, rows: tables.demandByStyle.rows.map(styleYarnRow) },
    byYarn: {
      buckets,
      rows: tables.yarnDemand.rows.map((r) => ({
        yarnId: text(r, 'Yarn'),
        supplier: text(r, 'Supplier'),
        description: text(r, 'Description'),
        color: text(r, 'Color'),
        inventoryLbs: lbs(r, 'Inventory'),
        totalDemandLbs: lbs(r, 'Total Demand'),
        totalReceiptLbs: lbs(r, 'Total Receipt'),
        balanceLbs: lbs(r, 'Balance'),
        pastDueReceiptsLbs: lbs(r, 'Past Due Receipts'),
        buckets: buckets.map((b) => ({ demandLbs: lbs(r, `${b} Demand`), receiptsLbs: lbs(r, `${b} Receipts`), balanceLbs: lbs(r, `${b} Balance`) })),
      })),
    },
  };
}

export function demandView(plan: Pick<Plan, 'snapshotId' | 'asOf' | 'computedAt' | 'yarn' | 'layers'>): DemandView {
  const d = plan.yarn.demand;
  return {
    ...stamp(plan),
    ...erpLayouts(plan),
    styles: plan.yarn.styles.map((s) => ({
      style: s.style,
      styleBase: styleBase(s.style),
      bomSource: s.bom.provenance.source,
      bomAsOf: s.bom.provenance.asOf,
      bomLines: s.bom.lines.map((l) => ({ yarnId: l.yarnId, fraction: l.fraction })),
      rateLbsPerDay: roundOrNull(s.rate.lbsPerDay, 2),
      rateSource: s.rate.provenance.source,
      rateAsOf: s.rate.provenance.asOf,
      notes: [s.bom.provenance.note, s.rate.provenance.note, ...s.bom.warnings].filter(Boolean),
    })),
    skippedOrders: [
      ...d.noBom.map((o) => ({ orderNo: o.orderNo, style: o.style, balanceLbs: o.balanceLbs, reason: o.reason, note: o.note })),
      ...d.noRate.map((o) => ({
        orderNo: o.orderNo,
        style: o.style,
        balanceLbs: o.balanceLbs,
        reason: 'no-rate' as const,
        note: 'no knitting rate: the whole balance is put in its start week, as the ERP does',
      })),
    ],
    salesOrders: plan.yarn.salesOrders.lines.map((l) => ({
      soNo: l.soNo,
      finishedStyle: l.finishedStyle,
      greigeStyle: l.greigeStyle,
      demandLbs: roundOrNull(l.demandLbs),
      coveredBy: l.coveredBy.map((c) => ({ stage: c.stage, lbs: round(c.lbs) })),
      uncoveredLbs: round(l.uncoveredLbs),
      neededWeek: l.weekMonday,
      yarns: l.yarns.map((y) => ({ yarnId: y.yarnId, lbs: round(y.lbs) })),
      bomSource: l.bomSource,
      unresolved: l.unresolved,
      note: l.note,
    })),
    salesOrderLayerOn: plan.layers.salesOrders,
    forecastLayerOn: plan.layers.forecast,
    forecastLines: plan.layers.forecastLines.map((l) => ({
      greigeStyle: l.greigeStyle,
      series: l.series,
      forecastLbs: round(l.forecastLbs),
      consumedBySalesOrdersLbs: round(l.consumedBySalesOrdersLbs),
      netLbs: round(l.netLbs),
      yarns: l.yarns,
      note: l.note,
    })),
  };
}
