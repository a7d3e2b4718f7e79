// The screens' views over a computed plan (registered into planViews). Each returns only what its page shows.
import type {
  AlertRow, CapacityView, DashboardView, DemandView, ForecastSeriesView, ForecastView, PurchasingView, Risk, Row,
  ScheduleView, YarnDetailView, YarnPositionView,
} from '../../../shared/views';
import { findSubstitutes, freeStockFromMrp, mrpWeekRows, parseYarnDescription, suggestionRow, type SubstituteYarn } from '../../engine/purchasing';
import type { Alert } from '../../../shared/scenario';
import type { Db } from '../../store/db';
import { NotFoundError } from '../errors';
import { planAlerts } from './alerts';
import type { CompactBacktestRow, ForecastRun } from '../jobs/forecastJob';
import { readPlan } from '../../store/planCache';
import type { Plan } from '../jobs/computePlan';
import { positionRows, shortageRows } from './planTables';
import { registerViews, type ViewParams } from './planViews';

const stamp = (plan: Plan) => ({ snapshotId: plan.snapshotId, asOf: plan.asOf, computedAt: plan.computedAt });
const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

function alertRow(a: Alert): AlertRow {
  return {
    key: a.key,
    rule: a.rule,
    severity: a.severity,
    title: a.title,
    cause: a.cause,
    impactLbs: a.impact.lbs,
    impactDays: a.impact.days,
    impactLbsDays: a.impact.lbsDays,
    impactUsd: a.impact.valueUsd,
    firstWeek: a.firstWeek ?? null,
    page: a.link.page,
    params: Object.fromEntries(Object.entries(a.link.params ?? {}).map(([k, v]) => [k, String(v)])),
    acknowledged: a.acknowledged,
    isNew: a.isNew,
  };
}

function forecastRun(db: Db, snapshotId: number): ForecastRun | undefined {
  return readPlan<ForecastRun>(db, snapshotId, 0, 'forecast')?.plan;
}

/** The series the Forecast page lists: company total, styles and greige styles (style x customer feed the totals). */
const listedSeries = (run: ForecastRun) => run.series.filter((s) => s.level !== 'styleCustomer');

function accuracyTile(run: ForecastRun | undefined): DashboardView['forecastAccuracy'] {
  if (!run) return null;
  const total = run.accuracy.TOTAL ?? {};
  const baselines = ['naive', 'ma4', 'ma8', 'mean'].filter((m) => total[m]).map((m) => ({ model: m, wape: total[m].wape }));
  baselines.sort((a, b) => a.wape - b.wape);
  const h9 = run.accuracyByHorizon.filter((r) => r.horizon === 9 && r.model === 'selected');
  return {
    totalWapeH1to4: total.selected?.wape ?? null,
    totalWapeH9: h9.length ? h9[0].wape : null,
    bestBaselineH1to4: baselines[0] ?? null,
    stylesWapeH1to4: run.accuracy.styles?.selected?.wape ?? null,
    seriesForecast: listedSeries(run).filter((s) => s.forecast.method === 'statistical').length,
    seriesOrdersOnly: listedSeries(run).filter((s) => s.forecast.method === 'ordersOnly').length,
  };
}

