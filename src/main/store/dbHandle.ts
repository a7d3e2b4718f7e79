// The store's connection type, in a module of its own: the migrations and the repositories they use name it without
// importing db.ts, which runs the migrations.
import type Database from 'better-sqlite3';

export type Db = Database.Database;
