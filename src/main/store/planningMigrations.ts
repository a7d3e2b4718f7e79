// Tables for planner-made planning data (owned by scenarios/alerts). Versions 200+ so they never collide with core
// (1..99) or the importer's tables (100..199).
import type { Migration } from './migrations';

export const planningMigrations: Migration[] = [
  {
    version: 200,
    name: 'planning: what-if scenarios (overrides only) and alert acknowledgements',
    up: `
      -- A scenario is a list of overrides on top of a snapshot, never a copy of its data.
      CREATE TABLE scenario (
        id INTEGER PRIMARY KEY,
        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        overrides_json TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX scenario_snapshot ON scenario(snapshot_id, id);

      -- Keyed by the alert's stable key (e.g. yarn-short:<yarnId>), not by snapshot: acks survive re-plans and
      -- re-imports.
      CREATE TABLE alert_ack (
        alert_key TEXT PRIMARY KEY,
        acknowledged_at TEXT NOT NULL,
        note TEXT
      );
    `,
  },
];
