// The Forecast page: every listed series with its demand class, method and models, accuracy by group and horizon,
// the sales lines left out and the outliers; one series in detail (history, backtest, forecast with its bands).
import type { ForecastSeriesView, ForecastView } from '../../../shared/views';
import { readPlan } from '../../store/planCache';
import type { Db } from '../../store/db';
import { NotFoundError } from '../errors';
import type { Plan } from '../jobs/computePlan';
import type { CompactBacktestRow, ForecastRun } from '../jobs/forecastJob';
import { round, roundOrNull, type ViewContext } from './viewKit';

export function forecastRun(db: Db, snapshotId: number): ForecastRun | undefined {
  return readPlan<ForecastRun>(db, snapshotId, 0, 'forecast')?.plan;
}

/** The series the Forecast page lists: company total, styles and greige styles (style x customer feed the totals). */
export const listedSeries = (run: ForecastRun) => run.series.filter((s) => s.level !== 'styleCustomer');

type Accuracy = ForecastRun['accuracy'][string][string];
const metrics = (model: string, a: Accuracy) => ({
  model,
  points: a.points,
  wape: roundOrNull(a.wape, 4),
  mase: roundOrNull(a.mase, 3),
  bias: roundOrNull(a.bias, 3),
});

const weight = (w: number) => Math.round(w * 1000) / 1000;

/** The approach per level as the view sends it: scores best first. */
function hierarchyOf(run: ForecastRun): ForecastView['hierarchy'] {
  return {
    levels: run.hierarchy.levels.map((l) => ({
      level: l.level,
      approach: l.final,
      scores: Object.entries(l.scores)
        .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
        .map(([approach, score]) => ({ approach, score: roundOrNull(score, 4) ?? 0 }))
        .sort((a, b) => a.score - b.score),
    })),
    problem: run.hierarchy.problem,
  };
}

export function forecastView(plan: Pick<Plan, 'asOf'>, _input: unknown, { db, snapshotId }: ViewContext): ForecastView {
  const run = forecastRun(db, snapshotId);
  if (!run) throw new NotFoundError('no forecast has been computed for this snapshot yet (it runs after the plan)');
  return forecastViewOf(run, snapshotId, plan.asOf);
}

/** The Forecast page's view of a forecast run (pure: the run is read by the caller). */
export function forecastViewOf(run: ForecastRun, snapshotId: number, asOf: string): ForecastView {
  return {
    snapshotId,
    asOf,
    computedAt: run.computedAt,
    historyWeeks: run.historyWeeks,
    historyGapWeeks: run.historyGapWeeks,
    uncoveredPlanWeeks: run.uncoveredPlanWeeks ?? [],
    hierarchy: hierarchyOf(run),
    series: listedSeries(run).map((s) => ({
      series: s.series,
      level: s.level,
      unit: s.unit,
      style: s.style ?? s.greigeStyle ?? null,
      demandClass: s.classification.demandClass,
      adi: roundOrNull(s.classification.adi, 2),
      cv2: roundOrNull(s.classification.cv2, 2),
      nonZeroWeeks: s.classification.nonZeroWeeks,
      method: s.forecast.method,
      family: s.family,
      choice: s.forecast.choice,
      models: s.forecast.members,
      weights: s.forecast.weights.map(weight),
      approach: s.forecast.approach ?? null,
      reason: s.forecast.reason ?? null,
      next4Weeks: round(s.forecast.point.slice(0, 4).reduce((t, v) => t + v, 0)),
      historyTotal: round(s.history.reduce((t, v) => t + v, 0)),
    })),
    accuracy: Object.entries(run.accuracy).flatMap(([group, byModel]) =>
      Object.entries(byModel).map(([model, a]) => ({ group, ...metrics(model, a) })),
    ),
    accuracyByHorizon: run.accuracyByHorizon.map((r) => ({ horizon: r.horizon, model: r.model, wape: roundOrNull(r.wape, 4), points: r.points })),
    lineIssues: run.lineIssues.map((l) => ({
      line: l.line,
      document: l.document,
      fStyle: l.fStyle,
      qty: l.qty,
      uom: l.uom,
      action: l.action,
      reason: l.reason,
      qtyYds: roundOrNull(l.qtyYds, 2),
    })),
    outliers: run.outliers.map((o) => ({
      series: o.series,
      week: o.week,
      value: o.value,
      median: o.median,
      robustZ: o.robustZ,
      direction: o.direction,
    })),
  };
}

export function forecastSeriesView(plan: Pick<Plan, 'asOf'>, { series }: { series: string }, { db, snapshotId }: ViewContext): ForecastSeriesView {
  const run = forecastRun(db, snapshotId);
  if (!run || !run.series.some((x) => x.series === series)) throw new NotFoundError(`no forecast for series ${series}`);
  return forecastSeriesViewOf(run, series, readPlan<CompactBacktestRow[]>(db, snapshotId, 0, 'forecastBacktest')?.plan ?? [], plan.asOf);
}

/** One series of a forecast run in detail (pure: the run and its stored backtest rows are read by the caller). */
export function forecastSeriesViewOf(
  run: ForecastRun,
  series: string,
  backtestRows: readonly CompactBacktestRow[],
  asOf: string,
): ForecastSeriesView {
  const s = run.series.find((x) => x.series === series);
  if (!s) throw new NotFoundError(`no forecast for series ${series}`);
  const backtest = backtestRows
    .filter((r) => r[0] === series && r[3] === 'selected' && r[2] === 1)
    .map((r) => ({ week: r[1], actual: r[4], forecast: round(r[5]) }));
  const group = run.accuracy[s.level === 'total' ? 'TOTAL' : 'styles'];
  return {
    series,
    historyWeeks: run.historyWeeks,
    history: s.history,
    backtest,
    forecastWeeks: s.forecast.weeks,
    point: s.forecast.point.map((v) => round(v)),
    lo80: s.forecast.lo80.map((v) => round(v)),
    hi80: s.forecast.hi80.map((v) => round(v)),
    lo95: s.forecast.lo95.map((v) => round(v)),
    hi95: s.forecast.hi95.map((v) => round(v)),
    members: s.forecast.members,
    weights: s.forecast.weights.map(weight),
    choice: s.forecast.choice,
    family: s.family,
    approach: s.forecast.approach ?? null,
    historyGapWeeks: run.historyGapWeeks,
    asOf,
    method: s.forecast.method,
    reason: s.forecast.reason ?? null,
    metrics: group ? Object.entries(group).map(([model, a]) => metrics(model, a)) : [],
  };
}
