// The action log's tables, and the planner data tables an action (and its undo) may change, each read and written
// through its own repository: an entry keeps every changed row as it was and became (domain values, as JSON), and an
// undo puts the rows back through the same repositories, so they are checked against their schemas on the way in.
import type { ActionChange, ActionEntry, ActionKind } from '../../shared/actionLog';
import { acknowledgeAlert, getAlertAck, unacknowledgeAlert } from './alertAcks';
import type { Db } from './dbHandle';
import { getRow, PlannerDataError, putRow, deleteRow, type RowSpec } from './plannerRows';
import { deletePoDraft, getPoDraft, putPoDraft } from './poDrafts';
import { policyValueRows } from './policyValues';
import { deleteScenario, type ScenarioRow } from './scenarios';
import { pinRows } from './schedulePins';
import { deleteBomOverride, getBomOverride, putBomOverride, rateOverrideRows } from './styleOverrides';
import { supplierMappingRows, yarnSupplyOverrideRows } from './supplyOverrides';

// 306: one row per action; one row per planner data row it changed (the key and the row before and after, as JSON).
export const ACTION_LOG_SQL = `
  CREATE TABLE action_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    snapshot_id INTEGER,                -- no reference: the log outlives a deleted snapshot
    sentence TEXT NOT NULL,
    changed INTEGER NOT NULL CHECK (changed IN (0, 1)),
    undoes_id INTEGER REFERENCES action_log(id),
    undone_by_id INTEGER REFERENCES action_log(id)
  );
  CREATE TABLE action_log_change (
    log_id INTEGER NOT NULL REFERENCES action_log(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    row_key TEXT NOT NULL,              -- JSON array of the key values
    before_json TEXT NOT NULL,          -- the domain value, or null when the row did not exist
    after_json TEXT NOT NULL,
    PRIMARY KEY (log_id, seq)
  );
  CREATE INDEX action_log_change_row ON action_log_change(table_name, row_key);
`;

type RowValue = Record<string, unknown>;

/** A planner data table as the log sees it: read a row by key, put a row back, remove it. */
interface TrackedTable {
  /** "draft D-1", "policy purchasing/leadTimeDays". */
  label(key: readonly string[]): string;
  get(db: Db, key: readonly string[]): RowValue | null;
  put(db: Db, value: RowValue, now: string): void;
  remove(db: Db, key: readonly string[]): void;
}

function specTable<T>(spec: RowSpec<T>, noun: string): TrackedTable {
  return {
    label: (key) => `${noun} ${key.join('/')}`,
    get: (db, key) => getRow(db, spec, key) as RowValue | null,
    put: (db, value, now) => void putRow(db, spec, value as T, now),
    remove: (db, key) => void deleteRow(db, spec, key),
  };
}

