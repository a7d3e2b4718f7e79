// Issue 11 on the real exports (skipped when ../shared/data/erp is absent): every plan is of the date and the data
// the planner means, or the product says why not. Each case drives the CLI (`runCli`) or the import API
// (`import.start` through the planner's handlers, as the Imports page does) on real folders.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/shared/importReport';
import { ALL_PLAN_SECTIONS, readPlanOf } from '../../src/main/services/jobs/planSections';
import type { Plan } from '../../src/main/services/jobs/computePlan';
import { createPlanner } from '../../src/main/services/contract/planner';
import { openStore } from '../../src/main/store/db';
import { JobHost } from '../../src/main/workers/jobHost';
import { runJob } from '../../src/main/services/jobs/registry';
import { copyFile, copyFolder, isErpDemandReport, plan } from '../support/cli';
import { erpPath, erpSkipReason, hasErpData } from '../support/erpData';
import { tempDir } from '../support/tempDb';

const csv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
const report = (out: string) => JSON.parse(readFileSync(join(out, 'import_report.json'), 'utf8')) as ImportReport;

/** The plan the CLI ran (the last snapshot of a store). */
function storedPlan(dbPath: string): Plan {
  const db = openStore(dbPath);
  try {
    const id = (db.prepare('SELECT max(id) AS id FROM snapshot').get() as { id: number }).id;
    return readPlanOf(db, id, 0, ALL_PLAN_SECTIONS)!;
  } finally {
    db.close();
  }
}

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('bkp-trust-');
});
afterAll(() => tmp?.cleanup());

