// `npm run bench`: every area's figures against their budgets. Areas live in test/bench/<area>.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchArea, BenchFigure } from './types';

const AREAS = ['foundation', 'demo', 'import', 'yarn', 'purchasing', 'capacity', 'forecast', 'scenarios', 'plan', 'ui', 'process', 'search'];

function verdict(f: BenchFigure): string {
  if (f.budget === undefined) return '';
  const ok = f.lowerIsBetter === false ? f.value >= f.budget : f.value <= f.budget;
  return ok ? 'within budget' : 'OVER BUDGET';
}

function fmt(n: number): string {
  return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n < 1 ? 3 : 2);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let over = 0;
  for (const area of AREAS) {
    if (only.length && !only.includes(area)) continue;
    const file = join(__dirname, `${area}.ts`);
    if (!existsSync(file)) continue;
    const { bench } = (await import(file)) as { bench: BenchArea };
    console.log(`\n## ${area}`);
    let figures: BenchFigure[];
    try {
      figures = await bench();
    } catch (err) {
      console.log(`  failed: ${(err as Error).message}`);
      over++;
      continue;
    }
    for (const f of figures) {
      const budget = f.budget === undefined ? '' : ` (budget ${f.lowerIsBetter === false ? '>=' : '<='} ${fmt(f.budget)} ${f.unit})`;
      const v = verdict(f);
      if (v === 'OVER BUDGET') over++;
      console.log(`  ${f.name.padEnd(58)} ${fmt(f.value).padStart(12)} ${f.unit}${budget}${v ? `  ${v}` : ''}${f.note ? `  — ${f.note}` : ''}`);
    }
  }
  console.log(over ? `\n${over} figure(s) over budget` : '\nall figures within budget');
}

void main();
