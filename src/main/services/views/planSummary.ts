// What scenarios are compared on and what alerts are computed from, derived from a plan (plus the forecast run and
// the import report when they exist).
import { mondayOf } from '../../../shared/dates';
import type { ImportReport } from '../../../shared/importReport';
import type { PlanSummary } from '../../../shared/scenario';
import type { AlertInput } from '../../engine/alerts/types';
import { horizonEnd } from '../../engine/calendar';
import type { ForecastRun } from '../jobs/forecastJob';
import type { Plan } from '../jobs/computePlan';

export function planSummary(plan: Pick<Plan, 'asOf' | 'calendar' | 'load' | 'purchasing' | 'schedule' | 'yarn' | 'yarnCostPerLb'>): PlanSummary {
  return {
    yarns: plan.yarn.projection.map((p) => ({
      yarnId: p.yarnId,
      description: p.description,
      shortLbs: p.shortage ? p.shortage.maxDeficitLbs : 0,
      firstShortWeek: p.shortage?.firstShortWeek ?? null,
      recoveryWeek: p.shortage?.recoveryWeek ?? null,
    })),
    suggestions: plan.purchasing.suggestions.map((s) => ({
      yarnId: s.yarnId,
      supplier: s.supplierName,
      qtyLbs: s.qtyLbs,
      valueUsd: s.valueUsd,
      receiptWeek: mondayOf(s.receiptDate),
      releaseDate: s.releaseDate,
      late: s.action === 'expedite',
    })),
    orders: [
      ...plan.schedule.orders.map((o) => ({
        koNumber: o.orderNo,
        style: o.style,
        machine: o.machineId,
        finish: o.plannedFinish,
        latenessDays: o.latenessDays,
        balanceLbs: o.balanceLbs,
        materialShort: o.materialShort,
      })),
      ...plan.schedule.unschedulable.map((o) => ({
        koNumber: o.orderNo,
        style: o.style,
        machine: o.machine ?? null,
        finish: null,
        latenessDays: null,
        balanceLbs: o.balanceLbs,
        materialShort: false,
      })),
    ],
    workCenters: plan.load.workCenters.map((w) => ({ workCenter: w.workCenter, peakUtilisationPct: w.peakUtilisationPct ?? 0 })),
  };
}

/** The latest weeks of the company total where the forecast made one week ahead can be compared with actuals. */
function forecastDeviation(
  run: ForecastRun | undefined,
  backtest: [string, string, number, string, number, number][] | undefined,
  weeks = 4,
): AlertInput['forecastDeviation'] {
  if (!run || !backtest) return [];
  const total = run.series.find((s) => s.level === 'total');
  if (!total) return [];
  const rows = backtest.filter((r) => r[0] === total.series && r[3] === 'selected' && r[2] === 1).sort((a, b) => a[1].localeCompare(b[1]));
  return [{ series: total.series, unit: total.unit, weeks: rows.slice(-weeks).map((r) => ({ week: r[1], actual: r[4], forecast: r[5] })) }];
}

export function alertInput(
  plan: Pick<Plan, 'asOf' | 'calendar' | 'load' | 'purchasing' | 'schedule' | 'yarn' | 'yarnCostPerLb'>,
  extras: { forecast?: ForecastRun; backtest?: [string, string, number, string, number, number][]; importReport?: ImportReport } = {},
): AlertInput {
  // Every yarn with a position (the Yarn page's rows), so an alert's severity is the band the planner sees there.
  const projection = new Map(plan.yarn.projection.map((p) => [p.yarnId, p]));
  return {
    asOf: plan.asOf,
    horizonEnd: horizonEnd(plan.calendar),
    yarns: plan.yarn.positions.map((y) => {
      const shortage = projection.get(y.yarnId)?.shortage ?? null;
      return {
        yarnId: y.yarnId,
        description: y.description,
        firstShortWeek: shortage?.firstShortWeek ?? null,
        shortLbs: shortage?.deficitAtFirstShortLbs ?? 0,
        maxDeficitLbs: shortage?.maxDeficitLbs ?? 0,
        recoveryWeek: shortage?.recoveryWeek ?? null,
        costPerLb: plan.yarnCostPerLb[y.yarnId] ?? null,
        planningBalanceLbs: y.planningBalanceLbs,
        draftLbs: y.draftLbs ?? 0,
      };
    }),
    workCenterWeeks: plan.load.workCenters.flatMap((w) =>
      w.weeks
        .filter((wk) => wk.utilisationPct !== null)
        .map((wk) => ({ workCenter: w.workCenter, week: wk.weekStart, utilisationPct: wk.utilisationPct! })),
    ),
    lateOrders: plan.schedule.orders
      .filter((o) => o.late)
      .map((o) => ({
        koNumber: o.orderNo,
        style: o.style,
        machine: o.machineId,
        latenessDays: o.latenessDays ?? 0,
        balanceLbs: o.balanceLbs,
        reason: o.explanation?.message ?? 'finishes after its quoted date',
        quotedDate: o.quotedDate ?? null,
      })),
    forecastDeviation: forecastDeviation(extras.forecast, extras.backtest),
    importWarnings: (extras.importReport?.warnings ?? [])
      .filter((w) => w.severity === 'warning' && w.count > 0)
      .map((w) => ({ kind: w.code, count: w.count, message: w.message })),
  };
}