function dashboard(plan: Plan, _p: ViewParams, db: Db, snapshotId: number): DashboardView {
  const shortages = shortageRows(plan);
  const alerts = planAlerts(db, snapshotId, plan);
  const weeks = plan.yarn.weeks;
  const timeline = weeks.map((weekStart, w) => {
    let yarnsShort = 0;
    let lbsShort = 0;
    for (const p of plan.yarn.projection) {
      const b = p.balanceWeeklyLbs[w];
      if (b < 0) {
        yarnsShort++;
        lbsShort -= b;
      }
    }
    return { weekStart, yarnsShort, lbsShort: round(lbsShort) };
  });
  const late = plan.schedule.orders.filter((o) => o.late);
  const atRisk = new Set([...late.map((o) => o.orderNo), ...plan.schedule.orders.filter((o) => o.materialShort).map((o) => o.orderNo)]);
  const wcs = plan.load.workCenters.filter((w) => w.peakUtilisationPct !== null);
  return {
    ...stamp(plan),
    kpis: {
      yarnsShort: shortages.length,
      lbsShort: round(shortages.reduce((t, r) => t + Number(r.maxDeficitLbs), 0)),
      valueShortUsd: round(shortages.reduce((t, r) => t + Number(r.maxDeficitLbs) * (plan.yarnCostPerLb[String(r.yarnId)] ?? 0), 0), 0),
      criticalYarns: plan.yarn.positions.filter((p) => p.risk === 'CRITICAL').length,
      ordersAtRisk: atRisk.size,
      lateOrders: late.length,
      suggestedOrders: plan.purchasing.suggestions.length,
      suggestedValueUsd: round(plan.purchasing.suggestions.reduce((t, s) => t + s.valueUsd, 0), 0),
      expediteOrders: plan.purchasing.suggestions.filter((s) => s.action === 'expedite').length,
      peakUtilisationPct: wcs.length ? Math.max(...wcs.map((w) => w.peakUtilisationPct!)) : null,
      overloadedWorkCenters: plan.load.workCenters.filter((w) => w.overloadedWeeks > 0).length,
    },
    alerts: alerts.alerts.filter((a) => !a.acknowledged).slice(0, 12).map(alertRow),
    alertCounts: alerts.counts,
    shortageTimeline: timeline,
    workCenterLoad: [...wcs]
      .sort((a, b) => (b.peakUtilisationPct ?? 0) - (a.peakUtilisationPct ?? 0))
      .slice(0, 12)
      .map((w) => ({ workCenter: w.workCenter, utilisationPct: w.utilisationPct, peakUtilisationPct: w.peakUtilisationPct, peakWeek: w.peakWeek })),
    forecastAccuracy: accuracyTile(forecastRun(db, snapshotId)),
  };
}

function yarnPosition(plan: Plan): YarnPositionView {
  const rows = positionRows(plan) as Row[];
  const counts: Record<Risk, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
  for (const p of plan.yarn.positions) counts[p.risk]++;
  return { ...stamp(plan), rows, counts };
}

const specCache = new WeakMap<Plan, Map<string, SubstituteYarn>>();
function substitutePool(plan: Plan): Map<string, SubstituteYarn> {
  let pool = specCache.get(plan);
  if (pool) return pool;
  pool = new Map();
  const color = new Map(plan.yarn.projection.map((p) => [p.yarnId, p.color]));
  for (const item of plan.purchasing.items) {
    const spec = parseYarnDescription(item.description, color.get(item.yarnId) ?? null, plan.policy.purchasing);
    pool.set(item.yarnId, { yarnId: item.yarnId, spec, freeStockByWeek: freeStockFromMrp(item) });
  }
  specCache.set(plan, pool);
  return pool;
}

function yarnDetail(plan: Plan, params: ViewParams): YarnDetailView {
  const yarnId = String(params.yarnId ?? '');
  const p = plan.yarn.projection.find((x) => x.yarnId === yarnId);
  if (!p) throw new NotFoundError(`yarn ${yarnId} has no demand or receipts in this plan`);
  const position = (positionRows(plan) as Row[]).find((r) => r.yarnId === yarnId) ?? null;
  const shortage = (shortageRows(plan) as Row[]).find((r) => r.yarnId === yarnId) ?? null;
  const pegged = new Map((plan.yarn.pegging.byYarn.find((x) => x.yarnId === yarnId)?.consumers ?? []).map((c) => [c.orderNo, c.lbs]));
  const consumers = plan.yarn.demand.rows
    .filter((r) => r.yarnId === yarnId)
    .map((r) => ({ orderNo: r.orderNo, style: r.style, fraction: r.fraction, totalLbs: round(r.totalLbs), lbsInShortWindow: round(pegged.get(r.orderNo) ?? 0), weeks: r.weeklyLbs.map((v) => round(v)) }))
    .sort((a, b) => b.lbsInShortWindow - a.lbsInShortWindow || b.totalLbs - a.totalLbs);
  const item = plan.purchasing.items.find((i) => i.yarnId === yarnId);
  const pool = substitutePool(plan);
  const target = pool.get(yarnId);
  const shortWeek = p.shortage ? plan.yarn.weeks.indexOf(p.shortage.firstShortWeek) : -1;
  const substitutes =
    target && p.shortage && shortWeek >= 0
      ? findSubstitutes(target, { week: shortWeek, lbs: p.shortage.maxDeficitLbs }, [...pool.values()], plan.policy.purchasing).slice(0, 10).map((c) => ({
          yarnId: c.yarnId,
          description: plan.purchasing.items.find((i) => i.yarnId === c.yarnId)?.description ?? '',
          score: round(c.score, 3),
          freeStockLbs: round(c.freeStockLbs),
          coverLbs: round(c.coverLbs),
          why: c.criteria.map((k) => `${k.criterion}: ${k.detail}`).join('; '),
        }))
      : [];
  return {
    ...stamp(plan),
    yarnId,
    description: p.description,
    supplier: p.supplier,
    position,
    weeks: plan.yarn.weeks,
    demandLbs: p.demand.weeklyLbs.map((v) => round(v)),
    receiptsLbs: p.receipts.weeklyLbs.map((v) => round(v)),
    balanceLbs: p.balanceWeeklyLbs.map((v) => round(v)),
    inventoryLbs: p.inventoryLbs,
    pastDueReceiptsLbs: p.pastDueReceiptsLbs,
    beyondDemandLbs: round(p.demand.beyondLbs),
    beyondReceiptsLbs: round(p.receipts.beyondLbs),
    shortage,
    consumers,
    receipts: plan.receiptLines.filter((r) => r.yarnId === yarnId).map(({ yarnId: _y, ...r }) => r),
    mrp: item ? (mrpWeekRows(item, plan.purchasing.weekStarts) as unknown as Row[]) : [],
    suggestions: (item?.suggestions ?? []).map((s) => suggestionRow(s) as Row),
    substitutes,
  };
}

