// What-if scenarios: a name and a list of overrides on top of one snapshot. Only the overrides are stored (a small
// JSON array), so creating or copying a scenario is one row. Every override is validated with the shared zod schema
// on the way in and on the way out.
import {
  describeOverride,
  overrideInputSchema,
  overrideSchema,
  scenarioSchema,
  type Override,
  type OverrideInput,
  type Scenario,
  type ScenarioListItem,
} from '../../shared/scenario';
import type { Db } from './dbHandle';

export class ScenarioStoreError extends Error {
  constructor(
    message: string,
    readonly code: 'NOT_FOUND' | 'INVALID' | 'DUPLICATE_OVERRIDE',
  ) {
    super(message);
  }
}

export interface ScenarioRow {
  id: number;
  snapshot_id: number;
  name: string;
  created_at: string;
  overrides_json: string;
}

function toScenario(r: ScenarioRow): Scenario {
  const parsed = scenarioSchema.safeParse({
    id: r.id,
    snapshotId: r.snapshot_id,
    name: r.name,
    createdAt: r.created_at,
    overrides: JSON.parse(r.overrides_json),
  });
  if (!parsed.success) throw new ScenarioStoreError(`scenario ${r.id} holds invalid overrides: ${parsed.error.message}`, 'INVALID');
  return parsed.data;
}

function validName(name: string): string {
  const n = scenarioSchema.shape.name.safeParse(name);
  if (!n.success) throw new ScenarioStoreError('a scenario name is 1 to 200 characters', 'INVALID');
  return n.data;
}

