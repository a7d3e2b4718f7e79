// Inputs and outputs of the purchasing (time-phased yarn MRP) engine. Plain JSON-serialisable data, decoupled from the
// yarn-plan engine: services map its per-yarn weekly demand and receipts onto `MrpItem`.
import type { IsoDate } from '../../../shared/dates';
import type { LotSizingKind } from '../../../shared/policy/purchasing';
import type { Supplier, YarnPo } from '../../../shared/domain/entities';
import type { PlanWeeks } from '../calendar';

export type { IsoDate } from '../../../shared/dates';

// ---------- inputs ----------

/** Part of a week's gross requirement attributed to a demand source (e.g. "KO K2508091", "SO 25764", "forecast"). */
export interface DemandSourceQty {
  source: string;
  lbs: number;
}

/** One yarn to plan. Weeks are indexed from the Monday of the as-of week (index 0 = the as-of week). */
export interface MrpItem {
  yarnId: string;
  description?: string;
  color?: string;
  /** Supplier name as written in yarn_inventory (matched to the supplier master by the engine). */
  supplierName?: string;
  /** Theoretical balance (physical stock). May be negative. */
  onHandLbs: number;
  /** "Unscheduled or Past Due" open PO quantity (may be negative). */
  pastDueReceiptsLbs: number;
  grossByWeek: number[];
  /** Expected receipts (open POs) per week. Accepted PO drafts are added by `applyDrafts`. */
  scheduledReceiptsByWeek: number[];
  /** Optional pegging detail: per week, the sources that make up the gross requirement (listed in priority order). */
  demandSourcesByWeek?: DemandSourceQty[][];
  /** Optional demand history per week for the service-level sigma (else the horizon's gross requirements). */
  demandHistoryByWeek?: number[];
  costPerLb: number;
}

/**
 * A supplier of the master (Supplier_ID.csv) as the MRP reads it. `leadTimeAsExported` is read in the unit the
 * policy names; a supplier without an id is known by its row (`S<n>`).
 */
export type MrpSupplier = Pick<Supplier, 'supplierId' | 'name' | 'leadTimeAsExported' | 'moqLbs' | 'retired'>;

/** A supplier as the matcher resolved it: its id, and its lead time in days (none when the export says "Remove"). */
export interface SupplierMasterRow {
  supplierId: string;
  name: string;
  leadTimeDays: number | null;
  moqLbs: number | null;
  retired: boolean;
}

/** Planner's mapping of an inventory supplier name onto a master supplier; null = "no supplier" on purpose. */
export interface SupplierNameMapping {
  name: string;
  supplierId: string | null;
}

export type LotSizingRule =
  { kind: 'lotForLot' } | { kind: 'fixedPeriod'; periodWeeks: number } | { kind: 'eoq'; orderingCostUsd: number; holdingRatePerYear: number };

export type SafetyStockRule =
  { kind: 'none' } | { kind: 'weeksOfCover'; weeks: number } | { kind: 'serviceLevel'; serviceLevel: number } | { kind: 'fixedLbs'; lbs: number };

/** Planner override for one yarn; any field left out falls back to the supplier master, then the policy. */
export interface YarnSupplyOverride {
  yarnId: string;
  supplierId?: string | null;
  leadTimeDays?: number;
  moqLbs?: number;
  orderMultipleLbs?: number;
  lotSizing?: LotSizingRule;
  safetyStock?: SafetyStockRule;
}

/** Planner override for every yarn of one supplier (lead time, MOQ, multiple). */
export interface SupplierOverride {
  supplierId: string;
  leadTimeDays?: number;
  moqLbs?: number;
  orderMultipleLbs?: number;
}

export type PoDraftStatus = 'proposed' | 'accepted' | 'edited' | 'closed' | 'rejected';

/** A purchase the planner is preparing; accepted and edited drafts count as scheduled receipts. */
export interface PoDraft {
  draftId: string;
  yarnId: string;
  supplierId: string | null;
  qtyLbs: number;
  receiptDate: IsoDate;
  releaseDate: IsoDate;
  status: PoDraftStatus;
  /** Set when an ERP PO closed the draft. */
  erpPoNumber?: string;
  fromSuggestionId?: string;
  /** For people: the supplier's name, the yarn and its price when the draft was made. */
  supplierName?: string | null;
  description?: string;
  costPerLb?: number;
}

/** A real purchase order in a later ERP export (YarnPO): it closes the draft it matches; one without an order date cannot. */
export type ErpPurchaseOrder = Pick<YarnPo, 'poNumber' | 'yarnId' | 'supplier' | 'orderedAt' | 'qtyLbs'>;

export interface MrpInput {
  /** The plan weeks netted (the planning calendar's): every item's weekly arrays are read on them. */
  calendar: PlanWeeks;
  items: MrpItem[];
  suppliers: MrpSupplier[];
  supplierMappings?: SupplierNameMapping[];
  yarnOverrides?: YarnSupplyOverride[];
  supplierOverrides?: SupplierOverride[];
  /** Drafts; accepted/edited ones are applied as scheduled receipts before netting. */
  drafts?: PoDraft[];
}

// ---------- outputs ----------

