// The planner's additions to the plant calendar: holidays (one row per day) and machine downtime windows (one row
// per window, with an id: windows may overlap).
import { holidaySchema, storedDowntimeSchema, type DowntimeWindow, type StoredDowntime } from '../../shared/domain/plantCalendar';
import type { Db } from './dbHandle';
import { checkValue, deleteRow, getRow, keyText, listRows, putRow, type RowChange, type RowSpec } from './plannerRows';

export const holidayRows: RowSpec<string> = {
  table: 'holiday',
  keyColumns: ['holiday_date'],
  keyOf: (d) => [d],
  schema: holidaySchema,
  toColumns: (d) => ({ holiday_date: d }),
  fromColumns: (r) => r.holiday_date,
  orderBy: 'holiday_date',
};

export const listHolidays = (db: Db): string[] => listRows(db, holidayRows);
export const putHoliday = (db: Db, date: string, now: string): RowChange<string> => putRow(db, holidayRows, date, now);
export const deleteHoliday = (db: Db, date: string): RowChange<string> => deleteRow(db, holidayRows, [date]);

export const downtimeRows: RowSpec<StoredDowntime> = {
  table: 'downtime',
  keyColumns: ['id'],
  keyOf: (w) => [w.id],
  schema: storedDowntimeSchema,
  toColumns: (w) => ({ id: w.id, machine_id: w.machineId, from_date: w.from, to_date: w.to }),
  fromColumns: (r) => ({ id: r.id, machineId: r.machine_id, from: r.from_date, to: r.to_date }),
  orderBy: 'id',
};

export const listDowntime = (db: Db): StoredDowntime[] => listRows(db, downtimeRows);

/** Adds a window under a new id (ids are never reused, so an undone deletion can put its window back under its id). */
export function addDowntime(db: Db, window: DowntimeWindow, now: string): RowChange<StoredDowntime> {
  const w = checkValue(downtimeRows, { ...window, id: 1 });
  return db
    .transaction(() => {
      const id = Number(
        db
          .prepare('INSERT INTO downtime (machine_id, from_date, to_date, revision, updated_at) VALUES (?, ?, ?, 1, ?)')
          .run(w.machineId, w.from, w.to, now).lastInsertRowid,
      );
      return { table: downtimeRows.table, key: keyText([id]), before: null, after: getRow(db, downtimeRows, [id]) };
    })
    .immediate();
}

/** Changes (or puts back) the window with its id. */
export const putDowntime = (db: Db, w: StoredDowntime, now: string): RowChange<StoredDowntime> => putRow(db, downtimeRows, w, now);
export const deleteDowntime = (db: Db, id: number): RowChange<StoredDowntime> => deleteRow(db, downtimeRows, [id]);
