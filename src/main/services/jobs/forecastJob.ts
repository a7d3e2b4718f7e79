// The forecast job (in a worker): weekly demand series from the sales history, rolling-origin backtests with
// model selection that never peeks, the company total, styles and style x customer series made coherent (the
// approach per level chosen by the backtest), forecasts with empirical intervals; cached per snapshot.
import { createHash } from 'node:crypto';
import { addDays, mondayOf, weeksBetween, type IsoDate } from '../../../shared/dates';
import type { DemandSeries, SalesLine } from '../../engine/forecast/types';
import {
  accuracy,
  APPROACHES,
  buildDemandSeries,
  createModelLibrary,
  emptySums,
  makeCoherent,
  mergeSums,
  runForecastBatch,
  summariseAccuracy,
  type ErrorSums,
} from '../../engine/forecast';
import type { SeriesForecastResult } from '../../engine/forecast/batch';
import { openStore } from '../../store/db';
import { loadForecastData } from '../../store/entities';
import type { Db } from '../../store/dbHandle';
import { throwIfCancelled, type JobContext } from '../../workers/jobContext';
import { readPlan, writePlan } from '../../store/planCache';
import { planningPolicy } from '../inputs/policy';
import { policyDefaults } from '../../../shared/policy';
import { policyProblems } from '../../../shared/policy/schema';
import { buildStyleBridge } from '../inputs/styleBridge';
import { forecastNotes, writeForecastFiles } from './forecastFiles';
import type { StyleBridge } from '../../engine/yarn/types';
import { answeringBridge, type ForecastSales } from './forecastSales';
import type { CompactBacktestRow, ForecastRun } from './forecastRun';

export type { CompactBacktestRow, ForecastRun };

/** Backtest rows are kept for the company total and per-style series (the grids and backtest.csv). */
const KEEP_ROWS_LEVELS = new Set(['total', 'style']);
/** Models whose WAPE per horizon is kept for the chart: the chosen forecast and the baselines. */
const HORIZON_MODELS = ['selected', 'naive', 'ma4', 'ma8', 'mean'];
/** Rows the hierarchy adds next to a series' own: its approaches (base is the series' own selection renamed). */
const HIERARCHY_MODELS = APPROACHES.filter((a) => a !== 'base');

/** WAPE per horizon of the chosen forecast and the baselines, pooling the series' error sums per horizon. */
export function accuracyByHorizon(
  results: readonly Pick<SeriesForecastResult, 'metricsByHorizon'>[],
  models: readonly string[],
): ForecastRun['accuracyByHorizon'] {
  const sums = new Map<string, ErrorSums>();
  for (const r of results) {
    for (const model of models) {
      (r.metricsByHorizon[model] ?? []).forEach((s, k) => {
        const key = `${k + 1}|${model}`;
        if (!sums.has(key)) sums.set(key, emptySums());
        mergeSums(sums.get(key)!, s);
      });
    }
  }
  return [...sums.entries()]
    .map(([key, s]) => {
      const [h, model] = key.split('|');
      return { horizon: Number(h), model, wape: accuracy(s).wape, points: s.points };
    })
    .filter((r) => Number.isFinite(r.wape))
    .sort((a, b) => a.horizon - b.horizon || a.model.localeCompare(b.model));
}

/** The accuracy groups of a series: TOTAL; styles and their classes (yds); style x customer; none for the rest. */
function accuracyGroups(s: DemandSeries, r: SeriesForecastResult): string[] {
  if (s.unit !== 'yds') return [];
  if (s.level === 'total') return ['TOTAL'];
  const long = r.classification.forecastable;
  const cls = r.classification.demandClass ?? 'no demand';
  if (s.level === 'style') return long ? ['styles', cls] : ['styles too short', `short ${cls}`];
  if (s.level === 'styleCustomer') return long ? ['style x customer'] : [];
  return [];
}

/** Forecast weeks before the as-of week (a gap between the end of the sales history and the plan). */
export function historyGapWeeks(forecastWeeks: readonly IsoDate[], asOf: IsoDate): IsoDate[] {
  const planStart = mondayOf(asOf);
  return forecastWeeks.filter((w) => w < planStart);
}

