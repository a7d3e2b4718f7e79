// The action log through the contract, on a tiny real import and its plan: every kind of planner action is logged
// with the rows before and after; its undo puts the tables back exactly as they were (every column but the
// bookkeeping `revision`/`updated_at`), re-plans as the action did, is refused a second time, and is refused when a
// later action changed the same row. Every channel is walked: one that changes planner data without a log entry
// fails. The log survives closing and reopening the database file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/services/contract/dispatch';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { JobHost } from '../../../src/main/workers/jobHost';
import { runJob } from '../../../src/main/services/jobs/registry';
import { channels, type ChannelName } from '../../../src/shared/contract';
import { LOGGED_ACTIONS, type ActionKind } from '../../../src/shared/actionLog';
import { getEntry } from '../../../src/main/store/actionLog';
import { PLANNER_TABLES_SQL } from '../../../src/main/store/plannerDataMigration';
import { tempDir } from '../../support/tempDb';
import { TINY_BOM_CSV, TINY_GREIGE_STYLES_CSV, TINY_KNIT_RATES_CSV, TINY_MACHINES_CSV, TINY_YARN_INVENTORY_CSV } from '../../support/tinyExports';

const tmp = tempDir('bkp-action-log-');
let planner: Planner;

const KNIT_ORDERS_CSV =
  'Style #,Order #,Start Date,Quoted Date,Qty Ordered (lbs),G00 (lbs),Shipped (lbs),Balance (lbs),Seconds (lbs),BKI #s,Machine,PO#,Modified\n' +
  'A/1,K1,2025-09-08,2025-09-20,5000,0,0,5000,0,,58,,\n';
const SUPPLIERS_CSV = 'Supplier_ID,Supplier,Lead_time,MOQ,Type\nS1,LYCRA,2,100,Domestic\n';
const D739 = 'D-2025-09-05-739-2025-09-08';
const D1571 = 'D-2025-09-05-1571-2025-09-08';

const open = (dbPath: string) => createPlanner({ dbPath, shell: 'test', jobs: new JobHost({ dbPath, mode: 'inline', run: runJob }), autoRun: false });

async function call<C extends ChannelName>(channel: C, input: unknown) {
  const r = await dispatch(planner.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as Awaited<ReturnType<Planner['handlers'][C]>>;
}
async function refusal(channel: ChannelName, input: unknown): Promise<string> {
  const r = await dispatch(planner.handlers, channel, input);
  if (r.ok) throw new Error(`${channel} was expected to be refused`);
  return r.error.message;
}
async function settle(): Promise<void> {
  for (const job of planner.jobs.list()) if (job.status === 'running') await planner.jobs.wait(job.jobId);
}
const planRuns = () => planner.jobs.list().filter((j) => j.kind === 'plan').length;
const newest = async () => (await call('actions.list', { limit: 1 })).entries[0];

/** The planner data tables (the planner-data migration's, plus scenarios, acks and the switches). */
const PLANNER_TABLES = [...[...PLANNER_TABLES_SQL.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]), 'scenario', 'alert_ack', 'setting'];
/** Settings the app keeps for itself (which snapshot is shown, which alerts were announced): not planner data. */
const APP_SETTINGS = "key NOT IN ('app.activeSnapshotId', 'alerts.notifiedKeys')";

/** The tables' rows as stored, every column but the change bookkeeping, as JSON text (compared byte for byte). */
function dump(tables: readonly string[]): string {
  return JSON.stringify(
    tables.map((t) => {
      const rows = planner.db.prepare(`SELECT * FROM ${t}${t === 'setting' ? ` WHERE ${APP_SETTINGS}` : ''} ORDER BY rowid`).all() as Record<
        string,
        unknown
      >[];
      return [t, rows.map(({ revision: _r, updated_at: _u, ...row }) => row)];
    }),
  );
}

