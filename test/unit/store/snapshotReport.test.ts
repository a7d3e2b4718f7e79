// The import report as the dashboard and alerts read it (store/snapshots.ts getSnapshotReport): parsed and checked
// once per stored text, and read again when the stored text changes; a broken report is still refused.
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/store/db';
import { getSnapshotReport, insertSnapshot, setSnapshotReport } from '../../../src/main/store/snapshots';
import type { ImportReport } from '../../../src/shared/importReport';
import { tempDir } from '../../support/tempDb';

const tmp = tempDir('bkp-snapshot-report-');
const db = openStore(tmp.dbPath);
afterAll(() => {
  db.close();
  tmp.cleanup();
});

const report = (durationMs: number): ImportReport => ({
  status: 'imported',
  snapshotId: 1,
  kind: 'import',
  asOf: '2025-09-02',
  asOfSource: 'files',
  asOfEvidence: [],
  asOfInferred: null,
  asOfConflicts: [],
  futureRecords: [],
  label: 'ERP exports as of 2025-09-02',
  source: '/data',
  contentHash: 'h',
  startedAt: '2025-09-02T08:00:00.000Z',
  durationMs,
  errors: [],
  files: [],
  entityCounts: { knitOrders: 3 },
  warnings: [],
});

describe('the import report of a snapshot', () => {
  const id = insertSnapshot(db, { asOf: '2025-09-02', label: 'x', kind: 'import', source: '/data', contentHash: 'h', createdAt: 'now' });

  it('is checked once per stored text and read again when the text changes', () => {
    setSnapshotReport(db, id, report(10));
    const first = getSnapshotReport(db, id);
    expect(first?.durationMs).toBe(10);
    expect(getSnapshotReport(db, id)).toBe(first);
    setSnapshotReport(db, id, report(20));
    expect(getSnapshotReport(db, id)?.durationMs).toBe(20);
    expect(getSnapshotReport(db, id + 1)).toBeUndefined();
  });

  it('still refuses a stored report that breaks its schema, every time it is read', () => {
    setSnapshotReport(db, id, { ...report(30), status: 'sideways' });
    expect(() => getSnapshotReport(db, id)).toThrow(/does not read as one: status/);
    expect(() => getSnapshotReport(db, id)).toThrow(/does not read as one: status/);
  });
});