/**
 * Forecast weeks: from the week after the history through the as-of week's plan horizon, so that the plan's
 * forecast.maxHorizonWeeks count from the as-of week whatever the gap between the history and the snapshot.
 */
export function forecastHorizonWeeks(historyWeeks: readonly IsoDate[], asOf: IsoDate, maxHorizonWeeks: number): number {
  if (!historyWeeks.length) return maxHorizonWeeks;
  const gap = weeksBetween(addDays(historyWeeks[historyWeeks.length - 1], 7), mondayOf(asOf));
  return Math.max(0, gap) + maxHorizonWeeks;
}

/** Plan weeks (from the as-of week) after the last forecast week. */
export function uncoveredPlanWeeks(forecastWeeks: readonly IsoDate[], asOf: IsoDate, planWeeks: number): IsoDate[] {
  const last = forecastWeeks[forecastWeeks.length - 1];
  const planStart = mondayOf(asOf);
  return Array.from({ length: planWeeks }, (_, i) => addDays(planStart, 7 * i)).filter((w) => !last || w > last);
}

/** Bump when the forecast engine's results change, so forecasts stored by an earlier version are not reused. */
const FORECAST_ENGINE_VERSION = 3;

/**
 * The content hash of everything the forecast depends on: the sales lines, what the style bridge answered for
 * them, the forecast policy and the engine version. Snapshots (and scenarios) with equal hashes share one forecast.
 */
export function forecastInputsHash(lines: readonly SalesLine[], bridgeAnswers: ReadonlyMap<string, unknown>, policy: unknown): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({ version: FORECAST_ENGINE_VERSION, policy, bridge: [...bridgeAnswers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) }),
  );
  for (const l of lines) hash.update(`\n${l.document}\t${l.invoiceDate}\t${l.customer}\t${l.finishedStyle}\t${l.qty}\t${l.uom}`);
  return hash.digest('hex');
}

/** A bridge that remembers what it answered, so the answers can be part of the inputs' hash. */
function recordingBridge(bridge: StyleBridge): { bridge: StyleBridge; answers: Map<string, ReturnType<StyleBridge>> } {
  const answers = new Map<string, ReturnType<StyleBridge>>();
  return {
    answers,
    bridge: (style) => {
      if (!answers.has(style)) answers.set(style, bridge(style));
      return answers.get(style)!;
    },
  };
}

/** What a forecast job wrote when given a folder (the CLI): its files, and what the CLI says of the run. */
export interface ForecastFilesWritten {
  files: string[];
  notes: string[];
}

/** The run's CSV files in `outDir`, from memory (reading them back from the store would cost more than the writing). */
function writeFiles(run: ForecastRun, backtest: readonly CompactBacktestRow[], outDir: string | undefined): ForecastFilesWritten | undefined {
  return outDir === undefined ? undefined : { files: writeForecastFiles(run, backtest, outDir), notes: forecastNotes(run) };
}

/** The sales lines and style bridge the forecast reads: given, or read from the store. */
function forecastInputs(db: Db, input: { snapshotId: number; sales?: ForecastSales }): { asOf: IsoDate; lines: SalesLine[]; bridge: StyleBridge } {
  if (input.sales) return { asOf: input.sales.asOf, lines: input.sales.salesHistory, bridge: answeringBridge(input.sales.bridgeAnswers) };
  const data = loadForecastData(db, input.snapshotId);
  return { asOf: data.asOf, lines: data.salesHistory, bridge: buildStyleBridge(data) };
}

/** What a resident worker does while it waits for its first forecast: compiles the policy schema the job checks. */
export function warmUpForecastJob(): void {
  policyProblems(policyDefaults);
}

