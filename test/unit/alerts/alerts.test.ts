import { describe, expect, it } from 'vitest';
import { computeAlerts, defaultAlertPolicies, defaultAlertView } from '../../../src/main/engine/alerts';
import type { AlertInput, AlertPolicies, AlertYarnInput } from '../../../src/main/engine/alerts/types';
import { alertSchema } from '../../../src/shared/scenario';

const empty = (extra: Partial<AlertInput> = {}): AlertInput => ({
  asOf: '2025-09-02',
  horizonEnd: '2025-12-01',
  yarns: [],
  workCenterWeeks: [],
  lateOrders: [],
  forecastDeviation: [],
  importWarnings: [],
  ...extra,
});

const yarnRow = (yarnId: string, extra: Partial<AlertYarnInput> = {}): AlertYarnInput => ({
  yarnId,
  description: `yarn ${yarnId}`,
  firstShortWeek: null,
  shortLbs: 0,
  maxDeficitLbs: 0,
  recoveryWeek: null,
  costPerLb: 3,
  planningBalanceLbs: 100,
  draftLbs: 0,
  ...extra,
});

const withPolicy = (alerts: Partial<AlertPolicies['alerts']>): AlertPolicies => ({
  ...defaultAlertPolicies,
  alerts: { ...defaultAlertPolicies.alerts, ...alerts },
});

