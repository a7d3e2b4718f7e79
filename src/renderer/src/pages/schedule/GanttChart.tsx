// The knit schedule as a Gantt: machines (grouped by work center) × days, one bar per order coloured by status,
// drawn by a single ECharts `custom` series (thousands of bars stay smooth). Zoom and scroll with the sliders,
// Ctrl+wheel (days) and the wheel (machines); the zoom survives selection changes.
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import * as echarts from 'echarts';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, EChartsOption } from 'echarts';
import { toDayNumber } from '../../../../shared/dates';
import { EChart } from '../../components/EChart';
import type { ChartPalette } from '../../components/chartThemes';
import { usePalette } from '../../components/usePalette';
import { formatNumber, shortDate } from '../../lib/format';
import { dayToIso, type GanttModel, type GanttStatus } from './ganttModel';

const STATUS_CODE: Record<GanttStatus, number> = { 'on time': 0, late: 1, 'material short': 2 };

export interface GanttZoom {
  x?: [number, number];
  y?: [number, number];
}

interface GanttOptionInput {
  model: GanttModel;
  palette: ChartPalette;
  asOf: string;
  selected: number;
  zoom: GanttZoom;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function ganttOption({ model, palette: p, asOf, selected, zoom }: GanttOptionInput): EChartsOption {
  const statusColour = [p.low, p.critical, p.medium];
  const asOfDay = toDayNumber(asOf);
  const minX = Math.floor(Math.min(model.minDay, asOfDay)) - 1;
  const maxX = Math.ceil(model.maxDay) + 2;
  const visibleRows = Math.min(model.rows.length, 18);
  const defaultX: [number, number] = [minX, Math.min(maxX, asOfDay + 63)];
  const zx = zoom.x ?? defaultX;
  const data = model.bars.map((b) => [
    b.row,
    b.start,
    b.end,
    b.order,
    STATUS_CODE[b.status],
    model.orders[b.order].late ? 1 : 0,
    model.orders[b.order].assignment === 'pinned' ? 1 : 0,
  ]);
  const bandRows = model.rows.flatMap((r, i) => (r.band ? [[i]] : []));

  const renderBar = (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
    const row = api.value(0) as number;
    const start = api.value(1) as number;
    const end = api.value(2) as number;
    const orderIdx = api.value(3) as number;
    const code = api.value(4) as number;
    const late = api.value(5) === 1;
    const pinned = api.value(6) === 1;
    const p0 = api.coord([start, row]);
    const p1 = api.coord([end, row]);
    const band = (api.size?.([0, 1]) as number[])[1];
    const h = Math.max(3, band * 0.66);
    const cs = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
    const shape = echarts.graphic.clipRectByRect(
      { x: p0[0], y: p0[1] - h / 2, width: Math.max(p1[0] - p0[0], 2), height: h },
      { x: cs.x, y: cs.y, width: cs.width, height: cs.height },
    );
    if (!shape) return null;
    const isSel = orderIdx === selected;
    return {
      type: 'rect' as const,
      transition: [],
      shape: { ...shape, r: 2 },
      style: {
        fill: statusColour[code],
        opacity: selected >= 0 && !isSel ? 0.55 : 0.92,
        stroke: isSel ? p.text : late && code !== 1 ? p.critical : pinned ? p.accent : undefined,
        lineWidth: isSel ? 2 : late || pinned ? 1.5 : 0,
      },
    };
  };

  const renderBand = (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
    const row = api.value(0) as number;
    const cs = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
    const y = api.coord([minX, row])[1];
    const band = (api.size?.([0, 1]) as number[])[1];
    const shape = echarts.graphic.clipRectByRect({ x: cs.x, y: y - band / 2, width: cs.width, height: band }, cs);
    return shape ? { type: 'rect' as const, silent: true, shape, style: { fill: p.grid, opacity: 0.55 } } : null;
  };

  return {
    animation: false,
    grid: { left: 150, right: 40, top: 24, bottom: 40 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const prm = params as { seriesIndex: number; value: number[] };
        if (prm.seriesIndex !== 1) return '';
        const o = model.orders[prm.value[3]];
        const lines = [
          `<b>${escapeHtml(o.orderNo)}</b> · style ${escapeHtml(o.style)}${o.assignment === 'pinned' ? ' · pinned' : ''}`,
          `Machine ${escapeHtml(o.machineId)} (${escapeHtml(o.workCenter || 'no WC')}) · ${escapeHtml(o.status)}`,
          `${formatNumber(o.balanceLbs)} lbs at ${formatNumber(o.rateLbsPerDay)} lbs/day = ${formatNumber(o.knitDays, 1)} knitting days`,
          `Start ${escapeHtml(o.plannedStart)} · finish ${escapeHtml(o.plannedFinish)}`,
        ];
        if (o.quotedDate)
          lines.push(
            `Quoted ${escapeHtml(o.quotedDate)}${o.latenessDays !== null ? ` · ${o.latenessDays > 0 ? `${formatNumber(o.latenessDays)} days late` : `${formatNumber(-o.latenessDays)} days early`}` : ''}`,
          );
        if (o.why) lines.push(`<span style="display:inline-block;max-width:380px;white-space:normal">${escapeHtml(o.why)}</span>`);
        return lines.join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      min: minX,
      max: maxX,
      position: 'top',
      splitNumber: 12,
      axisLabel: { formatter: (v: number) => shortDate(dayToIso(v)), hideOverlap: true },
      splitLine: { show: true, lineStyle: { color: p.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: model.rows.map((r) => r.label),
      axisTick: { show: false },
      axisLabel: { fontSize: 11, color: p.muted, interval: 'auto' },
      splitLine: { show: false },
    },
    dataZoom: [
      {
        type: 'slider',
        xAxisIndex: 0,
        filterMode: 'weakFilter',
        bottom: 10,
        height: 16,
        labelFormatter: (v: number) => dayToIso(v),
        startValue: zx[0],
        endValue: zx[1],
      },
      {
        type: 'inside',
        xAxisIndex: 0,
        filterMode: 'weakFilter',
        zoomOnMouseWheel: 'ctrl',
        moveOnMouseWheel: false,
        moveOnMouseMove: true,
        startValue: zx[0],
        endValue: zx[1],
      },
      {
        type: 'slider',
        yAxisIndex: 0,
        filterMode: 'weakFilter',
        right: 8,
        width: 16,
        showDetail: false,
        startValue: zoom.y?.[0] ?? 0,
        endValue: zoom.y?.[1] ?? Math.max(0, visibleRows - 1),
        zoomLock: false,
      },
      {
        type: 'inside',
        yAxisIndex: 0,
        filterMode: 'weakFilter',
        zoomOnMouseWheel: false,
        moveOnMouseWheel: true,
        moveOnMouseMove: true,
        startValue: zoom.y?.[0] ?? 0,
        endValue: zoom.y?.[1] ?? Math.max(0, visibleRows - 1),
      },
    ],
    series: [
      { type: 'custom', name: 'work centers', silent: true, renderItem: renderBand as never, data: bandRows, encode: { x: -1, y: 0 }, z: 1 },
      {
        type: 'custom',
        name: 'orders',
        renderItem: renderBar as never,
        data,
        encode: { x: [1, 2], y: 0 },
        progressive: 0,
        z: 3,
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: p.accent, type: 'dashed', width: 1 },
          data: [{ xAxis: asOfDay }],
        },
      },
    ],
  };
}

interface GanttChartProps {
  model: GanttModel;
  asOf: string;
  selectedOrder?: string;
  onSelect: (orderNo: string) => void;
  /** Bump to zoom onto the selected order (e.g. after a link or a grid click). */
  focusKey?: number;
}

export function GanttChart({ model, asOf, selectedOrder, onSelect, focusKey }: GanttChartProps): ReactNode {
  const palette = usePalette();
  const zoomRef = useRef<GanttZoom>({});
  const chartRef = useRef<echarts.ECharts | null>(null);
  const selected = useMemo(() => model.orders.findIndex((o) => o.orderNo === selectedOrder), [model.orders, selectedOrder]);

  // Zoom onto the selected order when asked to (a link or a click in the grid), keeping the current spans.
  const lastFocus = useRef<number | undefined>(undefined);
  if (focusKey !== lastFocus.current && selected >= 0) {
    lastFocus.current = focusKey;
    const bar = model.bars.find((b) => b.order === selected);
    if (bar) {
      const xs = zoomRef.current.x;
      const span = xs ? Math.max(14, xs[1] - xs[0]) : 60;
      const x0 = Math.max(model.minDay - 1, bar.start - span * 0.25);
      const ys = zoomRef.current.y;
      const rows = ys ? ys[1] - ys[0] : 17;
      const y0 = Math.max(0, Math.min(model.rows.length - 1 - rows, bar.row - Math.floor(rows / 2)));
      zoomRef.current = { x: [x0, x0 + span], y: [y0, y0 + rows] };
    }
  }

  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new focusKey moved the zoom ref onto the selected order (above)
  const option = useMemo(() => ganttOption({ model, palette, asOf, selected, zoom: zoomRef.current }), [model, palette, asOf, selected, focusKey]);

  const onReady = useCallback((chart: echarts.ECharts) => {
    chartRef.current = chart;
    chart.off('datazoom');
    chart.on('datazoom', () => {
      const dz = (chart.getOption() as { dataZoom?: { startValue?: number; endValue?: number }[] }).dataZoom ?? [];
      const x = dz[0];
      const y = dz[2];
      zoomRef.current = {
        x: x && x.startValue !== undefined && x.endValue !== undefined ? [x.startValue, x.endValue] : zoomRef.current.x,
        y: y && y.startValue !== undefined && y.endValue !== undefined ? [y.startValue, y.endValue] : zoomRef.current.y,
      };
    });
  }, []);

  useEffect(() => () => void (chartRef.current = null), []);

  return (
    <EChart
      option={option}
      testId="schedule-gantt"
      height="100%"
      onReady={onReady}
      onClick={(e) => {
        if (e.seriesIndex !== 1) return;
        const idx = (e.value as number[])[3];
        const o = model.orders[idx];
        if (o) onSelect(o.orderNo);
      }}
    />
  );
}