beforeAll(async () => {
  planner = open(tmp.dbPath);
  const files = Object.entries({
    'yarn_inventory.csv': TINY_YARN_INVENTORY_CSV,
    'bom.csv': TINY_BOM_CSV,
    'knit_orders.csv': KNIT_ORDERS_CSV,
    'suppliers.csv': SUPPLIERS_CSV,
    'machines.csv': TINY_MACHINES_CSV,
    'greige_styles.csv': TINY_GREIGE_STYLES_CSV,
    'production_lbs.csv': TINY_KNIT_RATES_CSV,
  }).map(([name, text]) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, text);
    return path;
  });
  expect((await planner.jobs.wait((await call('import.start', { paths: files, asOf: '2025-09-05' })).jobId)).status).toBe('done');
  expect((await planner.jobs.wait((await call('plan.run', {})).jobId)).status).toBe('done');
}, 60_000);
afterAll(async () => {
  await planner.close();
  tmp.cleanup();
});

interface Case {
  name: string;
  kind: ActionKind;
  tables: string[];
  /** Brings the data to where the action makes sense (not logged as part of the case). */
  setup?: () => Promise<unknown>;
  act: () => Promise<unknown>;
  /** The sentence the log shows. */
  sentence: RegExp;
  /** A later action that changes the same row; the undo must then be refused naming the row. */
  later?: { act: () => Promise<unknown>; names: RegExp };
}

