// Single values the app keeps (switches, the active snapshot, which alerts were announced): one `setting` row per key,
// JSON, checked against its schema when read. Lists the planner builds up live in their own tables, never here.
// `legacy.<key>` rows hold what a migration could not move into a table, kept for the planner to see.
import { z } from 'zod';
import type { Db } from './dbHandle';
import { PlannerDataError, type RowChange } from './plannerRows';

export interface SettingSpec<T> {
  key: string;
  schema: z.ZodType<T>;
  /** The value while none is stored. */
  fallback: T;
}

export const SETTINGS = {
  /** The snapshot the app shows and plans; none stored: the newest. */
  activeSnapshotId: { key: 'app.activeSnapshotId', schema: z.number().int().positive().nullable(), fallback: null },
  /** Alert keys the planner was last told about, so each new critical alert is announced once. */
  notifiedAlertKeys: { key: 'alerts.notifiedKeys', schema: z.array(z.string()), fallback: [] },
  includeSalesOrderLayer: { key: 'yarn.includeSalesOrderLayer', schema: z.boolean(), fallback: false },
  includeForecastLayer: { key: 'yarn.includeForecastLayer', schema: z.boolean(), fallback: false },
  allowScheduleMoves: { key: 'schedule.allowMoves', schema: z.boolean(), fallback: false },
} satisfies Record<string, SettingSpec<unknown>>;

export function readSetting<T>(db: Db, spec: SettingSpec<T>): T {
  const row = db.prepare('SELECT value_json FROM setting WHERE key = ?').get(spec.key) as { value_json: string } | undefined;
  if (!row) return spec.fallback;
  let value: unknown;
  try {
    value = JSON.parse(row.value_json);
  } catch {
    throw new PlannerDataError(`setting ${spec.key} is not valid JSON`);
  }
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success)
    throw new PlannerDataError(`setting ${spec.key} holds an invalid value (${parsed.error.issues.map((i) => i.message).join('; ')})`);
  return parsed.data;
}

export function writeSetting<T>(db: Db, spec: SettingSpec<T>, value: T, now: string): RowChange<T> {
  const checked = spec.schema.parse(value);
  return db
    .transaction(() => {
      const before = db.prepare('SELECT 1 FROM setting WHERE key = ?').get(spec.key) ? readSetting(db, spec) : null;
      db.prepare(
        'INSERT INTO setting (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
      ).run(spec.key, JSON.stringify(checked), now);
      return { table: 'setting', key: spec.key, before, after: checked };
    })
    .immediate();
}

export const LEGACY_PREFIX = 'legacy.';

/** What migrations kept aside because it did not fit a table (raw JSON: its shape is what failed). */
export function listLegacySettings(db: Db): { key: string; value: unknown; updatedAt: string }[] {
  return (
    db.prepare("SELECT key, value_json, updated_at FROM setting WHERE key LIKE 'legacy.%' ORDER BY key").all() as {
      key: string;
      value_json: string;
      updated_at: string;
    }[]
  ).map((r) => ({ key: r.key, value: JSON.parse(r.value_json) as unknown, updatedAt: r.updated_at }));
}
