// forecast.csv, accuracy.csv and backtest.csv from the cached forecast run of a snapshot.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rowsToCsv, tuplesToCsv } from '../../../shared/csv';
import { APPROACHES, BASE, COMB, DEFAULT_BASELINES, SELECTED, SKILL } from '../../engine/forecast';
import type { Db } from '../../store/db';
import type { CompactBacktestRow, ForecastRun } from '../jobs/forecastJob';
import { readPlan } from '../../store/planCache';

type CsvRow = Record<string, string | number | boolean>;

const FORECAST_COLUMNS = [
  'series',
  'level',
  'unit',
  'demandClass',
  'family',
  'method',
  'choice',
  'models',
  'weights',
  'approach',
  'week',
  'historyGap',
  'forecast',
  'lo80',
  'hi80',
  'lo95',
  'hi95',
];
const ACCURACY_COLUMNS = ['group', 'model', 'role', 'points', 'wape', 'mase', 'bias'];

/** One row per series and forecast week; `historyGap` marks the weeks before the as-of week (never planned). */
export function forecastCsvRows(run: ForecastRun): CsvRow[] {
  const gap = new Set(run.historyGapWeeks);
  return run.series.flatMap((s) =>
    s.forecast.weeks.map((week, i) => ({
      series: s.series,
      level: s.level,
      unit: s.unit,
      demandClass: s.classification.demandClass ?? 'no demand',
      family: s.family ?? '',
      method: s.forecast.method,
      choice: s.forecast.choice,
      models: s.forecast.members.join('+'),
      weights: s.forecast.weights.map((w) => Math.round(w * 1000) / 1000).join('+'),
      approach: s.forecast.approach ?? '',
      week,
      historyGap: gap.has(week),
      forecast: s.forecast.point[i],
      lo80: s.forecast.lo80[i],
      hi80: s.forecast.hi80[i],
      lo95: s.forecast.lo95[i],
      hi95: s.forecast.hi95[i],
    })),
  );
}

const HIERARCHY = new Set<string>(APPROACHES.filter((a) => a !== 'base'));

/** What a model is in the accuracy table: the chosen forecast, a baseline, or one of the ways to make it. */
export function modelRole(model: string): string {
  if (model === SELECTED) return 'chosen';
  if (DEFAULT_BASELINES.includes(model)) return 'baseline';
  if (model === BASE) return 'own selection';
  if (HIERARCHY.has(model)) return 'hierarchy';
  if (model === COMB || model === SKILL) return 'combination';
  return 'model';
}

const ROLE_ORDER = ['chosen', 'baseline', 'own selection', 'hierarchy', 'combination', 'model'];

/** Per group (TOTAL, styles, ...): the chosen forecast first, then the baselines and every other forecast. */
export function accuracyCsvRows(run: ForecastRun): CsvRow[] {
  return Object.entries(run.accuracy).flatMap(([group, byModel]) =>
    Object.entries(byModel)
      .map(([model, a]) => ({ group, model, role: modelRole(model), points: a.points, wape: a.wape, mase: a.mase, bias: a.bias }))
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.model.localeCompare(b.model)),
  );
}

export function writeForecastOutputs(db: Db, snapshotId: number, outDir: string): string[] {
  const run = readPlan<ForecastRun>(db, snapshotId, 0, 'forecast')?.plan;
  const backtest = readPlan<CompactBacktestRow[]>(db, snapshotId, 0, 'forecastBacktest')?.plan;
  if (!run || !backtest) return [];
  writeFileSync(join(outDir, 'forecast.csv'), rowsToCsv(forecastCsvRows(run), FORECAST_COLUMNS));
  writeFileSync(join(outDir, 'accuracy.csv'), rowsToCsv(accuracyCsvRows(run), ACCURACY_COLUMNS));
  const columns = ['series', 'origin', 'horizon', 'model', 'actual', 'forecast'];
  writeFileSync(join(outDir, 'backtest.csv'), tuplesToCsv(backtest, columns)); // a compact row is these columns in order
  return ['forecast.csv', 'accuracy.csv', 'backtest.csv'];
}