describe('yarn alerts', () => {
  it('bands by the yarn risk ladder on the worse of planning balance and projected deficit', () => {
    const r = computeAlerts(
      empty({
        yarns: [
          yarnRow('A', { planningBalanceLbs: -1500 }),
          yarnRow('B', { planningBalanceLbs: -500 }),
          yarnRow('C', { planningBalanceLbs: -50 }),
          yarnRow('D', { planningBalanceLbs: 0 }),
          yarnRow('E', { planningBalanceLbs: 200, firstShortWeek: '2025-09-15', shortLbs: 1200, maxDeficitLbs: 1200, recoveryWeek: '2025-10-13' }),
          yarnRow('F', { planningBalanceLbs: -1000 }),
        ],
      }),
    );
    const sev = Object.fromEntries(r.alerts.map((a) => [a.key, a.severity]));
    // -1,000 is not below -1,000: HIGH (CRITICAL < -1000 <= HIGH < -100 <= MEDIUM < 0 <= LOW).
    expect(sev).toEqual({
      'yarn-short:A': 'critical',
      'yarn-short:B': 'high',
      'yarn-short:C': 'medium',
      'yarn-short:E': 'critical',
      'yarn-short:F': 'high',
    });
    expect(r.counts).toEqual({ critical: 2, high: 2, medium: 1, low: 0 });
    for (const a of r.alerts) expect(alertSchema.safeParse(a).success).toBe(true);
  });

  it('impact = lbs x days short and lbs x cost; the cause names the first week and the span', () => {
    const [a] = computeAlerts(
      empty({
        yarns: [
          yarnRow('18868', {
            description: '30/1 cotton',
            planningBalanceLbs: -300,
            firstShortWeek: '2025-09-15',
            shortLbs: 800,
            maxDeficitLbs: 1250,
            recoveryWeek: '2025-10-13',
            costPerLb: 3.5,
          }),
        ],
      }),
    ).alerts;
    // Severity by -1,250 (critical); lbs = max(800, 1,250); 28 days from 09-15 to 10-13.
    expect(a).toMatchObject({
      key: 'yarn-short:18868',
      severity: 'critical',
      firstWeek: '2025-09-15',
      impact: { lbs: 1250, days: 28, lbsDays: 35_000, valueUsd: 4375, count: 4 },
      link: { page: 'yarn', params: { yarnId: '18868' } },
    });
    expect(a.cause).toBe(
      'Projected balance of yarn 18868 (30/1 cotton) goes negative in 2025-W38 (week of 2025-09-15) and stays short 4 weeks, until 2025-W42; ' +
        'deepest deficit 1,250 lbs, planning balance -300 lbs. 1,250 lbs short, worth $4,375 at $3.5/lb.',
    );
  });

  it("counts the planner's accepted PO drafts with the planning balance, as the yarn position does", () => {
    const [a, b] = computeAlerts(
      empty({ yarns: [yarnRow('D', { planningBalanceLbs: -1500, draftLbs: 1000 }), yarnRow('N', { planningBalanceLbs: -1500 })] }),
    ).alerts;
    expect([a.key, a.severity, b.key, b.severity]).toEqual(['yarn-short:N', 'critical', 'yarn-short:D', 'high']);
    expect(b.cause).toBe(
      'Planning balance of yarn D (yarn D) is -1,500 lbs (+ 1,000 lbs of accepted PO drafts); no projected week is short within the horizon. 500 lbs short, worth $1,500 at $3/lb.',
    );
  });

  it('a shortage that does not recover counts to the end of the horizon', () => {
    const [a] = computeAlerts(
      empty({ yarns: [yarnRow('X', { firstShortWeek: '2025-11-03', shortLbs: 200, maxDeficitLbs: 200, costPerLb: null })] }),
    ).alerts;
    expect(a.impact).toEqual({ lbs: 200, days: 28, lbsDays: 5600, valueUsd: 0, count: 4 });
    expect(a.cause).toMatch(/does not recover within the horizon \(to 2025-12-01\).*cost per lb unknown/);
  });

  it('one alert per yarn even when the digest lists it per week', () => {
    const r = computeAlerts(
      empty({
        yarns: [
          yarnRow('W', { firstShortWeek: '2025-09-22', shortLbs: 300, maxDeficitLbs: 300, recoveryWeek: '2025-10-06', planningBalanceLbs: 50 }),
          yarnRow('W', { firstShortWeek: '2025-09-15', shortLbs: 100, maxDeficitLbs: 100, recoveryWeek: '2025-09-22', planningBalanceLbs: 50 }),
          yarnRow('W', { firstShortWeek: '2025-09-29', shortLbs: 450, maxDeficitLbs: 450, recoveryWeek: '2025-10-06', planningBalanceLbs: 50 }),
        ],
      }),
    );
    expect(r.alerts).toHaveLength(1);
    expect(r.alerts[0]).toMatchObject({ severity: 'high', firstWeek: '2025-09-15', impact: { lbs: 450, days: 21 } });
  });

  it('more than 10 critical yarns adds one portfolio alert with their summed impact', () => {
    const crit = (n: number) => Array.from({ length: n }, (_, i) => yarnRow(`Y${i}`, { planningBalanceLbs: -2000, costPerLb: 2 }));
    expect(computeAlerts(empty({ yarns: crit(10) })).alerts.some((a) => a.rule === 'portfolio-critical-yarns')).toBe(false);
    const r = computeAlerts(empty({ yarns: crit(11) }));
    const p = r.alerts.find((a) => a.rule === 'portfolio-critical-yarns')!;
    expect(p).toMatchObject({ key: 'portfolio-critical-yarns', severity: 'critical', impact: { lbs: 22_000, valueUsd: 44_000, count: 11 } });
    expect(p.cause).toBe('11 yarns are below -1,000 lbs (more than 10); together 22,000 lbs short, worth $44,000.');
    expect(r.alerts[0]).toBe(p);
  });
});

