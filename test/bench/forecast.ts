// Forecast engine benchmark: rolling-origin backtest of 5,000 weekly series x 12 origins x all 14 models (the
// candidates of both classes and the 4 baselines), the combinations, the nested selection and the 26-week forecast,
// split over 2 worker threads (the way the app's engine host runs it).
// Series are 116 weeks long so the seasonal models (2 seasons of 52 weeks) take part; origins are weeks 104..115.
// Run alone: `npx tsx test/bench/forecast.ts`. This file is also the worker's entry point.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism, loadavg } from 'node:os';
import type { BenchArea, BenchFigure } from './types';
import { generateSalesHistory } from '../../src/main/demo/salesHistory';
import { DEFAULT_BASELINES, runForecastBatch, type SeriesInput } from '../../src/main/engine/forecast';
import { forecastPolicyDefaults, type ForecastPolicy } from '../../src/shared/policy/forecast';

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

export const bench: BenchArea = async () => {
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
};

if (!isMainThread && workerData?.forecastBenchChunk) {
  parentPort!.postMessage(runChunk(workerData.forecastBenchChunk as SeriesInput[]));
} else if (isMainThread && /forecast\.ts$/.test(process.argv[1] ?? '')) {
  void bench().then((figures) => {
    for (const f of figures) console.log(`${f.name}: ${f.value} ${f.unit}${f.budget ? ` (budget ${f.budget})` : ''}${f.note ? ` — ${f.note}` : ''}`);
  });
}
