// One risk band per yarn: the Yarn page's band (the yarn position) and the yarn alert's severity are the same rule
// on the same figures, for every yarn with a position — also for a yarn no knit order uses (no projection), and
// with the planner's accepted PO drafts counted. Through the import and the plan run on the tiny exports.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { runJob } from '../../../src/main/services/jobs/registry';
import { planAlerts } from '../../../src/main/services/views/alerts';
import { ALL_PLAN_SECTIONS, readPlanOf } from '../../../src/main/services/jobs/planSections';
import { putPoDraft } from '../../../src/main/store/poDrafts';
import { JobHost } from '../../../src/main/workers/jobHost';
import { tempDir } from '../../support/tempDb';
import { TINY_BOM_CSV, TINY_YARN_INVENTORY_CSV } from '../../support/tinyExports';

// Yarn 2000: in no BOM, planning balance -1,500 lbs (allocated to an order of a style the BOM does not know).
const INVENTORY = `${TINY_YARN_INVENTORY_CSV}2000,CFAB,LYCRA,1/20 Lycra,Clear,0,,0,,0,,0,-1500,-1500,Never,$4.00 ,$0.00\n`;

const tmp = tempDir('bkp-risk-');
let planner: Planner;
let snapshotId: number;

beforeAll(async () => {
  const dir = join(tmp.dir, 'data');
  mkdirSync(dir);
  writeFileSync(join(dir, 'yarn_inventory.csv'), INVENTORY);
  writeFileSync(join(dir, 'bom.csv'), TINY_BOM_CSV);
  const clock = () => '2025-09-02T08:00:00';
  planner = createPlanner({
    dbPath: tmp.dbPath,
    shell: 'test',
    jobs: new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob, clock }),
    autoRun: false,
    clock,
  });
  const state = await planner.jobs.wait((await planner.handlers['import.start']({ paths: [dir], asOf: '2025-09-02' })).jobId);
  if (state.status !== 'done') throw new Error(String(state.error));
  snapshotId = (state.result as { snapshotId: number }).snapshotId;
}, 60_000);
afterAll(async () => {
  await planner.close();
  tmp.cleanup();
});

async function bands(): Promise<{ position: Record<string, string>; alert: Record<string, string> }> {
  const state = await planner.jobs.wait((await planner.handlers['plan.run']({ snapshotId })).jobId);
  if (state.status !== 'done') throw new Error(String(state.error));
  const plan = readPlanOf(planner.db, snapshotId, 0, ALL_PLAN_SECTIONS)!;
  const alerts = planAlerts(planner.db, snapshotId, plan).alerts.filter((a) => a.rule === 'yarn-short');
  return {
    position: Object.fromEntries(plan.yarn.positions.map((p) => [p.yarnId, p.risk])),
    alert: Object.fromEntries(alerts.map((a) => [a.key.replace('yarn-short:', ''), a.severity.toUpperCase()])),
  };
}

describe('the risk band of a yarn', () => {
  it('is the same on the Yarn page and in the alerts, for a yarn without a projection too', async () => {
    const { position, alert } = await bands();
    expect(position).toEqual({ '739': 'LOW', '1571': 'MEDIUM', '2000': 'CRITICAL' });
    expect(alert).toEqual({ '1571': 'MEDIUM', '2000': 'CRITICAL' });
  });

  it("counts the planner's accepted PO drafts in both", async () => {
    const draft = { yarnId: '2000', supplierId: null, receiptDate: '2025-09-29', releaseDate: '2025-09-08', status: 'accepted' as const };
    putPoDraft(planner.db, { ...draft, draftId: 'R1', qtyLbs: 1000 }, '2025-09-02T09:00:00');
    putPoDraft(
      planner.db,
      { yarnId: '1571', supplierId: null, receiptDate: '2025-09-29', releaseDate: '2025-09-08', status: 'accepted', draftId: 'R2', qtyLbs: 100 },
      '2025-09-02T09:00:00',
    );
    const { position, alert } = await bands();
    // 2000: -1,500 + 1,000 = -500 (HIGH); 1571: -100 + 100 = 0 (LOW, no alert)
    expect(position).toEqual({ '739': 'LOW', '1571': 'LOW', '2000': 'HIGH' });
    expect(alert).toEqual({ '2000': 'HIGH' });
  });
});
