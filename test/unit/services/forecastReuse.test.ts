// The forecast is keyed by the content hash of what it depends on (sales lines, the style bridge's answers, the
// forecast policy): a snapshot whose inputs equal an earlier one's reuses its forecast with its own as-of date and
// history gap; a different sales line or policy computes afresh.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../src/shared/dates';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import type { ForecastRun } from '../../../src/main/services/jobs/forecastJob';
import { runJob } from '../../../src/main/services/jobs/registry';
import { setPolicyValues } from '../../../src/main/services/inputs/policy';
import { readPlan } from '../../../src/main/store/planCache';
import { JobHost } from '../../../src/main/workers/jobHost';
import { forecastCsvRows, forecastNotes } from '../../../src/main/services/jobs/forecastFiles';
import { TINY_BOM_CSV, TINY_YARN_INVENTORY_CSV } from '../../support/tinyExports';
import { tempDir } from '../../support/tempDb';

/** 30 weeks of invoices of two styles, Mondays from 2025-01-06 (history ends the week of 2025-07-28). */
function salesReport(extraQty = 0): string {
  const lines = ['Document,Invoice Date,Customer,fStyle#,Yds_ordered,UOM,Unit Price,Line Price'];
  for (let w = 0; w < 30; w++) {
    const day = addDays('2025-01-06', 7 * w);
    const [y, m, d] = day.split('-');
    lines.push(`S${w}A,${m}-${d}-${y.slice(2)},Acme,ST1-FS,${100 + (w % 5) * 10 + (w === 29 ? extraQty : 0)},yds,$5.00,$500.00`);
    lines.push(`S${w}B,${m}-${d}-${y.slice(2)},Birch,ST2-FS,${40 + (w % 3) * 5},yds,$4.00,$160.00`);
  }
  return `${lines.join('\n')}\n`;
}

let tmp: ReturnType<typeof tempDir>;
let planner: Planner;
beforeEach(() => {
  tmp = tempDir('bkp-forecast-reuse-');
  const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob });
  planner = createPlanner({ dbPath: tmp.dbPath, shell: 'test', jobs, autoRun: false });
});
afterEach(async () => {
  await planner.close();
  tmp.cleanup();
});

async function importAndForecast(
  name: string,
  asOf: string,
  sales: string,
): Promise<{ snapshotId: number; result: { reusedFrom?: number; series: number } }> {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'yarn_inventory.csv'), TINY_YARN_INVENTORY_CSV);
  writeFileSync(join(dir, 'BOM_updated.csv'), TINY_BOM_CSV);
  writeFileSync(join(dir, 'Sales Activity Report.csv'), sales);
  const imported = await planner.jobs.wait(planner.jobs.start('import', { paths: [dir], asOf }));
  if (imported.status !== 'done') throw new Error(`import ${name}: ${imported.error}`);
  const snapshotId = (imported.result as { snapshotId: number }).snapshotId;
  const forecast = await planner.jobs.wait(planner.jobs.start('forecast', { snapshotId }));
  if (forecast.status !== 'done') throw new Error(`forecast ${name}: ${forecast.error}`);
  return { snapshotId, result: forecast.result as { reusedFrom?: number; series: number } };
}

const run = (snapshotId: number) => readPlan<ForecastRun>(planner.db, snapshotId, 0, 'forecast')!.plan;
const backtest = (snapshotId: number) => readPlan<unknown[]>(planner.db, snapshotId, 0, 'forecastBacktest')!.plan;

