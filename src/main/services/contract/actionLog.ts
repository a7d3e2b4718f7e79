// Records planner actions and takes them back. An action runs inside `record`'s write transaction and reads each row
// it changes before and after through the tracker; the entry is written in the same transaction, so the log never
// disagrees with the data. An undo checks that every row is still as the action left it (refusing, naming the row
// and who changed it, when not), puts the rows back as they were, and is logged as an entry of its own.
import type { ActionKind } from '../../../shared/actionLog';
import {
  getEntry,
  insertEntry,
  laterEntryOfRow,
  lastUndoableEntry,
  rowJson,
  trackedTable,
  type RecordedChange,
  type StoredEntry,
  type TrackedTableName,
} from '../../store/actionLog';
import type { Db } from '../../store/db';
import { describeAction } from './actionSentences';
import { NotFoundError } from '../errors';

export interface ActionTracker {
  /** Runs a write of one row, recording the row before and after it. */
  row<T>(table: TrackedTableName, key: string[], write: () => T): T;
  /** The same for a write of several rows of one table. */
  rows<T>(table: TrackedTableName, keys: string[][], write: () => T): T;
  /** Runs a write that creates a row whose key it returns (recorded as not existing before). */
  created<T>(table: TrackedTableName, write: () => T, keyOf: (result: T) => string[]): T;
}

export interface LoggedAction<R> {
  result: R;
  entryId: number;
  sentence: string;
}

/** Several writes of one row in one action are one change: the row before the first and after the last. */
function mergeByRow(changes: RecordedChange[]): RecordedChange[] {
  const byRow = new Map<string, RecordedChange>();
  for (const c of changes) {
    const id = `${c.table}\u0000${JSON.stringify(c.key)}`;
    const first = byRow.get(id);
    byRow.set(id, first ? { ...first, after: c.after } : c);
  }
  return [...byRow.values()];
}

/** Runs `run` and logs it, all in one write transaction (nested store transactions become savepoints). */
export function recordAction<R>(
  db: Db,
  action: { kind: ActionKind; at: string; snapshotId: number | null },
  run: (track: ActionTracker) => R,
): LoggedAction<R> {
  return db
    .transaction(() => {
      const changes: RecordedChange[] = [];
      const track: ActionTracker = {
        row: (table, key, write) => track.rows(table, [key], write),
        rows(table, keys, write) {
          const t = trackedTable(table);
          const before = keys.map((key) => t.get(db, key));
          const result = write();
          keys.forEach((key, i) => changes.push({ table, key, before: before[i], after: t.get(db, key) }));
          return result;
        },
        created(table, write, keyOf) {
          const result = write();
          const key = keyOf(result);
          changes.push({ table, key, before: null, after: trackedTable(table).get(db, key) });
          return result;
        },
      };
      const result = run(track);
      const merged = mergeByRow(changes);
      const sentence = describeAction(action.kind, merged);
      const entryId = insertEntry(db, { ...action, sentence, changes: merged });
      return { result, entryId, sentence };
    })
    .immediate();
}

/** A refused undo: the message names the entry and why. */
export class UndoRefusedError extends Error {}

function fieldDifferences(expected: Record<string, unknown>, now: Record<string, unknown>): string {
  const fields = [...new Set([...Object.keys(expected), ...Object.keys(now)])].filter((f) => rowJson({ v: expected[f] }) !== rowJson({ v: now[f] }));
  return fields
    .slice(0, 4)
    .map(
      (f) =>
        `${f} is ${now[f] === undefined ? '(not set)' : JSON.stringify(now[f])}, was ${expected[f] === undefined ? '(not set)' : JSON.stringify(expected[f])}`,
    )
    .join(', ');
}

/** What became of a row the entry changed, and who did it. */
function movedOn(db: Db, entry: StoredEntry, c: RecordedChange, now: Record<string, unknown> | null): string {
  const label = trackedTable(c.table).label(c.key);
  const what = !now ? 'no longer exists' : !c.after ? 'exists again' : `changed (${fieldDifferences(c.after, now)})`;
  const later = laterEntryOfRow(db, entry.id, c.table, c.key);
  const by = later ? `by #${later.id} “${later.sentence}” at ${later.at}` : 'outside the action log (e.g. closed by a plan run against an ERP PO)';
  return `${label} ${what} ${by}`;
}

/**
 * Undoes entry `id` (or the newest undoable one) in one transaction; returns it (now marked undone) and the undo's
 * own entry. Refuses an entry already undone, an undo, one that changed nothing, and one whose rows moved on since.
 */
export function undoAction(db: Db, id: number | undefined, at: string): { undone: StoredEntry; undo: StoredEntry } {
  const undoId = db
    .transaction(() => {
      const entry = id === undefined ? lastUndoableEntry(db) : getEntry(db, id);
      if (!entry) throw new NotFoundError(id === undefined ? 'there is nothing to undo' : `action #${id} is not in the action log`);
      const name = `#${entry.id} “${entry.sentence}”`;
      if (entry.kind === 'actions.undo') throw new UndoRefusedError(`${name} is an undo itself: an undo cannot be undone (there is no redo)`);
      if (entry.undoneById !== null) throw new UndoRefusedError(`${name} was already undone (by #${entry.undoneById})`);
      if (!entry.undoable) throw new UndoRefusedError(`${name} changed nothing, so there is nothing to undo`);
      const moved = entry.recorded.flatMap((c) => {
        const now = trackedTable(c.table).get(db, c.key);
        return rowJson(now) === rowJson(c.after) ? [] : [movedOn(db, entry, c, now)];
      });
      if (moved.length) throw new UndoRefusedError(`Cannot undo ${name}: ${moved.join('; ')}. Nothing was changed.`);
      const restored: RecordedChange[] = [];
      for (const c of [...entry.recorded].reverse()) {
        const t = trackedTable(c.table);
        if (c.before) t.put(db, c.before, at);
        else t.remove(db, c.key);
        const now = t.get(db, c.key);
        // A repository that cannot put the row back as it was fails the whole undo rather than leave it half-done.
        if (rowJson(now) !== rowJson(c.before)) throw new Error(`undo of ${name}: ${t.label(c.key)} could not be put back as it was`);
        restored.push({ table: c.table, key: c.key, before: c.after, after: now });
      }
      return insertEntry(db, {
        at,
        kind: 'actions.undo',
        snapshotId: entry.snapshotId,
        sentence: `Undid #${entry.id}: ${entry.sentence}`,
        changes: restored,
        undoesId: entry.id,
      });
    })
    .immediate();
  const undo = getEntry(db, undoId)!;
  return { undone: getEntry(db, undo.undoesId!)!, undo };
}

/** The actions after which the app re-plans the active (or named) snapshot; an undo of one does the same. */
export const REPLANNED_AFTER: ReadonlySet<ActionKind> = new Set<ActionKind>([
  'drafts.accept',
  'drafts.update',
  'schedule.pin',
  'schedule.move',
  'schedule.unpin',
  'overrides.setRate',
  'overrides.setBom',
  'settings.setLayers',
]);
