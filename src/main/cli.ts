// `npm run plan`: the headless twin of the app. Imports ERP exports, runs the plan, writes its reports as CSV.
//   npm run plan -- --data <folder> [--data <folder> ...] [--db <file>] [--out <folder>] [--as-of YYYY-MM-DD]
//                   [--policy <file.json>] [--pdf] [--accept-thin-data]
//                   [--check-style <style> --check-lbs <lbs> --check-start YYYY-MM-DD]
// The --data paths are read as every entry point reads them (import/layout.ts): one batch (one snapshot), or a
// history folder (`master/` + `snapshots/<date>/`, given alone) imported snapshot by snapshot in date order.
// --as-of: the date of the batch, always used (evidence in the files that disagrees is stated in the report); in a
// history, the snapshot to plan. The output starts with the notices: thin data the planner confirmed, and records
// dated after the planned snapshot's as-of date.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isIsoDate, mondayOf } from '../shared/dates';
import type { ImportReport } from '../shared/importReport';
import { parseArgs, single } from './args';
import { availabilityLines, type Availability } from '../shared/availability';
import { dispatch } from './services/contract/dispatch';
import { defaultDbPath } from './paths';
import { createPlanner } from './services/contract/planner';
import { logFileFor } from './services/logFile';
import { writePlanOutputs } from './services/outputs/planOutputs';
import { parsePolicyFile, policyChangeProblems, setPolicyValues } from './services/inputs/policy';
import { plannerSettings } from './services/inputs/plannerSettings';
import { JobHost } from './workers/jobHost';
import { runJob } from './services/jobs/registry';
import { setParseWorkerScript } from './import/parallelRead';
import { forecastSalesOf } from './services/jobs/forecastSales';
import { planningDataOf } from './services/jobs/planContextCache';

const USAGE =
  'usage: npm run plan -- --data <folder|file> [--data ...] [--db <file>] [--out <folder>] [--as-of YYYY-MM-DD] [--policy <file.json>] [--pdf] [--accept-thin-data] [--check-style <style> --check-lbs <lbs> --check-start YYYY-MM-DD]';

