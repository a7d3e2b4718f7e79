// "Can we make it?" through the contract (availability.check) and the CLI, on a hand-made import whose numbers are
// worked out by hand below.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availabilityLines } from '../../../src/shared/availability';
import { dispatch } from '../../../src/main/services/contract/dispatch';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { runJob } from '../../../src/main/services/jobs/registry';
import { JobHost } from '../../../src/main/workers/jobHost';
import { runCli } from '../../../src/main/cli';
import { tempDir } from '../../support/tempDb';
import { TINY_BOM_CSV } from '../../support/tinyExports';

// As of Fri 2025-09-05 (week of 09-01). Yarn 739: 5,000 lbs on hand; yarn 1571: 1,000 lbs and an open PO of 1,000 lbs
// requested for Mon 2025-10-06. Knit order K1: 1,000 lbs of A/1 (60 % 739, 40 % 1571) starting 2025-09-22, no rate
// known, so it draws all its yarn that week: 739 -> 4,400 from 09-22; 1571 -> 1,000, 600 from 09-22, 1,600 from 10-06.
//
// Check 2,000 lbs of A/1 from 2025-09-08 (all in that week): 1571 needs 800: headroom 200 (09-08, 09-15), -200 (09-22,
// 09-29), 800 from 10-06 -> short by 200 from 09-22. 739 needs 1,200: lowest headroom 4,400 - 1,200 = 3,200.
// Starting 09-15, 09-22 or 09-29 still draws the 800 before the receipt (headroom -200); from 10-06 the headroom is
// 1,600 - 800 = 800: the earliest feasible start is 2025-10-06.
const INVENTORY =
  'Desc#,QS Cust,Supplier,Description,Color,Beginning Balance,Received,Consumed,Adjustments,Theoretical Balance,Misc,On Order,Allocated,Planning Balance,Reconcile Date,Cost/Pound,Total Cost\n' +
  '739,CFAB,LYCRA,1/40 Lycra,Clear,5000,,0,,5000,,0,0,5000,Never,$5.96 ,$0\n' +
  '1571,CFAB,LYCRA,1/70 Lycra,Clear,1000,,0,,1000,,1000,0,2000,Never,$5.92 ,$0\n';
const KNIT_ORDERS =
  'Style #,Order #,Start Date,Quoted Date,Qty Ordered (lbs),G00 (lbs),Shipped (lbs),Balance (lbs),Seconds (lbs),BKI #s,Machine,PO#,Modified\n' +
  'A/1,K1,2025-09-22,2025-09-30,1000,0,0,1000,0,,58,,\n';
const YARN_PO =
  'PO#,Status,Desc#,Ordered,Requested,Quoted,Qty,Balance,Supplier,Size,Type,Color,Description,$/lb,Total $\n' +
  '9001,Open,1571,2025-09-01,2025-10-06,,1000,1000,LYCRA,70/1,Lycra,Clear,1/70 Lycra,5.92,5920\n';

const tmp = tempDir('bkp-availability-');
let planner: Planner;
const files = () =>
  Object.entries({ 'yarn_inventory.csv': INVENTORY, 'bom.csv': TINY_BOM_CSV, 'knit_orders.csv': KNIT_ORDERS, 'yarn_po.csv': YARN_PO }).map(
    ([name, text]) => {
      const path = join(tmp.dir, name);
      writeFileSync(path, text);
      return path;
    },
  );

async function call(channel: string, input: unknown) {
  const r = await dispatch(planner.handlers, channel as 'availability.check', input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as never;
}

beforeAll(async () => {
  planner = createPlanner({
    dbPath: tmp.dbPath,
    shell: 'test',
    jobs: new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob }),
    autoRun: false,
  });
  expect((await planner.jobs.wait((await planner.handlers['import.start']({ paths: files(), asOf: '2025-09-05' })).jobId)).status).toBe('done');
  expect((await planner.jobs.wait((await planner.handlers['plan.run']({})).jobId)).status).toBe('done');
}, 60_000);
afterAll(async () => {
  await planner.close();
  tmp.cleanup();
});

