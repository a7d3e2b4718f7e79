// Sales-order demand layer (reference-system-rules 2.7-2.9). Open SO balance -> greige lbs through the injected
// finished->greige bridge (lbs = yds x oz/lin yd / 16) -> covered from stock in the policy order (F01, I01, G02 by
// finished style, G00 by greige style), then from open knit-order balance of the greige style -> the uncovered
// remainder exploded to yarn with the greige style's resolved BOM, in the week of the ship/quoted date (as-of if
// none). A separate layer: it is never added to the knit-order demand unless the caller asks for it.
import { addDays, type IsoDate } from '../../../shared/dates';
import type { YarnPolicy } from '../../../shared/policy/yarn';
import { LBS_PER_KG, ydsToLbs } from '../../../shared/units';
import { compareIds, compareText, styleKey } from './keys';
import type {
  KnitOrder,
  ResolvedBom,
  SalesOrder,
  SalesOrderDemandLine,
  SalesOrderLayer,
  StageCover,
  StageStock,
  StyleBridge,
  WeeklySeries,
} from './types';
import type { PlanWeeks } from '../calendar';
import { emptySeries, weekIndex } from './weeks';

function needDate(order: SalesOrder, asOf: IsoDate): IsoDate {
  return order.shipDate || order.quotedDate || asOf;
}

function toLbs(qty: number, uom: string, ozPerLinYd: number | null): { lbs: number | null; problem?: 'no-spec' | 'unit' } {
  const unit = uom.trim().toLowerCase();
  if (unit === 'lbs' || unit === 'lb') return { lbs: qty };
  if (unit === 'kg' || unit === 'kgs') return { lbs: qty * LBS_PER_KG };
  if (unit === 'yds' || unit === 'yd' || unit === 'yards')
    return ozPerLinYd !== null && ozPerLinYd > 0 ? { lbs: ydsToLbs(qty, ozPerLinYd) } : { lbs: null, problem: 'no-spec' };
  return { lbs: null, problem: 'unit' };
}

/** Stage stock lbs by `stage|style`, per stock array: a snapshot's rolls are summed once for all its plans (read only). */
const stockPools = new WeakMap<StageStock[], Map<string, number>>();

function stockByPool(stock: StageStock[]): Map<string, number> {
  const known = stockPools.get(stock);
  if (known) return known;
  const byKey = new Map<string, number>();
  for (const roll of stock) {
    const key = `${roll.stage}|${styleKey(roll.style)}`;
    byKey.set(key, (byKey.get(key) ?? 0) + roll.qtyLbs);
  }
  stockPools.set(stock, byKey);
  return byKey;
}

/** The greige styles the bridge maps the open sales orders to (so the caller can resolve their BOMs first). */
export function salesOrderGreigeStyles(orders: SalesOrder[], bridge: StyleBridge | undefined): string[] {
  const out = new Set<string>();
  for (const order of orders) {
    const greige = bridge?.(styleKey(order.finishedBase ?? ''))?.greigeStyle;
    if (greige) out.add(styleKey(greige));
  }
  return [...out];
}

