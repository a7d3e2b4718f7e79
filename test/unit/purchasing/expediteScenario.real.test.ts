// Issue 15 item 4 on the real 2025-09-02 exports, through the scenario path: PO Y2508002 (yarn 18884, 16,000 lbs on
// three receipt lines, 8,000 of them beyond the horizon) moved to 2025-11-17, the earliest week a new order could
// arrive (lead time 70 d). The balance is negative for 9 weeks (lowest -8,192 lbs) and the receipt ends it, so no
// order is suggested: the yarn detail must then show an expedite note naming the PO, not nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/main/services/jobs/computePlan';
import { ALL_PLAN_SECTIONS, readPlanOf } from '../../../src/main/services/jobs/planSections';
import { hasErpData } from '../../support/erpData';
import { importRealHistory, runJob, type RealPlanStore } from '../../support/realPlan';

if (!hasErpData) console.warn('skipped: the real ERP exports (../shared/data/erp) are absent');

describe.skipIf(!hasErpData)('PO Y2508002 moved earlier on the real 2025-09-02 exports', () => {
  let local: RealPlanStore;
  let base: Plan;
  const yarnId = '18884';
  beforeAll(async () => {
    local = await importRealHistory();
    const sid = local.snapshotIds['2025-09-02'];
    await runJob(local.planner, local.planner.handlers['plan.run']({ snapshotId: sid }));
    base = readPlanOf(local.planner.db, sid, 0, ALL_PLAN_SECTIONS)!;
  }, 300_000);
  afterAll(() => local?.cleanup());

  it('the yarn keeps visible expedite advice while its projected balance is negative', async () => {
    const lines = base.receiptLines.filter((r) => r.poNo === 'Y2508002');
    expect(lines.map((l) => [l.yarnId, l.weekStart, l.lbs])).toEqual([
      [yarnId, '2025-10-20', 4000],
      [yarnId, '2025-10-27', 4000],
      [yarnId, null, 8000],
    ]);
    const { handlers } = local.planner;
    const snapshotId = local.snapshotIds['2025-09-02'];
    const s = await handlers['scenarios.create']({ name: 'pull Y2508002 in', snapshotId });
    await handlers['scenarios.addOverride']({ id: s.id, override: { kind: 'poReceipt', poNumber: 'Y2508002', moveToWeek: '2025-11-17' } });
    await runJob(local.planner, handlers['scenarios.plan']({ id: s.id }));

    const plan = readPlanOf(local.planner.db, snapshotId, s.id, ALL_PLAN_SECTIONS)!;
    const item = plan.purchasing.items.find((i) => i.yarnId === yarnId)!;
    const projected = item.weeks.projectedOnHand.map(Math.round);
    expect(projected.filter((v) => v < 0).length).toBe(9);
    expect(Math.min(...projected)).toBe(-8192);
    expect(item.earliestReceiptWeek).toBe(11);
    expect(item.suggestions).toEqual([]);

    const detail = await handlers['view.yarnDetail']({ yarnId, snapshotId, scenarioId: s.id });
    expect(detail.suggestions).toEqual([]);
    expect(detail.expediteNotes).toHaveLength(1);
    const note = detail.expediteNotes[0];
    expect(note).toMatchObject({ firstShortWeek: '2025-09-15', shortWeeks: 9, recoveryWeek: '2025-11-17' });
    expect(Math.round(note.lowestBalanceLbs)).toBe(-8192);
    expect(note.receipts).toEqual([{ poNo: 'Y2508002', weekStart: '2025-11-17', lbs: 16000 }]);
    expect(note.text).toContain('Expedite PO Y2508002 (16000 lbs due 2025-W47)');
    expect(note.text).toContain('short for 9 week(s) from 2025-W38 (lowest -8192 lbs)');
  }, 300_000);
});