describe.skipIf(!hasErpData)(`input a planner can trust, on the real exports${hasErpData ? '' : ` (${erpSkipReason})`}`, () => {
  it('1. --as-of is honoured for one folder: 2025-09-02 without its Yarn_Demand reports is planned as of 2025-09-02', async () => {
    const folder = copyFolder(erpPath('snapshots', '2025-09-02'), join(tmp.dir, 'i1', '0902'), { drop: isErpDemandReport });
    const out = join(tmp.dir, 'i1', 'out');
    const run = await plan(['--data', folder, '--as-of', '2025-09-02', '--db', join(tmp.dir, 'i1', 'db'), '--out', out]);
    expect(run.lines.join('\n')).not.toContain('no imported snapshot');
    expect(run.code).toBe(0);
    const r = report(out);
    expect(r.asOf).toBe('2025-09-02');
    expect(r.asOfSource).toBe('caller');
    // the files alone say week 36 (Expected_Yarn_Report's dated columns), not the day: stated, not hidden
    expect(r.asOfEvidence.map((e) => e.file)).toContain('Expected_Yarn_Report.xlsx');
    expect(r.asOfInferred).toBe('2025-09-01');
    // YarnPO and the Expected report both list the 79 open POs: each counts once (on order = total receipts)
    const onOrder = new Map(csv(join(out, 'yarn_position.csv')).map((p) => [p.yarnId, Number(p.onOrderLbs)]));
    const receipts = csv(join(out, 'yarn_demand.csv'));
    expect(receipts.filter((y) => Number(y['Total Receipt']) > 0).length).toBeGreaterThan(50);
    for (const y of receipts) expect(Number(y['Total Receipt']), `yarn ${y.Yarn}`).toBeCloseTo(onOrder.get(y.Yarn) ?? 0, 1);
  }, 120_000);

  it("2. an earlier ERP week's report never moves the date: the exports' run dates in their names win", async () => {
    // 8-28 exports named as the ERP names them when it dates them, no Expected report, plus the 8-20 Yarn_Demand run
    const folder = copyFolder(erpPath('snapshots', '2025-08-28'), join(tmp.dir, 'i2', 'mix'), {
      drop: (n) => n.endsWith('.csv') || isErpDemandReport(n) || n.startsWith('Expected'),
      rename: (n) =>
        n.startsWith('eFab_SO_List') ? 'eFab_SO_List_202508280603.xlsx' : n.startsWith('eFab_') ? n.replace('.xlsx', '_20250828.xlsx') : n,
    });
    copyFile(erpPath('snapshots', '2025-08-22', 'Yarn_Demand_2025-08-20_0442.xlsx'), folder);
    const out = join(tmp.dir, 'i2', 'out');
    const run = await plan(['--data', folder, '--db', join(tmp.dir, 'i2', 'db'), '--out', out]);
    expect(run.code, run.lines.join('\n')).toBe(0);
    const r = report(out);
    expect(r.asOf).toBe('2025-08-28');
    expect(r.asOfEvidence).toContainEqual(expect.objectContaining({ file: 'eFab_SO_List_202508280603.xlsx', date: '2025-08-28', precision: 'day' }));
    expect(r.asOfConflicts.join('\n')).toContain('Yarn_Demand_2025-08-20_0442.xlsx');

    // the planner's date wins over the files' evidence, and the conflict is stated
    const out2 = join(tmp.dir, 'i2', 'out2');
    const run2 = await plan(['--data', folder, '--as-of', '2025-08-29', '--db', join(tmp.dir, 'i2', 'db2'), '--out', out2]);
    expect(run2.code, run2.lines.join('\n')).toBe(0);
    expect(report(out2)).toMatchObject({ asOf: '2025-08-29', asOfSource: 'caller' });
    expect(report(out2).asOfConflicts.join('\n')).toContain('2025-08-28');
  }, 120_000);

  it('3. the Imports page treats the ERP folder as history, like the CLI; loose exports from two ERP weeks are refused', async () => {
    const dbPath = join(tmp.dir, 'i3', 'db');
    const jobs = new JobHost({ dbPath, mode: 'inline', run: runJob });
    const planner = createPlanner({ dbPath, shell: 'test', jobs, autoRun: false });
    try {
      // the page uploads every file of the chosen folder with its path relative to the folder's parent
      const root = erpPath();
      const uploads: { name: string; base64: string }[] = [];
      const walk = (dir: string): void => {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          const p = join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (/\.(xlsx|csv|json)$/.test(e.name)) uploads.push({ name: `erp/${relative(root, p)}`, base64: readFileSync(p).toString('base64') });
        }
      };
      walk(root);
      const state = await jobs.wait((await planner.handlers['import.start']({ uploads })).jobId);
      expect(state.status, state.error).toBe('done');
      const snapshots = await planner.handlers['snapshots.list']({});
      expect(
        snapshots
          .filter((s) => s.kind !== 'master')
          .map((s) => s.asOf)
          .sort(),
      ).toEqual(['2025-08-22', '2025-08-28', '2025-09-02']);
      expect(planner.activeSnapshotId()).toBe(snapshots.find((s) => s.asOf === '2025-09-02')!.id);

      // the 8-22 exports with the 8-28 inventory, knit orders and Expected report: two ERP weeks in one batch
      const mixed = copyFolder(erpPath('snapshots', '2025-08-22'), join(tmp.dir, 'i3', 'mixed'));
      for (const f of ['yarn_inventory.xlsx', 'eFab_Knit_Orders.xlsx', 'Expected_Yarn_Report.xlsx'])
        copyFile(erpPath('snapshots', '2025-08-28', f), mixed);
      const refused = await jobs.wait((await planner.handlers['import.start']({ paths: [mixed] })).jobId);
      expect(refused.status).toBe('failed');
      expect(refused.error).toMatch(/different ERP weeks/);
      expect(refused.error).toContain('2025-08-18');
      expect(refused.error).toContain('2025-08-25');
      expect(refused.error).toContain('Expected_Yarn_Report.xlsx');
      expect(refused.error).toContain('eFab_Knit_Orders_20250822.xlsx');
      expect((await planner.handlers['snapshots.list']({})).length).toBe(snapshots.length);

      const cli = await plan(['--data', mixed, '--db', join(tmp.dir, 'i3', 'cli-db'), '--out', join(tmp.dir, 'i3', 'out')]);
      expect(cli.code).toBe(1);
      expect(cli.lines.join('\n')).toMatch(/different ERP weeks/);
    } finally {
      await planner.close();
    }
  }, 240_000);

  it('7. without Expected_Yarn_Report, open YarnPO balances are receipts: projection, MRP and position agree', async () => {
    const folder = copyFolder(erpPath('snapshots', '2025-09-02'), join(tmp.dir, 'i7', '0902'), {
      drop: (n) => isErpDemandReport(n) || n.startsWith('Expected'),
    });
    const out = join(tmp.dir, 'i7', 'out');
    const dbPath = join(tmp.dir, 'i7', 'db');
    const run = await plan(['--data', folder, '--as-of', '2025-09-02', '--db', dbPath, '--out', out]);
    expect(run.code, run.lines.join('\n')).toBe(0);
    // what is on order, three ways: the position (yarn_inventory's On Order), the projection (Yarn_Demand's Total
    // Receipt = past due + every week + Later) and the MRP (its opening balance minus the stock on hand, plus its
    // scheduled receipts: the POs' latest Requested date is well inside its 26 weeks)
    const position = new Map(csv(join(out, 'yarn_position.csv')).map((r) => [r.yarnId, r]));
    const projected = new Map(csv(join(out, 'yarn_demand.csv')).map((r) => [r.Yarn, Number(r['Total Receipt'])]));
    const mrp = storedPlan(dbPath).purchasing.items;
    const mrpOnOrder = (yarn: string) => {
      const item = mrp.find((i) => i.yarnId === yarn)!;
      return item.startingBalanceLbs - Number(position.get(yarn)!.theoreticalBalanceLbs) + item.weeks.scheduledReceipts.reduce((a, b) => a + b, 0);
    };
    const onOrder = [...position.values()].filter((p) => Number(p.onOrderLbs) > 0);
    expect(onOrder.length).toBeGreaterThan(50);
    for (const p of onOrder) {
      expect(projected.get(p.yarnId), `projection of yarn ${p.yarnId}`).toBeCloseTo(Number(p.onOrderLbs), 1);
      expect(mrpOnOrder(p.yarnId), `MRP of yarn ${p.yarnId}`).toBeCloseTo(Number(p.onOrderLbs), 1);
    }
    expect(report(out).warnings.map((w) => w.code)).toContain('receipts_from_po');
  }, 120_000);

  it('8. orders from the API JSON dated after the as-of date: left out when created after it, and said first', async () => {
    const folder = copyFolder(erpPath('snapshots', '2025-09-02'), join(tmp.dir, 'i8', '0902'), { drop: (n) => n.startsWith('eFab_Knit_Orders') });
    copyFile(erpPath('master', 'efab_api_knit_orders.json'), folder);
    const out = join(tmp.dir, 'i8', 'out');
    const run = await plan(['--data', folder, '--as-of', '2025-09-02', '--db', join(tmp.dir, 'i8', 'db'), '--out', out]);
    expect(run.code, run.lines.join('\n')).toBe(0);
    expect(run.lines[0]).toMatch(
      /^notice: snapshot \d+ \(as of 2025-09-02\) holds records dated after its as-of date: .*efab_api_knit_orders\.json \(66 knit orders, 8 created after it left out\)/,
    );
    const json = JSON.parse(readFileSync(erpPath('master', 'efab_api_knit_orders.json'), 'utf8')) as {
      serial_number: string;
      created_date: string;
    }[];
    const late = json.filter((k) => k.created_date.slice(0, 10) > '2025-09-02').map((k) => k.serial_number);
    expect(late.length).toBe(8);
    const planned = new Set(csv(join(out, 'schedule.csv')).map((r) => r.order_no));
    for (const ko of late) expect(planned.has(ko), ko).toBe(false);
    expect(report(out).futureRecords).toContainEqual(expect.objectContaining({ file: 'efab_api_knit_orders.json', leftOut: 8 }));
  }, 120_000);
});