/** Next free `o<n>` override id. */
function nextOverrideId(existing: readonly Override[]): string {
  let max = 0;
  for (const o of existing) {
    const m = /^o(\d+)$/.exec(o.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `o${max + 1}`;
}

/** Validates an override as given, filling a missing id (next `o<n>`) and label (describeOverride). */
function completeOverride(input: OverrideInput, existing: readonly Override[]): Override {
  const parsed = overrideInputSchema.safeParse(input);
  if (!parsed.success) throw new ScenarioStoreError(`invalid override: ${parsed.error.message}`, 'INVALID');
  const o = parsed.data;
  const id = o.id ?? nextOverrideId(existing);
  if (existing.some((e) => e.id === id)) throw new ScenarioStoreError(`override ${id} already exists`, 'DUPLICATE_OVERRIDE');
  return overrideSchema.parse({ ...o, id, label: o.label ?? describeOverride(o) });
}

function completeAll(inputs: readonly OverrideInput[]): Override[] {
  const out: Override[] = [];
  for (const input of inputs) out.push(completeOverride(input, out));
  return out;
}

function requireSnapshot(db: Db, snapshotId: number): void {
  if (!db.prepare('SELECT 1 FROM snapshot WHERE id = ?').get(snapshotId))
    throw new ScenarioStoreError(`snapshot ${snapshotId} does not exist`, 'NOT_FOUND');
}

function insert(db: Db, snapshotId: number, name: string, createdAt: string, overrides: Override[]): Scenario {
  requireSnapshot(db, snapshotId);
  const info = db
    .prepare('INSERT INTO scenario (snapshot_id, name, created_at, overrides_json) VALUES (?, ?, ?, ?)')
    .run(snapshotId, validName(name), createdAt, JSON.stringify(overrides));
  return getScenario(db, Number(info.lastInsertRowid))!;
}

export function createScenario(db: Db, s: { snapshotId: number; name: string; createdAt: string; overrides?: readonly OverrideInput[] }): Scenario {
  return insert(db, s.snapshotId, s.name, s.createdAt, completeAll(s.overrides ?? []));
}

/** A new scenario with the same overrides (optionally on another snapshot, e.g. after a re-import). */
export function copyScenario(db: Db, id: number, to: { name: string; createdAt: string; snapshotId?: number }): Scenario {
  const from = getScenario(db, id);
  if (!from) throw new ScenarioStoreError(`scenario ${id} does not exist`, 'NOT_FOUND');
  return insert(db, to.snapshotId ?? from.snapshotId, to.name, to.createdAt, from.overrides);
}

export function renameScenario(db: Db, id: number, name: string): boolean {
  return db.prepare('UPDATE scenario SET name = ? WHERE id = ?').run(validName(name), id).changes > 0;
}

/** Deletes the scenario and its cached plans. */
export function deleteScenario(db: Db, id: number): boolean {
  return db.transaction(() => {
    db.prepare('DELETE FROM plan_cache WHERE scenario_id = ?').run(id);
    return db.prepare('DELETE FROM scenario WHERE id = ?').run(id).changes > 0;
  })();
}

export function getScenario(db: Db, id: number): Scenario | undefined {
  const row = db.prepare('SELECT * FROM scenario WHERE id = ?').get(id) as ScenarioRow | undefined;
  return row ? toScenario(row) : undefined;
}

/** Scenarios (of one snapshot, or all), oldest first, without their overrides. */
export function listScenarios(db: Db, snapshotId?: number): ScenarioListItem[] {
  const sql =
    'SELECT id, snapshot_id, name, created_at, json_array_length(overrides_json) AS n FROM scenario' +
    (snapshotId === undefined ? '' : ' WHERE snapshot_id = ?') +
    ' ORDER BY id';
  const rows = (snapshotId === undefined ? db.prepare(sql).all() : db.prepare(sql).all(snapshotId)) as (Omit<ScenarioRow, 'overrides_json'> & {
    n: number;
  })[];
  return rows.map((r) => ({ id: r.id, snapshotId: r.snapshot_id, name: r.name, createdAt: r.created_at, overrideCount: r.n }));
}

/** Read-modify-write of a scenario's overrides in one transaction. */
function editOverrides<T>(db: Db, scenarioId: number, edit: (overrides: Override[]) => { overrides: Override[]; result: T }): T {
  return db.transaction(() => {
    const s = getScenario(db, scenarioId);
    if (!s) throw new ScenarioStoreError(`scenario ${scenarioId} does not exist`, 'NOT_FOUND');
    const { overrides, result } = edit(s.overrides);
    if (overrides !== s.overrides) db.prepare('UPDATE scenario SET overrides_json = ? WHERE id = ?').run(JSON.stringify(overrides), scenarioId);
    return result;
  })();
}

/** Appends an override; its id (`o<n>`) and label are filled in when missing. */
export function addOverride(db: Db, scenarioId: number, input: OverrideInput): Override {
  return editOverrides(db, scenarioId, (list) => {
    const o = completeOverride(input, list);
    return { overrides: [...list, o], result: o };
  });
}

/** Replaces the override with the same id (keeping its place in the order). */
export function updateOverride(db: Db, scenarioId: number, input: OverrideInput & { id: string }): Override {
  return editOverrides(db, scenarioId, (list) => {
    const at = list.findIndex((o) => o.id === input.id);
    if (at < 0) throw new ScenarioStoreError(`override ${input.id} is not in scenario ${scenarioId}`, 'NOT_FOUND');
    const o = completeOverride(
      input,
      list.filter((_, i) => i !== at),
    );
    return { overrides: list.map((x, i) => (i === at ? o : x)), result: o };
  });
}

export function removeOverride(db: Db, scenarioId: number, overrideId: string): boolean {
  return editOverrides(db, scenarioId, (list) => {
    const kept = list.filter((o) => o.id !== overrideId);
    return kept.length === list.length ? { overrides: list, result: false } : { overrides: kept, result: true };
  });
}

/** Replaces the whole list (e.g. reordered); ids and labels are filled in when missing. */
export function setOverrides(db: Db, scenarioId: number, inputs: readonly OverrideInput[]): Override[] {
  return editOverrides(db, scenarioId, () => {
    const overrides = completeAll(inputs);
    return { overrides, result: overrides };
  });
}
