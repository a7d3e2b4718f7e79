// Opens the planning store: one SQLite file in WAL mode, migrated to the current schema.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations';

export type Db = Database.Database;

export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'NOT_SQLITE' | 'SCHEMA_TOO_NEW' | 'OPEN_FAILED',
  ) {
    super(message);
  }
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

function assertSqliteFile(path: string): void {
  if (path === ':memory:' || !existsSync(path) || statSync(path).size === 0) return;
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(16);
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') !== SQLITE_HEADER) {
    throw new StoreError(`${path} is not a Beverly Knits Planner database (not an SQLite file)`, 'NOT_SQLITE');
  }
}

export function openStore(path: string, options: { readonly?: boolean } = {}): Db {
  assertSqliteFile(path);
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
    if (!options.readonly) migrate(db);
  } catch (err) {
    db.close();
    const msg = (err as Error).message;
    if (/newer than this app/.test(msg)) throw new StoreError(msg, 'SCHEMA_TOO_NEW');
    throw new StoreError(`cannot open database ${path}: ${msg}`, 'OPEN_FAILED');
  }
  return db;
}
