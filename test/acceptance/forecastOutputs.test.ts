// forecast.csv, accuracy.csv and backtest.csv written by the CLI (`npm run plan`) from the real exports: the chosen
// forecast next to every baseline per level, and the weeks between the end of the sales history (week of
// 2025-06-23) and the as-of date (2025-09-02) marked as a history gap.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import { ERP_DATA_DIR, hasErpData } from '../support/erpData';
import { tempDir } from '../support/tempDb';

const tmp = tempDir('bkp-forecast-csv-');
const out = join(tmp.dir, 'out');
const csv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(out, name), 'utf8'), { header: true, skipEmptyLines: true }).data;

describe.skipIf(!hasErpData)('forecast CSVs of the real 2025-09-02 exports', () => {
  beforeAll(async () => {
    const log: string[] = [];
    const code = await runCli(['--data', ERP_DATA_DIR, '--db', tmp.dbPath, '--out', out], (l) => log.push(l));
    if (code !== 0) throw new Error(log.join('\n'));
  }, 300_000);
  afterAll(() => tmp.cleanup());

  it('forecast.csv: 26 weeks from 2025-06-30, the 9 weeks before the as-of week marked as a history gap', () => {
    const total = csv('forecast.csv').filter((r) => r.series === 'TOTAL');
    expect(total).toHaveLength(26);
    expect(total.filter((r) => r.historyGap === 'true').map((r) => r.week)).toEqual([
      '2025-06-30',
      '2025-07-07',
      '2025-07-14',
      '2025-07-21',
      '2025-07-28',
      '2025-08-04',
      '2025-08-11',
      '2025-08-18',
      '2025-08-25',
    ]);
    expect(total.find((r) => r.historyGap === 'false')!.week).toBe('2025-09-01');
    expect(total[0]).toMatchObject({
      level: 'total',
      method: 'statistical',
      choice: 'clippedMean',
      models: 'clippedMean',
      weights: '1',
      approach: 'base',
      family: 'level',
    });
    // every series shares the calendar and so the same gap
    const rows = csv('forecast.csv');
    expect(rows.every((r) => (r.historyGap === 'true') === r.week < '2025-09-01')).toBe(true);
  });

  it('accuracy.csv: per level the chosen forecast first, then every baseline on the same points', () => {
    const acc = csv('accuracy.csv');
    for (const group of ['TOTAL', 'styles', 'style x customer']) {
      const rows = acc.filter((r) => r.group === group);
      expect(rows[0]).toMatchObject({ model: 'selected', role: 'chosen' });
      const baselines = rows.filter((r) => r.role === 'baseline');
      expect(baselines.map((r) => r.model).sort()).toEqual(['ma4', 'ma8', 'mean', 'naive']);
      for (const b of baselines) expect(b.points).toBe(rows[0].points);
      expect(
        rows
          .filter((r) => r.role === 'hierarchy')
          .map((r) => r.model)
          .sort(),
      ).toEqual(['bottomUp', 'mint', 'topDown']);
      expect(rows.find((r) => r.model === 'base')!.role).toBe('own selection');
    }
    const total = Object.fromEntries(acc.filter((r) => r.group === 'TOTAL').map((r) => [r.model, Number(r.wape)]));
    expect(total.selected).toBe(0.2725);
    expect(total.mean).toBe(0.2733);
    // styles pool the yds series only (lbs series of the same styles are not added to them)
    expect(acc.find((r) => r.group === 'styles' && r.model === 'selected')!.points).toBe(String(20 * 44));
  });

  it('backtest.csv: the chosen forecast next to the baselines, the own selection and the hierarchy approaches', () => {
    const total = csv('backtest.csv').filter((r) => r.series === 'TOTAL' && r.origin === '2025-03-24' && r.horizon === '1');
    const byModel = Object.fromEntries(total.map((r) => [r.model, Number(r.forecast)]));
    for (const m of ['selected', 'base', 'naive', 'ma4', 'ma8', 'mean', 'bottomUp', 'topDown', 'mint', 'comb', 'clippedMean'])
      expect(byModel[m], m).toBeDefined();
    expect(byModel.selected).toBe(byModel.base); // the total keeps its own forecast on this history
    expect(total.every((r) => r.actual === '17674')).toBe(true);
  });
});
