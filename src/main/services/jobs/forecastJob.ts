// The forecast job (in a worker): weekly demand series from the sales history, rolling-origin backtests with
// model selection that never peeks, forecasts with empirical intervals; cached per snapshot.
import type { BacktestRow, SalesLine } from '../../engine/forecast/types';
import { buildDemandSeries, createModelLibrary, runForecastBatch, summariseAccuracy } from '../../engine/forecast';
import type { SeriesForecastResult } from '../../engine/forecast/batch';
import { openStore } from '../../store/db';
import { loadPlanningData } from '../../store/entities';
import { throwIfCancelled, type JobContext } from '../../workers/jobContext';
import { writePlan } from '../../store/planCache';
import { planningPolicy } from '../inputs/policy';
import { buildStyleBridge } from '../inputs/styleBridge';

/** Backtest rows are kept for the company total and per-style series (the grids and backtest.csv). */
const KEEP_ROWS_LEVELS = new Set(['total', 'style']);

export interface ForecastRun {
  snapshotId: number;
  computedAt: string;
  historyWeeks: string[];
  series: (Omit<SeriesForecastResult, 'rows' | 'metrics'> & { level: string; unit: string; style?: string; customer?: string; greigeStyle?: string; history: number[] })[];
  accuracy: ReturnType<typeof summariseAccuracy>;
  /** WAPE of the selected forecast and the baselines per horizon, over the portfolio of TOTAL + styles. */
  accuracyByHorizon: { horizon: number; model: string; wape: number; points: number }[];
  /** Backtest rows kept for backtest.csv and the charts: all of the company total, the styles' within the budget. */
  storedBacktestRows: number;
  lineIssues: ReturnType<typeof buildDemandSeries>['lineIssues'];
  rollUpIssues: ReturnType<typeof buildDemandSeries>['rollUpIssues'];
  outliers: ReturnType<typeof buildDemandSeries>['outliers'];
}

export type CompactBacktestRow = [series: string, origin: string, horizon: number, model: string, actual: number, forecast: number];

export function salesLinesOf(history: { document: string; invoiceDate: string; customer: string | null; finishedStyle: string; qty: number; uom: string | null; unitPrice: number | null; linePrice: number | null }[]): SalesLine[] {
  return history.map((l) => ({
    document: l.document,
    invoiceDate: l.invoiceDate,
    customer: l.customer ?? '',
    fStyle: l.finishedStyle,
    qty: l.qty,
    uom: l.uom ?? '',
    unitPrice: l.unitPrice ?? 0,
    linePrice: l.linePrice ?? 0,
  }));
}

/** Running WAPE sums per (horizon, model), fed series by series so backtest rows need not be kept. */
export class HorizonAccuracy {
  private readonly sums = new Map<string, { abs: number; actual: number; points: number }>();

  constructor(private readonly models: readonly string[]) {}

  add(rows: readonly BacktestRow[]): void {
    for (const r of rows) {
      if (!this.models.includes(r.model)) continue;
      const key = `${r.horizon}|${r.model}`;
      const s = this.sums.get(key) ?? { abs: 0, actual: 0, points: 0 };
      s.abs += Math.abs(r.forecast - r.actual);
      s.actual += r.actual;
      s.points++;
      this.sums.set(key, s);
    }
  }

  result(): ForecastRun['accuracyByHorizon'] {
    return [...this.sums.entries()]
      .map(([key, s]) => {
        const [h, model] = key.split('|');
        return { horizon: Number(h), model, wape: s.actual > 0 ? s.abs / s.actual : NaN, points: s.points };
      })
      .filter((r) => Number.isFinite(r.wape))
      .sort((a, b) => a.horizon - b.horizon || a.model.localeCompare(b.model));
  }
}

export async function runForecastJob(input: { snapshotId: number }, ctx: JobContext): Promise<{ snapshotId: number; series: number }> {
  const db = openStore(ctx.dbPath);
  try {
    ctx.progress(0.02, 'building weekly demand series from the sales history');
    const data = loadPlanningData(db, input.snapshotId);
    const policy = planningPolicy(db).forecast;
    const history = buildDemandSeries(salesLinesOf(data.salesHistory), { bridge: buildStyleBridge(data), policy });
    if (!history.series.length) throw new Error('the snapshot has no sales history to forecast (import the Sales Activity Report)');
    throwIfCancelled(ctx);
    // One series at a time: backtest rows are folded into the accuracy sums and only kept (for the grids and
    // backtest.csv) within a budget — a long history times many series would not fit in memory otherwise.
    const meta = new Map(history.series.map((s) => [s.id, s]));
    const horizonAccuracy = new HorizonAccuracy(['selected', 'naive', 'ma4', 'ma8', 'mean']);
    const keptRows: BacktestRow[] = [];
    const results: SeriesForecastResult[] = [];
    const library = createModelLibrary(policy);
    history.series.forEach((s, i) => {
      throwIfCancelled(ctx);
      const level = s.level;
      const [r] = runForecastBatch([{ id: s.id, startWeek: s.startWeek, values: s.values }], { policy, horizonWeeks: policy.maxHorizonWeeks, library, keepRows: KEEP_ROWS_LEVELS.has(level) }).results;
      if (r.rows) {
        horizonAccuracy.add(r.rows);
        const room = policy.maxStoredBacktestRows - keptRows.length;
        if (level === 'total' || room >= r.rows.length) keptRows.push(...r.rows);
        r.rows = undefined;
      }
      results.push(r);
      ctx.progress(0.05 + 0.85 * ((i + 1) / history.series.length), `backtesting and forecasting series ${i + 1} of ${history.series.length}`);
    });
    const run: ForecastRun = {
      snapshotId: input.snapshotId,
      computedAt: ctx.now,
      historyWeeks: history.weeks,
      series: results.map(({ rows: _rows, metrics: _metrics, ...r }) => {
        const s = meta.get(r.series)!;
        return { ...r, level: s.level, unit: s.unit, style: s.style, customer: s.customer, greigeStyle: s.greigeStyle, history: s.values };
      }),
      accuracy: summariseAccuracy(
        results.filter((r) => KEEP_ROWS_LEVELS.has(meta.get(r.series)!.level)),
        // Styles split by whether their history supports a forecast: the short ones are shown, never pooled in.
        (r) =>
          meta.get(r.series)!.level === 'total'
            ? ['TOTAL']
            : [r.classification.forecastable ? 'styles' : 'styles too short', `${r.classification.forecastable ? '' : 'short '}${r.classification.demandClass ?? 'no demand'}`],
      ),
      accuracyByHorizon: horizonAccuracy.result(),
      storedBacktestRows: keptRows.length,
      lineIssues: history.lineIssues,
      rollUpIssues: history.rollUpIssues,
      outliers: history.outliers,
    };
    ctx.progress(0.95, 'saving the forecast');
    writePlan(db, input.snapshotId, 0, 'forecast', String(history.series.length), ctx.now, run);
    const compact: CompactBacktestRow[] = keptRows.map((r) => [r.series, r.origin, r.horizon, r.model, r.actual, r.forecast]);
    writePlan(db, input.snapshotId, 0, 'forecastBacktest', String(compact.length), ctx.now, compact);
    return { snapshotId: input.snapshotId, series: run.series.length };
  } finally {
    db.close();
  }
}
