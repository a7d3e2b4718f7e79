import { afterEach, describe, expect, it } from 'vitest';
import { computeAlerts } from '../../../src/main/engine/alerts';
import { acknowledgeAlert, acknowledgedAlertKeys, getAlertAck, listAlertAcks, unacknowledgeAlert } from '../../../src/main/store/alertAcks';
import { openStore, type Db } from '../../../src/main/store/db';
import {
  addOverride,
  copyScenario,
  createScenario,
  deleteScenario,
  getScenario,
  listScenarios,
  removeOverride,
  renameScenario,
  ScenarioStoreError,
  setOverrides,
  updateOverride,
} from '../../../src/main/store/scenarios';
import { deleteSnapshot, insertSnapshot } from '../../../src/main/store/snapshots';
import { overrideSchema, scenarioSchema, type OverrideInput } from '../../../src/shared/scenario';
import { tempDir } from '../../support/tempDb';

let tmp = tempDir();
let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  tmp.cleanup();
  tmp = tempDir();
});

const NOW = '2026-01-05T09:00:00';
const snap = (d: Db, asOf: string): number =>
  insertSnapshot(d, { asOf, label: asOf, kind: 'import', source: 'test', contentHash: asOf, createdAt: NOW });

const everyKind: OverrideInput[] = [
  { kind: 'knitOrder', koNumber: 'K1', balanceLbs: 900, startDate: '2025-09-10', machine: 'M2', pinMachine: true },
  { kind: 'poReceipt', poNumber: 'P1', moveToWeek: '2025-10-06', qtyLbs: 1500, label: 'P1 late and bigger' },
  { kind: 'poDraftAdd', yarnId: 'Y1', qtyLbs: 2000, receiptWeek: '2025-09-22', supplier: null },
  { kind: 'poDraftRemove', draftId: 'draft:s9' },
  { kind: 'machineDowntime', machineId: 'M1', from: '2025-09-08', to: '2025-09-14' },
  { kind: 'knitRate', style: 'S1/0', multiplier: 0.9 },
  { kind: 'demandMultiplier', target: { by: 'customer', customer: 'Blue Co' }, multiplier: 1.25 },
  { kind: 'policy', area: 'purchasing', key: 'lotSizing', value: 'eoq' },
];

