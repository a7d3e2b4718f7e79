// Jobs in real worker threads (the built worker script): progress, failure with a clear message, cancellation.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobState } from '../../../src/shared/contract';
import { openStore } from '../../../src/main/store/db';
import { listSnapshots } from '../../../src/main/store/snapshots';
import { JobHost } from '../../../src/main/workers/jobHost';
import { tempDir } from '../../support/tempDb';

const WORKER = join(__dirname, '../../../out/main/worker.js');
const built = existsSync(WORKER);
if (!built) console.warn('worker-thread tests skipped: the app is not built (npm run build)');

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe.skipIf(!built)('job host with worker threads', () => {
  it('fails an import of a corrupt file with a message naming the file, writing nothing', async () => {
    const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'worker', workerScript: WORKER });
    const garbage = join(tmp.dir, 'yarn_inventory.xlsx');
    writeFileSync(garbage, Buffer.from('PK\u0003\u0004 truncated zip, not a workbook'));
    const state = await jobs.wait(jobs.start('import', { paths: [garbage], asOf: '2025-09-02' }));
    expect(state.status).toBe('failed');
    expect(state.error).toMatch(/yarn_inventory\.xlsx/);
    expect((state.result as { report: { files: { status: string }[] } }).report.files[0].status).toBe('rejected');
    const db = openStore(tmp.dbPath);
    expect(listSnapshots(db)).toEqual([]);
    db.close();
    await jobs.close();
  });

  it('a job started with the same supersede key cancels the running one', async () => {
    const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'worker', workerScript: WORKER });
    const first = jobs.start('plan', { snapshotId: 1 }, { supersedes: 'plan:1:0' });
    const second = jobs.start('plan', { snapshotId: 1 }, { supersedes: 'plan:1:0' });
    const other = jobs.start('plan', { snapshotId: 2 }, { supersedes: 'plan:2:0' });
    expect((await jobs.wait(first)).status).toBe('cancelled');
    // No snapshot 1 or 2 in this store: the jobs that were not superseded run and fail with the reason.
    expect(await jobs.wait(second)).toMatchObject({ status: 'failed', error: 'snapshot 1 does not exist' });
    expect((await jobs.wait(other)).status).toBe('failed');
    await jobs.close();
  });

  it('reports progress and cancels a running demo load, leaving no snapshot', async () => {
    const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'worker', workerScript: WORKER });
    const seen: JobState[] = [];
    jobs.on('progress', (s: JobState) => seen.push(s));
    const id = jobs.start('demo', { scale: 1, asOf: '2025-09-02' });
    await new Promise<void>((resolve) => {
      const check = (s: JobState) => {
        if (s.jobId === id && s.fraction > 0.4) {
          jobs.off('progress', check);
          resolve();
        }
      };
      jobs.on('progress', check);
    });
    expect(jobs.cancel(id)).toBe(true);
    const state = await jobs.wait(id);
    expect(state.status).toBe('cancelled');
    expect(seen.filter((s) => s.jobId === id).length).toBeGreaterThan(3);
    const db = openStore(tmp.dbPath);
    expect(listSnapshots(db)).toEqual([]);
    db.close();
    await jobs.close();
  });
});
