// Migration 302 on a database made by the previous version (schema 300): planner data written as that version wrote
// it (JSON blobs in `setting`, in the shapes of actions.ts, planner.ts and policy.ts before this change) moves into
// the tables field for field; what the tables cannot hold is kept as legacy.<key> with the reason, never dropped.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { plannerSettings } from '../../../src/main/services/inputs/plannerSettings';
import { createPlanner } from '../../../src/main/services/contract/planner';
import { openStore } from '../../../src/main/store/db';
import { migrate, migrations } from '../../../src/main/store/migrations';
import { listDowntime, listHolidays } from '../../../src/main/store/plantCalendar';
import { listPoDrafts } from '../../../src/main/store/poDrafts';
import { listPolicyValues } from '../../../src/main/store/policyValues';
import { listPins } from '../../../src/main/store/schedulePins';
import { listLegacySettings, readSetting, SETTINGS } from '../../../src/main/store/settings';
import { listBomOverrides, listRateOverrides } from '../../../src/main/store/styleOverrides';
import { listSupplierMappings, listYarnSupplyOverrides } from '../../../src/main/store/supplyOverrides';
import { JobHost } from '../../../src/main/workers/jobHost';
import { runJob } from '../../../src/main/services/jobs/registry';
import { tempDir } from '../../support/tempDb';

let tmp = tempDir('bkp-blobs-');
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir('bkp-blobs-');
});

const PREVIOUS_VERSION = 300;
const SAVED_AT = '2025-09-03T14:05:00.000Z';

/** A database as the previous version left it: its schema, and settings written the way its putSetting wrote them. */
function previousVersionDb(path: string, blobs: Record<string, unknown>): void {
  const db = new Database(path);
  migrate(db, { upTo: PREVIOUS_VERSION });
  expect(db.pragma('user_version', { simple: true })).toBe(PREVIOUS_VERSION);
  const put = db.prepare('INSERT INTO setting (key, value_json, updated_at) VALUES (?, ?, ?)');
  for (const [key, value] of Object.entries(blobs)) put.run(key, JSON.stringify(value), SAVED_AT);
  db.close();
}

// drafts.accept made these (every field of a suggestion), drafts.update edited one, the plan worker closed one; the
// last is a draft made before drafts carried the supplier's name, the description and the price.
const accepted = {
  draftId: 'D-2025-09-02-3345-2025-10-13',
  yarnId: '3345',
  supplierId: 'S12',
  supplierName: 'SpunLab Performance Yarns',
  description: '1/150 Poly DTY',
  costPerLb: 2.8725,
  qtyLbs: 1234.5,
  receiptDate: '2025-10-13',
  releaseDate: '2025-09-08',
  status: 'accepted',
  fromSuggestionId: 'S-3345-2025-10-13',
};
const edited = {
  draftId: 'D-2025-09-02-4001-2025-10-20',
  yarnId: '4001',
  supplierId: null,
  supplierName: null,
  description: '1/70 Nylon',
  costPerLb: 0,
  qtyLbs: 700,
  receiptDate: '2025-10-27',
  releaseDate: '2025-09-15',
  status: 'edited',
  fromSuggestionId: 'S-4001-2025-10-20',
};
const closed = { ...accepted, draftId: 'D-2025-08-22-739-2025-09-29', yarnId: '739', status: 'closed', erpPoNumber: '14567' };
const rejected = { ...accepted, draftId: 'D-2025-09-02-5272-2025-11-03', yarnId: '5272', status: 'rejected' };
const older = {
  draftId: 'D-ERP-CHECK',
  yarnId: '1571',
  supplierId: 'S3',
  qtyLbs: 500,
  receiptDate: '2025-09-01',
  releaseDate: '2025-08-30',
  status: 'proposed',
};

