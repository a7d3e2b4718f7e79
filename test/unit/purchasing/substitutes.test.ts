import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { purchasingPolicyDefaults as policy } from '../../../src/shared/policy/purchasing';
import {
  findSubstitutes,
  freeStockFromMrp,
  normaliseColour,
  parseYarnDescription,
  scoreSubstitute,
  substitutesForShortages,
  toTex,
  type SubstituteYarn,
} from '../../../src/main/engine/purchasing/substitutes';
import { runMrp } from '../../../src/main/engine/purchasing/mrp';
import type { MrpItemResult } from '../../../src/main/engine/purchasing/types';
import { erpPath, hasErpData } from '../../support/erpData';
import { CALENDAR, basePolicy, item, suppliers } from '../../golden/purchasing/cases';

const spec = (description: string, color = 'Natural') => parseYarnDescription(description, color, policy);

describe('yarn description parser', () => {
  it('reads ply/denier/filaments, spun counts, blends, families, processes', () => {
    const f = spec('1/150/48 100% Polyester Semi Dull', 'Semi Dull');
    expect([f.ply, f.countSystem, f.countValue, f.filaments, f.structure, f.colour]).toEqual([1, 'denier', 150, 48, 'filament', 'semi-dull']);
    expect(f.totalTex).toBeCloseTo(16.6667, 4);
    expect(f.blend).toEqual([{ family: 'polyester', pct: 100 }]);

    const p2 = spec('2/300/72 100% Polyester Natural');
    expect([p2.ply, p2.singleTex! * 3, p2.totalTex! * 3]).toEqual([2, 100, 200]);

    const s = spec('30/1 55/45 Recycled Polyester/Recycled Cotton Indigo V 169 RS', 'Indigo');
    expect([s.ply, s.countSystem, s.countValue, s.structure]).toEqual([1, 'Ne', 30, 'spun']);
    expect(s.totalTex).toBeCloseTo(19.6833, 4);
    expect(s.blend).toEqual([
      { family: 'cotton', pct: 45 },
      { family: 'polyester', pct: 55 },
    ]);
    expect(s.processes).toEqual(['recycled', 'ring spun']);

    expect(spec('1/70 100% Spandex Clear H300').blend).toEqual([{ family: 'spandex', pct: 100 }]);
    expect(spec('1/70 100% Lycra Clear 162C').structure).toBe('filament');
    const oe = spec('1/50 60/40 Combed Cotton/Polyester CELESTE OE');
    expect([oe.countSystem, oe.countValue, oe.structure]).toEqual(['Ne', 50, 'spun']);
    expect(spec('20/1 95/5 Viscose Rayon/Cashmere Wool Black').blend).toEqual([
      { family: 'rayon', pct: 95 },
      { family: 'wool', pct: 5 },
    ]);
    expect(spec('30/1 60/40 Polyester Heather/Coal 60% black poly/40% natural poly').blend).toEqual([{ family: 'polyester', pct: 100 }]);
    expect(spec('40Nm 100% Wool').totalTex).toBe(25);
    expect(spec('167dtex 100% Polyester').totalTex).toBeCloseTo(16.7, 6);
  });

  it('says what it could not read', () => {
    const r = spec('1/1/HNK 100% Cotton Natural ROVING');
    expect([r.totalTex, r.structure]).toEqual([null, null]);
    expect(r.warnings[0]).toContain('not recognised');
    expect(spec('30/1 Polyester/Rayon Natural').blend).toEqual([
      { family: 'polyester', pct: null },
      { family: 'rayon', pct: null },
    ]);
  });

  it('converts counts to tex and normalises colours', () => {
    expect(toTex('Ne', 30)).toBeCloseTo(19.6833, 4);
    expect(toTex('Nm', 50)).toBe(20);
    expect(toTex('denier', 150)).toBeCloseTo(16.6667, 4);
    expect(toTex('dtex', 167)).toBeCloseTo(16.7, 6);
    expect(toTex('Ne', 0)).toBeNull();
    expect(normaliseColour('BLK BRT')).toBe('black bright');
    expect(normaliseColour('Semi Dull')).toBe(normaliseColour('SD'));
    expect(normaliseColour('Dawn Grey')).toBe(normaliseColour('gray dawn'));
    expect(normaliseColour('  ')).toBeNull();
  });
});

