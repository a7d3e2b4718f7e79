// `npm run plan`: the headless twin of the app. Imports ERP exports, runs the plan, writes its reports as CSV.
//   npm run plan -- --data <folder> [--data <folder> ...] [--db <file>] [--out <folder>] [--as-of YYYY-MM-DD]
//                   [--policy <file.json>] [--pdf]
// A folder holding `master/` and `snapshots/<name>/` is imported as history: the masters with the first snapshot (so
// they take its as-of date), then each later snapshot in name order (calibration then learns only from earlier ERP
// reports), and the latest (or --as-of) is planned.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isIsoDate } from '../shared/dates';
import { parseArgs, single } from './args';
import { defaultDbPath } from './paths';
import { createPlanner } from './services/planner';
import { writePlanOutputs } from './services/planOutputs';
import { parsePolicyFile, policyChangeProblems, setPolicyValues } from './services/policy';
import { JobHost } from './workers/jobHost';

const USAGE = 'usage: npm run plan -- --data <folder|file> [--data ...] [--db <file>] [--out <folder>] [--as-of YYYY-MM-DD] [--policy <file.json>] [--pdf]';

/** Batches to import, in order: one per snapshot folder of a history layout, else one batch of everything given. */
export function planBatches(dataPaths: string[]): string[][] {
  const batches: string[][] = [];
  const loose: string[] = [];
  for (const p of dataPaths) {
    const master = join(p, 'master');
    const snapshots = join(p, 'snapshots');
    if (existsSync(master) && existsSync(snapshots) && statSync(snapshots).isDirectory()) {
      const dirs = readdirSync(snapshots)
        .sort()
        .map((name) => join(snapshots, name))
        .filter((dir) => statSync(dir).isDirectory());
      if (!dirs.length) batches.push([master]);
      dirs.forEach((dir, i) => batches.push(i === 0 ? [master, dir] : [dir]));
    } else loose.push(p);
  }
  if (loose.length) batches.push(loose);
  return batches;
}

export async function runCli(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, ['pdf', 'help']);
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
  const policyPath = single(args, 'policy');
  const policy = policyPath && (existsSync(policyPath) ? parsePolicyFile(readFileSync(policyPath, 'utf8'), policyPath) : { changes: [], problems: [`${policyPath}: no such file`] });
  if (policy && policy.problems.length) {
    log(`--policy ${policyPath}: ${policy.problems.join('; ')}`);
    return 2;
  }
  const dbPath = resolve(single(args, 'db') ?? defaultDbPath());
  const outDir = resolve(single(args, 'out') ?? 'plan-output');
  const jobs = new JobHost({ dbPath, mode: 'inline' });
  jobs.on('progress', (s: { kind: string; fraction: number; message: string; status: string }) => {
    if (process.stderr.isTTY && s.status === 'running') process.stderr.write(`\r${s.kind} ${Math.round(s.fraction * 100)}% ${s.message}`.padEnd(100).slice(0, 100));
  });
  const planner = createPlanner({ dbPath, shell: 'cli', jobs, autoRun: false });
  try {
    if (policy && policy.changes.length) {
      // Saved like a Settings edit, checked against the rules between keys with the store's current policy.
      const problems = policyChangeProblems(planner.db, policy.changes);
      if (problems.length) {
        log(`--policy ${policyPath}: ${problems.join('; ')}`);
        return 2;
      }
      setPolicyValues(planner.db, policy.changes, new Date().toISOString());
      log(`policy from ${policyPath}: ${policy.changes.map((c) => `${c.area}.${c.key} = ${JSON.stringify(c.value)}`).join(', ')}`);
    }
    let snapshotId: number | undefined;
    for (const batch of planBatches(data)) {
      const { jobId } = await planner.handlers['import.start']({ paths: batch, asOf: batch.length === 1 && data.length === 1 ? undefined : asOf });
      const state = await jobs.wait(jobId);
      if (state.status !== 'done') {
        log(`import of ${batch.join(', ')} failed: ${state.error ?? state.message}`);
        return 1;
      }
      const result = state.result as { snapshotId: number; reused: boolean };
      const snap = (await planner.handlers['snapshots.list']({})).find((s) => s.id === result.snapshotId);
      log(`imported ${batch.join(', ')} -> snapshot ${result.snapshotId} (as of ${snap?.asOf}${result.reused ? ', already imported' : ''})`);
      if (snap?.kind !== 'master' && (!asOf || snap?.asOf === asOf)) snapshotId = result.snapshotId;
    }
    if (snapshotId === undefined) {
      log(asOf ? `no imported snapshot is as of ${asOf}` : 'only masters were imported: nothing to plan');
      return 1;
    }
    const { jobId } = await planner.handlers['plan.run']({ snapshotId });
    const plan = await jobs.wait(jobId);
    if (plan.status !== 'done') {
      log(`plan run failed: ${plan.error ?? plan.message}`);
      return 1;
    }
    const forecast = await jobs.wait(jobs.start('forecast', { snapshotId }));
    if (forecast.status !== 'done') log(`forecast skipped: ${forecast.error ?? forecast.message}`);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'import_report.json'), JSON.stringify(await planner.handlers['snapshots.report']({ id: snapshotId }), null, 2));
    const written = await writePlanOutputs(planner.db, snapshotId, outDir, { pdf: args.flags.has('pdf') });
    if (process.stderr.isTTY) process.stderr.write('\n');
    log(`wrote ${['import_report.json', ...written].join(', ')} to ${outDir}`);
    return 0;
  } finally {
    await planner.close();
  }
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
