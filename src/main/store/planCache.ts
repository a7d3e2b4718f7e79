// Stores and reads computed results (per snapshot and scenario) as JSON in plan_cache. Small results are one row,
// read whole (readPlan, with a small in-memory cache of parsed values). The plan is stored in sections
// (writePlanSections / readPlanSections below) so a reader parses only the parts it uses; a big section may be stored
// one row per key of its own, each parsed when a reader first touches it.
import type { Db } from './dbHandle';

interface CachedPlan {
  computedAt: string;
  revision: number;
  plan: unknown;
}

const parsed = new Map<string, CachedPlan>();
const MAX_PARSED = 8;

/** Writes one cache row; a rewrite bumps its revision, which is what readers' parsed caches are keyed by. */
const UPSERT_SQL = `INSERT INTO plan_cache (snapshot_id, scenario_id, kind, inputs_hash, computed_at, result_json) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(snapshot_id, scenario_id, kind) DO UPDATE SET inputs_hash = excluded.inputs_hash, computed_at = excluded.computed_at,
       result_json = excluded.result_json, revision = plan_cache.revision + 1`;

export function writePlan(db: Db, snapshotId: number, scenarioId: number, kind: string, inputsHash: string, computedAt: string, plan: unknown): void {
  db.prepare(UPSERT_SQL).run(snapshotId, scenarioId, kind, inputsHash, computedAt, JSON.stringify(plan));
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

// ---- A plan stored in sections: one plan_cache row per top-level key (kind `<kind>:<key>`) plus a header row
// (kind `<kind>`) naming the keys. Readers parse only the sections they ask for; a connection keeps the parsed
// sections of the header's revision, so a new plan run (which bumps the header's revision) is never served stale.

const SECTIONS_TAG = '$sections';
const sectionKind = (kind: string, key: string) => `${kind}:${key}`;

/** A section stored as its parts (one row per key, kind `<kind>:<section>.<key>`): the section's row names them. */
const PARTS_TAG = '$parts';

/**
 * Writes `plan` as its top-level sections and a header, in one transaction (nested in the caller's if any). The
 * `inParts` sections (objects) are stored one row per key of theirs, so a reader parses only the parts it touches.
 */
export function writePlanSections(
  db: Db,
  snapshotId: number,
  scenarioId: number,
  kind: string,
  inputsHash: string,
  computedAt: string,
  plan: object,
  inParts: readonly string[] = [],
): void {
  const keys = Object.keys(plan);
  const rows: [kind: string, json: string][] = [];
  for (const key of keys) {
    const value = (plan as Record<string, unknown>)[key];
    if (inParts.includes(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      // as JSON.stringify(value) would have it: keys whose value is undefined are left out
      const parts = Object.keys(value).filter((part) => (value as Record<string, unknown>)[part] !== undefined);
      for (const part of parts) rows.push([sectionKind(kind, `${key}.${part}`), JSON.stringify((value as Record<string, unknown>)[part])]);
      rows.push([sectionKind(kind, key), JSON.stringify({ [PARTS_TAG]: parts })]);
    } else rows.push([sectionKind(kind, key), JSON.stringify(value) ?? 'null']);
  }
  const upsert = db.prepare(UPSERT_SQL);
  db.transaction(() => {
    // Rows an earlier run wrote and this one has not (a section or part this plan lacks) must not linger. The others
    // are overwritten in place: deleting and inserting them again costs SQLite far more (its free-page list).
    db.prepare(
      `DELETE FROM plan_cache WHERE snapshot_id = ? AND scenario_id = ? AND kind LIKE ? ESCAPE '\\' AND kind NOT IN (${rows.map(() => '?').join(', ')})`,
    ).run(snapshotId, scenarioId, `${kind.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`, ...rows.map(([k]) => k));
    for (const [rowKind, json] of rows) upsert.run(snapshotId, scenarioId, rowKind, inputsHash, computedAt, json);
    upsert.run(snapshotId, scenarioId, kind, inputsHash, computedAt, JSON.stringify({ [SECTIONS_TAG]: keys }));
  })();
}

/**
 * A section stored in parts: an object whose keys parse their part's JSON on first use (then hold the value), so a
 * view pays only for the parts it reads. The texts are read with the section: the object never mixes plan runs.
 */
function sectionFromParts(partsJson: Map<string, string>, parts: string[]): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const part of parts) {
    const settle = (value: unknown) => Object.defineProperty(section, part, { value, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(section, part, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value: unknown = JSON.parse(partsJson.get(part)!);
        partsJson.delete(part);
        settle(value);
        return value;
      },
      set: settle,
    });
  }
  return section;
}

