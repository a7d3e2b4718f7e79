// Scenario vs base: the KPI deltas (every KPI here is "more is worse") and the row differences flattened for grids.
import type { EChartsOption } from 'echarts';
import type { PlanComparison, PlanKpis } from '../../../../shared/scenario';
import type { ChartPalette } from '../../components/chartThemes';
import { formatDelta, formatNumber, formatPct, formatUsd } from '../../lib/format';

export interface KpiSpec {
  key: keyof PlanKpis;
  label: string;
  unit?: 'lbs' | 'USD' | '%';
}

/** In display order; the first six are the headline tiles. */
export const KPI_SPECS: KpiSpec[] = [
  { key: 'yarnsShort', label: 'Yarns short' },
  { key: 'lbsShort', label: 'Lbs short', unit: 'lbs' },
  { key: 'suggestedValueUsd', label: 'Suggested purchases', unit: 'USD' },
  { key: 'lateOrders', label: 'Late orders' },
  { key: 'lbsLate', label: 'Lbs late', unit: 'lbs' },
  { key: 'peakUtilisationPct', label: 'Peak utilisation', unit: '%' },
  { key: 'suggestionCount', label: 'Suggested POs' },
  { key: 'lateSuggestions', label: 'POs to expedite' },
  { key: 'materialShortOrders', label: 'Orders short of yarn' },
];

export function formatKpi(value: number, unit?: KpiSpec['unit']): string {
  if (unit === 'USD') return formatUsd(value);
  if (unit === '%') return formatPct(value);
  if (unit === 'lbs') return `${formatNumber(value)} lbs`;
  return formatNumber(value);
}

/** A KPI change; utilisation changes are percentage points (`+15 pp`). */
export function formatKpiDelta(value: number, unit?: KpiSpec['unit']): string {
  if (unit === '%') return `${formatDelta(value)} pp`;
  return formatDelta(value, unit === 'USD' ? 'USD' : unit);
}

/** Relative change in % (b vs a); null when the base is 0 and the scenario too. */
export function relativeChange(a: number, b: number): number | null {
  if (a === 0) return b === 0 ? 0 : null;
  return ((b - a) / Math.abs(a)) * 100;
}

export function deltaChartOption(c: Pick<PlanComparison, 'a' | 'b' | 'deltas'>, p: ChartPalette): EChartsOption {
  const specs = [...KPI_SPECS].reverse();
  const rel = specs.map((s) => relativeChange(c.a[s.key], c.b[s.key]));
  return {
    animation: false,
    grid: { left: 140, right: 160, top: 10, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const s = specs[i];
        const r = rel[i];
        return `<b>${s.label}</b><br/>Base ${formatKpi(c.a[s.key], s.unit)}<br/>Scenario ${formatKpi(c.b[s.key], s.unit)}<br/>Change ${formatKpiDelta(c.deltas[s.key], s.unit)}${r === null ? '' : ` (${formatDelta(r, '%', 1)})`}`;
      },
    },
    xAxis: { type: 'value', splitNumber: 3, axisLabel: { formatter: (v: number) => `${formatNumber(v)}%`, hideOverlap: true } },
    yAxis: { type: 'category', data: specs.map((s) => s.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barWidth: 12,
        data: specs.map((s, i) => ({
          value: rel[i] === null ? 0 : Number((rel[i] as number).toFixed(1)),
          itemStyle: { color: c.deltas[s.key] > 0 ? p.critical : c.deltas[s.key] < 0 ? p.low : p.baseline },
        })),
        label: {
          show: true,
          position: 'right',
          color: p.muted,
          fontSize: 11,
          formatter: (prm: unknown) => {
            const i = (prm as { dataIndex: number }).dataIndex;
            const s = specs[i];
            return `${formatKpi(c.a[s.key], s.unit)} → ${formatKpi(c.b[s.key], s.unit)}`;
          },
        },
        markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: p.axis }, data: [{ xAxis: 0 }] },
      },
    ],
  };
}

type Cell = string | number | boolean | null;

export function shortageRows(c: Pick<PlanComparison, 'shortages'>): Record<string, Cell>[] {
  return c.shortages.map((s) => ({
    yarnId: s.yarnId,
    description: s.description,
    change: s.change,
    baseShortLbs: s.a?.shortLbs ?? 0,
    scenarioShortLbs: s.b?.shortLbs ?? 0,
    deltaLbs: s.deltaLbs,
    baseFirstShort: s.a?.firstShortWeek ?? null,
    scenarioFirstShort: s.b?.firstShortWeek ?? null,
    baseRecovery: s.a?.recoveryWeek ?? null,
    scenarioRecovery: s.b?.recoveryWeek ?? null,
  }));
}

export function suggestionRows(c: Pick<PlanComparison, 'suggestions'>): Record<string, Cell>[] {
  return c.suggestions.map((s) => ({
    yarnId: s.yarnId,
    change: s.change,
    supplier: s.b?.supplier ?? s.a?.supplier ?? null,
    baseQtyLbs: s.a?.qtyLbs ?? null,
    scenarioQtyLbs: s.b?.qtyLbs ?? null,
    deltaQtyLbs: s.deltaQtyLbs,
    deltaValueUsd: s.deltaValueUsd,
    baseReceipt: s.a?.receiptWeek ?? null,
    scenarioReceipt: s.b?.receiptWeek ?? null,
    scenarioExpedite: s.b ? s.b.late : null,
  }));
}

export function orderRows(c: Pick<PlanComparison, 'orders'>): Record<string, Cell>[] {
  return c.orders.map((o) => ({
    koNumber: o.koNumber,
    style: o.style,
    change: o.change,
    baseFinish: o.a?.finish ?? null,
    scenarioFinish: o.b?.finish ?? null,
    baseLatenessDays: o.a?.latenessDays ?? null,
    scenarioLatenessDays: o.b?.latenessDays ?? null,
    deltaLatenessDays: o.deltaLatenessDays,
    baseMachine: o.a?.machine ?? null,
    scenarioMachine: o.b?.machine ?? null,
    scenarioBalanceLbs: o.b?.balanceLbs ?? null,
    scenarioMaterialShort: o.b ? o.b.materialShort : null,
  }));
}
