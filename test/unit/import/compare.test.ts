import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareSnapshots, diffRows } from '../../../src/main/services/views/snapshotComparison';
import { importFiles } from '../../../src/main/services/jobs/importFiles';
import { openStore, type Db } from '../../../src/main/store/db';
import { tempDir } from '../../support/tempDb';

const INV = 'Desc#,Beginning Balance,Theoretical Balance,Planning Balance,On Order\n';
const KO = 'Style #,Order #,Qty Ordered (lbs),G00 (lbs),Balance (lbs),Machine\n';
const PO = 'PO#,Status,Desc#,Qty,Balance\n';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir('bkp-compare-');
  db = openStore(tmp.dbPath);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

async function snapshot(name: string, asOf: string, files: Record<string, string>): Promise<number> {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return (await importFiles(db, dir, { now: '2025-09-05T00:00:00', asOf })).snapshotId;
}

describe('compareSnapshots', () => {
  it('lists yarns, knit orders and POs added, removed and changed with the changed fields', async () => {
    const a = await snapshot('a', '2025-08-28', {
      'inv.csv': `${INV}1,10,10,10,0\n2,5,5,5,0\n`,
      'ko.csv': `${KO}A/1,K1,100,,100,12\nA/1,K2,50,,50,\n`,
      'po.csv': `${PO}Y1,Open,1,100,100\n`,
    });
    const b = await snapshot('b', '2025-09-02', {
      'inv.csv': `${INV}1,10,8,8,0\n3,1,1,1,0\n`,
      'ko.csv': `${KO}A/1,K1,100,40,60,14\nA/1,K2,50,,50,\nB/1,K3,10,,10,\n`,
      'po.csv': `${PO}Y1,"Open, Partially Received",1,100,60\nY2,Open,3,5,5\n`,
    });
    const c = compareSnapshots(db, a, b);
    expect(c).toMatchObject({ fromAsOf: '2025-08-28', toAsOf: '2025-09-02' });
    expect(c.yarns).toEqual({
      added: ['3'],
      removed: ['2'],
      changed: [
        {
          key: '1',
          changes: [
            { field: 'theoreticalBalanceLbs', from: 10, to: 8 },
            { field: 'planningBalanceLbs', from: 10, to: 8 },
          ],
        },
      ],
      unchanged: 0,
    });
    expect(c.knitOrders.added).toEqual(['K3']);
    expect(c.knitOrders.unchanged).toBe(1);
    expect(c.knitOrders.changed[0].changes.map((x) => x.field)).toEqual(['g00Lbs', 'balanceLbs', 'liveBalanceLbs', 'machine']);
    expect(c.yarnPos.added).toEqual(['Y2']);
    expect(c.yarnPos.changed).toEqual([
      {
        key: 'Y1',
        changes: [
          { field: 'status', from: 'Open', to: 'Open, Partially Received' },
          { field: 'balanceLbs', from: 100, to: 60 },
        ],
      },
    ]);
  });

  it('ignores float noise', () => {
    const d = diffRows([{ k: 'a', v: 0.1 + 0.2 }], [{ k: 'a', v: 0.3 }], (r) => r.k, ['v']);
    expect(d.unchanged).toBe(1);
  });
});
