// Pure pieces behind the planner overrides, the demand layers and the newer backend fields: BOM lines as editable
// drafts and their validation, the rate check, draft rows with value, the risk basis sentence.
import { describe, expect, it } from 'vitest';
import { bomTotalPct, buildBomLines, buildRate, linesToDrafts, noteInput } from '../../../src/renderer/src/pages/demand/overrideModel';
import { bomLinesText } from '../../../src/renderer/src/pages/demand/demandRows';
import { draftRow } from '../../../src/renderer/src/pages/purchasing/DraftsTab';
import { riskBasisText } from '../../../src/renderer/src/pages/yarn/RiskCell';
import { channels } from '../../../src/shared/contract';

describe('BOM override lines', () => {
  const resolved = [
    { yarnId: '3345', fraction: 0.7992 },
    { yarnId: '4001', fraction: 0.1406 },
    { yarnId: '4849', fraction: 0.0348 },
    { yarnId: '5272', fraction: 0.0254 },
  ];

  it('edits the resolved BOM of the demand view (fractions) as percentages, and prints it', () => {
    expect(linesToDrafts(resolved)).toEqual([
      { yarnId: '3345', pct: '79.92' },
      { yarnId: '4001', pct: '14.06' },
      { yarnId: '4849', pct: '3.48' },
      { yarnId: '5272', pct: '2.54' },
    ]);
    expect(bomLinesText(resolved)).toBe('3345 79.92%, 4001 14.06%, 4849 3.48%, 5272 2.54%');
    expect(bomLinesText([{ yarnId: '4054', fraction: 1 }])).toBe('4054 100%');
    expect(linesToDrafts([])).toEqual([]);
  });

  it('turns saved fractions back into percentages', () => {
    expect(
      linesToDrafts([
        { yarnId: 'a', fraction: 0.8 },
        { yarnId: 'b', fraction: 0.2 },
      ]),
    ).toEqual([
      { yarnId: 'a', pct: '80' },
      { yarnId: 'b', pct: '20' },
    ]);
    expect(linesToDrafts([{ yarnId: 'a', fraction: 1 / 3 }])[0].pct).toBe('33.3333');
  });

  it('requires shares that total 100 % and builds fractions summing to exactly 1', () => {
    const ok = buildBomLines([
      { yarnId: '3345', pct: '80' },
      { yarnId: ' 4001 ', pct: '20' },
    ]);
    expect(ok).toEqual({
      ok: true,
      lines: [
        { yarnId: '3345', fraction: 0.8 },
        { yarnId: '4001', fraction: 0.2 },
      ],
      warnings: [],
    });

    // Rounded shares (3 × 33.33 = 99.99 %) are accepted and scaled to 1.
    const thirds = buildBomLines([
      { yarnId: 'a', pct: '33.33' },
      { yarnId: 'b', pct: '33.33' },
      { yarnId: 'c', pct: '33.33' },
    ]);
    expect(thirds.ok).toBe(true);
    if (thirds.ok) expect(thirds.lines.reduce((t, l) => t + l.fraction, 0)).toBeCloseTo(1, 9);

    const short = buildBomLines([
      { yarnId: 'a', pct: '70' },
      { yarnId: 'b', pct: '20' },
    ]);
    expect(short).toMatchObject({ ok: false, error: 'The shares total 90 %: they must total 100 %' });
    expect(
      bomTotalPct([
        { yarnId: 'a', pct: '70' },
        { yarnId: 'b', pct: 'x' },
      ]),
    ).toBe(70);
  });

  it('explains what is missing or wrong, and warns about yarns not in the inventory', () => {
    expect(buildBomLines([])).toMatchObject({ ok: false, error: 'Add at least one yarn' });
    expect(buildBomLines([{ yarnId: '', pct: '100' }])).toMatchObject({ ok: false, error: 'Line 1: give the yarn id' });
    expect(
      buildBomLines([
        { yarnId: 'a', pct: '50' },
        { yarnId: 'a', pct: '50' },
      ]),
    ).toMatchObject({ ok: false, error: 'Yarn a is listed twice: merge the lines' });
    expect(
      buildBomLines([
        { yarnId: 'a', pct: '0' },
        { yarnId: 'b', pct: '100' },
      ]),
    ).toMatchObject({ ok: false, error: 'Yarn a: the share is a percentage above 0' });
    // Blank trailing lines (after "Add yarn") are ignored.
    expect(
      buildBomLines([
        { yarnId: 'a', pct: '100' },
        { yarnId: '', pct: '' },
      ]).ok,
    ).toBe(true);
    const unknown = buildBomLines([{ yarnId: 'ZZZ9', pct: '100' }], new Set(['4001']));
    expect(unknown).toMatchObject({ ok: true, warnings: ['Yarn ZZZ9 is not in the yarn inventory of this snapshot'] });
  });

  it('builds inputs the contract accepts', () => {
    const built = buildBomLines(linesToDrafts(resolved));
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(channels['overrides.setBom'].input.safeParse({ style: '303608/HB', lines: built.lines, ...noteInput('  lab  ') }).success).toBe(true);
    const rate = buildRate('455.678');
    expect(rate).toEqual({ ok: true, lbsPerDay: 455.68 });
    if (rate.ok)
      expect(channels['overrides.setRate'].input.safeParse({ style: 'X/1', lbsPerDay: rate.lbsPerDay, ...noteInput('') }).success).toBe(true);
  });
});

