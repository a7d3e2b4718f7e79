// forecast.csv, accuracy.csv and backtest.csv from the stored forecast run of a snapshot.
import type { Db } from '../../store/db';
import { readPlan } from '../../store/planCache';
import { writeForecastFiles } from '../jobs/forecastFiles';
import type { CompactBacktestRow, ForecastRun } from '../jobs/forecastJob';

export function writeForecastOutputs(db: Db, snapshotId: number, outDir: string): string[] {
  const run = readPlan<ForecastRun>(db, snapshotId, 0, 'forecast')?.plan;
  const backtest = readPlan<CompactBacktestRow[]>(db, snapshotId, 0, 'forecastBacktest')?.plan;
  return run && backtest ? writeForecastFiles(run, backtest, outDir) : [];
}
