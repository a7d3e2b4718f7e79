// `npm run web`: the full app in a browser. Serves the built renderer and the contract on 127.0.0.1.
import { join, resolve } from 'node:path';
import { parseArgs, single } from '../args';
import { databaseNotice, defaultDbPath } from '../paths';
import { openPlanner } from '../services/contract/planner';
import { logFileFor } from '../services/logFile';
import { JobHost } from '../workers/jobHost';
import { RESIDENT_JOB_KINDS } from '../services/jobs/registry';
import { startBridge } from './server';
import { version } from '../../../package.json';

export async function runBridge(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ['no-demo']);
  const dbPath = resolve(single(args, 'db') ?? defaultDbPath());
  const port = Number(single(args, 'port') ?? 0);
  const jobs = new JobHost({ dbPath, mode: 'worker', workerScript: join(__dirname, 'worker.js'), residentKinds: RESIDENT_JOB_KINDS });
  const log = logFileFor(dbPath);
  const { planner, error } = openPlanner({ dbPath, shell: 'web', jobs, appVersion: version, logFile: log });
  if (error) log.error(`web bridge: cannot open the planning store ${dbPath}: ${error}`);
  if (error) console.error(`Cannot open the planning store: ${error}\nThe app runs and shows this error; start it with --db <another file> to plan.`);
  const bridge = await startBridge({ planner, rendererDir: resolve(__dirname, '../renderer'), port });
  const demoLoading = !error && planner.activeSnapshotId() === null && !args.flags.has('no-demo');
  if (demoLoading) planner.handlers['demo.load']({ scale: 1 });
  console.log('Beverly Knits Planner (web preview)');
  for (const line of databaseNotice(dbPath, { demoLoading, dbFlag: true })) console.log(line);
  log.info(`web bridge ${version} started on ${new URL(bridge.url).origin} with ${dbPath}`);
  console.log(`Open ${bridge.url}`);
  const stop = async () => {
    await bridge.close();
    await planner.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  runBridge(process.argv.slice(2)).catch((err) => {
    console.error(`web bridge failed: ${(err as Error).message}`);
    process.exit(1);
  });
}
