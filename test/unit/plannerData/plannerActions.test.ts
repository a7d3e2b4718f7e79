// The planner's actions through the contract (drafts.*, schedule.pin/unpin, overrides.*, settings.*), checked against
// the contract's output schemas by `dispatch`, on a tiny real import and its plan: each lands in its table as one
// row, and the plan worker closes the draft a later ERP export shows as a real PO.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/services/contract/dispatch';
import { ALL_PLAN_SECTIONS, readPlanOf } from '../../../src/main/services/jobs/planSections';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import type { Plan } from '../../../src/main/services/jobs/computePlan';
import { listPins } from '../../../src/main/store/schedulePins';
import { JobHost } from '../../../src/main/workers/jobHost';
import { runJob } from '../../../src/main/services/jobs/registry';
import type { ChannelName } from '../../../src/shared/contract';
import { tempDir } from '../../support/tempDb';
import { erpPath, hasErpData } from '../../support/erpData';
import { detect } from '../../../src/main/import/detect';
import { readBook } from '../../../src/main/import/readers';
import { YARN_PO_COLUMNS } from '../../../src/main/services/outputs/purchaseOrders';
import { TINY_BOM_CSV, TINY_GREIGE_STYLES_CSV, TINY_KNIT_RATES_CSV, TINY_MACHINES_CSV, TINY_YARN_INVENTORY_CSV } from '../../support/tinyExports';

const tmp = tempDir('bkp-actions-');
let planner: Planner;
let plan: Plan;

// A knit order of 5,000 lbs of A/1 (60 % yarn 739, 40 % yarn 1571) from the week of 2025-09-08, and the supplier
// LYCRA (lead time 2 weeks): the plan suggests 739 and 1571 for 2025-09-08.
const KNIT_ORDERS_CSV =
  'Style #,Order #,Start Date,Quoted Date,Qty Ordered (lbs),G00 (lbs),Shipped (lbs),Balance (lbs),Seconds (lbs),BKI #s,Machine,PO#,Modified\n' +
  'A/1,K1,2025-09-08,2025-09-20,5000,0,0,5000,0,,58,,\n';
const SUPPLIERS_CSV = 'Supplier_ID,Supplier,Lead_time,MOQ,Type\nS1,LYCRA,2,100,Domestic\n';

function write(dir: string, files: Record<string, string>): string[] {
  return Object.entries(files).map(([name, text]) => {
    const path = join(tmp.dir, `${dir}-${name}`);
    writeFileSync(path, text);
    return path;
  });
}

async function call<C extends ChannelName>(channel: C, input: unknown) {
  const r = await dispatch(planner.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as Awaited<ReturnType<Planner['handlers'][C]>>;
}
/** Waits for the plan runs the actions started, as the app does before it refetches. */
async function settle(): Promise<void> {
  for (const job of planner.jobs.list()) if (job.status === 'running') await planner.jobs.wait(job.jobId);
}
const rows = (sql: string) => planner.db.prepare(sql).all();

beforeAll(async () => {
  planner = createPlanner({
    dbPath: tmp.dbPath,
    shell: 'test',
    jobs: new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob }),
    autoRun: false,
  });
  const files = write('first', {
    'yarn_inventory.csv': TINY_YARN_INVENTORY_CSV,
    'bom.csv': TINY_BOM_CSV,
    'knit_orders.csv': KNIT_ORDERS_CSV,
    'suppliers.csv': SUPPLIERS_CSV,
    'machines.csv': TINY_MACHINES_CSV,
    'greige_styles.csv': TINY_GREIGE_STYLES_CSV,
    'production_lbs.csv': TINY_KNIT_RATES_CSV,
  });
  expect((await planner.jobs.wait((await call('import.start', { paths: files, asOf: '2025-09-05' })).jobId)).status).toBe('done');
  expect((await planner.jobs.wait((await call('plan.run', {})).jobId)).status).toBe('done');
  plan = readPlanOf(planner.db, planner.activeSnapshotId()!, 0, ALL_PLAN_SECTIONS)!;
}, 60_000);
afterAll(async () => {
  await planner.close();
  tmp.cleanup();
});