describe('substitute score (one function, one line per criterion)', () => {
  const target = spec('1/150/48 100% Polyester Natural');
  const crit = (c: string, color = 'Natural') => {
    const s = scoreSubstitute(target, spec(c, color), policy);
    return { eligible: s.eligible, score: s.score, failed: s.criteria.filter((x) => !x.pass).map((x) => x.criterion) };
  };

  it('accepts an equal yarn at score 1 and lowers the score with the size gap', () => {
    expect(crit('1/150/36 100% Polyester NAT')).toEqual({ eligible: true, score: 1, failed: [] });
    // 155 / 150 = +3.33 %: factor 1 - 0.2 x 3.33/5 = 0.8667
    expect(crit('1/155/48 100% Polyester Natural').score).toBeCloseTo(0.8667, 4);
    expect(crit('1/160/48 100% Polyester Natural')).toEqual({ eligible: false, score: 0, failed: ['size'] });
  });

  it('fails on family, structure (spun never for filament), colour; ply is a soft 0.8', () => {
    expect(crit('1/150/48 100% Nylon Natural').failed).toEqual(['material family']);
    // 177 denier = 19.67 tex ~ Ne 30 (19.68 tex): same size, but spun vs filament
    const spunTarget = spec('30/1 100% Polyester Natural RS');
    const s = scoreSubstitute(spunTarget, spec('1/177/48 100% Polyester Natural'), policy);
    expect(s.criteria.find((c) => c.criterion === 'structure')).toMatchObject({
      pass: false,
      detail: 'filament for spun: never (spun never substitutes filament)',
    });
    expect(s.criteria.find((c) => c.criterion === 'size')!.pass).toBe(true);
    expect(crit('1/150/48 100% Polyester Black', 'Black').failed).toEqual(['colour']);
    // 2 x 75 denier = 16.67 tex = 150 denier: size ok, ply differs
    expect(crit('2/75/36 100% Polyester Natural')).toEqual({ eligible: true, score: 0.8, failed: ['ply'] });
  });

  it('blends within 4 points; process attributes cost 0.9 each', () => {
    const t = spec('30/1 55/45 Recycled Polyester/Recycled Cotton Indigo RS', 'Indigo');
    const near = scoreSubstitute(t, spec('30/1 52/48 Polyester/Cotton Indigo RS', 'Indigo'), policy);
    // blend 3 pts: 1 - 0.2 x 3/4 = 0.85; "recycled" differs: x 0.9 -> 0.765
    expect(near.eligible).toBe(true);
    expect(near.score).toBeCloseTo(0.765, 4);
    expect(
      scoreSubstitute(t, spec('30/1 50/50 Recycled Polyester/Recycled Cotton Indigo RS', 'Indigo'), policy).criteria.find(
        (c) => c.criterion === 'blend',
      )!.pass,
    ).toBe(false);
  });
});

