// Issue 17 (Forecast page part) and issue 16.12: what the forecast run computes per series — demand family, the choice
// (single model / comb / skill), the combination's members and weights, the hierarchy approach of its level — and the
// history gap weeks, through the view (schema-checked) to the page's grid rows, texts and chart.
import { describe, expect, it } from 'vitest';
import { forecastSeriesViewSchema, forecastViewSchema } from '../../../src/shared/views';
import { forecastSeriesViewOf, forecastViewOf } from '../../../src/main/services/views/forecastViews';
import type { ForecastRun } from '../../../src/main/services/jobs/forecastJob';
import { hierarchyText, seriesGridRow } from '../../../src/renderer/src/pages/forecast/ForecastPage';
import { choiceText, historyGapText, seriesOption, uncoveredPlanText, weekAxisLabel } from '../../../src/renderer/src/pages/forecast/forecastCharts';
import type { ChartPalette } from '../../../src/renderer/src/components/chartThemes';

const HISTORY = ['2024-12-23', '2024-12-30', '2025-01-06', '2025-01-13'];
const FORECAST_WEEKS = ['2025-01-20', '2025-01-27', '2025-02-03', '2025-02-10', '2025-02-17', '2025-02-24'];
// as of Thursday 2025-02-06: its week starts 2025-02-03, so the first two forecast weeks are the history gap
const AS_OF = '2025-02-06';

function series(
  id: string,
  level: 'total' | 'style',
  forecast: { choice: string; members: string[]; weights: number[]; approach?: 'base' | 'bottomUp' | 'topDown' | 'mint' },
  family: 'level' | 'trend' | 'seasonal' | 'intermittent' | null,
) {
  const point = FORECAST_WEEKS.map((_, i) => 100 + i);
  return {
    series: id,
    level,
    unit: 'yds' as const,
    style: level === 'style' ? id : undefined,
    history: [90, 110, 95, 105],
    family,
    classification: { demandClass: 'smooth' as const, adi: 1, cv2: 0.1, nonZeroWeeks: 4, forecastable: true },
    forecast: {
      series: id,
      method: 'statistical' as const,
      ...forecast,
      weeks: FORECAST_WEEKS,
      point,
      lo80: point.map((v) => v - 10),
      hi80: point.map((v) => v + 10),
      lo95: point.map((v) => v - 20),
      hi95: point.map((v) => v + 20),
    },
  };
}

const run = {
  snapshotId: 1,
  computedAt: '2025-02-06T10:00:00Z',
  asOf: AS_OF,
  historyWeeks: HISTORY,
  historyGapWeeks: ['2025-01-20', '2025-01-27'],
  hierarchy: {
    levels: [
      { level: 'total', byOrigin: [], final: 'base', scores: { bottomUp: 1.04, mint: 0.98 } },
      { level: 'style', byOrigin: [], final: 'mint', scores: { bottomUp: 1.01, topDown: 1.1, mint: 0.93 } },
      { level: 'styleCustomer', byOrigin: [], final: 'topDown', scores: { topDown: 0.9 } },
    ],
    problem: null,
  },
  series: [
    series('TOTAL', 'total', { choice: 'skill', members: ['ses', 'theta'], weights: [0.6234, 0.3766], approach: 'base' }, 'trend'),
    series('S100', 'style', { choice: 'sba', members: ['sba'], weights: [1], approach: 'mint' }, 'intermittent'),
  ],
  accuracy: {},
  accuracyByHorizon: [],
  storedBacktestRows: 0,
  lineIssues: [],
  rollUpIssues: [],
  outliers: [],
} as unknown as ForecastRun;

describe('the Forecast view', () => {
  it('sends each series’ family, choice, members with weights and hierarchy approach, the levels’ approaches and the gap weeks', () => {
    const v = forecastViewSchema.parse(forecastViewOf(run, 1, AS_OF));
    expect(v.historyGapWeeks).toEqual(['2025-01-20', '2025-01-27']);
    expect(v.series.map((s) => [s.series, s.family, s.choice, s.models, s.weights, s.approach])).toEqual([
      ['TOTAL', 'trend', 'skill', ['ses', 'theta'], [0.623, 0.377], 'base'],
      ['S100', 'intermittent', 'sba', ['sba'], [1], 'mint'],
    ]);
    expect(v.hierarchy.levels.map((l) => [l.level, l.approach, l.scores[0]])).toEqual([
      ['total', 'base', { approach: 'mint', score: 0.98 }],
      ['style', 'mint', { approach: 'mint', score: 0.93 }],
      ['styleCustomer', 'topDown', { approach: 'topDown', score: 0.9 }],
    ]);
    const d = forecastSeriesViewSchema.parse(forecastSeriesViewOf(run, 'TOTAL', [], AS_OF));
    expect([d.choice, d.family, d.approach, d.weights, d.historyGapWeeks, d.asOf]).toEqual([
      'skill',
      'trend',
      'base',
      [0.623, 0.377],
      ['2025-01-20', '2025-01-27'],
      AS_OF,
    ]);
  });
});

