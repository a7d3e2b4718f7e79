// Inputs and outputs of the yarn plan engine. Plain, JSON-serialisable data: the inputs are the domain's entities
// (fields picked), the plan crosses worker and IPC boundaries unchanged.
import type { IsoDate } from '../../../shared/dates';
import type { StockStage, YarnPolicy } from '../../../shared/policy/yarn';
import type {
  BomLine as DomainBomLine,
  ErpStyleDemandRow,
  ExpectedReceipt as DomainExpectedReceipt,
  FabricRoll,
  KnitOrder as DomainKnitOrder,
  KnitRate,
  SalesOrder as DomainSalesOrder,
  YarnInventoryRow,
} from '../../../shared/domain/entities';

export type { IsoDate } from '../../../shared/dates';
export type { StockStage } from '../../../shared/policy/yarn';

// ---------- inputs ----------
// The imported entities are the domain's (src/shared/domain): each input below picks the fields the yarn plan reads,
// so the services hand the snapshot's rows over as they are.

/** A knit order as the yarn plan reads it. Quantities in lbs of greige fabric; `style` is `base/version`. */
export type KnitOrder = Pick<DomainKnitOrder, 'koNumber' | 'style' | 'startDate' | 'balanceLbs'>;

/** A BOM line. `fraction` is 0..1; duplicate (style, yarn) lines are summed. */
export type BomLine = Pick<DomainBomLine, 'style' | 'yarnId' | 'fraction'>;

/** Production Lbs: a style's knitting rate. Non-positive rates are treated as unknown. */
export type ProductionRate = Pick<KnitRate, 'style' | 'lbsPerDay'>;

/** One yarn_inventory row. Allocated and Consumed are stored negative, as in the ERP. */
export type YarnInventory = Pick<
  YarnInventoryRow,
  | 'yarnId'
  | 'description'
  | 'supplier'
  | 'color'
  | 'beginningBalanceLbs'
  | 'receivedLbs'
  | 'consumedLbs'
  | 'adjustmentsLbs'
  | 'theoreticalBalanceLbs'
  | 'onOrderLbs'
  | 'allocatedLbs'
  | 'planningBalanceLbs'
>;

export interface WeekQty {
  /** Monday of the ISO week. */
  weekMonday: IsoDate;
  lbs: number;
}

/**
 * A scheduled receipt of a PO line (Expected_Yarn_Report, or an open YarnPO at its due date): "Unscheduled or Past
 * Due", the week of its Monday, or "Later" (no date).
 */
export type ExpectedReceipt = Pick<DomainExpectedReceipt, 'poNumber' | 'yarnId' | 'bucket' | 'weekStart' | 'qtyLbs'>;

/**
 * One row of the ERP's Yarn_Demand_By_Style_KO (koNumber set) or Yarn_Demand_By_Style (koNumber null): `bucketsLbs`
 * = [This Week, the numbered weeks in order, Later].
 */
export type ErpDemandReportRow = Pick<ErpStyleDemandRow, 'style' | 'koNumber' | 'yarnId' | 'percentage' | 'bucketsLbs' | 'totalLbs'>;

/** One ERP demand report with the day it was run (the ERP does not store it; the importer infers or asks for it). */
export interface ErpDemandReport {
  runDate: IsoDate;
  kind: 'by-style-ko' | 'by-style';
  rows: ErpDemandReportRow[];
  /**
   * The same run's knit orders (its KO export), when known. An open order's start date makes the pro-rated first
   * week usable as rate evidence; a style with an open order but no report rows had no ERP BOM that day ("no BOM").
   */
  knitOrders?: ReportKnitOrder[];
  label?: string;
}

export type ReportKnitOrder = KnitOrder;

/** Planner override: the whole BOM of a style. */
export interface BomOverride {
  style: string;
  lines: { yarnId: string; fraction: number }[];
  asOf: IsoDate;
  note?: string;
}

/** Planner override: a style's knitting rate. */
export interface RateOverride {
  style: string;
  lbsPerDay: number;
  asOf: IsoDate;
  note?: string;
}

/**
 * An open sales order line (eFab_SO_List). `finishedBase` (fStyle/fVersion) is the key of the bridge and of the
 * F01/I01/G02 stock; `uom` is yds, lbs or kg (anything else cannot be converted).
 */
export type SalesOrder = Pick<DomainSalesOrder, 'soNumber' | 'finishedBase' | 'uom' | 'balanceQty' | 'shipDate' | 'quotedDate'>;

/** A fabric roll: stock at its stage. `style` is the finished style for F01/I01/G02 and the greige style for G00. */
export type StageStock = Pick<FabricRoll, 'stage' | 'style' | 'qtyLbs'>;

/** What the finished-to-greige bridge knows about a finished style. */
export interface StyleBridgeResult {
  greigeStyle: string | null;
  ozPerLinYd: number | null;
  note?: string;
}
export type StyleBridge = (finishedStyle: string) => StyleBridgeResult | null;

