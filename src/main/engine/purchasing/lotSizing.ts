// Lot sizing of one planned receipt, then MOQ and order-multiple rounding (the order is always rounded up).
import type { LotSizingRule } from './types';

export interface LotSizingContext {
  week: number;
  netRequirementLbs: number;
  /** Projected on hand at the end of the previous week (after earlier planned receipts). */
  balanceBeforeLbs: number;
  grossByWeek: number[];
  scheduledByWeek: number[];
  safetyStockLbs: number;
  /** Average weekly gross requirement over the horizon (EOQ's annual demand = this x weeksPerYear). */
  averageWeeklyGrossLbs: number;
  costPerLb: number;
  weeksPerYear: number;
}

export interface LotSize {
  lotLbs: number;
  note?: string;
}

/** Economic order quantity sqrt(2DS / (h c)) in lbs; null when demand or cost is not positive. */
export function eoqLbs(annualDemandLbs: number, orderingCostUsd: number, holdingRatePerYear: number, costPerLb: number): number | null {
  if (!(annualDemandLbs > 0 && orderingCostUsd > 0 && holdingRatePerYear > 0 && costPerLb > 0)) return null;
  return Math.sqrt((2 * annualDemandLbs * orderingCostUsd) / (holdingRatePerYear * costPerLb));
}

export function lotSize(rule: LotSizingRule, ctx: LotSizingContext): LotSize {
  const nr = ctx.netRequirementLbs;
  switch (rule.kind) {
    case 'lotForLot':
      return { lotLbs: nr };
    case 'fixedPeriod': {
      // Enough to keep the balance at safety stock through the last week of the period (POQ).
      const last = Math.min(ctx.grossByWeek.length, ctx.week + Math.max(1, Math.floor(rule.periodWeeks))) - 1;
      let balance = ctx.balanceBeforeLbs;
      for (let k = ctx.week; k <= last; k++) balance += (ctx.scheduledByWeek[k] ?? 0) - (ctx.grossByWeek[k] ?? 0);
      return { lotLbs: Math.max(nr, ctx.safetyStockLbs - balance) };
    }
    case 'eoq': {
      const annual = ctx.averageWeeklyGrossLbs * ctx.weeksPerYear;
      const eoq = eoqLbs(annual, rule.orderingCostUsd, rule.holdingRatePerYear, ctx.costPerLb);
      if (eoq === null) return { lotLbs: nr, note: 'EOQ needs positive demand and cost per lb: lot-for-lot used' };
      return { lotLbs: Math.max(nr, eoq) };
    }
  }
}

/** Rounds a lot up to the MOQ, then up to a whole number of order multiples. */
export function roundOrderQty(lotLbs: number, moqLbs: number, multipleLbs: number): number {
  let qty = Math.max(lotLbs, moqLbs, 0);
  if (multipleLbs > 0) qty = Math.ceil(qty / multipleLbs - 1e-9) * multipleLbs;
  return Math.round(qty * 1e6) / 1e6;
}
