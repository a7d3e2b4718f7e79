// The batch results of the company total, the styles (yds) and the style x customer series made coherent
// (hierarchy.ts): each series' own selection becomes `base`, the reconciliation approaches are added next to it, and
// `selected` becomes the approach chosen for its level — in the backtest rows, the error sums and the forward
// forecast (with intervals from the errors of that final forecast).
import type { ForecastPolicy } from '../../../shared/policy/forecast';
import type { SeriesForecastResult } from './batch';
import { SELECTED } from './backtest';
import { hierarchyProblem, reconcileHierarchy, type HierarchyLevel, type HierarchyNode, type HierarchyResult } from './hierarchy';
import { empiricalIntervals } from './intervals';
import { styleSeriesId, TOTAL_ID } from './series';
import type { BacktestRow, DemandSeries } from './types';

export const BASE = 'base';

export interface CoherentOutcome {
  /** The approach per level (null when the series do not form a hierarchy, with the reason). */
  levels: HierarchyResult['levels'] | null;
  problem: string | null;
}

const levelOf = (s: DemandSeries): HierarchyLevel | null =>
  s.unit !== 'yds' ? null : s.level === 'total' ? 'total' : s.level === 'style' ? 'style' : s.level === 'styleCustomer' ? 'styleCustomer' : null;

/** Patches `results` in place (same order as `series`). */
export function makeCoherent(series: readonly DemandSeries[], results: SeriesForecastResult[], policy: ForecastPolicy): CoherentOutcome {
  const nodes: HierarchyNode[] = [];
  const resultOf = new Map<string, SeriesForecastResult>();
  series.forEach((s, i) => {
    const level = levelOf(s);
    if (!level) return;
    const r = results[i];
    resultOf.set(s.id, r);
    const parent = level === 'total' ? null : level === 'style' ? TOTAL_ID : styleSeriesId(s.style!);
    nodes.push({
      id: s.id,
      level,
      parent,
      values: s.values,
      base: r.selectedByOrigin,
      forward: r.forecast.point,
      forecastable: r.forecast.method === 'statistical',
    });
  });
  const problem = hierarchyProblem(nodes);
  if (problem) return { levels: null, problem };
  const first = resultOf.get(TOTAL_ID)!;
  const outcome = reconcileHierarchy({
    nodes,
    startWeek: series.find((s) => s.id === TOTAL_ID)!.startWeek,
    firstOrigin: first.firstOrigin,
    policy,
    keepRows: (id) => !!resultOf.get(id)!.rows,
  });
  const finalByLevel = new Map(outcome.levels.map((l) => [l.level, l.final]));
  const levelById = new Map(nodes.map((n) => [n.id, n.level]));
  for (const node of outcome.nodes) {
    const r = resultOf.get(node.id)!;
    const level = levelById.get(node.id)!;
    if (r.metrics[SELECTED]) r.metrics[BASE] = r.metrics[SELECTED];
    if (r.metricsByHorizon[SELECTED]) r.metricsByHorizon[BASE] = r.metricsByHorizon[SELECTED];
    Object.assign(r.metrics, node.metrics);
    Object.assign(r.metricsByHorizon, node.metricsByHorizon);
    if (r.rows) {
      const rows: BacktestRow[] = [];
      for (const row of r.rows)
        rows.push(
          row.model === SELECTED
            ? { series: row.series, origin: row.origin, horizon: row.horizon, model: BASE, actual: row.actual, forecast: row.forecast }
            : row,
        );
      for (const row of node.rows) rows.push(row);
      r.rows = rows;
    }
    if (r.forecast.method !== 'statistical') continue;
    const bands = empiricalIntervals(node.forward, node.selectedErrors, policy);
    r.forecast = {
      ...r.forecast,
      approach: finalByLevel.get(level)!,
      point: node.forward,
      lo80: bands.lo80,
      hi80: bands.hi80,
      lo95: bands.lo95,
      hi95: bands.hi95,
    };
  }
  return { levels: outcome.levels, problem: null };
}