export async function runForecastJob(
  input: { snapshotId: number; outDir?: string; sales?: ForecastSales },
  ctx: JobContext,
): Promise<{ snapshotId: number; series: number; reusedFrom?: number; outputs?: ForecastFilesWritten }> {
  const db = openStore(ctx.dbPath);
  try {
    ctx.progress(0.02, 'building weekly demand series from the sales history');
    const { asOf, lines, bridge } = forecastInputs(db, input);
    const policyTable = planningPolicy(db);
    const policy = policyTable.forecast;
    const planWeeks = policyTable.calendar.horizonWeeks;
    const recorded = recordingBridge(bridge);
    const history = buildDemandSeries(lines, { bridge: recorded.bridge, policy });
    if (!history.series.length) throw new Error('the snapshot has no sales history to forecast (import the Sales Activity Report)');
    const horizonWeeks = forecastHorizonWeeks(history.weeks, asOf, policy.maxHorizonWeeks);
    const inputsHash = forecastInputsHash(lines, recorded.answers, policy);
    const lastWeek = addDays(history.weeks[history.weeks.length - 1], 7 * horizonWeeks);
    const reused = reuseForecast(db, input.snapshotId, inputsHash, { asOf, lastWeek, planWeeks }, ctx.now);
    if (reused) {
      const outputs = writeFiles(reused.run, reused.backtest, input.outDir);
      return { snapshotId: input.snapshotId, series: history.series.length, reusedFrom: reused.sourceId, ...(outputs ? { outputs } : {}) };
    }
    throwIfCancelled(ctx);
    // One series at a time. Accuracy comes from error sums; backtest rows (the grids and backtest.csv) are kept for
    // the company total and, within a budget, the styles — a long history times many series would not fit in memory.
    const results: SeriesForecastResult[] = [];
    const library = createModelLibrary(policy);
    let budget = policy.maxStoredBacktestRows;
    history.series.forEach((s, i) => {
      throwIfCancelled(ctx);
      // the rows are made only when they fit the budget (the backtest counts them first)
      const keepRows = (rows: number, selectedRows: number): boolean => {
        if (!KEEP_ROWS_LEVELS.has(s.level)) return false;
        if (s.level === 'total') return true;
        // a yds style also gets the hierarchy's rows: its approaches and `selected` next to each `base` row
        const cost = rows + (s.unit === 'yds' ? selectedRows * (HIERARCHY_MODELS.length + 1) : 0);
        if (cost > budget) return false;
        budget -= cost;
        return true;
      };
      const [r] = runForecastBatch([{ id: s.id, startWeek: s.startWeek, values: s.values }], {
        policy,
        horizonWeeks,
        library,
        keepRows,
      }).results;
      results.push(r);
      ctx.progress(0.05 + 0.8 * ((i + 1) / history.series.length), `backtesting and forecasting series ${i + 1} of ${history.series.length}`);
    });
    ctx.progress(0.87, 'making the total, style and style x customer forecasts coherent');
    const coherent = makeCoherent(history.series, results, policy);
    throwIfCancelled(ctx);
    const keptRows = results.flatMap((r) => r.rows ?? []);
    const meta = new Map(history.series.map((s) => [s.id, s]));
    const forecastWeeks = results[0].forecast.weeks;
    const run: ForecastRun = {
      snapshotId: input.snapshotId,
      computedAt: ctx.now,
      asOf,
      historyWeeks: history.weeks,
      historyGapWeeks: historyGapWeeks(forecastWeeks, asOf),
      uncoveredPlanWeeks: uncoveredPlanWeeks(forecastWeeks, asOf, planWeeks),
      partialWeeks: history.partialWeeks,
      hierarchy: { levels: coherent.levels ?? [], problem: coherent.problem },
      series: results.map(({ rows: _rows, metrics: _metrics, metricsByHorizon: _byHorizon, selectedByOrigin: _byOrigin, ...r }) => {
        const s = meta.get(r.series)!;
        return { ...r, level: s.level, unit: s.unit, style: s.style, customer: s.customer, greigeStyle: s.greigeStyle, history: s.values };
      }),
      accuracy: summariseAccuracy(results, (r) => accuracyGroups(meta.get(r.series)!, r)),
      accuracyByHorizon: accuracyByHorizon(
        results.filter((r) => meta.get(r.series)!.unit === 'yds' && KEEP_ROWS_LEVELS.has(meta.get(r.series)!.level)),
        HORIZON_MODELS,
      ),
      storedBacktestRows: keptRows.length,
      lineIssues: history.lineIssues,
      rollUpIssues: history.rollUpIssues,
      outliers: history.outliers,
    };
    const compact: CompactBacktestRow[] = keptRows.map((r) => [r.series, r.origin, r.horizon, r.model, r.actual, r.forecast]);
    const outputs = writeFiles(run, compact, input.outDir);
    ctx.progress(0.95, 'saving the forecast');
    db.transaction(() => {
      writePlan(db, input.snapshotId, 0, 'forecast', inputsHash, ctx.now, run);
      writePlan(db, input.snapshotId, 0, 'forecastBacktest', inputsHash, ctx.now, compact);
    })();
    return { snapshotId: input.snapshotId, series: run.series.length, ...(outputs ? { outputs } : {}) };
  } finally {
    db.close();
  }
}

