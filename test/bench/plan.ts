// Integrated figures on generated data: the plan run (every engine) after an import, the time from "import finished"
// to the Yarn page's data, and a scenario's creation and re-plan — through the services and the worker threads, as
// the app runs them.
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { generateErpExports } from '../../src/main/demo';
import { dispatch } from '../../src/main/services/contract/dispatch';
import { createPlanner } from '../../src/main/services/contract/planner';
import { JobHost } from '../../src/main/workers/jobHost';
import { RESIDENT_JOB_KINDS } from '../../src/main/services/jobs/registry';
import { tempDir } from '../support/tempDb';
import type { BenchArea, BenchFigure } from './types';
import { checkMrpProperties } from '../../src/main/engine/purchasing';
import { ALL_PLAN_SECTIONS, readPlanOf } from '../../src/main/services/jobs/planSections';

const WORKER = join(__dirname, '../../out/main/worker.js');
/** The views a page asks for first, with the plan reference only (the yarn detail and a forecast series need a pick). */
const PAGE_VIEWS = [
  'view.dashboard',
  'view.yarnPosition',
  'view.yarnShortages',
  'view.demand',
  'view.purchasing',
  'view.capacity',
  'view.schedule',
] as const; // the forecast page reads the forecast run, which this bench does not start
/** BENCH_PLAN_SCALES=1 runs 1x only (default 1 and 10). */
const SCALES = (process.env.BENCH_PLAN_SCALES ?? '1,10').split(',').map(Number);

async function atScale(scale: number): Promise<BenchFigure[]> {
  const data = mkdtempSync(join(tmpdir(), 'bkp-bench-data-'));
  const tmp = tempDir('bkp-bench-plan-');
  try {
    const generated = await generateErpExports({ seed: 7, scale, asOf: '2025-09-02', outDir: data });
    const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'worker', workerScript: WORKER, residentKinds: RESIDENT_JOB_KINDS });
    const planner = createPlanner({ dbPath: tmp.dbPath, shell: 'test', jobs, autoRun: false });
    const imported = await jobs.wait(jobs.start('import', { paths: generated.files }));
    if (imported.status !== 'done') throw new Error(`import failed: ${imported.error}`);
    const snapshotId = (imported.result as { snapshotId: number }).snapshotId;

    const t0 = performance.now();
    const planned = await jobs.wait(jobs.start('plan', { snapshotId }));
    if (planned.status !== 'done') throw new Error(`plan failed: ${planned.error}`);
    const view = await dispatch(planner.handlers, 'view.yarnPosition', { snapshotId });
    const toYarnPage = performance.now() - t0;
    if (!view.ok) throw new Error(view.error.message);
    const timings = (planned.result as { timingsMs: Record<string, number> }).timingsMs;
    const plan = readPlanOf(planner.db, snapshotId, 0, ALL_PLAN_SECTIONS)!;
    const violations = checkMrpProperties(plan.purchasing, plan.policy.purchasing);

    const c0 = performance.now();
    const scenario = await planner.handlers['scenarios.create']({ name: 'bench', snapshotId });
    await planner.handlers['scenarios.addOverride']({
      id: scenario.id,
      override: { kind: 'demandMultiplier', target: { by: 'layer', layer: 'knitOrders' }, multiplier: 1.2 },
    });
    const createMs = performance.now() - c0;
    const r0 = performance.now();
    const replanned = await jobs.wait((await planner.handlers['scenarios.plan']({ id: scenario.id })).jobId);
    const replanMs = performance.now() - r0;
    if (replanned.status !== 'done') throw new Error(`scenario plan failed: ${replanned.error}`);
    // every page's first data after the re-plan: each view of the scenario's plan, the first call after it was written
    const pageMs: [string, number][] = [];
    for (const channel of PAGE_VIEWS) {
      const v0 = performance.now();
      const page = await dispatch(planner.handlers, channel, { snapshotId, scenarioId: scenario.id });
      pageMs.push([channel, performance.now() - v0]);
      if (!page.ok) throw new Error(`${channel}: ${page.error.message}`);
    }
    const slowestPage = pageMs.reduce((a, b) => (b[1] > a[1] ? b : a));
    await planner.close();

    const engineMs = timings.yarnPlanMs + timings.mrpMs + timings.loadMs + timings.scheduleMs;
    return [
      {
        name: `${scale}x: engines (yarn plan + MRP + load + schedule)`,
        value: engineMs,
        unit: 'ms',
        budget: scale === 1 ? 100 * 4 : 4000,
        note: `yarn ${timings.yarnPlanMs}, MRP ${timings.mrpMs}, load ${timings.loadMs}, schedule ${timings.scheduleMs} ms`,
      },
      { name: `${scale}x: yarn plan engine`, value: timings.yarnPlanMs, unit: 'ms', budget: scale === 1 ? 100 : 1000 },
      {
        name: `${scale}x: import finished -> Yarn page data (worker plan run + view)`,
        value: toYarnPage,
        unit: 'ms',
        budget: scale === 1 ? 150 : 300,
        note: `snapshot load ${timings.loadSnapshotMs} ms (0 when the import handed its batch over)`,
      },
      {
        name: `${scale}x: MRP property violations (MOQ, multiples, safety stock, coverage)`,
        value: violations.length,
        unit: 'violations',
        budget: 0,
        note: `${plan.purchasing.suggestions.length} suggestions over ${plan.purchasing.items.length} yarns`,
      },
      { name: `${scale}x: create a scenario with an override`, value: createMs, unit: 'ms', budget: 1000 },
      {
        name: `${scale}x: re-plan a scenario (worker)`,
        value: replanMs,
        unit: 'ms',
        budget: scale === 1 ? 200 : 1000,
        note: `engines ${(replanned.result as { timingsMs: Record<string, number> }).timingsMs.yarnPlanMs} ms yarn plan`,
      },
      {
        name: `${scale}x: every page's first data after the re-plan (slowest)`,
        value: slowestPage[1],
        unit: 'ms',
        budget: scale === 1 ? 100 : 300,
        note: pageMs.map(([c, ms]) => `${c.slice(5)} ${Math.round(ms)}`).join(', '),
      },
    ];
  } finally {
    rmSync(data, { recursive: true, force: true });
    tmp.cleanup();
  }
}

export const bench: BenchArea = async () => {
  const figures: BenchFigure[] = [];
  for (const scale of SCALES) figures.push(...(await atScale(scale)));
  return figures;
};
