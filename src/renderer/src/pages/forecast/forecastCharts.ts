// Chart options of the forecast page: one series (history, one-week-ahead backtest, future with 80/95 % bands) and
// the portfolio's accuracy by horizon (selected forecast vs the simple baselines).
import type { EChartsOption } from 'echarts';
import type { ForecastSeriesView, ForecastView } from '../../../../shared/views';
import type { ChartPalette } from '../../components/chartThemes';
import { formatNumber, formatRatioPct, shortDate } from '../../lib/format';

export const MODEL_LABELS: Record<string, string> = {
  selected: 'Selected',
  naive: 'Naive',
  ma4: 'MA-4',
  ma8: 'MA-8',
  mean: 'Mean',
  seasonalNaive: 'Seasonal naive',
  ses: 'SES',
  holtDamped: 'Holt damped',
  holtWinters: 'Holt-Winters',
  theta: 'Theta',
  croston: 'Croston',
  sba: 'SBA',
  tsb: 'TSB',
  adida: 'ADIDA',
};

export const modelLabel = (m: string) => MODEL_LABELS[m] ?? m;

const CHOICE_LABELS: Record<string, string> = { comb: 'equal-weight combination', skill: 'combination weighted by backtest skill' };
const APPROACH_LABELS: Record<string, string> = {
  base: 'own forecast (not reconciled)',
  bottomUp: 'bottom-up',
  topDown: 'top-down by proportions',
  middleOut: 'middle-out from the styles',
  mint: 'MinT reconciliation',
};
export const LEVEL_LABELS: Record<string, string> = { total: 'company total', style: 'style', styleCustomer: 'style × customer' };

export const approachLabel = (a: string | null) => (a === null ? 'not reconciled' : (APPROACH_LABELS[a] ?? a));

/** "SES 62 % + Theta 38 %" (one model: its name). */
export function membersText(members: readonly string[], weights: readonly number[]): string {
  if (members.length <= 1) return members.map(modelLabel).join('');
  return members.map((m, i) => `${modelLabel(m)} ${typeof weights[i] === 'number' ? formatNumber(weights[i] * 100) : '?'} %`).join(' + ');
}

/** What the selection chose, in words: "single model: SES", "combination weighted by backtest skill: SES 62 % + Theta 38 %". */
export function choiceText(choice: string, members: readonly string[], weights: readonly number[]): string {
  const label = CHOICE_LABELS[choice];
  return label ? `${label}: ${membersText(members, weights)}` : `single model: ${modelLabel(choice)}`;
}

/** The history gap in one sentence, or '' when the history reaches the as-of week. */
export function historyGapText(gapWeeks: readonly string[], asOf: string): string {
  if (!gapWeeks.length) return '';
  const n = gapWeeks.length;
  const span = n === 1 ? `week of ${gapWeeks[0]} is` : `weeks of ${gapWeeks[0]} to ${gapWeeks[n - 1]} are`;
  return `History gap: the sales history ends ${n} ${n === 1 ? 'week' : 'weeks'} before the as-of date (${asOf}); the forecast ${span} shaded and not planned (the yarn plan takes only weeks from the as-of week on).`;
}

/** Plan weeks the forecast does not reach (its horizon is shorter than the plan's). */
export function uncoveredPlanText(weeks: readonly string[]): string {
  if (!weeks.length) return '';
  const span = weeks.length === 1 ? `the week of ${weeks[0]}` : `the ${weeks.length} weeks of ${weeks[0]} to ${weeks[weeks.length - 1]}`;
  return `No forecast for ${span}: the forecast horizon (forecast.maxHorizonWeeks) is shorter than the plan's (calendar.horizonWeeks); those plan weeks get demand from open orders only.`;
}

/** Week labels with their year (two lines: "1 Sep" over "2025"), the history spans several years. */
export const weekAxisLabel = (iso: string) => `${shortDate(iso)}\n${iso.slice(0, 4)}`;

const k = (v: number) => (Math.abs(v) >= 1000 ? `${formatNumber(v / 1000)}k` : formatNumber(v));

