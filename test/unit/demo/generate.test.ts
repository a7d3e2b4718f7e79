// Scale-1 generation at a fixed seed: counts, identities, the ERP quirks, determinism, readable xlsx.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../../../src/shared/dates';
import { buildDemoDataset } from '../../../src/main/demo/dataset';
import { generateErpExports, type GenerateResult } from '../../../src/main/demo/generate';
import { demoManifest } from '../../../src/main/demo/manifest';
import { demoTargets } from '../../../src/main/demo/targets';
import { headerIndex, num, readCsvRows, readSheet, type Value } from './sheets';

const SEED = 42;
const AS_OF = '2025-09-02';
let dir: string;
let result: GenerateResult;
const snap = (name: string) => join(dir, 'snapshots', AS_OF, name);
const master = (name: string) => join(dir, 'master', name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demo-test-'));
  result = await generateErpExports({ seed: SEED, scale: 1, asOf: AS_OF, outDir: dir, formats: ['xlsx', 'csv'] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function within10(actual: number, target: number): void {
  expect(actual, `${actual} vs target ${target}`).toBeGreaterThanOrEqual(target * 0.9);
  expect(actual, `${actual} vs target ${target}`).toBeLessThanOrEqual(target * 1.1);
}

function byHeader(rows: Value[][], headerRow = 0): { header: string[]; get: (row: Value[], name: string) => Value } {
  const header = rows[headerRow].map((h) => (h === null ? '' : String(h)));
  const index = new Map(header.map((h, i) => [h, i]));
  return {
    header,
    get: (row, name) => {
      const i = index.get(name);
      if (i === undefined) throw new Error(`no column ${name}`);
      return row[i] ?? null;
    },
  };
}

describe('demo ERP exports at scale 1', () => {
  it('hits the real company sizes (within 10 %)', () => {
    const c = result.manifest.counts;
    within10(c.yarnsInInventory, 1199);
    within10(c.yarnsInBom, 1676);
    within10(c.bomStyles, 6110);
    within10(c.bomLines, 22731);
    within10(c.knitOrders, 195);
    within10(c.openKnitOrders, 158);
    within10(c.machines, 286);
    within10(c.workCenters, 93);
    within10(c.salesOrders, 133);
    within10(c.yarnPos, 79);
    expect(c.salesWeeks).toBe(156);
    const rows = Object.fromEntries(result.manifest.files.map((f) => [f.path, f.rows]));
    within10(rows['master/eFab_Styles.xlsx'], 11416);
    within10(rows['master/Production Lbs.xlsx'], 5999);
    within10(rows['master/QuadS_greigeFabricList.csv'], 6151);
    within10(rows['master/styles_master.csv'], 3481);
    within10(rows[`snapshots/${AS_OF}/eFab_Inventory_F01.xlsx`], 10177);
    within10(rows[`snapshots/${AS_OF}/Yarn_Demand_By_Style_KO.xlsx`], 518);
  });

  it('writes the real layout: master/ and snapshots/<asOf>/ with every export kind', () => {
    expect(readdirSync(join(dir, 'master')).sort()).toEqual(
      [
        'BOM_updated.csv',
        'Machine Report fin1.csv',
        'Production Lbs.xlsx',
        'QuadS_greigeFabricList.csv',
        'Sales Activity Report.csv',
        'Supplier_ID.csv',
        'Yarn_ID_Master.csv',
        'eFab_Styles.csv',
        'eFab_Styles.xlsx',
        'efab_api_knit_orders.json',
        'styles_master.csv',
      ].sort(),
    );
    const snapFiles = readdirSync(join(dir, 'snapshots', AS_OF));
    for (const name of [
      'yarn_inventory',
      'eFab_Knit_Orders',
      'eFab_SO_List',
      'YarnPO',
      'Expected_Yarn_Report',
      'eFab_Inventory_F01',
      'eFab_Inventory_G00',
      'eFab_Inventory_G02',
      'eFab_Inventory_I01',
      'Yarn_Demand_By_Style_KO',
      'Yarn_Demand_By_Style',
      'Yarn_Demand',
    ]) {
      expect(snapFiles).toContain(`${name}.xlsx`);
      expect(snapFiles).toContain(`${name}.csv`);
    }
    expect(result.files.length).toBe(result.manifest.files.length);
  });

  it('every xlsx opens with exceljs and holds the manifest row count', async () => {
    for (const f of result.manifest.files.filter((x) => x.kind === 'xlsx')) {
      const rows = await readSheet(join(dir, f.path));
      const headerRows = f.path.endsWith('/Yarn_Demand.xlsx') ? 3 : 1;
      expect(rows.length - headerRows, f.path).toBe(f.rows);
    }
  });

  it('yarn_inventory identities hold on every row', async () => {
    const rows = await readSheet(snap('yarn_inventory.xlsx'));
    const { get } = byHeader(rows);
    const po = await readSheet(snap('YarnPO.xlsx'));
    const poCols = byHeader(po);
    const onOrder = new Map<number, number>();
    for (const r of po.slice(1))
      onOrder.set(num(poCols.get(r, 'Desc#')), (onOrder.get(num(poCols.get(r, 'Desc#'))) ?? 0) + num(poCols.get(r, 'Balance')));
    const ko = await readSheet(snap('Yarn_Demand_By_Style_KO.xlsx'));
    const koCols = byHeader(ko);
    const demand = new Map<number, number>();
    for (const r of ko.slice(1)) demand.set(num(koCols.get(r, 'Yarn')), (demand.get(num(koCols.get(r, 'Yarn'))) ?? 0) + num(koCols.get(r, 'Total')));
    let negativePlanning = 0;
    for (const r of rows.slice(1)) {
      const desc = num(get(r, 'Desc#'));
      const theo = num(get(r, 'Theoretical Balance'));
      expect(theo).toBeCloseTo(num(get(r, 'Beginning Balance')) + num(get(r, 'Received')) + num(get(r, 'Consumed')) + num(get(r, 'Adjustments')), 6);
      expect(num(get(r, 'Planning Balance'))).toBeCloseTo(theo + num(get(r, 'On Order')) + num(get(r, 'Allocated')), 6);
      expect(num(get(r, 'Total Cost'))).toBeCloseTo(theo * num(get(r, 'Cost/Pound')), 6);
      expect(num(get(r, 'Consumed'))).toBeLessThanOrEqual(0);
      expect(num(get(r, 'Allocated'))).toBeLessThanOrEqual(0);
      expect(num(get(r, 'On Order'))).toBeCloseTo(onOrder.get(desc) ?? 0, 6);
      expect(num(get(r, 'Allocated'))).toBeCloseTo(-(demand.get(desc) ?? 0), 3);
      expect(String(get(r, 'Reconcile Date'))).toMatch(/^(\d{4}-\d{2}-\d{2}|Never)$/);
      if (num(get(r, 'Planning Balance')) < 0) negativePlanning++;
    }
    expect(negativePlanning).toBeGreaterThan(5);
    // Every yarn with KO demand or a PO is in yarn_inventory.
    const known = new Set(rows.slice(1).map((r) => num(r[0])));
    for (const id of [...onOrder.keys(), ...demand.keys()]) expect(known.has(id), String(id)).toBe(true);
  });

  it('Expected_Yarn_Report agrees with YarnPO and carries Friday-dated week headers', async () => {
    const po = await readSheet(snap('YarnPO.xlsx'));
    const p = byHeader(po);
    const byPo = new Map(po.slice(1).map((r) => [String(p.get(r, 'PO#')), r]));
    const ex = await readSheet(snap('Expected_Yarn_Report.xlsx'));
    const e = byHeader(ex);
    expect(e.header.slice(10, 20)).toEqual([
      'This Week',
      '9/12/2025',
      '9/19/2025',
      '9/26/2025',
      '10/3/2025',
      '10/10/2025',
      '10/17/2025',
      '10/24/2025',
      '10/31/2025',
      'Later',
    ]);
    let overScheduled = 0;
    let unscheduledOnly = 0;
    for (const r of ex.slice(1)) {
      const y = byPo.get(String(e.get(r, 'PO #')));
      expect(y).toBeDefined();
      expect(e.get(r, 'PO Bal')).toBe(p.get(y!, 'Balance'));
      expect(e.get(r, 'Price')).toBe(Number(p.get(y!, '$/lb')));
      expect(typeof p.get(y!, '$/lb')).toBe('string');
      const weeks = r.slice(10, 20).reduce<number>((a, v) => a + num(v), 0);
      expect(num(e.get(r, 'Unscheduled or Past Due'))).toBeCloseTo(num(e.get(r, 'PO Bal')) - weeks, 6);
      if (num(e.get(r, 'Unscheduled or Past Due')) < 0) overScheduled++;
      if (weeks === 0) unscheduledOnly++;
    }
    expect(overScheduled).toBeGreaterThan(0);
    expect(unscheduledOnly).toBeGreaterThan(10);
  });

  it('Yarn_Demand follows the §5b balance rules and shows shortages that recover', async () => {
    const rows = await readSheet(snap('Yarn_Demand.xlsx'));
    expect(rows[0][0]).toBe('Yarn Demand Report');
    expect(rows[1].every((v) => v === null)).toBe(true);
    const h = headerIndex(rows, 'Yarn');
    expect(h).toBe(2);
    expect(rows[h][4]).toBe(`${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][isoWeekday(AS_OF) - 1]} Inventory`);
    expect(rows[h].filter((v) => v === null).length).toBe(10);
    const inv = await readSheet(snap('yarn_inventory.xlsx'));
    const theo = new Map(inv.slice(1).map((r) => [num(r[0]), num(r[9])]));
    let recovered = 0;
    let short = 0;
    for (const r of rows.slice(h + 1)) {
      const inventory = num(r[4]);
      expect(inventory).toBeCloseTo(theo.get(num(r[0])) ?? 0, 6);
      const d = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => num(r[10 + 4 * i]));
      const rc = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => num(r[11 + 4 * i]));
      const b = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => num(r[12 + 4 * i]));
      expect(num(r[5])).toBeCloseTo(
        d.reduce((a, x) => a + x, 0),
        4,
      );
      expect(num(r[6])).toBeCloseTo(num(r[8]) + rc.reduce((a, x) => a + x, 0), 4);
      expect(num(r[7])).toBeCloseTo(inventory - num(r[5]) + num(r[6]), 4);
      let run = inventory;
      for (let i = 0; i < 10; i++) {
        run = run - d[i] + rc[i];
        expect(b[i]).toBeCloseTo(run, 4);
      }
      const firstNeg = b.findIndex((x) => x < -0.01);
      if (firstNeg >= 0) short++;
      if (firstNeg >= 0 && b.slice(firstNeg).some((x) => x > 0)) recovered++;
    }
    expect(short).toBeGreaterThan(10);
    expect(recovered).toBeGreaterThan(3);
    // Sorted by Balance This Week ascending.
    const bal = rows.slice(h + 1).map((r) => num(r[12]));
    expect(bal).toEqual(bal.slice().sort((a, b) => a - b));
  });

  it('KO reports: By_Style sums the KO rows, Totals = Balance x BOM, percentages are BOM x 100', async () => {
    const ko = await readSheet(snap('Yarn_Demand_By_Style_KO.xlsx'));
    expect(ko[0]).toEqual([
      'Style',
      'KO',
      'Yarn',
      'Percentage',
      'This Week',
      'Week 37',
      'Week 38',
      'Week 39',
      'Week 40',
      'Week 41',
      'Week 42',
      'Week 43',
      'Week 44',
      'Later',
      'Total',
    ]);
    const st = await readSheet(snap('Yarn_Demand_By_Style.xlsx'));
    const sums = new Map<string, number>();
    for (const r of ko.slice(1)) {
      const weeks = r.slice(4, 14).reduce<number>((a, v) => a + num(v), 0);
      expect(weeks).toBeCloseTo(num(r[14]), 4);
      sums.set(`${r[0]}|${r[2]}`, (sums.get(`${r[0]}|${r[2]}`) ?? 0) + num(r[14]));
    }
    let zeroRows = 0;
    for (const r of st.slice(1)) {
      const key = `${r[0]}|${r[1]}`;
      if (num(r[13]) === 0) zeroRows++;
      expect(num(r[13])).toBeCloseTo(sums.get(key) ?? 0, 4);
    }
    expect(zeroRows).toBeGreaterThan(0);
    const koList = await readSheet(snap('eFab_Knit_Orders.xlsx'));
    const balance = new Map(koList.slice(1).map((r) => [String(r[1]).split('&nbsp;')[0], num(r[7])]));
    const pctByKo = new Map<string, number>();
    for (const r of ko.slice(1)) pctByKo.set(String(r[1]), (pctByKo.get(String(r[1])) ?? 0) + num(r[3]));
    for (const [k, pct] of pctByKo) {
      expect(pct).toBeCloseTo(100, 6);
      expect(balance.has(k)).toBe(true);
    }
  });

  it('reproduces the file quirks of the real exports', async () => {
    const bom = readFileSync(master('BOM_updated.csv'), 'utf8');
    expect(bom.charCodeAt(0)).not.toBe(0xfeff);
    const lines = bom.split('\n');
    expect(lines[0]).toBe('Style#,Desc#,BOM_Percentage,unit');
    expect(lines.filter((l) => l === ',,,').length).toBeGreaterThan(4000);
    const real = lines.slice(1).filter((l) => l && l !== ',,,');
    expect(real.every((l) => /,\d+,(1|0\.\d{1,2}),lbs$/.test(l))).toBe(true);
    expect(real.some((l) => l.startsWith(' '))).toBe(true);
    expect(new Set(real).size).toBeLessThan(real.length);
    const sums = new Map<string, number>();
    for (const l of real) {
      const [s, , p] = l.split(',');
      sums.set(s, (sums.get(s) ?? 0) + Number(p));
    }
    const below = [...sums.values()].filter((x) => x < 0.995).length;
    expect(below / sums.size).toBeGreaterThan(0.6);
    expect([...sums.values()].every((x) => x <= 1.0001)).toBe(true);

    const sup = readFileSync(master('Supplier_ID.csv'), 'utf8');
    expect(sup.charCodeAt(0)).toBe(0xfeff);
    expect(sup).toContain(',Remove,Remove,Remove');
    const yid = readFileSync(master('Yarn_ID_Master.csv'), 'utf8');
    expect(yid.charCodeAt(0)).toBe(0xfeff);
    expect(yid).toContain('Planning_Ballance');
    expect(yid).toMatch(/"\d{1,3}(,\d{3})+\.\d\d"/);
    expect(yid).toMatch(/\(\$[\d,]+\.\d\d\)/);
    expect(yid.endsWith(',,,,,,,,,,,,,\n,,,,,,,,,,,,,\n,,,,,,,,,,,,,\n')).toBe(true);

    const kos = await readSheet(snap('eFab_Knit_Orders.xlsx'));
    expect(kos.some((r) => String(r[1]).includes("&nbsp;<i class='fa fa-exclamation-triangle'"))).toBe(true);
    expect(kos.slice(1).some((r) => r[2] === null)).toBe(true);
    expect(kos.slice(1).some((r) => typeof r[10] === 'number')).toBe(true);
    expect(kos.slice(1).some((r) => typeof r[10] === 'string')).toBe(true);
    expect(kos.slice(1).some((r) => r[10] === null && num(r[7]) > 0)).toBe(true);
    expect(kos.slice(1).some((r) => String(r[0]).endsWith(' '))).toBe(true);

    const so = await readSheet(snap('eFab_SO_List.xlsx'));
    expect(so.slice(1).every((r) => /^\$\d+\.\d\d \((yds|lbs|kg|panels|each)\)$/.test(String(r[3])))).toBe(true);
    expect(so.slice(1).some((r) => String(r[6]).includes("<i class='fa fa-toggle-on'"))).toBe(true);
    expect(so.slice(1).every((r) => /^<div id='holdButton_\d+'/.test(String(r[6])))).toBe(true);

    const g00 = await readSheet(snap('eFab_Inventory_G00.xlsx'));
    expect(g00.slice(1).every((r) => typeof r[3] === 'string' && /^\d{9}$/.test(r[3] as string))).toBe(true);
    expect(g00.slice(1).some((r) => /^0\d\d$/.test(String(r[6])))).toBe(true);
    const g02 = await readSheet(snap('eFab_Inventory_G02.xlsx'));
    expect(g02.slice(1).every((r) => typeof r[7] === 'string' && /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(r[7] as string))).toBe(true);
    const f01 = await readSheet(snap('eFab_Inventory_F01.xlsx'));
    expect(f01.slice(1, 50).every((r) => /^00\d+$/.test(String(r[3])))).toBe(true);

    const quads = readFileSync(master('QuadS_greigeFabricList.csv'), 'utf8');
    expect(quads.startsWith('[{"')).toBe(true);
    const q = JSON.parse(quads) as { work_center: string; version: string }[];
    expect(q.every((r) => /^\d+\.\d\d\.\d\d\.[A-Z]+$/.test(r.work_center))).toBe(true);
    expect(q.some((r) => /^0\d{3}/.test(r.version))).toBe(true);

    const mach = readFileSync(master('Machine Report fin1.csv'), 'utf8');
    expect(mach.startsWith('\ufeffWC,MACH\n')).toBe(true);

    const sales = readCsvRows(master('Sales Activity Report.csv'));
    expect(sales[1][1]).toMatch(/^\d\d-\d\d-\d\d$/);
    expect(sales[1][6]).toMatch(/^ \$\d+\.\d\d $/);
    expect(sales.some((r) => /^ \$\d{1,3},\d{3}\.\d\d $/.test(r[7]))).toBe(true);

    const sm = readCsvRows(master('styles_master.csv'));
    expect(sm[0][2]).toBe('2');
    expect(sm.slice(1).filter((r) => r[1].endsWith(' ')).length / (sm.length - 1)).toBeGreaterThan(0.95);

    const api = JSON.parse(readFileSync(master('efab_api_knit_orders.json'), 'utf8')) as Record<string, unknown>[];
    expect(typeof api[0].qty_ordered).toBe('string');
    expect(typeof (api[0].knit_style_base as Record<string, unknown>).base_style).toBe('string');
    expect(api.some((r) => String(r.created_date) > AS_OF)).toBe(true);

    const excelCsv = readFileSync(snap('yarn_inventory.csv'), 'utf8');
    expect(excelCsv.charCodeAt(0)).toBe(0xfeff);
    expect(excelCsv).toMatch(/\$\d+\.\d\d /);
  });

  it('the same seed gives byte-identical CSV and JSON; another seed differs', async () => {
    const again = mkdtempSync(join(tmpdir(), 'demo-test-again-'));
    try {
      await generateErpExports({ seed: SEED, scale: 1, asOf: AS_OF, outDir: again, formats: ['csv'] });
      for (const f of result.manifest.files.filter((x) => x.kind !== 'xlsx')) {
        expect(readFileSync(join(again, f.path)).equals(readFileSync(join(dir, f.path))), f.path).toBe(true);
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
    const other = buildDemoDataset({ seed: SEED + 1, scale: 1, asOf: AS_OF });
    expect(other.knitOrders.map((k) => k.orderNo)).not.toEqual(
      buildDemoDataset({ seed: SEED, scale: 1, asOf: AS_OF }).knitOrders.map((k) => k.orderNo),
    );
  });

  it('demoManifest is pure and lists the planted scenarios', () => {
    const ds = buildDemoDataset({ seed: SEED, scale: 1, asOf: AS_OF });
    const a = demoManifest(ds, ['xlsx', 'csv']);
    expect(demoManifest(ds, ['xlsx', 'csv'])).toEqual(a);
    expect(a).toEqual(result.manifest);
    for (const kind of [
      'yarn-critical',
      'yarn-short-then-recovers',
      'machine-overloaded',
      'ko-without-machine',
      'style-missing-from-bom-export',
      'stale-ko-balance',
    ]) {
      expect(a.scenarios[kind]?.length ?? 0, kind).toBeGreaterThan(0);
    }
    expect(demoTargets(10).knitOrders).toBe(1950);
    expect(addDays(AS_OF, 0)).toBe(AS_OF);
  });
});
