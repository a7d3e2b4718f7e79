// Diagnostics: every job that ends is recorded (kind, start, duration, outcome, the failure's message), the newest
// 500 kept; the support bundle holds the logs, import reports, settings and app info — planner rows only when asked
// (opened and searched here); the log file rotates by size.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput, Result } from '../../../src/shared/contract';
import { bundleManifestSchema } from '../../../src/shared/diagnostics';
import { readZip } from '../../../src/main/import/readers/zip';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { dispatch } from '../../../src/main/services/contract/dispatch';
import { withJobRunRecord } from '../../../src/main/services/jobs/jobRunLog';
import { runJob } from '../../../src/main/services/jobs/registry';
import { LogFile, logFileFor } from '../../../src/main/services/logFile';
import { openStore } from '../../../src/main/store/db';
import { JOB_RUNS_KEPT, listJobRuns, recordJobRun } from '../../../src/main/store/jobRuns';
import { insertSnapshot } from '../../../src/main/store/snapshots';
import { putPin } from '../../../src/main/store/schedulePins';
import { putRateOverride } from '../../../src/main/store/styleOverrides';
import { JobCancelled } from '../../../src/main/workers/jobContext';
import { JobHost } from '../../../src/main/workers/jobHost';
import { PLANNER_DATA_TABLES } from '../../../src/main/services/outputs/diagnostics';
import { PLANNER_TABLES_SQL } from '../../../src/main/store/plannerDataMigration';
import { tempDir } from '../../support/tempDb';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('bkp-diagnostics-');
});
afterEach(() => tmp.cleanup());

const ctx = () => ({ dbPath: tmp.dbPath, now: '2026-12-07T10:00:00.000Z', progress: () => {}, isCancelled: () => false });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('job_run', () => {
  it('records a job that went through and one that failed, each with its duration', async () => {
    openStore(tmp.dbPath).close();
    const before = new Date().toISOString();
    await withJobRunRecord('plan', { snapshotId: 4 }, ctx(), async () => {
      await sleep(60);
      return { snapshotId: 4, scenarioId: 0, timingsMs: {} };
    });
    await expect(
      withJobRunRecord('import', {}, ctx(), async () => {
        await sleep(30);
        throw new Error('Yarn_Inventory.xlsx row 12: Planning_Balance is not a number');
      }),
    ).rejects.toThrow('row 12');
    await expect(withJobRunRecord('forecast', {}, ctx(), async () => Promise.reject(new JobCancelled()))).rejects.toThrow();
    const db = openStore(tmp.dbPath);
    const [cancelled, failed, ok] = listJobRuns(db);
    db.close();
    expect(ok).toMatchObject({ kind: 'plan', outcome: 'ok', message: '', snapshotId: 4 });
    expect(ok.startedAt >= before && ok.startedAt <= new Date().toISOString(), ok.startedAt).toBe(true);
    expect(ok.durationMs).toBeGreaterThanOrEqual(55);
    expect(ok.durationMs).toBeLessThan(5000);
    expect(failed).toMatchObject({
      kind: 'import',
      outcome: 'failed',
      message: 'Yarn_Inventory.xlsx row 12: Planning_Balance is not a number',
      snapshotId: null,
    });
    expect(failed.durationMs).toBeGreaterThanOrEqual(25);
    expect(cancelled).toMatchObject({ kind: 'forecast', outcome: 'cancelled' });
  });

  it('is written by the job registry, through the job host, and failures reach the log file', async () => {
    const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob });
    const planner = createPlanner({ dbPath: tmp.dbPath, shell: 'test', jobs, autoRun: false });
    try {
      const state = await jobs.wait(jobs.start('plan', { snapshotId: 999 }));
      expect(state.status).toBe('failed');
      const info = (await dispatch(planner.handlers, 'diagnostics.info', {})) as Result<ChannelOutput<'diagnostics.info'>>;
      if (!info.ok) throw new Error(info.error.message);
      expect(info.data.planRuns).toEqual([expect.objectContaining({ kind: 'plan', outcome: 'failed', message: state.error, snapshotId: 999 })]);
      expect(info.data.failures).toHaveLength(1);
      expect(info.data.schemaVersion).toBe(info.data.latestSchemaVersion);
      expect(info.data.dbSizeBytes).toBe(statSync(tmp.dbPath).size + (existsSync(`${tmp.dbPath}-wal`) ? statSync(`${tmp.dbPath}-wal`).size : 0));
      expect(info.data.logFile).toBe(join(tmp.dir, 'logs', 'planner.log'));
      expect(readFileSync(info.data.logFile, 'utf8')).toContain(`ERROR plan job ${state.jobId} failed: ${state.error}`);
    } finally {
      await planner.close();
    }
  });

  it(`keeps the newest ${JOB_RUNS_KEPT}`, () => {
    const db = openStore(tmp.dbPath);
    for (let i = 0; i < JOB_RUNS_KEPT + 5; i++)
      recordJobRun(db, { kind: 'plan', startedAt: `run ${i}`, durationMs: i, outcome: 'ok', message: '', snapshotId: null });
    const runs = listJobRuns(db, { limit: 10_000 });
    const stored = (db.prepare('SELECT COUNT(*) AS n FROM job_run').get() as { n: number }).n;
    db.close();
    expect(stored).toBe(JOB_RUNS_KEPT);
    expect(runs).toHaveLength(JOB_RUNS_KEPT);
    expect(runs[0].startedAt).toBe(`run ${JOB_RUNS_KEPT + 4}`);
    expect(runs.at(-1)!.startedAt).toBe('run 5');
  });
});