function demand(plan: Plan): DemandView {
  const { tables, demand: d } = plan.yarn;
  return {
    ...stamp(plan),
    byKo: tables.demandByStyleKo,
    byStyle: tables.demandByStyle,
    byYarn: tables.yarnDemand,
    styles: plan.yarn.styles.map((s) => ({
      style: s.style,
      bomSource: s.bom.provenance.source,
      bomAsOf: s.bom.provenance.asOf,
      yarns: s.bom.lines.length,
      bomLines: s.bom.lines.map((l) => `${l.yarnId} ${round(l.fraction * 100, 2)}%`).join(', '),
      rateLbsPerDay: s.rate.lbsPerDay === null ? null : round(s.rate.lbsPerDay, 2),
      rateSource: s.rate.provenance.source,
      rateAsOf: s.rate.provenance.asOf,
      note: [s.bom.provenance.note, s.rate.provenance.note, ...s.bom.warnings].filter(Boolean).join(' | '),
    })),
    skippedOrders: [
      ...d.noBom.map((o) => ({ ...o })),
      ...d.noRate.map((o) => ({ ...o, reason: 'no-rate', note: 'no knitting rate: the whole balance is put in its start week, as the ERP does' })),
    ],
    salesOrders: plan.yarn.salesOrders.lines.map((l) => ({
      soNo: l.soNo,
      finishedStyle: l.finishedStyle,
      greigeStyle: l.greigeStyle,
      demandLbs: l.demandLbs,
      coveredBy: l.coveredBy.map((c) => `${c.stage} ${round(c.lbs)}`).join(', '),
      uncoveredLbs: round(l.uncoveredLbs),
      neededWeek: l.weekMonday,
      yarns: l.yarns.map((y) => `${y.yarnId} ${round(y.lbs)}`).join(', '),
      bomSource: l.bomSource,
      unresolved: l.unresolved.join(', '),
      note: l.note,
    })),
    salesOrderLayerOn: plan.layers.salesOrders,
    forecastLayerOn: plan.layers.forecast,
    forecastLines: plan.layers.forecastLines.map((l) => ({ ...l, forecastLbs: round(l.forecastLbs), consumedBySalesOrdersLbs: round(l.consumedBySalesOrdersLbs), netLbs: round(l.netLbs) })),
  };
}

