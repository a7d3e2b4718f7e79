// Deleting a snapshot never takes the what-if scenarios built on it along silently: the call is refused, naming
// them, unless it says to move them to another snapshot or to delete them too. On the real store, through the contract.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/services/contract/dispatch';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { getScenario } from '../../../src/main/store/scenarios';
import { insertSnapshot } from '../../../src/main/store/snapshots';
import { JobHost } from '../../../src/main/workers/jobHost';
import { runJob } from '../../../src/main/services/jobs/registry';
import { tempDir } from '../../support/tempDb';

let tmp: ReturnType<typeof tempDir>;
let planner: Planner;
let older: number;
let newer: number;
let rush: number;
let lowMoq: number;

const call = (channel: string, input: unknown) => dispatch(planner.handlers, channel, input);
const count = (sql: string) => (planner.db.prepare(sql).get() as { n: number }).n;

beforeEach(async () => {
  tmp = tempDir('bkp-snapdel-');
  planner = createPlanner({
    dbPath: tmp.dbPath,
    shell: 'test',
    jobs: new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob }),
    autoRun: false,
  });
  const snap = (asOf: string) =>
    insertSnapshot(planner.db, { asOf, label: `ERP ${asOf}`, kind: 'import', source: 't', contentHash: asOf, createdAt: '2026-01-05T08:00:00Z' });
  older = snap('2025-09-02');
  newer = snap('2025-09-09');
  rush = (await planner.handlers['scenarios.create']({ name: 'Rush order K2508', snapshotId: older })).id;
  await planner.handlers['scenarios.addOverride']({
    id: rush,
    override: { kind: 'machineDowntime', machineId: 'M1', from: '2025-09-08', to: '2025-09-10' },
  });
  lowMoq = (await planner.handlers['scenarios.create']({ name: 'Low MOQ', snapshotId: older })).id;
  const cache = planner.db.prepare(
    "INSERT INTO plan_cache (snapshot_id, scenario_id, kind, inputs_hash, computed_at, result_json) VALUES (?, ?, 'plan', 'h', 'now', '{}')",
  );
  cache.run(older, rush);
  cache.run(older, 0);
});
afterEach(async () => {
  await planner.close();
  tmp.cleanup();
});

describe('deleting a snapshot that scenarios are built on', () => {
  it('is refused, naming the scenarios, when the call does not say what happens to them; nothing changes', async () => {
    const r = await call('snapshots.delete', { id: older });
    expect(r).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /2 scenarios are built on snapshot \d+ \(ERP 2025-09-02\): "Rush order K2508", "Low MOQ".*move them to another snapshot or delete them/,
        ),
      },
    });
    expect(count('SELECT count(*) AS n FROM snapshot')).toBe(2);
    expect(count('SELECT count(*) AS n FROM scenario')).toBe(2);
    expect(count('SELECT count(*) AS n FROM plan_cache')).toBe(2);
  });

  it('moves them, overrides and all, to another snapshot when told to', async () => {
    const r = await call('snapshots.delete', { id: older, moveScenariosTo: newer });
    expect(r).toEqual({ ok: true, data: { deleted: true, scenariosMoved: 2, scenariosDeleted: 0 } });
    expect(count('SELECT count(*) AS n FROM snapshot')).toBe(1);
    expect(getScenario(planner.db, rush)).toMatchObject({
      snapshotId: newer,
      name: 'Rush order K2508',
      overrides: [{ kind: 'machineDowntime', machineId: 'M1' }],
    });
    expect(getScenario(planner.db, lowMoq)).toMatchObject({ snapshotId: newer });
    // Their plans were of the deleted snapshot's data: gone with it (re-planned on the new one when asked).
    expect(count('SELECT count(*) AS n FROM plan_cache')).toBe(0);
  });

  it('refuses to move them to the snapshot being deleted or to one that does not exist', async () => {
    expect(await call('snapshots.delete', { id: older, moveScenariosTo: older })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/another snapshot/) },
    });
    expect(await call('snapshots.delete', { id: older, moveScenariosTo: 999 })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/snapshot 999 does not exist/) },
    });
    expect(count('SELECT count(*) AS n FROM snapshot')).toBe(2);
    expect(count('SELECT count(*) AS n FROM scenario WHERE snapshot_id = ' + older)).toBe(2);
  });

  it('deletes them with the snapshot only when told to', async () => {
    const r = await call('snapshots.delete', { id: older, deleteScenarios: true });
    expect(r).toEqual({ ok: true, data: { deleted: true, scenariosMoved: 0, scenariosDeleted: 2 } });
    expect(count('SELECT count(*) AS n FROM scenario')).toBe(0);
    expect(count('SELECT count(*) AS n FROM plan_cache')).toBe(0);
  });

  it('accepts one instruction, not both, and deletes a snapshot without scenarios as before', async () => {
    expect(await call('snapshots.delete', { id: older, moveScenariosTo: newer, deleteScenarios: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await call('snapshots.delete', { id: newer })).toEqual({ ok: true, data: { deleted: true, scenariosMoved: 0, scenariosDeleted: 0 } });
    expect(await call('snapshots.delete', { id: newer })).toEqual({ ok: true, data: { deleted: false, scenariosMoved: 0, scenariosDeleted: 0 } });
  });
});
