// Demand multipliers: scale the open balance of knit orders and sales orders by style, customer or layer.
// A style target matches a knit order's greige style and a sales line's finished base, finished style or greige
// style (greige sold directly). Only positive balances are scaled (a negative sales balance is an over-shipment).
import type { DemandTarget } from '../../../shared/scenario';
import type { KnitOrder, PlanningData, SalesOrder } from '../../../shared/domain/entities';
import type { ScenarioDemandMultiplier } from './types';

const same = (a: string | null | undefined, b: string): boolean => !!a && a.trim().toUpperCase() === b.trim().toUpperCase();

function koMatches(ko: KnitOrder, t: DemandTarget): boolean {
  if (t.by === 'layer') return t.layer === 'knitOrders';
  return t.by === 'style' && same(ko.style, t.style);
}

function soMatches(so: SalesOrder, t: DemandTarget): boolean {
  if (t.by === 'layer') return t.layer === 'salesOrders';
  if (t.by === 'style') return same(so.finishedBase, t.style) || same(so.finishedStyle, t.style) || same(so.greigeStyle, t.style);
  return same(so.soldTo, t.customer);
}

/** False when a style or customer target names nothing in the data (orders or sales history). */
export function demandTargetExists(data: PlanningData, t: DemandTarget): boolean {
  if (t.by === 'layer') return true;
  if (t.by === 'style')
    return (
      data.knitOrders.some((k) => koMatches(k, t)) ||
      data.salesOrders.some((s) => soMatches(s, t)) ||
      data.salesHistory.some((h) => same(h.finishedStyle, t.style) || same(h.greigeStyle, t.style))
    );
  return data.salesOrders.some((s) => soMatches(s, t)) || data.salesHistory.some((h) => same(h.customer, t.customer));
}

export function scaleDemand(data: PlanningData, t: DemandTarget, multiplier: number): PlanningData {
  if (multiplier === 1) return data;
  let next = data;
  if (data.knitOrders.some((k) => koMatches(k, t))) {
    next = {
      ...next,
      knitOrders: data.knitOrders.map((k) =>
        koMatches(k, t) && k.balanceLbs > 0 ? { ...k, balanceLbs: k.balanceLbs * multiplier, liveBalanceLbs: k.liveBalanceLbs * multiplier } : k,
      ),
    };
  }
  if (data.salesOrders.some((s) => soMatches(s, t))) {
    next = {
      ...next,
      salesOrders: data.salesOrders.map((s) => (soMatches(s, t) && s.balanceQty > 0 ? { ...s, balanceQty: s.balanceQty * multiplier } : s)),
    };
  }
  return next;
}

/** The factor a forecast series of this style (and customer) gets in the scenario: the product of the multipliers that reach it. */
export function forecastMultiplier(multipliers: ScenarioDemandMultiplier[], series: { style?: string; customer?: string }): number {
  let factor = 1;
  for (const { target: t, multiplier } of multipliers) {
    const hit =
      (t.by === 'layer' && t.layer === 'forecast') ||
      (t.by === 'style' && series.style !== undefined && same(series.style, t.style)) ||
      (t.by === 'customer' && series.customer !== undefined && same(series.customer, t.customer));
    if (hit) factor *= multiplier;
  }
  return factor;
}
