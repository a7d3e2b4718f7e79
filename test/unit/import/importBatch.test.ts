import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importReportSchema } from '../../../src/shared/importReport';
import { ImportCancelledError, ImportFailedError } from '../../../src/main/import/importBatch';
import { importFiles } from '../../../src/main/services/jobs/importFiles';
import { openStore, type Db } from '../../../src/main/store/db';
import { ENTITY_TABLE_SPECS, loadPlanningData } from '../../../src/main/store/entities';
import { listSnapshots } from '../../../src/main/store/snapshots';
import { tempDir } from '../../support/tempDb';

const NOW = '2025-09-05T08:00:00';

const FILES = {
  'yarn_inventory.csv': `Desc#,QS Cust,Supplier,Description,Color,Beginning Balance,Received,Consumed,Adjustments,Theoretical Balance,Misc,On Order,Allocated,Planning Balance,Reconcile Date,Cost/Pound,Total Cost
739,CFAB,LYCRA,1/40 Lycra ,Clear,300.10,,0.00,,300.10,,0.00,-100.00,200.10,2025-06-27,$5.96 ,"$1,788.60 "
1571,CFAB,LYCRA,1/70 Lycra,Clear,224.10,10.00,-4.10,,230.00,,500.00,0.00,700.00,Never,$5.92 ,$0.00
`,
  'knit_orders.csv': `Style #,Order #,Start Date,Quoted Date,Qty Ordered (lbs),G00 (lbs),Shipped (lbs),Balance (lbs),Seconds (lbs),BKI #s,Machine,PO#,Modified
A/1,K1,8/25/2025,,"1,000.0",100.0,,900.0,,,12,,8/28/2025
B/1,K2,,,500.0,,,500.0,,,99,,8/28/2025
`,
  'Expected.csv': `PO Date,PO #,Purchased From,Desc,Price,INVEN,PO Order Amt,Rec'd,PO Bal,Unscheduled or Past Due,This Week,9/12/2025,9/19/2025,Later
3/4/2024,Y1,Deca,739,$2.41 ,300.10,"1,000",500,500,100,,400,,
`,
};
const MASTERS = {
  'bom.csv': `Style#,Desc#,BOM_Percentage,unit
A/1,739,0.6,lbs
A/1,1571,0.4,lbs
C/1,739,0.99,lbs
`,
  'machines.csv': `\uFEFFWC,MACH
1.30.28.F,12
1.30.28.F ,13
`,
};

