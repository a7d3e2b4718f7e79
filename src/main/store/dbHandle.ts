// The store's connection type, in a module of its own: the store's modules name it without importing db.ts, which
// opens the store and runs the migrations (which use some of those modules).
import type Database from 'better-sqlite3';

export type Db = Database.Database;
