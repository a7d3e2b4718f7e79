// Issue 11 on generated demo folders (runs without ../shared): the CLI, the import API (`import.start` /
// `import.inspect` as the Imports page calls them) and every way of giving a folder mean the same date and data.
// Two ERP weeks are generated into one history folder: master/ + snapshots/2025-08-27 (Wed) + snapshots/2025-09-03 (Wed).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../src/shared/importReport';
import { generateErpExports } from '../../../src/main/demo';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { JobHost } from '../../../src/main/workers/jobHost';
import { runJob } from '../../../src/main/services/jobs/registry';
import { copyFile, copyFolder, isErpDemandReport, plan } from '../../support/cli';
import { tempDir } from '../../support/tempDb';

const EARLY = '2025-08-27';
const LATE = '2025-09-03';

let tmp: ReturnType<typeof tempDir>;
let root: string;
const snap = (date: string, ...file: string[]) => join(root, 'snapshots', date, ...file);
const report = (out: string) => JSON.parse(readFileSync(join(out, 'import_report.json'), 'utf8')) as ImportReport;
const csv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;

beforeAll(async () => {
  tmp = tempDir('bkp-trust-demo-');
  root = join(tmp.dir, 'erp');
  await generateErpExports({ seed: 11, scale: 1, asOf: EARLY, outDir: root });
  await generateErpExports({ seed: 11, scale: 1, asOf: LATE, outDir: root });
}, 120_000);
afterAll(() => tmp?.cleanup());

function withPlanner<T>(name: string, work: (planner: Planner, jobs: JobHost) => Promise<T>): Promise<T> {
  const dbPath = join(tmp.dir, `${name}.db`);
  const jobs = new JobHost({ dbPath, mode: 'inline', run: runJob });
  const planner = createPlanner({ dbPath, shell: 'test', jobs, autoRun: false });
  return work(planner, jobs).finally(() => planner.close());
}

/** Every file under `dir` as the Imports page uploads it: named by its path from the chosen folder's parent. */
function uploadsOf(dir: string, top: string): { name: string; base64: string }[] {
  const out: { name: string; base64: string }[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push({ name: `${top}/${relative(dir, join(d, e.name))}`, base64: readFileSync(join(d, e.name)).toString('base64') });
    }
  };
  walk(dir);
  return out;
}

