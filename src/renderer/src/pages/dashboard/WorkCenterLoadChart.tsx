// Busiest work centers: average and peak weekly utilisation against the 100 % line. Click a bar -> capacity page.
import { useMemo, type ReactNode } from 'react';
import type { EChartsOption } from 'echarts';
import type { DashboardView } from '../../../../shared/views';
import { EChart } from '../../components/EChart';
import { Icon } from '../../components/Icon';
import type { ChartPalette } from '../../components/chartThemes';
import { usePalette } from '../../components/usePalette';
import { formatPct } from '../../lib/format';
import { navigate } from '../../shell/useHashRoute';
import { useUtilisationBands, utilisationBand, type UtilisationBands } from '../../stores/policyStore';

type Load = DashboardView['workCenterLoad'];

export function workCenterLoadOption(load: Load, p: ChartPalette, bands: UtilisationBands): EChartsOption {
  const names = load.map((w) => w.workCenter || '(no WC)');
  const bandColour = (v: number | null) => {
    const b = utilisationBand(v, bands);
    return b === 'critical' ? p.critical : b === 'medium' ? p.medium : p.low;
  };
  return {
    animation: false,
    grid: { left: 84, right: 24, top: 40, bottom: 24 },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, data: ['Peak week', 'Average'] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const w = load[i];
        return `<b>${names[i]}</b><br/>Peak ${formatPct(w.peakUtilisationPct)}${w.peakWeek ? ` in ${w.peakWeek}` : ''}<br/>Average ${formatPct(w.utilisationPct)} over the horizon`;
      },
    },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 11 } },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: 'Peak week',
        type: 'bar',
        itemStyle: { color: p.critical },
        data: load.map((w) => ({ value: w.peakUtilisationPct ?? 0, itemStyle: { color: bandColour(w.peakUtilisationPct) } })),
        barWidth: 8,
        barGap: '20%',
        markLine: {
          silent: true,
          symbol: 'none',
          label: { formatter: `${bands.overloadPct}%`, position: 'start', color: p.critical, fontSize: 10 },
          lineStyle: { color: p.critical, type: 'dashed', width: 1 },
          data: [{ xAxis: bands.overloadPct }],
        },
      },
      { name: 'Average', type: 'bar', data: load.map((w) => w.utilisationPct ?? 0), barWidth: 8, itemStyle: { color: p.baseline } },
    ],
  };
}

export function WorkCenterLoadChart({ load }: { load: Load }): ReactNode {
  const palette = usePalette();
  const bands = useUtilisationBands();
  const option = useMemo(() => workCenterLoadOption(load, palette, bands), [load, palette, bands]);
  return (
    <section className="panel grow-chart" data-testid="dashboard-wc-load">
      <div className="panel-header">
        <h3 className="panel-title">Load by work center</h3>
        <span className="panel-subtitle">
          top {load.length}: peak week (red above {bands.overloadPct}%, amber from {bands.bottleneckPct}%) vs average
        </span>
        <div className="panel-actions">
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => navigate('capacity')}>
            Capacity <Icon name="chevronRight" size={12} />
          </button>
        </div>
      </div>
      <div className="panel-body chart-body">
        <EChart
          option={option}
          testId="dashboard-wc-load-chart"
          height="100%"
          onClick={(e) => {
            const wc = load[e.dataIndex]?.workCenter;
            navigate('capacity', wc !== undefined ? { workCenter: wc } : undefined);
          }}
        />
      </div>
    </section>
  );
}
