// What each screen reads: one contract channel per view (`view.dashboard`, `view.yarnDetail` …), each with a zod
// input and a zod output schema; the types are inferred from them. Structured values (pegging, substitute criteria,
// BOM lines, an order's yarns, supplier matches) travel as arrays and objects: the renderer formats them.
// Numbers an engine may leave undefined (no usage, no history, a ratio over zero) are null, never NaN.
import { z } from 'zod';
import { isoDateSchema } from './domain/isoDate';
import { alertPageSchema, alertRuleSchema, alertSeveritySchema } from './scenario';

const obj = z.strictObject;
const date = isoDateSchema;
const int = z.number().int();
const num = z.number();
/** A number the engine may not have (null when unknown or not finite). */
const maybe = z.number().nullable();

// ---------- inputs ----------

const planRef = {
  snapshotId: z.number().int().positive().optional(),
  /** 0 or absent: the base plan. */
  scenarioId: z.number().int().min(0).optional(),
};
export const planViewInputSchema = obj(planRef);
export const yarnDetailInputSchema = obj({ ...planRef, yarnId: z.string().min(1).max(64) });
export const forecastSeriesInputSchema = obj({ ...planRef, series: z.string().min(1).max(300) });

// ---------- shared pieces ----------

export const riskSchema = z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
export type Risk = z.infer<typeof riskSchema>;

const stamp = { snapshotId: int, asOf: date, computedAt: z.string() };

const severityCountsSchema = obj({ critical: int, high: int, medium: int, low: int });

/** Hash params of the page an alert opens (the engine's alert links). */
const alertLinkParamsSchema = obj({
  yarnId: z.string(),
  risk: z.string(),
  series: z.string(),
  workCenter: z.string(),
  week: z.string(),
  kind: z.string(),
  koNumber: z.string(),
}).partial();

export const alertRowSchema = obj({
  key: z.string(),
  rule: alertRuleSchema,
  severity: alertSeveritySchema,
  title: z.string(),
  cause: z.string(),
  impactLbs: num,
  impactDays: num,
  impactLbsDays: num,
  impactUsd: num,
  firstWeek: date.nullable(),
  page: alertPageSchema,
  params: alertLinkParamsSchema,
  acknowledged: z.boolean(),
  isNew: z.boolean(),
});
export type AlertRow = z.infer<typeof alertRowSchema>;

// ---------- dashboard ----------

export const forecastAccuracyTileSchema = obj({
  /** WAPE of the selected forecast for the company total at horizons 1-4 (pooled) and 9, next to the best baseline. */
  totalWapeH1to4: maybe,
  totalWapeH9: maybe,
  bestBaselineH1to4: obj({ model: z.string(), wape: num }).nullable(),
  stylesWapeH1to4: maybe,
  seriesForecast: int,
  seriesOrdersOnly: int,
});
export type ForecastAccuracyTile = z.infer<typeof forecastAccuracyTileSchema>;

export const dashboardViewSchema = obj({
  ...stamp,
  kpis: obj({
    yarnsShort: int,
    lbsShort: num,
    /** The yarns and lbs still short if the past-due receipts arrived (src/shared/shortageTotals.ts). */
    yarnsShortAfterPastDue: int,
    lbsShortAfterPastDue: num,
    valueShortUsd: num,
    criticalYarns: int,
    ordersAtRisk: int,
    lateOrders: int,
    suggestedOrders: int,
    suggestedValueUsd: num,
    expediteOrders: int,
    peakUtilisationPct: maybe,
    overloadedWorkCenters: int,
  }),
  /** The open alerts with the largest impact (at most 12). */
  alerts: z.array(alertRowSchema),
  alertCounts: severityCountsSchema,
  /** Per plan week: how many yarns are short and by how many lbs in total. */
  shortageTimeline: z.array(obj({ weekStart: date, yarnsShort: int, lbsShort: num })),
  /** Busiest work centers: peak and average utilisation. */
  workCenterLoad: z.array(obj({ workCenter: z.string(), utilisationPct: maybe, peakUtilisationPct: maybe, peakWeek: z.string().nullable() })),
  forecastAccuracy: forecastAccuracyTileSchema.nullable(),
});
export type DashboardView = z.infer<typeof dashboardViewSchema>;

export const alertsViewSchema = obj({ alerts: z.array(alertRowSchema), counts: severityCountsSchema });
export type AlertsView = z.infer<typeof alertsViewSchema>;