const pins = [
  { orderNo: 'K2508010', machineId: '58', start: '2025-09-10' },
  { orderNo: 'K2508071', machineId: '12' },
  { orderNo: 'K2506051', start: '2025-09-15' },
  { orderNo: 'K2507001' },
];
const rateOverrides = [
  { style: 'CF5459/0', lbsPerDay: 866.7732859, asOf: '2025-09-02', note: '' },
  { style: '1141TK205/0', lbsPerDay: 500, asOf: '2025-09-03', note: 'measured on 57' },
];
const bomOverrides = [
  {
    style: '303608/HB',
    lines: [
      { yarnId: '3345', fraction: 0.7992 },
      { yarnId: '4001', fraction: 0.1406 },
      { yarnId: '4849', fraction: 0.0348 },
      { yarnId: '5272', fraction: 0.0254 },
    ],
    asOf: '2025-09-02',
    note: 'lab',
  },
  { style: 'A/1', lines: [{ yarnId: '739', fraction: 1 }], asOf: '2025-09-03', note: '' },
];
const supplierMappings = [
  { name: 'SPUNLAB', supplierId: 'S12' },
  { name: 'OLD MILL (Do not Use)', supplierId: null },
];
const yarnSupplyOverrides = [
  {
    yarnId: '739',
    supplierId: 'S12',
    leadTimeDays: 21,
    moqLbs: 500,
    orderMultipleLbs: 50,
    lotSizing: { kind: 'eoq', orderingCostUsd: 120, holdingRatePerYear: 0.3 },
    safetyStock: { kind: 'serviceLevel', serviceLevel: 0.97 },
  },
  { yarnId: '1571', supplierId: null, lotSizing: { kind: 'fixedPeriod', periodWeeks: 3 }, safetyStock: { kind: 'fixedLbs', lbs: 250 } },
  { yarnId: '2000', leadTimeDays: 10.5, lotSizing: { kind: 'lotForLot' }, safetyStock: { kind: 'weeksOfCover', weeks: 1.5 } },
  { yarnId: '2001', safetyStock: { kind: 'none' } },
];
const holidays = ['2025-12-25', '2025-11-27'];
const downtime = [
  { machineId: '58', from: '2025-09-08', to: '2025-09-12' },
  { machineId: '58', from: '2025-09-08', to: '2025-09-12' },
  { machineId: '12', from: '2025-10-01', to: '2025-10-01' },
];
const policy = {
  purchasing: { horizonWeeks: 12, lotSizing: 'eoq', countPastDueReceipts: false },
  yarn: { highBelowLbs: -50 },
  retiredArea: { oldKey: 3 },
};

const validBlobs = {
  'purchasing.poDrafts': [accepted, edited, closed, rejected, older],
  'schedule.pins': pins,
  'yarn.rateOverrides': rateOverrides,
  'yarn.bomOverrides': bomOverrides,
  'purchasing.supplierMappings': supplierMappings,
  'purchasing.yarnSupplyOverrides': yarnSupplyOverrides,
  'capacity.holidays': holidays,
  'capacity.downtime': downtime,
  'policy.overrides': policy,
  'yarn.includeSalesOrderLayer': true,
  'yarn.includeForecastLayer': false,
  'schedule.allowMoves': true,
  'app.activeSnapshotId': 3,
  'alerts.notifiedKeys': ['yarn-short:1571', 'schedule-late:K2508010'],
};

