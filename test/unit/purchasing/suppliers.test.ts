import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { purchasingPolicyDefaults as policy } from '../../../src/shared/policy/purchasing';
import {
  createSupplierMatcher,
  normaliseSupplierName,
  significantTokens,
  supplierMasterRows,
  tokenScore,
} from '../../../src/main/engine/purchasing/suppliers';
import type { MrpSupplier } from '../../../src/main/engine/purchasing/types';
import type { Supplier } from '../../../src/shared/domain/entities';
import { erpPath, hasErpData } from '../../support/erpData';
import { readErpSuppliers } from '../../support/erpSuppliers';

// Rows of the real Supplier_ID.csv (Lead_time in weeks, as exported).
const master: MrpSupplier[] = [
  { supplierId: '14', name: 'FILSPEC Yarns', leadTimeAsExported: 12, moqLbs: 1000, retired: false },
  { supplierId: '16', name: 'HYOSUNG HOLDINGS USA INC', leadTimeAsExported: 8, moqLbs: 1000, retired: false },
  { supplierId: '17', name: 'KC TEX INC', leadTimeAsExported: 4, moqLbs: 1000, retired: false },
  { supplierId: '21', name: 'MURAT YAPI', leadTimeAsExported: 10, moqLbs: 10000, retired: false },
  { supplierId: '25', name: 'OMAR', leadTimeAsExported: null, moqLbs: null, retired: true },
  { supplierId: '26', name: 'OMARA TEXTILES', leadTimeAsExported: 6, moqLbs: 1000, retired: false },
  { supplierId: '4', name: 'Betareks A. S.', leadTimeAsExported: 14, moqLbs: 5000, retired: false },
  { supplierId: '7', name: 'BURLINGTON MANUFACTURING SERVICE', leadTimeAsExported: null, moqLbs: null, retired: true },
  { supplierId: '32', name: 'SPUNGOLD', leadTimeAsExported: 14, moqLbs: 5000, retired: false },
  { supplierId: '33', name: 'SPUNLAB', leadTimeAsExported: null, moqLbs: null, retired: true },
];

describe('supplier name normaliser', () => {
  it('drops case, punctuation, accents, legal forms; joins initials', () => {
    expect(normaliseSupplierName('Betareks A. S.')).toBe('betareks');
    expect(normaliseSupplierName('BIELTEX, S.L.')).toBe('bieltex');
    expect(normaliseSupplierName('KC TEX INC')).toBe('kc tex');
    expect(normaliseSupplierName('  Hëlix & Co. ')).toBe('helix');
    expect(normaliseSupplierName('R BELDA LLORENS')).toBe('r belda llorens');
    expect(significantTokens('HYOSUNG HOLDINGS USA INC')).toEqual(['hyosung']);
    expect(significantTokens('AMES (Do not Use)')).toEqual(['ames']);
  });

  it('token score: whole tokens 1, name-side prefix abbreviations 0.85, Dice over both sides', () => {
    expect(tokenScore(['fils'], ['filspec'], policy)).toBeCloseTo(0.85, 6);
    expect(tokenScore(['creora', 'hyosung'], ['hyosung'], policy)).toBeCloseTo(2 / 3, 6);
    expect(tokenScore(['murata', 'machinery'], ['murat', 'yapi'], policy)).toBe(0);
    expect(tokenScore(['burlington', 'industries'], ['burlington', 'manufacturing', 'service'], policy)).toBeCloseTo(0.4, 6);
  });
});

describe('supplier matcher', () => {
  const matcher = createSupplierMatcher(
    master,
    [
      { name: 'SUED', supplierId: '32' },
      { name: 'ABY', supplierId: null },
    ],
    policy,
  );
  const m = (name: string) => {
    const r = matcher.match(name);
    return [r.method, r.supplierId, r.retired];
  };

  it('matches exact, normalised, token and abbreviation forms', () => {
    expect(m('omar')).toEqual(['exact', '25', true]); // exact wins over the prefix of OMARA
    expect(m('KC TEX')).toEqual(['normalised', '17', false]);
    expect(m('Betareks AS')).toEqual(['normalised', '4', false]);
    expect(m('FILS')).toEqual(['token', '14', false]);
    expect(m('CREORA/US Hyosung')).toEqual(['token', '16', false]);
    expect(matcher.match('FILS').score).toBe(0.85);
  });

  it('refuses weak, reversed-prefix and ambiguous matches', () => {
    expect(m('Murata Machinery USA, Inc')).toEqual(['none', null, false]);
    expect(m('BURLINGTON INDUSTRIES LLC')).toEqual(['none', null, false]);
    const spun = matcher.match('SPUN'); // prefix of SPUNGOLD and SPUNLAB: a tie
    expect([spun.method, spun.supplierId]).toEqual(['none', null]);
    expect(spun.candidates?.map((c) => c.supplierId)).toEqual(['32', '33']);
    expect(m('')).toEqual(['none', null, false]);
  });

  it('refuses two companies that share a first word but make different things', () => {
    const local = createSupplierMatcher(
      [
        { supplierId: '1', name: 'Elkin Textiles S.A.', leadTimeAsExported: 14, moqLbs: 1000, retired: false },
        { supplierId: '2', name: 'LOWELL YARNS LTD', leadTimeAsExported: 14, moqLbs: 1000, retired: false },
        { supplierId: '3', name: 'PROMPTEX YARNS INC', leadTimeAsExported: 14, moqLbs: 1000, retired: false },
      ],
      [],
      policy,
    );
    expect(local.match('ELKIN FIBERS INC').supplierId).toBeNull();
    expect(local.match('Lowell Polymers Corp').supplierId).toBeNull();
    // Same trade word, or none on one side: still a match.
    expect(local.match('Fils Promptex Yarns, Inc').supplierId).toBe('3');
    expect(local.match('ELKIN').supplierId).toBe('1');
  });

  it('honours the planner mapping table, including "no supplier on purpose"', () => {
    expect(m('Sued')).toEqual(['manual', '32', false]);
    expect(m('ABY')).toEqual(['manual', null, false]);
  });

  it("reads the master in the policy's lead-time unit; a supplier without an id is known by its row", () => {
    const imported: MrpSupplier[] = [
      { supplierId: '3', name: 'BANSWARA SYNTEX LIMITED', leadTimeAsExported: 14, moqLbs: 5000, retired: false },
      { supplierId: null, name: 'NO ID YARNS', leadTimeAsExported: 0.5, moqLbs: null, retired: false },
      { supplierId: '1', name: 'AKRA', leadTimeAsExported: null, moqLbs: null, retired: true },
    ];
    expect(supplierMasterRows(imported, policy)).toEqual([
      { supplierId: '3', name: 'BANSWARA SYNTEX LIMITED', leadTimeDays: 98, moqLbs: 5000, retired: false },
      { supplierId: 'S2', name: 'NO ID YARNS', leadTimeDays: 3.5, moqLbs: null, retired: false },
      { supplierId: '1', name: 'AKRA', leadTimeDays: null, moqLbs: null, retired: true },
    ]);
    expect(supplierMasterRows(imported, { ...policy, supplierLeadTimeUnit: 'days' }).map((s) => s.leadTimeDays)).toEqual([14, 0.5, null]);
    const matcher = createSupplierMatcher(imported, [], policy);
    expect([matcher.match('NO ID YARNS').supplierId, matcher.byId('S2')?.leadTimeDays, matcher.match('akra').retired]).toEqual(['S2', 3.5, true]);
  });
});