describe('availability.check', () => {
  it('finds 2,000 lbs of A/1 from 2025-09-08 short by 200 lbs of 1571 from 09-22, feasible from 2025-10-06', async () => {
    const a = await call('availability.check', { style: 'A/1', lbs: 2000, startDate: '2025-09-08' });
    expect(a).toMatchObject({
      style: 'A/1',
      status: 'short',
      feasible: false,
      earliestFeasibleStart: '2025-10-06',
      rateLbsPerDay: null,
      thresholdLbs: 0,
    });
    const [y739, y1571] = (a as { yarns: { yarnId: string }[] }).yarns;
    expect(y739).toMatchObject({
      yarnId: '739',
      description: '1/40 Lycra',
      requiredLbs: 1200,
      minHeadroomLbs: 3200,
      shortfallLbs: 0,
      firstShortWeek: null,
      weeks: [{ weekMonday: '2025-09-08', lbs: 1200 }],
    });
    expect(y1571).toMatchObject({ yarnId: '1571', requiredLbs: 800, minHeadroomLbs: -200, shortfallLbs: 200, firstShortWeek: '2025-09-22' });
    expect(availabilityLines(a)[0]).toBe('2,000 lbs of A/1 from 2025-09-08: NOT feasible; earliest feasible start 2025-10-06');
    expect(availabilityLines(a)[3]).toContain(
      'yarn 1571 1/70 Lycra: needs 800 lbs (40 % of the BOM) from the week of 2025-09-08; short by 200 lbs from the week of 2025-09-22',
    );
  });

  it('finds 1,500 lbs from 2025-09-08 feasible with 0 lbs of 1571 to spare', async () => {
    const a = await call('availability.check', { style: 'A/1', lbs: 1500, startDate: '2025-09-08' });
    expect(a).toMatchObject({ status: 'feasible', feasible: true, earliestFeasibleStart: '2025-09-08' });
    expect((a as { yarns: { minHeadroomLbs: number }[] }).yarns.map((y) => y.minHeadroomLbs)).toEqual([3500, 0]);
  });

  it('refuses a style the plan does not know and a bad payload', async () => {
    expect(await dispatch(planner.handlers, 'availability.check', { style: 'ZZ/9', lbs: 10, startDate: '2025-09-08' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('style ZZ/9 is not in the plan') },
    });
    expect(await dispatch(planner.handlers, 'availability.check', { style: 'A/1', lbs: -5, startDate: '2025-09-08' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('npm run plan -- --check-style', () => {
  it('prints the answer per yarn after the plan', async () => {
    const lines: string[] = [];
    const code = await runCli(
      [
        ...files().flatMap((f) => ['--data', f]),
        '--db',
        join(tmp.dir, 'cli.db'),
        '--out',
        join(tmp.dir, 'out'),
        '--as-of',
        '2025-09-05',
        '--check-style',
        'A/1',
        '--check-lbs',
        '2000',
        '--check-start',
        '2025-09-08',
      ],
      (l) => lines.push(l),
    );
    expect(code).toBe(0);
    const at = lines.findIndex((l) => l.startsWith('can we make it? '));
    expect(lines[at]).toBe('can we make it? 2,000 lbs of A/1 from 2025-09-08: NOT feasible; earliest feasible start 2025-10-06');
    expect(lines.slice(at).join('\n')).toContain('yarn 1571 1/70 Lycra: needs 800 lbs');
  }, 60_000);

  it('refuses a check without all three values', async () => {
    const lines: string[] = [];
    expect(await runCli(['--data', tmp.dir, '--check-style', 'A/1', '--check-lbs', '2000'], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toBe('--check-style, --check-lbs and --check-start go together (a style, lbs > 0 and a date as YYYY-MM-DD)');
  });
});
