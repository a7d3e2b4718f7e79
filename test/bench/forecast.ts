// Forecast benchmarks. (1) The forecast job as the app runs it (compiled, in a worker thread) on the generated 1x
// data (seed default, as-of 2025-09-02: ~530 series of 156 weeks, rolling origins from week 6, the hierarchy made
// coherent), its stored forecast removed before each of 3 runs. (2) The engine alone: rolling-origin backtest of
// 5,000 weekly series x 12 origins x all 14 models (the candidates of both classes and the 4 baselines), the
// combinations, the nested selection and the 26-week forecast, split over 2 worker threads.
// Series are 116 weeks long so the seasonal models (2 seasons of 52 weeks) take part; origins are weeks 104..115.
// Run alone: `npx tsx test/bench/forecast.ts`. This file is also the worker's entry point.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchArea, BenchFigure } from './types';
import { generateErpExports } from '../../src/main/demo';
import { generateSalesHistory } from '../../src/main/demo/salesHistory';
import type { ImportJobResult } from '../../src/main/services/jobs/importJob';
import { createPlanner } from '../../src/main/services/contract/planner';
import { openStore } from '../../src/main/store/db';
import { JobHost } from '../../src/main/workers/jobHost';
import { DEFAULT_BASELINES, runForecastBatch, type SeriesInput } from '../../src/main/engine/forecast';
import { forecastPolicyDefaults, type ForecastPolicy } from '../../src/shared/policy/forecast';

const WORKER = resolve(__dirname, '../../out/main/worker.js');
const JOB_RUNS = 3;
const JOB_BUDGET_MS = 3000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The forecast job on the generated 1x data: wall and CPU (the process's, the main thread waiting), median of 3. */
async function generatedJob(): Promise<BenchFigure[]> {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: npm run bench builds it first`);
  const data = mkdtempSync(join(tmpdir(), 'bkp-bench-forecast-data-'));
  const dir = mkdtempSync(join(tmpdir(), 'bkp-bench-forecast-'));
  const dbPath = join(dir, 'planner.db');
  const clock = () => '2025-09-02T08:00:00';
  const jobs = new JobHost({ dbPath, mode: 'worker', workerScript: WORKER, clock });
  const planner = createPlanner({ dbPath, shell: 'test', jobs, autoRun: false, clock });
  try {
    await generateErpExports({ scale: 1, asOf: '2025-09-02', outDir: data });
    const imported = await jobs.wait((await planner.handlers['import.start']({ paths: [data], asOf: '2025-09-02' })).jobId);
    if (imported.status !== 'done') throw new Error(`import of the generated 1x data failed: ${imported.error}`);
    const { snapshotId } = (imported.result as ImportJobResult).snapshots.at(-1)!;
    const walls: number[] = [];
    const cpus: number[] = [];
    let series = 0;
    for (let run = 0; run < JOB_RUNS; run++) {
      // the job reuses a stored forecast of the same inputs: remove it so each run computes
      const db = openStore(dbPath);
      db.prepare("DELETE FROM plan_cache WHERE kind LIKE 'forecast%'").run();
      db.close();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const state = await jobs.wait(jobs.start('forecast', { snapshotId }));
      walls.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      cpus.push((cpu.user + cpu.system) / 1000);
      if (state.status !== 'done') throw new Error(`the forecast job failed: ${state.error}`);
      series = (state.result as { series: number }).series;
    }
    const note = `${series} series; runs ${walls.map((w) => Math.round(w)).join(' / ')} ms; ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}`;
    return [
      {
        name: `forecast job, generated 1x, compiled in a worker: wall (median of ${JOB_RUNS})`,
        value: Math.round(median(walls)),
        unit: 'ms',
        budget: JOB_BUDGET_MS,
        note,
      },
      { name: `forecast job, generated 1x: CPU (median of ${JOB_RUNS})`, value: Math.round(median(cpus)), unit: 'ms' },
    ];
  } finally {
    await planner.close();
    rmSync(data, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

const SERIES = 5000;
const WEEKS = 116;
const ORIGINS = 12;
const THREADS = 2;
const BUDGET_S = 10;

const policy: ForecastPolicy = {
  ...forecastPolicyDefaults,
  backtestFirstOrigin: WEEKS - ORIGINS,
  selectionFirstOrigin: WEEKS - ORIGINS,
};
const models = [...new Set([...policy.candidatesSmooth, ...policy.candidatesIntermittent])];
/** Every model fitted at each origin: the candidates and the baselines. */
const fitted = [...new Set([...models, ...DEFAULT_BASELINES])];

function makeSeries(): SeriesInput[] {
  const styles = Array.from({ length: SERIES }, (_, i) => `BENCH${i}`);
  const { truth } = generateSalesHistory({ seed: 2025, scale: 1, endDate: '2025-06-27', weeks: WEEKS, styles, customers: ['C'] });
  return truth.map((t) => ({ id: `S:${t.series}`, startWeek: '2023-04-10', values: t.weeklyYds }));
}

interface ChunkResult {
  computeMs: number;
  series: number;
}

function runChunk(series: SeriesInput[]): ChunkResult {
  const t0 = performance.now();
  // every model is a candidate in both classes so each one is fitted at every origin
  const { results } = runForecastBatch(series, { policy, candidates: models, keepRows: false });
  return { computeMs: performance.now() - t0, series: results.length };
}

function inWorker(series: SeriesInput[]): Promise<ChunkResult> {
  return new Promise((resolve, reject) => {
    // an eval'd CommonJS boot registers tsx's require hook, then loads this file (works on every Node 20+)
    const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(__filename)});`;
    const w = new Worker(boot, { eval: true, workerData: { forecastBenchChunk: series } });
    w.once('message', (m: ChunkResult) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

export const bench: BenchArea = async () => [...(await generatedJob()), ...(await engineBatch())];

async function engineBatch(): Promise<BenchFigure[]> {
  const series = makeSeries();
  const chunks = Array.from({ length: THREADS }, (_, k) => series.filter((_, i) => i % THREADS === k));
  const t0 = performance.now();
  const parts = await Promise.all(chunks.map(inWorker));
  const wallS = (performance.now() - t0) / 1000;
  const fits = SERIES * ORIGINS * fitted.length;
  const figures: BenchFigure[] = [
    {
      name: `forecast backtest ${SERIES} series x ${ORIGINS} origins x ${fitted.length} models, ${THREADS} worker threads (wall, incl. worker start)`,
      value: Math.round(wallS * 100) / 100,
      unit: 's',
      budget: BUDGET_S,
      lowerIsBetter: true,
      note: `${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} at the end; compute per worker ${parts.map((p) => (p.computeMs / 1000).toFixed(2)).join(' / ')} s`,
    },
    {
      name: 'forecast model fits per second (all threads)',
      value: Math.round(fits / wallS),
      unit: 'fits/s',
      lowerIsBetter: false,
    },
  ];
  return figures;
}

if (!isMainThread && workerData?.forecastBenchChunk) {
  parentPort!.postMessage(runChunk(workerData.forecastBenchChunk as SeriesInput[]));
} else if (isMainThread && /forecast\.ts$/.test(process.argv[1] ?? '')) {
  void bench().then((figures) => {
    for (const f of figures) console.log(`${f.name}: ${f.value} ${f.unit}${f.budget ? ` (budget ${f.budget})` : ''}${f.note ? ` — ${f.note}` : ''}`);
  });
}
