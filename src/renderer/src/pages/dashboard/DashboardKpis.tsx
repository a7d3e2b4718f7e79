// The dashboard's key figures, each a tile that opens the page explaining it.
import type { ReactNode } from 'react';
import type { GlossaryKey } from '../../../../shared/glossary';
import type { DashboardView } from '../../../../shared/views';
import { KpiTile, type KpiTone } from '../../components/KpiTile';
import { formatNumber, formatPct, formatUsd } from '../../lib/format';
import type { PageId } from '../../routes';
import { navigate } from '../../shell/useHashRoute';
import { useUtilisationBands, utilisationBand, type UtilisationBands } from '../../stores/policyStore';

type KpiKey = keyof DashboardView['kpis'];

export interface TileSpec {
  key: KpiKey;
  /** The glossary entry the tile's tooltip shows. */
  term: GlossaryKey;
  label: string;
  value: (k: DashboardView['kpis']) => string;
  unit?: string;
  sub: (k: DashboardView['kpis'], d: Pick<DashboardView, 'workCenterLoad'>) => string;
  tone: (k: DashboardView['kpis'], bands: UtilisationBands) => KpiTone;
  page: PageId;
  params?: Record<string, string>;
  target: string;
}

const count = (n: number) => formatNumber(n);

type ShortKpis = Pick<DashboardView['kpis'], 'yarnsShort' | 'lbsShort' | 'yarnsShortAfterPastDue' | 'lbsShortAfterPastDue'>;

/** Both counts, as the shortage report gives them: short as the ERP sees it, and short even if past-due receipts arrive. */
export function yarnsShortSub(k: ShortKpis): string {
  if (k.yarnsShort === 0) return 'none below zero in the horizon';
  const covered = k.yarnsShort - k.yarnsShortAfterPastDue;
  return covered > 0 ? `${count(k.yarnsShortAfterPastDue)} after past-due POs` : 'none covered by past-due POs';
}

export function lbsShortSub(k: ShortKpis): string {
  if (k.lbsShort === k.lbsShortAfterPastDue) return 'sum of deepest deficits';
  return `${formatNumber(k.lbsShortAfterPastDue)} after past-due POs`;
}

export const TILES: TileSpec[] = [
  {
    key: 'yarnsShort',
    term: 'yarnsShort',
    label: 'Yarns short',
    value: (k) => count(k.yarnsShort),
    sub: (k) => yarnsShortSub(k),
    tone: (k) => (k.yarnsShort > 0 ? 'critical' : 'low'),
    page: 'yarn',
    params: { tab: 'shortages' },
    target: 'Open the yarn shortage list',
  },
  {
    key: 'lbsShort',
    term: 'lbsShort',
    label: 'Lbs short',
    value: (k) => formatNumber(k.lbsShort),
    unit: 'lbs',
    sub: (k) => lbsShortSub(k),
    tone: (k) => (k.lbsShort > 0 ? 'critical' : 'low'),
    page: 'yarn',
    params: { tab: 'shortages' },
    target: 'Open the yarn shortage list',
  },
  {
    key: 'valueShortUsd',
    term: 'valueShort',
    label: 'Value short',
    value: (k) => formatUsd(k.valueShortUsd),
    sub: () => 'lbs short × cost per lb',
    tone: (k) => (k.valueShortUsd > 0 ? 'high' : 'low'),
    page: 'yarn',
    params: { tab: 'shortages' },
    target: 'Open the yarn shortage list',
  },
  {
    key: 'criticalYarns',
    term: 'criticalYarns',
    label: 'Critical yarns',
    value: (k) => count(k.criticalYarns),
    sub: () => 'risk band CRITICAL',
    tone: (k) => (k.criticalYarns > 0 ? 'critical' : 'low'),
    page: 'yarn',
    params: { risk: 'critical' },
    target: 'Open the yarn position filtered to critical yarns',
  },
  {
    key: 'ordersAtRisk',
    term: 'ordersAtRisk',
    label: 'Orders at risk',
    value: (k) => count(k.ordersAtRisk),
    sub: () => 'late or short of yarn',
    tone: (k) => (k.ordersAtRisk > 0 ? 'high' : 'low'),
    page: 'schedule',
    params: { tab: 'atRisk' },
    target: 'Open the schedule: orders late or short of yarn',
  },
  {
    key: 'lateOrders',
    term: 'lateOrders',
    label: 'Late orders',
    value: (k) => count(k.lateOrders),
    sub: () => 'finish after the quoted date',
    tone: (k) => (k.lateOrders > 0 ? 'critical' : 'low'),
    page: 'schedule',
    params: { tab: 'late' },
    target: 'Open the late orders and why they are late',
  },
  {
    key: 'suggestedValueUsd',
    term: 'suggestedValue',
    label: 'Suggested purchases',
    value: (k) => formatUsd(k.suggestedValueUsd),
    sub: (k) => `${count(k.suggestedOrders)} purchase orders`,
    tone: () => 'neutral',
    page: 'purchasing',
    target: 'Open the purchase suggestions',
  },
  {
    key: 'suggestedOrders',
    term: 'suggestedPos',
    label: 'Suggested POs',
    value: (k) => count(k.suggestedOrders),
    sub: () => 'release to cover shortages',
    tone: () => 'neutral',
    page: 'purchasing',
    target: 'Open the purchase suggestions',
  },
  {
    key: 'expediteOrders',
    term: 'expedite',
    label: 'To expedite',
    value: (k) => count(k.expediteOrders),
    sub: () => 'too late if released today',
    tone: (k) => (k.expediteOrders > 0 ? 'high' : 'low'),
    page: 'purchasing',
    params: { filter: 'expedite' },
    target: 'Open the suggestions to expedite',
  },
  {
    key: 'peakUtilisationPct',
    term: 'peakUtilisation',
    label: 'Peak utilisation',
    value: (k) => formatPct(k.peakUtilisationPct),
    sub: (_k, d) => {
      const top = [...d.workCenterLoad].sort((a, b) => (b.peakUtilisationPct ?? 0) - (a.peakUtilisationPct ?? 0))[0];
      return top?.peakWeek ? `WC ${top.workCenter} in ${top.peakWeek}` : 'busiest WC in its busiest week';
    },
    tone: (k, bands) => {
      const band = utilisationBand(k.peakUtilisationPct, bands);
      return band === 'none' ? 'neutral' : band;
    },
    page: 'capacity',
    target: 'Open the work-center load',
  },
  {
    key: 'overloadedWorkCenters',
    term: 'overloaded',
    label: 'Overloaded WCs',
    value: (k) => count(k.overloadedWorkCenters),
    sub: () => 'with overloaded weeks',
    tone: (k) => (k.overloadedWorkCenters > 0 ? 'critical' : 'low'),
    page: 'capacity',
    params: { tab: 'bottlenecks' },
    target: 'Open the bottlenecks',
  },
];

export function DashboardKpis({ kpis, workCenterLoad }: { kpis: DashboardView['kpis']; workCenterLoad: DashboardView['workCenterLoad'] }): ReactNode {
  const bands = useUtilisationBands();
  return (
    <div className="kpi-tiles dashboard-kpis" data-testid="dashboard-kpis">
      {TILES.map((t) => (
        <KpiTile
          key={t.key}
          testId={`dashboard-kpi-${t.key}`}
          label={t.label}
          value={t.value(kpis)}
          unit={t.unit}
          sub={t.sub(kpis, { workCenterLoad })}
          tone={t.tone(kpis, bands)}
          target={t.target}
          term={t.term}
          onClick={() => navigate(t.page, t.params)}
        />
      ))}
    </div>
  );
}
