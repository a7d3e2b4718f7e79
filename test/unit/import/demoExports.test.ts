// The generated demo exports (src/main/demo) must import cleanly: same shapes as the real ERP files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateErpExports } from '../../../src/main/demo';
import { importFiles, type ImportOutcome } from '../../../src/main/services/jobs/importFiles';
import { openStore, type Db } from '../../../src/main/store/db';
import { loadEntity } from '../../../src/main/store/entities';
import { entitySchemas, type EntityKind } from '../../../src/shared/domain/entities';
import { tempDir } from '../../support/tempDb';

describe('generated demo exports', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let out: ImportOutcome;
  beforeAll(async () => {
    tmp = tempDir('bkp-demo-import-');
    db = openStore(tmp.dbPath);
    const g = await generateErpExports({ seed: 11, scale: 1, asOf: '2025-09-02', outDir: tmp.dir });
    out = await importFiles(db, [g.snapshotDir, g.masterDir], { now: '2025-09-05T08:00:00', kind: 'demo' });
  }, 120_000);
  afterAll(() => {
    db?.close();
    tmp?.cleanup();
  });

  it('import without a rejected file, as of the date read from the generated reports', () => {
    expect(out.report.files.filter((f) => f.status === 'rejected').map((f) => `${f.file}: ${f.reason}`)).toEqual([]);
    expect(out.report).toMatchObject({ status: 'imported', kind: 'demo', asOf: '2025-09-02', asOfSource: 'files' });
    const types = new Set(out.report.files.filter((f) => f.status === 'imported').map((f) => f.exportType));
    for (const t of ['yarn_inventory', 'knit_orders', 'sales_orders', 'bom', 'machines', 'expected_receipts', 'erp_style_ko_demand'])
      expect(types).toContain(t);
    const rowsRejected = out.report.files.reduce((s, f) => s + f.rowsRejected, 0);
    const rowsAccepted = out.report.files.reduce((s, f) => s + f.rowsAccepted, 0);
    expect(rowsRejected / rowsAccepted).toBeLessThan(0.001);
  });

  it('read back from the store, every entity row still fits its schema (the store is trusted on load)', () => {
    for (const kind of Object.keys(entitySchemas) as EntityKind[]) {
      const rows = loadEntity(db, out.snapshotId, kind);
      const schema = entitySchemas[kind];
      const broken = rows.map((r, i) => ({ i, parsed: schema.safeParse(r) })).filter((x) => !x.parsed.success);
      expect(broken.map((b) => `${kind} row ${b.i + 1}: ${b.parsed.error?.issues[0].message}`)).toEqual([]);
      if (['yarnInventory', 'suppliers', 'bomLines', 'knitOrders', 'salesOrders', 'expectedReceipts'].includes(kind))
        expect(rows.length, kind).toBeGreaterThan(0);
    }
  });
});

// At scale 100 the generator writes sheets above LARGE_SHEET_ROWS rows as the ERP's Excel-saved CSV copies (xlsx
// writing and reading a 1M-row sheet take minutes); the same data must import from them. Here the limit is lowered
// so that scale 1's big sheets take that path.
describe('generated demo exports with the large sheets as CSV', () => {
  it('import the same entities as the xlsx files', async () => {
    const tmp = tempDir('bkp-demo-csv-');
    const dbs: Db[] = [];
    try {
      const outcomes: ImportOutcome[] = [];
      for (const largeSheetRows of [undefined, 1500]) {
        const dir = `${tmp.dir}/rows-${largeSheetRows ?? 'default'}`;
        const g = await generateErpExports({ seed: 11, scale: 1, asOf: '2025-09-02', outDir: dir, largeSheetRows });
        const db = openStore(`${dir}.db`);
        dbs.push(db);
        outcomes.push(await importFiles(db, [g.snapshotDir, g.masterDir], { now: '2025-09-05T08:00:00', kind: 'demo' }));
      }
      const csvFiles = outcomes[1].report.files.filter((f) => f.status === 'imported' && f.file.endsWith('.csv')).map((f) => f.file);
      for (const name of ['eFab_Inventory_F01.csv', 'eFab_Inventory_G00.csv', 'eFab_Inventory_G02.csv', 'Production Lbs.csv', 'eFab_Styles.csv'])
        expect(csvFiles).toContain(name);
      expect(outcomes[1].report.files.filter((f) => f.status === 'rejected').map((f) => `${f.file}: ${f.reason}`)).toEqual([]);
      expect(outcomes[1].report.entityCounts).toEqual(outcomes[0].report.entityCounts);
      for (const kind of ['fabricRolls', 'styleBridge', 'knitRates'] as EntityKind[]) {
        const [xlsxRows, csvRows] = outcomes.map((o, i) => loadEntity(dbs[i], o.snapshotId, kind));
        expect(csvRows.length, kind).toBeGreaterThan(0);
        expect(csvRows, kind).toEqual(xlsxRows);
      }
    } finally {
      for (const db of dbs) db.close();
      tmp.cleanup();
    }
  }, 240_000);
});
