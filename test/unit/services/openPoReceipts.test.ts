// Issue 11, item 7: an open PO exported in YarnPO, without the Expected_Yarn_Report, is a scheduled receipt at its
// Requested date; with both files it counts once. Through the CLI on a hand-made folder: one yarn, no stock, one
// 800 lb knit order in the week of 9-22, a 600 lb open PO requested for the week of 9-8, a one-week supplier.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPoDue, withOpenPoReceipts } from '../../../src/shared/domain/openPoReceipts';
import type { ExpectedPo, YarnPo } from '../../../src/shared/domain/entities';
import { plan } from '../../support/cli';
import { tempDir } from '../../support/tempDb';

const BASE = {
  'yarn_inventory.csv': `Desc#,QS Cust,Supplier,Description,Color,Beginning Balance,Received,Consumed,Adjustments,Theoretical Balance,Misc,On Order,Allocated,Planning Balance,Reconcile Date,Cost/Pound,Total Cost
739,CFAB,Deca,1/40 Lycra,Clear,0,,0,,0,,600,-800,-200,Never,$5.96 ,$0.00
`,
  'knit_orders.csv': `Style #,Order #,Start Date,Quoted Date,Qty Ordered (lbs),G00 (lbs),Shipped (lbs),Balance (lbs),Seconds (lbs),BKI #s,Machine,PO#,Modified
A/1,K1,9/22/2025,,800.0,,,800.0,,,12,,8/28/2025
`,
  'bom.csv': `Style#,Desc#,BOM_Percentage,unit
A/1,739,1,lbs
`,
  'Supplier_ID.csv': `Supplier_ID,Supplier,Lead_time,MOQ,Type
S1,Deca,1,1,Domestic
`,
};
const YARN_PO = `PO#,Status,Desc#,Ordered,Requested,Quoted,Qty,Balance,Supplier,Size,Type,Color,Description,$/lb,Total $
Y1,Open,739,8/1/2025,9/8/2025,,600,600,DECA,1/40,Lycra,Clear,1/40 Lycra,5.96,3576
`;
const EXPECTED = `PO Date,PO #,Purchased From,Desc,Price,INVEN,PO Order Amt,Rec'd,PO Bal,Unscheduled or Past Due,This Week,9/12/2025,9/19/2025,Later
8/1/2025,Y1,Deca,739,$5.96 ,0,600,0,600,0,,600,,
`;

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('bkp-openpo-');
});
afterAll(() => tmp?.cleanup());

async function suggestedLbs(name: string, extra: Record<string, string>): Promise<{ suggested: number; receipts: number; onOrder: number }> {
  const dir = join(tmp.dir, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries({ ...BASE, ...extra })) writeFileSync(join(dir, file), text);
  const out = join(tmp.dir, `${name}-out`);
  const run = await plan(['--data', dir, '--as-of', '2025-09-03', '--db', join(tmp.dir, `${name}.db`), '--out', out]);
  expect(run.code, run.lines.join('\n')).toBe(0);
  const rows = (file: string) =>
    Papa.parse<Record<string, string>>(readFileSync(join(out, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
  return {
    suggested: rows('purchase_suggestions.csv').reduce((s, r) => s + Number(r.qtyLbs), 0),
    receipts: Number(rows('yarn_demand.csv').find((r) => r.Yarn === '739')!['Total Receipt']),
    onOrder: Number(rows('yarn_position.csv').find((r) => r.yarnId === '739')!.onOrderLbs),
  };
}

describe('open POs without the Expected report', () => {
  it('count as receipts in the projection and the MRP, once when both files are there', async () => {
    const none = await suggestedLbs('none', {});
    const po = await suggestedLbs('po', { 'YarnPO.csv': YARN_PO });
    const both = await suggestedLbs('both', { 'YarnPO.csv': YARN_PO, 'Expected.csv': EXPECTED });
    // the position reads On Order from yarn_inventory in every case
    expect([none.onOrder, po.onOrder, both.onOrder]).toEqual([600, 600, 600]);
    expect([none.receipts, po.receipts, both.receipts]).toEqual([0, 600, 600]);
    // 800 lbs for the order (+ 62 lbs of safety stock) without the PO; 600 less with it, counted once
    expect([none.suggested, po.suggested, both.suggested]).toEqual([862, 262, 262]);
  }, 60_000);
});

describe('the due date of an open PO', () => {
  const po = (requestedDate: string | null, quotedDate: string | null) => ({ requestedDate, quotedDate });
  it('is Requested, else Quoted; past due before the as-of week or without either', () => {
    expect(openPoDue(po('2025-09-10', '2025-10-01'), '2025-09-03')).toEqual({ bucket: 'week', weekStart: '2025-09-08', basis: 'requested' });
    expect(openPoDue(po(null, '2025-10-01'), '2025-09-03')).toEqual({ bucket: 'week', weekStart: '2025-09-29', basis: 'quoted' });
    // Monday 9-1 is in the as-of week: this week, not past due
    expect(openPoDue(po('2025-09-01', null), '2025-09-03')).toEqual({ bucket: 'week', weekStart: '2025-09-01', basis: 'requested' });
    expect(openPoDue(po('2025-08-31', null), '2025-09-03')).toEqual({ bucket: 'pastDue', weekStart: null, basis: 'requested' });
    expect(openPoDue(po(null, null), '2025-09-03')).toEqual({ bucket: 'pastDue', weekStart: null, basis: 'undated' });
  });

  it('adds only the open POs the Expected report does not list', () => {
    const yarnPo = (poNumber: string, balanceLbs: number) =>
      ({ poNumber, yarnId: '1', requestedDate: '2025-09-10', quotedDate: null, balanceLbs }) as YarnPo;
    const listed = [{ poNumber: 'Y1', yarnId: '1' }] as ExpectedPo[];
    const scheduled = [{ poNumber: 'Y1', yarnId: '1', bucket: 'week' as const, weekStart: '2025-09-15', qtyLbs: 100 }];
    const receipts = withOpenPoReceipts(scheduled, listed, [yarnPo('Y1', 100), yarnPo('Y2', 50), yarnPo('Y3', 0)], '2025-09-03');
    expect(receipts).toEqual([...scheduled, { poNumber: 'Y2', yarnId: '1', bucket: 'week', weekStart: '2025-09-08', qtyLbs: 50 }]);
  });
});
