// The plan stored in sections (store/planCache.ts writePlanSections, services/jobs/planSections.ts): a reader gets
// exactly the sections it names, equal to the plan that was written; a re-plan is never served from the parsed
// sections of the run before it, even at the same clock value; and a database whose plan row is the whole plan
// (written before sections) still serves every view the same payload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../src/shared/contract';
import type { ViewChannel, ViewInput, ViewOutput } from '../../../src/shared/views';
import { dispatch } from '../../../src/main/services/contract/dispatch';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import type { Plan } from '../../../src/main/services/jobs/computePlan';
import { ALL_PLAN_SECTIONS, readPlanOf, writePlanOf } from '../../../src/main/services/jobs/planSections';
import { runJob } from '../../../src/main/services/jobs/registry';
import { readPlanSections, writePlan, writePlanSections } from '../../../src/main/store/planCache';
import { JobHost } from '../../../src/main/workers/jobHost';
import { tempDir } from '../../support/tempDb';

const NOW = '2025-09-02T08:00:00.000Z';
/** A scenario id no scenario has: the store tests write their own plans there. */
const SCRATCH_SCENARIO = 9999;
const PAGE_VIEWS = [
  'view.dashboard',
  'view.alerts',
  'view.yarnPosition',
  'view.yarnShortages',
  'view.demand',
  'view.purchasing',
  'view.capacity',
  'view.schedule',
] as const satisfies readonly ViewChannel[];

let tmp: ReturnType<typeof tempDir>;
let planner: Planner;
let snapshotId: number;

async function view<C extends ViewChannel>(channel: C, input: ViewInput<C>): Promise<ViewOutput<C>> {
  const r = await dispatch(planner.handlers, channel satisfies ChannelName, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as ViewOutput<C>;
}

async function allViews(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const channel of PAGE_VIEWS) out[channel] = await view(channel, {});
  const yarnId = (out['view.yarnShortages'] as ViewOutput<'view.yarnShortages'>).rows[0].yarnId;
  out['view.yarnDetail'] = await view('view.yarnDetail', { yarnId });
  return out;
}

const planCacheKinds = () =>
  (
    planner.db.prepare('SELECT kind FROM plan_cache WHERE snapshot_id = ? AND scenario_id = 0 ORDER BY kind').all(snapshotId) as {
      kind: string;
    }[]
  ).map((r) => r.kind);

beforeAll(async () => {
  tmp = tempDir('bkp-plan-sections-');
  const clock = () => NOW;
  const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob, clock });
  planner = createPlanner({ dbPath: tmp.dbPath, shell: 'test', jobs, clock });
  const loaded = await dispatch(planner.handlers, 'demo.load', { scale: 1 });
  if (!loaded.ok) throw new Error(loaded.error.message);
  for (;;) {
    const running = planner.jobs.list().filter((j) => j.status === 'running');
    if (!running.length) break;
    await Promise.all(running.map((j) => planner.jobs.wait(j.jobId)));
  }
  snapshotId = planner.activeSnapshotId()!;
}, 240_000);

afterAll(async () => {
  await planner?.close();
  tmp?.cleanup();
});