const byKey =
  <T>(key: (v: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

describe('moving the planner data of a schema-300 database into tables', () => {
  it('moves every entry of every blob, field for field, and the app reads them back as before', async () => {
    previousVersionDb(tmp.dbPath, { ...validBlobs, 'ui.lastPage': 'purchasing' });
    const db = openStore(tmp.dbPath);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);

    // A supplier name that was null comes back left out, like every optional field that is not set.
    const { supplierName: _nullName, ...editedStored } = edited;
    expect(listPoDrafts(db)).toEqual([accepted, editedStored, closed, rejected, older]);
    expect(listPins(db)).toEqual([...pins].sort(byKey((p) => p.orderNo)));
    expect(listRateOverrides(db)).toEqual([...rateOverrides].sort(byKey((o) => o.style)));
    expect(listBomOverrides(db)).toEqual([...bomOverrides].sort(byKey((o) => o.style)));
    expect(listSupplierMappings(db)).toEqual([...supplierMappings].sort(byKey((m) => m.name)));
    expect(listYarnSupplyOverrides(db)).toEqual([...yarnSupplyOverrides].sort(byKey((o) => o.yarnId)));
    expect(listHolidays(db)).toEqual(['2025-11-27', '2025-12-25']);
    expect(listDowntime(db)).toEqual(downtime.map((w, i) => ({ id: i + 1, ...w })));
    // The purchasing horizon the planner set is the plan's one horizon now (migration 305).
    expect(listPolicyValues(db)).toEqual([
      { area: 'calendar', key: 'horizonWeeks', value: 12 },
      { area: 'purchasing', key: 'countPastDueReceipts', value: false },
      { area: 'purchasing', key: 'lotSizing', value: 'eoq' },
      { area: 'retiredArea', key: 'oldKey', value: 3 },
      { area: 'yarn', key: 'highBelowLbs', value: -50 },
    ]);
    // Exact, not merely close: REAL columns hold the same doubles.
    expect(listRateOverrides(db).find((o) => o.style === 'CF5459/0')!.lbsPerDay).toBe(866.7732859);
    expect(listBomOverrides(db)[0].lines.map((l) => l.fraction)).toEqual([0.7992, 0.1406, 0.0348, 0.0254]);

    // Each row keeps when the planner last saved it; the switches stay single settings.
    expect(db.prepare('SELECT DISTINCT updated_at, revision FROM po_draft').all()).toEqual([{ updated_at: SAVED_AT, revision: 1 }]);
    expect(readSetting(db, SETTINGS.includeSalesOrderLayer)).toBe(true);
    expect(readSetting(db, SETTINGS.includeForecastLayer)).toBe(false);
    expect(readSetting(db, SETTINGS.allowScheduleMoves)).toBe(true);
    expect(readSetting(db, SETTINGS.activeSnapshotId)).toBe(3);
    expect(readSetting(db, SETTINGS.notifiedAlertKeys)).toEqual(['yarn-short:1571', 'schedule-late:K2508010']);
    expect(db.prepare('SELECT key FROM setting ORDER BY key').pluck().all()).toEqual([
      'alerts.notifiedKeys',
      'app.activeSnapshotId',
      'schedule.allowMoves',
      'ui.lastPage',
      'yarn.includeForecastLayer',
      'yarn.includeSalesOrderLayer',
    ]);
    expect(listLegacySettings(db)).toEqual([]);

    // What a plan run reads: every field of it.
    expect(plannerSettings(db)).toEqual({
      poDrafts: [accepted, editedStored, closed, rejected, older],
      pins: [...pins].sort(byKey((p) => p.orderNo)),
      rateOverrides: [...rateOverrides].sort(byKey((o) => o.style)),
      bomOverrides: [...bomOverrides].sort(byKey((o) => o.style)),
      supplierMappings: [...supplierMappings].sort(byKey((m) => m.name)),
      yarnSupplyOverrides: [...yarnSupplyOverrides].sort(byKey((o) => o.yarnId)),
      holidays: ['2025-11-27', '2025-12-25'],
      downtime,
      includeSalesOrderLayer: true,
      includeForecastLayer: false,
      allowScheduleMoves: true,
    });
    db.close();

    // What the screens get through the contract.
    const planner = createPlanner({
      dbPath: tmp.dbPath,
      shell: 'test',
      jobs: new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob }),
      autoRun: false,
    });
    try {
      expect(await planner.handlers['drafts.list']({})).toEqual([accepted, editedStored, closed, rejected, older]);
      expect(await planner.handlers['overrides.list']({})).toEqual({
        rates: [...rateOverrides].sort(byKey((o) => o.style)),
        boms: [...bomOverrides].sort(byKey((o) => o.style)),
      });
      expect(await planner.handlers['settings.getLayers']({})).toEqual({ salesOrders: true, forecast: false });
      const table = (await planner.handlers['settings.getPolicy']({})) as Record<string, Record<string, unknown>>;
      expect(table.purchasing).toMatchObject({ lotSizing: 'eoq', countPastDueReceipts: false });
      expect(table.calendar.horizonWeeks).toBe(12);
      expect(table.yarn.highBelowLbs).toBe(-50);
      expect(table.retiredArea).toBeUndefined();
    } finally {
      await planner.close();
    }
  });

  it('keeps every entry it cannot move in legacy.<key>, with the reason, and says so', () => {
    const dupOfAccepted = { ...accepted, qtyLbs: 999 };
    previousVersionDb(tmp.dbPath, {
      'purchasing.poDrafts': [
        dupOfAccepted,
        accepted,
        { ...older, draftId: 'D-BAD-QTY', qtyLbs: '500' },
        { ...older, draftId: 'D-BAD-DATE', receiptDate: '2025-13-01' },
        { ...older, draftId: 'D-EXTRA', buyer: 'Ann' },
        null,
        edited,
      ],
      'schedule.pins': [...pins, { orderNo: '' }],
      'yarn.rateOverrides': [...rateOverrides, { style: 'B/1', lbsPerDay: -5, asOf: '2025-09-02', note: '' }],
      'yarn.bomOverrides': [...bomOverrides, { style: 'C/1', lines: [], asOf: '2025-09-02', note: '' }],
      'purchasing.yarnSupplyOverrides': [...yarnSupplyOverrides, { yarnId: '9', lotSizing: { kind: 'magic' } }],
      'capacity.holidays': [...holidays, 'Christmas'],
      'capacity.downtime': [...downtime, { machineId: '9', from: '2025-10-05', to: '2025-10-01' }],
      'purchasing.supplierMappings': { SPUNLAB: 'S12' },
      'policy.overrides': { ...policy, yarn: { highBelowLbs: -50, riskBands: [1, 2] }, alerts: 'off' },
      'schedule.allowMoves': 'yes',
      'yarn.includeSalesOrderLayer': true,
    });
    const db = new Database(tmp.dbPath);
    const { notes } = migrate(db);

    const { supplierName: _nullName, ...editedStored } = edited;
    expect(listPoDrafts(db)).toEqual([accepted, editedStored]);
    expect(listPins(db)).toHaveLength(pins.length);
    expect(listRateOverrides(db)).toHaveLength(rateOverrides.length);
    expect(listBomOverrides(db)).toHaveLength(bomOverrides.length);
    expect(listYarnSupplyOverrides(db)).toHaveLength(yarnSupplyOverrides.length);
    expect(listHolidays(db)).toEqual(['2025-11-27', '2025-12-25']);
    expect(listDowntime(db)).toHaveLength(downtime.length);
    expect(listSupplierMappings(db)).toEqual([]);
    expect(listPolicyValues(db).map((v) => `${v.area}.${v.key}`)).toEqual([
      'calendar.horizonWeeks',
      'purchasing.countPastDueReceipts',
      'purchasing.lotSizing',
      'retiredArea.oldKey',
      'yarn.highBelowLbs',
    ]);
    // A switch its reader would refuse is kept aside (its default applies); a valid one stays.
    expect(readSetting(db, SETTINGS.allowScheduleMoves)).toBe(false);
    expect(readSetting(db, SETTINGS.includeSalesOrderLayer)).toBe(true);

    const legacy = Object.fromEntries(listLegacySettings(db).map((l) => [l.key, l.value]));
    expect(Object.keys(legacy).sort()).toEqual([
      'legacy.capacity.downtime',
      'legacy.capacity.holidays',
      'legacy.policy.overrides',
      'legacy.purchasing.poDrafts',
      'legacy.purchasing.supplierMappings',
      'legacy.purchasing.yarnSupplyOverrides',
      'legacy.schedule.allowMoves',
      'legacy.schedule.pins',
      'legacy.yarn.bomOverrides',
      'legacy.yarn.rateOverrides',
    ]);
    expect(legacy['legacy.purchasing.poDrafts']).toEqual({
      reason: 'entries the tables cannot hold',
      entries: [
        { at: 0, entry: dupOfAccepted, reason: `entry 1 has the same draftId ${accepted.draftId}` },
        { at: 2, entry: { ...older, draftId: 'D-BAD-QTY', qtyLbs: '500' }, reason: expect.stringMatching(/^qtyLbs: /) },
        { at: 3, entry: { ...older, draftId: 'D-BAD-DATE', receiptDate: '2025-13-01' }, reason: 'receiptDate: expected a date as YYYY-MM-DD' },
        { at: 4, entry: { ...older, draftId: 'D-EXTRA', buyer: 'Ann' }, reason: 'has fields the table does not hold' },
        { at: 5, entry: null, reason: expect.any(String) },
      ],
    });
    expect(legacy['legacy.schedule.pins']).toMatchObject({ entries: [{ at: 4, entry: { orderNo: '' } }] });
    expect(legacy['legacy.yarn.rateOverrides']).toMatchObject({ entries: [{ at: 2, entry: { style: 'B/1', lbsPerDay: -5 } }] });
    expect(legacy['legacy.yarn.bomOverrides']).toMatchObject({ entries: [{ at: 2, entry: { style: 'C/1', lines: [] } }] });
    expect(legacy['legacy.purchasing.yarnSupplyOverrides']).toMatchObject({
      entries: [{ at: 4, entry: { yarnId: '9', lotSizing: { kind: 'magic' } } }],
    });
    expect(legacy['legacy.capacity.holidays']).toMatchObject({
      entries: [{ at: 2, entry: 'Christmas', reason: 'value: expected a date as YYYY-MM-DD' }],
    });
    expect(legacy['legacy.capacity.downtime']).toMatchObject({
      entries: [{ at: 3, entry: { machineId: '9' }, reason: 'value: the downtime ends before it starts' }],
    });
    expect(legacy['legacy.purchasing.supplierMappings']).toEqual({ reason: 'not a JSON list', valueJson: '{"SPUNLAB":"S12"}' });
    expect(legacy['legacy.policy.overrides']).toMatchObject({
      entries: [
        { at: 'yarn.riskBands', entry: [1, 2] },
        { at: 'alerts', entry: 'off', reason: 'not an object of policy values' },
      ],
    });
    expect(legacy['legacy.schedule.allowMoves']).toEqual({ reason: 'not a value its reader accepts', valueJson: '"yes"' });

    // One note per setting kept aside, naming where it went; and one for the horizon that moved (migration 305).
    expect(notes).toHaveLength(11);
    expect(notes).toContain("policy: purchasing.horizonWeeks 12 is the plan's one horizon now (calendar.horizonWeeks)");
    expect(notes).toContainEqual(
      expect.stringMatching(
        /^5 of 7 entries of setting purchasing\.poDrafts were not moved \(0: entry 1 has the same draftId .*; kept in setting legacy\.purchasing\.poDrafts$/,
      ),
    );
    expect(notes).toContainEqual(
      'setting purchasing.supplierMappings is not a JSON list: nothing of it was moved; kept in setting legacy.purchasing.supplierMappings',
    );
    // The blobs themselves are gone: the tables are the only place the planner data lives.
    expect(
      db
        .prepare("SELECT count(*) FROM setting WHERE key IN ('purchasing.poDrafts', 'schedule.pins', 'policy.overrides', 'schedule.allowMoves')")
        .pluck()
        .get(),
    ).toBe(0);
    db.close();
  });

  it('moves all or nothing: a move that fails half way leaves the blobs where they were, to try again', () => {
    previousVersionDb(tmp.dbPath, validBlobs);
    const db = new Database(tmp.dbPath);
    migrate(db, { upTo: 301 });
    db.exec("CREATE TRIGGER fail_pin BEFORE INSERT ON pin BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => migrate(db)).toThrow('disk full');
    expect(db.pragma('user_version', { simple: true })).toBe(301);
    expect(db.prepare('SELECT count(*) FROM po_draft').pluck().get()).toBe(0);
    expect(JSON.parse(db.prepare("SELECT value_json FROM setting WHERE key = 'purchasing.poDrafts'").pluck().get() as string)).toEqual(
      validBlobs['purchasing.poDrafts'],
    );

    db.exec('DROP TRIGGER fail_pin');
    migrate(db);
    expect(listPoDrafts(db)).toHaveLength(5);
    expect(listPins(db)).toHaveLength(pins.length);
    db.close();
  });

  it('leaves a database without planner data as it was, with nothing to report', () => {
    previousVersionDb(tmp.dbPath, {});
    const db = new Database(tmp.dbPath);
    expect(migrate(db).notes).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM setting').pluck().get()).toBe(0);
    expect(listPoDrafts(db)).toEqual([]);
    db.close();
  });
});