function purchasing(plan: Plan): PurchasingView {
  const { suggestions, bySupplier, items, weekStarts } = plan.purchasing;
  const itemById = new Map(items.map((i) => [i.yarnId, i]));
  return {
    ...stamp(plan),
    suggestions: suggestions.map((s) => {
      const supply = itemById.get(s.yarnId)?.supply.supplier;
      return {
        ...(suggestionRow(s) as Row),
        id: s.id,
        yarnSupplier: supply?.inputName ?? null,
        supplierMatch: supply ? `${supply.method}${supply.method === 'token' ? ` ${round(supply.score, 2)}` : ''}` : null,
        pegging: s.pegging.map((pg) => `${pg.weekStart}: ${round(pg.lbs)} lbs${pg.sources.length ? ` (${pg.sources.map((src) => src.source).join(', ')})` : ''}`).join('; '),
      };
    }),
    bySupplier: bySupplier.map(({ flags, ...g }) => ({ ...g, flags: flags.join('; ') })),
    uncovered: items
      .filter((i) => i.uncovered.length || i.status === 'uncovered')
      .map((i) => ({
        yarnId: i.yarnId,
        description: i.description,
        supplier: i.supply.supplier.supplierName ?? i.supply.supplier.inputName,
        reason: i.uncovered[0]?.reason ?? i.status,
        firstWeek: i.uncovered[0]?.weekStart ?? null,
        lbs: round(i.uncovered.reduce((t, u) => t + u.lbs, 0)),
        detail: i.uncovered[0]?.detail ?? i.statusDetail,
      })),
    weekStarts,
    totals: {
      suggestions: suggestions.length,
      lbs: round(suggestions.reduce((t, s) => t + s.qtyLbs, 0)),
      valueUsd: round(suggestions.reduce((t, s) => t + s.valueUsd, 0), 0),
      expedite: suggestions.filter((s) => s.action === 'expedite').length,
    },
  };
}

function capacity(plan: Plan): CapacityView {
  const { load } = plan;
  return {
    ...stamp(plan),
    weekStarts: load.weekStarts,
    workCenters: load.workCenters.map((w) => ({
      workCenter: w.workCenter,
      machines: w.machineIds.length,
      daysAvailable: round(w.daysAvailable),
      daysAssigned: round(w.daysAssigned),
      daysUnassigned: round(w.daysUnassigned),
      utilisationPct: w.utilisationPct === null ? null : round(w.utilisationPct),
      peakUtilisationPct: w.peakUtilisationPct === null ? null : round(w.peakUtilisationPct),
      peakWeek: w.peakWeek,
      overloadedWeeks: w.overloadedWeeks,
      weeks: w.weeks.map((wk) => (wk.utilisationWithUnassignedPct === null ? null : round(wk.utilisationWithUnassignedPct))),
    })),
    machines: load.machines.map((m) => ({
      machineId: m.machineId,
      workCenter: m.workCenter,
      orders: m.orderNos.join(', '),
      daysRequired: round(m.daysRequired),
      daysAvailable: round(m.daysAvailable),
      utilisationPct: m.utilisationPct === null ? null : round(m.utilisationPct),
      overloadedWeeks: m.overloadedWeeks,
    })),
    bottlenecks: load.bottlenecks.map((b) => ({ ...b })),
    unassigned: load.unassigned.map((u) => ({
      orderNo: u.orderNo,
      style: u.style,
      balanceLbs: u.balanceLbs,
      knitDays: u.knitDays,
      workCenter: u.workCenter,
      candidates: u.candidates.slice(0, 5).map((c) => c.machineId).join(', '),
      note: u.note ?? null,
    })),
    unrated: load.unrated.map((u) => ({
      ...u,
      reason: `no knitting rate for style ${u.style}: no ERP report, no Production Lbs row and no other version of its base with one (set an override in Demand > BOM & rate sources)`,
    })) as Row[],
  };
}

function schedule(plan: Plan): ScheduleView {
  const { schedule: s } = plan;
  return {
    ...stamp(plan),
    orders: s.orders.map((o) => ({
      orderNo: o.orderNo,
      style: o.style,
      machineId: o.machineId,
      workCenter: o.workCenter,
      assignment: o.assignment,
      balanceLbs: round(o.balanceLbs),
      rateLbsPerDay: round(o.rateLbsPerDay, 2),
      rateSource: o.rateSource,
      knitDays: round(o.knitDays, 2),
      plannedStart: o.plannedStart,
      plannedFinish: o.plannedFinish,
      startDay: o.startDay,
      endDay: o.endDay,
      quotedDate: o.quotedDate ?? null,
      latenessDays: o.latenessDays,
      late: o.late,
      materialShort: o.materialShort,
      status: o.materialShort ? 'material short' : o.late ? 'late' : 'on time',
      yarns: o.yarns.map((y) => `${y.yarnId}${y.status === 'ok' ? '' : ` (${y.status} ${y.firstShortWeek})`}`).join(', '),
      why: o.explanation?.message ?? null,
    })),
    unschedulable: s.unschedulable.map((u) => ({ ...u })) as Row[],
    machines: s.machines.map((m) => ({ machineId: m.machineId, workCenter: m.workCenter })),
    late: s.orders
      .filter((o) => o.late)
      .map((o) => ({
        orderNo: o.orderNo,
        machineId: o.machineId,
        latenessDays: o.latenessDays,
        quotedDate: o.quotedDate ?? null,
        plannedFinish: o.plannedFinish,
        ahead: (o.explanation?.ahead ?? []).map((a) => `${a.orderNo} (${round(a.days, 1)} d)`).join(', '),
        why: o.explanation?.message ?? '',
      })),
  };
}

