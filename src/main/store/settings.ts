// Key/value settings the planner edits (policy table overrides, supplier mappings, overrides...). JSON values.
import type { Db } from './db';

export function getSetting<T>(db: Db, key: string): T | undefined {
  const row = db.prepare('SELECT value_json FROM setting WHERE key = ?').get(key) as { value_json: string } | undefined;
  return row ? (JSON.parse(row.value_json) as T) : undefined;
}

export function putSetting(db: Db, key: string, value: unknown, now: string): void {
  db.prepare(
    'INSERT INTO setting (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
  ).run(key, JSON.stringify(value), now);
}
