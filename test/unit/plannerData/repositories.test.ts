// The planner data repositories: rows checked on the way in and out, one row changed per call inside a transaction,
// and every change returned as before/after — enough for an action log to record it and for an undo to put it back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Db } from '../../../src/main/store/db';
import {
  addDowntime,
  deleteDowntime,
  deleteHoliday,
  listDowntime,
  listHolidays,
  putDowntime,
  putHoliday,
} from '../../../src/main/store/plantCalendar';
import { PlannerDataError, type RowChange } from '../../../src/main/store/plannerRows';
import { deletePoDraft, getPoDraft, listPoDrafts, putPoDraft } from '../../../src/main/store/poDrafts';
import { deletePolicyValue, listPolicyValues, putPolicyValue } from '../../../src/main/store/policyValues';
import { deletePin, listPins, putPin } from '../../../src/main/store/schedulePins';
import { readSetting, SETTINGS, writeSetting } from '../../../src/main/store/settings';
import {
  deleteBomOverride,
  deleteRateOverride,
  getBomOverride,
  listBomOverrides,
  listRateOverrides,
  putBomOverride,
  putRateOverride,
} from '../../../src/main/store/styleOverrides';
import {
  deleteSupplierMapping,
  deleteYarnSupplyOverride,
  listSupplierMappings,
  listYarnSupplyOverrides,
  putSupplierMapping,
  putYarnSupplyOverride,
} from '../../../src/main/store/supplyOverrides';
import type { PoDraft } from '../../../src/shared/domain/poDraft';
import { tempDir } from '../../support/tempDb';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir('bkp-rows-');
  db = openStore(tmp.dbPath);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const T1 = '2025-09-05T08:00:00';
const T2 = '2025-09-05T09:00:00';
const draft: PoDraft = {
  draftId: 'D1',
  yarnId: '739',
  supplierId: 'S1',
  supplierName: 'LYCRA',
  description: '1/40 Lycra',
  costPerLb: 5.96,
  qtyLbs: 2931,
  receiptDate: '2025-09-08',
  releaseDate: '2025-08-25',
  status: 'accepted',
  fromSuggestionId: '739@2025-09-08',
};
const revisions = (table: string, key: string) => db.prepare(`SELECT ${key} AS key, revision, updated_at FROM ${table} ORDER BY ${key}`).all();

