// Generic reading of a view payload (plan views, import reports, snapshot comparisons) until each has a specific design:
// top-level scalars and `summary`/`kpis` -> key figures; `rows` (+`columns`) and other arrays of objects -> tables;
// `chart`/`charts` -> ECharts options (either a full option or a simple {categories, series} spec).
import type { EChartsOption } from 'echarts';
import type { GridColumn } from '../components/gridColumns';
import { humanizeField, statusBand, type StatusBand } from './format';

export interface Kpi {
  key: string;
  label: string;
  value: string | number | boolean | null;
  unit?: string;
  status?: StatusBand;
  hint?: string;
}

export interface PayloadTable {
  key: string;
  title: string;
  rows: object[];
  columns?: GridColumn[];
}

export interface PayloadChart {
  key: string;
  title?: string;
  option: EChartsOption;
}

export interface PayloadParts {
  title?: string;
  description?: string;
  kpis: Kpi[];
  tables: PayloadTable[];
  charts: PayloadChart[];
  /** Arrays of plain values and other leftovers, shown as text. */
  notes: { key: string; label: string; text: string }[];
}

const META_KEYS = new Set(['title', 'description', 'subtitle', 'view', 'columns', 'chart', 'charts', 'kpis', 'summary']);
const MAX_DEPTH = 3;

type Rec = Record<string, unknown>;

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function isRowArray(v: unknown): v is object[] {
  return Array.isArray(v) && v.length > 0 && v.every(isRecord);
}

function asColumns(v: unknown): GridColumn[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const cols = v.filter((c): c is GridColumn => isRecord(c) && typeof c.field === 'string');
  return cols.length ? cols : undefined;
}

function kpiFrom(key: string, value: unknown, labelPrefix = ''): Kpi | undefined {
  if (isRecord(value) && 'value' in value && isScalar(value.value)) {
    const human = humanizeField(key);
    return {
      key,
      label: typeof value.label === 'string' ? value.label : labelPrefix + human.label,
      value: value.value,
      unit: typeof value.unit === 'string' ? value.unit : human.unit,
      status: statusBand(value.status) ?? statusBand(value.severity),
      hint: typeof value.hint === 'string' ? value.hint : undefined,
    };
  }
  if (!isScalar(value)) return undefined;
  const human = humanizeField(key);
  return { key, label: labelPrefix + human.label, value, unit: human.unit, status: statusBand(value) };
}

function readKpiList(v: unknown): Kpi[] {
  if (Array.isArray(v)) {
    return v
      .filter(isRecord)
      .map((k, i) => kpiFrom(typeof k.key === 'string' ? k.key : `kpi${i}`, k))
      .filter((k): k is Kpi => !!k);
  }
  if (isRecord(v)) return Object.entries(v).map(([k, val]) => kpiFrom(k, val)).filter((k): k is Kpi => !!k);
  return [];
}

/** A simple chart spec -> an ECharts option; a full option (has `series`) gets defaults for what it leaves out. */
export function toChartOption(spec: unknown): EChartsOption | undefined {
  if (!isRecord(spec)) return undefined;
  const categories = (spec.categories ?? spec.x ?? spec.labels) as unknown;
  const series = spec.series;
  if (Array.isArray(categories) && Array.isArray(series)) {
    const defaultType = typeof spec.type === 'string' ? spec.type : 'bar';
    const unit = typeof spec.unit === 'string' ? spec.unit : undefined;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories.map(String) },
      yAxis: { type: 'value', name: unit, nameGap: 12 },
      series: series.filter(isRecord).map((s) => ({
        name: typeof s.name === 'string' ? s.name : undefined,
        type: (typeof s.type === 'string' ? s.type : defaultType) as 'bar',
        data: Array.isArray(s.data) ? (s.data as number[]) : [],
        stack: typeof s.stack === 'string' ? s.stack : undefined,
        smooth: false,
        showSymbol: false,
      })),
    } as EChartsOption;
  }
  if (Array.isArray(series) || isRecord(series)) {
    const option = { ...spec } as Rec;
    option.tooltip ??= { trigger: 'axis' };
    option.grid ??= { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
    delete option.title;
    return option as EChartsOption;
  }
  return undefined;
}