describe('the Forecast page', () => {
  const v = forecastViewOf(run, 1, AS_OF);
  const detail = forecastSeriesViewOf(run, 'TOTAL', [], AS_OF);

  it('shows the choice, the members with their weights and the hierarchy approach in words', () => {
    expect(seriesGridRow(v.series[0])).toMatchObject({
      family: 'trend',
      choice: 'skill',
      models: 'SES 62 % + Theta 38 %',
      approach: 'own forecast (not reconciled)',
    });
    expect(seriesGridRow(v.series[1])).toMatchObject({ family: 'intermittent', choice: 'sba', models: 'SBA', approach: 'MinT reconciliation' });
    expect(choiceText('skill', ['ses', 'theta'], [0.623, 0.377])).toBe('combination weighted by backtest skill: SES 62 % + Theta 38 %');
    expect(choiceText('comb', ['ses', 'theta', 'croston'], [1 / 3, 1 / 3, 1 / 3])).toBe(
      'equal-weight combination: SES 33 % + Theta 33 % + Croston 33 %',
    );
    expect(choiceText('ses', ['ses'], [1])).toBe('single model: SES');
    expect(hierarchyText(v.hierarchy)).toBe(
      'company total: own forecast (not reconciled) · style: MinT reconciliation · style × customer: top-down by proportions',
    );
    expect(hierarchyText({ levels: [], problem: 'no style x customer series' })).toBe('Not reconciled: no style x customer series');
  });

  it('says and shades the history gap, and labels the weeks with their year (issue 16.12)', () => {
    expect(historyGapText(v.historyGapWeeks, v.asOf)).toBe(
      'History gap: the sales history ends 2 weeks before the as-of date (2025-02-06); the forecast weeks of 2025-01-20 to 2025-01-27 are shaded and not planned (the yarn plan takes only weeks from the as-of week on).',
    );
    expect(historyGapText([], AS_OF)).toBe('');
    // plan weeks beyond the forecast horizon are sent and said (a run stored before issue 17 has none)
    expect(v.uncoveredPlanWeeks).toEqual([]);
    const short = forecastViewSchema.parse(forecastViewOf({ ...run, uncoveredPlanWeeks: ['2025-08-04', '2025-08-11'] }, 1, AS_OF));
    expect(uncoveredPlanText(short.uncoveredPlanWeeks)).toBe(
      "No forecast for the 2 weeks of 2025-08-04 to 2025-08-11: the forecast horizon (forecast.maxHorizonWeeks) is shorter than the plan's (calendar.horizonWeeks); those plan weeks get demand from open orders only.",
    );
    expect(uncoveredPlanText([])).toBe('');
    const palette = {
      text: '#000',
      muted: '#666',
      faint: '#999',
      grid: '#eee',
      axis: '#ccc',
      surface: '#fff',
      accent: '#06c',
      series: ['#1', '#2', '#3', '#4', '#5', '#6'],
    } as unknown as ChartPalette;
    const option = seriesOption(detail, 'yds', palette) as {
      xAxis: { data: string[]; axisLabel: { formatter: (v: string) => string } };
      series: { name: string; markArea?: { data: { name?: string; xAxis: string }[][] } }[];
    };
    const forecast = option.series.find((s) => s.name === 'Forecast')!;
    // from the first gap week to the as-of week, the first one planned
    expect(forecast.markArea?.data).toEqual([[{ name: 'history gap', xAxis: '2025-01-20' }, { xAxis: '2025-02-03' }]]);
    expect(option.xAxis.axisLabel.formatter(option.xAxis.data[0])).toBe('23 Dec\n2024');
    expect(weekAxisLabel('2025-02-03')).toBe('3 Feb\n2025');
    const noGap = seriesOption({ ...detail, historyGapWeeks: [] }, 'yds', palette) as typeof option;
    expect(noGap.series.find((s) => s.name === 'Forecast')!.markArea).toBeUndefined();
  });
});
