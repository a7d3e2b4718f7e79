// The CLI hands the forecast job the sales lines and their styles' bridge answers from the planning data its import
// left in memory (services/jobs/forecastSales.ts). The forecast made from them must be the forecast the job makes
// reading the snapshot itself: the same inputs hash and the same run, on the generated demo exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateErpExports } from '../../../src/main/demo';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import type { ForecastRun } from '../../../src/main/services/jobs/forecastJob';
import { forecastSalesOf } from '../../../src/main/services/jobs/forecastSales';
import { runJob } from '../../../src/main/services/jobs/registry';
import { loadPlanningData } from '../../../src/main/store/entities';
import { planInputsHash, readPlan } from '../../../src/main/store/planCache';
import { JobHost } from '../../../src/main/workers/jobHost';
import { tempDir } from '../../support/tempDb';

describe('the forecast made from the sales handed to it', () => {
  const tmp = tempDir('bkp-forecast-sales-');
  let planner: Planner;
  let snapshotId: number;
  beforeAll(async () => {
    const g = await generateErpExports({ seed: 3, scale: 1, asOf: '2025-09-02', outDir: tmp.dir });
    const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob });
    planner = createPlanner({ dbPath: tmp.dbPath, shell: 'test', jobs, autoRun: false });
    const imported = await jobs.wait(jobs.start('import', { paths: [g.snapshotDir, g.masterDir] }));
    if (imported.status !== 'done') throw new Error(`import: ${imported.error}`);
    snapshotId = (imported.result as { snapshotId: number }).snapshotId;
  }, 120_000);
  afterAll(async () => {
    await planner?.close();
    tmp.cleanup();
  });

  async function forecast(input: object): Promise<{ run: ForecastRun; hash: string }> {
    const done = await planner.jobs.wait(planner.jobs.start('forecast', { snapshotId, ...input }));
    if (done.status !== 'done') throw new Error(`forecast: ${done.error}`);
    const stored = readPlan<ForecastRun>(planner.db, snapshotId, 0, 'forecast')!;
    return { run: { ...stored.plan, computedAt: '' }, hash: planInputsHash(planner.db, snapshotId, 0, 'forecast')! };
  }

  it('equals the forecast read from the store: same inputs hash, same series, accuracy and forecasts', async () => {
    const read = await forecast({});
    const sales = forecastSalesOf(loadPlanningData(planner.db, snapshotId));
    // the demo's styles are bridged to greige styles and weights: the answers carry something to get wrong
    expect(sales.bridgeAnswers.filter(([, a]) => a?.greigeStyle && a.ozPerLinYd).length).toBeGreaterThan(20);
    const given = await forecast({ sales });
    expect(given.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(given.hash).toBe(read.hash);
    expect(given.run.series.length).toBeGreaterThan(100);
    expect(given.run).toEqual(read.run);
  }, 120_000);

  it('refuses a style it was given no answer for, rather than forecasting it unbridged', async () => {
    const sales = forecastSalesOf(loadPlanningData(planner.db, snapshotId));
    const done = await planner.jobs.wait(
      planner.jobs.start('forecast', { snapshotId, sales: { ...sales, bridgeAnswers: sales.bridgeAnswers.slice(1) } }),
    );
    expect(done.status).toBe('failed');
    expect(done.error).toContain(`no style bridge answer for ${sales.bridgeAnswers[0][0]}`);
  }, 120_000);
});
