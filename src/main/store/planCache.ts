// Stores and reads computed plans (per snapshot and scenario) as JSON in plan_cache, with a small in-memory cache
// of parsed plans so views slice an already-parsed object.
import type { Db } from './dbHandle';

interface CachedPlan {
  computedAt: string;
  revision: number;
  plan: unknown;
}

const parsed = new Map<string, CachedPlan>();
const MAX_PARSED = 8;

export function writePlan(db: Db, snapshotId: number, scenarioId: number, kind: string, inputsHash: string, computedAt: string, plan: unknown): void {
  db.prepare(
    `INSERT INTO plan_cache (snapshot_id, scenario_id, kind, inputs_hash, computed_at, result_json) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(snapshot_id, scenario_id, kind) DO UPDATE SET inputs_hash = excluded.inputs_hash, computed_at = excluded.computed_at,
       result_json = excluded.result_json, revision = plan_cache.revision + 1`,
  ).run(snapshotId, scenarioId, kind, inputsHash, computedAt, JSON.stringify(plan));
}

export function planInputsHash(db: Db, snapshotId: number, scenarioId: number, kind: string): string | undefined {
  const row = db
    .prepare('SELECT inputs_hash FROM plan_cache WHERE snapshot_id = ? AND scenario_id = ? AND kind = ?')
    .get(snapshotId, scenarioId, kind) as { inputs_hash: string } | undefined;
  return row?.inputs_hash;
}

export function readPlan<T>(db: Db, snapshotId: number, scenarioId: number, kind: string): { computedAt: string; plan: T } | undefined {
  const stamp = db
    .prepare('SELECT revision, computed_at FROM plan_cache WHERE snapshot_id = ? AND scenario_id = ? AND kind = ?')
    .get(snapshotId, scenarioId, kind) as { revision: number; computed_at: string } | undefined;
  if (!stamp) return undefined;
  const key = `${db.name}|${snapshotId}|${scenarioId}|${kind}`;
  const hit = parsed.get(key);
  if (hit && hit.revision === stamp.revision && hit.computedAt === stamp.computed_at) return hit as { computedAt: string; plan: T };
  const row = db
    .prepare('SELECT revision, computed_at, result_json FROM plan_cache WHERE snapshot_id = ? AND scenario_id = ? AND kind = ?')
    .get(snapshotId, scenarioId, kind) as { revision: number; computed_at: string; result_json: string };
  const entry = { computedAt: row.computed_at, revision: row.revision, plan: JSON.parse(row.result_json) as unknown };
  parsed.set(key, entry);
  if (parsed.size > MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  return entry as { computedAt: string; plan: T };
}
