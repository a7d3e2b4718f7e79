// npm run demo -- --scale 10 --out <dir> [--as-of 2025-09-02] [--seed 42] [--formats xlsx,csv]
import { resolve } from 'node:path';
import { DEFAULT_AS_OF, DEFAULT_SEED } from './dataset';
import { generateErpExports } from './generate';
import type { DemoFormat } from './manifest';

export interface CliArgs {
  scale: number;
  outDir: string;
  asOf: string;
  seed: number;
  formats: DemoFormat[];
}

const USAGE = 'usage: npm run demo -- --out <dir> [--scale 1] [--as-of 2025-09-02] [--seed 42] [--formats xlsx,csv]';

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value\n${USAGE}`);
    values.set(m[1], value);
  }
  for (const key of values.keys()) {
    if (!['scale', 'out', 'as-of', 'seed', 'formats'].includes(key)) throw new Error(`unknown option --${key}\n${USAGE}`);
  }
  const out = values.get('out');
  if (!out) throw new Error(`--out is required\n${USAGE}`);
  const scale = Number(values.get('scale') ?? '1');
  const seed = Number(values.get('seed') ?? String(DEFAULT_SEED));
  const formats = (values.get('formats') ?? 'xlsx').split(',').map((f) => f.trim());
  for (const f of formats) if (f !== 'xlsx' && f !== 'csv') throw new Error(`--formats takes xlsx and/or csv, got "${f}"`);
  return { scale, outDir: resolve(out), asOf: values.get('as-of') ?? DEFAULT_AS_OF, seed, formats: formats as DemoFormat[] };
}

async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  const result = await generateErpExports({ seed: args.seed, scale: args.scale, asOf: args.asOf, outDir: args.outDir, formats: args.formats });
  const lines = [`demo ERP exports (seed ${args.seed}, scale ${args.scale}, as of ${args.asOf}) -> ${result.outDir}`];
  for (const f of result.manifest.files) lines.push(`  ${String(f.rows).padStart(9)}  ${f.path}`);
  for (const w of result.warnings) lines.push(`  warning: ${w}`);
  lines.push(`generated in ${(result.totalMs / 1000).toFixed(1)} s (dataset ${(result.timingsMs.dataset / 1000).toFixed(1)} s)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

const invokedDirectly = process.argv[1] !== undefined && /[\\/]demo([\\/]cli)?\.[cm]?[jt]s$/.test(process.argv[1]);
if (invokedDirectly) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
