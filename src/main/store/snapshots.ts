// Snapshot history: each import batch is a snapshot with an as-of date; older ones are kept until deleted.
import { importReportSchema, type FileReport, type FutureRecords, type ImportReport } from '../../shared/importReport';
import type { Db } from './dbHandle';

export interface SnapshotRow {
  id: number;
  asOf: string;
  label: string;
  kind: 'import' | 'master' | 'demo';
  source: string;
  contentHash: string;
  createdAt: string;
  entities: Record<string, number>;
  /** From the import report: files holding records dated after the as-of date. */
  futureRecords: FutureRecords[];
}

interface RawSnapshot {
  id: number;
  as_of: string;
  label: string;
  kind: SnapshotRow['kind'];
  source: string;
  content_hash: string;
  created_at: string;
  future_records: string | null;
}

export function listSnapshots(db: Db): SnapshotRow[] {
  const rows = db
    .prepare(
      `SELECT id, as_of, label, kind, source, content_hash, created_at, json_extract(report_json, '$.futureRecords') AS future_records
       FROM snapshot ORDER BY as_of DESC, id DESC`,
    )
    .all() as RawSnapshot[];
  const counts = db.prepare('SELECT snapshot_id, entity, row_count FROM snapshot_entity').all() as {
    snapshot_id: number;
    entity: string;
    row_count: number;
  }[];
  const bySnapshot = new Map<number, Record<string, number>>();
  for (const c of counts) {
    const m = bySnapshot.get(c.snapshot_id) ?? {};
    m[c.entity] = c.row_count;
    bySnapshot.set(c.snapshot_id, m);
  }
  return rows.map((r) => ({
    id: r.id,
    asOf: r.as_of,
    label: r.label,
    kind: r.kind,
    source: r.source,
    contentHash: r.content_hash,
    createdAt: r.created_at,
    entities: bySnapshot.get(r.id) ?? {},
    futureRecords: r.future_records ? (JSON.parse(r.future_records) as FutureRecords[]) : [],
  }));
}

export function getSnapshot(db: Db, id: number): SnapshotRow | undefined {
  return listSnapshots(db).find((s) => s.id === id);
}

export function findSnapshotByContent(db: Db, contentHash: string, asOf: string): number | undefined {
  const row = db.prepare('SELECT id FROM snapshot WHERE content_hash = ? AND as_of = ?').get(contentHash, asOf) as { id: number } | undefined;
  return row?.id;
}