function writeFiles(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function counts(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spec of Object.values(ENTITY_TABLE_SPECS))
    out[spec.table] = (db.prepare(`SELECT count(*) AS n FROM ${spec.table}`).get() as { n: number }).n;
  out.snapshot = (db.prepare('SELECT count(*) AS n FROM snapshot').get() as { n: number }).n;
  out.import_file = (db.prepare('SELECT count(*) AS n FROM import_file').get() as { n: number }).n;
  return out;
}

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir('bkp-import-');
  db = openStore(tmp.dbPath);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('importFiles', () => {
  it("imports a folder as one snapshot as of the caller's date, with the Expected report's week as evidence", async () => {
    const dir = writeFiles(join(tmp.dir, 'snap'), { ...FILES, ...MASTERS });
    const { snapshotId, reused, report } = await importFiles(db, dir, { now: NOW, asOf: '2025-09-02' });
    expect(reused).toBe(false);
    expect(importReportSchema.parse(report)).toBeTruthy();
    expect(report).toMatchObject({
      status: 'imported',
      kind: 'import',
      asOf: '2025-09-02',
      asOfSource: 'caller',
      asOfInferred: '2025-09-01',
      asOfConflicts: [],
    });
    expect(report.asOfEvidence).toEqual([
      { file: 'Expected.csv', precision: 'week', date: '2025-09-01', how: 'Friday-dated week columns', from: 'content', role: 'export' },
    ]);
    expect(report.entityCounts).toMatchObject({ yarnInventory: 2, knitOrders: 2, expectedPos: 1, expectedReceipts: 2, bomLines: 3, machines: 2 });
    expect(report.files.every((f) => f.status === 'imported')).toBe(true);
    const data = loadPlanningData(db, snapshotId);
    expect(data.yarns.find((y) => y.yarnId === '1571')).toMatchObject({ reconcileDate: null, onOrderLbs: 500 });
    // 9/12/2025 is the Friday of ISO week 37 (Monday 9/8); blank weekly cells are 0 and not stored
    expect(data.expectedReceipts.map((r) => [r.bucket, r.weekStart, r.qtyLbs])).toEqual([
      ['pastDue', null, 100],
      ['week', '2025-09-08', 400],
    ]);
    expect(data.workCenters).toEqual([
      { code: '1.30.28.F', construction: '1', diameterIn: 30, needleCut: 28, machineType: 'F', machineIds: ['12', '13'] },
    ]);
    // planning warnings computed on the imported data
    const codes = report.warnings.map((w) => `${w.code}:${w.count}`);
    expect(codes).toContain('ko_style_without_bom:1'); // B/1
    expect(codes).toContain('machine_not_in_list:1'); // 99
    expect(codes).toContain('bom_sum_not_100:1'); // C/1 = 99 %
    expect(report.warnings.find((w) => w.code === 'machine_not_in_list')!.examples).toEqual(['99 (KO K2)']);
    const files = db
      .prepare('SELECT file_name, export_type, rows_accepted FROM import_file WHERE snapshot_id = ? ORDER BY file_name')
      .all(snapshotId);
    expect(files).toContainEqual({ file_name: 'knit_orders.csv', export_type: 'knit_orders', rows_accepted: 2 });
  });

  it('is idempotent: the same files again return the same snapshot and write nothing', async () => {
    const dir = writeFiles(join(tmp.dir, 'snap'), FILES);
    const first = await importFiles(db, dir, { now: NOW, asOf: '2025-09-02' });
    const before = counts(db);
    const again = await importFiles(db, [join(dir, 'Expected.csv'), join(dir, 'knit_orders.csv'), join(dir, 'yarn_inventory.csv')], {
      now: NOW,
      asOf: '2025-09-02',
    });
    expect(again).toMatchObject({ snapshotId: first.snapshotId, reused: true });
    expect(again.report.status).toBe('unchanged');
    expect(counts(db)).toEqual(before);
  });

  it('a batch of masters only is a master snapshot; without any as-of it fails clearly', async () => {
    const dir = writeFiles(join(tmp.dir, 'master'), MASTERS);
    await expect(importFiles(db, dir, { now: NOW })).rejects.toMatchObject({ code: 'AS_OF_UNKNOWN' });
    expect(counts(db).snapshot).toBe(0);
    const { report } = await importFiles(db, dir, { now: NOW, asOf: '2025-08-01' });
    expect(report).toMatchObject({ kind: 'master', asOf: '2025-08-01', asOfSource: 'caller' });
  });

  it('a rejected file fails the whole batch, names the file and the reason, and writes nothing', async () => {
    const dir = writeFiles(join(tmp.dir, 'snap'), FILES);
    await importFiles(db, writeFiles(join(tmp.dir, 'master'), MASTERS), { now: NOW, asOf: '2025-08-01' });
    const before = counts(db);
    writeFileSync(join(dir, 'garbage.xlsx'), Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]));
    writeFileSync(join(dir, 'notes.csv'), 'foo,bar\n1,2\n');
    writeFileSync(join(dir, 'empty.csv'), '');
    const err = await importFiles(db, dir, { now: NOW, asOf: '2025-09-02' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailedError);
    const failed = err as ImportFailedError;
    expect(failed.code).toBe('REJECTED_FILES');
    const rejected = failed.report.files.filter((f) => f.status === 'rejected').map((f) => [f.file, f.reason]);
    expect(rejected).toEqual([
      ['empty.csv', 'empty file'],
      ['garbage.xlsx', 'not a complete xlsx/zip file (end of archive not found; truncated?)'],
      ['notes.csv', 'unknown export: no header row of a known ERP export in the first 30 rows'],
    ]);
    expect(failed.message).toContain('3 file(s) rejected, nothing imported');
    expect(counts(db)).toEqual(before);
    // the planner may import the rest anyway
    const { report } = await importFiles(db, dir, { now: NOW, asOf: '2025-09-02', allowRejectedFiles: true });
    expect(report.status).toBe('imported');
    expect(report.files.filter((f) => f.status === 'rejected').length).toBe(3);
  });

  it('an unknown export names the closest type and its missing columns', async () => {
    const dir = writeFiles(join(tmp.dir, 'snap'), {
      'yarn.csv': 'Desc#,Supplier,Beginning Balance,Theoretical Balance\n1,x,1,1\n',
    });
    const err = (await importFiles(db, dir, { now: NOW, asOf: '2025-09-02' }).catch((e: unknown) => e)) as ImportFailedError;
    expect(err.report.files[0]).toMatchObject({ status: 'rejected', closestType: 'yarn_inventory', missingColumns: ['Planning Balance'] });
  });

  it('uses the xlsx and marks its csv copy superseded', async () => {
    const dir = writeFiles(join(tmp.dir, 'snap'), FILES);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet');
    const lines = FILES['yarn_inventory.csv'].trim().split('\n');
    ws.addRow(lines[0].split(','));
    ws.addRow([739, 'CFAB', 'LYCRA', '1/40 Lycra ', 'Clear', 300.1, null, 0, null, 300.1, null, 0, -100, 200.1, '2025-06-27', 5.96, 1788.596]);
    await wb.xlsx.writeFile(join(dir, 'yarn_inventory.xlsx'));
    const { report } = await importFiles(db, dir, { now: NOW, asOf: '2025-09-02' });
    const csv = report.files.find((f) => f.file === 'yarn_inventory.csv')!;
    expect(csv).toMatchObject({ status: 'superseded', supersededBy: 'yarn_inventory.xlsx' });
    expect(report.entityCounts.yarnInventory).toBe(1);
  });

  it('reports progress from 0 to 1 with the file name and can be cancelled before anything is written', async () => {
    const dir = writeFiles(join(tmp.dir, 'snap'), { ...FILES, ...MASTERS });
    const seen: [number, string, string | undefined][] = [];
    await importFiles(db, dir, { now: NOW, asOf: '2025-09-02', onProgress: (f, m, file) => seen.push([f, m, file]) });
    expect(seen[0][0]).toBe(0);
    expect(seen.at(-1)![0]).toBe(1);
    expect(seen.map((s) => s[0])).toEqual([...seen.map((s) => s[0])].sort((a, b) => a - b));
    expect(seen.some(([, , file]) => file === 'knit_orders.csv')).toBe(true);

    const before = counts(db);
    let calls = 0;
    const dir2 = writeFiles(join(tmp.dir, 'snap2'), { ...FILES, 'bom.csv': MASTERS['bom.csv'].replace('0.99', '0.98') });
    await expect(importFiles(db, dir2, { now: NOW, asOf: '2025-09-03', isCancelled: () => ++calls > 3 })).rejects.toBeInstanceOf(
      ImportCancelledError,
    );
    expect(counts(db)).toEqual(before);
  });

  it('rolls the whole batch back when writing fails half-way', async () => {
    const dir = writeFiles(join(tmp.dir, 'snap'), { ...FILES, ...MASTERS });
    db.exec("CREATE TRIGGER no_machines BEFORE INSERT ON machine BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END;");
    const before = counts(db);
    const err = (await importFiles(db, dir, { now: NOW, asOf: '2025-09-02' }).catch((e: unknown) => e)) as ImportFailedError;
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('disk full (simulated)');
    expect(counts(db)).toEqual(before);
  });
});