function readCharts(data: Rec): PayloadChart[] {
  const list: unknown[] = [];
  if (data.chart !== undefined) list.push(data.chart);
  if (Array.isArray(data.charts)) list.push(...data.charts);
  else if (isRecord(data.charts)) list.push(...Object.entries(data.charts).map(([k, v]) => (isRecord(v) ? { title: humanizeField(k).label, ...v } : v)));
  const charts: PayloadChart[] = [];
  list.forEach((c, i) => {
    const option = toChartOption(c);
    if (!option) return;
    const rawTitle = isRecord(c) ? c.title : undefined;
    const title = typeof rawTitle === 'string' ? rawTitle : isRecord(rawTitle) && typeof rawTitle.text === 'string' ? rawTitle.text : undefined;
    charts.push({ key: i === 0 ? 'chart' : `chart-${i}`, title, option });
  });
  return charts;
}

/** Splits any JSON payload into key figures, tables, charts and notes. */
export function analyzePayload(data: unknown): PayloadParts {
  const parts: PayloadParts = { kpis: [], tables: [], charts: [], notes: [] };
  if (isRowArray(data)) {
    parts.tables.push({ key: 'rows', title: '', rows: data });
    return parts;
  }
  if (!isRecord(data)) {
    if (data !== undefined && data !== null) parts.notes.push({ key: 'value', label: 'Value', text: String(data) });
    return parts;
  }
  if (typeof data.title === 'string') parts.title = data.title;
  if (typeof data.description === 'string') parts.description = data.description;
  parts.kpis.push(...readKpiList(data.kpis), ...readKpiList(data.summary));
  parts.charts.push(...readCharts(data));
  if (Array.isArray(data.rows)) {
    parts.tables.push({ key: 'rows', title: parts.title ?? '', rows: data.rows.filter(isRecord), columns: asColumns(data.columns) });
  }
  walk(data, [], parts, 0);
  return parts;
}

function walk(obj: Rec, path: string[], parts: PayloadParts, depth: number): void {
  const prefix = path.map((p) => humanizeField(p).label).join(' › ');
  for (const [key, value] of Object.entries(obj)) {
    if (depth === 0 && (META_KEYS.has(key) || key === 'rows')) continue;
    const tableKey = [...path, key].join('.');
    const title = prefix ? `${prefix} › ${humanizeField(key).label}` : humanizeField(key).label;
    if (isScalar(value)) {
      if (depth === 0) {
        const kpi = kpiFrom(key, value);
        if (kpi) parts.kpis.push(kpi);
      } else {
        const kpi = kpiFrom(tableKey, value, `${prefix} › `);
        if (kpi) parts.kpis.push({ ...kpi, label: `${prefix} › ${humanizeField(key).label}` });
      }
    } else if (isRowArray(value)) {
      parts.tables.push({ key: tableKey, title, rows: value });
    } else if (Array.isArray(value)) {
      if (value.length === 0) parts.tables.push({ key: tableKey, title, rows: [] });
      else parts.notes.push({ key: tableKey, label: title, text: value.map((v) => (isScalar(v) ? String(v) : JSON.stringify(v))).join(', ') });
    } else if (isRecord(value)) {
      if (Array.isArray(value.rows)) {
        parts.tables.push({
          key: tableKey,
          title: typeof value.title === 'string' ? value.title : title,
          rows: value.rows.filter(isRecord),
          columns: asColumns(value.columns),
        });
      } else if (depth < MAX_DEPTH) {
        walk(value, [...path, key], parts, depth + 1);
      } else {
        parts.notes.push({ key: tableKey, label: title, text: JSON.stringify(value) });
      }
    }
  }
}
