// Whole-process figures: the compiled CLI (`npm run plan`: import, plan, forecast, every report written) timed from
// outside, side by side with the pandas peer (../shared/peers) on the real 2025-09-02 exports + master — runs taken
// in turn (A B A B ...) and the ratio of medians quoted — then on generated data at 1x and 10x (100x with
// BENCH_100X=1: generating takes ~4-6 min, and on 2025-12-07 the run itself did not finish in 35 min on the
// shared 2-core machine — import 13 min, plan 14 min, 7 GB — so expect it to take long), so the growth from one
// scale to the next shows (wall, CPU and peak memory).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateErpExports } from '../../src/main/demo';
import type { BenchArea, BenchFigure } from './types';

const CLI = resolve(__dirname, '../../out/main/cli.js');
const ERP = resolve(__dirname, '../../../shared/data/erp');
const PEER = resolve(__dirname, '../../../shared/peers/pandas_import_plan.py');
const GNU_TIME = '/usr/bin/time';
const PYTHON = '/usr/bin/python3';

interface ProcessRun {
  wallMs: number;
  cpuMs?: number;
  peakMb?: number;
  /** The CLI's phases (its log's `cli: phases` line): ms each took. */
  phasesMs?: Record<string, number>;
}

/** The phases of the CLI's last run in its log ("cli: phases (ms): import 1,480 (210-1,690), ..."): ms each took. */
export function cliPhases(log: string): Record<string, number> | undefined {
  const line = log
    .split('\n')
    .filter((l) => l.includes('cli: phases (ms): '))
    .pop();
  if (!line) return undefined;
  const phases: Record<string, number> = {};
  for (const m of line.split('cli: phases (ms): ')[1].matchAll(/([^,(]+?) ([\d,]+) \([\d,]+-[\d,]+\)/g))
    phases[m[1].trim()] = Number(m[2].replace(/,/g, ''));
  return phases;
}

/** Runs a command as a whole process; CPU and peak memory from GNU time when it is installed. */
function timeProcess(command: string, args: string[]): ProcessRun {
  process.stderr.write(`  running ${[command, ...args].map((a) => a.split('/').pop()).join(' ')}\n`);
  const stats = join(tmpdir(), `bkp-bench-time-${process.pid}.txt`);
  const timed = existsSync(GNU_TIME);
  const t0 = performance.now();
  const run = timed
    ? spawnSync(GNU_TIME, ['-o', stats, '-f', '%U %S %M', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${(run.stderr || run.stdout).slice(-400)}`);
  if (!timed) return { wallMs };
  const [user, sys, peakKb] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(stats, { force: true });
  return { wallMs, cpuMs: (user + sys) * 1000, peakMb: peakKb / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function medians(runs: ProcessRun[]): ProcessRun {
  const cpu = runs.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]));
  const peak = runs.flatMap((r) => (r.peakMb === undefined ? [] : [r.peakMb]));
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.phasesMs ?? {})))];
  const phasesMs = Object.fromEntries(names.map((n) => [n, median(runs.flatMap((r) => (r.phasesMs?.[n] === undefined ? [] : [r.phasesMs[n]])))]));
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: cpu.length ? median(cpu) : undefined,
    peakMb: peak.length ? median(peak) : undefined,
    phasesMs: names.length ? phasesMs : undefined,
  };
}

/** One CLI run on a fresh database and output folder (a first import, as a planner's first run of the week). */
function runCli(dataDir: string, asOf: string, scratch: string): ProcessRun {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const run = timeProcess(process.execPath, [
    CLI,
    '--data',
    dataDir,
    '--as-of',
    asOf,
    '--db',
    join(scratch, 'plan.db'),
    '--out',
    join(scratch, 'out'),
  ]);
  const log = join(scratch, 'logs', 'planner.log');
  return { ...run, phasesMs: existsSync(log) ? cliPhases(readFileSync(log, 'utf8')) : undefined };
}

/** The 2025-09-02 exports and the master files in one folder (what the peer reads), as symbolic links. */
function realFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bkp-bench-real-'));
  for (const from of [join(ERP, 'master'), join(ERP, 'snapshots', '2025-09-02')]) {
    for (const name of readdirSync(from)) symlinkSync(join(from, name), join(dir, name));
  }
  return dir;
}

function figuresOf(label: string, ours: ProcessRun): BenchFigure[] {
  return [
    { name: `${label}: wall`, value: ours.wallMs, unit: 'ms' },
    ...(ours.cpuMs === undefined ? [] : [{ name: `${label}: CPU`, value: ours.cpuMs, unit: 'ms' }]),
    ...(ours.peakMb === undefined ? [] : [{ name: `${label}: peak memory`, value: ours.peakMb, unit: 'MB' }]),
    ...phaseFigures(label, ours),
  ];
}

/** The CLI's phases as figures (the forecast runs beside the plan: its time overlaps the plan's). */
function phaseFigures(label: string, run: ProcessRun): BenchFigure[] {
  return Object.entries(run.phasesMs ?? {}).map(([phase, ms]) => ({ name: `${label}: ${phase}`, value: ms, unit: 'ms' }));
}

async function real(pairs: number): Promise<BenchFigure[]> {
  if (!existsSync(ERP) || !existsSync(PEER) || !existsSync(PYTHON)) return [];
  const data = realFolder();
  const scratch = mkdtempSync(join(tmpdir(), 'bkp-bench-cli-'));
  try {
    runCli(data, '2025-09-02', scratch); // warm-up: file cache, compiled code cache
    const ours: ProcessRun[] = [];
    const peer: ProcessRun[] = [];
    for (let i = 0; i < pairs; i++) {
      ours.push(runCli(data, '2025-09-02', scratch));
      peer.push(timeProcess(PYTHON, [PEER, data, '2025-09-02']));
    }
    const a = medians(ours);
    const b = medians(peer);
    const ratios = ours.map((o, i) => peer[i].wallMs / o.wallMs);
    return [
      ...figuresOf('real 2025-09-02 + master, whole process (ours)', a),
      ...figuresOf('real 2025-09-02 + master, whole process (pandas peer)', b),
      {
        name: 'peer wall / our wall (median of pairs, A B A B)',
        value: median(ratios),
        unit: 'x',
        budget: 3,
        lowerIsBetter: false,
        note: `pairs: ${ratios.map((r) => r.toFixed(2)).join(', ')}`,
      },
      ...(a.peakMb === undefined ? [] : [{ name: 'real: our peak memory', value: a.peakMb, unit: 'MB', budget: 250 }]),
    ];
  } finally {
    rmSync(data, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

const GENERATED_BUDGETS: Record<number, { wallMs?: number; peakMb: number }> = {
  1: { peakMb: 250 },
  10: { wallMs: 5000, peakMb: 1024 },
  100: { peakMb: 2048 },
};

async function generated(scale: number): Promise<{ figures: BenchFigure[]; run: ProcessRun }> {
  const data = mkdtempSync(join(tmpdir(), `bkp-bench-gen${scale}-`));
  const scratch = mkdtempSync(join(tmpdir(), 'bkp-bench-cli-'));
  try {
    const generatedIn = (await generateErpExports({ seed: 7, scale, asOf: '2025-09-02', outDir: data })).totalMs;
    const run = runCli(data, '2025-09-02', scratch); // master/ + snapshots/2025-09-02/, read as a history
    const budget = GENERATED_BUDGETS[scale];
    return {
      run,
      figures: [
        {
          name: `${scale}x generated: whole process wall`,
          value: run.wallMs,
          unit: 'ms',
          budget: budget?.wallMs,
          note: `import, plan, forecast and every report; data generated in ${(generatedIn / 1000).toFixed(0)} s`,
        },
        ...(run.cpuMs === undefined ? [] : [{ name: `${scale}x generated: whole process CPU`, value: run.cpuMs, unit: 'ms' }]),
        ...(run.peakMb === undefined ? [] : [{ name: `${scale}x generated: peak memory`, value: run.peakMb, unit: 'MB', budget: budget?.peakMb }]),
        ...phaseFigures(`${scale}x generated`, run),
      ],
    };
  } finally {
    rmSync(data, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const bench: BenchArea = async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: npm run bench builds it first`);
  const figures = await real(Number(process.env.BENCH_PAIRS ?? 3));
  const scales = process.env.BENCH_100X === '1' ? [1, 10, 100] : [1, 10];
  const runs: ProcessRun[] = [];
  for (const scale of scales) {
    const g = await generated(scale);
    figures.push(...g.figures);
    runs.push(g.run);
  }
  for (let i = 1; i < runs.length; i++) {
    const measures: [string, number | undefined, number | undefined][] = [
      ['wall', runs[i].wallMs, runs[i - 1].wallMs],
      ['CPU', runs[i].cpuMs, runs[i - 1].cpuMs],
      ['peak memory', runs[i].peakMb, runs[i - 1].peakMb],
    ];
    for (const [what, now, before] of measures) {
      if (now === undefined || before === undefined) continue;
      const growth = now / before;
      figures.push({
        name: `growth ${scales[i - 1]}x -> ${scales[i]}x: ${what}`,
        value: growth,
        unit: 'x',
        note: `${(growth / (scales[i] / scales[i - 1])).toFixed(2)} of linear`,
      });
    }
  }
  return figures;
};
