// A thin ECharts wrapper: init (with the app theme), `finished` -> data-ready + a ready promise, setOption on change,
// ResizeObserver, dispose. (echarts-for-react's `finished` never fired in our checks, so we own these ~lines.)
import { useEffect, useRef, useState, type ReactNode } from 'react';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { useApp } from '../stores/appStore';
import { trackRender } from '../lib/readiness';
import { chartThemeName } from './chartThemes';

export interface EChartProps {
  option: EChartsOption;
  /** `data-testid` of the container and the key of `window.__charts`. */
  testId: string;
  height?: number | string;
  /** 'svg' prints crisply into PDFs; 'canvas' (default) is faster for many points. */
  renderer?: 'canvas' | 'svg';
  /** Called once, on the first `finished` event after (re)initialising. */
  onReady?: (chart: echarts.ECharts) => void;
  /** Called with the clicked item's params (series name, data index, value...). */
  onClick?: (params: echarts.ECElementEvent) => void;
  className?: string;
}

export function EChart({ option, testId, height = 280, renderer = 'canvas', onReady, onClick, className }: EChartProps): ReactNode {
  const theme = useApp((s) => s.theme);
  const elRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const optionRef = useRef(option);
  const appliedRef = useRef<EChartsOption | null>(null);
  const handlersRef = useRef({ onReady, onClick });
  const [ready, setReady] = useState(false);
  optionRef.current = option;
  handlersRef.current = { onReady, onClick };

  // (Re)create on theme/renderer change; the current option is applied right away.
  useEffect(() => {
    const el = elRef.current;
    if (!el) return;
    const resolveRender = trackRender();
    let resolveReady!: () => void;
    const readyPromise = new Promise<void>((r) => (resolveReady = r));
    const chart = echarts.init(el, chartThemeName(theme), { renderer });
    chartRef.current = chart;
    window.__charts = { ...(window.__charts ?? {}), [testId]: { chart, ready: readyPromise } };
    let first = true;
    chart.on('finished', () => {
      if (!first) return;
      first = false;
      setReady(true);
      resolveReady();
      resolveRender();
      handlersRef.current.onReady?.(chart);
    });
    chart.on('click', (p) => handlersRef.current.onClick?.(p as echarts.ECElementEvent));
    chart.setOption(optionRef.current, { notMerge: true });
    appliedRef.current = optionRef.current;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      resolveRender();
      if (window.__charts?.[testId]?.chart === chart) delete window.__charts[testId];
      chart.dispose();
      chartRef.current = null;
      setReady(false);
    };
  }, [theme, renderer, testId]);

  useEffect(() => {
    if (!chartRef.current || appliedRef.current === option) return;
    chartRef.current.setOption(option, { notMerge: true });
    appliedRef.current = option;
  }, [option]);

  return (
    <div
      ref={elRef}
      className={className ? `echart ${className}` : 'echart'}
      data-testid={testId}
      data-ready={ready ? 'true' : 'false'}
      style={{ height, width: '100%' }}
    />
  );
}
