// Screen state the planner arranged (a grid's saved view): one `ui_state` row per key, JSON, validated on read. An
// unreadable value is reported, never thrown: the screen falls back to its default.
import type { z } from 'zod';
import type { Db } from './dbHandle';

export type UiStateRead<T> = { value: T | null; invalid?: string };

export function readUiState<T>(db: Db, key: string, schema: z.ZodType<T>): UiStateRead<T> {
  const row = db.prepare('SELECT value_json FROM ui_state WHERE key = ?').get(key) as { value_json: string } | undefined;
  if (!row) return { value: null };
  let raw: unknown;
  try {
    raw = JSON.parse(row.value_json);
  } catch {
    return { value: null, invalid: `the saved state of ${key} is not valid JSON` };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      value: null,
      invalid: `the saved state of ${key} is unreadable (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
    };
  }
  return { value: parsed.data };
}

export function writeUiState(db: Db, key: string, value: unknown, now: string): void {
  db.prepare(
    'INSERT INTO ui_state (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
  ).run(key, JSON.stringify(value), now);
}

export function deleteUiState(db: Db, key: string): boolean {
  return db.prepare('DELETE FROM ui_state WHERE key = ?').run(key).changes > 0;
}