describe('a planner data row', () => {
  it('is inserted, changed and deleted one row at a time, each call saying what the row was before and after', () => {
    const inserted = putPoDraft(db, draft, T1);
    expect(inserted).toEqual({ table: 'po_draft', key: 'D1', before: null, after: draft });
    putPoDraft(db, { ...draft, draftId: 'D2', yarnId: '1571' }, T1);

    const changed = putPoDraft(db, { ...draft, qtyLbs: 3000, status: 'edited' }, T2);
    expect(changed).toEqual({ table: 'po_draft', key: 'D1', before: draft, after: { ...draft, qtyLbs: 3000, status: 'edited' } });
    // Only the changed row moved on; the other is as it was.
    expect(revisions('po_draft', 'draft_id')).toEqual([
      { key: 'D1', revision: 2, updated_at: T2 },
      { key: 'D2', revision: 1, updated_at: T1 },
    ]);
    // Saving what is already there changes nothing.
    expect(putPoDraft(db, { ...draft, qtyLbs: 3000, status: 'edited' }, '2025-09-06T00:00:00').before).toEqual(changed.after);
    expect(revisions('po_draft', 'draft_id')[0]).toEqual({ key: 'D1', revision: 2, updated_at: T2 });

    expect(deletePoDraft(db, 'D1')).toEqual({ table: 'po_draft', key: 'D1', before: changed.after, after: null });
    expect(deletePoDraft(db, 'D1')).toEqual({ table: 'po_draft', key: 'D1', before: null, after: null });
    expect(listPoDrafts(db).map((d) => d.draftId)).toEqual(['D2']);
  });

  it('refuses a value its schema refuses, naming the field, and writes nothing', () => {
    expect(() => putPoDraft(db, { ...draft, qtyLbs: Number.NaN }, T1)).toThrow(PlannerDataError);
    expect(() => putPoDraft(db, { ...draft, receiptDate: '2025-02-30' }, T1)).toThrow(/invalid po_draft: receiptDate: expected a date/);
    expect(() => putBomOverride(db, { style: 'A/1', lines: [], asOf: '2025-09-05' }, T1)).toThrow(/lines/);
    expect(() => addDowntime(db, { machineId: '58', from: '2025-09-10', to: '2025-09-08' }, T1)).toThrow(/ends before it starts/);
    expect(listPoDrafts(db)).toEqual([]);
    expect(listBomOverrides(db)).toEqual([]);
    expect(listDowntime(db)).toEqual([]);
  });

  it('refuses to read a row that breaks its schema, naming the table, the row and the field', () => {
    putPoDraft(db, draft, T1);
    db.prepare("UPDATE po_draft SET receipt_date = 'next week' WHERE draft_id = 'D1'").run();
    expect(() => listPoDrafts(db)).toThrow('po_draft D1 holds an invalid row (receiptDate: expected a date as YYYY-MM-DD)');
    db.prepare("INSERT INTO setting (key, value_json, updated_at) VALUES ('schedule.allowMoves', '\"yes\"', ?)").run(T1);
    expect(() => readSetting(db, SETTINGS.allowScheduleMoves)).toThrow(/setting schedule\.allowMoves holds an invalid value/);
  });

  it('keeps optional fields optional: left out stays left out, and a yarn supply override tells "no supplier" from "not overridden"', () => {
    const { supplierName: _n, description: _d, costPerLb: _c, fromSuggestionId: _f, ...bare } = draft;
    putPoDraft(db, { ...bare, draftId: 'D0' }, T1);
    expect(getPoDraft(db, 'D0')).toStrictEqual({ ...bare, draftId: 'D0' });

    putYarnSupplyOverride(db, { yarnId: 'A', leadTimeDays: 21 }, T1);
    putYarnSupplyOverride(db, { yarnId: 'B', supplierId: null }, T1);
    putYarnSupplyOverride(
      db,
      { yarnId: 'C', supplierId: 'S1', lotSizing: { kind: 'fixedPeriod', periodWeeks: 4 }, safetyStock: { kind: 'fixedLbs', lbs: 100 } },
      T1,
    );
    expect(listYarnSupplyOverrides(db)).toStrictEqual([
      { yarnId: 'A', leadTimeDays: 21 },
      { yarnId: 'B', supplierId: null },
      { yarnId: 'C', supplierId: 'S1', lotSizing: { kind: 'fixedPeriod', periodWeeks: 4 }, safetyStock: { kind: 'fixedLbs', lbs: 100 } },
    ]);
  });

  it('keeps a BOM override with its lines in the order given, replaced together and deleted together', () => {
    const lines = [
      { yarnId: '4001', fraction: 0.2 },
      { yarnId: '3345', fraction: 0.8 },
    ];
    putBomOverride(db, { style: 'A/1', lines, asOf: '2025-09-05', note: 'lab' }, T1);
    expect(getBomOverride(db, 'A/1')).toEqual({ style: 'A/1', lines, asOf: '2025-09-05', note: 'lab' });
    const replaced = putBomOverride(db, { style: 'A/1', lines: [{ yarnId: '739', fraction: 1 }], asOf: '2025-09-06' }, T2);
    expect(replaced.before?.lines).toEqual(lines);
    expect(replaced.after).toEqual({ style: 'A/1', lines: [{ yarnId: '739', fraction: 1 }], asOf: '2025-09-06' });
    expect(db.prepare('SELECT count(*) FROM bom_override_line').pluck().get()).toBe(1);
    deleteBomOverride(db, 'A/1');
    expect(db.prepare('SELECT count(*) FROM bom_override_line').pluck().get()).toBe(0);
  });

  it('changes a BOM override all or nothing: a line that fails leaves the old override whole', () => {
    putBomOverride(db, { style: 'A/1', lines: [{ yarnId: '3345', fraction: 1 }], asOf: '2025-09-05' }, T1);
    db.exec("CREATE TRIGGER fail_line BEFORE INSERT ON bom_override_line WHEN NEW.yarn_id = 'BOOM' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() =>
      putBomOverride(
        db,
        {
          style: 'A/1',
          lines: [
            { yarnId: '739', fraction: 0.5 },
            { yarnId: 'BOOM', fraction: 0.5 },
          ],
          asOf: '2025-09-06',
        },
        T2,
      ),
    ).toThrow('disk full');
    expect(getBomOverride(db, 'A/1')).toEqual({ style: 'A/1', lines: [{ yarnId: '3345', fraction: 1 }], asOf: '2025-09-05' });
  });

  it('gives downtime windows ids that are never reused, so a deleted window can be put back under its id', () => {
    const a = addDowntime(db, { machineId: '58', from: '2025-09-08', to: '2025-09-12' }, T1).after!;
    const b = addDowntime(db, { machineId: '58', from: '2025-09-08', to: '2025-09-12' }, T1).after!;
    expect([a.id, b.id]).toEqual([1, 2]);
    const removed = deleteDowntime(db, b.id);
    expect(addDowntime(db, { machineId: '12', from: '2025-10-01', to: '2025-10-01' }, T2).after!.id).toBe(3);
    putDowntime(db, removed.before!, T2);
    expect(listDowntime(db).map((w) => w.id)).toEqual([1, 2, 3]);
  });
});

