// One planning calendar per plan run: every area plans the calendar's weeks, and the MRP nets the demand of every week
// it plans (it used to net a 30-week purchasing horizon on the yarn plan's 26 weeks padded with zeros). Through the CLI
// on a hand-made folder: one yarn, no stock, one 800 lb knit order without a knitting rate (so all of it lands in its
// start week) starting in plan week 28 (2026-03-09; the as-of week is 2025-09-01), a one-week supplier, a 30-week
// horizon.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../support/cli';
import { tempDir } from '../../support/tempDb';
import { openStore } from '../../../src/main/store/db';
import { ALL_PLAN_SECTIONS, readPlanOf } from '../../../src/main/services/jobs/planSections';
import type { Plan } from '../../../src/main/services/jobs/computePlan';

const FILES = {
  'yarn_inventory.csv': `Desc#,QS Cust,Supplier,Description,Color,Beginning Balance,Received,Consumed,Adjustments,Theoretical Balance,Misc,On Order,Allocated,Planning Balance,Reconcile Date,Cost/Pound,Total Cost
739,CFAB,Deca,1/40 Lycra,Clear,0,,0,,0,,0,-800,-800,Never,$5.96 ,$0.00
`,
  'knit_orders.csv': `Style #,Order #,Start Date,Quoted Date,Qty Ordered (lbs),G00 (lbs),Shipped (lbs),Balance (lbs),Seconds (lbs),BKI #s,Machine,PO#,Modified
A/1,K1,3/9/2026,,800.0,,,800.0,,,12,,8/28/2025
`,
  'bom.csv': `Style#,Desc#,BOM_Percentage,unit
A/1,739,1,lbs
`,
  'Supplier_ID.csv': `Supplier_ID,Supplier,Lead_time,MOQ,Type
S1,Deca,1,1,Domestic
`,
};

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('bkp-calendar-');
});
afterAll(() => tmp?.cleanup());

async function runWith(name: string, policy: object): Promise<{ grossByWeek: Map<string, number>; suggestedLbs: number; plan: Plan }> {
  const dir = join(tmp.dir, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(FILES)) writeFileSync(join(dir, file), text);
  const policyFile = join(tmp.dir, `${name}.json`);
  writeFileSync(policyFile, JSON.stringify(policy));
  const out = join(tmp.dir, `${name}-out`);
  const run = await plan(['--data', dir, '--as-of', '2025-09-03', '--db', join(tmp.dir, `${name}.db`), '--out', out, '--policy', policyFile]);
  expect(run.code, run.lines.join('\n')).toBe(0);
  const rows = (file: string) =>
    Papa.parse<Record<string, string>>(readFileSync(join(out, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const grossByWeek = new Map<string, number>();
  for (const r of rows('mrp.csv').filter((r) => r.yarnId === '739')) grossByWeek.set(r.weekStart, Number(r.grossLbs));
  const db = openStore(join(tmp.dir, `${name}.db`));
  try {
    const plan = readPlanOf(db, 1, 0, ALL_PLAN_SECTIONS)!;
    return { grossByWeek, suggestedLbs: rows('purchase_suggestions.csv').reduce((s, r) => s + Number(r.qtyLbs), 0), plan };
  } finally {
    db.close();
  }
}

describe('the planning calendar', () => {
  it('lets every area plan the same weeks, and the MRP see the demand of every week it plans (a 30-week horizon)', async () => {
    const { grossByWeek, suggestedLbs, plan } = await runWith('long', { calendar: { horizonWeeks: 30 } });
    expect(grossByWeek.size).toBe(30);
    expect(grossByWeek.get('2026-03-09')).toBe(800);
    expect([...grossByWeek.values()].reduce((a, b) => a + b, 0)).toBe(800);
    // 800 lbs for the order; the suggestion covers it (safety stock may add to it, never less)
    expect(suggestedLbs).toBeGreaterThanOrEqual(800);
    // Every area planned the calendar's 30 weeks.
    expect(plan.calendar.weekStarts).toHaveLength(30);
    expect(plan.calendar.weekStarts.at(-1)).toBe('2026-03-23');
    for (const weeks of [plan.yarn.weeks, plan.purchasing.weekStarts, plan.load.weekStarts]) expect(weeks).toEqual(plan.calendar.weekStarts);
    expect(plan.yarn.projection.find((p) => p.yarnId === '739')!.demand.weeklyLbs[27]).toBe(800);
  }, 60_000);
});
