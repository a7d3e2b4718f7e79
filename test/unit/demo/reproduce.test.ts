// The demo's ERP reports can be reproduced from the demo's own exports with the §5a rule: live balance,
// Production Lbs rate (or the base's median), the report's BOM percentages, the as-of date.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erpCalendar, scheduleKnitOrder } from '../../../src/main/demo/build/erpRules';
import { generateErpExports } from '../../../src/main/demo/generate';
import { num, readSheet, type Value } from './sheets';

const AS_OF = '2025-09-04';
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demo-repro-'));
  await generateErpExports({ seed: 11, scale: 0.5, asOf: AS_OF, outDir: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function isoOf(v: Value): string | null {
  return v instanceof Date ? v.toISOString().slice(0, 10) : null;
}

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

describe('demo ERP report reproduction from the exports', () => {
  it('every Yarn_Demand_By_Style_KO row matches a recomputation within 1e-6', async () => {
    const snap = (n: string) => join(dir, 'snapshots', AS_OF, n);
    const kos = await readSheet(snap('eFab_Knit_Orders.xlsx'));
    const report = await readSheet(snap('Yarn_Demand_By_Style_KO.xlsx'));
    const prod = await readSheet(join(dir, 'master', 'Production Lbs.xlsx'));
    const rate = new Map<string, number>();
    const byBase = new Map<string, number[]>();
    for (const r of prod.slice(1)) {
      if (typeof r[1] !== 'number') continue;
      const style = String(r[0]).trim();
      rate.set(style, r[1]);
      const base = style.slice(0, style.lastIndexOf('/'));
      byBase.set(base, [...(byBase.get(base) ?? []), r[1]]);
    }
    const rateOf = (style: string): number | null => {
      const s = style.trim();
      if (rate.has(s)) return rate.get(s)!;
      const base = byBase.get(s.slice(0, s.lastIndexOf('/')));
      return base ? median(base) : null;
    };
    const cal = erpCalendar(AS_OF);
    const ko = new Map(kos.slice(1).map((r) => [String(r[1]).split('&nbsp;')[0], r]));
    expect(report.length).toBeGreaterThan(100);
    for (const row of report.slice(1)) {
      const k = ko.get(String(row[1]));
      expect(k, String(row[1])).toBeDefined();
      const live = Math.max(0, num(k![4]) - (num(k![5]) + num(k![6]) - num(k![8])));
      const phased = scheduleKnitOrder(cal, isoOf(k![2]), Math.round(live * 10) / 10, rateOf(String(k![0])));
      const fraction = num(row[3]) / 100;
      for (let i = 0; i < 10; i++) expect(num(row[4 + i])).toBeCloseTo(phased[i] * fraction, 6);
      expect(num(row[14])).toBeCloseTo(live * fraction, 4);
    }
  });
});