export function insertSnapshot(
  db: Db,
  s: { asOf: string; label: string; kind: SnapshotRow['kind']; source: string; contentHash: string; createdAt: string },
): number {
  const info = db
    .prepare('INSERT INTO snapshot (as_of, label, kind, source, content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(s.asOf, s.label, s.kind, s.source, s.contentHash, s.createdAt);
  return Number(info.lastInsertRowid);
}

export function recordSnapshotEntities(db: Db, snapshotId: number, counts: Record<string, number>): void {
  const stmt = db.prepare('INSERT OR REPLACE INTO snapshot_entity (snapshot_id, entity, row_count) VALUES (?, ?, ?)');
  for (const [entity, n] of Object.entries(counts)) stmt.run(snapshotId, entity, n);
}

/** The files of an import batch, as the snapshot's record of where its rows came from. */
export function recordImportFiles(db: Db, snapshotId: number, files: FileReport[]): void {
  const stmt = db.prepare(
    'INSERT INTO import_file (snapshot_id, file_name, sha256, export_type, rows_read, rows_accepted, rows_rejected) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const f of files) {
    stmt.run(
      snapshotId,
      f.file,
      f.sha256,
      f.status === 'imported' ? (f.exportType ?? 'unknown') : `${f.status}:${f.exportType ?? 'unknown'}`,
      f.rowsRead,
      f.rowsAccepted,
      f.rowsRejected,
    );
  }
}

/** The row count of an entity kind in the latest import snapshot as of `asOf` or before that has any (thin-data check). */
export function latestImportedCount(db: Db, entity: string, asOf: string): { asOf: string; count: number } | undefined {
  return db
    .prepare(
      `SELECT s.as_of AS asOf, e.row_count AS count FROM snapshot_entity e JOIN snapshot s ON s.id = e.snapshot_id
       WHERE e.entity = ? AND s.kind = 'import' AND s.as_of <= ? AND e.row_count > 0 ORDER BY s.as_of DESC, s.id DESC LIMIT 1`,
    )
    .get(entity, asOf) as { asOf: string; count: number } | undefined;
}

export function setSnapshotReport(db: Db, snapshotId: number, report: unknown): void {
  db.prepare('UPDATE snapshot SET report_json = ? WHERE id = ?').run(JSON.stringify(report), snapshotId);
}

/** Per connection, the last few read: snapshot id -> the stored report text and what it read as (the dashboard and alerts read it per call). */
const checkedReports = new WeakMap<Db, Map<number, { json: string; report: ImportReport | undefined }>>();

/**
 * The snapshot's import report, checked against its schema (fields added since it was stored get their defaults);
 * undefined for a snapshot stored without one. Parsed and checked once per stored text: callers share the object
 * and only read it.
 */
export function getSnapshotReport(db: Db, snapshotId: number): ImportReport | undefined {
  const row = db.prepare('SELECT report_json FROM snapshot WHERE id = ?').get(snapshotId) as { report_json: string } | undefined;
  if (!row) return undefined;
  let known = checkedReports.get(db);
  if (!known) checkedReports.set(db, (known = new Map()));
  const hit = known.get(snapshotId);
  if (hit?.json === row.report_json) return hit.report;
  const report = checkReport(snapshotId, row.report_json);
  known.delete(snapshotId);
  known.set(snapshotId, { json: row.report_json, report });
  if (known.size > 4) known.delete(known.keys().next().value as number);
  return report;
}

function checkReport(snapshotId: number, json: string): ImportReport | undefined {
  const stored: unknown = JSON.parse(json);
  if (!stored || (typeof stored === 'object' && Object.keys(stored).length === 0)) return undefined;
  const parsed = importReportSchema.safeParse(stored);
  if (!parsed.success)
    throw new Error(
      `the import report of snapshot ${snapshotId} does not read as one: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`,
    );
  return parsed.data;
}

/** What happens to the what-if scenarios built on a snapshot that is deleted: nothing unless said. */
export interface ScenarioFate {
  /** Keep them, moved (overrides and all) onto this other snapshot. */
  moveScenariosTo?: number;
  /** Delete them with the snapshot. */
  deleteScenarios?: boolean;
}

export class SnapshotInUseError extends Error {}

/**
 * Deletes a snapshot and, through ON DELETE CASCADE, every row it carried and every plan computed from it, in one
 * transaction. Scenarios are planner data: a snapshot they are built on is deleted only when `fate` says to move
 * them to another snapshot or to delete them too; otherwise SnapshotInUseError names them and nothing changes.
 * Returns how many scenarios were moved or deleted (deleted: false when there was no such snapshot).
 */
export function deleteSnapshot(db: Db, id: number, fate: ScenarioFate = {}): { deleted: boolean; scenariosMoved: number; scenariosDeleted: number } {
  return db.transaction(() => {
    const scenarios = db.prepare('SELECT id, name FROM scenario WHERE snapshot_id = ? ORDER BY id').all(id) as { id: number; name: string }[];
    let scenariosMoved = 0;
    let scenariosDeleted = 0;
    if (scenarios.length) {
      const { moveScenariosTo: target, deleteScenarios } = fate;
      if (target === undefined && !deleteScenarios) {
        const label = (db.prepare('SELECT label FROM snapshot WHERE id = ?').pluck().get(id) as string | undefined) ?? '';
        const names = scenarios.map((s) => `"${s.name}"`).join(', ');
        throw new SnapshotInUseError(
          `${scenarios.length === 1 ? '1 scenario is' : `${scenarios.length} scenarios are`} built on snapshot ${id} (${label}): ${names}. ` +
            'To delete the snapshot, move them to another snapshot or delete them with it.',
        );
      }
      // Their cached plans were computed from this snapshot's data.
      db.prepare('DELETE FROM plan_cache WHERE scenario_id IN (SELECT id FROM scenario WHERE snapshot_id = ?)').run(id);
      if (target !== undefined) {
        if (target === id) throw new SnapshotInUseError('move the scenarios to another snapshot than the one being deleted');
        if (!db.prepare('SELECT 1 FROM snapshot WHERE id = ?').get(target))
          throw new SnapshotInUseError(`snapshot ${target} does not exist: the scenarios cannot be moved there`);
        scenariosMoved = db.prepare('UPDATE scenario SET snapshot_id = ? WHERE snapshot_id = ?').run(target, id).changes;
      } else scenariosDeleted = db.prepare('DELETE FROM scenario WHERE snapshot_id = ?').run(id).changes;
    }
    const deleted = db.prepare('DELETE FROM snapshot WHERE id = ?').run(id).changes > 0;
    return { deleted, scenariosMoved, scenariosDeleted };
  })();
}

/**
 * For each entity kind, the batch a plan of `snapshotId` reads it from: the snapshot itself if it carries the kind,
 * else the most recent earlier batch that does (masters imported on their own stay valid across snapshots).
 */
export function entitySources(db: Db, snapshotId: number): Map<string, number> {
  const target = db.prepare('SELECT as_of, id FROM snapshot WHERE id = ?').get(snapshotId) as { as_of: string; id: number } | undefined;
  if (!target) throw new Error(`snapshot ${snapshotId} does not exist`);
  const rows = db
    .prepare(
      `SELECT e.entity, e.snapshot_id FROM snapshot_entity e JOIN snapshot s ON s.id = e.snapshot_id
       WHERE (s.as_of < ? OR (s.as_of = ? AND s.id <= ?)) ORDER BY s.as_of, s.id`,
    )
    .all(target.as_of, target.as_of, target.id) as { entity: string; snapshot_id: number }[];
  const sources = new Map<string, number>();
  for (const r of rows) sources.set(r.entity, r.snapshot_id);
  return sources;
}