export function seriesOption(s: ForecastSeriesView, unit: string, p: ChartPalette): EChartsOption {
  const weeks = [...s.historyWeeks, ...s.forecastWeeks];
  const nh = s.historyWeeks.length;
  const pad = (values: number[], before: number) => [...Array<null>(before).fill(null), ...values];
  const backtest = new Map(s.backtest.map((b) => [b.week, b.forecast]));
  const lo80 = s.lo80.map((v) => Math.max(0, v));
  const lo95 = s.lo95.map((v) => Math.max(0, v));
  const d80 = s.hi80.map((v, i) => v - lo80[i]);
  const d95 = s.hi95.map((v, i) => v - lo95[i]);
  // The future line starts at the last actual so it joins the history.
  const futureLine: (number | null)[] = [...Array<null>(Math.max(0, nh - 1)).fill(null), nh ? s.history[nh - 1] : null, ...s.point];
  const start = Math.max(0, ((nh - 78) / weeks.length) * 100);
  const gap = new Set(s.historyGapWeeks);
  const gapWeeks = s.forecastWeeks.filter((w) => gap.has(w));
  // shaded from the first gap week to the as-of week (the first planned one), so a single gap week shows too
  const gapEnd = s.forecastWeeks[s.forecastWeeks.indexOf(gapWeeks[gapWeeks.length - 1]) + 1] ?? gapWeeks[gapWeeks.length - 1];
  return {
    animation: false,
    grid: { left: 56, right: 20, top: 34, bottom: 70 },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, data: ['Actual', 'Backtest (1 week ahead)', 'Forecast', '80 % band', '95 % band'] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = params as { dataIndex: number }[];
        const i = list[0]?.dataIndex ?? 0;
        const w = weeks[i];
        const lines = [`<b>week of ${w}</b>`];
        if (i < nh) {
          lines.push(`Actual: ${formatNumber(s.history[i])} ${unit}`);
          const b = backtest.get(w);
          if (b !== undefined) lines.push(`Backtest forecast: ${formatNumber(b)} ${unit}`);
        } else {
          const j = i - nh;
          if (gap.has(w)) lines.push('<i>history gap: before the as-of date, not planned</i>');
          lines.push(`Forecast: ${formatNumber(s.point[j])} ${unit}`);
          lines.push(`80 %: ${formatNumber(lo80[j])} – ${formatNumber(s.hi80[j])}`);
          lines.push(`95 %: ${formatNumber(lo95[j])} – ${formatNumber(s.hi95[j])}`);
        }
        return lines.join('<br/>');
      },
    },
    xAxis: { type: 'category', data: weeks, boundaryGap: false, axisLabel: { hideOverlap: true, formatter: weekAxisLabel } },
    yAxis: { type: 'value', axisLabel: { formatter: k }, min: 0 },
    dataZoom: [
      { type: 'slider', start, end: 100, height: 18, bottom: 8, labelFormatter: (_v: number, text: string) => text },
      { type: 'inside', start, end: 100 },
    ],
    series: [
      { name: 'Actual', type: 'line', data: s.history, symbol: 'none', lineStyle: { width: 1.5, color: p.text }, itemStyle: { color: p.text }, z: 4 },
      {
        name: 'Backtest (1 week ahead)',
        type: 'line',
        data: s.historyWeeks.map((w) => backtest.get(w) ?? null),
        symbol: 'none',
        connectNulls: false,
        lineStyle: { width: 1.2, type: 'dashed', color: p.series[1] },
        itemStyle: { color: p.series[1] },
        z: 3,
      },
      {
        name: '95 % band',
        type: 'line',
        stack: 'b95',
        data: pad(lo95, nh),
        symbol: 'none',
        lineStyle: { opacity: 0 },
        itemStyle: { color: p.accent },
        silent: true,
        tooltip: { show: false },
      },
      {
        name: '95 % band',
        type: 'line',
        stack: 'b95',
        data: pad(d95, nh),
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: p.accent, opacity: 0.12 },
        itemStyle: { color: p.accent },
        silent: true,
      },
      {
        name: '80 % band',
        type: 'line',
        stack: 'b80',
        data: pad(lo80, nh),
        symbol: 'none',
        lineStyle: { opacity: 0 },
        itemStyle: { color: p.accent },
        silent: true,
      },
      {
        name: '80 % band',
        type: 'line',
        stack: 'b80',
        data: pad(d80, nh),
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: p.accent, opacity: 0.22 },
        itemStyle: { color: p.accent },
        silent: true,
      },
      {
        name: 'Forecast',
        type: 'line',
        data: futureLine,
        symbol: 'circle',
        symbolSize: 3,
        lineStyle: { width: 2, color: p.accent },
        itemStyle: { color: p.accent },
        z: 5,
        // Forecast weeks before the as-of date: the history ends before the snapshot, so these were forecast, not planned.
        ...(gapWeeks.length
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: p.muted, opacity: 0.14 },
                label: { show: true, position: 'insideTop', color: p.muted, fontSize: 10 },
                data: [[{ name: 'history gap', xAxis: gapWeeks[0] }, { xAxis: gapEnd }]],
              },
            }
          : {}),
      },
    ],
  };
}

const HORIZON_MODELS = ['selected', 'naive', 'ma4', 'ma8', 'mean'];

export function horizonOption(rows: ForecastView['accuracyByHorizon'], p: ChartPalette): EChartsOption {
  const horizons = [...new Set(rows.map((r) => r.horizon))].sort((a, b) => a - b);
  const models = HORIZON_MODELS.filter((m) => rows.some((r) => r.model === m)).concat(
    [...new Set(rows.map((r) => r.model))].filter((m) => !HORIZON_MODELS.includes(m)),
  );
  const colours: Record<string, string> = { selected: p.accent, naive: p.series[4], ma4: p.series[1], ma8: p.series[2], mean: p.series[5] };
  return {
    animation: false,
    grid: { left: 48, right: 20, top: 34, bottom: 30 },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, formatter: (n: string) => modelLabel(n) },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => formatRatioPct(typeof v === 'number' ? v : null),
    },
    xAxis: { type: 'category', data: horizons.map((h) => `wk ${h}`), name: 'weeks ahead', nameLocation: 'middle', nameGap: 22 },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${formatNumber(v * 100)}%` }, min: 0 },
    series: models.map((m) => ({
      name: m,
      type: 'line' as const,
      data: horizons.map((h) => rows.find((r) => r.horizon === h && r.model === m)?.wape ?? null),
      symbolSize: m === 'selected' ? 6 : 4,
      lineStyle: { width: m === 'selected' ? 3 : 1.5, type: m === 'selected' ? ('solid' as const) : ('dashed' as const), color: colours[m] },
      itemStyle: { color: colours[m] },
      z: m === 'selected' ? 5 : 3,
    })),
  };
}
