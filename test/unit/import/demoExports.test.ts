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
