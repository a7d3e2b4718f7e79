// Corrupted inputs never crash the import and never half-write: each gives a clear report entry, the batch fails
// (nothing written) and the previous snapshot is untouched. The seeded corruption test (≥ 100 variants of the real
// exports, a smaller set of the demo exports) runs each variant through `importFiles` in a child process that
// measures its time and peak memory: every variant is refused naming the file with the store unchanged, or
// imported complete.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFailedError } from '../../src/main/import/importBatch';
import { importFiles } from '../../src/main/services/jobs/importFiles';
import { openStore, type Db } from '../../src/main/store/db';
import { ENTITY_TABLE_SPECS, loadPlanningData } from '../../src/main/store/entities';
import { erpPath, hasErpData } from '../support/erpData';
import { tempDir } from '../support/tempDb';
import { mulberry32 } from '../../src/shared/prng';
import { generateErpExports } from '../../src/main/demo';
import { runCli } from '../../src/main/cli';
import type { Manifest, RunResults, VariantResult } from './corruption/runVariants';
import { bombVariants, csvVariants, VariantWriter, xlsxVariants, type Base } from './corruption/variants';
import { editParts } from '../support/zipParts';

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

describe.skipIf(!hasErpData)('observed: a damaged workbook through the CLI', () => {
  it('a yarn inventory whose sheet is cut in the middle is refused naming the file, not planned with part of the yarns', async () => {
    const tmp = tempDir('bkp-cut-');
    try {
      const good = readFileSync(erpPath('snapshots', '2025-09-02', 'yarn_inventory.xlsx'));
      const cut = editParts(good, (p) =>
        p.name === 'xl/worksheets/sheet1.xml' ? { data: p.data.subarray(0, Math.floor(p.data.length / 2)) } : undefined,
      );
      mkdirSync(join(tmp.dir, 'data'));
      writeFileSync(join(tmp.dir, 'data', 'yarn_inventory.xlsx'), cut);
      copyFileSync(erpPath('snapshots', '2025-09-02', 'eFab_Knit_Orders.xlsx'), join(tmp.dir, 'data', 'eFab_Knit_Orders.xlsx'));
      const lines: string[] = [];
      const code = await runCli(['--data', join(tmp.dir, 'data'), '--db', tmp.dbPath, '--out', join(tmp.dir, 'out'), '--as-of', '2025-09-02'], (l) =>
        lines.push(l),
      );
      expect(code).toBe(1);
      expect(lines[0]).toMatch(/failed: 1 file\(s\) rejected, nothing imported: yarn_inventory\.xlsx \(sheet .* ends early/);
    } finally {
      tmp.cleanup();
    }
  });
});

const SEED = 20250902;
const GIB_KB = 1024 * 1024;

async function runInChild(manifest: Manifest, dir: string): Promise<RunResults> {
  const manifestPath = join(dir, 'manifest.json');
  const resultsPath = join(dir, 'results.json');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const runner = join(__dirname, 'corruption', 'runVariants.ts');
  await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', runner, manifestPath, resultsPath], {
    cwd: join(__dirname, '../..'),
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(readFileSync(resultsPath, 'utf8')) as RunResults;
}

/** The test's verdict on every variant, and a summary per kind for the log. */
function judge(run: RunResults, minVariants: number, label: string, wallMs: number): void {
  const { results } = run;
  const bad = (r: VariantResult): string | undefined => {
    if (r.outcome === 'crashed') return `crashed: ${r.message}`;
    if (r.ms > 60_000) return `took ${r.ms} ms`;
    if (r.peakKb > GIB_KB) return `peak memory ${Math.round(r.peakKb / 1024)} MB`;
    if (r.outcome === 'refused') {
      if (!r.namesFile) return `refused without naming ${r.file}: ${r.message}`;
      if (!r.storeUnchanged) return 'refused, but the store changed';
      if (r.expect === 'complete') return `refused, should import complete: ${r.message}`;
      return undefined;
    }
    if (r.expect === 'refused') return 'imported, should be refused';
    return r.incomplete ? `imported incomplete: ${r.incomplete}` : undefined;
  };
  const failures = results
    .map((r) => [r, bad(r)] as const)
    .filter(([, why]) => why)
    .map(([r, why]) => `${r.id} ${r.file} (${r.kind}: ${r.what}): ${why}`);
  const kinds = [...new Set(results.map((r) => r.kind))];
  const peak = results.reduce((m, r) => Math.max(m, r.peakKb), 0);
  const slowest = results.reduce((m, r) => Math.max(m, r.ms), 0);
  console.log(
    [
      `${label}: ${results.length} variants, ${results.filter((r) => r.outcome === 'refused').length} refused, ${results.filter((r) => r.outcome === 'imported').length} imported complete, ${failures.length} failed; wall ${Math.round(wallMs / 1000)} s`,
      `peak RSS per variant: max ${Math.round(peak / 1024)} MB (process baseline ${Math.round(run.baselineKb / 1024)} MB); slowest variant ${slowest} ms`,
      ...kinds.map((k) => {
        const of = results.filter((r) => r.kind === k);
        return `  ${k}: ${of.length} tried, ${of.filter((r) => r.outcome === 'refused').length} refused, ${of.filter((r) => r.outcome === 'imported').length} imported`;
      }),
      ...failures,
    ].join('\n'),
  );
  expect(failures).toEqual([]);
  expect(results.length).toBeGreaterThanOrEqual(minVariants);
  expect(run.finalHash).toEqual(run.initialHash);
}

describe.skipIf(!hasErpData)('seeded corruption of the real exports', () => {
  it('≥ 100 variants: refused naming the file with the store unchanged, or imported complete; each ≤ 60 s and ≤ 1 GB', async () => {
    const tmp = tempDir('bkp-variants-');
    try {
      const t0 = performance.now();
      const w = new VariantWriter(join(tmp.dir, 'variants'), mulberry32(SEED), 'real-');
      const at = (day: string, file: string): Base => ({ key: `${day}/${file}`, path: erpPath('snapshots', day, file), asOf: day });
      const xlsx: [Base, boolean][] = [
        [at('2025-09-02', 'eFab_Knit_Orders.xlsx'), true],
        [at('2025-09-02', 'yarn_inventory.xlsx'), true],
        [at('2025-09-02', 'Expected_Yarn_Report.xlsx'), true],
        [at('2025-09-02', 'eFab_SO_List.xlsx'), true],
        [at('2025-09-02', 'YarnPO.xlsx'), false],
        [at('2025-09-02', 'eFab_Inventory_I01.xlsx'), false],
        [at('2025-09-02', 'Yarn_Demand_By_Style_KO.xlsx'), false],
        [at('2025-08-22', 'eFab_Knit_Orders_20250822.xlsx'), true],
      ];
      const csv: [Base, boolean][] = [
        [at('2025-08-28', 'eFab_Knit_Orders.csv'), true],
        [at('2025-08-28', 'yarn_inventory.csv'), true],
        [at('2025-08-28', 'eFab_SO_List.csv'), true],
        [at('2025-08-28', 'Expected_Yarn_Report.csv'), true],
        [at('2025-08-28', 'eFab_Inventory_I01.csv'), false],
        [at('2025-08-28', 'Yarn_Demand_By_Style_KO.csv'), false],
      ];
      const references: Base[] = [];
      for (const [base, core] of xlsx) xlsxVariants(w, base, { flips: 3, core });
      bombVariants(w, xlsx[0][0]);
      for (const [base, core] of csv) csvVariants(w, base, { junk: 2, core, references });
      const run = await runInChild(
        {
          dbPath: join(tmp.dir, 'store.db'),
          now: NOW,
          // the previous week: what thin data is measured against
          previous: { paths: [erpPath('snapshots', '2025-08-22')], asOf: '2025-08-22' },
          bases: [...xlsx, ...csv].map(([b]) => b),
          references,
          variants: w.variants,
        },
        tmp.dir,
      );
      judge(run, 100, 'real exports', performance.now() - t0);
    } finally {
      tmp.cleanup();
    }
  }, 300_000);
});

describe('seeded corruption of the demo exports (runs without the shared data)', () => {
  it('variants of every kind: refused naming the file with the store unchanged, or imported complete', async () => {
    const tmp = tempDir('bkp-demo-variants-');
    try {
      const t0 = performance.now();
      const demo = await generateErpExports({
        seed: 5,
        scale: 1,
        asOf: '2025-09-02',
        outDir: join(tmp.dir, 'demo'),
        formats: ['xlsx', 'csv'],
        writeManifest: false,
      });
      const file = (name: string): Base => ({ key: name, path: join(demo.snapshotDir, name), asOf: '2025-09-02' });
      const w = new VariantWriter(join(tmp.dir, 'variants'), mulberry32(SEED + 1), 'demo-');
      const references: Base[] = [];
      const xlsx: [Base, boolean][] = [
        [file('eFab_Knit_Orders.xlsx'), true],
        [file('yarn_inventory.xlsx'), true],
        [file('Expected_Yarn_Report.xlsx'), false],
      ];
      const csv: [Base, boolean][] = [
        [file('eFab_SO_List.csv'), true],
        [file('yarn_inventory.csv'), false],
      ];
      for (const [base, core] of xlsx) xlsxVariants(w, base, { flips: 1, core });
      bombVariants(w, xlsx[0][0]);
      for (const [base, core] of csv) csvVariants(w, base, { junk: 1, core, references });
      const run = await runInChild(
        {
          dbPath: join(tmp.dir, 'store.db'),
          now: NOW,
          previous: { paths: [demo.snapshotDir], asOf: '2025-08-26' },
          bases: [...xlsx, ...csv].map(([b]) => b),
          references,
          variants: w.variants,
        },
        tmp.dir,
      );
      judge(run, 40, 'demo exports', performance.now() - t0);
    } finally {
      tmp.cleanup();
    }
  }, 300_000);
});