describe('scenario store', () => {
  it('creates a scenario of overrides only, filling ids and labels, and round-trips every kind through zod', () => {
    db = openStore(tmp.dbPath);
    const sid = snap(db, '2025-09-02');
    const s = createScenario(db, { snapshotId: sid, name: '  Late yarn  ', createdAt: NOW, overrides: everyKind });
    expect(s).toMatchObject({ id: 1, snapshotId: sid, name: 'Late yarn', createdAt: NOW });
    expect(s.overrides.map((o) => o.id)).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8']);
    expect(s.overrides[1].label).toBe('P1 late and bigger');
    expect(s.overrides[0].label).toBe('KO K1: balance 900 lbs, start 2025-09-10, machine M2, pinned to machine');
    expect(s.overrides.map(({ id: _i, label: _l, ...body }) => body)).toEqual(everyKind.map(({ label: _l, ...body }) => body));
    expect(scenarioSchema.parse(getScenario(db, s.id))).toEqual(s);
    // Only the overrides are stored.
    const row = db.prepare('SELECT overrides_json FROM scenario WHERE id = ?').get(s.id) as { overrides_json: string };
    expect(JSON.parse(row.overrides_json)).toEqual(s.overrides);
  });

  it('refuses an unknown snapshot and invalid overrides, leaving nothing behind', () => {
    db = openStore(tmp.dbPath);
    const sid = snap(db, '2025-09-02');
    expect(() => createScenario(db!, { snapshotId: 99, name: 'x', createdAt: NOW })).toThrow(ScenarioStoreError);
    expect(() =>
      createScenario(db!, { snapshotId: sid, name: 'x', createdAt: NOW, overrides: [{ kind: 'knitRate', style: 'S' } as OverrideInput] }),
    ).toThrow(/invalid override/);
    expect(() => createScenario(db!, { snapshotId: sid, name: '   ', createdAt: NOW })).toThrow(/name/);
    expect(listScenarios(db)).toEqual([]);
  });

  it('copies, renames, lists and deletes; deleting the snapshot deletes its scenarios only when told to', () => {
    db = openStore(tmp.dbPath);
    const s1 = snap(db, '2025-09-02');
    const s2 = snap(db, '2025-09-09');
    const a = createScenario(db, { snapshotId: s1, name: 'A', createdAt: NOW, overrides: everyKind.slice(0, 3) });
    const b = copyScenario(db, a.id, { name: 'A copy', createdAt: '2026-01-06T10:00:00' });
    const c = copyScenario(db, a.id, { name: 'A on new data', createdAt: NOW, snapshotId: s2 });
    expect(b).toMatchObject({ id: 2, snapshotId: s1, name: 'A copy', createdAt: '2026-01-06T10:00:00' });
    expect(b.overrides).toEqual(a.overrides);
    expect(c.snapshotId).toBe(s2);

    expect(renameScenario(db, b.id, 'Plan B')).toBe(true);
    expect(renameScenario(db, 77, 'nobody')).toBe(false);
    expect(listScenarios(db, s1)).toEqual([
      { id: 1, snapshotId: s1, name: 'A', createdAt: NOW, overrideCount: 3 },
      { id: 2, snapshotId: s1, name: 'Plan B', createdAt: '2026-01-06T10:00:00', overrideCount: 3 },
    ]);
    expect(listScenarios(db).map((s) => s.id)).toEqual([1, 2, 3]);

    const cache = db.prepare(
      "INSERT INTO plan_cache (snapshot_id, scenario_id, kind, inputs_hash, computed_at, result_json) VALUES (?, ?, 'yarn', 'h', ?, '{}')",
    );
    cache.run(s1, a.id, NOW);
    cache.run(s1, b.id, NOW);
    expect(deleteScenario(db, a.id)).toBe(true);
    expect(deleteScenario(db, a.id)).toBe(false);
    expect(getScenario(db, a.id)).toBeUndefined();
    expect(db.prepare('SELECT scenario_id FROM plan_cache').pluck().all()).toEqual([b.id]);

    expect(() => deleteSnapshot(db!, s1)).toThrow(/built on snapshot/);
    expect(listScenarios(db).map((s) => s.id)).toEqual([2, 3]);
    deleteSnapshot(db, s1, { deleteScenarios: true });
    expect(listScenarios(db).map((s) => s.id)).toEqual([3]);
  });

  it('adds, updates and removes overrides in place', () => {
    db = openStore(tmp.dbPath);
    const s = createScenario(db, { snapshotId: snap(db, '2025-09-02'), name: 'edit', createdAt: NOW });
    const o1 = addOverride(db, s.id, { kind: 'machineDowntime', machineId: 'M1', from: '2025-09-08', to: '2025-09-10' });
    const o2 = addOverride(db, s.id, { kind: 'knitRate', style: 'S1/0', lbsPerDay: 450 });
    const o3 = addOverride(db, s.id, {
      id: 'mine',
      label: 'Blue Co +25 %',
      kind: 'demandMultiplier',
      target: { by: 'customer', customer: 'Blue Co' },
      multiplier: 1.25,
    });
    expect([o1.id, o2.id, o3.id]).toEqual(['o1', 'o2', 'mine']);
    expect(() => addOverride(db!, s.id, { id: 'o2', kind: 'poDraftRemove', draftId: 'x' })).toThrow(/already exists/);
    expect(() => addOverride(db!, 404, { kind: 'poDraftRemove', draftId: 'x' })).toThrow(/does not exist/);

    const updated = updateOverride(db, s.id, { id: 'o2', kind: 'knitRate', style: 'S1/0', multiplier: 1.2 });
    expect(updated.label).toBe('Style S1/0: rate x 1.2');
    expect(() => updateOverride(db!, s.id, { id: 'zz', kind: 'poDraftRemove', draftId: 'x' })).toThrow(/not in scenario/);
    expect(removeOverride(db, s.id, 'o1')).toBe(true);
    expect(removeOverride(db, s.id, 'o1')).toBe(false);
    expect(addOverride(db, s.id, { kind: 'poDraftRemove', draftId: 'd' }).id).toBe('o3');

    const after = getScenario(db, s.id)!;
    expect(after.overrides.map((o) => [o.id, o.kind])).toEqual([
      ['o2', 'knitRate'],
      ['mine', 'demandMultiplier'],
      ['o3', 'poDraftRemove'],
    ]);
    expect(after.overrides.every((o) => overrideSchema.safeParse(o).success)).toBe(true);

    expect(setOverrides(db, s.id, [after.overrides[2], after.overrides[0]]).map((o) => o.id)).toEqual(['o3', 'o2']);
  });

  it('refuses to read a scenario whose stored overrides no longer validate', () => {
    db = openStore(tmp.dbPath);
    const s = createScenario(db, { snapshotId: snap(db, '2025-09-02'), name: 'x', createdAt: NOW });
    db.prepare('UPDATE scenario SET overrides_json = ? WHERE id = ?').run('[{"kind":"teleport","id":"o1","label":"?"}]', s.id);
    expect(() => getScenario(db!, s.id)).toThrow(/invalid overrides/);
  });
});

describe('alert acknowledgements', () => {
  it('persist across reopening the database and re-importing a snapshot (keys are stable, not per snapshot)', () => {
    db = openStore(tmp.dbPath);
    const s1 = snap(db, '2025-09-02');
    acknowledgeAlert(db, 'yarn-short:18868', NOW, 'PO 4512 expedited');
    acknowledgeAlert(db, 'late-order:K2508091', NOW);
    acknowledgeAlert(db, 'yarn-short:18868', '2026-01-06T08:00:00', 'supplier confirmed');
    deleteSnapshot(db, s1);
    db.close();

    db = openStore(tmp.dbPath);
    snap(db, '2025-09-09');
    expect(listAlertAcks(db)).toEqual([
      { alertKey: 'late-order:K2508091', acknowledgedAt: NOW, note: null },
      { alertKey: 'yarn-short:18868', acknowledgedAt: '2026-01-06T08:00:00', note: 'supplier confirmed' },
    ]);
    const alerts = computeAlerts(
      {
        asOf: '2025-09-09',
        horizonEnd: '2026-03-09',
        yarns: [
          {
            yarnId: '18868',
            description: '',
            firstShortWeek: '2025-09-15',
            shortLbs: 2000,
            maxDeficitLbs: 2000,
            recoveryWeek: null,
            costPerLb: 3,
            planningBalanceLbs: -10,
            draftLbs: 0,
          },
        ],
        workCenterWeeks: [],
        lateOrders: [],
        forecastDeviation: [],
        importWarnings: [],
      },
      undefined,
      { acknowledgedKeys: acknowledgedAlertKeys(db) },
    ).alerts;
    expect(alerts[0]).toMatchObject({ key: 'yarn-short:18868', acknowledged: true });

    expect(unacknowledgeAlert(db, 'late-order:K2508091')).toBe(true);
    expect(unacknowledgeAlert(db, 'late-order:K2508091')).toBe(false);
    expect(getAlertAck(db, 'late-order:K2508091')).toBeUndefined();
    expect([...acknowledgedAlertKeys(db)]).toEqual(['yarn-short:18868']);
  });
});
