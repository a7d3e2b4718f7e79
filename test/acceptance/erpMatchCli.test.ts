// The ERP's Yarn_Demand_By_Style_KO reproduced through the CLI alone (skipped when ../shared/data/erp is absent):
// a snapshot folder is copied without its own Yarn_Demand* reports, planned with `--as-of <folder date>` on a store
// that holds the earlier snapshots with their reports (one folder per run, masters with the first), and the CLI's
// yarn_demand_by_style_ko.csv is compared with the ERP's report of that run by the rule of erp-exports-profile 5a
// (every bucket within 1 % + 0.05 lb). What the plan learns comes from the earlier runs' reports only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFolder, isErpDemandReport, plan } from '../support/cli';
import { erpPath, erpSkipReason, hasErpData } from '../support/erpData';
import { matchKoCsv, readErpKoReport, type KoMatch } from '../support/erpMatch';
import { tempDir } from '../support/tempDb';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('bkp-erpmatch-');
});
afterAll(() => tmp?.cleanup());

/** A history folder holding the masters and one snapshot folder (with or without its reports). */
function firstSnapshot(name: string, withReports: boolean): string {
  const root = join(tmp.dir, name);
  copyFolder(erpPath('master'), join(root, 'master'));
  copyFolder(erpPath('snapshots', '2025-08-22'), join(root, 'snapshots', '2025-08-22'), { drop: (n) => !withReports && isErpDemandReport(n) });
  return root;
}

const withoutReports = (date: string) => copyFolder(erpPath('snapshots', date), join(tmp.dir, `${date}-no-reports`), { drop: isErpDemandReport });

async function planned(dbName: string, folder: string, asOf: string): Promise<string> {
  const out = join(tmp.dir, `${dbName}-${asOf}`);
  const run = await plan(['--data', folder, '--as-of', asOf, '--db', join(tmp.dir, `${dbName}.db`), '--out', out]);
  expect(run.code, run.lines.join('\n')).toBe(0);
  return out;
}

async function match(out: string, asOf: string): Promise<KoMatch> {
  const erp = await readErpKoReport(erpPath('snapshots', asOf, 'Yarn_Demand_By_Style_KO.xlsx'), asOf);
  const m = matchKoCsv(readFileSync(join(out, 'yarn_demand_by_style_ko.csv'), 'utf8'), erp);
  console.info(`${asOf} without its reports: ${m.matched}/${m.erpRows} rows = ${(m.share * 100).toFixed(1)} % (our rows ${m.ourRows})`);
  return m;
}

describe.skipIf(!hasErpData)(
  `the CLI reproduces the ERP's KO report without the folder's own reports${hasErpData ? '' : ` (${erpSkipReason})`}`,
  () => {
    it('2025-09-02, after 2025-08-22 and 2025-08-28 with their reports: >= 98.5 % of rows', async () => {
      await planned('chain', firstSnapshot('h-0822', true), '2025-08-22');
      await planned('chain', copyFolder(erpPath('snapshots', '2025-08-28'), join(tmp.dir, '2025-08-28')), '2025-08-28');
      const m = await match(await planned('chain', withoutReports('2025-09-02'), '2025-09-02'), '2025-09-02');
      expect(m.erpRows).toBe(518);
      expect(m.share).toBeGreaterThanOrEqual(0.985);
    }, 240_000);

    // Figures, not bars: the guards only catch a fall below what the CLI reproduced before issue 11 (82.8 %, 28 %).
    it('2025-08-28, after 2025-08-22 with its reports (figure)', async () => {
      await planned('second', firstSnapshot('h-0822b', true), '2025-08-22');
      const m = await match(await planned('second', withoutReports('2025-08-28'), '2025-08-28'), '2025-08-28');
      expect(m.share).toBeGreaterThanOrEqual(0.82);
    }, 240_000);

    it('2025-08-22 alone, nothing earlier to learn from (figure)', async () => {
      const m = await match(await planned('alone', firstSnapshot('h-0822c', false), '2025-08-22'), '2025-08-22');
      expect(m.share).toBeGreaterThanOrEqual(0.27);
    }, 240_000);
  },
);
