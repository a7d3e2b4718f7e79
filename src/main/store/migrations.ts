// Forward-only schema migrations. Each entry runs once, in order, inside a transaction; `user_version` records
// the last one applied. Never edit a released migration: add a new one.
import type { Database } from 'better-sqlite3';
import { entityMigrations } from './entityMigrations';
import { planningMigrations } from './planningMigrations';

export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database) => void);
}

const coreMigrations: Migration[] = [
  {
    version: 1,
    name: 'core: snapshots, import files, settings, planner data, plan cache',
    up: `
      CREATE TABLE snapshot (
        id INTEGER PRIMARY KEY,
        as_of TEXT NOT NULL,                 -- ISO date the exports describe
        label TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('import', 'master', 'demo')),
        source TEXT NOT NULL DEFAULT '',     -- folder or file list the batch came from
        content_hash TEXT NOT NULL,          -- sha256 over the files, for idempotent re-import
        created_at TEXT NOT NULL,
        report_json TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX snapshot_as_of ON snapshot(as_of, id);
      CREATE UNIQUE INDEX snapshot_content ON snapshot(content_hash, as_of);

      -- Which entity kinds a batch carries, so a plan can take masters from an earlier batch.
      CREATE TABLE snapshot_entity (
        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
        entity TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        PRIMARY KEY (snapshot_id, entity)
      );

      CREATE TABLE import_file (
        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        export_type TEXT NOT NULL,
        rows_read INTEGER NOT NULL,
        rows_accepted INTEGER NOT NULL,
        rows_rejected INTEGER NOT NULL,
        PRIMARY KEY (snapshot_id, file_name)
      );

      -- Planner-entered data: never tied to a snapshot, never deleted by an import.
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE plan_cache (
        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
        scenario_id INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL,
        inputs_hash TEXT NOT NULL,
        computed_at TEXT NOT NULL,
        result_json TEXT NOT NULL,
        PRIMARY KEY (snapshot_id, scenario_id, kind)
      );
    `,
  },
  {
    // Versions are global across core (1, 300+), entity (100+) and planning (200+) migrations: always increasing.
    version: 300,
    name: 'core: plan cache revision, so readers never mistake a re-plan for the plan they cached',
    up: 'ALTER TABLE plan_cache ADD COLUMN revision INTEGER NOT NULL DEFAULT 0',
  },
  {
    version: 301,
    name: 'import: when an API knit order was created, to leave out orders created after the as-of date',
    up: 'ALTER TABLE knit_order ADD COLUMN created_at TEXT',
  },
];

export const migrations: Migration[] = [...coreMigrations, ...entityMigrations, ...planningMigrations].sort((a, b) => a.version - b.version);

export function migrate(db: Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new Error(`database schema version ${from} is newer than this app (${latest}); update the app`);
  }
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latest };
}
