// Import benchmark: the full 2025-09-02 snapshot + master/ of the real exports (budget < 2 s, xlsx included) and
// the generated data at 1x, 10x (budget < 20 s) and 100x (BENCH_100X=1, budget < 60 s), each in a fresh child
// process so time and peak memory are the import's own, with the growth per step. "cold" is the first import of
// the process (JIT warm-up included, as in a fresh worker); "warm" a second import of the same files into another
// empty database.
// Run alone: npx tsx -e "import('./test/bench/import.ts').then(async (m) => console.table(await m.bench()))"
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchArea, BenchFigure } from './types';

interface ChildResult {
  runs: { ms: number; cpuMs: number; maxProgressGapMs: number; rejectedFiles: number; rowsRejected: number; rows: number }[];
  rssMb: number;
  maxRssMb: number;
}

/** Imports `inputs` `times` times, each into a fresh database file, and prints the figures as JSON. */
async function child(inputs: string[], times: number): Promise<void> {
  const { openStore } = await import('../../src/main/store/db');
  const { importFiles } = await import('../../src/main/services/jobs/importFiles');
  const dir = mkdtempSync(join(tmpdir(), 'bkp-bench-import-'));
  const runs: ChildResult['runs'] = [];
  let rssMb = 0;
  try {
    for (let i = 0; i < times; i++) {
      const db = openStore(join(dir, `run${i}.db`));
      let last = performance.now();
      let gap = 0;
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      const out = await importFiles(db, inputs, {
        now: '2025-09-05T08:00:00',
        onProgress: () => {
          const t = performance.now();
          gap = Math.max(gap, t - last);
          last = t;
          rssMb = Math.max(rssMb, process.memoryUsage().rss / 1024 / 1024);
        },
      });
      const ms = performance.now() - t0;
      const used = process.cpuUsage(cpu);
      db.close();
      const files = out.report.files;
      runs.push({
        ms,
        cpuMs: (used.user + used.system) / 1000,
        maxProgressGapMs: gap,
        rejectedFiles: files.filter((f) => f.status === 'rejected').length,
        rowsRejected: files.reduce((s, f) => s + f.rowsRejected, 0),
        rows: Object.values(out.report.entityCounts).reduce((s, n) => s + n, 0),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const result: ChildResult = { runs, rssMb, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(result)}\n`);
}

function runChild(inputs: string[], times: number): ChildResult {
  const res = spawnSync(process.execPath, [...process.execArgv, __filename, '--child', String(times), ...inputs], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = res.stdout?.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(`import benchmark child failed: ${res.stderr || res.stdout}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as ChildResult;
}

function figures(label: string, r: ChildResult, budgetMs: number): BenchFigure[] {
  const [cold, warm] = r.runs;
  const out: BenchFigure[] = [
    {
      name: `${label}: import, cold process`,
      value: cold.ms,
      unit: 'ms',
      budget: budgetMs,
      note: `${cold.rows.toLocaleString('en-US')} rows, cpu ${Math.round(cold.cpuMs)} ms`,
    },
  ];
  if (warm)
    out.push({ name: `${label}: import, warm process`, value: warm.ms, unit: 'ms', budget: budgetMs, note: `cpu ${Math.round(warm.cpuMs)} ms` });
  out.push(
    { name: `${label}: peak memory (maxRSS)`, value: r.maxRssMb, unit: 'MB', note: `rss at progress ticks up to ${Math.round(r.rssMb)} MB` },
    { name: `${label}: longest gap between progress calls`, value: Math.max(...r.runs.map((x) => x.maxProgressGapMs)), unit: 'ms', budget: 250 },
    { name: `${label}: rejected files`, value: cold.rejectedFiles, unit: 'files', budget: 0, note: `${cold.rowsRejected} rows rejected` },
  );
  return out;
}

/** Import budgets of the generated scales (issue 14: 100x imports with a progress bar in 60 s). */
const GENERATED_BUDGET_MS: Record<number, number> = { 1: 2000, 10: 20_000, 100: 60_000 };

export const bench: BenchArea = async () => {
  const out: BenchFigure[] = [];
  const { hasErpData, erpPath } = await import('../support/erpData');
  if (hasErpData) {
    out.push(...figures('real 2025-09-02 + master', runChild([erpPath('snapshots/2025-09-02'), erpPath('master')], 2), 2000));
  } else {
    out.push({ name: 'real exports absent: real-data import not measured', value: 0, unit: '' });
  }
  let generate: typeof import('../../src/main/demo').generateErpExports | undefined;
  try {
    generate = (await import('../../src/main/demo')).generateErpExports;
  } catch {
    generate = undefined;
  }
  if (!generate) {
    out.push({ name: '10x generated dataset: generator not available yet', value: 0, unit: '' });
    return out;
  }
  // generated data at 1x and 10x (100x with BENCH_100X=1: ~2.3 M BOM lines, 4-6 min to generate), each scale's
  // import in its own process, and how the figures grow from one scale to the next
  const scales = process.env.BENCH_100X === '1' ? [1, 10, 100] : [1, 10];
  const runs: { scale: number; r: ChildResult }[] = [];
  for (const scale of scales) {
    const dir = mkdtempSync(join(tmpdir(), `bkp-bench-${scale}x-`));
    try {
      const t0 = performance.now();
      const g = await generate({ seed: 7, scale, asOf: '2025-09-02', outDir: dir });
      out.push({ name: `${scale}x generated dataset: generation (not budgeted here)`, value: performance.now() - t0, unit: 'ms' });
      const r = runChild([g.snapshotDir, g.masterDir], 1);
      runs.push({ scale, r });
      out.push(...figures(`${scale}x generated`, r, GENERATED_BUDGET_MS[scale]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (let i = 1; i < runs.length; i++) {
    const [a, b] = [runs[i - 1], runs[i]];
    const step = b.scale / a.scale;
    for (const [what, now, before] of [
      ['import time', b.r.runs[0].ms, a.r.runs[0].ms],
      ['peak memory', b.r.maxRssMb, a.r.maxRssMb],
    ] as const) {
      const growth = now / before;
      out.push({
        name: `import growth ${a.scale}x -> ${b.scale}x: ${what}`,
        value: growth,
        unit: 'x',
        note: `${(growth / step).toFixed(2)} of linear`,
      });
    }
  }
  return out;
};

if (process.argv[2] === '--child') {
  void child(process.argv.slice(4), Number(process.argv[3]));
}
