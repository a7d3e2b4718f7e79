// Jobs in real worker threads (the built worker script): progress, failure with a clear message, cancellation.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobState } from '../../../src/shared/contract';
import { openStore } from '../../../src/main/store/db';
import { listSnapshots } from '../../../src/main/store/snapshots';
import { JobHost } from '../../../src/main/workers/jobHost';
import { RESIDENT_JOB_KINDS } from '../../../src/main/services/jobs/registry';
import { tempDir } from '../../support/tempDb';

const WORKER = join(__dirname, '../../../out/main/worker.js');
const built = existsSync(WORKER);
if (!built) console.warn('worker-thread tests skipped: the app is not built (npm run build)');

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// each case with a worker per job, and with the app's resident worker (one thread running the jobs in turn)
describe.skipIf(!built).each([
  ['a worker per job', undefined],
  ['the resident worker', RESIDENT_JOB_KINDS],
])('job host with worker threads: %s', (_name, residentKinds) => {
  it('fails an import of a corrupt file with a message naming the file, writing nothing', async () => {
    const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'worker', workerScript: WORKER, residentKinds });
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
    const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'worker', workerScript: WORKER, residentKinds });
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
    const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'worker', workerScript: WORKER, residentKinds });
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

describe.skipIf(!built)('the resident worker', () => {
  it('runs its jobs in one thread, one after another, and a job after a crash in a new one', async () => {
    const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'worker', workerScript: WORKER, residentKinds: RESIDENT_JOB_KINDS });
    const ids = [1, 2, 3].map((n) => jobs.start('plan', { snapshotId: 100 + n }));
    const states = await Promise.all(ids.map((id) => jobs.wait(id)));
    expect(states.map((s) => s.error)).toEqual(['snapshot 101 does not exist', 'snapshot 102 does not exist', 'snapshot 103 does not exist']);
    // a job that ends the thread fails with the reason; the next job gets a new resident worker
    const resident = (jobs as unknown as { resident: { worker: { terminate(): Promise<number> } } }).resident;
    const running = jobs.start('plan', { snapshotId: 104 });
    await resident.worker.terminate();
    expect((await jobs.wait(running)).error).toMatch(/worker exited|does not exist/);
    expect((await jobs.wait(jobs.start('plan', { snapshotId: 105 }))).error).toBe('snapshot 105 does not exist');
    await jobs.close();
  });
});