export type ValueSource = 'supplier master' | 'policy default' | 'planner override';

export interface Sourced<T> {
  value: T;
  source: ValueSource;
}

export type SupplierMatchMethod = 'manual' | 'exact' | 'normalised' | 'token' | 'none';

export interface SupplierMatch {
  /** The name as given (yarn inventory, PO). */
  inputName: string;
  supplierId: string | null;
  supplierName: string | null;
  method: SupplierMatchMethod;
  /** 1 for manual/exact/normalised matches; the fuzzy score otherwise (0 when unmatched). */
  score: number;
  retired: boolean;
  /** Best candidates considered when the match is fuzzy or ambiguous. */
  candidates?: { supplierId: string; supplierName: string; score: number }[];
}

/** Everything that decides how one yarn is bought, each value with where it came from. */
export interface ResolvedSupply {
  yarnId: string;
  supplier: SupplierMatch;
  /** The supplier came from a per-yarn planner override rather than the name match. */
  supplierSource: ValueSource | 'name match';
  leadTimeDays: Sourced<number>;
  moqLbs: Sourced<number>;
  orderMultipleLbs: Sourced<number>;
  lotSizing: Sourced<LotSizingRule>;
  safetyStock: Sourced<SafetyStockRule>;
  /** Why orders cannot be suggested at all (retired / no supplier), else null. */
  blocked: NoSuggestionCode | null;
  flags: string[];
}

export interface PeggedRequirement {
  week: number;
  weekStart: IsoDate;
  lbs: number;
  sources: DemandSourceQty[];
}

export interface PurchaseSuggestion {
  id: string;
  yarnId: string;
  description: string;
  supplierId: string | null;
  supplierName: string | null;
  qtyLbs: number;
  costPerLb: number;
  valueUsd: number;
  /** Net requirement of the receipt week (what triggered the order). */
  netRequirementLbs: number;
  /** Lot size before MOQ and multiple rounding. */
  lotSizeLbs: number;
  lotSizing: LotSizingKind;
  receiptWeek: number;
  receiptWeekLabel: string;
  receiptDate: IsoDate;
  releaseDate: IsoDate;
  leadTimeDays: number;
  /** asOf + lead time: the earliest date an order placed today can arrive. */
  earliestReceiptDate: IsoDate;
  action: 'release' | 'expedite';
  lateByDays: number;
  /** Projected stock-out (below zero, lbs) this order leaves before the earliest possible receipt; 0 when on time. */
  shortageLbs: number;
  pegging: PeggedRequirement[];
  /** Quantity not pegged to demand in the horizon: safety stock, lot rounding, later demand. */
  unpeggedLbs: number;
  flags: string[];
}

export type NoSuggestionCode = 'no supplier' | 'retired supplier' | 'covered by existing receipts' | 'within lead time';

/** An open receipt (all of the yarn's receipts due that week) to pull in. */
export interface ExpediteReceipt {
  week: number;
  weekStart: IsoDate;
  lbs: number;
}

export interface UncoveredRequirement {
  week: number;
  weekStart: IsoDate;
  lbs: number;
  reason: NoSuggestionCode;
  detail: string;
  /**
   * 'within lead time' only: the `shortWeeks` weeks from `week` until open receipts restore safety stock (in
   * `recoveryWeek`), the lowest projected balance meanwhile, and those receipts (to expedite).
   */
  expedite?: { lowestBalanceLbs: number; shortWeeks: number; recoveryWeek: number; receipts: ExpediteReceipt[] };
}

/** The classic MRP rows of one yarn (arrays indexed by week). */
export interface MrpWeeks {
  gross: number[];
  scheduledReceipts: number[];
  projectedOnHand: number[];
  safetyStock: number[];
  netRequirement: number[];
  plannedReceipts: number[];
  plannedReleases: number[];
}

export type MrpItemStatus = 'no requirement' | 'covered by existing receipts' | 'planned' | 'uncovered';

export interface MrpItemResult {
  yarnId: string;
  description: string;
  supply: ResolvedSupply;
  startingBalanceLbs: number;
  safetyStockLbs: number;
  /** asOf + lead time, and the first horizon week a receipt can be due on or after it (may be >= the horizon). */
  earliestReceiptDate: IsoDate;
  earliestReceiptWeek: number;
  weeks: MrpWeeks;
  /** Planned releases whose date is before the as-of week (expedite). */
  pastDueReleaseLbs: number;
  suggestions: PurchaseSuggestion[];
  uncovered: UncoveredRequirement[];
  status: MrpItemStatus;
  /** One-line explanation of the status (why no suggestion, when relevant). */
  statusDetail: string;
}

export interface MrpResult {
  asOf: IsoDate;
  horizonWeeks: number;
  weekStarts: IsoDate[];
  items: MrpItemResult[];
  suggestions: PurchaseSuggestion[];
}

export interface SupplierSuggestionGroup {
  supplierId: string | null;
  supplierName: string;
  yarnCount: number;
  suggestionCount: number;
  totalLbs: number;
  totalUsd: number;
  lateCount: number;
  earliestReleaseDate: IsoDate | null;
  flags: string[];
}
