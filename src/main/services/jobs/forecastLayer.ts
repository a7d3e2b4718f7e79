// The forecast as a yarn demand layer: per greige style, the forecast lbs per plan week that open sales orders have
// not already consumed (they are in the sales-order layer), exploded to yarn through the style's resolved BOM.
// Only plan weeks count: the sales history ends before the as-of date, so the first forecast weeks are a history gap
// (already past); they are neither planned nor consumed by orders (an order consuming them would leave the same
// quantity of forecast in the plan weeks, counting the demand twice).
import type { ForecastPolicy } from '../../../shared/policy/forecast';
import { consumeForecast } from '../../engine/forecast';
import type { WeeklySeries, YarnPlan } from '../../engine/yarn/types';
import type { ForecastRun } from './forecastJob';

export interface ForecastLayerLine {
  greigeStyle: string;
  series: string;
  forecastLbs: number;
  consumedBySalesOrdersLbs: number;
  netLbs: number;
  yarns: number;
  note: string;
}

export interface ForecastLayer {
  yarnDemand: ({ yarnId: string } & WeeklySeries)[];
  lines: ForecastLayerLine[];
}

/** Greige styles the forecast speaks for (to resolve their BOMs in the yarn plan). */
export function forecastGreigeStyles(run: ForecastRun): string[] {
  return run.series
    .filter((s) => s.level === 'greige' && s.unit === 'lbs' && s.greigeStyle && s.forecast.method === 'statistical')
    .map((s) => s.greigeStyle!);
}

export function forecastYarnLayer(run: ForecastRun, yarn: YarnPlan, policy: ForecastPolicy): ForecastLayer {
  const weekIndex = new Map(yarn.weeks.map((w, i) => [w, i]));
  const bomByStyle = new Map(yarn.styles.map((s) => [s.style, s.bom.lines]));
  const ordersByStyle = new Map<string, { week: string; qty: number }[]>();
  for (const l of yarn.salesOrders.lines) {
    if (!l.greigeStyle || !l.demandLbs) continue;
    ordersByStyle.set(l.greigeStyle, [...(ordersByStyle.get(l.greigeStyle) ?? []), { week: l.weekMonday, qty: l.demandLbs }]);
  }
  const byYarn = new Map<string, { yarnId: string } & WeeklySeries>();
  const lines: ForecastLayerLine[] = [];
  for (const s of run.series) {
    if (s.level !== 'greige' || s.unit !== 'lbs' || !s.greigeStyle || s.forecast.method !== 'statistical') continue;
    const inPlan = s.forecast.weeks.map((w, i) => ({ w, q: s.forecast.point[i] })).filter(({ w }) => weekIndex.has(w));
    const consumed = consumeForecast({ weeks: inPlan.map((x) => x.w), qty: inPlan.map((x) => x.q) }, ordersByStyle.get(s.greigeStyle) ?? [], policy);
    const bom = bomByStyle.get(s.greigeStyle) ?? [];
    let forecastLbs = 0;
    let consumedLbs = 0;
    let netLbs = 0;
    for (const w of consumed.weeks) {
      const i = weekIndex.get(w.week)!;
      forecastLbs += w.forecast;
      consumedLbs += w.consumed;
      netLbs += w.remainingForecast;
      for (const line of bom) {
        const series = byYarn.get(line.yarnId) ?? { yarnId: line.yarnId, weeklyLbs: new Array<number>(yarn.weeks.length).fill(0), beyondLbs: 0 };
        series.weeklyLbs[i] += w.remainingForecast * line.fraction;
        byYarn.set(line.yarnId, series);
      }
    }
    lines.push({
      greigeStyle: s.greigeStyle,
      series: s.series,
      forecastLbs,
      consumedBySalesOrdersLbs: consumedLbs,
      netLbs,
      yarns: bom.length,
      note: bom.length ? '' : 'no BOM for this greige style: its forecast cannot be turned into yarn',
    });
  }
  return { yarnDemand: [...byYarn.values()], lines };
}