export interface YarnPlanInput {
  knitOrders: KnitOrder[];
  bomLines: BomLine[];
  bomExportAsOf?: IsoDate | null;
  knitRates: ProductionRate[];
  knitRatesAsOf?: IsoDate | null;
  /** ERP demand reports to learn BOM % and rates from (exclude the current run's own report for an honest plan). */
  erpReports?: ErpDemandReport[];
  bomOverrides?: BomOverride[];
  rateOverrides?: RateOverride[];
  yarns: YarnInventory[];
  expectedReceipts: ExpectedReceipt[];
  /** Open sales order lines (balance above 0). */
  salesOrders?: SalesOrder[];
  /** Fabric rolls by stage, the stock sales orders are covered from first. */
  fabricRolls?: StageStock[];
}

export interface YarnPlanOptions {
  /** Finished style -> greige style + oz/lin yd. Without it every sales order is "unknown style". */
  styleBridge?: StyleBridge;
  /** Add the uncovered sales-order yarn demand to the projected balance (never to the ERP-layout tables). */
  includeSalesOrdersInProjection?: boolean;
  /** More styles to resolve (BOM + rate) into `plan.styles`, e.g. for availability checks of new orders. */
  extraStyles?: string[];
  /** Further yarn demand layers (e.g. the forecast) added to the projection, never to the ERP-layout tables. */
  extraDemand?: ({ yarnId: string } & WeeklySeries)[];
  /** Receipts the planner has committed to (accepted PO drafts): in the projection, never in the ERP-layout tables. */
  extraReceipts?: ExpectedReceipt[];
}

// ---------- provenance ----------

export type BomSource = 'override' | 'erp-report' | 'bom-export' | 'none';
export type RateSource = 'override' | 'erp-report' | 'production-lbs' | 'base-median' | 'none';

export interface Provenance<S extends string> {
  source: S;
  /** Date of the source (override date, report run date, export date); null when unknown. */
  asOf: IsoDate | null;
  note: string;
}

export interface BomYarn {
  yarnId: string;
  fraction: number;
}

export interface ResolvedBom {
  /** Trimmed style key. */
  style: string;
  /** Empty when the style has no BOM (source 'none', or an ERP report that showed no rows for an open KO). */
  lines: BomYarn[];
  provenance: Provenance<BomSource>;
  warnings: string[];
}

export interface ResolvedRate {
  style: string;
  lbsPerDay: number | null;
  provenance: Provenance<RateSource>;
}

// ---------- outputs ----------

export interface Warning {
  code: string;
  message: string;
  style?: string;
  orderNo?: string;
  yarnId?: string;
  soNo?: string;
}

/** Fabric lbs of one quantity spread over the plan weeks. */
export interface WeeklySeries {
  /** Index 0 = the ISO week of the as-of date; length = the plan horizon. */
  weeklyLbs: number[];
  /** Everything after the horizon (and undated "Later" receipts). */
  beyondLbs: number;
}

export interface KoPhase extends WeeklySeries {
  orderNo: string;
  style: string;
  balanceLbs: number;
  /** max(start date, as-of); the as-of date when the start is blank. */
  effectiveStart: IsoDate;
  rateLbsPerDay: number | null;
  rateSource: RateSource;
  weeklyCapacityLbs: number | null;
  /** 'no-rate' (everything in the start week), 'start-blank', 'start-in-past'. */
  flags: string[];
}

/** One KO x yarn demand row (the ERP's Yarn_Demand_By_Style_KO row, on the extended horizon). */
export interface KoYarnDemand extends WeeklySeries {
  style: string;
  orderNo: string;
  yarnId: string;
  fraction: number;
  totalLbs: number;
}

export interface SkippedOrder {
  orderNo: string;
  style: string;
  balanceLbs: number;
  reason: 'no-bom' | 'not-open';
  note: string;
}

export interface PhasedKnitOrderDemand {
  phases: KoPhase[];
  rows: KoYarnDemand[];
  /** Open orders whose style has no BOM: reported, not silently dropped. */
  noBom: SkippedOrder[];
  /** Orders with balance <= minOpenBalanceLbs. */
  notOpen: SkippedOrder[];
  /** Open orders phased without a rate (everything in the start week). */
  noRate: { orderNo: string; style: string; balanceLbs: number }[];
  warnings: Warning[];
}

export interface ExpediteCandidate {
  poNo: string;
  /** null for an undated "Later" receipt. */
  weekMonday: IsoDate | null;
  lbs: number;
  /** min(lbs, deficit at the first short week). */
  usefulLbs: number;
}

