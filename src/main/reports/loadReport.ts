// "Load by work center" report: utilisation chart, bottlenecks, the per-work-center table, the plant's weekly load
// and the unassigned orders with the machines that could take them.
import { capacityPolicyDefaults, type CapacityPolicy } from '../../shared/policy/capacity';
import { isoWeekLabel } from '../../shared/dates';
import type { LoadResult, WorkCenterLoad } from '../engine/capacity/types';
import type { PageSize, ReportSpec, Section, Tone } from './html';
import { columnChart, hBarChart } from './svg';

export interface LoadReportOptions {
  printedAt: string;
  pageSize?: PageSize;
  subtitle?: string;
  policy?: CapacityPolicy;
  /** Work centers in the utilisation chart (highest first). */
  chartWorkCenters?: number;
}

const byCode = new Intl.Collator('en', { numeric: true });
const label = (wc: string) => wc || '(no WC)';

export function loadByWorkCenterReport(load: LoadResult, options: LoadReportOptions): ReportSpec {
  const policy = options.policy ?? capacityPolicyDefaults;
  const util = (w: WorkCenterLoad) => w.utilisationWithUnassignedPct;
  const rank = (p: number | null) => (p === null ? Infinity : p);
  const tone = (p: number | null): Tone | undefined =>
    p === null || p > policy.overloadUtilisationPct ? 'bad' : p >= policy.bottleneckUtilisationPct ? 'warn' : undefined;

  const withDemand = load.workCenters.filter((w) => w.daysAssigned + w.daysUnassigned > 0);
  // Averages over a long horizon hide short peaks, so the chart shows each work center's busiest week.
  const charted = [...withDemand]
    .sort(
      (a, b) =>
        b.overloadDays - a.overloadDays || rank(b.peakUtilisationPct) - rank(a.peakUtilisationPct) || byCode.compare(a.workCenter, b.workCenter),
    )
    .slice(0, options.chartWorkCenters ?? 30);
  const maxPct = Math.min(300, Math.max(150, ...charted.map((w) => w.peakUtilisationPct ?? 0)));
  const horizonText = `${load.weekStarts.length} weeks from ${load.weekStarts[0]}`;

  const sections: Section[] = [
    {
      heading: 'Busiest week by work center',
      note:
        `Knit days required (assigned + unassigned orders) / machine days available in each work center's busiest ISO week, ` +
        `${horizonText}; the label adds the week and the horizon average. ` +
        `Red: over ${policy.overloadUtilisationPct} %; amber: ${policy.bottleneckUtilisationPct} % or more.` +
        (withDemand.length > charted.length ? ` Top ${charted.length} of ${withDemand.length} work centers with orders.` : ''),
      svg: hBarChart({
        bars: charted.map((w) => ({
          label: label(w.workCenter),
          value: w.peakUtilisationPct,
          tone: tone(w.peakUtilisationPct),
          valueText:
            w.machineIds.length === 0 ? 'no machines' : `${pctText(w.peakUtilisationPct)} ${w.peakWeek?.slice(5) ?? ''} · avg ${pctText(util(w))}`,
        })),
        labelWidth: 90,
        maxValue: maxPct,
        unit: ' %',
        refLines: [
          { value: policy.overloadUtilisationPct, label: `${policy.overloadUtilisationPct} %` },
          { value: policy.bottleneckUtilisationPct, label: `${policy.bottleneckUtilisationPct} %` },
        ],
      }),
    },
    {
      heading: 'Bottleneck work centers',
      table: {
        emptyText: 'No work center reaches the bottleneck threshold.',
        columns: [
          { key: 'rank', label: '#', align: 'right', width: '4%' },
          { key: 'wc', label: 'Work center', width: '10%' },
          { key: 'machines', label: 'Machines', align: 'right', width: '7%' },
          { key: 'util', label: 'Utilisation', align: 'right', width: '9%' },
          { key: 'over', label: 'Overloaded wks', align: 'right', width: '9%' },
          { key: 'overDays', label: 'Days over', align: 'right', decimals: 1, width: '7%' },
          { key: 'peak', label: 'Peak week', width: '8%' },
          { key: 'reason', label: 'Why', width: '46%' },
        ],
        rows: load.bottlenecks.map((b) => ({
          rank: b.rank,
          wc: label(b.workCenter),
          machines: b.machines,
          util: { text: pctText(b.utilisationPct), tone: tone(b.utilisationPct) },
          over: b.overloadedWeeks,
          overDays: b.overloadDays,
          peak: b.peakWeek ?? '',
          reason: b.reason,
        })),
      },
    },
    {
      heading: 'Load by work center',
      note: `Days over ${horizonText}; "later" is knitting beyond the horizon.`,
      table: {
        columns: [
          { key: 'wc', label: 'Work center', width: '11%' },
          { key: 'machines', label: 'Machines', align: 'right', width: '7%' },
          { key: 'available', label: 'Days available', align: 'right', decimals: 1, width: '9%' },
          { key: 'assigned', label: 'Days assigned', align: 'right', decimals: 1, width: '9%' },
          { key: 'unassigned', label: 'Days unassigned', align: 'right', decimals: 1, width: '9%' },
          { key: 'later', label: 'Later days', align: 'right', decimals: 1, width: '8%' },
          { key: 'util', label: 'Util. assigned', align: 'right', width: '9%' },
          { key: 'utilAll', label: 'Util. incl. unassigned', align: 'right', width: '11%' },
          { key: 'over', label: 'Overloaded wks', align: 'right', width: '9%' },
          { key: 'peak', label: 'Peak week', width: '9%' },
          { key: 'peakPct', label: 'Peak', align: 'right', width: '9%' },
        ],
        rows: load.workCenters
          .filter((w) => w.daysAssigned + w.daysUnassigned + w.laterDays > 0)
          .map((w) => ({
            wc: label(w.workCenter),
            machines: w.machineIds.length,
            available: w.daysAvailable,
            assigned: w.daysAssigned,
            unassigned: w.daysUnassigned,
            later: w.laterDays,
            util: pctText(w.utilisationPct),
            utilAll: { text: pctText(util(w)), tone: tone(util(w)) },
            over: w.overloadedWeeks,
            peak: w.peakWeek ?? '',
            peakPct: { text: pctText(w.peakUtilisationPct), tone: tone(w.peakUtilisationPct) },
          })),
      },
    },
  ];

  // Plant-wide weekly load.
  const weeks = load.weekStarts.map((_, i) => i);
  const sumWeek = (f: (w: WorkCenterLoad, i: number) => number) => weeks.map((i) => withDemand.reduce((s, w) => s + f(w, i), 0));
  sections.push({
    heading: 'Knit days per week',
    note: `The ${withDemand.length} work centers with orders: days required against their machines' days available.`,
    svg: columnChart({
      categories: load.weekStarts.map((d) => isoWeekLabel(d).slice(5)),
      stacked: [
        { name: 'Assigned orders', values: sumWeek((w, i) => w.weeks[i].daysRequired), color: '#1f4e79' },
        { name: 'Unassigned orders', values: sumWeek((w, i) => w.weeks[i].daysUnassigned), color: '#7fb2e5' },
      ],
      line: { name: 'Machine days available', values: sumWeek((w, i) => w.weeks[i].daysAvailable), color: '#d97706' },
      yLabel: 'machine days',
      height: 200,
    }),
  });

  sections.push({
    heading: 'Unassigned orders',
    note: 'Orders without a machine, with the least-loaded machines that could knit them.',
    table: {
      emptyText: 'Every open order has a machine.',
      columns: [
        { key: 'order', label: 'Order', width: '9%' },
        { key: 'style', label: 'Style', width: '13%' },
        { key: 'lbs', label: 'Lbs', align: 'right', width: '7%' },
        { key: 'days', label: 'Knit days', align: 'right', decimals: 1, width: '7%' },
        { key: 'wc', label: 'Work center', width: '10%' },
        { key: 'candidates', label: 'Could run on (days booked)', width: '54%' },
      ],
      rows: load.unassigned.map((u) => ({
        order: u.orderNo,
        style: u.style,
        lbs: u.balanceLbs,
        days: u.knitDays,
        wc: label(u.workCenter),
        candidates: u.candidates.length
          ? u.candidates.map((c) => `${c.machineId}${c.match === 'relaxed' ? ` (${c.workCenter})` : ''}: ${c.daysRequired.toFixed(1)}`).join(', ')
          : { text: u.note ?? 'No compatible machine.', tone: 'bad' },
      })),
    },
  });

  if (load.unrated.length) {
    sections.push({
      heading: 'Orders without a knitting rate',
      note: 'Not in any load: their knitting days are unknown.',
      table: {
        columns: [
          { key: 'order', label: 'Order', width: '12%' },
          { key: 'style', label: 'Style', width: '25%' },
          { key: 'lbs', label: 'Lbs', align: 'right', width: '10%' },
          { key: 'machine', label: 'Machine', width: '53%' },
        ],
        rows: load.unrated.map((u) => ({ order: u.orderNo, style: u.style, lbs: u.balanceLbs, machine: u.machine ?? '' })),
      },
    });
  }

  const overloaded = load.workCenters.filter((w) => w.overloadedWeeks > 0).length;
  return {
    title: 'Load by work center',
    asOf: load.asOf,
    printedAt: options.printedAt,
    subtitle: options.subtitle,
    pageSize: options.pageSize,
    kpis: [
      { label: 'Work centers with orders', value: withDemand.length },
      { label: 'Bottlenecks', value: load.bottlenecks.length, tone: load.bottlenecks.length ? 'warn' : 'ok' },
      { label: 'WCs with overloaded weeks', value: overloaded, tone: overloaded ? 'bad' : 'ok' },
      { label: 'Unassigned orders', value: load.unassigned.length, tone: load.unassigned.length ? 'warn' : 'ok' },
      { label: 'Orders without rate', value: load.unrated.length, tone: load.unrated.length ? 'bad' : 'ok' },
    ],
    sections,
  };
}

function pctText(p: number | null): string {
  return p === null ? 'n/a' : `${Math.round(p)} %`;
}
