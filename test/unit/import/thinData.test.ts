// A file with a header and no rows, or a core transactional entity below half of the previous snapshot's count, is
// not imported without the planner's confirmation (`confirmThinData`); the report's first line says what is thin.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportFailedError } from '../../../src/main/import/importBatch';
import { importFiles } from '../../../src/main/services/jobs/importFiles';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { openStore, type Db } from '../../../src/main/store/db';
import { JobHost } from '../../../src/main/workers/jobHost';
import { runJob } from '../../../src/main/services/jobs/registry';
import { tempDir } from '../../support/tempDb';

const NOW = '2025-09-05T08:00:00';
const KO_HEADER =
  'Style #,Order #,Start Date,Quoted Date,Qty Ordered (lbs),G00 (lbs),Shipped (lbs),Balance (lbs),Seconds (lbs),BKI #s,Machine,PO#,Modified';
const YARN_HEADER = 'Desc#,Supplier,Description,Color,Beginning Balance,Theoretical Balance,On Order,Allocated,Planning Balance,Cost/Pound';
const knitOrders = (n: number) =>
  [KO_HEADER, ...Array.from({ length: n }, (_, i) => `A/1,K${i},8/25/2025,,500.0,,,500.0,,,12,,8/28/2025`)].join('\n');
const yarns = (n: number) => [YARN_HEADER, ...Array.from({ length: n }, (_, i) => `${1000 + i},LYCRA,1/40 Lycra,Clear,1,1,0,0,1,$1.00`)].join('\n');

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir('bkp-thin-');
  db = openStore(tmp.dbPath);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

function folder(name: string, files: Record<string, string>): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const snapshotCount = () => (db.prepare('SELECT count(*) AS n FROM snapshot').get() as { n: number }).n;

describe('thin data needs confirmation', () => {
  it('a header-only knit-order file: NEEDS_CONFIRMATION naming the file first; confirmed, it imports and the report says so first', async () => {
    const dir = folder('w1', { 'eFab_Knit_Orders.csv': KO_HEADER + '\n', 'yarn_inventory.csv': yarns(20) });
    const err = (await importFiles(db, dir, { now: NOW, asOf: '2025-09-02' }).catch((e: unknown) => e)) as ImportFailedError;
    expect(err).toBeInstanceOf(ImportFailedError);
    expect(err.code).toBe('NEEDS_CONFIRMATION');
    expect(err.report.errors[0]).toMatch(/^thin data, needs confirmation: eFab_Knit_Orders\.csv has a header and no knit orders/);
    expect(snapshotCount()).toBe(0);
    const out = await importFiles(db, dir, { now: NOW, asOf: '2025-09-02', confirmThinData: true });
    expect(out.report.status).toBe('imported');
    expect(out.report.entityCounts.knitOrders).toBe(0);
    expect(out.report.warnings[0]).toMatchObject({ code: 'thin_data', severity: 'warning' });
    expect(out.report.warnings[0].message).toMatch(/^thin data, confirmed by the planner: eFab_Knit_Orders\.csv has a header and no knit orders/);
  });

  it('a header-only yarn inventory too', async () => {
    const dir = folder('w1', { 'yarn_inventory.csv': YARN_HEADER + '\n', 'eFab_Knit_Orders.csv': knitOrders(5) });
    const err = (await importFiles(db, dir, { now: NOW, asOf: '2025-09-02' }).catch((e: unknown) => e)) as ImportFailedError;
    expect(err.code).toBe('NEEDS_CONFIRMATION');
    expect(err.report.errors[0]).toMatch(/yarn_inventory\.csv has a header and no yarns/);
  });

  it('knit orders below half of the previous snapshot: NEEDS_CONFIRMATION with both counts; at half or more it imports', async () => {
    await importFiles(db, folder('w1', { 'eFab_Knit_Orders.csv': knitOrders(40), 'yarn_inventory.csv': yarns(20) }), {
      now: NOW,
      asOf: '2025-08-26',
    });
    const thin = folder('w2', { 'eFab_Knit_Orders.csv': knitOrders(19), 'yarn_inventory.csv': yarns(20) });
    const err = (await importFiles(db, thin, { now: NOW, asOf: '2025-09-02' }).catch((e: unknown) => e)) as ImportFailedError;
    expect(err.code).toBe('NEEDS_CONFIRMATION');
    expect(err.report.errors[0]).toMatch(/eFab_Knit_Orders\.csv has 19 knit orders, fewer than half of the 40 in the snapshot as of 2025-08-26/);
    expect(snapshotCount()).toBe(1);
    const half = await importFiles(db, folder('w3', { 'eFab_Knit_Orders.csv': knitOrders(20), 'yarn_inventory.csv': yarns(20) }), {
      now: NOW,
      asOf: '2025-09-02',
    });
    expect(half.report.warnings.some((w) => w.code === 'thin_data')).toBe(false);
    // an older week imported later is compared with the snapshots before it, not with newer ones
    const older = await importFiles(db, folder('w0', { 'eFab_Knit_Orders.csv': knitOrders(5), 'yarn_inventory.csv': yarns(20) }), {
      now: NOW,
      asOf: '2025-08-19',
    });
    expect(older.report.status).toBe('imported');
  });

  it('generated demo data is no yardstick: a real batch after a bigger demo snapshot imports without confirmation', async () => {
    await importFiles(db, folder('demo', { 'eFab_Knit_Orders.csv': knitOrders(40), 'yarn_inventory.csv': yarns(20) }), {
      now: NOW,
      asOf: '2025-08-26',
      kind: 'demo',
    });
    const real = await importFiles(db, folder('w1', { 'eFab_Knit_Orders.csv': knitOrders(10), 'yarn_inventory.csv': yarns(20) }), {
      now: NOW,
      asOf: '2025-09-02',
    });
    expect(real.report.status).toBe('imported');
    expect(real.report.warnings.some((w) => w.code === 'thin_data')).toBe(false);
  });

  it('through the import.start channel: the failed job carries the code and the report; confirmThinData lets it through', async () => {
    const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob });
    const planner: Planner = createPlanner({ dbPath: tmp.dbPath, shell: 'test', jobs, autoRun: false });
    try {
      const dir = folder('w1', { 'eFab_Knit_Orders.csv': KO_HEADER + '\n', 'yarn_inventory.csv': yarns(20) });
      const failed = await jobs.wait((await planner.handlers['import.start']({ paths: [dir], asOf: '2025-09-02' })).jobId);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/^thin data, needs confirmation: eFab_Knit_Orders\.csv/);
      expect(failed.result).toMatchObject({ code: 'NEEDS_CONFIRMATION', report: { status: 'failed' } });
      const done = await jobs.wait((await planner.handlers['import.start']({ paths: [dir], asOf: '2025-09-02', confirmThinData: true })).jobId);
      expect(done.status).toBe('done');
      const report = (await planner.handlers['snapshots.report']({ id: (done.result as { snapshotId: number }).snapshotId })) as {
        warnings: { code: string }[];
      };
      expect(report.warnings[0].code).toBe('thin_data');
    } finally {
      await planner.close();
    }
  });
});
