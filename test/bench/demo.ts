// Demo / scale-data generator: wall time to generate every export at scale 1 and 10 (xlsx + csv + json),
// and scale 100 only when scale 10 shows it would finish within 60 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateErpExports } from '../../src/main/demo/generate';
import type { BenchArea, BenchFigure } from './types';

const SCALE_100_LIMIT_MS = 60_000;

async function timeScale(scale: number): Promise<{ totalMs: number; datasetMs: number; rows: number; warnings: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), `bench-demo-${scale}-`));
  try {
    const r = await generateErpExports({ seed: 42, scale, asOf: '2025-09-02', outDir: dir });
    const rows = r.manifest.files.reduce((a, f) => a + f.rows, 0);
    return { totalMs: r.totalMs, datasetMs: r.timingsMs.dataset, rows, warnings: r.warnings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const bench: BenchArea = async () => {
  const figures: BenchFigure[] = [];
  const s1 = await timeScale(1);
  figures.push(
    { name: 'demo generate scale 1', value: Math.round(s1.totalMs), unit: 'ms', budget: 10_000, note: `${s1.rows} rows in 23 files` },
    { name: 'demo dataset build scale 1', value: Math.round(s1.datasetMs), unit: 'ms', budget: 2_000 },
  );
  const s10 = await timeScale(10);
  figures.push(
    { name: 'demo generate scale 10', value: Math.round(s10.totalMs), unit: 'ms', budget: 60_000, note: `${s10.rows} rows` },
    { name: 'demo write rate scale 10', value: Math.round(s10.rows / (s10.totalMs / 1000)), unit: 'rows/s', budget: 5_000, lowerIsBetter: false },
  );
  // Time grows linearly with scale (the xlsx writing dominates): scale 100 ~ 10 x scale 10.
  const estimate100 = s10.totalMs * 10;
  if (estimate100 < SCALE_100_LIMIT_MS) {
    const s100 = await timeScale(100);
    figures.push({
      name: 'demo generate scale 100',
      value: Math.round(s100.totalMs),
      unit: 'ms',
      budget: SCALE_100_LIMIT_MS,
      note: s100.warnings.join('; ') || undefined,
    });
  } else {
    figures.push({
      name: 'demo generate scale 100',
      value: Math.round(estimate100),
      unit: 'ms (estimate; not run)',
      note: `skipped: scale 10 took ${(s10.totalMs / 1000).toFixed(1)} s, so scale 100 would take ~${(estimate100 / 1000).toFixed(0)} s (> 60 s), mostly exceljs writing ~1M-row xlsx sheets; eFab_Styles would also pass the xlsx row limit`,
    });
  }
  return figures;
};
