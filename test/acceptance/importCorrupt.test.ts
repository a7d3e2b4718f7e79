// Corrupted inputs never crash the import and never half-write: each gives a clear report entry, the batch fails
// (nothing written) and the previous snapshot is untouched. A seeded fuzz test mutates real exports.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFailedError, importFiles } from '../../src/main/import/importBatch';
import { openStore, type Db } from '../../src/main/store/db';
import { ENTITY_TABLE_SPECS, loadPlanningData } from '../../src/main/store/entities';
import { erpPath, hasErpData } from '../support/erpData';
import { tempDir } from '../support/tempDb';
import { mulberry32 } from '../../src/shared/prng';

const NOW = '2025-09-05T08:00:00';
const SNAP = '2025-08-28';

function tableCounts(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['snapshot', 'snapshot_entity', 'import_file', ...Object.values(ENTITY_TABLE_SPECS).map((s) => s.table)]) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

const prng = mulberry32;

const JUNK = ['', ' ', 'N/A', 'Remove', '($1,2', '$$$', '<i class="fa">', '1e999', '-', '#REF!', '2/30/2025', '\u0000', 'ünïcødé', 'x'.repeat(5000), '0.0.0', '(5)'];

describe.skipIf(!hasErpData)('corrupted inputs', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let baseline: Record<string, number>;
  let previousId: number;
  let previousYarns: number;

  beforeAll(async () => {
    tmp = tempDir('bkp-corrupt-');
    db = openStore(tmp.dbPath);
    const previous = await importFiles(db, [erpPath('snapshots', '2025-09-02'), erpPath('master')], { now: NOW });
    previousId = previous.snapshotId;
    previousYarns = loadPlanningData(db, previousId).yarns.length;
    baseline = tableCounts(db);
  });
  afterAll(() => {
    db?.close();
    tmp?.cleanup();
  });

  /** A batch of the good 8-28 xlsx knit orders and yarn inventory plus `bad`; must fail and write nothing. */
  async function expectRejected(name: string, bad: Buffer | string): Promise<ImportFailedError> {
    const dir = join(tmp.dir, `case-${name}`);
    mkdirSync(dir, { recursive: true });
    copyFileSync(erpPath('snapshots', SNAP, 'eFab_Knit_Orders.xlsx'), join(dir, 'eFab_Knit_Orders.xlsx'));
    copyFileSync(erpPath('snapshots', SNAP, 'yarn_inventory.xlsx'), join(dir, 'yarn_inventory.xlsx'));
    writeFileSync(join(dir, name), bad);
    const err = await importFiles(db, dir, { now: NOW, asOf: SNAP }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailedError);
    const failed = err as ImportFailedError;
    expect(failed.code).toBe('REJECTED_FILES');
    const entry = failed.report.files.find((f) => f.file === name)!;
    expect(entry.status).toBe('rejected');
    expect(failed.report.files.filter((f) => f.file !== name).every((f) => f.status === 'imported')).toBe(true);
    expect(tableCounts(db)).toEqual(baseline);
    expect(loadPlanningData(db, previousId).yarns.length).toBe(previousYarns);
    rmSync(dir, { recursive: true, force: true });
    return failed;
  }

  it('a truncated xlsx', async () => {
    const full = readFileSync(erpPath('snapshots', SNAP, 'eFab_SO_List.xlsx'));
    const err = await expectRejected('eFab_SO_List.xlsx', full.subarray(0, Math.floor(full.length / 2)));
    expect(err.report.files.find((f) => f.file === 'eFab_SO_List.xlsx')!.reason).toMatch(/truncated/);
  });

  it('binary garbage, with an .xlsx and a .csv name', async () => {
    const rand = prng(1);
    const bytes = Buffer.from(Array.from({ length: 100_000 }, () => Math.floor(rand() * 256)));
    const a = await expectRejected('Expected_Yarn_Report.xlsx', bytes);
    expect(a.report.files.find((f) => f.file === 'Expected_Yarn_Report.xlsx')!.reason).toMatch(/binary|not UTF-8/);
    await expectRejected('yarn_po.csv', bytes);
  });

  it('a csv with a missing column names the closest export and the column', async () => {
    const csv = readFileSync(erpPath('snapshots', SNAP, 'yarn_inventory.csv'), 'utf8');
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const col = parsed[0].indexOf('Planning Balance');
    const cut = Papa.unparse(parsed.map((r) => r.filter((_, i) => i !== col)));
    const err = await expectRejected('yarn_inventory.csv', cut);
    expect(err.report.files.find((f) => f.file === 'yarn_inventory.csv')).toMatchObject({
      closestType: 'yarn_inventory',
      missingColumns: ['Planning Balance'],
      reason: 'unknown export: closest is Yarn inventory (yarn_inventory), missing column(s) Planning Balance',
    });
  });

  it('an empty file', async () => {
    const err = await expectRejected('eFab_Inventory_F01.csv', '');
    expect(err.report.files.find((f) => f.file === 'eFab_Inventory_F01.csv')!.reason).toBe('empty file');
  });

  it('a large file of junk (200 MB of text) is refused from its first rows, quickly', async () => {
    const path = join(tmp.dir, 'junk.csv');
    const rand = prng(2);
    const line = () => Array.from({ length: 12 }, () => Math.floor(rand() * 1e9).toString(36)).join(',') + '\n';
    const chunk = Buffer.from(Array.from({ length: 20_000 }, line).join('')); // ~1.6 MB
    const fd = openSync(path, 'w');
    let written = 0;
    while (written < 200 * 1024 * 1024) written += writeSync(fd, chunk);
    closeSync(fd);
    const t0 = performance.now();
    const err = (await importFiles(db, [path], { now: NOW, asOf: SNAP }).catch((e: unknown) => e)) as ImportFailedError;
    const ms = performance.now() - t0;
    expect(err).toBeInstanceOf(ImportFailedError);
    expect(err.report.files[0]).toMatchObject({ status: 'rejected', bytes: written });
    expect(err.report.files[0].reason).toMatch(/^unknown export/);
    expect(tableCounts(db)).toEqual(baseline);
    console.log(`200 MB junk csv refused in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(15_000);
    rmSync(path);
  });

  it('a file too large for an export is refused without reading it', async () => {
    const path = join(tmp.dir, 'huge.xlsx');
    const fd = openSync(path, 'w');
    writeSync(fd, Buffer.from('PK\u0003\u0004'), 0, 4, 600 * 1024 * 1024); // sparse 600 MB
    closeSync(fd);
    const err = (await importFiles(db, [path], { now: NOW, asOf: SNAP }).catch((e: unknown) => e)) as ImportFailedError;
    expect(err.report.files[0].reason).toMatch(/too large/);
    rmSync(path);
  });
});

describe.skipIf(!hasErpData)('fuzz: mutated real exports never crash the import nor half-write it', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  beforeAll(() => {
    tmp = tempDir('bkp-fuzz-');
    db = openStore(tmp.dbPath);
  });
  afterAll(() => {
    db?.close();
    tmp?.cleanup();
  });

  const CSVS = ['yarn_inventory.csv', 'eFab_Knit_Orders.csv', 'eFab_SO_List.csv', 'Expected_Yarn_Report.csv', 'Yarn_Demand_By_Style_KO.csv', 'eFab_Inventory_I01.csv'];
  const XLSXS = ['eFab_Knit_Orders.xlsx', 'eFab_SO_List.xlsx', 'Expected_Yarn_Report.xlsx', 'Yarn_Demand.xlsx', 'yarn_inventory.xlsx'];

  function mutateCsv(text: string, rand: () => number): { text: string; what: string } {
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const pick = (n: number) => Math.floor(rand() * n);
    const op = pick(5);
    if (op === 0) {
      const col = pick(rows[0].length);
      return { text: Papa.unparse(rows.map((r) => r.filter((_, i) => i !== col))), what: `drop column ${rows[0][col]}` };
    }
    if (op === 1) {
      const n = 1 + pick(rows.length * 2);
      for (let i = 0; i < n; i++) {
        const r = 1 + pick(rows.length - 1);
        rows[r][pick(rows[r].length)] = JUNK[pick(JUNK.length)];
      }
      return { text: Papa.unparse(rows), what: `garble ${n} cells` };
    }
    if (op === 2) return { text: text.slice(0, pick(text.length)), what: 'truncate' };
    if (op === 3) {
      const a = pick(rows[0].length);
      const b = pick(rows[0].length);
      [rows[0][a], rows[0][b]] = [rows[0][b], rows[0][a]];
      return { text: Papa.unparse(rows), what: `swap headers ${a},${b}` };
    }
    const at = pick(text.length);
    return { text: text.slice(0, at) + '\u0000\u0001\u00ff' + text.slice(at), what: 'insert binary bytes' };
  }

  async function mutateXlsx(buf: Buffer, rand: () => number): Promise<{ buf: Buffer; what: string }> {
    const pick = (n: number) => Math.floor(rand() * n);
    const op = pick(4);
    if (op === 0) return { buf: buf.subarray(0, pick(buf.length)), what: 'truncate' };
    if (op === 1) {
      const out = Buffer.from(buf);
      const n = 1 + pick(20);
      for (let i = 0; i < n; i++) out[pick(out.length)] = pick(256);
      return { buf: out, what: `flip ${n} bytes` };
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as never);
    const ws = wb.worksheets[0];
    if (op === 2) {
      const n = 1 + pick(ws.rowCount * 2);
      for (let i = 0; i < n; i++) ws.getRow(2 + pick(ws.rowCount - 1)).getCell(1 + pick(ws.columnCount)).value = JUNK[pick(JUNK.length)];
      return { buf: Buffer.from(await wb.xlsx.writeBuffer()), what: `garble ${n} cells` };
    }
    const col = 1 + pick(ws.columnCount);
    ws.spliceColumns(col, 1);
    return { buf: Buffer.from(await wb.xlsx.writeBuffer()), what: `drop column ${col}` };
  }

  it('40 seeded mutations: every import either succeeds consistently or fails with a report and no writes', async () => {
    const rand = prng(20250828);
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) {
      const dir = join(tmp.dir, `fuzz-${i}`);
      mkdirSync(dir);
      const useCsv = i % 2 === 0;
      const name = useCsv ? CSVS[Math.floor(rand() * CSVS.length)] : XLSXS[Math.floor(rand() * XLSXS.length)];
      let what: string;
      if (useCsv) {
        const m = mutateCsv(readFileSync(erpPath('snapshots', SNAP, name), 'utf8'), rand);
        writeFileSync(join(dir, name), m.text);
        what = m.what;
      } else {
        const m = await mutateXlsx(readFileSync(erpPath('snapshots', SNAP, name)), rand);
        writeFileSync(join(dir, name), m.buf);
        what = m.what;
      }
      copyFileSync(erpPath('master', 'Supplier_ID.csv'), join(dir, 'Supplier_ID.csv'));
      const before = tableCounts(db);
      let result: string;
      try {
        const out = await importFiles(db, dir, { now: NOW, asOf: SNAP });
        // success: what was written is exactly what the report says
        const written = db.prepare('SELECT entity, row_count FROM snapshot_entity WHERE snapshot_id = ?').all(out.snapshotId) as { entity: string; row_count: number }[];
        expect(Object.fromEntries(written.map((w) => [w.entity, w.row_count]))).toEqual(out.report.entityCounts);
        const file = out.report.files.find((f) => f.file === name)!;
        expect(file.rowsRead).toBe(file.rowsAccepted + file.rowsRejected + file.rowsSkipped);
        result = out.reused ? 'reused' : `imported (${file.rowsRejected} rows rejected)`;
      } catch (err) {
        if (!(err instanceof ImportFailedError)) throw new Error(`case ${i} ${name} ${what}: crashed with ${(err as Error).stack}`);
        expect(tableCounts(db)).toEqual(before);
        expect(err.report.errors.length).toBeGreaterThan(0);
        result = `failed: ${err.code}`;
      }
      outcomes.push(`${i} ${name} ${what}: ${result}`);
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(outcomes.join('\n'));
    expect(outcomes.some((o) => o.includes('imported'))).toBe(true);
    expect(outcomes.some((o) => o.includes('failed'))).toBe(true);
  });
});
