// The plan worker and the planner change PO drafts at the same time, on two connections to the same file (as the
// worker thread and the main thread do). The worker reads the drafts, decides which ones the ERP now has, and closes
// them; in between the planner edits drafts. Both changes must survive, and a draft the planner changed in the
// meantime is not closed on the strength of what it was before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanningData } from '../../../src/shared/domain/entities';
import { closeDraftsTheErpHas } from '../../../src/main/services/jobs/computePlan';
import { openStore, type Db } from '../../../src/main/store/db';
import { closePoDrafts, getPoDraft, listPoDrafts, listPoDraftsWithRevision, putPoDraft, updatePoDraft } from '../../../src/main/store/poDrafts';
import type { PoDraft } from '../../../src/shared/domain/poDraft';
import { policyDefaults } from '../../../src/shared/policy';
import { tempDir } from '../../support/tempDb';

let tmp: ReturnType<typeof tempDir>;
let worker: Db;
let planner: Db;
beforeEach(() => {
  tmp = tempDir('bkp-drafts-');
  planner = openStore(tmp.dbPath);
  worker = openStore(tmp.dbPath);
});
afterEach(() => {
  worker.close();
  planner.close();
  tmp.cleanup();
});

const draft = (draftId: string, yarnId: string, qtyLbs: number): PoDraft => ({
  draftId,
  yarnId,
  supplierId: 'S1',
  qtyLbs,
  receiptDate: '2025-09-22',
  releaseDate: '2025-09-01',
  status: 'accepted',
});

/** The ERP's data as the worker loaded it: one supplier, and a real PO for each of yarns 739 and 4001. */
const erp: Pick<PlanningData, 'suppliers' | 'yarnPos'> = {
  suppliers: [{ supplierId: 'S1', name: 'LYCRA', leadTimeAsExported: 2, moqLbs: 100, supplierType: 'Domestic', retired: false }],
  yarnPos: [
    { poNumber: 'P739', yarnId: '739', qtyLbs: 1000, orderedAt: '2025-09-03', supplier: 'LYCRA' },
    { poNumber: 'P4001', yarnId: '4001', qtyLbs: 2000, orderedAt: '2025-09-04', supplier: 'LYCRA' },
  ].map((p) => ({
    ...p,
    status: 'Open',
    requestedDate: null,
    quotedDate: null,
    balanceLbs: p.qtyLbs,
    size: null,
    yarnType: null,
    color: null,
    description: null,
    costPerLb: null,
    totalCostUsd: null,
  })),
};

describe('closing drafts the ERP has while the planner edits drafts', () => {
  it('keeps the planner edit made between the worker reading the drafts and closing them', () => {
    putPoDraft(planner, draft('D739', '739', 1000), '2025-09-05T08:00:00');
    putPoDraft(planner, draft('D1571', '1571', 500), '2025-09-05T08:00:00');
    putPoDraft(planner, draft('D4001', '4001', 2000), '2025-09-05T08:00:00');

    // The worker reads the drafts as its plan run starts.
    const read = listPoDraftsWithRevision(worker);
    expect(read.map((r) => r.draft.draftId)).toEqual(['D739', 'D1571', 'D4001']);

    // Meanwhile, on the main thread: the planner edits a draft the ERP does not have, and cuts the 4001 draft to
    // 600 lbs (the ERP's 2,000 lbs PO no longer matches it).
    updatePoDraft(planner, 'D1571', (d) => ({ ...d, qtyLbs: 800, status: 'edited' }), '2025-09-05T08:00:01');
    updatePoDraft(planner, 'D4001', (d) => ({ ...d, qtyLbs: 600, status: 'edited' }), '2025-09-05T08:00:02');

    // The worker closes what it decided on from what it read.
    const now = closeDraftsTheErpHas(worker, erp, read, [], policyDefaults, '2025-09-05T08:00:03');

    expect(getPoDraft(planner, 'D739')).toMatchObject({ status: 'closed', erpPoNumber: 'P739', qtyLbs: 1000 });
    expect(getPoDraft(planner, 'D1571')).toMatchObject({ status: 'edited', qtyLbs: 800 });
    expect(getPoDraft(planner, 'D4001')).toMatchObject({ status: 'edited', qtyLbs: 600 });
    expect(getPoDraft(planner, 'D4001')!.erpPoNumber).toBeUndefined();
    // What the worker plans with is the table as it is now, the planner's edits included.
    expect(now).toEqual(listPoDrafts(planner));

    // The plan the planner's edit started reads the edited draft and decides again: 600 lbs is not the ERP's 2,000.
    closeDraftsTheErpHas(worker, erp, listPoDraftsWithRevision(worker), [], policyDefaults, '2025-09-05T08:00:04');
    expect(getPoDraft(planner, 'D4001')).toMatchObject({ status: 'edited', qtyLbs: 600 });
  });

  it('changes only the rows it closes (their revision), never the others', () => {
    putPoDraft(planner, draft('D739', '739', 1000), '2025-09-05T08:00:00');
    putPoDraft(planner, draft('D1571', '1571', 500), '2025-09-05T08:00:00');
    const before = planner.prepare('SELECT draft_id, revision, updated_at FROM po_draft ORDER BY id').all();

    closeDraftsTheErpHas(worker, erp, listPoDraftsWithRevision(worker), [], policyDefaults, '2025-09-05T09:00:00');

    expect(planner.prepare('SELECT draft_id, revision, updated_at FROM po_draft ORDER BY id').all()).toEqual([
      { draft_id: 'D739', revision: 2, updated_at: '2025-09-05T09:00:00' },
      (before as unknown[])[1],
    ]);
  });

  it('leaves a draft the planner rejected in the meantime rejected', () => {
    putPoDraft(planner, draft('D739', '739', 1000), '2025-09-05T08:00:00');
    const read = listPoDraftsWithRevision(worker);
    updatePoDraft(planner, 'D739', (d) => ({ ...d, status: 'rejected' }), '2025-09-05T08:00:01');
    closeDraftsTheErpHas(worker, erp, read, [], policyDefaults, '2025-09-05T08:00:02');
    expect(getPoDraft(planner, 'D739')).toMatchObject({ status: 'rejected' });
    expect(getPoDraft(planner, 'D739')!.erpPoNumber).toBeUndefined();
  });

  it('closes a draft only while it is accepted or edited, and only at the revision given', () => {
    putPoDraft(planner, draft('D1', '739', 1000), '2025-09-05T08:00:00');
    putPoDraft(planner, { ...draft('D2', '739', 1000), status: 'rejected' }, '2025-09-05T08:00:00');
    putPoDraft(planner, { ...draft('D3', '739', 1000), status: 'proposed' }, '2025-09-05T08:00:00');
    const changes = closePoDrafts(
      worker,
      [
        { draftId: 'D1', revision: 2, erpPoNumber: 'P1' },
        { draftId: 'D2', revision: 1, erpPoNumber: 'P2' },
        { draftId: 'D3', revision: 1, erpPoNumber: 'P3' },
        { draftId: 'D1', revision: 1, erpPoNumber: 'P4' },
      ],
      '2025-09-05T09:00:00',
    );
    expect(changes).toEqual([
      { table: 'po_draft', key: 'D1', before: draft('D1', '739', 1000), after: { ...draft('D1', '739', 1000), status: 'closed', erpPoNumber: 'P4' } },
    ]);
    expect(listPoDrafts(planner).map((d) => `${d.draftId} ${d.status}`)).toEqual(['D1 closed', 'D2 rejected', 'D3 proposed']);
  });
});
