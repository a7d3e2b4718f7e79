// Demo / scale-data generator: wall time to generate every export at scale 1 and 10 (xlsx + csv + json), and at
// scale 100 with BENCH_100X=1 (sheets above LARGE_SHEET_ROWS rows are written as CSV there, as the ERP's CSV copies;
// it takes ~3-6 min and ~3.7 GB), with the growth from one scale to the next so a super-linear step shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateErpExports } from '../../src/main/demo/generate';
import type { BenchArea, BenchFigure } from './types';

const BUDGET_MS: Record<number, number> = { 1: 10_000, 10: 60_000, 100: 600_000 };

interface ScaleRun {
  scale: number;
  totalMs: number;
  datasetMs: number;
  rows: number;
  slowest: string;
  warnings: string[];
}

async function timeScale(scale: number): Promise<ScaleRun> {
  const dir = mkdtempSync(join(tmpdir(), `bench-demo-${scale}-`));
  try {
    const r = await generateErpExports({ seed: 42, scale, asOf: '2025-09-02', outDir: dir });
    const rows = r.manifest.files.reduce((a, f) => a + f.rows, 0);
    const files = Object.entries(r.timingsMs).filter(([k]) => k !== 'dataset');
    const slowest = files
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, ms]) => `${k.split('/').pop()} ${(ms / 1000).toFixed(1)} s`)
      .join(', ');
    return { scale, totalMs: r.totalMs, datasetMs: r.timingsMs.dataset, rows, slowest, warnings: r.warnings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const bench: BenchArea = async () => {
  const figures: BenchFigure[] = [];
  const scales = process.env.BENCH_100X === '1' ? [1, 10, 100] : [1, 10];
  const runs: ScaleRun[] = [];
  for (const scale of scales) {
    const r = await timeScale(scale);
    runs.push(r);
    figures.push(
      {
        name: `demo generate scale ${scale}`,
        value: Math.round(r.totalMs),
        unit: 'ms',
        budget: BUDGET_MS[scale],
        note: `${r.rows.toLocaleString('en-US')} rows; slowest ${r.slowest}${r.warnings.length ? `; ${r.warnings.join('; ')}` : ''}`,
      },
      { name: `demo dataset build scale ${scale}`, value: Math.round(r.datasetMs), unit: 'ms' },
      { name: `demo write rate scale ${scale}`, value: Math.round(r.rows / (r.totalMs / 1000)), unit: 'rows/s', lowerIsBetter: false },
    );
  }
  for (let i = 1; i < runs.length; i++) {
    const [a, b] = [runs[i - 1], runs[i]];
    const growth = b.totalMs / a.totalMs;
    figures.push({
      name: `demo growth ${a.scale}x -> ${b.scale}x: generate time`,
      value: growth,
      unit: 'x',
      note: `${(growth / (b.rows / a.rows)).toFixed(2)} of linear in rows (rows x${(b.rows / a.rows).toFixed(1)}); dataset build x${(b.datasetMs / a.datasetMs).toFixed(1)}`,
    });
  }
  if (process.env.BENCH_100X !== '1') {
    figures.push({ name: 'demo generate scale 100: run with BENCH_100X=1 (takes minutes)', value: 0, unit: '' });
  }
  return figures;
};
