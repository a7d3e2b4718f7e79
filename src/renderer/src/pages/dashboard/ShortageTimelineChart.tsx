// Per plan week: how many yarns are short (bars, left axis) and the lbs short (line, right axis). Click a week ->
// the yarn shortage list.
import { useMemo, type ReactNode } from 'react';
import type { EChartsOption } from 'echarts';
import type { DashboardView } from '../../../../shared/views';
import { isoWeekLabel } from '../../../../shared/dates';
import { EChart } from '../../components/EChart';
import { Icon } from '../../components/Icon';
import type { ChartPalette } from '../../components/chartThemes';
import { usePalette } from '../../components/usePalette';
import { formatNumber, shortDate } from '../../lib/format';
import { navigate } from '../../shell/useHashRoute';

type Timeline = DashboardView['shortageTimeline'];

export function shortageTimelineOption(timeline: Timeline, p: ChartPalette): EChartsOption {
  return {
    animation: false,
    grid: { left: 36, right: 48, top: 28, bottom: 24 },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 8,
      data: ['Yarns short', 'Lbs short'],
      formatter: (n: string) => (n === 'Yarns short' ? 'Yarns short (left axis)' : 'Lbs short (right axis)'),
    },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = params as { dataIndex: number }[];
        const w = timeline[list[0]?.dataIndex ?? 0];
        if (!w) return '';
        return `<b>${isoWeekLabel(w.weekStart)}</b> (week of ${w.weekStart})<br/>${formatNumber(w.yarnsShort)} yarns short<br/>${formatNumber(w.lbsShort)} lbs short`;
      },
    },
    xAxis: { type: 'category', data: timeline.map((w) => shortDate(w.weekStart)), axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      {
        type: 'value',
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => (v >= 1000 ? `${formatNumber(v / 1000)}k` : formatNumber(v)) },
      },
    ],
    series: [
      { name: 'Yarns short', type: 'bar', data: timeline.map((w) => w.yarnsShort), itemStyle: { color: p.critical, opacity: 0.75 }, barMaxWidth: 18 },
      {
        name: 'Lbs short',
        type: 'line',
        yAxisIndex: 1,
        data: timeline.map((w) => Math.round(w.lbsShort)),
        itemStyle: { color: p.high },
        lineStyle: { color: p.high, width: 2 },
        symbolSize: 4,
      },
    ],
  };
}

export function ShortageTimelineChart({ timeline }: { timeline: Timeline }): ReactNode {
  const palette = usePalette();
  const option = useMemo(() => shortageTimelineOption(timeline, palette), [timeline, palette]);
  return (
    <section className="panel grow-chart" data-testid="dashboard-shortage-timeline">
      <div className="panel-header">
        <h3 className="panel-title">Shortage timeline</h3>
        <span className="panel-subtitle">yarns short and lbs short per week</span>
        <div className="panel-actions">
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => navigate('yarn', { tab: 'shortages' })}>
            Shortages <Icon name="chevronRight" size={12} />
          </button>
        </div>
      </div>
      <div className="panel-body chart-body">
        <EChart option={option} testId="dashboard-shortage-chart" height="100%" onClick={() => navigate('yarn', { tab: 'shortages' })} />
      </div>
    </section>
  );
}
