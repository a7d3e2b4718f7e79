// A yarn's weeks: demand and receipts (bars), projected balance (line), safety stock (dashed), the zero line,
// and the weeks where the balance is below zero shaded.
import { useMemo, type ReactNode } from 'react';
import type { EChartsOption } from 'echarts';
import type { YarnDetailView } from '../../../../shared/views';
import { isoWeekLabel } from '../../../../shared/dates';
import { EChart } from '../../components/EChart';
import type { ChartPalette } from '../../components/chartThemes';
import { usePalette } from '../../components/usePalette';
import { formatNumber, shortDate } from '../../lib/format';

type Detail = Pick<YarnDetailView, 'weeks' | 'demandLbs' | 'receiptsLbs' | 'balanceLbs' | 'mrp'>;

/** Runs of consecutive weeks with a negative balance, as [first index, last index]. */
export function shortRuns(balance: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  balance.forEach((b, i) => {
    if (b < 0 && start < 0) start = i;
    if (b >= 0 && start >= 0) {
      runs.push([start, i - 1]);
      start = -1;
    }
  });
  if (start >= 0) runs.push([start, balance.length - 1]);
  return runs;
}

export function yarnWeeklyOption(d: Detail, p: ChartPalette): EChartsOption {
  const labels = d.weeks.map(shortDate);
  const safety = d.mrp.map((r) => (typeof r.safetyStockLbs === 'number' ? r.safetyStockLbs : null));
  const hasSafety = safety.some((v) => v !== null && v > 0);
  const runs = shortRuns(d.balanceLbs);
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 30, bottom: 24 },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const lines = [
          `<b>${isoWeekLabel(d.weeks[i])}</b> (week of ${d.weeks[i]})`,
          `Demand: ${formatNumber(d.demandLbs[i])} lbs`,
          `Receipts: ${formatNumber(d.receiptsLbs[i])} lbs`,
          `Projected balance: <b style="color:${d.balanceLbs[i] < 0 ? p.critical : 'inherit'}">${formatNumber(d.balanceLbs[i])} lbs</b>`,
        ];
        if (hasSafety && safety[i] !== null) lines.push(`Safety stock: ${formatNumber(safety[i] as number)} lbs`);
        return lines.join('<br/>');
      },
    },
    xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      axisLabel: {
        formatter: (v: number) => (Math.abs(v) >= 1000 ? `${formatNumber(v / 1000, Number.isInteger(v / 1000) ? 0 : 1)}k` : formatNumber(v)),
      },
    },
    series: [
      {
        name: 'Demand',
        type: 'bar',
        data: d.demandLbs.map((v) => Math.round(v)),
        itemStyle: { color: p.demand, opacity: 0.8 },
        barMaxWidth: 14,
        markArea: runs.length
          ? {
              silent: true,
              itemStyle: { color: p.criticalSoft },
              label: { show: true, position: 'insideTop', color: p.critical, fontSize: 10, formatter: 'short' },
              data: runs.map(([a, b]) => [{ xAxis: labels[a] }, { xAxis: labels[b] }]),
            }
          : undefined,
      },
      {
        name: 'Receipts',
        type: 'bar',
        data: d.receiptsLbs.map((v) => Math.round(v)),
        itemStyle: { color: p.receipts, opacity: 0.85 },
        barMaxWidth: 14,
      },
      {
        name: 'Projected balance',
        type: 'line',
        data: d.balanceLbs.map((v) => Math.round(v)),
        itemStyle: { color: p.balance },
        lineStyle: { width: 2, color: p.balance },
        symbolSize: 4,
        z: 5,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: p.text, width: 1, opacity: 0.6 },
          label: { show: false },
          data: [{ yAxis: 0 }],
        },
      },
      ...(hasSafety
        ? [
            {
              name: 'Safety stock',
              type: 'line' as const,
              data: safety.map((v) => (v === null ? null : Math.round(v))),
              itemStyle: { color: p.medium },
              lineStyle: { width: 1, type: 'dashed' as const, color: p.medium },
              symbol: 'none',
              step: 'middle' as const,
            },
          ]
        : []),
    ],
  };
}

export function YarnWeeklyChart({ detail, height = 240 }: { detail: Detail; height?: number }): ReactNode {
  const palette = usePalette();
  const option = useMemo(() => yarnWeeklyOption(detail, palette), [detail, palette]);
  return <EChart option={option} testId="yarn-detail-chart" height={height} />;
}