describe('rate override', () => {
  it('accepts a positive lbs/day and rejects the rest', () => {
    expect(buildRate('')).toMatchObject({ ok: false, error: 'Give the knitting rate in lbs/day' });
    expect(buildRate('-3')).toMatchObject({ ok: false });
    expect(buildRate('abc')).toMatchObject({ ok: false });
    expect(buildRate('50000')).toMatchObject({ ok: false });
    expect(buildRate(' 1082.2 ')).toEqual({ ok: true, lbsPerDay: 1082.2 });
  });
  it('sends a note only when there is one', () => {
    expect(noteInput('   ')).toEqual({});
    expect(noteInput(' measured ')).toEqual({ note: 'measured' });
    expect(noteInput('x'.repeat(400)).note).toHaveLength(300);
  });
});

describe('PO drafts', () => {
  const base = {
    draftId: 'D-1',
    yarnId: '2014',
    supplierId: null,
    qtyLbs: 1000,
    receiptDate: '2026-11-16',
    releaseDate: '2026-11-02',
    status: 'accepted' as const,
  };
  it('uses the draft’s own supplier, description and price, with the value', () => {
    const info = new Map([['2014', { supplierName: 'from position', description: 'from position' }]]);
    expect(draftRow({ ...base, supplierName: 'DUNMORE YARN MILLS LLC', description: '1/75/24 Polyester', costPerLb: 1.5 }, info)).toMatchObject({
      supplierName: 'DUNMORE YARN MILLS LLC',
      description: '1/75/24 Polyester',
      valueUsd: 1500,
    });
    expect(draftRow(base, info)).toMatchObject({ supplierName: 'from position', description: 'from position', valueUsd: null });
  });
});

describe('risk basis', () => {
  it('says what set the band', () => {
    expect(riskBasisText({ riskBasis: 'projected deficit', planningBalanceLbs: 1200, maxDeficitLbs: 3446.2, firstShortWeek: '2026-11-23' })).toBe(
      'Band from the deepest projected deficit (3,446 lbs short from 2026-11-23), worse than today’s planning balance (1,200 lbs)',
    );
    expect(riskBasisText({ riskBasis: 'planning balance', planningBalanceLbs: -2997.4, maxDeficitLbs: 0, firstShortWeek: null })).toBe(
      'Band from today’s planning balance (-2,997 lbs)',
    );
  });
});