export async function runCli(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, ['pdf', 'help', 'accept-thin-data']);
  } catch (err) {
    log(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.flags.has('help')) {
    log(USAGE);
    return 0;
  }
  const data = (args.values.get('data') ?? []).map((p) => resolve(p));
  const asOf = single(args, 'as-of');
  if (!data.length) {
    log(`--data is required\n${USAGE}`);
    return 2;
  }
  if (asOf && !isIsoDate(asOf)) {
    log(`--as-of must be a date as YYYY-MM-DD, got ${asOf}`);
    return 2;
  }
  for (const p of data) {
    if (!existsSync(p)) {
      log(`--data ${p}: no such file or folder`);
      return 2;
    }
  }
  // "Can we make it?": answered after the plan, per yarn
  const check = { style: single(args, 'check-style'), lbs: single(args, 'check-lbs'), start: single(args, 'check-start') };
  const checking = check.style !== undefined || check.lbs !== undefined || check.start !== undefined;
  if (checking && (!check.style || !(Number(check.lbs) > 0) || !check.start || !isIsoDate(check.start))) {
    log('--check-style, --check-lbs and --check-start go together (a style, lbs > 0 and a date as YYYY-MM-DD)');
    return 2;
  }
  const policyPath = single(args, 'policy');
  const policy =
    policyPath &&
    (existsSync(policyPath)
      ? parsePolicyFile(readFileSync(policyPath, 'utf8'), policyPath)
      : { changes: [], problems: [`${policyPath}: no such file`] });
  if (policy && policy.problems.length) {
    log(`--policy ${policyPath}: ${policy.problems.join('; ')}`);
    return 2;
  }
  const dbPath = resolve(single(args, 'db') ?? defaultDbPath());
  const outDir = resolve(single(args, 'out') ?? 'plan-output');
  const jobs = new JobHost({ dbPath, mode: 'inline', run: runJob });
  jobs.on('progress', (s: { kind: string; fraction: number; message: string; status: string }) => {
    if (process.stderr.isTTY && s.status === 'running')
      process.stderr.write(`\r${s.kind} ${Math.round(s.fraction * 100)}% ${s.message}`.padEnd(100).slice(0, 100));
  });
  const logFile = logFileFor(dbPath);
  logFile.info(`cli: plan of ${data.join(', ')} with ${dbPath}`);
  const planner = createPlanner({ dbPath, shell: 'cli', jobs, autoRun: false, logFile });
  const compiledWorker = join(__dirname, 'worker.js');
  // the import (run on this thread) shares the reading of its files with a parse worker
  setParseWorkerScript(existsSync(compiledWorker) ? compiledWorker : undefined);
  // resident: the worker loads the forecast's modules while the import runs
  const forecastJobs = existsSync(compiledWorker)
    ? new JobHost({ dbPath, mode: 'worker', workerScript: compiledWorker, residentKinds: ['forecast'] })
    : jobs;
  try {
    // said after the first line (which is kept for the notice below)
    let policyNote: string | undefined;
    if (policy && policy.changes.length) {
      // Saved like a Settings edit, checked against the rules between keys with the store's current policy.
      const problems = policyChangeProblems(planner.db, policy.changes);
      if (problems.length) {
        log(`--policy ${policyPath}: ${problems.join('; ')}`);
        return 2;
      }
      setPolicyValues(planner.db, policy.changes, new Date().toISOString());
      policyNote = `policy from ${policyPath}: ${policy.changes.map((c) => `${c.area}.${c.key} = ${JSON.stringify(c.value)}`).join(', ')}`;
    }
    const confirmThinData = args.flags.has('accept-thin-data');
    // when each phase ended, in ms since the process started (the log file gets them: `npm run bench` reads them);
    // the forecast, its CSV files included, runs beside the plan from the end of the import
    const phases = new PhaseClock();
    const job = await jobs.wait((await planner.handlers['import.start']({ paths: data, ...(asOf ? { asOf } : {}), confirmThinData })).jobId);
    if (job.status !== 'done') {
      log(`import of ${data.join(', ')} failed: ${job.error ?? job.message}`);
      if (job.result && 'code' in job.result && job.result.code === 'NEEDS_CONFIRMATION') log('pass --accept-thin-data to import it anyway');
      if (policyNote) log(policyNote);
      return 1;
    }
    phases.mark('import');
    const result = job.result;
    if (!result || !('snapshots' in result)) throw new Error(`the import job ended without its result: ${JSON.stringify(result)}`);
    const snapshotId = result.snapshotId;
    // the first lines: what the planner confirmed, and a plan of this date built with records from after it
    for (const s of result.snapshots) {
      const r = await planner.handlers['snapshots.report']({ id: s.snapshotId });
      for (const w of r?.warnings ?? []) if (w.code === 'thin_data') log(`notice: ${w.message}`);
    }
    const report = await planner.handlers['snapshots.report']({ id: snapshotId });
    if (!report) throw new Error(`snapshot ${snapshotId} has no import report`);
    const future = report.futureRecords;
    if (future.length) {
      log(
        `notice: snapshot ${snapshotId} (as of ${report.asOf}) holds records dated after its as-of date: ${future.map((f) => `${f.file} (${f.count} ${f.what}${f.leftOut ? `, ${f.leftOut} created after it left out` : ''})`).join(', ')}`,
      );
      for (const f of future) log(`  ${f.message}`);
    }
    if (policyNote) log(policyNote);
    for (const s of result.snapshots) log(`imported ${s.label} -> snapshot ${s.snapshotId} (as of ${s.asOf}${s.reused ? ', already imported' : ''})`);
    for (const f of result.ignored) log(`not imported (not part of the history folder): ${f}`);
    log(`as of ${report.asOf}: ${asOfOrigin(report)}`);
    for (const c of report.asOfConflicts ?? []) log(`  conflict: ${c}`);
    if (result.snapshots.every((s) => s.kind === 'master')) {
      log('only masters were imported: nothing to plan');
      return 1;
    }
    // The forecast depends on the sales history only: it runs beside the plan (in a worker thread when compiled),
    // or before it when the plan includes the forecast layer.
    // It is handed the sales lines and their styles' bridge answers from the planning data the import left in this
    // thread (the plan starts from it too), and writes its own CSV files as it ends, from memory.
    mkdirSync(outDir, { recursive: true });
    const sales = forecastSalesOf(planningDataOf(planner.db, snapshotId));
    const forecastDone = forecastJobs.wait(forecastJobs.start('forecast', { snapshotId, outDir, sales }));
    void forecastDone.then(() => phases.mark('forecast beside the plan', 'import'));
    if (plannerSettings(planner.db).includeForecastLayer) await forecastDone;
    const { jobId } = await planner.handlers['plan.run']({ snapshotId });
    const plan = await jobs.wait(jobId);
    phases.mark('plan');
    if (plan.status !== 'done') {
      log(`plan run failed: ${plan.error ?? plan.message}`);
      return 1;
    }
    // the plan's files are written while the forecast may still run
    writeFileSync(join(outDir, 'import_report.json'), JSON.stringify(await planner.handlers['snapshots.report']({ id: snapshotId }), null, 2));
    const written = await writePlanOutputs(planner.db, snapshotId, outDir, { pdf: args.flags.has('pdf'), forecast: false });
    phases.mark('plan reports');
    const forecast = await forecastDone;
    const forecastOutputs = forecast.result && 'outputs' in forecast.result ? forecast.result.outputs : undefined;
    if (forecast.status !== 'done') log(`forecast skipped: ${forecast.error ?? forecast.message}`);
    else if (!forecastOutputs) throw new Error(`the forecast job ended without writing its files: ${JSON.stringify(forecast.result)}`);
    else {
      for (const line of forecastOutputs.notes) log(line);
      written.push(...forecastOutputs.files);
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    log(`wrote ${['import_report.json', ...written].join(', ')} to ${outDir}`);
    logFile.info(`cli: ${phases.line()}`);
    if (checking) {
      const answer = await dispatch(planner.handlers, 'availability.check', {
        style: check.style,
        lbs: Number(check.lbs),
        startDate: check.start,
        snapshotId,
      });
      if (!answer.ok) {
        log(`can we make it? ${answer.error.message}`);
        return 1;
      }
      const [head, ...rest] = availabilityLines(answer.data as Availability);
      log(`can we make it? ${head}`);
      for (const line of rest) log(line);
    }
    return 0;
  } finally {
    if (forecastJobs !== jobs) await forecastJobs.close();
    await planner.close();
  }
}

/** When each phase ended and how long it took (ms since the process started, from performance.now()). */
export class PhaseClock {
  private readonly phases: { phase: string; startMs: number; endMs: number }[] = [{ phase: 'start-up', startMs: 0, endMs: performance.now() }];

  /** `phase` ended now; it began when the phase named `after` ended (default: the last one marked). */
  mark(phase: string, after?: string): void {
    const from = after === undefined ? this.phases[this.phases.length - 1] : this.phases.find((p) => p.phase === after);
    this.phases.push({ phase, startMs: from?.endMs ?? 0, endMs: performance.now() });
  }

  /** "phases (ms): start-up 210 (0-210), import 1,480 (210-1,690), ...". */
  line(): string {
    const fmt = (ms: number) => Math.round(ms).toLocaleString('en-US');
    return `phases (ms): ${this.phases.map((p) => `${p.phase} ${fmt(p.endMs - p.startMs)} (${fmt(p.startMs)}-${fmt(p.endMs)})`).join(', ')}`;
  }
}

/** Where the as-of date came from, in one line: the planner, or the files with their evidence. */
function asOfOrigin(report: ImportReport): string {
  if (report.asOfSource === 'caller') return 'the date given (--as-of)';
  const asOf = report.asOf!;
  const used = report.asOfEvidence.filter((e) => (e.precision === 'day' ? e.date === asOf : e.date === mondayOf(asOf)));
  return `from the files: ${used.map((e) => `${e.file} (${e.how})`).join('; ')}`;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`plan failed: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