describe('input a planner can trust, on generated folders', () => {
  it("1. --as-of is the date of one folder, even without its ERP reports (a Wednesday, not the week's Monday)", async () => {
    const folder = copyFolder(snap(LATE), join(tmp.dir, 'i1'), { drop: isErpDemandReport });
    const out = join(tmp.dir, 'i1-out');
    const run = await plan(['--data', folder, '--as-of', LATE, '--db', join(tmp.dir, 'i1.db'), '--out', out]);
    expect(run.code, run.lines.join('\n')).toBe(0);
    // the files without the reports give the week (Expected_Yarn_Report's dated columns): the given day is in it
    expect(report(out)).toMatchObject({ asOf: LATE, asOfSource: 'caller', asOfInferred: '2025-09-01', asOfConflicts: [] });
    expect(report(out).asOfEvidence).toEqual([expect.objectContaining({ file: 'Expected_Yarn_Report.xlsx', precision: 'week', date: '2025-09-01' })]);
    expect(run.lines).toContain(`as of ${LATE}: the date given (--as-of)`);
  }, 60_000);

  it("2. the exports' run dates in their names win over an earlier ERP week's report; the planner's date over both", async () => {
    const folder = copyFolder(snap(LATE), join(tmp.dir, 'i2'), {
      drop: (n) => isErpDemandReport(n) || n.startsWith('Expected'),
      rename: (n) =>
        n.startsWith('eFab_SO_List') ? 'eFab_SO_List_202509030603.xlsx' : n.startsWith('eFab_') ? n.replace('.xlsx', '_20250903.xlsx') : n,
    });
    copyFile(snap(EARLY, 'Yarn_Demand.xlsx'), folder, 'Yarn_Demand_2025-08-27_0442.xlsx');
    const out = join(tmp.dir, 'i2-out');
    const run = await plan(['--data', folder, '--db', join(tmp.dir, 'i2.db'), '--out', out]);
    expect(run.code, run.lines.join('\n')).toBe(0);
    const r = report(out);
    expect(r).toMatchObject({ asOf: LATE, asOfSource: 'files' });
    expect(r.asOfEvidence).toContainEqual(
      expect.objectContaining({ file: 'eFab_Knit_Orders_20250903.xlsx', precision: 'day', date: LATE, from: 'name' }),
    );
    expect(r.asOfConflicts.join('\n')).toContain('Yarn_Demand_2025-08-27_0442.xlsx is an earlier ERP run');
    // and the conflict is one of the report's planning warnings
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'as_of', message: expect.stringContaining('Yarn_Demand_2025-08-27_0442.xlsx is an earlier ERP run') }),
    );

    const out2 = join(tmp.dir, 'i2-out2');
    expect((await plan(['--data', folder, '--as-of', '2025-09-04', '--db', join(tmp.dir, 'i2b.db'), '--out', out2])).code).toBe(0);
    expect(report(out2)).toMatchObject({ asOf: '2025-09-04', asOfSource: 'caller', asOfInferred: LATE });
  }, 90_000);

  it('3. a history folder is a history on every path: the CLI and the Imports page (uploads through import.inspect/start)', async () => {
    const out = join(tmp.dir, 'i3-out');
    const cli = await plan(['--data', root, '--db', join(tmp.dir, 'i3-cli.db'), '--out', out]);
    expect(cli.code, cli.lines.join('\n')).toBe(0);
    expect(cli.lines.filter((l) => l.startsWith('imported '))).toEqual([
      expect.stringMatching(new RegExp(`^imported master \\+ snapshots/${EARLY} -> snapshot 1 \\(as of ${EARLY}\\)`)),
      expect.stringMatching(new RegExp(`^imported snapshots/${LATE} -> snapshot 2 \\(as of ${LATE}\\)`)),
    ]);
    expect(report(out).snapshotId).toBe(2);
    // in a history the planner's date names the snapshot to plan; a date no snapshot has is refused up front
    const early = await plan(['--data', root, '--as-of', EARLY, '--db', join(tmp.dir, 'i3-cli.db'), '--out', join(tmp.dir, 'i3-early')]);
    expect(early.code, early.lines.join('\n')).toBe(0);
    expect(report(join(tmp.dir, 'i3-early'))).toMatchObject({ snapshotId: 1, asOf: EARLY });
    const none = await plan(['--data', root, '--as-of', '2025-08-30', '--db', join(tmp.dir, 'i3-cli.db'), '--out', join(tmp.dir, 'i3-none')]);
    expect(none.code).toBe(1);
    expect(none.lines[0]).toContain(`no snapshot folder of the history is as of 2025-08-30 (they are ${EARLY}, ${LATE}): nothing imported`);
    // the Imports page: the chosen folder's files uploaded with their paths, inspected, then imported
    await withPlanner('i3-uploads', async (planner, jobs) => {
      const preview = await planner.handlers['import.inspect']({ uploads: uploadsOf(root, 'erp') });
      expect(preview.preview.kind).toBe('history');
      expect(preview.preview.batches.map((b) => [b.label, b.report.asOf, b.report.status])).toEqual([
        [`master + snapshots/${EARLY}`, EARLY, 'preview'],
        [`snapshots/${LATE}`, LATE, 'preview'],
      ]);
      expect(await planner.handlers['snapshots.list']({})).toEqual([]);
      const state = await jobs.wait((await planner.handlers['import.start']({ stageId: preview.stageId! })).jobId);
      expect(state.status, state.error).toBe('done');
      const snapshots = await planner.handlers['snapshots.list']({});
      expect(snapshots.map((s) => s.asOf).sort()).toEqual([EARLY, LATE]);
      expect(planner.activeSnapshotId()).toBe(snapshots.find((s) => s.asOf === LATE)!.id);
    });
  }, 240_000);

  it('3. loose exports of two ERP weeks are refused, before import (inspect) and at import, listing weeks and files', async () => {
    const mixed = copyFolder(snap(LATE), join(tmp.dir, 'i3-mixed'), { drop: (n) => n.startsWith('Expected') });
    copyFile(snap(EARLY, 'Expected_Yarn_Report.xlsx'), mixed);
    await withPlanner('i3-mixed', async (planner, jobs) => {
      const preview = (await planner.handlers['import.inspect']({ uploads: uploadsOf(mixed, 'mixed') })).preview;
      expect(preview.batches).toHaveLength(1);
      const refusal = preview.batches[0].report;
      expect(refusal.status).toBe('failed');
      expect(refusal.errors[0]).toMatch(/different ERP weeks/);
      expect(refusal.errors[0]).toContain('week of 2025-08-25: Expected_Yarn_Report.xlsx');
      expect(refusal.errors[0]).toContain('Yarn_Demand_By_Style_KO.xlsx (2025-09-03, first-week pro-rating of the knit orders (half-day units))');
      const state = await jobs.wait((await planner.handlers['import.start']({ paths: [mixed] })).jobId);
      expect(state.status).toBe('failed');
      expect(state.error).toContain(refusal.errors[0]);
      expect(await planner.handlers['snapshots.list']({})).toEqual([]);
    });
    const cli = await plan(['--data', mixed, '--as-of', LATE, '--db', join(tmp.dir, 'i3-mixed-cli.db'), '--out', join(tmp.dir, 'i3-mixed-out')]);
    expect(cli.code).toBe(1);
    expect(cli.lines[0]).toMatch(/different ERP weeks/);
  }, 120_000);

  it('8. knit orders from the API JSON created after the as-of date are left out; the CLI says so first', async () => {
    const folder = copyFolder(snap(LATE), join(tmp.dir, 'i8'), { drop: (n) => n.startsWith('eFab_Knit_Orders') });
    copyFile(join(root, 'master', 'efab_api_knit_orders.json'), folder);
    const api = JSON.parse(readFileSync(join(folder, 'efab_api_knit_orders.json'), 'utf8')) as {
      serial_number: string;
      created_date: string;
      balance: string;
    }[];
    const late = api.filter((k) => k.created_date.slice(0, 10) > LATE && Number(k.balance) > 0).map((k) => k.serial_number);
    expect(late.length).toBeGreaterThan(0);
    const out = join(tmp.dir, 'i8-out');
    const run = await plan(['--data', folder, '--as-of', LATE, '--db', join(tmp.dir, 'i8.db'), '--out', out]);
    expect(run.code, run.lines.join('\n')).toBe(0);
    const leftOut = api.filter((k) => k.created_date.slice(0, 10) > LATE).length;
    expect(run.lines[0]).toMatch(
      new RegExp(
        `^notice: snapshot 1 \\(as of ${LATE}\\) holds records dated after its as-of date: .*efab_api_knit_orders.json \\(\\d+ knit orders, ${leftOut} created after it left out\\)`,
      ),
    );
    const scheduled = new Set(csv(join(out, 'schedule.csv')).map((r) => r.order_no));
    expect(scheduled.size).toBeGreaterThan(50);
    for (const ko of late) expect(scheduled.has(ko), ko).toBe(false);
    // the same snapshot through the API: its banner data
    await withPlanner('i8-api', async (planner, jobs) => {
      await jobs.wait((await planner.handlers['import.start']({ paths: [folder], asOf: LATE })).jobId);
      const [s] = await planner.handlers['snapshots.list']({});
      expect(s.futureRecords).toContainEqual(expect.objectContaining({ file: 'efab_api_knit_orders.json', leftOut, usedByPlan: true }));
    });
  }, 120_000);
});