describe('planning data across batches', () => {
  it('masters come from the latest earlier batch carrying them; transactions only from the snapshot itself', async () => {
    const master = await importFiles(db, writeFiles(join(tmp.dir, 'm'), MASTERS), { now: NOW, asOf: '2025-08-01' });
    const aug = await importFiles(db, writeFiles(join(tmp.dir, 'a'), FILES), { now: NOW, asOf: '2025-09-02' });
    const sep = await importFiles(db, writeFiles(join(tmp.dir, 's'), { 'yarn_inventory.csv': FILES['yarn_inventory.csv'] }), {
      now: NOW,
      asOf: '2025-09-09',
    });
    const a = loadPlanningData(db, aug.snapshotId);
    expect(a.bomLines.length).toBe(3);
    expect(a.sources.bomLines).toBe(master.snapshotId);
    expect(a.knitOrders.length).toBe(2);
    const s = loadPlanningData(db, sep.snapshotId);
    expect(s.bomLines.length).toBe(3);
    expect(s.knitOrders).toEqual([]);
    expect(s.sources.knitOrders).toBeUndefined();
    expect(listSnapshots(db).map((x) => x.kind)).toEqual(['import', 'import', 'master']);
  });

  it('every entity field has its column (store specs agree with the migrations)', () => {
    for (const spec of Object.values(ENTITY_TABLE_SPECS)) {
      const cols = new Set((db.prepare(`PRAGMA table_info(${spec.table})`).all() as { name: string }[]).map((c) => c.name));
      for (const f of Object.keys(spec.fields)) expect(cols.has(f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)), `${spec.table}.${f}`).toBe(true);
      expect(cols.size).toBe(Object.keys(spec.fields).length + 1);
    }
  });
});

describe('importFiles on odd input', () => {
  it('a path that does not exist is a rejected file, not a crash', async () => {
    const tmp2 = tempDir('bkp-import-odd-');
    const db2 = openStore(tmp2.dbPath);
    try {
      const err = (await importFiles(db2, [join(tmp2.dir, 'nope.xlsx')], { now: NOW, asOf: '2025-09-02' }).catch(
        (e: unknown) => e,
      )) as ImportFailedError;
      expect(err).toBeInstanceOf(ImportFailedError);
      expect(err.report.files[0].reason).toMatch(/^cannot read the file/);
      await expect(importFiles(db2, [], { now: NOW })).rejects.toMatchObject({ code: 'NO_FILES' });
    } finally {
      db2.close();
      tmp2.cleanup();
    }
  });
});