describe('work-center, forecast, late-order and data-quality alerts', () => {
  it('work center above 95 %: one alert over its weeks, critical above 100 %, lbs that do not fit', () => {
    const r = computeAlerts(
      empty({
        workCenterWeeks: [
          { workCenter: 'A', week: '2025-09-08', utilisationPct: 96 },
          { workCenter: 'A', week: '2025-09-22', utilisationPct: 128, loadLbs: 12_800, capacityLbs: 10_000 },
          { workCenter: 'A', week: '2025-09-15', utilisationPct: 90 },
          { workCenter: 'A', week: '2025-09-29', utilisationPct: 110, loadLbs: 11_000, capacityLbs: 10_000 },
          { workCenter: 'B', week: '2025-09-08', utilisationPct: 97 },
          { workCenter: 'C', week: '2025-09-08', utilisationPct: 95 },
        ],
      }),
    );
    expect(r.alerts.map((a) => [a.key, a.severity])).toEqual([
      ['wc-overload:A', 'critical'],
      ['wc-overload:B', 'high'],
    ]);
    expect(r.alerts[0]).toMatchObject({
      firstWeek: '2025-09-08',
      impact: { lbs: 3800, days: 21, lbsDays: 26_600, count: 3 },
      link: { page: 'capacity', params: { workCenter: 'A', week: '2025-09-08' } },
    });
    expect(r.alerts[0].cause).toBe(
      'Work center A is loaded above 95 % in 3 weeks from 2025-W37 (week of 2025-09-08) to 2025-W40; peak 128 % in 2025-W39. 3,800 lbs do not fit in its capacity.',
    );
  });

  it('forecast deviation over the latest 4 weeks above 20 % (high above 50 %)', () => {
    const weeks = (actual: number[], forecast: number[]) =>
      actual.map((a, i) => ({
        week: `2025-0${7 + Math.floor(i / 4)}-${String(4 + 7 * (i % 4)).padStart(2, '0')}`,
        actual: a,
        forecast: forecast[i],
      }));
    const r = computeAlerts(
      empty({
        forecastDeviation: [
          // The two early weeks are far off but not among the latest 4: 130 vs 100 -> +30 %.
          { series: 'S-up', unit: 'lbs', weeks: weeks([900, 900, 30, 30, 35, 35], [1, 1, 25, 25, 25, 25]) },
          { series: 'S-down', unit: 'yds', weeks: weeks([10, 10, 10, 10], [25, 25, 25, 25]) },
          { series: 'S-ok', unit: 'lbs', weeks: weeks([29, 29, 29, 28], [25, 25, 25, 25]) },
          { series: 'S-none', unit: 'lbs', weeks: weeks([5, 5], [0, 0]) },
        ],
      }),
    );
    expect(r.alerts.map((a) => [a.key, a.severity, a.impact.lbs])).toEqual([
      ['forecast-deviation:S-down', 'high', 0],
      ['forecast-deviation:S-up', 'medium', 30],
    ]);
    expect(r.alerts[1].title).toBe('Forecast off by +30 % for S-up');
    expect(r.alerts[0].cause).toMatch(/was 40 yds against a forecast of 100 yds \(-60 %\)/);
  });

  it('late knit orders: severity by days late, impact lbs x days, one per order', () => {
    const late = (koNumber: string, latenessDays: number) => ({
      koNumber,
      style: 'S1/0',
      machine: 'M1',
      latenessDays,
      balanceLbs: 1000,
      reason: 'machine busy',
    });
    const r = computeAlerts(empty({ lateOrders: [late('K0', 0), late('K3', 3), late('K7', 7), late('K14', 14), late('K3', 5)] }));
    expect(r.alerts.map((a) => [a.key, a.severity, a.impact.lbsDays])).toEqual([
      ['late-order:K14', 'critical', 14_000],
      ['late-order:K7', 'high', 7000],
      ['late-order:K3', 'medium', 5000],
    ]);
    expect(r.alerts[2].cause).toBe('KO K3 (style S1/0, 1,000 lbs on machine M1) finishes 5 days after its quoted date: machine busy.');
  });

  it('data-quality problems of the last import, one per kind', () => {
    const r = computeAlerts(
      empty({
        importWarnings: [
          { kind: 'rejected-row', count: 60, message: 'rows rejected' },
          { kind: 'unknown-style', count: 3, message: 'styles without BOM' },
          { kind: 'rejected-row', count: 50, message: 'rows rejected' },
          { kind: 'nothing', count: 0, message: '' },
        ],
      }),
    );
    expect(r.alerts.map((a) => [a.key, a.severity, a.impact.count])).toEqual([
      ['data-quality:rejected-row', 'high', 110],
      ['data-quality:unknown-style', 'medium', 3],
    ]);
    expect(r.alerts[0].link).toEqual({ page: 'imports', params: { kind: 'rejected-row' } });
  });
});