describe('undoing planner changes from what the repositories return', () => {
  it("puts every table back as it was by applying each change's before, newest first", () => {
    const snapshot = () => ({
      drafts: listPoDrafts(db),
      pins: listPins(db),
      rates: listRateOverrides(db),
      boms: listBomOverrides(db),
      mappings: listSupplierMappings(db),
      supply: listYarnSupplyOverrides(db),
      holidays: listHolidays(db),
      downtime: listDowntime(db),
      policy: listPolicyValues(db),
      layers: readSetting(db, SETTINGS.includeSalesOrderLayer),
    });
    // Some planner data to start from.
    putPoDraft(db, draft, T1);
    putPin(db, { orderNo: 'K1', machineId: '58' }, T1);
    putRateOverride(db, { style: 'A/1', lbsPerDay: 400, asOf: '2025-09-01', note: '' }, T1);
    putHoliday(db, '2025-12-25', T1);
    putPolicyValue(db, { area: 'calendar', key: 'horizonWeeks', value: 12 }, T1);
    const start = snapshot();

    type Undo = () => void;
    const log: Undo[] = [];
    const record = <T>(change: RowChange<T>, put: (v: T) => unknown, remove: (v: T) => unknown) =>
      log.push(() => (change.before === null ? remove(change.after as T) : put(change.before)));
    record(
      putPoDraft(db, { ...draft, qtyLbs: 100, status: 'edited' }, T2),
      (v) => putPoDraft(db, v, T2),
      (v) => deletePoDraft(db, v.draftId),
    );
    record(
      putPoDraft(db, { ...draft, draftId: 'D2' }, T2),
      (v) => putPoDraft(db, v, T2),
      (v) => deletePoDraft(db, v.draftId),
    );
    record(
      deletePin(db, 'K1'),
      (v) => putPin(db, v, T2),
      (v) => deletePin(db, v.orderNo),
    );
    record(
      putPin(db, { orderNo: 'K2', start: '2025-09-10' }, T2),
      (v) => putPin(db, v, T2),
      (v) => deletePin(db, v.orderNo),
    );
    record(
      putRateOverride(db, { style: 'A/1', lbsPerDay: 450, asOf: '2025-09-05', note: 'x' }, T2),
      (v) => putRateOverride(db, v, T2),
      (v) => deleteRateOverride(db, v.style),
    );
    record(
      putBomOverride(db, { style: 'A/1', lines: [{ yarnId: '739', fraction: 1 }], asOf: '2025-09-05' }, T2),
      (v) => putBomOverride(db, v, T2),
      (v) => deleteBomOverride(db, v.style),
    );
    record(
      putSupplierMapping(db, { name: 'SPUNLAB', supplierId: 'S12' }, T2),
      (v) => putSupplierMapping(db, v, T2),
      (v) => deleteSupplierMapping(db, v.name),
    );
    record(
      putYarnSupplyOverride(db, { yarnId: '739', moqLbs: 50 }, T2),
      (v) => putYarnSupplyOverride(db, v, T2),
      (v) => deleteYarnSupplyOverride(db, v.yarnId),
    );
    record(
      deleteHoliday(db, '2025-12-25'),
      (v) => putHoliday(db, v, T2),
      (v) => deleteHoliday(db, v),
    );
    record(
      addDowntime(db, { machineId: '58', from: '2025-09-08', to: '2025-09-09' }, T2),
      (v) => putDowntime(db, v, T2),
      (v) => deleteDowntime(db, v.id),
    );
    record(
      putPolicyValue(db, { area: 'calendar', key: 'horizonWeeks', value: 26 }, T2),
      (v) => putPolicyValue(db, v, T2),
      (v) => deletePolicyValue(db, v.area, v.key),
    );
    record(
      writeSetting(db, SETTINGS.includeSalesOrderLayer, true, T2),
      (v) => writeSetting(db, SETTINGS.includeSalesOrderLayer, v, T2),
      () => db.prepare("DELETE FROM setting WHERE key = 'yarn.includeSalesOrderLayer'").run(),
    );
    expect(snapshot()).not.toEqual(start);

    for (const undo of log.reverse()) undo();
    expect(snapshot()).toEqual(start);
  });
});
