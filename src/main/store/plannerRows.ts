// Planner data tables: one row per thing the planner entered, checked against its domain schema on the way in and
// on the way out, changed one row at a time. Every change returns the row as it was before and after, which is what
// an action log records and what an undo puts back; `revision` counts the changes of a row, so a writer that read a
// row earlier can change it only if nobody else has since.
import type { z } from 'zod';
import type { Db } from './dbHandle';

export type SqlValue = string | number | null;
export type Columns = Record<string, SqlValue>;

/** What one call did to one row (null before: inserted; null after: deleted; equal: nothing changed). */
export interface RowChange<T> {
  table: string;
  /** The row's key, readable (`draft D-1`, `calendar/horizonWeeks`). */
  key: string;
  before: T | null;
  after: T | null;
}

/** A stored row that breaks its schema, or a change that would. Names the table, the row and the reason. */
export class PlannerDataError extends Error {}

/** How one table holds one kind of planner data. Every table also has `revision` and `updated_at`. */
export interface RowSpec<T> {
  table: string;
  keyColumns: readonly string[];
  /** The key column values of a value, in `keyColumns` order. */
  keyOf: (value: T) => SqlValue[];
  schema: z.ZodType<T>;
  /** Every column but `revision` and `updated_at`, key columns included. */
  toColumns: (value: T) => Columns;
  fromColumns: (row: Columns) => unknown;
  orderBy: string;
}

export const keyText = (key: readonly SqlValue[]): string => key.map(String).join('/');

/** Drops the entries whose column was NULL: an optional field that is not set is left out, not null. */
export function optionalFields(fields: Record<string, SqlValue>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) as Record<string, string | number>;
}

export function parseRow<T>(spec: RowSpec<T>, row: Columns): T {
  const parsed = spec.schema.safeParse(spec.fromColumns(row));
  if (!parsed.success) {
    const key = keyText(spec.keyColumns.map((c) => row[c]));
    const reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
    throw new PlannerDataError(`${spec.table} ${key} holds an invalid row (${reason})`);
  }
  return parsed.data;
}

export function checkValue<T>(spec: RowSpec<T>, value: T): T {
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
    throw new PlannerDataError(`invalid ${spec.table}: ${reason}`);
  }
  return parsed.data;
}

const whereKey = (spec: { keyColumns: readonly string[] }) => spec.keyColumns.map((c) => `${c} = ?`).join(' AND ');

export function listRows<T>(db: Db, spec: RowSpec<T>): T[] {
  return (db.prepare(`SELECT * FROM ${spec.table} ORDER BY ${spec.orderBy}`).all() as Columns[]).map((r) => parseRow(spec, r));
}

/** The stored row with its revision, or null. */
export function getRowWithRevision<T>(db: Db, spec: RowSpec<T>, key: readonly SqlValue[]): { value: T; revision: number } | null {
  const row = db.prepare(`SELECT * FROM ${spec.table} WHERE ${whereKey(spec)}`).get(...key) as Columns | undefined;
  return row ? { value: parseRow(spec, row), revision: row.revision as number } : null;
}

export function getRow<T>(db: Db, spec: RowSpec<T>, key: readonly SqlValue[]): T | null {
  return getRowWithRevision(db, spec, key)?.value ?? null;
}

/** Inserts the row, or updates the row with its key (revision + 1); a value equal to the stored one is not written. */
export function putRow<T>(db: Db, spec: RowSpec<T>, value: T, now: string): RowChange<T> {
  const checked = checkValue(spec, value);
  const key = spec.keyOf(checked);
  const columns = spec.toColumns(checked);
  const names = Object.keys(columns);
  const updates = names.filter((c) => !spec.keyColumns.includes(c)).map((c) => `${c} = excluded.${c}`);
  const sql =
    `INSERT INTO ${spec.table} (${names.join(', ')}, revision, updated_at) VALUES (${names.map(() => '?').join(', ')}, 1, ?) ` +
    `ON CONFLICT (${spec.keyColumns.join(', ')}) DO UPDATE SET ${[...updates, `revision = ${spec.table}.revision + 1`, 'updated_at = excluded.updated_at'].join(', ')}`;
  return db
    .transaction(() => {
      const before = getRow(db, spec, key);
      if (before !== null && sameColumns(spec.toColumns(before), columns)) return { table: spec.table, key: keyText(key), before, after: before };
      db.prepare(sql).run(...names.map((c) => columns[c]), now);
      return { table: spec.table, key: keyText(key), before, after: getRow(db, spec, key) };
    })
    .immediate();
}

export function deleteRow<T>(db: Db, spec: RowSpec<T>, key: readonly SqlValue[]): RowChange<T> {
  return db
    .transaction(() => {
      const before = getRow(db, spec, key);
      if (before !== null) db.prepare(`DELETE FROM ${spec.table} WHERE ${whereKey(spec)}`).run(...key);
      return { table: spec.table, key: keyText(key), before, after: null };
    })
    .immediate();
}

function sameColumns(a: Columns, b: Columns): boolean {
  const names = Object.keys(b);
  return names.length === Object.keys(a).length && names.every((c) => Object.is(a[c], b[c]));
}
