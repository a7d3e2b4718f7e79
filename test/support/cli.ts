// Runs the CLI (`runCli`, what `npm run plan` runs) in-process and builds export folders for it from real or
// generated exports: a folder minus some files, files renamed, folders side by side.
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runCli } from '../../src/main/cli';

export interface CliRun {
  code: number;
  lines: string[];
}

export async function plan(args: string[]): Promise<CliRun> {
  const lines: string[] = [];
  const code = await runCli(args, (line) => lines.push(...line.split('\n')));
  return { code, lines };
}

/**
 * Copies the files of `from` into `to` (created), leaving out those `drop` names and renaming those `rename` maps.
 * Sub-folders are copied whole.
 */
export function copyFolder(from: string, to: string, options: { drop?: (name: string) => boolean; rename?: (name: string) => string } = {}): string {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    if (statSync(src).isDirectory()) {
      copyFolder(src, join(to, name));
      continue;
    }
    if (options.drop?.(name)) continue;
    copyFileSync(src, join(to, options.rename?.(name) ?? name));
  }
  return to;
}

export function copyFile(file: string, toDir: string, name = basename(file)): string {
  mkdirSync(toDir, { recursive: true });
  copyFileSync(file, join(toDir, name));
  return join(toDir, name);
}

/** The ERP's own demand reports (Yarn_Demand, Yarn_Demand_By_Style, Yarn_Demand_By_Style_KO, any run). */
export const isErpDemandReport = (name: string) => name.startsWith('Yarn_Demand');