describe('support bundle', () => {
  let planner: Planner;
  const RATE_NOTE = 'rate-note-marker-7731';
  const PIN_ORDER = 'KO-MARKER-4417';
  const ACK_NOTE = 'ack-note-marker-5521';
  beforeEach(async () => {
    planner = createPlanner({ dbPath: tmp.dbPath, shell: 'test', jobs: new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob }) });
    // through the contract: an acknowledgement, and the action log's entry for it
    expect(await dispatch(planner.handlers, 'alerts.ack', { key: 'yarn-short:ACK-MARKER', note: ACK_NOTE })).toMatchObject({ ok: true });
    putRateOverride(planner.db, { style: 'STYLE-X', lbsPerDay: 123, asOf: '2026-12-01', note: RATE_NOTE }, '2026-12-07T09:00:00Z');
    putPin(planner.db, { orderNo: PIN_ORDER, machineId: 'M-1' }, '2026-12-07T09:00:00Z');
    insertSnapshot(planner.db, { asOf: '2026-12-01', label: 'test', kind: 'import', source: 'x', contentHash: 'h', createdAt: '2026-12-07' });
    logFileFor(tmp.dbPath).warn('a warning for the bundle');
    planner.db
      .prepare("INSERT INTO setting (key, value_json, updated_at) VALUES ('legacy.oldDrafts', ?, 'x')")
      .run(JSON.stringify(['legacy-marker-9902']));
  });
  afterEach(async () => planner.close());

  const bundle = async (includePlannerData: boolean) => {
    const r = (await dispatch(planner.handlers, 'diagnostics.bundle', { includePlannerData })) as Result<ChannelOutput<'diagnostics.bundle'>>;
    if (!r.ok) throw new Error(r.error.message);
    const entries = readZip(Buffer.from(r.data.base64, 'base64'));
    const text = new Map([...entries].map(([name, e]) => [name, e.read().toString('utf8')]));
    const manifest = bundleManifestSchema.parse(JSON.parse(text.get('manifest.json')!));
    return { r: r.data, text, manifest };
  };

  it('without the box holds the log, settings, policy and app info, and no planner row', async () => {
    const { r, text, manifest } = await bundle(false);
    expect(r.fileName).toMatch(/^bkp-support-\d{8}-\d{6}\.zip$/);
    expect(manifest.includesPlannerData).toBe(false);
    expect(r.manifest).toEqual(manifest);
    // the manifest lists exactly what the zip holds, with each file's size
    expect(manifest.files.map((f) => f.path).sort()).toEqual([...text.keys()].filter((n) => n !== 'manifest.json').sort());
    for (const f of manifest.files) expect(Buffer.byteLength(text.get(f.path)!)).toBe(f.bytes);
    expect([...text.keys()]).toEqual(
      expect.arrayContaining([
        'app-info.json',
        'logs/planner.log',
        'import-reports/snapshot-1.json',
        'settings/settings.json',
        'settings/policy.json',
      ]),
    );
    expect(JSON.parse(text.get('settings/policy.json')!)).toHaveProperty('yarn');
    expect(text.get('logs/planner.log')).toContain('WARN a warning for the bundle');
    expect(JSON.parse(text.get('import-reports/snapshot-1.json')!)).toMatchObject({ snapshot: { id: 1, asOf: '2026-12-01' } });
    for (const [name, body] of text) {
      expect(name.startsWith('planner-data/'), name).toBe(false);
      for (const marker of [RATE_NOTE, PIN_ORDER, 'legacy-marker-9902', 'ACK-MARKER', ACK_NOTE])
        expect(body.includes(marker), `${marker} in ${name}`).toBe(false);
    }
  });

  it('with the box holds the planner rows', async () => {
    const { text, manifest } = await bundle(true);
    expect(manifest.includesPlannerData).toBe(true);
    expect(JSON.parse(text.get('planner-data/rate_override.json')!)).toEqual([expect.objectContaining({ style: 'STYLE-X', note: RATE_NOTE })]);
    expect(JSON.parse(text.get('planner-data/pin.json')!)).toEqual([expect.objectContaining({ order_no: PIN_ORDER })]);
    expect(text.get('planner-data/legacy-settings.json')).toContain('legacy-marker-9902');
    expect(JSON.parse(text.get('planner-data/alert_ack.json')!)).toEqual([
      expect.objectContaining({ alert_key: 'yarn-short:ACK-MARKER', note: ACK_NOTE }),
    ]);
    expect(text.get('planner-data/action_log.json')).toContain('ACK-MARKER');
  });
});

