// forecast.csv, accuracy.csv and backtest.csv of a forecast run: written by the forecast job as it ends (the CLI) and
// from a stored run (services/outputs/forecastOutputs.ts).
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { rowsToCsv, writeTuplesCsv } from '../../../shared/csv';
import { APPROACHES, BASE, COMB, DEFAULT_BASELINES, SELECTED, SKILL } from '../../engine/forecast';
import type { CompactBacktestRow, ForecastRun } from './forecastRun';

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

/**
 * One row per series and forecast week; `historyGap` marks the weeks before the as-of week (never planned). Plan
 * weeks the forecast does not reach (a forecast horizon shorter than the plan's) follow as rows of series `*` with
 * method `beyondForecastHorizon` and no numbers, so a plan week never silently lacks a forecast.
 */
export function forecastCsvRows(run: ForecastRun): CsvRow[] {
  const gap = new Set(run.historyGapWeeks);
  const uncovered = (run.uncoveredPlanWeeks ?? []).map((week) => ({
    ...Object.fromEntries(FORECAST_COLUMNS.map((c) => [c, ''])),
    series: '*',
    method: 'beyondForecastHorizon',
    week,
    historyGap: false,
  }));
  const rows = run.series.flatMap((s) =>
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
  return [...rows, ...uncovered];
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

const BACKTEST_COLUMNS = ['series', 'origin', 'horizon', 'model', 'actual', 'forecast'];

/** forecast.csv, accuracy.csv and backtest.csv of a forecast run in memory (the forecast job writes them as it ends). */
export function writeForecastFiles(run: ForecastRun, backtest: readonly CompactBacktestRow[], outDir: string): string[] {
  writeFileSync(join(outDir, 'forecast.csv'), rowsToCsv(forecastCsvRows(run), FORECAST_COLUMNS));
  writeFileSync(join(outDir, 'accuracy.csv'), rowsToCsv(accuracyCsvRows(run), ACCURACY_COLUMNS));
  // hundreds of thousands of rows: written in pieces; a compact row is these columns in order
  const fd = openSync(join(outDir, 'backtest.csv'), 'w');
  try {
    writeTuplesCsv(backtest, BACKTEST_COLUMNS, (text) => writeSync(fd, text));
  } finally {
    closeSync(fd);
  }
  return ['forecast.csv', 'accuracy.csv', 'backtest.csv'];
}

/** What the CLI says of a forecast run: the partial edge weeks it scaled and the plan weeks it does not reach. */
export function forecastNotes(run: ForecastRun | undefined): string[] {
  if (!run) return [];
  const notes = (run.partialWeeks ?? []).map(
    (p) =>
      `forecast: the sales history covers the week of ${p.week} only from ${p.from} to ${p.to}, days that hold ${Math.round(p.coveredShare * 1000) / 10} % of a full week's sales: its sales are scaled x${Math.round(p.factor * 100) / 100} to a full week in every series`,
  );
  const uncovered = run.uncoveredPlanWeeks ?? [];
  if (uncovered.length)
    notes.push(
      `forecast: no forecast for ${uncovered.length} plan weeks (${uncovered[0]} to ${uncovered[uncovered.length - 1]}): forecast.maxHorizonWeeks is shorter than calendar.horizonWeeks`,
    );
  return notes;
}
