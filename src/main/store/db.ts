// Opens the planning store: one SQLite file in WAL mode, migrated to the current schema.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './dbHandle';
import { migrate, migrations } from './migrations';

export type { Db };

export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'NOT_SQLITE' | 'SCHEMA_TOO_NEW' | 'OPEN_FAILED',
  ) {
    super(message);
  }
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** Where the database header keeps `PRAGMA user_version` (4 bytes, big-endian). */
const USER_VERSION_OFFSET = 60;

/**
 * Reads what the file says about itself before anything opens it for writing: refuses a file that is not SQLite,
 * and one whose schema is newer than this app (opening it would already switch its journal mode to WAL).
 */
function checkFileBeforeOpening(path: string): void {
  if (path === ':memory:' || !existsSync(path) || statSync(path).size === 0) return;
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(100);
  let read: number;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    throw new StoreError(`${path} is not a Beverly Knits Planner database (not an SQLite file)`, 'NOT_SQLITE');
  }
  let version = read >= USER_VERSION_OFFSET + 4 ? head.readUInt32BE(USER_VERSION_OFFSET) : 0;
  // Changes still in a write-ahead log are not in the header yet: ask SQLite, read-only (no checkpoint on close).
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    const probe = new Database(path, { readonly: true, fileMustExist: true });
    try {
      version = probe.pragma('user_version', { simple: true }) as number;
    } finally {
      probe.close();
    }
  }
  const latest = migrations.at(-1)?.version ?? 0;
  if (version > latest) {
    throw new StoreError(`${path}: database schema version ${version} is newer than this app (${latest}); update the app`, 'SCHEMA_TOO_NEW');
  }
}

export function openStore(path: string, options: { readonly?: boolean } = {}): Db {
  checkFileBeforeOpening(path);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (err) {
    throw new StoreError(`cannot open database ${path}: ${(err as Error).message}`, 'OPEN_FAILED');
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) for (const note of migrate(db).notes) console.warn(`${path}: ${note}`);
  } catch (err) {
    db.close();
    const msg = (err as Error).message;
    if (/newer than this app/.test(msg)) throw new StoreError(msg, 'SCHEMA_TOO_NEW');
    throw new StoreError(`cannot open database ${path}: ${msg}`, 'OPEN_FAILED');
  }
  return db;
}