let scenarioId = 0;
const cases: Case[] = [
  {
    name: 'accept a suggestion',
    kind: 'drafts.accept',
    tables: ['po_draft'],
    act: () => call('drafts.accept', { suggestionIds: ['739@2025-09-08'] }),
    sentence: /^Accepted draft for yarn 739: [\d,]+ lbs due 2025-09-08$/,
    later: {
      act: () => call('drafts.update', { draftId: D739, qtyLbs: 1234 }),
      names: new RegExp(`draft ${D739} changed \\(qtyLbs is 1234, was \\d+.*by #\\d+ “Edited`),
    },
  },
  {
    name: 'edit a draft',
    kind: 'drafts.update',
    tables: ['po_draft'],
    setup: () => call('drafts.accept', { suggestionIds: ['1571@2025-09-08'] }),
    act: () => call('drafts.update', { draftId: D1571, qtyLbs: 2000, receiptDate: '2025-09-15' }),
    sentence: /^Edited draft for yarn 1571: [\d,]+ lbs → 2,000 lbs, due 2025-09-08 → 2025-09-15, status accepted → edited$/,
    later: {
      act: () => call('drafts.update', { draftId: D1571, receiptDate: '2025-09-22' }),
      names: /draft D-2025-09-05-1571-2025-09-08 changed \(receiptDate/,
    },
  },
  {
    name: 'reject a draft',
    kind: 'drafts.update',
    tables: ['po_draft'],
    act: () => call('drafts.update', { draftId: D1571, status: 'rejected' }),
    sentence: /^Rejected draft for yarn 1571: /,
    later: { act: () => call('drafts.accept', { suggestionIds: ['1571@2025-09-08'] }), names: /by #\d+ “Accepted draft for yarn 1571/ },
  },
  {
    name: 'pin an order',
    kind: 'schedule.pin',
    tables: ['pin'],
    act: () => call('schedule.pin', { orderNo: 'K1', machineId: '58', start: '2025-09-08' }),
    sentence: /^Pinned order K1 to machine 58 from 2025-09-08$/,
    later: { act: () => call('schedule.pin', { orderNo: 'K1', start: '2025-09-15' }), names: /pin of order K1 changed/ },
  },
  {
    name: 'unpin an order',
    kind: 'schedule.unpin',
    tables: ['pin'],
    act: () => call('schedule.unpin', { orderNo: 'K1' }),
    sentence: /^Unpinned order K1 \(was from 2025-09-15\)$/,
    later: { act: () => call('schedule.pin', { orderNo: 'K1', machineId: '58' }), names: /pin of order K1 exists again by #\d+/ },
  },
  {
    name: 'acknowledge an alert',
    kind: 'alerts.ack',
    tables: ['alert_ack'],
    act: () => call('alerts.ack', { key: 'yarn-short:1571', note: 'PO on its way' }),
    sentence: /^Acknowledged alert yarn-short:1571: “PO on its way”$/,
    later: {
      act: () => call('alerts.ack', { key: 'yarn-short:1571', note: 'called the supplier' }),
      names: /acknowledgement of alert yarn-short:1571 changed \(.*note/,
    },
  },
  {
    name: 'take an acknowledgement back',
    kind: 'alerts.unack',
    tables: ['alert_ack'],
    act: () => call('alerts.unack', { key: 'yarn-short:1571' }),
    sentence: /^Took back the acknowledgement of alert yarn-short:1571$/,
    later: { act: () => call('alerts.ack', { key: 'yarn-short:1571' }), names: /exists again/ },
  },
  {
    name: 'override a knitting rate',
    kind: 'overrides.setRate',
    tables: ['rate_override'],
    act: () => call('overrides.setRate', { style: 'A/1', lbsPerDay: 450 }),
    sentence: /^Set the knitting rate of style A\/1 to 450 lbs\/day \(was the ERP's rate\)$/,
    later: {
      act: () => call('overrides.setRate', { style: 'A/1', lbsPerDay: 500 }),
      names: /rate override of style A\/1 changed \(lbsPerDay is 500, was 450\)/,
    },
  },
  {
    name: 'override a BOM',
    kind: 'overrides.setBom',
    tables: ['bom_override', 'bom_override_line'],
    act: () =>
      call('overrides.setBom', {
        style: 'A/1',
        lines: [
          { yarnId: '739', fraction: 0.5 },
          { yarnId: '1571', fraction: 0.5 },
        ],
      }),
    sentence: /^Set the BOM of style A\/1: yarn 739 50 %, yarn 1571 50 %$/,
    later: {
      act: () =>
        call('overrides.setBom', {
          style: 'A/1',
          lines: [
            { yarnId: '739', fraction: 0.7 },
            { yarnId: '1571', fraction: 0.3 },
          ],
        }),
      names: /BOM override of style A\/1 changed \(lines/,
    },
  },
  {
    name: 'change a policy value',
    kind: 'settings.setPolicy',
    tables: ['policy_value'],
    act: () => call('settings.setPolicy', { area: 'purchasing', key: 'defaultLeadTimeDays', value: 21 }),
    sentence: /^Changed policy purchasing.defaultLeadTimeDays: 14 \(default\) → 21$/,
    later: {
      act: () => call('settings.setPolicy', { area: 'purchasing', key: 'defaultLeadTimeDays', value: 28 }),
      names: /policy purchasing\/defaultLeadTimeDays changed \(value is 28, was 21\)/,
    },
  },
  {
    name: 'switch a demand layer',
    kind: 'settings.setLayers',
    tables: ['setting'],
    act: () => call('settings.setLayers', { salesOrders: true }),
    sentence: /^Turned the sales-order layer on$/,
    later: { act: () => call('settings.setLayers', { salesOrders: false }), names: /setting yarn.includeSalesOrderLayer changed/ },
  },
  {
    name: 'create a scenario',
    kind: 'scenarios.create',
    tables: ['scenario'],
    act: async () => (scenarioId = (await call('scenarios.create', { name: 'Late PO' })).id),
    sentence: /^Created scenario “Late PO”$/,
    later: {
      act: () => call('scenarios.rename', { id: scenarioId, name: 'Late PO 2' }),
      names: /scenario \d+ changed \(name is "Late PO 2", was "Late PO"\)/,
    },
  },
  {
    name: 'rename a scenario',
    kind: 'scenarios.rename',
    tables: ['scenario'],
    act: () => call('scenarios.rename', { id: scenarioId, name: 'Renamed' }),
    sentence: /^Renamed scenario “Late PO 2” to “Renamed”$/,
    later: { act: () => call('scenarios.rename', { id: scenarioId, name: 'Again' }), names: /scenario \d+ changed/ },
  },
  {
    name: 'add an override to a scenario',
    kind: 'scenarios.addOverride',
    tables: ['scenario'],
    act: () =>
      call('scenarios.addOverride', {
        id: scenarioId,
        override: { kind: 'demandMultiplier', target: { by: 'style', style: 'A/1' }, multiplier: 1.2 },
      }),
    sentence: /^Added to scenario “Again”: /,
    later: {
      act: () =>
        call('scenarios.addOverride', {
          id: scenarioId,
          override: { kind: 'demandMultiplier', target: { by: 'style', style: 'A/1' }, multiplier: 1.5 },
        }),
      names: /scenario \d+ changed \(overridesJson/,
    },
  },
  {
    name: 'remove an override from a scenario',
    kind: 'scenarios.removeOverride',
    tables: ['scenario'],
    act: () => call('scenarios.removeOverride', { id: scenarioId, overrideId: 'o1' }),
    sentence: /^Removed from scenario “Again”: /,
    later: { act: () => call('scenarios.removeOverride', { id: scenarioId, overrideId: 'o2' }), names: /scenario \d+ changed/ },
  },
  {
    name: 'copy a scenario',
    kind: 'scenarios.copy',
    tables: ['scenario'],
    act: () => call('scenarios.copy', { id: scenarioId, name: 'Copy' }),
    sentence: /^Copied scenario “Copy”/,
  },
  {
    // A deleted scenario's id is never given again, so no later action can change its row.
    name: 'delete a scenario',
    kind: 'scenarios.delete',
    tables: ['scenario'],
    act: () => call('scenarios.delete', { id: scenarioId }),
    sentence: /^Deleted scenario “Again”$/,
  },
];

describe('every kind of planner action: logged, undone exactly, refused twice and after a later change', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await settle();
    await c.setup?.();
    await settle();
    const rowsBefore = dump(c.tables);
    const runsBefore = planRuns();
    await c.act();
    const replanned = planRuns() > runsBefore;
    await settle();
    const entry = await newest();
    expect(entry).toMatchObject({ kind: c.kind, undoable: true, undoneById: null });
    expect(entry.sentence).toMatch(c.sentence);
    // The log holds the rows as they were and became: each recorded `after` is the row as it is now.
    const stored = getEntry(planner.db, entry.id)!;
    expect(stored.recorded.some((ch) => JSON.stringify(ch.before) !== JSON.stringify(ch.after))).toBe(true);
    expect(dump(c.tables)).not.toBe(rowsBefore);

    const undone = await call('actions.undo', { id: entry.id });
    expect(undone.undone).toMatchObject({ id: entry.id, undoneById: undone.undo.id, undoable: false });
    expect(undone.undo).toMatchObject({ kind: 'actions.undo', undoesId: entry.id, undoable: false });
    // Re-planned exactly when the action itself re-planned.
    expect(undone.jobId !== null).toBe(replanned);
    await settle();
    expect(dump(c.tables)).toBe(rowsBefore);
    expect(await refusal('actions.undo', { id: entry.id })).toMatch(/was already undone/);
    expect(await refusal('actions.undo', { id: undone.undo.id })).toMatch(/is an undo itself/);

    if (c.later) {
      await c.act();
      await settle();
      const again = await newest();
      await c.later.act();
      await settle();
      const rowsNow = dump(c.tables);
      const message = await refusal('actions.undo', { id: again.id });
      expect(message).toMatch(new RegExp(`^Cannot undo #${again.id} `));
      expect(message).toMatch(c.later.names);
      expect(dump(c.tables)).toBe(rowsNow);
      expect((await call('actions.list', { limit: 2 })).entries[1]).toMatchObject({ id: again.id, undoable: true });
    }
  });

  it('undoes the newest undoable action when no id is given, and says when there is nothing left', async () => {
    await call('schedule.pin', { orderNo: 'K1', machineId: '12' });
    await settle();
    const pinned = await newest();
    const { undone } = await call('actions.undo', {});
    expect(undone.id).toBe(pinned.id);
    await settle();
    expect(planner.db.prepare("SELECT machine_id FROM pin WHERE order_no = 'K1'").pluck().get()).toBe('58');
  });

  it('changes nothing when the log cannot be written (the action and its entry are one transaction)', async () => {
    const rows = dump(PLANNER_TABLES);
    const total = (await call('actions.list', {})).total;
    planner.db.exec("CREATE TRIGGER log_full BEFORE INSERT ON action_log BEGIN SELECT RAISE(ABORT, 'log full'); END");
    try {
      expect(await refusal('schedule.pin', { orderNo: 'K1', machineId: '12' })).toBe('log full');
      expect(await refusal('settings.setPolicy', { area: 'purchasing', key: 'defaultLeadTimeDays', value: 30 })).toBe('log full');
      expect(await refusal('scenarios.create', { name: 'unlogged' })).toBe('log full');
    } finally {
      planner.db.exec('DROP TRIGGER log_full');
    }
    await settle();
    expect(dump(PLANNER_TABLES)).toBe(rows);
    expect((await call('actions.list', {})).total).toBe(total);
  });

  it('logs an action that changed nothing, not undoable, and says so when asked to undo it', async () => {
    expect(await call('scenarios.rename', { id: 9999, name: 'ghost' })).toEqual({ renamed: false });
    const entry = await newest();
    expect(entry).toMatchObject({ kind: 'scenarios.rename', sentence: 'Scenario 9999 does not exist', undoable: false });
    expect(await refusal('actions.undo', { id: entry.id })).toBe(
      `#${entry.id} “Scenario 9999 does not exist” changed nothing, so there is nothing to undo`,
    );
  });

  it('logs nothing and changes nothing when the action fails (one transaction)', async () => {
    const total = (await call('actions.list', {})).total;
    const rows = dump(PLANNER_TABLES);
    expect(await refusal('drafts.update', { draftId: 'D-none', qtyLbs: 5 })).toMatch(/draft D-none does not exist/);
    expect(await refusal('scenarios.removeOverride', { id: 999, overrideId: 'o1' })).toMatch(/scenario 999 does not exist/);
    expect(await refusal('settings.setPolicy', { area: 'purchasing', key: 'defaultLeadTimeDays', value: -3 })).toBeTruthy();
    expect((await call('actions.list', {})).total).toBe(total);
    expect(dump(PLANNER_TABLES)).toBe(rows);
  });
});

// Inputs for every channel (a function: read when the walk reaches it); a channel without one fails the walk, so a
// new channel is looked at here. The scenario channels work on the scenario the walk creates and its copy.
const walkScenarios = () => planner.db.prepare('SELECT id FROM scenario ORDER BY id DESC LIMIT 2').pluck().all() as number[];
const WALK: Record<ChannelName, unknown> = {
  'app.info': {},
  'snapshots.list': {},
  'snapshots.delete': { id: 999 },
  'snapshots.setActive': { id: 1 },
  'snapshots.report': { id: 1 },
  'snapshots.compare': { fromId: 1, toId: 1 },
  'import.inspect': { paths: ['/nonexistent'] },
  'import.start': { paths: ['/nonexistent'] },
  'demo.load': { scale: 1, skip: 'loads a snapshot (not planner data); slow' },
  'jobs.cancel': { jobId: 'none' },
  'jobs.list': {},
  'plan.run': {},
  'view.dashboard': {},
  'view.alerts': {},
  'view.yarnPosition': {},
  'view.yarnShortages': {},
  'view.yarnDetail': { yarnId: '1571' },
  'view.demand': {},
  'view.purchasing': {},
  'view.capacity': {},
  'view.schedule': {},
  'view.forecast': {},
  'view.forecastSeries': {},
  'search.find': { query: '1571' },
  'search.warm': {},
  'alerts.ack': { key: 'walk:ack' },
  'alerts.unack': { key: 'walk:ack' },
  'drafts.list': {},
  'drafts.accept': { suggestionIds: ['739@2025-09-08'] },
  'drafts.update': { draftId: D739, qtyLbs: 777 },
  'drafts.export': { format: 'csv' },
  'purchaseOrders.list': {},
  'purchaseOrders.print': { supplierId: 'S1', format: 'html' },
  'availability.check': { style: 'A/1', lbs: 100, startDate: '2025-09-08' },
  'schedule.pin': { orderNo: 'K1', machineId: '77', acceptWcMismatch: true },
  'schedule.unpin': { orderNo: 'K1' },
  'schedule.calendar': {},
  'schedule.move': { orderNo: 'K1', machineId: '12', start: '2025-09-09' },
  'scenarios.list': {},
  'scenarios.get': { id: 1 },
  'scenarios.create': { name: 'walk' },
  'scenarios.copy': () => ({ id: walkScenarios()[0], name: 'walk copy' }),
  'scenarios.rename': () => ({ id: walkScenarios()[1], name: 'walk renamed' }),
  'scenarios.delete': () => ({ id: walkScenarios()[0] }),
  'scenarios.addOverride': () => ({
    id: walkScenarios()[0],
    override: { kind: 'demandMultiplier', target: { by: 'style', style: 'A/1' }, multiplier: 1.1 },
  }),
  'scenarios.removeOverride': () => ({ id: walkScenarios()[0], overrideId: 'o1' }),
  'scenarios.plan': () => ({ id: walkScenarios()[0] }),
  'scenarios.compare': { a: 0, b: 0 },
  'reports.render': { report: 'shortages', format: 'html' },
  'export.xlsx': { fileName: 'x', sheets: [{ name: 's', columns: ['a'], rows: [[1]] }] },
  'overrides.list': {},
  'overrides.setRate': { style: 'A/1', lbsPerDay: 321 },
  'overrides.setBom': { style: 'A/1', lines: null },
  'settings.getLayers': {},
  'settings.setLayers': { forecast: true },
  'settings.getPolicy': {},
  'settings.setPolicy': { area: 'purchasing', key: 'defaultMoqLbs', value: 500 },
  'actions.list': {},
  'actions.undo': {},
  'ui.gridState.get': { key: 'grid:yarn:yarn-grid' },
  'ui.gridState.set': { key: 'grid:yarn:yarn-grid', view: { columns: [{ colId: 'yarnId', width: 120 }], filterModel: {} } },
  'ui.gridState.reset': { key: 'grid:yarn:yarn-grid' },
  'diagnostics.info': {},
  'diagnostics.bundle': { includePlannerData: false },
};

describe('the channel walk', () => {
  it('lists every channel of the contract', () => {
    expect(Object.keys(WALK).sort()).toEqual(Object.keys(channels).sort());
  });

  it('every channel that changes planner data writes a log entry of its own kind; the logged ones do', async () => {
    const logged = new Set<string>(LOGGED_ACTIONS);
    const silent: string[] = [];
    // A suggestion to accept: the drafts made above are rejected, so the plan suggests their yarns again.
    for (const d of await call('drafts.list', {}))
      if (d.status !== 'rejected') await call('drafts.update', { draftId: d.draftId, status: 'rejected' });
    await settle();
    expect((await planner.jobs.wait((await call('plan.run', {})).jobId)).status).toBe('done');
    for (const channel of Object.keys(channels) as ChannelName[]) {
      const given = WALK[channel];
      const input = (typeof given === 'function' ? (given as () => unknown)() : given) as Record<string, unknown>;
      if ('skip' in input) continue;
      await settle();
      const rows = dump(PLANNER_TABLES);
      const total = (await call('actions.list', {})).total;
      const r = await dispatch(planner.handlers, channel, input);
      await settle();
      const changed = dump(PLANNER_TABLES) !== rows;
      const entry = (await call('actions.list', { limit: 1 })).entries[0];
      const wrote = (await call('actions.list', {})).total > total;
      if (changed && !(wrote && entry.kind === channel)) silent.push(`${channel} changed planner data without a log entry`);
      if (logged.has(channel) && r.ok && !wrote) silent.push(`${channel} succeeded without a log entry`);
      if (!logged.has(channel) && wrote && channel !== 'actions.undo') silent.push(`${channel} wrote a log entry but is not a logged action`);
      if (logged.has(channel) && channel !== 'actions.undo') expect(r.ok, `${channel}: ${r.ok ? '' : r.error.message}`).toBe(true);
    }
    expect(silent).toEqual([]);
  }, 60_000);
});

describe('persisted', () => {
  it('lists and undoes after the database file is closed and reopened', async () => {
    await call('settings.setPolicy', { area: 'purchasing', key: 'defaultOrderMultipleLbs', value: 50 });
    await settle();
    const before = await call('actions.list', { limit: 200 });
    await planner.close();
    planner = open(tmp.dbPath);
    const after = await call('actions.list', { limit: 200 });
    expect(after).toEqual(before);
    const { undone } = await call('actions.undo', {});
    expect(undone.sentence).toBe('Changed policy purchasing.defaultOrderMultipleLbs: 1 (default) → 50');
    expect((await call('settings.getPolicy', {})).purchasing.defaultOrderMultipleLbs).toBe(1);
    expect((await call('actions.list', { limit: 1, offset: 0 })).entries[0].sentence).toBe(`Undid #${undone.id}: ${undone.sentence}`);
    expect((await call('actions.list', { limit: 1, offset: 1 })).entries[0]).toMatchObject({ id: undone.id, undoable: false });
  });
});
