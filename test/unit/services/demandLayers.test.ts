// The sales-order and forecast demand layers on the demo dataset: off by default, switched on they add demand to
// the projection and the MRP but never change the ERP-layout knit-order tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateErpExports } from '../../../src/main/demo';
import { ALL_PLAN_SECTIONS, readPlanOf } from '../../../src/main/services/jobs/planSections';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import type { Plan } from '../../../src/main/services/jobs/computePlan';
import { JobHost } from '../../../src/main/workers/jobHost';
import { runJob } from '../../../src/main/services/jobs/registry';
import { tempDir } from '../../support/tempDb';

const data = mkdtempSync(join(tmpdir(), 'bkp-layers-'));
const tmp = tempDir();
let planner: Planner;
let snapshotId: number;

async function run(kind: 'plan' | 'forecast'): Promise<Plan> {
  const state = await planner.jobs.wait(planner.jobs.start(kind, { snapshotId }));
  if (state.status !== 'done') throw new Error(`${kind}: ${state.error}`);
  return readPlanOf(planner.db, snapshotId, 0, ALL_PLAN_SECTIONS)!;
}
const gross = (p: Plan) => p.purchasing.items.reduce((t, i) => t + i.weeks.gross.reduce((a, b) => a + b, 0), 0);

beforeAll(async () => {
  const generated = await generateErpExports({ seed: 11, scale: 1, asOf: '2025-09-02', outDir: data });
  planner = createPlanner({
    dbPath: tmp.dbPath,
    shell: 'test',
    jobs: new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob }),
    autoRun: false,
  });
  const state = await planner.jobs.wait(planner.jobs.start('import', { paths: generated.files }));
  snapshotId = (state.result as { snapshotId: number }).snapshotId;
}, 120_000);
afterAll(async () => {
  await planner.close();
  tmp.cleanup();
  rmSync(data, { recursive: true, force: true });
});

describe('demand layers', () => {
  it('adds the uncovered sales-order and the net forecast demand only when switched on', async () => {
    const base = await run('plan');
    expect(base.layers).toMatchObject({ salesOrders: false, forecast: false });
    await run('forecast');

    await planner.handlers['settings.setLayers']({ salesOrders: true });
    const withSo = await run('plan');
    const soLbs = withSo.yarn.salesOrders.yarnDemand.reduce((t, s) => t + s.weeklyLbs.slice(0, 26).reduce((a, b) => a + b, 0), 0);
    expect(soLbs).toBeGreaterThan(0);
    expect(gross(withSo) - gross(base)).toBeCloseTo(soLbs, 0);

    await planner.handlers['settings.setLayers']({ salesOrders: false, forecast: true });
    const withForecast = await run('plan');
    expect(withForecast.layers.forecast).toBe(true);
    const netForecast = withForecast.layers.forecastLines.reduce((t, l) => t + l.netLbs, 0);
    expect(netForecast).toBeGreaterThan(0);
    expect(gross(withForecast)).toBeGreaterThan(gross(base));
    // The ERP-layout tables are knit orders only, whatever the layers.
    expect(withForecast.yarn.tables.demandByStyleKo).toEqual(base.yarn.tables.demandByStyleKo);
    expect(withForecast.yarn.tables.yarnDemand).toEqual(base.yarn.tables.yarnDemand);
  });
});

// On the same demo snapshot: a scenario's rate multiplier scales the rate the base plan resolved for the style.
describe('scenario knit rates', () => {
  it('a multiplier applies to the base plan rate of the style, read from the plan run', async () => {
    const base = await run('plan');
    const style = base.yarn.styles.find((s) => (s.rate.lbsPerDay ?? 0) > 0)!;
    const scenario = await planner.handlers['scenarios.create']({ name: 'faster', snapshotId });
    await planner.handlers['scenarios.addOverride']({ id: scenario.id, override: { kind: 'knitRate', style: style.style, multiplier: 2 } });
    const done = await planner.jobs.wait((await planner.handlers['scenarios.plan']({ id: scenario.id })).jobId);
    expect(done.status, done.error).toBe('done');
    const planned = readPlanOf(planner.db, snapshotId, scenario.id, ALL_PLAN_SECTIONS)!;
    expect(planned.yarn.styles.find((s) => s.style === style.style)!.rate.lbsPerDay).toBeCloseTo(2 * style.rate.lbsPerDay!, 6);
  });
});
