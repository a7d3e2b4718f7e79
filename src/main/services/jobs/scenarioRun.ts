// A scenario's plan: the snapshot's data with the scenario's overrides applied (never written back), run through the
// same engines. Rates given as multipliers scale the rate the base plan resolved for the style.
import type { Scenario } from '../../../shared/scenario';
import { applyOverrides, forecastMultiplier, patchPolicy, scenarioRate } from '../../engine/scenarios';
import type { ScenarioDemandMultiplier } from '../../engine/scenarios';
import type { ForecastRun } from './forecastJob';
import type { PoDraft } from '../../engine/purchasing/types';
import type { Db } from '../../store/db';
import { readPlan } from '../../store/planCache';
import { readPlanOf } from './planSections';
import { computePlan, loadPlanContext, type Plan } from './computePlan';

export function computeScenarioPlan(db: Db, scenario: Scenario, computedAt: string): { plan: Plan; warnings: string[] } {
  const { data, history, settings, policy, forecast } = loadPlanContext(db, scenario.snapshotId);
  const applied = applyOverrides(data, scenario.overrides, { draftIds: settings.poDrafts.map((d) => d.draftId), policy });
  const { extras } = applied;
  const baseRate = new Map(baseStyleRates(db, scenario.snapshotId));
  const scenarioRates = extras.rateOverrides
    .map((r) => ({
      style: r.style,
      lbsPerDay: scenarioRate(r.style, baseRate.get(r.style) ?? null, extras.rateOverrides),
      asOf: data.asOf,
      note: `scenario ${scenario.name}`,
    }))
    .filter((r): r is { style: string; lbsPerDay: number; asOf: string; note: string } => r.lbsPerDay !== null && r.lbsPerDay > 0);
  const pinned = new Set(extras.pins.map((p) => p.koNumber));
  const removedDrafts = new Set(extras.poDrafts.removedDraftIds);
  const addedDrafts: PoDraft[] = extras.poDrafts.added.map((d) => ({
    draftId: d.draftId,
    yarnId: d.yarnId,
    supplierId: null,
    qtyLbs: d.qtyLbs,
    receiptDate: d.receiptWeek,
    releaseDate: d.receiptWeek,
    status: 'accepted',
  }));
  const scenarioSettings = {
    ...settings,
    rateOverrides: [...(settings.rateOverrides ?? []).filter((r) => !scenarioRates.some((s) => s.style === r.style)), ...scenarioRates],
    downtime: [...settings.downtime, ...extras.downtime],
    pins: [
      ...settings.pins.filter((p) => !pinned.has(p.orderNo)),
      ...extras.pins.map((p) => ({ orderNo: p.koNumber, machineId: p.machine, start: p.startDate })),
    ],
    poDrafts: [...settings.poDrafts.filter((d) => !removedDrafts.has(d.draftId)), ...addedDrafts],
  };
  const plan = computePlan(
    applied.data,
    history,
    scenarioSettings,
    patchPolicy(policy, extras.policyPatches),
    computedAt,
    scenario.id,
    undefined,
    forecast && scaleForecast(forecast, extras.demandMultipliers),
  );
  return { plan, warnings: applied.warnings.map((w) => `${w.kind} ${w.overrideId}: ${w.message}`) };
}

/** Plan cache kind of the base plan's resolved knit rate per style, written next to the plan (small to read). */
export const STYLE_RATES = 'styleRates';

export function styleRatesOf(plan: Pick<Plan, 'yarn'>): [style: string, lbsPerDay: number | null][] {
  return plan.yarn.styles.map((s) => [s.style, s.rate.lbsPerDay]);
}

/** The base plan's rate per style: the small cache entry, or the whole base plan where it predates that entry. */
function baseStyleRates(db: Db, snapshotId: number): [string, number | null][] {
  const rates = readPlan<[string, number | null][]>(db, snapshotId, 0, STYLE_RATES)?.plan;
  if (rates) return rates;
  const base = readPlanOf(db, snapshotId, 0, ['yarn']);
  return base ? styleRatesOf(base) : [];
}

/** The forecast with the scenario's demand multipliers that reach it (forecast layer, style). */
function scaleForecast(run: ForecastRun, multipliers: ScenarioDemandMultiplier[]): ForecastRun {
  if (!multipliers.length) return run;
  return {
    ...run,
    series: run.series.map((s) => {
      const k = forecastMultiplier(multipliers, { style: s.greigeStyle ?? s.style, customer: s.customer });
      return k === 1 ? s : { ...s, forecast: { ...s.forecast, point: s.forecast.point.map((v) => v * k) } };
    }),
  };
}