describe('ranking, acknowledgements, novelty', () => {
  const input = empty({
    yarns: [
      yarnRow('cheap', { planningBalanceLbs: -2000, costPerLb: 1 }),
      yarnRow('dear', { planningBalanceLbs: -1500, costPerLb: 6 }),
      yarnRow('high', { planningBalanceLbs: -900, costPerLb: 50 }),
    ],
    lateOrders: [{ koNumber: 'K1', style: 'S', machine: null, latenessDays: 20, balanceLbs: 5000, reason: '' }],
  });

  it('ranks by severity, then $ value, then lbs x days; or by impact alone when the policy says so', () => {
    expect(computeAlerts(input).alerts.map((a) => a.key)).toEqual(['yarn-short:dear', 'yarn-short:cheap', 'late-order:K1', 'yarn-short:high']);
    const byImpact = computeAlerts(input, { ...defaultAlertPolicies, alerts: { ...defaultAlertPolicies.alerts, rankSeverityFirst: false } });
    // $45,000 (900 x 50), $9,000, $2,000, then the late order ($0, 100,000 lbs x days).
    expect(byImpact.alerts.map((a) => a.key)).toEqual(['yarn-short:high', 'yarn-short:dear', 'yarn-short:cheap', 'late-order:K1']);
  });

  it('acknowledgements follow the stable key across re-plans; isNew compares with the previous keys', () => {
    const run1 = computeAlerts(input, defaultAlertPolicies, { acknowledgedKeys: ['yarn-short:dear'] });
    expect(run1.alerts.every((a) => a.isNew)).toBe(true);
    expect(run1.newCriticalKeys).toEqual(['yarn-short:cheap', 'late-order:K1']);

    // Re-plan: the deficit changed and a new critical yarn appeared; the acknowledged yarn keeps its ack.
    const replanned = {
      ...input,
      yarns: [
        ...input.yarns.map((y) => (y.yarnId === 'dear' ? { ...y, planningBalanceLbs: -3000 } : y)),
        yarnRow('fresh', { planningBalanceLbs: -5000 }),
      ],
    };
    const run2 = computeAlerts(replanned, defaultAlertPolicies, {
      acknowledgedKeys: ['yarn-short:dear'],
      previousKeys: run1.alerts.map((a) => a.key),
    });
    const flags = Object.fromEntries(run2.alerts.map((a) => [a.key, [a.acknowledged, a.isNew]]));
    expect(flags).toEqual({
      'yarn-short:fresh': [false, true],
      'yarn-short:dear': [true, false],
      'yarn-short:cheap': [false, false],
      'late-order:K1': [false, false],
      'yarn-short:high': [false, false],
    });
    expect(run2.newCriticalKeys).toEqual(['yarn-short:fresh']);
  });

  it('the default view hides acknowledged alerts and keeps at most the policy limit', () => {
    const r = computeAlerts(input, defaultAlertPolicies, { acknowledgedKeys: ['yarn-short:dear'] });
    expect(defaultAlertView(r.alerts, withPolicy({ defaultViewMaxAlerts: 2 }).alerts).map((a) => a.key)).toEqual([
      'yarn-short:cheap',
      'late-order:K1',
    ]);
  });

  it('every threshold comes from the policy', () => {
    const r = computeAlerts(
      empty({
        workCenterWeeks: [{ workCenter: 'A', week: '2025-09-08', utilisationPct: 91 }],
        lateOrders: [{ koNumber: 'K', style: 'S', machine: null, latenessDays: 2, balanceLbs: 1, reason: '' }],
      }),
      withPolicy({ wcOverloadUtilisationPct: 90, lateOrderMinDays: 2 }),
    );
    expect(r.alerts.map((a) => a.key)).toEqual(['wc-overload:A']);
  });
});