describe('findSubstitutes', () => {
  const yarn = (yarnId: string, description: string, free: number[], color = 'Natural'): SubstituteYarn => ({
    yarnId,
    spec: parseYarnDescription(description, color, policy),
    freeStockByWeek: free,
  });
  const target = yarn('T', '1/150/48 100% Polyester Natural', [0, 0, 0]);

  it('keeps eligible yarns with free stock in the shortage week, best score then most stock', () => {
    const out = findSubstitutes(
      target,
      { week: 2, lbs: 500 },
      [
        target,
        yarn('A', '1/155/48 100% Polyester Natural', [0, 0, 900]), // 0.8667
        yarn('B', '1/150/36 100% Polyester Natural', [0, 0, 200]), // 1
        yarn('C', '1/150/36 100% Polyester Natural', [0, 0, 800]), // 1, more stock
        yarn('D', '1/150/48 100% Polyester Natural', [999, 999, 0]), // no stock in week 2
        yarn('E', '1/150/48 100% Nylon Natural', [0, 0, 999]), // wrong family
      ],
      policy,
    );
    expect(out.map((c) => [c.yarnId, c.score, c.freeStockLbs, c.coverLbs])).toEqual([
      ['C', 1, 800, 500],
      ['B', 1, 200, 200],
      ['A', 0.8667, 900, 500],
    ]);
  });

  it('free stock from an MRP result: what can leave without pushing a later week below safety stock', () => {
    const item = { weeks: { projectedOnHand: [500, 300, 400, 350], safetyStock: [100, 100, 100, 100] } } as unknown as MrpItemResult;
    expect(freeStockFromMrp(item)).toEqual([200, 200, 250, 250]);
  });
});

describe.skipIf(!hasErpData)('substitutes on the real yarn inventory', () => {
  it('parses nearly every description and finds like-for-like candidates', () => {
    const text = readFileSync(erpPath('snapshots', '2025-08-28', 'yarn_inventory.csv'), 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const specs = rows.map((r) => parseYarnDescription(r.Description ?? '', r.Color, policy));
    const sized = specs.filter((s) => s.totalTex !== null).length;
    const family = specs.filter((s) => s.blend.length > 0).length;
    const blend = specs.filter((s) => s.blend.length > 0 && s.blend.every((b) => b.pct !== null)).length;
    const pool = specs.map((spec, i) => ({ yarnId: String(i), spec, freeStockByWeek: [1] }));
    const withSubstitute = pool.filter((t) => findSubstitutes(t, { week: 0, lbs: 1 }, pool, policy).length > 0).length;
    console.log(
      `yarn descriptions: size ${sized}/${specs.length}, family ${family}, blend ${blend}; yarns with >= 1 eligible substitute: ${withSubstitute}`,
    );
    expect(specs).toHaveLength(1199);
    expect(sized).toBeGreaterThanOrEqual(1185);
    expect(family).toBeGreaterThanOrEqual(1190);
    expect(blend).toBeGreaterThanOrEqual(1165);
    expect(withSubstitute).toBeGreaterThan(300);
  });
});

describe('substitutesForShortages (from an MRP result)', () => {
  it('offers free stock of a like-for-like yarn for a late order that leaves a stock-out', () => {
    // SHORT (DELTA, 35 d): 100 on hand, 400 needed in W1 -> late order leaves 300 short in W1..W4.
    // SUB: same yarn spec, 1000 on hand, 200 needed in W6 -> 800 free in W1. OTHER: nylon, 5000 free.
    const result = runMrp(
      {
        calendar: CALENDAR,
        suppliers,
        items: [
          item('SHORT', 'DELTA', 100, [0, 400]),
          item('SUB', 'ALPHA YARNS INC', 1000, [0, 0, 0, 0, 0, 0, 200]),
          item('OTHER', 'ALPHA YARNS INC', 5000, []),
        ],
      },
      basePolicy,
    );
    const specs = new Map([
      ['SHORT', spec('1/150/48 100% Polyester Natural')],
      ['SUB', spec('1/150/34 100% Polyester Natural')],
      ['OTHER', spec('1/150/48 100% Nylon Natural')],
    ]);
    const out = substitutesForShortages(result.items, specs, basePolicy);
    expect(out.map((o) => [o.yarnId, o.week, o.shortageLbs, o.cause, o.candidates.map((c) => [c.yarnId, c.freeStockLbs, c.coverLbs])])).toEqual([
      ['SHORT', 1, 300, 'late order', [['SUB', 800, 300]]],
    ]);
  });
});