export const TRACKED_TABLES = {
  po_draft: {
    label: (key) => `draft ${key[0]}`,
    get: (db, key) => getPoDraft(db, key[0]) as RowValue | null,
    put: (db, value, now) => void putPoDraft(db, value as unknown as Parameters<typeof putPoDraft>[1], now),
    remove: (db, key) => void deletePoDraft(db, key[0]),
  },
  pin: specTable(pinRows, 'pin of order'),
  rate_override: specTable(rateOverrideRows, 'rate override of style'),
  bom_override: {
    label: (key) => `BOM override of style ${key[0]}`,
    get: (db, key) => getBomOverride(db, key[0]) as RowValue | null,
    put: (db, value, now) => void putBomOverride(db, value as unknown as Parameters<typeof putBomOverride>[1], now),
    remove: (db, key) => void deleteBomOverride(db, key[0]),
  },
  policy_value: specTable(policyValueRows, 'policy'),
  supplier_mapping: specTable(supplierMappingRows, 'supplier mapping of'),
  yarn_supply_override: specTable(yarnSupplyOverrideRows, 'supply override of yarn'),
  alert_ack: {
    label: (key) => `acknowledgement of alert ${key[0]}`,
    get: (db, key) => (getAlertAck(db, key[0]) as RowValue | undefined) ?? null,
    put: (db, value) => void acknowledgeAlert(db, value.alertKey as string, value.acknowledgedAt as string, (value.note as string | null) ?? null),
    remove: (db, key) => void unacknowledgeAlert(db, key[0]),
  },
  setting: {
    label: (key) => `setting ${key[0]}`,
    get: (db, key) => {
      const row = db.prepare('SELECT key, value_json FROM setting WHERE key = ?').get(key[0]) as { key: string; value_json: string } | undefined;
      return row ? { key: row.key, value: JSON.parse(row.value_json) as unknown } : null;
    },
    put: (db, value, now) =>
      void db
        .prepare(
          'INSERT INTO setting (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
        )
        .run(value.key as string, JSON.stringify(value.value), now),
    remove: (db, key) => void db.prepare('DELETE FROM setting WHERE key = ?').run(key[0]),
  },
  // The stored row as it is (overrides as their JSON text), so an undo puts back exactly what was there.
  scenario: {
    label: (key) => `scenario ${key[0]}`,
    get: (db, key) => {
      const r = db.prepare('SELECT id, snapshot_id, name, created_at, overrides_json FROM scenario WHERE id = ?').get(Number(key[0])) as
        ScenarioRow | undefined;
      return r ? { id: r.id, snapshotId: r.snapshot_id, name: r.name, createdAt: r.created_at, overridesJson: r.overrides_json } : null;
    },
    put: (db, value) => {
      if (!db.prepare('SELECT 1 FROM snapshot WHERE id = ?').get(value.snapshotId))
        throw new PlannerDataError(`scenario ${String(value.id)} was built on snapshot ${String(value.snapshotId)}, which no longer exists`);
      db.prepare(
        `INSERT INTO scenario (id, snapshot_id, name, created_at, overrides_json) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET snapshot_id = excluded.snapshot_id, name = excluded.name, created_at = excluded.created_at, overrides_json = excluded.overrides_json`,
      ).run(value.id, value.snapshotId, value.name, value.createdAt, value.overridesJson);
    },
    // With its cached plans, as deleting a scenario does.
    remove: (db, key) => void deleteScenario(db, Number(key[0])),
  },
} satisfies Record<string, TrackedTable>;
export type TrackedTableName = keyof typeof TRACKED_TABLES;

export const trackedTable = (name: string): TrackedTable => {
  if (!Object.hasOwn(TRACKED_TABLES, name)) throw new PlannerDataError(`the action log does not know table ${name}`);
  return TRACKED_TABLES[name as TrackedTableName];
};

/** A change as recorded: the key, and the row before and after. */
export interface RecordedChange {
  table: TrackedTableName;
  key: string[];
  before: RowValue | null;
  after: RowValue | null;
}

/** The JSON a row is kept (and compared) as. */
export const rowJson = (value: RowValue | null): string => JSON.stringify(value);

export interface NewEntry {
  at: string;
  kind: ActionKind;
  snapshotId: number | null;
  sentence: string;
  changes: readonly RecordedChange[];
  undoesId?: number;
}