describe('PO drafts through the contract', () => {
  it('accepts suggestions as drafts carrying every field of the suggestion, one row each', async () => {
    const ids = plan.purchasing.suggestions.map((s) => s.id);
    expect(ids).toEqual(['739@2025-09-08', '1571@2025-09-08']);
    // All or nothing: when the second draft cannot be written, the first is not kept either.
    planner.db.exec("CREATE TRIGGER fail_1571 BEFORE INSERT ON po_draft WHEN NEW.yarn_id = '1571' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(await dispatch(planner.handlers, 'drafts.accept', { suggestionIds: ids })).toMatchObject({ ok: false, error: { message: 'disk full' } });
    planner.db.exec('DROP TRIGGER fail_1571');
    expect(await call('drafts.list', {})).toEqual([]);

    // A suggestion given twice makes one draft: the second finds the first and keeps it as it is.
    const created = await call('drafts.accept', { suggestionIds: [...ids, ids[0]] });
    expect(created).toEqual([
      {
        draftId: 'D-2025-09-05-739-2025-09-08',
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
      },
      expect.objectContaining({ draftId: 'D-2025-09-05-1571-2025-09-08', yarnId: '1571', qtyLbs: 1924, status: 'accepted' }),
    ]);
    expect(await call('drafts.list', {})).toEqual(created);
    expect(rows('SELECT draft_id, revision FROM po_draft ORDER BY id')).toEqual([
      { draft_id: 'D-2025-09-05-739-2025-09-08', revision: 1 },
      { draft_id: 'D-2025-09-05-1571-2025-09-08', revision: 1 },
    ]);
    await settle();
    // The re-plan counts the drafts as receipts: the suggestions are gone.
    expect(readPlanOf(planner.db, planner.activeSnapshotId()!, 0, ALL_PLAN_SECTIONS)!.purchasing.suggestions).toEqual([]);
  });

  it('edits one draft without touching the other, and refuses an unknown one', async () => {
    const edited = await call('drafts.update', { draftId: 'D-2025-09-05-1571-2025-09-08', qtyLbs: 2000, receiptDate: '2025-09-15' });
    expect(edited).toMatchObject({
      draftId: 'D-2025-09-05-1571-2025-09-08',
      qtyLbs: 2000,
      receiptDate: '2025-09-15',
      status: 'edited',
      supplierName: 'LYCRA',
    });
    expect(rows('SELECT draft_id, revision FROM po_draft ORDER BY id')).toEqual([
      { draft_id: 'D-2025-09-05-739-2025-09-08', revision: 1 },
      { draft_id: 'D-2025-09-05-1571-2025-09-08', revision: 2 },
    ]);
    expect(await dispatch(planner.handlers, 'drafts.update', { draftId: 'D-NONE', qtyLbs: 5 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'draft D-NONE does not exist' },
    });
    await settle();
  });

  it('makes a rejected draft again from its suggestion, all suggestions or none', async () => {
    await call('drafts.update', { draftId: 'D-2025-09-05-1571-2025-09-08', status: 'rejected' });
    await settle();
    // The re-plan suggests 1571 again; a list with an unknown suggestion makes no draft at all.
    expect(await dispatch(planner.handlers, 'drafts.accept', { suggestionIds: ['1571@2025-09-08', 'nope'] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await call('drafts.list', {}))[1]).toMatchObject({ status: 'rejected', qtyLbs: 2000 });

    const [again] = await call('drafts.accept', { suggestionIds: ['1571@2025-09-08'] });
    expect(again).toMatchObject({ draftId: 'D-2025-09-05-1571-2025-09-08', status: 'accepted', qtyLbs: 1924, receiptDate: '2025-09-08' });
    expect((await call('drafts.list', {})).map((d) => d.status)).toEqual(['accepted', 'accepted']);
    await settle();
  });

  it('closes the draft a later ERP export shows as a real PO when the next plan runs, and only that one', async () => {
    await call('drafts.update', { draftId: 'D-2025-09-05-1571-2025-09-08', qtyLbs: 1900 });
    await settle();
    const yarnPo =
      'PO#,Status,Desc#,Ordered,Requested,Quoted,Qty,Balance,Supplier,Size,Type,Color,Description,$/lb,Total $\n' +
      '9001,Open,739,2025-09-06,2025-09-08,2025-09-08,2931,2931,LYCRA,40/1/null,Lycra,Clear,1/40 Lycra,5.96,17468.76\n';
    const files = write('second', { 'yarn_inventory.csv': TINY_YARN_INVENTORY_CSV, 'knit_orders.csv': KNIT_ORDERS_CSV, 'yarn_po.csv': yarnPo });
    expect((await planner.jobs.wait((await call('import.start', { paths: files, asOf: '2025-09-12' })).jobId)).status).toBe('done');
    expect((await planner.jobs.wait((await call('plan.run', {})).jobId)).status).toBe('done');

    const [closed, open] = await call('drafts.list', {});
    expect(closed).toMatchObject({ draftId: 'D-2025-09-05-739-2025-09-08', status: 'closed', erpPoNumber: '9001', qtyLbs: 2931 });
    expect(open).toMatchObject({ draftId: 'D-2025-09-05-1571-2025-09-08', status: 'edited', qtyLbs: 1900 });
    expect(open.erpPoNumber).toBeUndefined();
    // The export lists only the open drafts, in the ERP's YarnPO layout, the supplier named as in the master.
    const csv = Buffer.from((await call('drafts.export', { format: 'csv' })).base64, 'base64').toString();
    const today = new Date().toISOString().slice(0, 10);
    expect(csv.split('\n').filter(Boolean)).toEqual([
      'PO#,Status,Desc#,Ordered,Requested,Quoted,Qty,Balance,Supplier,Size,Type,Color,Description,$/lb,Total $',
      `BKP-${today.replaceAll('-', '')}-S1,Open,1571,${today},2025-09-08,,1900,1900,LYCRA,,,Clear,1/70 Lycra,5.92,11248`,
    ]);
  });

  it('exports an xlsx the import reads back as a YarnPO, with numbers as numbers and dates as dates', async () => {
    const file = await call('drafts.export', { format: 'xlsx' });
    expect(file.fileName).toMatch(/^YarnPO_drafts_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = readBook(Buffer.from(file.base64, 'base64'));
    const table = detect(book.sheets).table!;
    expect(table.type.id).toBe('yarn_po');
    expect(table.headers).toEqual([...YARN_PO_COLUMNS]);
    const [row] = table.rows.map((r) => r.cells);
    expect(table.rows).toHaveLength(1);
    expect(row[2]).toBe(1571);
    expect(row[3]).toBeInstanceOf(Date);
    expect((row[4] as Date).toISOString().slice(0, 10)).toBe('2025-09-08');
    expect([row[6], row[7], row[8]]).toEqual([1900, 1900, 'LYCRA']);
    expect(typeof row[13]).toBe('number');
    expect(typeof row[14]).toBe('number');
  });

  it.skipIf(!hasErpData)('exports the same columns, in the same order, as the real YarnPO export', async () => {
    const real = detect(readBook(readFileSync(erpPath('snapshots/2025-09-02/YarnPO.xlsx'))).sheets).table!;
    const ours = detect(readBook(Buffer.from((await call('drafts.export', { format: 'xlsx' })).base64, 'base64')).sheets).table!;
    expect(ours.headers).toEqual(real.headers);
    // and the same cell type in each column where both have a value; the ERP keeps $/lb as text ("2.15"), ours is a number
    const typeOf = (c: unknown) => (c instanceof Date ? 'date' : c === null || c === undefined ? null : typeof c);
    const realTypes = real.headers.map((_, i) => real.rows.map((r) => typeOf(r.cells[i])).find((t) => t !== null) ?? null);
    const ourTypes = ours.headers.map((_, i) => typeOf(ours.rows[0].cells[i]));
    const price = ours.headers.indexOf('$/lb');
    expect([realTypes[price], ourTypes[price]]).toEqual(['string', 'number']);
    const both = ours.headers.map((h, i) => i).filter((i) => i !== price && realTypes[i] !== null && ourTypes[i] !== null);
    expect(both.map((i) => ours.headers[i])).toEqual([
      'PO#',
      'Status',
      'Desc#',
      'Ordered',
      'Requested',
      'Qty',
      'Balance',
      'Supplier',
      'Color',
      'Description',
      'Total $',
    ]);
    expect(both.map((i) => ourTypes[i])).toEqual(both.map((i) => realTypes[i]));
  });

  it('groups the open drafts per supplier into a PO and prints it', async () => {
    const list = await call('purchaseOrders.list', {});
    expect(list.unassigned).toEqual([]);
    expect(list.orders).toHaveLength(1);
    expect(list.orders[0]).toMatchObject({
      supplierId: 'S1',
      supplierName: 'LYCRA',
      totalLbs: 1900,
      lines: [expect.objectContaining({ yarnId: '1571', qtyLbs: 1900, dueDate: '2025-09-08' })],
    });
    const html = Buffer.from((await call('purchaseOrders.print', { supplierId: 'S1', format: 'html' })).base64, 'base64').toString();
    expect(html).toContain(`Purchase order ${list.orders[0].poNumber}`);
    expect(html).toContain('Supplier S1 · LYCRA');
    expect(await dispatch(planner.handlers, 'purchaseOrders.print', { supplierId: 'S9', format: 'html' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // the purchase plan report lists the accepted drafts
    const report = Buffer.from((await call('reports.render', { report: 'purchasePlan', format: 'html' })).base64, 'base64').toString();
    expect(report).toContain('Accepted PO drafts, by supplier');
    expect(report).toContain(list.orders[0].poNumber);
  });

  it('refuses to export a draft without a supplier of the master, naming it', async () => {
    await call('drafts.update', { draftId: 'D-2025-09-05-1571-2025-09-08', supplierId: null });
    const r = await dispatch(planner.handlers, 'drafts.export', { format: 'csv' });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('D-2025-09-05-1571-2025-09-08: no supplier chosen') } });
    await call('drafts.update', { draftId: 'D-2025-09-05-1571-2025-09-08', supplierId: 'S1' });
    await settle();
  });
});

describe('pins, overrides and switches through the contract', () => {
  it('pins and unpins one order at a time', async () => {
    await call('schedule.pin', { orderNo: 'K1', machineId: '58', start: '2025-09-15' });
    // a start alone is not checked against a machine (K2 is on no schedule): stored as given
    await call('schedule.pin', { orderNo: 'K2', start: '2025-09-16' });
    await call('schedule.pin', { orderNo: 'K1', start: '2025-09-17' });
    await call('schedule.unpin', { orderNo: 'K2' });
    await settle();
    expect(listPins(planner.db)).toStrictEqual([{ orderNo: 'K1', start: '2025-09-17' }]);
  });

  it("checks a pin's machine by the board's drop rules: refused with the reason, a WC mismatch only when confirmed, the start snapped", async () => {
    await call('schedule.unpin', { orderNo: 'K1' });
    await settle();
    const refused = async (input: Record<string, unknown>) => {
      const r = await dispatch(planner.handlers, 'schedule.pin', input);
      if (r.ok) throw new Error(`pin ${JSON.stringify(input)} was expected to be refused`);
      return r.error.message;
    };
    expect(await refused({ orderNo: 'K1', machineId: '99' })).toBe(
      'Refused: machine 99 (WC 2.32.24.F) cannot knit style A/1, which needs WC 1.30.28.F (another build).',
    );
    expect(await refused({ orderNo: 'K1', machineId: '42', start: '2025-09-10' })).toBe('Refused: machine 42 is not on the machine list.');
    // the second import's as-of date
    expect(await refused({ orderNo: 'K1', machineId: '58', start: '2025-09-11' })).toBe('Refused: 2025-09-11 is before the as-of date 2025-09-12.');
    expect(await refused({ orderNo: 'K1', machineId: '77' })).toBe(
      "WC mismatch: machine 77 (WC 1.30.28.V) is the same build as the style's WC 1.30.28.F but another type. Pin K1 to machine 77 (WC 1.30.28.V). Confirm the WC mismatch to pin it.",
    );
    expect(await refused({ orderNo: 'K9', machineId: '58' })).toMatch(/^order K9 is not on the schedule/);
    expect(listPins(planner.db)).toStrictEqual([]);
    expect((await call('actions.list', { limit: 1 })).entries[0].kind).toBe('schedule.unpin');

    // 2025-09-14 is a Sunday: the pin starts on the machine's next working day, as a drop on the board would
    expect(await call('schedule.pin', { orderNo: 'K1', machineId: '12', start: '2025-09-14' })).toMatchObject({ start: '2025-09-15' });
    expect(listPins(planner.db)).toStrictEqual([{ orderNo: 'K1', machineId: '12', start: '2025-09-15' }]);
    await call('schedule.pin', { orderNo: 'K1', machineId: '77', acceptWcMismatch: true });
    await settle();
    expect(listPins(planner.db)).toStrictEqual([{ orderNo: 'K1', machineId: '77' }]);
    const planned = readPlanOf(planner.db, planner.activeSnapshotId()!, 0, ['schedule'])!.schedule.orders.find((o) => o.orderNo === 'K1');
    expect(planned).toMatchObject({ machineId: '77', assignment: 'pinned' });
    // the machine the plan has it on now is not a move: its start is pinned there without a new confirmation
    expect(await call('schedule.pin', { orderNo: 'K1', machineId: '77', start: '2025-09-21' })).toMatchObject({ start: '2025-09-22' });
    expect(listPins(planner.db)).toStrictEqual([{ orderNo: 'K1', machineId: '77', start: '2025-09-22' }]);
    await settle();
    expect(await refused({ orderNo: 'K1', machineId: '99' })).toMatch(/^Refused: machine 99 .* cannot knit style A\/1/);
    await call('schedule.unpin', { orderNo: 'K1' });
    await settle();
  });

  it('sets, lists and removes rate and BOM overrides by style', async () => {
    await call('overrides.setRate', { style: 'A/1', lbsPerDay: 450.5, note: 'measured on 58' });
    await call('overrides.setRate', { style: 'B/2', lbsPerDay: 300 });
    await call('overrides.setBom', {
      style: 'A/1',
      lines: [
        { yarnId: '1571', fraction: 0.3 },
        { yarnId: '739', fraction: 0.7 },
      ],
      note: 'lab',
    });
    await settle();
    const today = new Date().toISOString().slice(0, 10);
    expect(await call('overrides.list', {})).toEqual({
      rates: [
        { style: 'A/1', lbsPerDay: 450.5, asOf: today, note: 'measured on 58' },
        { style: 'B/2', lbsPerDay: 300, asOf: today, note: '' },
      ],
      boms: [
        {
          style: 'A/1',
          lines: [
            { yarnId: '1571', fraction: 0.3 },
            { yarnId: '739', fraction: 0.7 },
          ],
          asOf: today,
          note: 'lab',
        },
      ],
    });
    await call('overrides.setRate', { style: 'B/2', lbsPerDay: null });
    await call('overrides.setBom', { style: 'A/1', lines: null });
    await settle();
    expect(await call('overrides.list', {})).toEqual({ rates: [{ style: 'A/1', lbsPerDay: 450.5, asOf: today, note: 'measured on 58' }], boms: [] });
  });

  it('switches the demand layers, one or both', async () => {
    expect(await call('settings.getLayers', {})).toEqual({ salesOrders: false, forecast: false });
    await call('settings.setLayers', { salesOrders: true });
    expect(await call('settings.getLayers', {})).toEqual({ salesOrders: true, forecast: false });
    await call('settings.setLayers', { salesOrders: false, forecast: true });
    expect(await call('settings.getLayers', {})).toEqual({ salesOrders: false, forecast: true });
    await settle();
  });

  it('saves policy edits as one row per key', async () => {
    await call('settings.setPolicy', {
      changes: [
        { area: 'calendar', key: 'horizonWeeks', value: 12 },
        { area: 'yarn', key: 'highBelowLbs', value: -50 },
      ],
    });
    await call('settings.setPolicy', { area: 'calendar', key: 'horizonWeeks', value: 13 });
    expect(rows('SELECT area, key, value_json, revision FROM policy_value ORDER BY area, key')).toEqual([
      { area: 'calendar', key: 'horizonWeeks', value_json: '13', revision: 2 },
      { area: 'yarn', key: 'highBelowLbs', value_json: '-50', revision: 1 },
    ]);
  });
});