describe('the plan in sections', () => {
  it('is stored as one row per top-level key of the plan plus a header, and reads back only what is named', () => {
    const kinds = planCacheKinds();
    for (const key of ALL_PLAN_SECTIONS) expect(kinds).toContain(`plan:${key}`);
    expect(kinds).toContain('plan');
    const two = readPlanOf(planner.db, snapshotId, 0, ['asOf', 'calendar'])!;
    expect(Object.keys(two).sort()).toEqual(['asOf', 'calendar']);
    expect(two.asOf).toBe('2025-09-02');
    expect(two.calendar.asOf).toBe('2025-09-02');
  });

  it('gives the same parsed section to repeated reads of one plan run, and the new one after a re-plan at the same clock', () => {
    const whole = readPlanOf(planner.db, snapshotId, 0, ALL_PLAN_SECTIONS)! as Plan;
    writePlanOf(planner.db, snapshotId, SCRATCH_SCENARIO, 'h1', NOW, { ...whole, scenarioId: SCRATCH_SCENARIO });
    const first = readPlanOf(planner.db, snapshotId, SCRATCH_SCENARIO, ['yarn', 'scenarioId'])!;
    expect(first.scenarioId).toBe(SCRATCH_SCENARIO);
    expect(readPlanOf(planner.db, snapshotId, SCRATCH_SCENARIO, ['yarn'])!.yarn).toBe(first.yarn);
    // A different plan, same snapshot, scenario and computedAt: the reader must see it, not the parsed sections.
    const changed: Plan = { ...whole, scenarioId: SCRATCH_SCENARIO, yarn: { ...whole.yarn, projection: whole.yarn.projection.slice(0, 1) } };
    writePlanOf(planner.db, snapshotId, SCRATCH_SCENARIO, 'h1', NOW, changed);
    const second = readPlanOf(planner.db, snapshotId, SCRATCH_SCENARIO, ['yarn', 'purchasing'])!;
    expect(second.yarn.projection).toHaveLength(1);
    expect(whole.yarn.projection.length).toBeGreaterThan(1);
    expect(second.purchasing).toEqual(whole.purchasing);
  });

  it('overwrites the sections of a re-plan in place and drops those the new plan has not', () => {
    const scenarioId = SCRATCH_SCENARIO + 3;
    const kinds = () =>
      (
        planner.db.prepare('SELECT kind FROM plan_cache WHERE snapshot_id = ? AND scenario_id = ? ORDER BY kind').all(snapshotId, scenarioId) as {
          kind: string;
        }[]
      ).map((r) => r.kind);
    writePlanSections(planner.db, snapshotId, scenarioId, 'plan', 'h', NOW, { asOf: 'a', yarn: 1, load: 2 });
    writePlanSections(planner.db, snapshotId, scenarioId, 'plan', 'h', NOW, { asOf: 'b', yarn: 3 });
    expect(kinds()).toEqual(['plan', 'plan:asOf', 'plan:yarn']);
    expect(
      readPlanSections<{ asOf: string; yarn: number }, 'asOf' | 'yarn'>(planner.db, snapshotId, scenarioId, 'plan', ['asOf', 'yarn'])!.plan,
    ).toEqual({ asOf: 'b', yarn: 3 });
    // another kind whose name starts the same is not a section of this one
    writePlanSections(planner.db, snapshotId, scenarioId, 'plan_x', 'h', NOW, { asOf: 'c' });
    writePlanSections(planner.db, snapshotId, scenarioId, 'plan', 'h', NOW, { asOf: 'd' });
    expect(kinds()).toEqual(['plan', 'plan:asOf', 'plan_x', 'plan_x:asOf']);
  });

  it('stores the big sections one row per key of theirs, read back equal (key order too), each parsed when first used', () => {
    const whole = readPlanOf(planner.db, snapshotId, 0, ALL_PLAN_SECTIONS)! as Plan;
    const scenarioId = SCRATCH_SCENARIO + 4;
    writePlanOf(planner.db, snapshotId, scenarioId, 'h', NOW, { ...whole, scenarioId });
    const kinds = (
      planner.db.prepare('SELECT kind FROM plan_cache WHERE snapshot_id = ? AND scenario_id = ?').all(snapshotId, scenarioId) as { kind: string }[]
    ).map((r) => r.kind);
    for (const part of Object.keys(whole.load)) expect(kinds).toContain(`plan:load.${part}`);
    expect(kinds).toContain('plan:yarn.positions');
    expect(kinds).toContain('plan:purchasing.items');
    expect(kinds).not.toContain('plan:schedule.orders');
    const read = readPlanOf(planner.db, snapshotId, scenarioId, ['load', 'yarn', 'purchasing'])!;
    // untouched parts are not parsed yet
    expect(Object.getOwnPropertyDescriptor(read.load, 'machines')?.get).toBeTypeOf('function');
    expect(read.load.workCenters.length).toBeGreaterThan(0);
    expect(Object.getOwnPropertyDescriptor(read.load, 'workCenters')?.value).toBe(read.load.workCenters);
    expect(Object.getOwnPropertyDescriptor(read.load, 'machines')?.get).toBeTypeOf('function');
    expect(JSON.stringify(read.yarn)).toBe(JSON.stringify(whole.yarn));
    expect(JSON.stringify(read.load)).toBe(JSON.stringify(whole.load));
    expect(read.purchasing).toEqual(whole.purchasing);
    // a part the next run does not have is dropped; a missing part row is refused, naming it
    const { bottlenecks: _dropped, ...load } = whole.load;
    writePlanOf(planner.db, snapshotId, scenarioId, 'h', NOW, { ...whole, scenarioId, load: load as Plan['load'] });
    expect(Object.keys(readPlanOf(planner.db, snapshotId, scenarioId, ['load'])!.load)).not.toContain('bottlenecks');
    expect(
      planner.db.prepare("SELECT count(*) AS n FROM plan_cache WHERE scenario_id = ? AND kind = 'plan:load.bottlenecks'").get(scenarioId),
    ).toEqual({
      n: 0,
    });
    planner.db.prepare("DELETE FROM plan_cache WHERE scenario_id = ? AND kind = 'plan:yarn.tables'").run(scenarioId);
    expect(() => readPlanOf(planner.db, snapshotId, scenarioId, ['yarn'])).toThrow(/plan:yarn .*has no part tables/);
  });

  it('is undefined for a plan never computed, and refuses a plan whose section row is missing', () => {
    expect(readPlanOf(planner.db, snapshotId, SCRATCH_SCENARIO + 1, ['yarn'])).toBeUndefined();
    const whole = readPlanOf(planner.db, snapshotId, 0, ALL_PLAN_SECTIONS)! as Plan;
    writePlanOf(planner.db, snapshotId, SCRATCH_SCENARIO + 2, 'h', NOW, whole);
    planner.db.prepare("DELETE FROM plan_cache WHERE scenario_id = ? AND kind = 'plan:load'").run(SCRATCH_SCENARIO + 2);
    expect(() => readPlanOf(planner.db, snapshotId, SCRATCH_SCENARIO + 2, ['load'])).toThrow(/has no section load/);
  });

  it('serves every view the same payload from a whole-plan row written before sections (an old database)', async () => {
    const fromSections = await allViews();
    const whole = readPlanOf(planner.db, snapshotId, 0, ALL_PLAN_SECTIONS)! as Plan;
    planner.db.transaction(() => {
      planner.db.prepare("DELETE FROM plan_cache WHERE snapshot_id = ? AND scenario_id = 0 AND kind LIKE 'plan:%'").run(snapshotId);
      writePlan(planner.db, snapshotId, 0, 'plan', 'old', whole.computedAt, whole);
    })();
    expect(planCacheKinds().filter((k) => k.startsWith('plan'))).toEqual(['plan']);
    expect(await allViews()).toEqual(fromSections);
    // The next plan run writes sections again.
    writePlanOf(planner.db, snapshotId, 0, 'new', whole.computedAt, whole);
    expect(planCacheKinds()).toContain('plan:yarn');
    expect(await allViews()).toEqual(fromSections);
  });
});