/** The value of a section row: its JSON, or (stored in parts) an object over its parts' rows, read now. */
function sectionValue(db: Db, snapshotId: number, scenarioId: number, sectionRowKind: string, json: string): unknown {
  if (!json.startsWith(`{"${PARTS_TAG}":`)) return JSON.parse(json);
  const parts = (JSON.parse(json) as Record<string, string[]>)[PARTS_TAG];
  const rows = db
    .prepare(`SELECT kind, result_json FROM plan_cache WHERE snapshot_id = ? AND scenario_id = ? AND kind LIKE ? ESCAPE '\\'`)
    .all(snapshotId, scenarioId, `${sectionRowKind.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`) as { kind: string; result_json: string }[];
  const partsJson = new Map(rows.map((r) => [r.kind.slice(sectionRowKind.length + 1), r.result_json]));
  const absent = parts.filter((p) => !partsJson.has(p));
  if (absent.length)
    throw new Error(`the stored section ${sectionRowKind} (snapshot ${snapshotId}, scenario ${scenarioId}) has no part ${absent.join(', ')}`);
  return sectionFromParts(partsJson, parts);
}

interface ParsedSection {
  revision: number;
  computedAt: string;
  value: unknown;
}

/** Per connection: `${snapshotId}|${scenarioId}|${kind}|${key}` -> the parsed section (key '' = a whole old-style plan). */
const sectionCaches = new WeakMap<Db, Map<string, ParsedSection>>();
const MAX_SECTIONS_PER_CONNECTION = 64;

function remember(cache: Map<string, ParsedSection>, key: string, entry: ParsedSection): void {
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_SECTIONS_PER_CONNECTION) cache.delete(cache.keys().next().value as string);
}

/**
 * Reads only `keys` of a plan written by writePlanSections — or of a plan written whole by an older version (parsed
 * once per revision and sliced). Undefined when there is no plan.
 */
export function readPlanSections<P extends object, K extends keyof P & string>(
  db: Db,
  snapshotId: number,
  scenarioId: number,
  kind: string,
  keys: readonly K[],
): { computedAt: string; plan: Pick<P, K> } | undefined {
  const header = db
    .prepare(
      `SELECT revision, computed_at, CASE WHEN substr(result_json, 1, ${SECTIONS_TAG.length + 4}) = ? THEN result_json END AS sections_json
       FROM plan_cache WHERE snapshot_id = ? AND scenario_id = ? AND kind = ?`,
    )
    .get(`{"${SECTIONS_TAG}":`, snapshotId, scenarioId, kind) as { revision: number; computed_at: string; sections_json: string | null } | undefined;
  if (!header) return undefined;
  let cache = sectionCaches.get(db);
  if (!cache) sectionCaches.set(db, (cache = new Map()));
  const prefix = `${snapshotId}|${scenarioId}|${kind}|`;
  const fresh = (e: ParsedSection | undefined): e is ParsedSection =>
    e !== undefined && e.revision === header.revision && e.computedAt === header.computed_at;
  const plan = {} as Record<string, unknown>;
  if (header.sections_json === null) {
    // A whole-plan row from before sections: parse it once for this revision, then slice.
    let whole = cache.get(prefix);
    if (!fresh(whole)) {
      const row = db
        .prepare('SELECT result_json FROM plan_cache WHERE snapshot_id = ? AND scenario_id = ? AND kind = ?')
        .get(snapshotId, scenarioId, kind) as { result_json: string };
      whole = { revision: header.revision, computedAt: header.computed_at, value: JSON.parse(row.result_json) };
      remember(cache, prefix, whole);
    }
    for (const key of keys) plan[key] = (whole.value as Record<string, unknown>)[key];
    return { computedAt: header.computed_at, plan: plan as Pick<P, K> };
  }
  const missing: string[] = [];
  for (const key of keys) {
    const hit = cache.get(prefix + key);
    if (fresh(hit)) plan[key] = hit.value;
    else missing.push(key);
  }
  if (missing.length > 0) {
    const rows = db
      .prepare(
        `SELECT kind, result_json FROM plan_cache WHERE snapshot_id = ? AND scenario_id = ? AND kind IN (${missing.map(() => '?').join(', ')})`,
      )
      .all(snapshotId, scenarioId, ...missing.map((key) => sectionKind(kind, key))) as { kind: string; result_json: string }[];
    for (const row of rows) {
      const key = row.kind.slice(kind.length + 1);
      const value = sectionValue(db, snapshotId, scenarioId, row.kind, row.result_json);
      plan[key] = value;
      remember(cache, prefix + key, { revision: header.revision, computedAt: header.computed_at, value });
    }
    const absent = missing.filter((key) => !(key in plan));
    if (absent.length > 0)
      throw new Error(`the stored ${kind} of snapshot ${snapshotId} (scenario ${scenarioId}) has no section ${absent.join(', ')}`);
  }
  return { computedAt: header.computed_at, plan: plan as Pick<P, K> };
}