describe('forecast reuse by the hash of its inputs', () => {
  it('a snapshot with the same sales history reuses a forecast that reaches its horizon, cut to it, with its own as-of date and gap', async () => {
    const first = await importAndForecast('a', '2025-09-02', salesReport());
    expect(first.result.reusedFrom).toBeUndefined();
    const second = await importAndForecast('b', '2025-08-12', salesReport());
    expect(second.result.reusedFrom).toBe(first.snapshotId);

    const a = run(first.snapshotId);
    const b = run(second.snapshotId);
    expect(b.snapshotId).toBe(second.snapshotId);
    expect(b.asOf).toBe('2025-08-12');
    // the forecast starts the week after the history (2025-08-04): 4 gap weeks before 2025-09-01, 1 before 2025-08-11
    expect(a.historyGapWeeks).toEqual(['2025-08-04', '2025-08-11', '2025-08-18', '2025-08-25']);
    expect(b.historyGapWeeks).toEqual(['2025-08-04']);
    // forecast.maxHorizonWeeks (26) counted from the as-of week: 4 + 26 and 1 + 26 weeks
    const weeksOf = (r: ForecastRun) => r.series.find((s) => s.level === 'total')!.forecast.weeks;
    expect(weeksOf(a)).toHaveLength(30);
    expect(weeksOf(a).at(-1)).toBe('2026-02-23');
    expect(weeksOf(b)).toHaveLength(27);
    expect(weeksOf(b).at(-1)).toBe('2026-02-02');
    expect(a.uncoveredPlanWeeks).toEqual([]);
    expect(b.uncoveredPlanWeeks).toEqual([]);
    const cut = (r: ForecastRun, n: number) =>
      r.series.map((s) => ({
        ...s,
        forecast: Object.fromEntries(
          Object.entries(s.forecast).map(([k, v]) => [
            k,
            ['weeks', 'point', 'lo80', 'hi80', 'lo95', 'hi95'].includes(k) ? (v as unknown[]).slice(0, n) : v,
          ]),
        ),
      }));
    expect(cut(b, 27)).toEqual(cut(a, 27));
    expect(b.series[0].forecast.hi95).toEqual(a.series[0].forecast.hi95.slice(0, 27));
    expect(b.accuracy).toEqual(a.accuracy);
    expect(backtest(second.snapshotId)).toEqual(backtest(first.snapshotId));
    expect(backtest(second.snapshotId).length).toBeGreaterThan(0);

    // a later as-of week needs weeks the stored forecast does not have: computed afresh, 26 weeks from its as-of week
    const later = await importAndForecast('c', '2025-09-16', salesReport());
    expect(later.result.reusedFrom).toBeUndefined();
    expect(weeksOf(run(later.snapshotId)).filter((w) => w >= '2025-09-15')).toHaveLength(26);
  });

  it('a forecast horizon shorter than the plan says the plan weeks it does not reach', async () => {
    setPolicyValues(planner.db, [{ area: 'forecast', key: 'maxHorizonWeeks', value: 20 }], '2025-09-01T00:00:00Z');
    const r = run((await importAndForecast('a', '2025-09-02', salesReport())).snapshotId);
    // plan: 26 weeks from 2025-09-01; forecast: 20 of them, to 2026-01-12
    expect(r.uncoveredPlanWeeks).toHaveLength(6);
    expect(r.uncoveredPlanWeeks[0]).toBe('2026-01-19');
    expect(r.uncoveredPlanWeeks.at(-1)).toBe('2026-02-23');
    expect(
      forecastCsvRows(r)
        .filter((row) => row.method === 'beyondForecastHorizon')
        .map((row) => row.week),
    ).toEqual(r.uncoveredPlanWeeks);
    expect(forecastNotes(r).at(-1)).toBe(
      'forecast: no forecast for 6 plan weeks (2026-01-19 to 2026-02-23): forecast.maxHorizonWeeks is shorter than calendar.horizonWeeks',
    );
  });

  it('one different sales line, or a changed forecast policy, computes afresh', async () => {
    const first = await importAndForecast('a', '2025-08-12', salesReport());
    const changed = await importAndForecast('b', '2025-09-02', salesReport(500));
    expect(changed.result.reusedFrom).toBeUndefined();
    const totalOf = (id: number) => run(id).series.find((s) => s.level === 'total')!.history;
    expect(totalOf(changed.snapshotId).at(-1)! - totalOf(first.snapshotId).at(-1)!).toBe(500);

    setPolicyValues(planner.db, [{ area: 'forecast', key: 'outlierRobustZ', value: 4 }], '2025-09-03T00:00:00Z');
    const repolicied = await importAndForecast('c', '2025-09-03', salesReport());
    expect(repolicied.result.reusedFrom).toBeUndefined();
    const again = await importAndForecast('d', '2025-09-04', salesReport());
    expect(again.result.reusedFrom).toBe(repolicied.snapshotId);
  });
});