describe('log file', () => {
  it('rotates by size, keeping the newest files and dropping the oldest', () => {
    const path = join(tmp.dir, 'logs', 'planner.log');
    let n = 0;
    const log = new LogFile(path, { maxBytes: 200, filesKept: 3 }, () => `t${String(n).padStart(3, '0')}`);
    for (n = 0; n < 40; n++) log.warn(`line ${n} ${'x'.repeat(20)}`);
    expect(log.files()).toEqual([path, `${path}.1`, `${path}.2`]);
    expect(existsSync(`${path}.3`)).toBe(false);
    for (const f of log.files()) expect(statSync(f).size).toBeLessThanOrEqual(200);
    const current = readFileSync(path, 'utf8');
    expect(current.trimEnd().split('\n').at(-1)).toBe(`t039 WARN line 39 ${'x'.repeat(20)}`);
    // lines are 36 bytes: 5 per file, so the three files hold the last 11-15 lines and line 0 is gone
    const all = log
      .files()
      .reverse()
      .map((f) => readFileSync(f, 'utf8'))
      .join('');
    expect(all).not.toContain('line 0 ');
    const numbers = [...all.matchAll(/line (\d+) /g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => 40 - numbers.length + i));
    expect(numbers.length).toBeGreaterThanOrEqual(11);
  });
});

describe('the planner data a bundle may hold', () => {
  it('names every planner table (the policy goes in every bundle as settings), so a new one is not left out', () => {
    const plannerTables = [...PLANNER_TABLES_SQL.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]).filter((t) => t !== 'policy_value');
    expect(plannerTables.length).toBeGreaterThan(8);
    expect(plannerTables.filter((t) => !(PLANNER_DATA_TABLES as readonly string[]).includes(t))).toEqual([]);
  });
});