/** The run's forecasts up to `lastWeek` (a forecast made for a later as-of date reaches further). */
function forecastsUntil(series: ForecastRun['series'], lastWeek: IsoDate): ForecastRun['series'] {
  return series.map((s) => {
    const n = s.forecast.weeks.filter((w) => w <= lastWeek).length;
    if (n === s.forecast.weeks.length) return s;
    const f = s.forecast;
    const cut = <T>(a: T[]) => a.slice(0, n);
    return {
      ...s,
      forecast: { ...f, weeks: cut(f.weeks), point: cut(f.point), lo80: cut(f.lo80), hi80: cut(f.hi80), lo95: cut(f.lo95), hi95: cut(f.hi95) },
    };
  });
}

/**
 * Copies the forecast of another snapshot computed from the same inputs (same hash) whose forecast reaches this
 * snapshot's last forecast week, cut to that week, with this snapshot's as-of date, history gap and uncovered weeks;
 * returns that snapshot's id and the copy, or undefined when there is none (a later as-of date needs weeks it does
 * not have).
 */
function reuseForecast(
  db: Db,
  snapshotId: number,
  inputsHash: string,
  want: { asOf: IsoDate; lastWeek: IsoDate; planWeeks: number },
  now: string,
): { sourceId: number; run: ForecastRun; backtest: CompactBacktestRow[] } | undefined {
  // the newest snapshot with these inputs (its as-of date, and so its forecast's reach, is usually the latest)
  const source = db
    .prepare(
      `SELECT f.snapshot_id AS id FROM plan_cache f JOIN plan_cache b ON b.snapshot_id = f.snapshot_id AND b.scenario_id = 0 AND b.kind = 'forecastBacktest' AND b.inputs_hash = f.inputs_hash
       WHERE f.scenario_id = 0 AND f.kind = 'forecast' AND f.inputs_hash = ? AND f.snapshot_id <> ? ORDER BY f.snapshot_id DESC LIMIT 1`,
    )
    .get(inputsHash, snapshotId) as { id: number } | undefined;
  if (!source) return undefined;
  const run = readPlan<ForecastRun>(db, source.id, 0, 'forecast')!.plan;
  const weeks = run.series[0]?.forecast.weeks ?? [];
  if (!weeks.length || weeks[weeks.length - 1] < want.lastWeek) return undefined;
  const backtest = readPlan<CompactBacktestRow[]>(db, source.id, 0, 'forecastBacktest')!.plan;
  const series = forecastsUntil(run.series, want.lastWeek);
  const forecastWeeks = series[0].forecast.weeks;
  const reused: ForecastRun = {
    ...run,
    snapshotId,
    asOf: want.asOf,
    computedAt: now,
    series,
    historyGapWeeks: historyGapWeeks(forecastWeeks, want.asOf),
    uncoveredPlanWeeks: uncoveredPlanWeeks(forecastWeeks, want.asOf, want.planWeeks),
  };
  db.transaction(() => {
    writePlan(db, snapshotId, 0, 'forecast', inputsHash, now, reused);
    writePlan(db, snapshotId, 0, 'forecastBacktest', inputsHash, now, backtest);
  })();
  return { sourceId: source.id, run: reused, backtest };
}
