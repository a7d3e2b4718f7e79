import { describe, expect, it } from 'vitest';
import { buildBomSources, buildRateSources, normaliseBomLines, resolveBom, resolveRate } from '../../../src/main/engine/yarn';
import { yarnPolicyDefaults as policy } from '../../../src/shared/policy/yarn';

describe('normaliseBomLines', () => {
  it('sums duplicate yarn lines (1853/L: 0.27 + 0.48 + 0.24 of yarn 18669; the ERP shows 100 %)', () => {
    const n = normaliseBomLines(
      [
        { style: '1853/L', yarnId: '18669', fraction: 0.27 },
        { style: '1853/L', yarnId: '18669', fraction: 0.48 },
        { style: '1853/L', yarnId: '18669', fraction: 0.24 },
      ],
      policy,
    );
    expect(n.duplicates).toBe(2);
    expect(n.sum).toBeCloseTo(0.99, 12);
    expect(n.normalised).toBe(true); // |0.99 - 1| = 0.01 > 0.005
    expect(n.lines).toEqual([{ yarnId: '18669', fraction: 1 }]);
  });

  it('keeps a BOM within the tolerance and drops blank or zero lines (Style_BOM header lines)', () => {
    const n = normaliseBomLines(
      [
        { style: 'S', yarnId: '', fraction: 0 },
        { style: 'S', yarnId: '2', fraction: 0.5 },
        { style: 'S', yarnId: '1', fraction: 0.496 },
        { style: 'S', yarnId: '3', fraction: 0 },
      ],
      policy,
    );
    expect(n.dropped).toBe(2);
    expect(n.normalised).toBe(false); // 0.996 is within 0.005 of 1
    expect(n.lines).toEqual([
      { yarnId: '1', fraction: 0.496 },
      { yarnId: '2', fraction: 0.5 },
    ]);
    expect(n.warnings).toEqual([]);
  });

  it('normalises a truncated BOM (0.91 + 0.08 = 0.99 -> 0.9192, 0.0808)', () => {
    const n = normaliseBomLines(
      [
        { style: 'S', yarnId: '1', fraction: 0.91 },
        { style: 'S', yarnId: '2', fraction: 0.08 },
      ],
      policy,
    );
    expect(n.lines[0].fraction).toBeCloseTo(0.91 / 0.99, 12);
    expect(n.lines[1].fraction).toBeCloseTo(0.08 / 0.99, 12);
    expect(n.lines[0].fraction + n.lines[1].fraction).toBeCloseTo(1, 12);
  });
});

describe('resolveBom', () => {
  it('does not guess when two export styles collapse to the same space-free key', () => {
    const sources = buildBomSources({
      exportLines: [
        { style: 'A B/1', yarnId: '1', fraction: 1 },
        { style: 'AB /1', yarnId: '2', fraction: 1 },
      ],
    });
    expect(resolveBom('A B/1', sources, policy).lines).toEqual([{ yarnId: '1', fraction: 1 }]);
    expect(resolveBom('AB/1', sources, policy).provenance.source).toBe('none');
  });

  it('a planner override with no lines means "no BOM" on purpose', () => {
    const sources = buildBomSources({
      overrides: [{ style: 'S/1', lines: [], asOf: '2025-09-01', note: 'discontinued' }],
      exportLines: [{ style: 'S/1', yarnId: '1', fraction: 1 }],
    });
    const bom = resolveBom(' S/1', sources, policy);
    expect(bom).toMatchObject({ style: 'S/1', lines: [], provenance: { source: 'override', note: 'discontinued' } });
  });
});

describe('resolveRate', () => {
  it('skips a non-positive Production Lbs rate and says so', () => {
    const sources = buildRateSources({
      knitRates: [
        { style: 'CT1/1', lbsPerDay: -1808 },
        { style: 'CT1/2', lbsPerDay: 400 },
        { style: 'CT1/3', lbsPerDay: 500 },
        { style: 'CT1/4', lbsPerDay: 700 },
      ],
    });
    const r = resolveRate('CT1/1', sources, policy);
    expect(r.lbsPerDay).toBe(500); // median of the positive siblings 400, 500, 700
    expect(r.provenance.source).toBe('base-median');
    expect(r.provenance.note).toContain('-1808 is not usable');
    const off = resolveRate('CT1/1', sources, { ...policy, rateBaseMedianFallback: false });
    expect(off).toMatchObject({ lbsPerDay: null, provenance: { source: 'none' } });
  });

  it('prefers the exactly spelled style when trimming makes two Production Lbs keys equal', () => {
    const sources = buildRateSources({
      knitRates: [
        { style: ' X/1', lbsPerDay: 300 },
        { style: 'X/1', lbsPerDay: 250 },
      ],
    });
    expect(resolveRate('X/1', sources, policy)).toMatchObject({ lbsPerDay: 250, provenance: { note: 'Production Lbs, exact style' } });
  });

  it('an override of 0 means "no rate" on purpose', () => {
    const sources = buildRateSources({
      overrides: [{ style: 'X/1', lbsPerDay: 0, asOf: '2025-09-01' }],
      knitRates: [{ style: 'X/1', lbsPerDay: 250 }],
    });
    expect(resolveRate('X/1', sources, policy)).toMatchObject({ lbsPerDay: null, provenance: { source: 'override' } });
  });
});
