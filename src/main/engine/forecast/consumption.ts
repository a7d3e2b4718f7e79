// Forecast consumption by open sales orders (the SAP/frePPLe "net forecast" rule): an order first consumes the
// forecast of its own week, then of earlier weeks (nearest first, up to the backward window), then of later weeks
// (up to the forward window). What an order cannot consume is demand on top of the forecast.
// Net demand per week = open orders due that week + the forecast left unconsumed.
import { mondayOf, weeksBetween, type IsoDate } from '../../../shared/dates';
import type { ForecastPolicy } from '../../../shared/policy/forecast';

export interface WeeklyForecast {
  /** Mondays, consecutive. */
  weeks: IsoDate[];
  qty: number[];
}

export interface OpenOrderQty {
  style: string;
  /** Due date (any day; bucketed to its ISO week). */
  week: IsoDate;
  qty: number;
}

export interface ConsumedWeek {
  week: IsoDate;
  forecast: number;
  /** Open orders due this week. */
  orders: number;
  /** Forecast of this week consumed by orders (of this or nearby weeks). */
  consumed: number;
  remainingForecast: number;
  netDemand: number;
}

export interface ConsumptionResult {
  weeks: ConsumedWeek[];
  /** Order quantity that found no forecast to consume (demand above the forecast). */
  unconsumedOrders: number;
  /** Order quantity due outside the forecast weeks (past due or beyond the horizon). */
  ordersOutsideHorizon: number;
}

type Windows = Pick<ForecastPolicy, 'consumptionBackwardWeeks' | 'consumptionForwardWeeks'>;

export function consumeForecast(forecast: WeeklyForecast, orders: readonly { week: IsoDate; qty: number }[], policy: Windows): ConsumptionResult {
  const n = forecast.weeks.length;
  const remaining = forecast.qty.map((q) => Math.max(0, q));
  const ordersByWeek = new Array<number>(n).fill(0);
  const byIndex = new Map<number, number>();
  let outside = 0;
  for (const o of orders) {
    if (!(o.qty > 0)) continue;
    const i = n ? weeksBetween(forecast.weeks[0], mondayOf(o.week)) : -1;
    if (i >= 0 && i < n) ordersByWeek[i] += o.qty;
    else outside += o.qty;
    byIndex.set(i, (byIndex.get(i) ?? 0) + o.qty);
  }
  let unconsumed = 0;
  for (const i of [...byIndex.keys()].sort((a, b) => a - b)) {
    let need = byIndex.get(i)!;
    const order = [i];
    for (let k = 1; k <= policy.consumptionBackwardWeeks; k++) order.push(i - k);
    for (let k = 1; k <= policy.consumptionForwardWeeks; k++) order.push(i + k);
    for (const j of order) {
      if (need <= 0) break;
      if (j < 0 || j >= n) continue;
      const take = Math.min(need, remaining[j]);
      remaining[j] -= take;
      need -= take;
    }
    unconsumed += need;
  }
  const weeks = forecast.weeks.map((week, j) => {
    const f = Math.max(0, forecast.qty[j]);
    return {
      week,
      forecast: f,
      orders: ordersByWeek[j],
      consumed: f - remaining[j],
      remainingForecast: remaining[j],
      netDemand: ordersByWeek[j] + remaining[j],
    };
  });
  return { weeks, unconsumedOrders: unconsumed, ordersOutsideHorizon: outside };
}

/** Consumption per style; styles with orders but no forecast get an all-zero forecast on the same weeks. */
export function consumeForecastsByStyle(
  forecasts: ReadonlyMap<string, WeeklyForecast>,
  orders: readonly OpenOrderQty[],
  policy: Windows,
): Map<string, ConsumptionResult> {
  const byStyle = new Map<string, OpenOrderQty[]>();
  for (const o of orders) byStyle.set(o.style, [...(byStyle.get(o.style) ?? []), o]);
  const anyWeeks = forecasts.values().next().value?.weeks ?? [];
  const out = new Map<string, ConsumptionResult>();
  for (const style of [...new Set([...forecasts.keys(), ...byStyle.keys()])].sort()) {
    const f = forecasts.get(style) ?? { weeks: anyWeeks, qty: anyWeeks.map(() => 0) };
    out.set(style, consumeForecast(f, byStyle.get(style) ?? [], policy));
  }
  return out;
}
