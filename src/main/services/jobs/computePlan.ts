// The plan of a snapshot: the engines run in dependency order — yarn plan, purchasing MRP, machine load and knit
// schedule — over the snapshot's data and the planner's settings, on ONE planning calendar built here (the as-of
// date, the policy's horizon, the plant calendar with the planner's holidays and downtime). The plan job (planRun.ts) and a scenario's plan
// (scenarioRun.ts) both run it.
import type { PolicyTable } from '../../../shared/policy';
import { planningCalendar, type PlanningCalendar } from '../../engine/calendar';
import { computeYarnPlan } from '../../engine/yarn';
import type { ExpectedReceipt, YarnPlan } from '../../engine/yarn/types';
import { mondayOf } from '../../../shared/dates';
import { createSupplierMatcher, groupSuggestionsBySupplier, reconcileDrafts, runMrp } from '../../engine/purchasing';
import type { MrpResult, SupplierSuggestionGroup } from '../../engine/purchasing/types';
import { computeLoad, scheduleKnitOrders, type LoadResult, type ScheduleResult } from '../../engine/capacity';
import type { PlanningData } from '../../../shared/domain/entities';
import { planningDataOf, reportHistoryOf } from './planContextCache';
import type { Db } from '../../store/db';
import { readPlan } from '../../store/planCache';
import type { ForecastRun } from './forecastJob';
import { forecastGreigeStyles, forecastYarnLayer, type ForecastLayer } from './forecastLayer';
import { yarnPlanInput } from '../inputs/yarnInputs';
import { plannerSettings, type PlannerSettings } from '../inputs/plannerSettings';
import { mrpInput } from '../inputs/purchasingInputs';
import { capacityInput } from '../inputs/capacityInputs';
import { closePoDrafts, listPoDrafts } from '../../store/poDrafts';
import { buildStyleBridge } from '../inputs/styleBridge';
import { planningPolicy } from '../inputs/policy';

export interface Plan {
  snapshotId: number;
  scenarioId: number;
  asOf: string;
  computedAt: string;
  policy: PolicyTable;
  /** The weeks every part of this plan covers, and the plant calendar it was scheduled on. */
  calendar: PlanningCalendar;
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
  const calendar = planningCalendar(data.asOf, policy.calendar, settings);
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
    const first = computeYarnPlan(input, calendar, policy.yarn, yarnOptions);
    if (!useForecast) return first;
    // The forecast layer needs the BOMs the first pass resolved for the forecast's greige styles.
    forecastLayer = forecastYarnLayer(forecast, first, policy.forecast);
    return computeYarnPlan(input, calendar, policy.yarn, { ...yarnOptions, extraDemand: forecastLayer.yarnDemand });
  });
  progress(0.55, 'purchasing: time-phased MRP');
  const layers = [
    ...(settings.includeSalesOrderLayer ? [{ label: 'sales orders (uncovered)', demand: yarn.salesOrders.yarnDemand }] : []),
    ...(forecastLayer ? [{ label: 'forecast (not consumed by orders)', demand: (forecastLayer as ForecastLayer).yarnDemand }] : []),
  ];
  const mrp = timed('mrpMs', () => runMrp(mrpInput(data, yarn, settings, calendar, layers), policy.purchasing));
  progress(0.75, 'capacity: machine load and knit schedule');
  const cap = capacityInput(data, yarn, settings, policy, calendar);
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
    calendar,
    yarn,
    purchasing: { ...mrp, bySupplier: groupSuggestionsBySupplier(mrp.suggestions) },
    load,
    schedule,
    layers: {
      salesOrders: settings.includeSalesOrderLayer,
      forecast: useForecast,
      forecastLines: (forecastLayer as ForecastLayer | null)?.lines ?? [],
    },
    yarnCostPerLb: Object.fromEntries(data.yarns.filter((y) => y.costPerLb !== null).map((y) => [y.yarnId, y.costPerLb!])),
    receiptLines: [
      ...data.expectedReceipts
        .filter((r) => r.qtyLbs !== 0)
        .map((r) => ({ yarnId: r.yarnId, poNo: r.poNumber, weekStart: r.weekStart, lbs: r.qtyLbs, pastDue: r.bucket === 'pastDue' })),
      ...yarnOptions.extraReceipts.map((r) => ({ yarnId: r.yarnId, poNo: r.poNumber, weekStart: r.weekStart, lbs: r.qtyLbs, pastDue: false })),
    ],
    timingsMs,
  };
}

/** Accepted PO drafts as receipts in the week of their receipt date (labelled as drafts, not ERP POs). */
function draftReceipts(drafts: PlannerSettings['poDrafts']): ExpectedReceipt[] {
  return drafts
    .filter((d) => d.status === 'accepted' || d.status === 'edited')
    .map((d) => ({ poNumber: `draft ${d.draftId}`, yarnId: d.yarnId, bucket: 'week', weekStart: mondayOf(d.receiptDate), qtyLbs: d.qtyLbs }));
}

/**
 * Drafts the ERP now shows as real POs are closed (and stop counting as receipts). `drafts` are the rows as this run
 * read them: only those are closed, and only if nobody changed them since (a planner's edit in the meantime wins and
 * the plan it starts decides again). Returns the drafts as they are now.
 */
export function closeDraftsTheErpHas(
  db: Db,
  data: Pick<PlanningData, 'suppliers' | 'yarnPos'>,
  drafts: { draft: PlannerSettings['poDrafts'][number]; revision: number }[],
  supplierMappings: PlannerSettings['supplierMappings'],
  policy: PolicyTable,
  now: string,
): PlannerSettings['poDrafts'] {
  if (!drafts.length) return [];
  const matcher = createSupplierMatcher(data.suppliers, supplierMappings, policy.purchasing);
  const { closed } = reconcileDrafts(
    drafts.map((d) => d.draft),
    data.yarnPos,
    matcher,
    policy.purchasing,
  );
  if (!closed.length) return drafts.map((d) => d.draft);
  const revision = new Map(drafts.map((d) => [d.draft.draftId, d.revision]));
  closePoDrafts(
    db,
    closed.map((c) => ({ draftId: c.draftId, revision: revision.get(c.draftId)!, erpPoNumber: c.poNumber })),
    now,
  );
  return listPoDrafts(db);
}

export function loadPlanContext(db: Db, snapshotId: number, options: PlanRunOptions = {}) {
  const data = planningDataOf(db, snapshotId);
  const history = reportHistoryOf(db, snapshotId, { includeOwn: options.learnFromOwnReports ?? true });
  const settings = plannerSettings(db);
  // parsed only when the plan takes it: the stored forecast is large and a re-plan is waited for
  const forecast = settings.includeForecastLayer ? readPlan<ForecastRun>(db, snapshotId, 0, 'forecast')?.plan : undefined;
  return { data, history, settings, policy: planningPolicy(db), forecast };
}