export function buildSalesOrderLayer(
  orders: SalesOrder[],
  stock: StageStock[],
  knitOrders: KnitOrder[],
  boms: ResolvedBom[],
  planWeeks: PlanWeeks,
  policy: YarnPolicy,
  bridge?: StyleBridge,
): SalesOrderLayer {
  const { asOf } = planWeeks;
  const weeks = planWeeks.weekStarts;
  const horizon = weeks.length;
  const bomByStyle = new Map(boms.map((b) => [styleKey(b.style), b]));

  const pools = new Map<string, number>();
  const poolKey = (stage: string, style: string) => `${stage}|${styleKey(style)}`;
  for (const [key, lbs] of stockByPool(stock)) if (lbs > 0) pools.set(key, lbs);
  for (const ko of knitOrders)
    if (ko.balanceLbs > policy.minOpenBalanceLbs) pools.set(poolKey('KO', ko.style), (pools.get(poolKey('KO', ko.style)) ?? 0) + ko.balanceLbs);
  const take = (key: string, wanted: number): number => {
    const available = pools.get(key) ?? 0;
    const used = Math.min(available, wanted);
    if (used > 0) pools.set(key, available - used);
    return used;
  };

  const yarnSeries = new Map<string, WeeklySeries>();
  const lines: SalesOrderDemandLine[] = [];
  let totalUncoveredLbs = 0;

  // Earliest need first: it gets the stock.
  const sorted = [...orders].sort((a, b) => compareText(needDate(a, asOf), needDate(b, asOf)) || compareIds(a.soNumber, b.soNumber));
  for (const order of sorted) {
    const finishedStyle = styleKey(order.finishedBase ?? '');
    const dated = needDate(order, asOf);
    const leadDated = addDays(dated, -policy.soKnitLeadDays);
    const w = Math.max(0, weekIndex(asOf, leadDated));
    const line: SalesOrderDemandLine = {
      soNo: order.soNumber,
      finishedStyle,
      greigeStyle: null,
      demandLbs: null,
      coveredBy: [],
      uncoveredLbs: 0,
      weekMonday: w < horizon ? weeks[w] : addDays(weeks[0], 7 * w),
      yarns: [],
      bomSource: null,
      unresolved: [],
      note: '',
    };
    lines.push(line);
    if (!(order.balanceQty > 0)) {
      line.unresolved.push('not-open');
      line.note = 'no open balance';
      continue;
    }
    const bridged = bridge?.(finishedStyle) ?? null;
    line.greigeStyle = bridged?.greigeStyle ? styleKey(bridged.greigeStyle) : null;
    if (!line.greigeStyle) line.unresolved.push('unknown-style');
    const converted = toLbs(order.balanceQty, order.uom ?? '', bridged?.ozPerLinYd ?? null);
    if (converted.lbs === null) {
      line.unresolved.push(converted.problem ?? 'unit');
      line.note = converted.problem === 'no-spec' ? 'no oz/lin yd to convert yards to lbs' : `unit "${order.uom ?? ''}" cannot be converted to lbs`;
      continue;
    }
    line.demandLbs = converted.lbs;

    let remaining = converted.lbs;
    const covers: StageCover[] = [];
    for (const stage of policy.soNettingStages) {
      const style = stage === 'G00' ? line.greigeStyle : finishedStyle;
      if (!style || remaining <= 0) continue;
      const used = take(poolKey(stage, style), remaining);
      if (used > 0) covers.push({ stage, lbs: used });
      remaining -= used;
    }
    if (line.greigeStyle && remaining > 0) {
      const used = take(poolKey('KO', line.greigeStyle), remaining);
      if (used > 0) covers.push({ stage: 'KO', lbs: used });
      remaining -= used;
    }
    line.coveredBy = covers;
    line.uncoveredLbs = remaining;
    totalUncoveredLbs += remaining;
    if (remaining <= 0) {
      line.note = 'covered';
      continue;
    }
    if (!line.greigeStyle) {
      line.note = 'finished style not found in the bridge: uncovered lbs cannot be exploded to yarn';
      continue;
    }
    const bom = bomByStyle.get(line.greigeStyle);
    line.bomSource = bom?.provenance.source ?? null;
    if (!bom || bom.lines.length === 0) {
      line.unresolved.push('no-bom');
      line.note = `greige style ${line.greigeStyle} has no BOM`;
      continue;
    }
    for (const { yarnId, fraction } of bom.lines) {
      const lbs = remaining * fraction;
      line.yarns.push({ yarnId, lbs });
      let series = yarnSeries.get(yarnId);
      if (!series) yarnSeries.set(yarnId, (series = emptySeries(horizon)));
      if (w < horizon) series.weeklyLbs[w] += lbs;
      else series.beyondLbs += lbs;
    }
    line.note = `uncovered lbs exploded with the ${bom.provenance.source} BOM`;
  }

  const yarnDemand = [...yarnSeries].sort(([a], [b]) => compareIds(a, b)).map(([yarnId, series]) => ({ yarnId, ...series }));
  return { lines, yarnDemand, totalUncoveredLbs };
}
