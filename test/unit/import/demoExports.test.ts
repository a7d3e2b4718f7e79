// The generated demo exports (src/main/demo) must import cleanly: same shapes as the real ERP files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateErpExports } from '../../../src/main/demo';
import { importFiles, type ImportOutcome } from '../../../src/main/services/jobs/importFiles';
import { openStore, type Db } from '../../../src/main/store/db';
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
    for (const t of ['yarn_inventory', 'knit_orders', 'sales_orders', 'bom', 'machines', 'expected_receipts', 'erp_style_ko_demand']) expect(types).toContain(t);
    const rowsRejected = out.report.files.reduce((s, f) => s + f.rowsRejected, 0);
    const rowsAccepted = out.report.files.reduce((s, f) => s + f.rowsAccepted, 0);
    expect(rowsRejected / rowsAccepted).toBeLessThan(0.001);
  });
});
