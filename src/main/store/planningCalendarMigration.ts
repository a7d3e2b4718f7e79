// Migration 305: one planning calendar. The plan's three horizons (yarn.planningHorizonWeeks,
// purchasing.horizonWeeks, capacity.loadHorizonWeeks) become calendar.horizonWeeks and capacity.workDaysPerWeek
// becomes calendar.workDaysPerWeek — in the planner's policy values and in the policy changes of saved scenarios.
// Where the planner had set more than one horizon, the longest is kept (no area plans fewer weeks than before) and
// the migration says so. Cached plans are dropped: they carry the old policy table and no calendar; they are
// recomputed (cached forecasts stay). Released migrations never change: this file writes its own SQL.
import type { Database } from 'better-sqlite3';

const HORIZONS = ['yarn.planningHorizonWeeks', 'purchasing.horizonWeeks', 'capacity.loadHorizonWeeks'];
const WORK_DAYS = 'capacity.workDaysPerWeek';

/** The value kept for several horizons: the longest number, else (no number at all) the first value as it was. */
function longest(values: unknown[]): unknown {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return numbers.length ? Math.max(...numbers) : values[0];
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

function movePolicyValues(db: Database): string[] {
  const rows = db
    .prepare(
      `SELECT area, key, value_json, updated_at FROM policy_value WHERE area || '.' || key IN (${[...HORIZONS, WORK_DAYS].map(() => '?').join(', ')}) ORDER BY area, key`,
    )
    .all(...HORIZONS, WORK_DAYS) as { area: string; key: string; value_json: string; updated_at: string }[];
  if (!rows.length) return [];
  const notes: string[] = [];
  const put = db.prepare(
    `INSERT INTO policy_value (area, key, value_json, updated_at) VALUES ('calendar', ?, ?, ?)
     ON CONFLICT(area, key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at, revision = policy_value.revision + 1`,
  );
  const horizons = rows.filter((r) => HORIZONS.includes(`${r.area}.${r.key}`));
  if (horizons.length) {
    const value = longest(horizons.map((r) => parse(r.value_json)));
    put.run(
      'horizonWeeks',
      JSON.stringify(value),
      horizons
        .map((r) => r.updated_at)
        .sort()
        .at(-1),
    );
    const was = horizons.map((r) => `${r.area}.${r.key} ${r.value_json}`).join(', ');
    notes.push(
      horizons.length > 1
        ? `policy: the plan's horizons are one now (calendar.horizonWeeks): ${JSON.stringify(value)} weeks, the longest of ${was}`
        : `policy: ${was} is the plan's one horizon now (calendar.horizonWeeks)`,
    );
  }
  const workDays = rows.find((r) => `${r.area}.${r.key}` === WORK_DAYS);
  if (workDays) {
    put.run('workDaysPerWeek', workDays.value_json, workDays.updated_at);
    notes.push(`policy: ${WORK_DAYS} ${workDays.value_json} is calendar.workDaysPerWeek now`);
  }
  db.prepare(`DELETE FROM policy_value WHERE area || '.' || key IN (${[...HORIZONS, WORK_DAYS].map(() => '?').join(', ')})`).run(
    ...HORIZONS,
    WORK_DAYS,
  );
  return notes;
}

interface PolicyOverride {
  kind: 'policy';
  area: string;
  key: string;
  value: unknown;
}

const isMoved = (o: unknown): o is PolicyOverride =>
  o !== null &&
  typeof o === 'object' &&
  (o as PolicyOverride).kind === 'policy' &&
  [...HORIZONS, WORK_DAYS].includes(`${(o as PolicyOverride).area}.${(o as PolicyOverride).key}`);

/** A scenario's overrides with the moved keys renamed; several horizon changes become one, the longest. */
function renameOverrides(overrides: unknown[]): unknown[] {
  const horizons = overrides.filter((o) => isMoved(o) && `${o.area}.${o.key}` !== WORK_DAYS) as PolicyOverride[];
  const kept = horizons.length ? horizons.find((o) => o.value === longest(horizons.map((h) => h.value))) : undefined;
  return overrides.flatMap((o) => {
    if (!isMoved(o)) return [o];
    if (`${o.area}.${o.key}` === WORK_DAYS) return [{ ...o, area: 'calendar', key: 'workDaysPerWeek' }];
    return o === kept ? [{ ...o, area: 'calendar', key: 'horizonWeeks' }] : [];
  });
}

function moveScenarioOverrides(db: Database): string[] {
  const notes: string[] = [];
  db.function('calendar_overrides', { deterministic: true }, (json, name) => {
    const overrides = parse(String(json));
    if (!Array.isArray(overrides) || !overrides.some(isMoved)) return json;
    const renamed = renameOverrides(overrides);
    const merged = overrides.length - renamed.length;
    notes.push(
      `scenario ${String(name)}: its policy changes of ${overrides
        .filter(isMoved)
        .map((o) => `${o.area}.${o.key}`)
        .join(', ')} are changes of the planning calendar now` + (merged ? ` (${merged + 1} horizons merged into one, the longest)` : ''),
    );
    return JSON.stringify(renamed);
  });
  db.exec(
    "UPDATE scenario SET overrides_json = calendar_overrides(overrides_json, name) WHERE overrides_json LIKE '%Weeks%' OR overrides_json LIKE '%workDays%'",
  );
  return notes;
}

export function mergePlanHorizons(db: Database): string[] {
  const notes = [...movePolicyValues(db), ...moveScenarioOverrides(db)];
  const dropped = db.prepare("DELETE FROM plan_cache WHERE kind = 'plan'").run().changes;
  if (dropped) notes.push(`${dropped} cached plans dropped (computed with the old policy table): plan again to see them`);
  return notes;
}
