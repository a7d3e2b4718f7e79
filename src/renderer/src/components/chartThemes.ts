// ECharts themes for the app's light and dark modes (values mirror styles/tokens.css).
import * as echarts from 'echarts';
import type { Theme } from '../stores/appStore';

const FONT = "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Roboto, Arial, sans-serif";

function themeObject(mode: Theme) {
  const dark = mode === 'dark';
  const text = dark ? '#dfe4eb' : '#1c2430';
  const muted = dark ? '#9aa5b4' : '#5b6675';
  const grid = dark ? '#2a323d' : '#e6e9ee';
  const axis = dark ? '#404b5a' : '#b9c1cc';
  const axisCommon = {
    axisLine: { lineStyle: { color: axis } },
    axisTick: { lineStyle: { color: axis } },
    axisLabel: { color: muted },
    splitLine: { lineStyle: { color: grid } },
    nameTextStyle: { color: muted },
  };
  return {
    color: dark
      ? ['#5b9be0', '#f0a24a', '#4fb394', '#a986d9', '#e8625c', '#8a98ab']
      : ['#1f5fa8', '#e08a1e', '#2b8a6e', '#8a5cc2', '#c2413b', '#6b7a8f'],
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: text, fontSize: 12 },
    title: { textStyle: { color: text, fontSize: 13, fontWeight: 600 }, subtextStyle: { color: muted } },
    legend: { textStyle: { color: muted }, inactiveColor: axis },
    tooltip: {
      backgroundColor: dark ? '#1e252f' : '#ffffff',
      borderColor: dark ? '#404b5a' : '#d9dee5',
      textStyle: { color: text, fontSize: 12 },
    },
    categoryAxis: { ...axisCommon, splitLine: { show: false } },
    valueAxis: axisCommon,
    timeAxis: axisCommon,
    logAxis: axisCommon,
    line: { symbolSize: 4, lineStyle: { width: 2 } },
    bar: { itemStyle: { borderRadius: [2, 2, 0, 0] } },
    dataZoom: { textStyle: { color: muted }, borderColor: axis },
  };
}

let registered = false;

export function chartThemeName(mode: Theme): string {
  if (!registered) {
    echarts.registerTheme('bkp-light', themeObject('light'));
    echarts.registerTheme('bkp-dark', themeObject('dark'));
    registered = true;
  }
  return mode === 'dark' ? 'bkp-dark' : 'bkp-light';
}

/** Semantic colours for series that carry a meaning (status, demand vs receipts), per theme; mirrors tokens.css. */
export interface ChartPalette {
  text: string;
  muted: string;
  faint: string;
  grid: string;
  axis: string;
  surface: string;
  accent: string;
  critical: string;
  criticalSoft: string;
  high: string;
  medium: string;
  low: string;
  info: string;
  demand: string;
  receipts: string;
  balance: string;
  baseline: string;
  series: string[];
}

const PALETTES: Record<Theme, ChartPalette> = {
  dark: {
    text: '#dfe4eb',
    muted: '#9aa5b4',
    faint: '#6d7888',
    grid: '#2a323d',
    axis: '#404b5a',
    surface: '#1a2029',
    accent: '#5b9be0',
    critical: '#f47067',
    criticalSoft: 'rgba(244, 112, 103, 0.14)',
    high: '#f0883e',
    medium: '#d9b23f',
    low: '#57b97e',
    info: '#6aa3e0',
    demand: '#e8625c',
    receipts: '#4fb394',
    balance: '#5b9be0',
    baseline: '#8a98ab',
    series: ['#5b9be0', '#f0a24a', '#4fb394', '#a986d9', '#e8625c', '#8a98ab'],
  },
  light: {
    text: '#1c2430',
    muted: '#5b6675',
    faint: '#8a94a3',
    grid: '#e6e9ee',
    axis: '#b9c1cc',
    surface: '#ffffff',
    accent: '#1f5fa8',
    critical: '#b42318',
    criticalSoft: 'rgba(180, 35, 24, 0.08)',
    high: '#c4520a',
    medium: '#b7860b',
    low: '#2b8a5b',
    info: '#1f5fa8',
    demand: '#d0605a',
    receipts: '#2b8a6e',
    balance: '#1f5fa8',
    baseline: '#6b7a8f',
    series: ['#1f5fa8', '#e08a1e', '#2b8a6e', '#8a5cc2', '#c2413b', '#6b7a8f'],
  },
};

export function chartPalette(mode: Theme): ChartPalette {
  return PALETTES[mode];
}
