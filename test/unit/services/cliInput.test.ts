// The CLI on untrusted input (issue 11): thin data needs --accept-thin-data and says so first; formula text from the
// exports is written neutralised into the CSV reports, numbers stay numbers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli';
import { tempDir } from '../../support/tempDb';

const YARNS = `Desc#,Supplier,Description,Color,Beginning Balance,Theoretical Balance,On Order,Allocated,Planning Balance,Cost/Pound
739,@SUM(1+1),"=HYPERLINK(""http://example.invalid"",""click"")",Clear,300.10,300.10,0.00,-496.60,-196.50,$5.96
1571,LYCRA,1/70 Lycra,Clear,224.10,224.10,500.00,0.00,724.10,$5.92
`;
const KO_HEADER =
  'Style #,Order #,Start Date,Quoted Date,Qty Ordered (lbs),G00 (lbs),Shipped (lbs),Balance (lbs),Seconds (lbs),BKI #s,Machine,PO#,Modified';
const KOS = `${KO_HEADER}\nA/1,K1,8/25/2025,,"1,000.0",100.0,,900.0,,,12,,8/28/2025\n`;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('bkp-cli-');
});
afterEach(() => tmp.cleanup());

async function cli(files: Record<string, string>, extra: string[] = []): Promise<{ code: number; lines: string[]; out: string }> {
  const dir = join(tmp.dir, 'data');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const lines: string[] = [];
  const out = join(tmp.dir, 'out');
  const data = Object.keys(files).flatMap((name) => ['--data', join(dir, name)]);
  const code = await runCli([...data, '--db', tmp.dbPath, '--out', out, '--as-of', '2025-09-02', ...extra], (l) => lines.push(l));
  return { code, lines, out };
}

describe('CLI on untrusted input', () => {
  it('formula text in the exports is written with a leading quote; negative numbers stay numbers', async () => {
    const { code, out, lines } = await cli({ 'yarn_inventory.csv': YARNS, 'eFab_Knit_Orders.csv': KOS });
    expect(code, lines.join('\n')).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'yarn_position.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const y739 = rows.find((r) => r.yarnId === '739')!;
    expect(y739.description).toBe(`'=HYPERLINK("http://example.invalid","click")`);
    expect(y739.supplier).toBe("'@SUM(1+1)");
    expect(y739.planningBalanceLbs).toBe('-196.5');
  });

  it('a header-only knit-order file fails with the reason first and the flag to pass; --accept-thin-data imports it and says so first', async () => {
    const files = { 'yarn_inventory.csv': YARNS, 'eFab_Knit_Orders.csv': `${KO_HEADER}\n` };
    const refused = await cli(files);
    expect(refused.code).toBe(1);
    expect(refused.lines[0]).toMatch(/thin data, needs confirmation: eFab_Knit_Orders\.csv has a header and no knit orders/);
    expect(refused.lines.join('\n')).toContain('--accept-thin-data');
    const accepted = await cli(files, ['--accept-thin-data']);
    expect(accepted.code, accepted.lines.join('\n')).toBe(0);
    expect(accepted.lines[0]).toMatch(/^notice: thin data, confirmed by the planner: eFab_Knit_Orders\.csv has a header and no knit orders/);
  });
});