// ---------- yarn ----------

export const yarnPositionRowSchema = obj({
  yarnId: z.string(),
  description: z.string(),
  supplier: z.string(),
  theoreticalBalanceLbs: num,
  allocatedLbs: num,
  onOrderLbs: num,
  /** Theoretical + allocated (negative) + on order, as the ERP computes it. */
  planningBalanceLbs: num,
  /** Accepted PO drafts of the yarn, counted with the planning balance for the risk band. */
  draftLbs: num,
  weeklyUsageLbs: num,
  weeklyUsageSource: z.enum(['phased-demand', 'allocated', 'none']),
  weeksOfSupply: maybe,
  risk: riskSchema,
  riskBasis: z.enum(['planning balance', 'planning balance + PO drafts', 'projected deficit']),
  firstShortWeek: date.nullable(),
  maxDeficitLbs: num,
  costPerLb: maybe,
});
export type YarnPositionRow = z.infer<typeof yarnPositionRowSchema>;

export const yarnPositionViewSchema = obj({
  ...stamp,
  rows: z.array(yarnPositionRowSchema),
  counts: obj({ CRITICAL: int, HIGH: int, MEDIUM: int, LOW: int }),
});
export type YarnPositionView = z.infer<typeof yarnPositionViewSchema>;

/** A suggested purchase: when to release and receive it, and the demand (per week and source) it covers. */
export const suggestionSchema = obj({
  id: z.string(),
  yarnId: z.string(),
  supplierId: z.string().nullable(),
  supplierName: z.string().nullable(),
  qtyLbs: num,
  lotSizeLbs: num,
  netRequirementLbs: num,
  valueUsd: num,
  receiptWeek: z.string(),
  receiptDate: date,
  releaseDate: date,
  leadTimeDays: num,
  action: z.enum(['release', 'expedite']),
  lateByDays: num,
  shortageLbs: num,
  /** Per receipt week: the lbs pegged, and to which demand (a knit order carries its number). */
  pegging: z.array(
    obj({
      weekStart: date,
      lbs: num,
      sources: z.array(obj({ label: z.string(), orderNo: z.string().nullable(), lbs: num })),
    }),
  ),
  unpeggedLbs: num,
  flags: z.array(z.string()),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export type PegWeek = Suggestion['pegging'][number];

export const shortageRowSchema = obj({
  yarnId: z.string(),
  description: z.string(),
  supplier: z.string(),
  risk: riskSchema.nullable(),
  planningBalanceLbs: maybe,
  firstShortWeek: date,
  deficitAtFirstShortLbs: num,
  maxDeficitLbs: num,
  maxDeficitWeek: date,
  recoveryWeek: date.nullable(),
  pastDueReceiptsLbs: num,
  /** The first receipt after the first short week: the one to expedite. */
  expedite: obj({ poNo: z.string(), weekStart: date.nullable(), lbs: num }).nullable(),
  /** Knit orders consuming the yarn up to its first short week. */
  pegged: z.array(obj({ orderNo: z.string(), style: z.string(), lbs: num })),
  peggedLbs: num,
  /** The first purchase suggestion for the yarn, or why there is none. */
  suggestion: obj({
    action: z.enum(['release', 'expedite']),
    lateByDays: num,
    qtyLbs: num,
    supplierName: z.string().nullable(),
    releaseDate: date,
    receiptDate: date,
  }).nullable(),
  noSuggestionReason: z.string().nullable(),
});
export type ShortageRow = z.infer<typeof shortageRowSchema>;

export const yarnShortagesViewSchema = obj({ ...stamp, rows: z.array(shortageRowSchema) });
export type YarnShortagesView = z.infer<typeof yarnShortagesViewSchema>;

export const mrpWeekRowSchema = obj({
  week: int,
  weekStart: date,
  isoWeek: z.string(),
  grossLbs: num,
  scheduledReceiptsLbs: num,
  projectedOnHandLbs: num,
  safetyStockLbs: num,
  netRequirementLbs: num,
  plannedReceiptLbs: num,
  plannedReleaseLbs: num,
});
export type MrpWeekRow = z.infer<typeof mrpWeekRowSchema>;

export const substituteSchema = obj({
  yarnId: z.string(),
  description: z.string(),
  /** 0..1, best 1. */
  score: num,
  freeStockLbs: num,
  coverLbs: num,
  /** Per criterion (material family, structure, size, blend, colour, ply, process): pass, factor and why. */
  criteria: z.array(obj({ criterion: z.string(), pass: z.boolean(), factor: num, detail: z.string() })),
});
export type Substitute = z.infer<typeof substituteSchema>;

export const expediteNoteSchema = obj({
  firstShortWeek: date,
  shortWeeks: num,
  lowestBalanceLbs: num,
  recoveryWeek: date,
  receipts: z.array(obj({ poNo: z.string(), weekStart: date, lbs: num })),
  text: z.string(),
});
export type ExpediteNote = z.infer<typeof expediteNoteSchema>;

export const yarnDetailViewSchema = obj({
  ...stamp,
  yarnId: z.string(),
  description: z.string(),
  supplier: z.string(),
  position: yarnPositionRowSchema.nullable(),
  weeks: z.array(date),
  demandLbs: z.array(num),
  receiptsLbs: z.array(num),
  balanceLbs: z.array(num),
  inventoryLbs: num,
  pastDueReceiptsLbs: num,
  beyondDemandLbs: num,
  beyondReceiptsLbs: num,
  shortage: shortageRowSchema.nullable(),
  /** Knit orders consuming the yarn: per order the style, BOM share and lbs per week. */
  consumers: z.array(obj({ orderNo: z.string(), style: z.string(), fraction: num, totalLbs: num, lbsInShortWindow: num, weeks: z.array(num) })),
  /** Open receipts per PO and week; an accepted PO draft (in the projection, not in the ERP yet) has its draft id as `poNo`. */
  receipts: z.array(obj({ poNo: z.string(), isDraft: z.boolean(), weekStart: date.nullable(), lbs: num, pastDue: z.boolean() })),
  mrp: z.array(mrpWeekRowSchema),
  suggestions: z.array(suggestionSchema),
  /**
   * Shortages inside the lead time that open receipts end before any new order could arrive: no suggestion is made,
   * the advice is to pull those receipts in (one note per shortage episode, receipts named by PO).
   */
  expediteNotes: z.array(expediteNoteSchema),
  substitutes: z.array(substituteSchema),
  /** What the yarn plan found wrong in this yarn's data (e.g. inventory figures that do not add up), with the numbers. */
  dataWarnings: z.array(obj({ code: z.string(), message: z.string() })),
});
export type YarnDetailView = z.infer<typeof yarnDetailViewSchema>;

// ---------- demand ----------

const bomSourceSchema = z.enum(['override', 'erp-report', 'bom-export', 'none']);
const rateSourceSchema = z.enum(['override', 'erp-report', 'production-lbs', 'base-median', 'none']);

/** The ERP's report layouts: `buckets` are its column labels ("This Week", "Week 36" …, "Later"). */
export const demandViewSchema = obj({
  ...stamp,
  byKo: obj({
    buckets: z.array(z.string()),
    rows: z.array(obj({ style: z.string(), orderNo: z.string(), yarnId: z.string(), percentage: num, bucketsLbs: z.array(num), totalLbs: num })),
  }),
  byStyle: obj({
    buckets: z.array(z.string()),
    rows: z.array(obj({ style: z.string(), yarnId: z.string(), percentage: num, bucketsLbs: z.array(num), totalLbs: num })),
  }),
  byYarn: obj({
    buckets: z.array(z.string()),
    rows: z.array(
      obj({
        yarnId: z.string(),
        supplier: z.string(),
        description: z.string(),
        color: z.string(),
        inventoryLbs: num,
        totalDemandLbs: num,
        totalReceiptLbs: num,
        balanceLbs: num,
        pastDueReceiptsLbs: num,
        buckets: z.array(obj({ demandLbs: num, receiptsLbs: num, balanceLbs: num })),
      }),
    ),
  }),
  /** Per style: the resolved BOM and knitting rate with where each comes from. */
  styles: z.array(
    obj({
      style: z.string(),
      /** The style without its version (`EM6386/5C` -> `EM6386`). */
      styleBase: z.string(),
      bomSource: bomSourceSchema,
      bomAsOf: date.nullable(),
      bomLines: z.array(obj({ yarnId: z.string(), fraction: num })),
      rateLbsPerDay: maybe,
      rateSource: rateSourceSchema,
      rateAsOf: date.nullable(),
      notes: z.array(z.string()),
    }),
  ),
  /** Open knit orders carrying no yarn demand (no BOM), or phased without a rate. */
  skippedOrders: z.array(
    obj({ orderNo: z.string(), style: z.string(), balanceLbs: num, reason: z.enum(['no-bom', 'not-open', 'no-rate']), note: z.string() }),
  ),
  salesOrders: z.array(
    obj({
      soNo: z.string(),
      finishedStyle: z.string(),
      greigeStyle: z.string().nullable(),
      demandLbs: maybe,
      coveredBy: z.array(obj({ stage: z.string(), lbs: num })),
      uncoveredLbs: num,
      neededWeek: date,
      yarns: z.array(obj({ yarnId: z.string(), lbs: num })),
      bomSource: bomSourceSchema.nullable(),
      unresolved: z.array(z.string()),
      note: z.string(),
    }),
  ),
  /** Whether the projection and the MRP include the uncovered sales-order demand (Settings: demand layers). */
  salesOrderLayerOn: z.boolean(),
  /** Whether they include the forecast not consumed by open sales orders. */
  forecastLayerOn: z.boolean(),
  /** Per greige style: forecast lbs in the plan weeks, consumed by sales orders, net, and how many yarns it explodes to. */
  forecastLines: z.array(
    obj({ greigeStyle: z.string(), series: z.string(), forecastLbs: num, consumedBySalesOrdersLbs: num, netLbs: num, yarns: int, note: z.string() }),
  ),
});
export type DemandView = z.infer<typeof demandViewSchema>;
export type DemandStyle = DemandView['styles'][number];

// ---------- purchasing ----------

export const supplierMatchSchema = obj({
  method: z.enum(['manual', 'exact', 'normalised', 'token', 'none']),
  /** 1 for manual/exact/normalised matches, the fuzzy score for a token match, 0 when unmatched. */
  score: num,
  retired: z.boolean(),
});
export type SupplierMatch = z.infer<typeof supplierMatchSchema>;

export const purchasingViewSchema = obj({
  ...stamp,
  suggestions: z.array(
    suggestionSchema.extend({
      /** The supplier text on the yarn (inventory export) and how it was matched to the supplier master. */
      yarnSupplier: z.string().nullable(),
      supplierMatch: supplierMatchSchema.nullable(),
    }),
  ),
  bySupplier: z.array(
    obj({
      supplierId: z.string().nullable(),
      supplierName: z.string(),
      yarnCount: int,
      suggestionCount: int,
      totalLbs: num,
      totalUsd: num,
      lateCount: int,
      earliestReleaseDate: date.nullable(),
      flags: z.array(z.string()),
    }),
  ),
  /** Yarns with a requirement no suggestion covers, and why. */
  uncovered: z.array(
    obj({
      yarnId: z.string(),
      description: z.string(),
      supplier: z.string(),
      reason: z.enum([
        'no supplier',
        'retired supplier',
        'covered by existing receipts',
        'within lead time',
        'no requirement',
        'planned',
        'uncovered',
      ]),
      firstWeek: date.nullable(),
      lbs: num,
      detail: z.string(),
    }),
  ),
  weekStarts: z.array(date),
  totals: obj({ suggestions: int, lbs: num, valueUsd: num, expedite: int }),
});
export type PurchasingView = z.infer<typeof purchasingViewSchema>;
export type PurchasingSuggestion = PurchasingView['suggestions'][number];

// ---------- capacity and schedule ----------

export const capacityViewSchema = obj({
  ...stamp,
  weekStarts: z.array(date),
  workCenters: z.array(
    obj({
      workCenter: z.string(),
      machines: int,
      daysAvailable: num,
      daysAssigned: num,
      daysUnassigned: num,
      utilisationPct: maybe,
      peakUtilisationPct: maybe,
      peakWeek: z.string().nullable(),
      overloadedWeeks: int,
      /** Utilisation % per week (assigned and unassigned orders), null when the week has no capacity. */
      weeks: z.array(maybe),
    }),
  ),
  machines: z.array(
    obj({
      machineId: z.string(),
      workCenter: z.string(),
      orderNos: z.array(z.string()),
      daysRequired: num,
      daysAvailable: num,
      utilisationPct: maybe,
      overloadedWeeks: int,
    }),
  ),
  bottlenecks: z.array(
    obj({
      rank: int,
      workCenter: z.string(),
      machines: int,
      utilisationPct: maybe,
      overloadedWeeks: int,
      overloadDays: num,
      peakWeek: z.string().nullable(),
      peakUtilisationPct: maybe,
      reason: z.string(),
    }),
  ),
  /** Orders on no machine yet, with the least loaded machines that could take them (at most 5). */
  unassigned: z.array(
    obj({
      orderNo: z.string(),
      style: z.string(),
      balanceLbs: num,
      knitDays: maybe,
      workCenter: z.string(),
      candidates: z.array(obj({ machineId: z.string(), workCenter: z.string(), match: z.enum(['exact', 'relaxed']), daysRequired: num })),
      note: z.string().nullable(),
    }),
  ),
  /** Orders whose style has no knitting rate: not in any load. */
  unrated: z.array(obj({ orderNo: z.string(), style: z.string(), balanceLbs: num, machine: z.string().nullable() })),
});
export type CapacityView = z.infer<typeof capacityViewSchema>;

export const scheduleStatusSchema = z.enum(['on time', 'late', 'material short']);
export type ScheduleStatus = z.infer<typeof scheduleStatusSchema>;

export const scheduledOrderSchema = obj({
  orderNo: z.string(),
  style: z.string(),
  machineId: z.string(),
  workCenter: z.string(),
  /** The style's work center (key; '' when the style has none): the machines a drag on the board may pin it to. */
  styleWorkCenter: z.string(),
  assignment: z.enum(['kept', 'pinned', 'assigned']),
  balanceLbs: num,
  rateLbsPerDay: num,
  rateSource: z.string(),
  knitDays: num,
  plannedStart: date,
  plannedFinish: date,
  /** Start and end on a continuous day axis (days since 1970-01-01 + fraction), for the Gantt. */
  startDay: num,
  endDay: num,
  quotedDate: date.nullable(),
  latenessDays: maybe,
  late: z.boolean(),
  materialShort: z.boolean(),
  status: scheduleStatusSchema,
  /** The order's yarns; a short one with the first week its projected balance is below zero. */
  yarns: z.array(obj({ yarnId: z.string(), status: z.enum(['ok', 'short', 'short-during']), firstShortWeek: date.nullable() })),
  why: z.string().nullable(),
});
export type ScheduledOrderRow = z.infer<typeof scheduledOrderSchema>;

export const scheduleViewSchema = obj({
  ...stamp,
  orders: z.array(scheduledOrderSchema),
  unschedulable: z.array(
    obj({
      orderNo: z.string(),
      style: z.string(),
      balanceLbs: num,
      machine: z.string().nullable(),
      quotedDate: date.nullable(),
      reason: z.enum(['no-balance', 'no-rate', 'no-work-center', 'no-compatible-machine', 'no-working-time']),
      message: z.string(),
    }),
  ),
  machines: z.array(obj({ machineId: z.string(), workCenter: z.string() })),
  late: z.array(
    obj({
      orderNo: z.string(),
      machineId: z.string(),
      latenessDays: maybe,
      quotedDate: date.nullable(),
      plannedFinish: date,
      /** Orders sequenced before it on the machine that still occupy it, with their knitting days. */
      ahead: z.array(obj({ orderNo: z.string(), days: num })),
      why: z.string(),
    }),
  ),
});
export type ScheduleView = z.infer<typeof scheduleViewSchema>;

// ---------- forecast ----------

const accuracySchema = obj({ model: z.string(), points: int, wape: maybe, mase: maybe, bias: maybe });

const hierarchySchema = obj({
  /** Per level: the approach the backtest chose (base = each series' own forecast, bottomUp, topDown, mint) and each approach's score. */
  levels: z.array(
    obj({ level: z.enum(['total', 'style', 'styleCustomer']), approach: z.string(), scores: z.array(obj({ approach: z.string(), score: num })) }),
  ),
  /** Why the series were not reconciled, when they were not. */
  problem: z.string().nullable(),
});

export const forecastViewSchema = obj({
  ...stamp,
  historyWeeks: z.array(date),
  /** Forecast weeks before the as-of week: the sales history ends before the snapshot; these are never planned. */
  historyGapWeeks: z.array(date),
  hierarchy: hierarchySchema,
  series: z.array(
    obj({
      series: z.string(),
      level: z.enum(['total', 'style', 'styleCustomer', 'greige']),
      unit: z.enum(['yds', 'lbs']),
      style: z.string().nullable(),
      demandClass: z.enum(['smooth', 'erratic', 'intermittent', 'lumpy']).nullable(),
      adi: maybe,
      cv2: maybe,
      nonZeroWeeks: int,
      method: z.enum(['statistical', 'ordersOnly']),
      /** The demand pattern of the whole history (level, trend, seasonal, intermittent); null without demand. */
      family: z.enum(['level', 'trend', 'seasonal', 'intermittent']).nullable(),
      /** What the backtest chose: one model's name, `comb` (equal-weight mean) or `skill` (weighted by backtest error). */
      choice: z.string(),
      /** The models combined into the forecast (one for a single model), with their weights (summing to 1). */
      models: z.array(z.string()),
      weights: z.array(num),
      /** How the forecast was made coherent with the other levels (the approach chosen for its level); null: not reconciled. */
      approach: z.string().nullable(),
      reason: z.string().nullable(),
      next4Weeks: num,
      historyTotal: num,
    }),
  ),
  accuracy: z.array(accuracySchema.extend({ group: z.string() })),
  accuracyByHorizon: z.array(obj({ horizon: int, model: z.string(), wape: maybe, points: int })),
  /** Sales lines left out (a unit that does not convert) or converted, for checking. */
  lineIssues: z.array(
    obj({
      line: int,
      document: z.string(),
      fStyle: z.string(),
      qty: num,
      uom: z.string(),
      action: z.enum(['excluded', 'converted']),
      reason: z.string(),
      qtyYds: maybe,
    }),
  ),
  outliers: z.array(obj({ series: z.string(), week: date, value: num, median: num, robustZ: num, direction: z.enum(['high', 'low']) })),
});
export type ForecastView = z.infer<typeof forecastViewSchema>;

export const forecastSeriesViewSchema = obj({
  series: z.string(),
  historyWeeks: z.array(date),
  history: z.array(num),
  /** Backtest: the selected forecast one week ahead at each origin. */
  backtest: z.array(obj({ week: date, actual: num, forecast: num })),
  forecastWeeks: z.array(date),
  point: z.array(num),
  lo80: z.array(num),
  hi80: z.array(num),
  lo95: z.array(num),
  hi95: z.array(num),
  members: z.array(z.string()),
  weights: z.array(num),
  choice: z.string(),
  family: z.enum(['level', 'trend', 'seasonal', 'intermittent']).nullable(),
  approach: z.string().nullable(),
  /** Forecast weeks before the as-of week (shaded as the history gap). */
  historyGapWeeks: z.array(date),
  asOf: date,
  method: z.enum(['statistical', 'ordersOnly']),
  reason: z.string().nullable(),
  metrics: z.array(accuracySchema),
});
export type ForecastSeriesView = z.infer<typeof forecastSeriesViewSchema>;

// ---------- the channels ----------

/** Every view: its channel, input and output. Spread into the contract's channels. */
export const viewChannels = {
  'view.dashboard': { input: planViewInputSchema, output: dashboardViewSchema },
  'view.alerts': { input: planViewInputSchema, output: alertsViewSchema },
  'view.yarnPosition': { input: planViewInputSchema, output: yarnPositionViewSchema },
  'view.yarnShortages': { input: planViewInputSchema, output: yarnShortagesViewSchema },
  'view.yarnDetail': { input: yarnDetailInputSchema, output: yarnDetailViewSchema },
  'view.demand': { input: planViewInputSchema, output: demandViewSchema },
  'view.purchasing': { input: planViewInputSchema, output: purchasingViewSchema },
  'view.capacity': { input: planViewInputSchema, output: capacityViewSchema },
  'view.schedule': { input: planViewInputSchema, output: scheduleViewSchema },
  'view.forecast': { input: planViewInputSchema, output: forecastViewSchema },
  'view.forecastSeries': { input: forecastSeriesInputSchema, output: forecastSeriesViewSchema },
} as const;

export type ViewChannels = typeof viewChannels;
export type ViewChannel = keyof ViewChannels;
export const VIEW_CHANNELS = Object.keys(viewChannels) as ViewChannel[];
export type ViewInput<C extends ViewChannel> = z.input<ViewChannels[C]['input']>;
export type ViewOutput<C extends ViewChannel> = z.output<ViewChannels[C]['output']>;