function forecast(_plan: Plan, _p: ViewParams, db: Db, snapshotId: number): ForecastView {
  const run = forecastRun(db, snapshotId);
  if (!run) throw new NotFoundError('no forecast has been computed for this snapshot yet (it runs after the plan)');
  return {
    snapshotId,
    asOf: _plan.asOf,
    computedAt: run.computedAt,
    historyWeeks: run.historyWeeks,
    series: listedSeries(run).map((s) => ({
        series: s.series,
        level: s.level,
        unit: s.unit,
        style: s.style ?? s.greigeStyle ?? null,
        demandClass: s.classification.demandClass,
        adi: round(s.classification.adi, 2),
        cv2: round(s.classification.cv2, 2),
        nonZeroWeeks: s.classification.nonZeroWeeks,
        method: s.forecast.method,
        models: s.forecast.members.join(' + '),
        reason: s.forecast.reason ?? null,
        next4Weeks: round(s.forecast.point.slice(0, 4).reduce((t, v) => t + v, 0)),
        historyTotal: round(s.history.reduce((t, v) => t + v, 0)),
      })),
    accuracy: Object.entries(run.accuracy).flatMap(([group, byModel]) =>
      Object.entries(byModel).map(([model, a]) => ({ group, model, points: a.points, wape: round(a.wape, 4), mase: round(a.mase, 3), bias: round(a.bias, 3) })),
    ),
    accuracyByHorizon: run.accuracyByHorizon,
    lineIssues: run.lineIssues.map((l) => ({ ...l })) as Row[],
    outliers: run.outliers.map((o) => ({ ...o })) as Row[],
  };
}

function forecastSeriesView(_plan: Plan, params: ViewParams, db: Db, snapshotId: number): ForecastSeriesView {
  const run = forecastRun(db, snapshotId);
  const id = String(params.series ?? 'TOTAL');
  const s = run?.series.find((x) => x.series === id);
  if (!run || !s) throw new NotFoundError(`no forecast for series ${id}`);
  const backtest = (readPlan<CompactBacktestRow[]>(db, snapshotId, 0, 'forecastBacktest')?.plan ?? [])
    .filter((r) => r[0] === id && r[3] === 'selected' && r[2] === 1)
    .map((r) => ({ week: r[1], actual: r[4], forecast: round(r[5]) }));
  const total = run.accuracy[s.level === 'total' ? 'TOTAL' : 'styles'];
  return {
    series: id,
    historyWeeks: run.historyWeeks,
    history: s.history,
    backtest,
    forecastWeeks: s.forecast.weeks,
    point: s.forecast.point.map((v) => round(v)),
    lo80: s.forecast.lo80.map((v) => round(v)),
    hi80: s.forecast.hi80.map((v) => round(v)),
    lo95: s.forecast.lo95.map((v) => round(v)),
    hi95: s.forecast.hi95.map((v) => round(v)),
    members: s.forecast.members,
    method: s.forecast.method,
    reason: s.forecast.reason ?? null,
    metrics: total ? Object.entries(total).map(([model, a]) => ({ model, wape: round(a.wape, 4), mase: round(a.mase, 3), bias: round(a.bias, 3), points: a.points })) : [],
  };
}

function alertsView(plan: Plan, _p: ViewParams, db: Db, snapshotId: number): { alerts: AlertRow[]; counts: Record<string, number> } {
  const result = planAlerts(db, snapshotId, plan);
  return { alerts: result.alerts.map(alertRow), counts: result.counts };
}

registerViews({
  'dashboard.summary': dashboard,
  'yarn.position': yarnPosition,
  'yarn.detail': yarnDetail,
  'yarn.shortages': (plan) => ({ ...stamp(plan), rows: shortageRows(plan) }),
  'demand.weekly': demand,
  'purchasing.suggestions': purchasing,
  'capacity.load': capacity,
  'schedule.knit': schedule,
  'forecast.summary': forecast,
  'forecast.series': forecastSeriesView,
  'alerts.list': alertsView,
});

