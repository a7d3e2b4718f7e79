// Acceptance on the real sales history (Sales Activity Report, 26 weeks): the fair backtest of
// research/erp-exports-profile.md §6 — origins from week 12, h 1-4 (11 complete origins x 4 = 44 points per series),
// the selection next to the naive, MA-4, MA-8 and historical-mean baselines, at TOTAL level, for the 20 styles
// with at least 12 weeks of sales and their style x customer series, after the hierarchy step (total, styles and
// style x customer; approach per level chosen by the nested backtest). Everything is nested: each origin chooses its
// model, combination weights and hierarchy approach from forecasts of earlier weeks only. Figures are pinned so
// regressions (and improvements) show; they are what the engine achieves, not targets.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { erpPath, hasErpData } from '../support/erpData';
import { forecastPolicyDefaults } from '../../src/shared/policy/forecast';
import { buildDemandSeries, makeCoherent, runForecastBatch, summariseAccuracy, type SalesLine } from '../../src/main/engine/forecast';

function readSales(): SalesLine[] {
  const text = readFileSync(erpPath('master', 'Sales Activity Report.csv'), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  return rows.map((r) => {
    const [mm, dd, yy] = r['Invoice Date'].trim().split('-'); // MM-DD-YY
    return {
      document: r.Document,
      invoiceDate: `20${yy}-${mm}-${dd}`,
      customer: r.Customer,
      finishedStyle: r['fStyle#'].trim(),
      qty: Number(r.Yds_ordered.replace(/,/g, '')),
      uom: r.UOM,
    };
  });
}

describe.skipIf(!hasErpData)('forecasting the real sales history', () => {
  const lines = hasErpData ? readSales() : [];
  const history = buildDemandSeries(lines, { levels: ['total', 'style', 'styleCustomer'] });
  const total = history.series.find((s) => s.id === 'TOTAL')!;
  const styles = history.series.filter((s) => s.level === 'style');
  const active = styles.filter((s) => s.values.filter((v) => v > 0).length >= 12);
  const all = hasErpData ? runForecastBatch(history.series, { keepRows: false }).results : [];
  const coherent = hasErpData ? makeCoherent(history.series, all, forecastPolicyDefaults) : { levels: [], problem: null };
  const results = hasErpData ? [total, ...active].map((s) => all.find((r) => r.series === s.id)!) : [];
  const activeIds = new Set(active.map((s) => s.style));
  const table = summariseAccuracy(all, (r) => {
    const s = history.series.find((x) => x.id === r.series)!;
    if (s.level === 'total') return ['TOTAL'];
    if (!activeIds.has(s.style!)) return [];
    return s.level === 'style' ? ['styles', `class:${r.classification.demandClass}`] : r.classification.forecastable ? ['style x customer'] : [];
  });
  const wape = (group: string, model: string) => table[group][model].wape;
  const BASELINES = ['naive', 'ma4', 'ma8', 'mean'];
  const SINGLES = [...BASELINES, 'clippedMean', 'ses', 'holtDamped', 'theta', 'croston', 'sba', 'tsb', 'adida'];

  it('26 ISO weeks, 109 styles, yards only (each and kg lines listed as excluded)', () => {
    expect(lines).toHaveLength(1540);
    expect(history.weeks).toHaveLength(26);
    expect(history.weeks[0]).toBe('2024-12-30');
    expect(history.weeks[25]).toBe('2025-06-23');
    expect(new Set(lines.map((l) => l.finishedStyle)).size).toBe(109);
    expect(history.lineIssues.map((i) => i.uom).sort()).toEqual(['each', 'each', 'each', 'each', 'each', 'each', 'each', 'kg']);
    expect(history.lineIssues.every((i) => i.action === 'excluded')).toBe(true);
    // two styles sold only in each/kg: no yards series
    expect(styles).toHaveLength(107);
    expect(Math.round(total.values.reduce((a, b) => a + b, 0) / 26)).toBe(22389); // profile: mean 22.5k yds/week
    expect(active).toHaveLength(20);
  });

  it('classifies the 20 styles with 12+ weeks of sales; only they (and TOTAL) are forecast statistically', () => {
    const classes = results.slice(1).map((r) => r.classification.demandClass);
    // ADI counts weeks from a style's first sale (the profile counts all 26 weeks: 13 intermittent, 5 smooth, 2 erratic)
    expect(classes.filter((c) => c === 'intermittent')).toHaveLength(10);
    expect(classes.filter((c) => c === 'smooth')).toHaveLength(8);
    expect(classes.filter((c) => c === 'erratic')).toHaveLength(2);
    expect(results.every((r) => r.forecast.method === 'statistical')).toBe(true);
    const rest = runForecastBatch(
      styles.filter((s) => !active.includes(s)),
      { keepRows: false },
    ).results;
    expect(rest.every((r) => r.forecast.method === 'ordersOnly')).toBe(true);
  });

  it('TOTAL: the selection (h 1-4) beats every baseline, but by 0.33 % of the historical mean only (the target was 2 %)', () => {
    expect(table.TOTAL.naive.points).toBe(44);
    expect(wape('TOTAL', 'naive')).toBeCloseTo(0.3976, 4); // profile: 0.40
    expect(wape('TOTAL', 'ma4')).toBeCloseTo(0.3135, 4); // 0.31
    expect(wape('TOTAL', 'ma8')).toBeCloseTo(0.2999, 4); // 0.30
    expect(wape('TOTAL', 'mean')).toBeCloseTo(0.2733, 4); // 0.27
    // the long-run level with outliers clipped is the benchmark; nothing beats it significantly on 26 weeks
    expect(wape('TOTAL', 'selected')).toBeCloseTo(0.2725, 4);
    expect(wape('TOTAL', 'selected')).toBe(wape('TOTAL', 'clippedMean'));
    const best = Math.min(...BASELINES.map((m) => wape('TOTAL', m)));
    expect(wape('TOTAL', 'selected')).toBeLessThan(best);
    expect(1 - wape('TOTAL', 'selected') / best).toBeCloseTo(0.0033, 4); // relative; absolute 0.0009
    expect(table.TOTAL.selected.bias).toBeCloseTo(-0.0589, 4);
    expect(table.TOTAL.selected.mase).toBeCloseTo(0.9688, 4);
    expect(table.TOTAL.naive.mase).toBeGreaterThan(table.TOTAL.selected.mase);
    // the combinations and the hierarchy approaches, next to it on the same points
    expect(wape('TOTAL', 'comb')).toBeCloseTo(0.2923, 4);
    expect(wape('TOTAL', 'mint')).toBeCloseTo(0.4205, 4);
    expect(wape('TOTAL', 'bottomUp')).toBeCloseTo(1.031, 4); // new styles' first weeks swamp the sum
  });

  it('the 20 styles with 12+ weeks: selection next to the baselines (pooled WAPE h 1-4) — not better than the mean', () => {
    expect(table.styles.naive.points).toBe(20 * 44);
    expect(wape('styles', 'naive')).toBeCloseTo(0.8271, 4); // profile: 0.83
    expect(wape('styles', 'ma4')).toBeCloseTo(0.6581, 4); // 0.66
    expect(wape('styles', 'ma8')).toBeCloseTo(0.6685, 4); // 0.68
    expect(wape('styles', 'mean')).toBeCloseTo(0.6512, 4); // 0.69 in the profile (its mean includes weeks before a style's first sale)
    expect(wape('styles', 'selected')).toBeCloseTo(0.657, 4);
    expect(wape('styles', 'selected')).toBeLessThan(wape('styles', 'ma4'));
    // the best single model over these styles (chosen with hindsight) and the mean both stay ahead
    const bestSingle = Math.min(...SINGLES.map((m) => wape('styles', m)));
    expect(bestSingle).toBeCloseTo(0.6446, 4); // SES
    expect(wape('styles', 'selected')).toBeGreaterThan(wape('styles', 'mean'));
  });

  it('chooses the hierarchy approach per level by the nested backtest: every level keeps its own forecasts on this history', () => {
    expect(coherent.problem).toBeNull();
    expect(coherent.levels!.map((l) => [l.level, l.final])).toEqual([
      ['total', 'base'],
      ['style', 'base'],
      ['styleCustomer', 'base'],
    ]);
    expect(wape('style x customer', 'selected')).toBeCloseTo(0.7744, 4);
    expect(wape('style x customer', 'mean')).toBeCloseTo(0.7621, 4);
  });

  it('per class (pooled over the styles of each class): selection vs naive, MA-4, MA-8, mean', () => {
    const row = (c: string) => ['selected', 'naive', 'ma4', 'ma8', 'mean'].map((m) => Math.round(wape(`class:${c}`, m) * 1e4) / 1e4);
    expect(row('smooth')).toEqual([0.5683, 0.7442, 0.5518, 0.5776, 0.5656]);
    expect(row('erratic')).toEqual([0.7378, 1.1551, 0.8601, 0.7565, 0.7391]);
    expect(row('intermittent')).toEqual([0.9509, 1.0712, 0.9974, 0.9688, 0.934]);
  });

  it('forward forecast of TOTAL: the clipped long-run level, with empirical bands that contain it', () => {
    const f = results[0].forecast;
    expect(f.members).toEqual(['clippedMean']);
    expect(f.approach).toBe('base');
    expect(f.weeks[0]).toBe('2025-06-30');
    expect(f.point[0]).toBeCloseTo(22557.8, 0);
    expect(f.lo80[0]).toBeLessThan(f.point[0]);
    expect(f.hi95[0]).toBeGreaterThan(f.hi80[0]);
    expect(Math.round(f.lo80[0])).toBe(16638);
    expect(Math.round(f.hi80[0])).toBe(35066);
  });

  it('flags the unusual weeks of TOTAL for review without changing the series (the New Year and a late-January week, a May peak)', () => {
    const flags = history.outliers.filter((o) => o.series === 'TOTAL').map((o) => `${o.week} ${o.direction}`);
    expect(flags).toEqual(['2024-12-30 low', '2025-01-27 low', '2025-05-12 high']);
    expect(total.values[0]).toBe(8941);
  });
});
