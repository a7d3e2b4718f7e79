// A plan run (in a worker): load the snapshot, run the engines in dependency order — yarn plan, purchasing MRP,
// machine load and knit schedule — and cache the result for the screens, the CLI and the reports.
import { createHash } from 'node:crypto';
import type { PolicyTable } from '../../shared/policy';
import { computeYarnPlan } from '../engine/yarn';
import type { ExpectedReceipt, YarnPlan } from '../engine/yarn/types';
import { mondayOf } from '../../shared/dates';
import { createSupplierMatcher, groupSuggestionsBySupplier, reconcileDrafts, runMrp } from '../engine/purchasing';
import type { MrpResult, SupplierSuggestionGroup } from '../engine/purchasing/types';
import { computeLoad, scheduleKnitOrders, type LoadResult, type ScheduleResult } from '../engine/capacity';
import type { PlanningData } from '../import/entities';
import { loadPlanningData } from '../store/entities';
import { loadReportHistory } from './reportHistory';
import { openStore, type Db } from '../store/db';
import { getSnapshot } from '../store/snapshots';
import { throwIfCancelled, type JobContext } from '../workers/jobContext';
import { readPlan, writePlan } from './planCache';
import type { ForecastRun } from './forecastJob';
import { forecastGreigeStyles, forecastYarnLayer, type ForecastLayer } from './forecastLayer';
import { capacityInput, erpPurchaseOrders, mrpInput, plannerSettings, SETTING_KEYS, supplierMaster, yarnPlanInput, type PlannerSettings } from './planInputs';
import { putSetting } from '../store/settings';
import { buildStyleBridge } from './styleBridge';
import { planningPolicy } from './policy';
import { getScenario } from '../store/scenarios';
import { computeScenarioPlan } from './scenarioRun';

export interface Plan {
  snapshotId: number;
  scenarioId: number;
  asOf: string;
  computedAt: string;
  policy: PolicyTable;
  yarn: YarnPlan;
  purchasing: MrpResult & { bySupplier: SupplierSuggestionGroup[] };
  load: LoadResult;
  schedule: ScheduleResult;
  /** Which demand layers the projection and the MRP include besides the knit orders. */
  layers: { salesOrders: boolean; forecast: boolean; forecastLines: ForecastLayer['lines'] };
  /** $/lb per yarn from the yarn inventory, for valuing shortages. */
  yarnCostPerLb: Record<string, number>;
  /** Expected receipts per PO line, for the yarn detail. */
  receiptLines: { yarnId: string; poNo: string; weekStart: string | null; lbs: number; pastDue: boolean }[];
  timingsMs: Record<string, number>;
}

export interface PlanRunOptions {
  /** Learn BOM % and rates from the snapshot's own ERP reports too (the live plan). Off for honest calibration. */
  learnFromOwnReports?: boolean;
}

/** Runs every engine over already-loaded data. Pure apart from the clock value passed in. */
export function computePlan(
  data: PlanningData,
  reportHistory: Parameters<typeof yarnPlanInput>[1],
  settings: PlannerSettings,
  policy: PolicyTable,
  computedAt: string,
  scenarioId = 0,
  progress: (fraction: number, message: string) => void = () => {},
  forecast?: ForecastRun,
): Plan {
  const timingsMs: Record<string, number> = {};
  const timed = <T>(name: string, fn: () => T): T => {
    const t0 = performance.now();
    const out = fn();
    timingsMs[name] = Math.round((performance.now() - t0) * 10) / 10;
    return out;
  };
  progress(0.3, 'yarn plan: demand phasing and projected balances');
  const bridge = buildStyleBridge(data);
  const input = yarnPlanInput(data, reportHistory, settings);
  const useForecast = settings.includeForecastLayer && forecast !== undefined;
  const yarnOptions = {
    styleBridge: bridge,
    includeSalesOrdersInProjection: settings.includeSalesOrderLayer,
    extraStyles: useForecast ? forecastGreigeStyles(forecast) : undefined,
    extraReceipts: draftReceipts(settings.poDrafts),
  };
  let forecastLayer: ForecastLayer | null = null;
  const yarn = timed('yarnPlanMs', () => {
    const first = computeYarnPlan(input, data.asOf, policy.yarn, yarnOptions);
    if (!useForecast) return first;
    // The forecast layer needs the BOMs the first pass resolved for the forecast's greige styles.
    forecastLayer = forecastYarnLayer(forecast, first, policy.forecast);
    return computeYarnPlan(input, data.asOf, policy.yarn, { ...yarnOptions, extraDemand: forecastLayer.yarnDemand });
  });
  progress(0.55, 'purchasing: time-phased MRP');
  const layers = [
    ...(settings.includeSalesOrderLayer ? [{ label: 'sales orders (uncovered)', demand: yarn.salesOrders.yarnDemand }] : []),
    ...(forecastLayer ? [{ label: 'forecast (not consumed by orders)', demand: (forecastLayer as ForecastLayer).yarnDemand }] : []),
  ];
  const mrp = timed('mrpMs', () => runMrp(mrpInput(data, yarn, settings, policy, layers), policy.purchasing));
  progress(0.75, 'capacity: machine load and knit schedule');
  const cap = capacityInput(data, yarn, settings, policy);
  const load = timed('loadMs', () => computeLoad(cap, policy.capacity));
  const schedule = timed('scheduleMs', () => scheduleKnitOrders(cap, { allowMoves: settings.allowScheduleMoves }, policy.capacity));
  // The KO-only projection equals the projection unless a layer or a draft is in it: do not carry it twice.
  if (!settings.includeSalesOrderLayer && !useForecast && !yarnOptions.extraReceipts.length) yarn.projectionKoOnly = [];
  return {
    snapshotId: data.snapshotId,
    scenarioId,
    asOf: data.asOf,
    computedAt,
    policy,
    yarn,
    purchasing: { ...mrp, bySupplier: groupSuggestionsBySupplier(mrp.suggestions) },
    load,
    schedule,
    layers: { salesOrders: settings.includeSalesOrderLayer, forecast: useForecast, forecastLines: (forecastLayer as ForecastLayer | null)?.lines ?? [] },
    yarnCostPerLb: Object.fromEntries(data.yarns.filter((y) => y.costPerLb !== null).map((y) => [y.yarnId, y.costPerLb!])),
    receiptLines: [
      ...data.expectedReceipts
        .filter((r) => r.qtyLbs !== 0)
        .map((r) => ({ yarnId: r.yarnId, poNo: r.poNumber, weekStart: r.weekStart, lbs: r.qtyLbs, pastDue: r.bucket === 'pastDue' })),
      ...yarnOptions.extraReceipts.map((r) => ({ yarnId: r.yarnId, poNo: r.poNo, weekStart: r.byWeek[0].weekMonday, lbs: r.byWeek[0].lbs, pastDue: false })),
    ],
    timingsMs,
  };
}

