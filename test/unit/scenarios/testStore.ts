// Opens a store with the planning tables (v200+). Until the lead registers planningMigrations in migrations.ts,
// the core/import migrations and ours run here with the same forward-only rule; afterwards openStore does it all.
import Database from 'better-sqlite3';
import { openStore, type Db } from '../../../src/main/store/db';
import { migrations, type Migration } from '../../../src/main/store/migrations';
import { planningMigrations } from '../../../src/main/store/planningMigrations';

export function openPlanningStore(path: string): Db {
  if (migrations.some((m) => m.version === planningMigrations[0].version)) return openStore(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const all: Migration[] = [...migrations, ...planningMigrations].sort((a, b) => a.version - b.version);
  const from = db.pragma('user_version', { simple: true }) as number;
  for (const m of all) {
    if (m.version <= from) continue;
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db;
}
