// Payloads of the `plan.get` views: what each screen receives. Plain data; the renderer types its pages from these.

export type Risk = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
export type Row = Record<string, string | number | boolean | null>;

export interface PlanStamp {
  snapshotId: number;
  asOf: string;
  computedAt: string;
}

export interface DashboardView extends PlanStamp {
  kpis: {
    yarnsShort: number;
    lbsShort: number;
    valueShortUsd: number;
    criticalYarns: number;
    ordersAtRisk: number;
    lateOrders: number;
    suggestedOrders: number;
    suggestedValueUsd: number;
    expediteOrders: number;
    peakUtilisationPct: number | null;
    overloadedWorkCenters: number;
  };
  alerts: AlertRow[];
  alertCounts: Record<string, number>;
  /** Per plan week: how many yarns are short and by how many lbs in total. */
  shortageTimeline: { weekStart: string; yarnsShort: number; lbsShort: number }[];
  /** Busiest work centres: peak and average utilisation. */
  workCenterLoad: { workCenter: string; utilisationPct: number | null; peakUtilisationPct: number | null; peakWeek: string | null }[];
  forecastAccuracy: ForecastAccuracyTile | null;
}

export interface ForecastAccuracyTile {
  /** WAPE of the selected forecast for the company total at horizons 1-4 (pooled) and 9, next to the best baseline. */
  totalWapeH1to4: number | null;
  totalWapeH9: number | null;
  bestBaselineH1to4: { model: string; wape: number } | null;
  stylesWapeH1to4: number | null;
  seriesForecast: number;
  seriesOrdersOnly: number;
}

export interface AlertRow {
  key: string;
  rule: string;
  severity: string;
  title: string;
  cause: string;
  impactLbs: number;
  impactDays: number;
  impactLbsDays: number;
  impactUsd: number;
  firstWeek: string | null;
  page: string;
  params: Record<string, string>;
  acknowledged: boolean;
  isNew: boolean;
}

export interface YarnPositionView extends PlanStamp {
  rows: Row[];
  counts: Record<Risk, number>;
}

export interface YarnDetailView extends PlanStamp {
  yarnId: string;
  description: string;
  supplier: string;
  position: Row | null;
  weeks: string[];
  demandLbs: number[];
  receiptsLbs: number[];
  balanceLbs: number[];
  inventoryLbs: number;
  pastDueReceiptsLbs: number;
  beyondDemandLbs: number;
  beyondReceiptsLbs: number;
  shortage: Row | null;
  /** Knit orders consuming the yarn: per order the style, BOM share and lbs per week. */
  consumers: { orderNo: string; style: string; fraction: number; totalLbs: number; lbsInShortWindow: number; weeks: number[] }[];
  receipts: { poNo: string; weekStart: string | null; lbs: number; pastDue: boolean }[];
  mrp: Row[];
  suggestions: Row[];
  substitutes: Row[];
}

export interface DemandView extends PlanStamp {
  byKo: { columns: string[]; rows: Row[] };
  byStyle: { columns: string[]; rows: Row[] };
  byYarn: { columns: string[]; rows: Row[] };
  styles: Row[];
  skippedOrders: Row[];
  salesOrders: Row[];
  /** Whether the projection and the MRP include the uncovered sales-order demand (Settings: demand layers). */
  salesOrderLayerOn: boolean;
  /** Whether they include the forecast not consumed by open sales orders. */
  forecastLayerOn: boolean;
  /** Per greige style: forecast lbs in the plan weeks, consumed by sales orders, net, and how many yarns it explodes to. */
  forecastLines: Row[];
}

export interface PurchasingView extends PlanStamp {
  suggestions: Row[];
  bySupplier: Row[];
  uncovered: Row[];
  weekStarts: string[];
  totals: { suggestions: number; lbs: number; valueUsd: number; expedite: number };
}

export interface CapacityView extends PlanStamp {
  weekStarts: string[];
  workCenters: ({ workCenter: string; weeks: (number | null)[] } & Record<string, string | number | null | (number | null)[]>)[];
  machines: Row[];
  bottlenecks: Row[];
  unassigned: Row[];
  unrated: Row[];
}

export interface ScheduleView extends PlanStamp {
  orders: Row[];
  unschedulable: Row[];
  machines: { machineId: string; workCenter: string }[];
  late: Row[];
}

export interface ForecastView extends PlanStamp {
  historyWeeks: string[];
  series: Row[];
  accuracy: Row[];
  accuracyByHorizon: { horizon: number; model: string; wape: number; points: number }[];
  lineIssues: Row[];
  outliers: Row[];
}

export interface ForecastSeriesView {
  series: string;
  historyWeeks: string[];
  history: number[];
  /** Backtest: the selected forecast one week ahead at each origin. */
  backtest: { week: string; actual: number; forecast: number }[];
  forecastWeeks: string[];
  point: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
  members: string[];
  method: string;
  reason: string | null;
  metrics: Row[];
}