/** Accepted PO drafts as receipts in the week of their receipt date (labelled as drafts, not ERP POs). */
function draftReceipts(drafts: PlannerSettings['poDrafts']): ExpectedReceipt[] {
  return drafts
    .filter((d) => d.status === 'accepted' || d.status === 'edited')
    .map((d) => ({ poNo: `draft ${d.draftId}`, yarnId: d.yarnId, pastDueLbs: 0, byWeek: [{ weekMonday: mondayOf(d.receiptDate), lbs: d.qtyLbs }], laterLbs: 0 }));
}

/** Drafts the ERP now shows as real POs are closed (and stop counting as receipts); the closure is saved. */
function closeDraftsTheErpHas(db: Db, data: PlanningData, settings: PlannerSettings, policy: PolicyTable, now: string): PlannerSettings['poDrafts'] {
  if (!settings.poDrafts.length) return settings.poDrafts;
  const matcher = createSupplierMatcher(supplierMaster(data, policy), settings.supplierMappings, policy.purchasing);
  const { drafts, closed } = reconcileDrafts(settings.poDrafts, erpPurchaseOrders(data), matcher, policy.purchasing);
  if (closed.length) putSetting(db, SETTING_KEYS.poDrafts, drafts, now);
  return drafts;
}

export function loadPlanContext(db: Db, snapshotId: number, options: PlanRunOptions = {}) {
  const data = loadPlanningData(db, snapshotId);
  const history = loadReportHistory(db, snapshotId, { includeOwn: options.learnFromOwnReports ?? true });
  const forecast = readPlan<ForecastRun>(db, snapshotId, 0, 'forecast')?.plan;
  return { data, history, settings: plannerSettings(db), policy: planningPolicy(db), forecast };
}

export async function runPlanJob(
  input: { snapshotId: number; scenarioId?: number } & PlanRunOptions,
  ctx: JobContext,
): Promise<{ snapshotId: number; scenarioId: number; timingsMs: Record<string, number>; warnings?: string[] }> {
  throwIfCancelled(ctx);
  const db = openStore(ctx.dbPath);
  try {
    if (!getSnapshot(db, input.snapshotId)) throw new Error(`snapshot ${input.snapshotId} does not exist`);
    if (input.scenarioId) {
      const scenario = getScenario(db, input.scenarioId);
      if (!scenario) throw new Error(`scenario ${input.scenarioId} does not exist`);
      ctx.progress(0.1, `planning scenario ${scenario.name}`);
      const { plan, warnings } = computeScenarioPlan(db, scenario, ctx.now);
      writePlan(db, scenario.snapshotId, scenario.id, 'plan', JSON.stringify(scenario.overrides), ctx.now, plan);
      return { snapshotId: scenario.snapshotId, scenarioId: scenario.id, timingsMs: plan.timingsMs, warnings };
    }
    ctx.progress(0.05, 'loading the snapshot');
    const t0 = performance.now();
    const { data, history, settings, policy, forecast } = loadPlanContext(db, input.snapshotId, input);
    const loadMs = Math.round(performance.now() - t0);
    settings.poDrafts = closeDraftsTheErpHas(db, data, settings, policy, ctx.now);
    throwIfCancelled(ctx);
    const plan = computePlan(
      data,
      history,
      settings,
      policy,
      ctx.now,
      0,
      (f, m) => {
        throwIfCancelled(ctx);
        ctx.progress(f, m);
      },
      forecast,
    );
    plan.timingsMs.loadSnapshotMs = loadMs;
    ctx.progress(0.92, 'saving the plan');
    const inputsHash = createHash('sha256').update(JSON.stringify([input.snapshotId, settings, policy])).digest('hex');
    writePlan(db, input.snapshotId, 0, 'plan', inputsHash, ctx.now, plan);
    return { snapshotId: input.snapshotId, scenarioId: 0, timingsMs: plan.timingsMs };
  } finally {
    db.close();
  }
}
