import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../../src/main/store/db';
import { migrations } from '../../../src/main/store/migrations';
import {
  deleteSnapshot,
  entitySources,
  findSnapshotByContent,
  insertSnapshot,
  listSnapshots,
  recordSnapshotEntities,
} from '../../../src/main/store/snapshots';
import { getSetting, putSetting } from '../../../src/main/store/settings';
import { tempDir } from '../../support/tempDb';

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

const snap = (asOf: string, kind: 'import' | 'master' = 'import', hash = asOf) => ({
  asOf,
  label: asOf,
  kind,
  source: 'test',
  contentHash: hash,
  createdAt: '2026-11-21T00:00:00Z',
});

describe('planning store', () => {
  it('opens in WAL mode at the latest schema version, and reopening applies nothing twice', () => {
    const db = openStore(tmp.dbPath);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const latest = migrations.at(-1)!.version;
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    insertSnapshot(db, snap('2025-09-02'));
    db.close();
    const again = openStore(tmp.dbPath);
    expect(listSnapshots(again)).toHaveLength(1);
    again.close();
  });

  it('refuses a file that is not SQLite with a clear error', () => {
    const bogus = join(tmp.dir, 'notes.db');
    writeFileSync(bogus, 'these are my planning notes, not a database\n'.repeat(20));
    expect(() => openStore(bogus)).toThrow(StoreError);
    expect(() => openStore(bogus)).toThrow(/not an SQLite file/);
  });

  it('refuses a database from a newer app before changing anything in it (bytes, time stamp, journal mode)', () => {
    // A newer app's file in rollback-journal mode: opening it here must not switch it to WAL or touch it at all.
    const newer = new Database(tmp.dbPath);
    newer.pragma('journal_mode = DELETE');
    newer.exec("CREATE TABLE future_thing (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO future_thing (note) VALUES ('made by app 9')");
    newer.pragma('user_version = 9999');
    newer.close();
    const bytes = readFileSync(tmp.dbPath);
    const mtimeMs = statSync(tmp.dbPath).mtimeMs;

    expect(() => openStore(tmp.dbPath)).toThrow(StoreError);
    expect(() => openStore(tmp.dbPath)).toThrow(/schema version 9999 is newer than this app/);

    expect(readFileSync(tmp.dbPath).equals(bytes)).toBe(true);
    expect(statSync(tmp.dbPath).mtimeMs).toBe(mtimeMs);
    expect(existsSync(`${tmp.dbPath}-wal`)).toBe(false);
    expect(existsSync(`${tmp.dbPath}-shm`)).toBe(false);
    const check = new Database(tmp.dbPath, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.pragma('user_version', { simple: true })).toBe(9999);
    check.close();
  });

  it('refuses a newer database whose version change is still in its write-ahead log, leaving both files as they were', () => {
    const live = new Database(join(tmp.dir, 'live.db'));
    live.pragma('journal_mode = WAL');
    live.pragma('wal_autocheckpoint = 0');
    live.exec('CREATE TABLE t (x)');
    live.pragma('wal_checkpoint(TRUNCATE)');
    live.pragma('user_version = 9999'); // only in the -wal file so far
    // The files as a newer app left them when it was killed.
    copyFileSync(join(tmp.dir, 'live.db'), tmp.dbPath);
    copyFileSync(join(tmp.dir, 'live.db-wal'), `${tmp.dbPath}-wal`);
    live.close();
    const main = readFileSync(tmp.dbPath);
    const wal = readFileSync(`${tmp.dbPath}-wal`);
    expect(main.readUInt32BE(60)).toBe(0);
    expect(wal.length).toBeGreaterThan(0);

    expect(() => openStore(tmp.dbPath)).toThrow(/schema version 9999 is newer than this app/);
    expect(readFileSync(tmp.dbPath).equals(main)).toBe(true);
    expect(readFileSync(`${tmp.dbPath}-wal`).equals(wal)).toBe(true);
  });

  it('refuses a database written by a newer app version', () => {
    const db = openStore(tmp.dbPath);
    db.pragma('user_version = 9999');
    db.close();
    expect(() => openStore(tmp.dbPath)).toThrow(/newer than this app/);
  });

  it('keeps snapshots with as-of dates, lists newest first, deletes one with its rows', () => {
    const db = openStore(tmp.dbPath);
    const a = insertSnapshot(db, snap('2025-08-22'));
    const b = insertSnapshot(db, snap('2025-09-02'));
    recordSnapshotEntities(db, b, { yarns: 1199 });
    expect(listSnapshots(db).map((s) => s.id)).toEqual([b, a]);
    expect(listSnapshots(db)[0].entities).toEqual({ yarns: 1199 });
    expect(findSnapshotByContent(db, '2025-09-02', '2025-09-02')).toBe(b);
    expect(deleteSnapshot(db, b).deleted).toBe(true);
    expect(listSnapshots(db).map((s) => s.id)).toEqual([a]);
    expect(db.prepare('SELECT count(*) AS n FROM snapshot_entity').get()).toEqual({ n: 0 });
    db.close();
  });

  it('takes masters from the latest earlier batch that carries them', () => {
    const db = openStore(tmp.dbPath);
    const master1 = insertSnapshot(db, snap('2025-08-01', 'master', 'm1'));
    recordSnapshotEntities(db, master1, { bom: 10, machines: 5 });
    const s1 = insertSnapshot(db, snap('2025-08-22', 'import', 's1'));
    recordSnapshotEntities(db, s1, { yarns: 3, knitOrders: 2 });
    const master2 = insertSnapshot(db, snap('2025-08-25', 'master', 'm2'));
    recordSnapshotEntities(db, master2, { bom: 11 });
    const s2 = insertSnapshot(db, snap('2025-09-02', 'import', 's2'));
    recordSnapshotEntities(db, s2, { yarns: 4 });

    expect(Object.fromEntries(entitySources(db, s1))).toEqual({ bom: master1, machines: master1, yarns: s1, knitOrders: s1 });
    expect(Object.fromEntries(entitySources(db, s2))).toEqual({ bom: master2, machines: master1, yarns: s2, knitOrders: s1 });
    db.close();
  });

  it('stores planner settings apart from snapshots', () => {
    const db = openStore(tmp.dbPath);
    const s = insertSnapshot(db, snap('2025-09-02'));
    putSetting(db, 'supplier.mapping', { 'SPUNLAB': 'SpunLab Performance Yarns' }, '2026-11-21');
    deleteSnapshot(db, s);
    expect(getSetting(db, 'supplier.mapping')).toEqual({ SPUNLAB: 'SpunLab Performance Yarns' });
    db.close();
  });
});
