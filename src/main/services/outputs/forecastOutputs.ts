// forecast.csv, accuracy.csv and backtest.csv from the cached forecast run of a snapshot.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rowsToCsv } from '../../../shared/csv';
import type { Db } from '../../store/db';
import type { CompactBacktestRow, ForecastRun } from '../jobs/forecastJob';
import { readPlan } from '../../store/planCache';

export function forecastCsvRows(run: ForecastRun): Record<string, string | number>[] {
  return run.series.flatMap((s) =>
    s.forecast.weeks.map((week, i) => ({
      series: s.series,
      level: s.level,
      unit: s.unit,
      demandClass: s.classification.demandClass ?? 'no demand',
      method: s.forecast.method,
      models: s.forecast.members.join('+'),
      week,
      forecast: s.forecast.point[i],
      lo80: s.forecast.lo80[i],
      hi80: s.forecast.hi80[i],
      lo95: s.forecast.lo95[i],
      hi95: s.forecast.hi95[i],
    })),
  );
}

export function accuracyCsvRows(run: ForecastRun): Record<string, string | number>[] {
  return Object.entries(run.accuracy).flatMap(([group, byModel]) =>
    Object.entries(byModel).map(([model, a]) => ({ group, model, points: a.points, wape: a.wape, mase: a.mase, bias: a.bias })),
  );
}

export function writeForecastOutputs(db: Db, snapshotId: number, outDir: string): string[] {
  const run = readPlan<ForecastRun>(db, snapshotId, 0, 'forecast')?.plan;
  const backtest = readPlan<CompactBacktestRow[]>(db, snapshotId, 0, 'forecastBacktest')?.plan;
  if (!run || !backtest) return [];
  writeFileSync(join(outDir, 'forecast.csv'), rowsToCsv(forecastCsvRows(run), ['series', 'level', 'unit', 'demandClass', 'method', 'models', 'week', 'forecast', 'lo80', 'hi80', 'lo95', 'hi95']));
  writeFileSync(join(outDir, 'accuracy.csv'), rowsToCsv(accuracyCsvRows(run), ['group', 'model', 'points', 'wape', 'mase', 'bias']));
  const columns = ['series', 'origin', 'horizon', 'model', 'actual', 'forecast'];
  const rows = backtest.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
  writeFileSync(join(outDir, 'backtest.csv'), rowsToCsv(rows, columns));
  return ['forecast.csv', 'accuracy.csv', 'backtest.csv'];
}