/** Writes an entry and its changes (inside the caller's transaction); returns its id. */
export function insertEntry(db: Db, e: NewEntry): number {
  const changed = e.changes.some((c) => rowJson(c.before) !== rowJson(c.after));
  const id = Number(
    db
      .prepare('INSERT INTO action_log (at, kind, snapshot_id, sentence, changed, undoes_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(e.at, e.kind, e.snapshotId, e.sentence, changed ? 1 : 0, e.undoesId ?? null).lastInsertRowid,
  );
  const change = db.prepare('INSERT INTO action_log_change (log_id, seq, table_name, row_key, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)');
  e.changes.forEach((c, seq) => change.run(id, seq, c.table, JSON.stringify(c.key), rowJson(c.before), rowJson(c.after)));
  if (e.undoesId !== undefined) db.prepare('UPDATE action_log SET undone_by_id = ? WHERE id = ?').run(id, e.undoesId);
  return id;
}

interface EntryRow {
  id: number;
  at: string;
  kind: ActionKind;
  snapshot_id: number | null;
  sentence: string;
  changed: number;
  undoes_id: number | null;
  undone_by_id: number | null;
}
interface ChangeRow {
  log_id: number;
  table_name: string;
  row_key: string;
  before_json: string;
  after_json: string;
}

export interface StoredEntry extends ActionEntry {
  recorded: RecordedChange[];
}

function toEntries(db: Db, rows: EntryRow[]): StoredEntry[] {
  if (!rows.length) return [];
  const changes = db
    .prepare(
      `SELECT log_id, table_name, row_key, before_json, after_json FROM action_log_change
       WHERE log_id IN (SELECT value FROM json_each(?)) ORDER BY log_id, seq`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as ChangeRow[];
  const byEntry = new Map<number, RecordedChange[]>();
  for (const c of changes) {
    const list = byEntry.get(c.log_id) ?? [];
    list.push({
      table: c.table_name as TrackedTableName,
      key: JSON.parse(c.row_key) as string[],
      before: JSON.parse(c.before_json) as RowValue | null,
      after: JSON.parse(c.after_json) as RowValue | null,
    });
    byEntry.set(c.log_id, list);
  }
  return rows.map((r) => {
    const recorded = byEntry.get(r.id) ?? [];
    return {
      id: r.id,
      at: r.at,
      kind: r.kind,
      snapshotId: r.snapshot_id,
      sentence: r.sentence,
      changes: recorded.map((c): ActionChange => ({
        table: c.table,
        label: trackedTable(c.table).label(c.key),
        key: c.key,
        // read back from JSON text: JSON values
        before: c.before as ActionChange['before'],
        after: c.after as ActionChange['after'],
      })),
      undoesId: r.undoes_id,
      undoneById: r.undone_by_id,
      undoable: r.kind !== 'actions.undo' && r.undone_by_id === null && r.changed === 1,
      recorded,
    };
  });
}

const UNDOABLE = "kind <> 'actions.undo' AND undone_by_id IS NULL AND changed = 1";

export function listEntries(db: Db, offset: number, limit: number): { total: number; undoableCount: number; entries: StoredEntry[] } {
  const counts = db.prepare(`SELECT COUNT(*) AS total, COALESCE(SUM(${UNDOABLE}), 0) AS undoable FROM action_log`).get() as {
    total: number;
    undoable: number;
  };
  const rows = db.prepare('SELECT * FROM action_log ORDER BY id DESC LIMIT ? OFFSET ?').all(limit, offset) as EntryRow[];
  return { total: counts.total, undoableCount: counts.undoable, entries: toEntries(db, rows) };
}

export function getEntry(db: Db, id: number): StoredEntry | null {
  return toEntries(db, db.prepare('SELECT * FROM action_log WHERE id = ?').all(id) as EntryRow[])[0] ?? null;
}

/** The newest entry that can still be undone. */
export function lastUndoableEntry(db: Db): StoredEntry | null {
  return toEntries(db, db.prepare(`SELECT * FROM action_log WHERE ${UNDOABLE} ORDER BY id DESC LIMIT 1`).all() as EntryRow[])[0] ?? null;
}

/** The newest standing entry after `afterId` that changed the same row (what an undo names when the row moved on). */
export function laterEntryOfRow(db: Db, afterId: number, table: string, key: readonly string[]): { id: number; at: string; sentence: string } | null {
  return (
    (db
      .prepare(
        `SELECT l.id, l.at, l.sentence FROM action_log l JOIN action_log_change c ON c.log_id = l.id
         WHERE c.table_name = ? AND c.row_key = ? AND l.id > ? AND c.before_json <> c.after_json ORDER BY l.id DESC LIMIT 1`,
      )
      .get(table, JSON.stringify(key), afterId) as { id: number; at: string; sentence: string } | undefined) ?? null
  );
}