describe.skipIf(!hasErpData)('supplier matcher on the real exports', () => {
  let suppliers: Supplier[];
  beforeAll(async () => {
    suppliers = await readErpSuppliers();
  });
  const parse = (path: string) =>
    Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

  it('matches yarn_inventory supplier names to Supplier_ID.csv better than case-insensitive equality', () => {
    const yarns = parse(erpPath('snapshots', '2025-08-28', 'yarn_inventory.csv'));
    expect(suppliers).toHaveLength(37);
    expect(suppliers.filter((s) => s.retired)).toHaveLength(10);
    expect(yarns).toHaveLength(1199);

    const lower = new Set(suppliers.map((s) => s.name.toLowerCase()));
    const matcher = createSupplierMatcher(suppliers, [], policy);
    const names = yarns.map((y) => y.Supplier ?? '');
    const distinct = [...new Set(names)];
    const before = names.filter((n) => lower.has(n.trim().toLowerCase())).length;
    const after = names.filter((n) => matcher.match(n).supplierId !== null).length;
    const distinctBefore = distinct.filter((n) => lower.has(n.trim().toLowerCase())).length;
    const distinctAfter = distinct.filter((n) => matcher.match(n).supplierId !== null).length;
    const gained = distinct
      .filter((n) => !lower.has(n.trim().toLowerCase()) && matcher.match(n).supplierId !== null)
      .map((n) => `${n} -> ${matcher.match(n).supplierName} (${matcher.match(n).method} ${matcher.match(n).score})`);
    console.log(
      `supplier match rate, yarn rows: ${before}/${names.length} (${((100 * before) / names.length).toFixed(1)} %) case-insensitive -> ` +
        `${after}/${names.length} (${((100 * after) / names.length).toFixed(1)} %) normalised+token; distinct names ${distinctBefore}/${distinct.length} -> ${distinctAfter}/${distinct.length}\n` +
        `  gained: ${gained.join('; ')}`,
    );
    expect(before).toBe(863); // the 72 % the export profile reports
    expect(after).toBe(874);
    expect(distinct).toHaveLength(128);
    expect(distinctAfter).toBe(40);
    expect(matcher.match('KC TEX').supplierName).toBe('KC TEX INC');
    expect(matcher.match('FILS').supplierName).toBe('FILSPEC Yarns');
    expect(matcher.match('CREORA/US Hyosung').supplierName).toBe('HYOSUNG HOLDINGS USA INC');
    // No false friends among the names that do not resolve.
    expect(matcher.match('Murata Machinery USA, Inc').supplierId).toBeNull();
    expect(matcher.match('BURLINGTON INDUSTRIES LLC').supplierId).toBeNull();
  });

  it('matches Expected_Yarn_Report "Purchased From" names (mixed case, long forms) to the master', () => {
    const lower = new Set(suppliers.map((s) => s.name.toLowerCase()));
    const matcher = createSupplierMatcher(suppliers, [], policy);
    const names = parse(erpPath('snapshots', '2025-08-28', 'Expected_Yarn_Report.csv')).map((r) => r['Purchased From'] ?? '');
    const before = names.filter((n) => lower.has(n.trim().toLowerCase())).length;
    const after = names.filter((n) => matcher.match(n).supplierId !== null).length;
    console.log(`Expected_Yarn_Report PO lines: ${before}/${names.length} case-insensitive -> ${after}/${names.length} matched`);
    expect([names.length, before, after]).toEqual([81, 56, 68]);
    expect(matcher.match('SpunLab Performance Yarns').supplierName).toBe('SPUNLAB');
    expect(matcher.match('Fils Promptex Yarns, Inc').supplierName).toBe('PROMPTEX YARNS INC');
    expect(matcher.match('BUHLER').supplierName).toBe('BUHLER QUALITY YARNS CORP');
  });
});
