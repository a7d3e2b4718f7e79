// Loads the embedded demo dataset: generate ERP-shaped exports (seeded) into a temporary folder, then import them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateErpExports } from '../../demo/generate';
import type { JobContext } from '../../workers/jobContext';
import { runImportJob } from './importJob';

export const DEMO_SEED = 20250902;

export interface DemoJobInput {
  scale: number;
  /** Defaults to the day the demo is loaded, so the demo plan always looks current. */
  asOf?: string;
}

export async function runDemoJob(input: DemoJobInput, ctx: JobContext): Promise<{ snapshotId: number }> {
  const outDir = mkdtempSync(join(tmpdir(), 'bkp-demo-'));
  try {
    const asOf = input.asOf ?? ctx.now.slice(0, 10);
    ctx.progress(0.02, `generating the demo dataset (scale ${input.scale})`);
    const generated = await generateErpExports({ seed: DEMO_SEED, scale: input.scale, asOf, outDir });
    ctx.progress(0.4, 'importing the demo dataset');
    const importCtx: JobContext = { ...ctx, progress: (f, m) => ctx.progress(0.4 + 0.6 * f, m) };
    const result = await runImportJob({ paths: generated.files, asOf, label: `Demo dataset (scale ${input.scale})`, kind: 'demo' }, importCtx);
    return { snapshotId: result.snapshotId };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