export interface YarnShortage {
  firstShortWeek: IsoDate;
  deficitAtFirstShortLbs: number;
  maxDeficitLbs: number;
  maxDeficitWeek: IsoDate;
  /** First week after the first short week whose balance is back above the threshold; null = not within horizon. */
  recoveryWeek: IsoDate | null;
  /** Receipts scheduled after the first short week, earliest first; the first is the one to expedite. */
  nextReceipt: ExpediteCandidate | null;
  laterReceipts: ExpediteCandidate[];
  /** Past-due receipts (excluded from the chain by default): chasing them may close the gap. */
  pastDueReceiptsLbs: number;
}

export interface YarnProjection {
  yarnId: string;
  supplier: string;
  description: string;
  color: string;
  /** Theoretical Balance (0 when the yarn is not in yarn_inventory). */
  inventoryLbs: number;
  inInventory: boolean;
  pastDueReceiptsLbs: number;
  demand: WeeklySeries;
  receipts: WeeklySeries;
  /** Chained weekly balance over the horizon. */
  balanceWeeklyLbs: number[];
  /** Balance after everything (= balanceLbs, minus past due unless they are in the chain). */
  balanceEndLbs: number;
  totalDemandLbs: number;
  /** Past due + every scheduled and later receipt. */
  totalReceiptLbs: number;
  /** Inventory - total demand + total receipt. */
  balanceLbs: number;
  shortage: YarnShortage | null;
}

export type RiskBand = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export interface YarnPosition {
  yarnId: string;
  description: string;
  supplier: string;
  theoreticalBalanceLbs: number;
  allocatedLbs: number;
  onOrderLbs: number;
  planningBalanceLbs: number;
  weeklyUsageLbs: number;
  weeklyUsageSource: 'phased-demand' | 'allocated' | 'none';
  /** Theoretical / weekly usage; 0 when theoretical <= 0; null when there is no usage. */
  weeksOfSupply: number | null;
  risk: RiskBand;
  /** Accepted PO drafts for the yarn (lbs): counted with the planning balance for the risk band. */
  draftLbs: number;
  /** What set the band: the planning balance (plus drafts), or the deepest projected deficit if that is worse. */
  riskBasis: 'planning balance' | 'planning balance + PO drafts' | 'projected deficit';
  shortageLbs: number;
}

export interface StageCover {
  stage: StockStage | 'KO';
  lbs: number;
}

export interface SalesOrderDemandLine {
  soNo: string;
  finishedStyle: string;
  greigeStyle: string | null;
  demandLbs: number | null;
  coveredBy: StageCover[];
  uncoveredLbs: number;
  /** Week the uncovered yarn is needed (Monday). */
  weekMonday: IsoDate;
  yarns: { yarnId: string; lbs: number }[];
  bomSource: BomSource | null;
  /** Why (part of) the line could not be turned into yarn: 'not-open', 'unknown-style', 'no-spec', 'unit', 'no-bom'. */
  unresolved: string[];
  note: string;
}

export interface SalesOrderLayer {
  lines: SalesOrderDemandLine[];
  /** Uncovered sales-order yarn demand per yarn on the plan weeks. */
  yarnDemand: ({ yarnId: string } & WeeklySeries)[];
  totalUncoveredLbs: number;
}

export interface YarnPegging {
  yarnId: string;
  firstShortWeek: IsoDate;
  deficitAtFirstShortLbs: number;
  /** Knit orders consuming the yarn from the as-of week up to and including the first short week. */
  consumers: { orderNo: string; style: string; lbs: number; weeks: WeekQty[] }[];
}

export interface KoShortYarns {
  orderNo: string;
  style: string;
  /** Yarns this order consumes in weeks where the yarn's projected balance is short. */
  yarns: { yarnId: string; firstShortWeek: IsoDate; lbsInShortWeeks: number }[];
}

export interface ErpTable {
  columns: string[];
  rows: Record<string, string | number>[];
}

export interface StyleResolution {
  style: string;
  bom: ResolvedBom;
  rate: ResolvedRate;
}

export interface YarnPlan {
  asOf: IsoDate;
  policy: YarnPolicy;
  /** Monday of every plan week; index 0 is the as-of week. */
  weeks: IsoDate[];
  /** ERP bucket labels: "This Week", "Week NN" x n, "Later". */
  erpBuckets: string[];
  styles: StyleResolution[];
  demand: PhasedKnitOrderDemand;
  /** Per yarn, KO demand only: the ERP's Yarn_Demand rows on the extended horizon. */
  projectionKoOnly: YarnProjection[];
  /** What shortages, positions and pegging use: KO demand, plus sales orders if asked for. */
  projection: YarnProjection[];
  positions: YarnPosition[];
  salesOrders: SalesOrderLayer;
  pegging: { byYarn: YarnPegging[]; byOrder: KoShortYarns[] };
  tables: { demandByStyleKo: ErpTable; demandByStyle: ErpTable; yarnDemand: ErpTable };
  warnings: Warning[];
}
