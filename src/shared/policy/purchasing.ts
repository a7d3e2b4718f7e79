// Purchasing (time-phased yarn MRP) policy. Flat keys so every value is editable in Settings; per-yarn and
// per-supplier exceptions are planner overrides passed to the engine, not policy keys.

/** How a planned receipt's quantity is sized before MOQ and order-multiple rounding. */
export type LotSizingKind = 'lotForLot' | 'fixedPeriod' | 'eoq';
/** How safety stock is set: none, N weeks of average demand, or z x sigma_weekly x sqrt(lead time in weeks). */
export type SafetyStockKind = 'none' | 'weeksOfCover' | 'serviceLevel';
/** Unit of Supplier_ID.csv `Lead_time` (values 4-14; the export profile reads days, the domain notes say weeks). */
export type LeadTimeUnit = 'days' | 'weeks';

export const purchasingPolicyDefaults = {
  /** ISO weekday (1 = Monday ... 7 = Sunday) a planned receipt is due within its week. */
  receiptWeekday: 1,
  /** Count "Unscheduled or Past Due" receipts in the starting balance (can be negative: the ERP's balancing bucket). */
  countPastDueReceipts: true,

  /**
   * Unit of the supplier master's Lead_time column (values 4-14). The export does not say; the mill's production-flow
   * documentation says yarn arrives in 8-14 weeks, so weeks by default. A planner who knows otherwise switches it here.
   */
  supplierLeadTimeUnit: 'weeks' as LeadTimeUnit,
  /** Lead time for a yarn whose supplier is not in the supplier master (flagged). */
  defaultLeadTimeDays: 14,
  /** MOQ for a yarn whose supplier is not in the supplier master (flagged). */
  defaultMoqLbs: 1000,
  /** Order multiple when nothing else is known (1 = no rounding). The supplier master has no multiple. */
  defaultOrderMultipleLbs: 1,
  /** Still suggest orders when the supplier is unknown (using the defaults above, flagged). */
  suggestWithoutSupplier: true,
  /** Suggest orders to a supplier marked "Remove" in the master (otherwise: no suggestion, reason given). */
  suggestForRetiredSupplier: false,
  /**
   * A requirement that can no longer be met in time (release date already past) and that existing receipts clear
   * before a new order could arrive gets no suggestion; the reason "within lead time" says to expedite instead.
   */
  skipLateOrdersRecoveredByReceipts: true,

  /** Lot-sizing rule for yarns without an override. */
  lotSizing: 'lotForLot' as LotSizingKind,
  /** Weeks of requirements one order covers under `fixedPeriod` (POQ). */
  fixedPeriodWeeks: 4,
  /** EOQ: cost of placing one purchase order, USD. */
  eoqOrderingCostUsd: 100,
  /** EOQ: holding cost per year as a fraction of the yarn's cost per lb. */
  eoqHoldingRatePerYear: 0.25,
  /** Weeks per year used to annualise demand for EOQ. */
  weeksPerYear: 52,

  /** Safety-stock rule for yarns without an override. */
  safetyStock: 'weeksOfCover' as SafetyStockKind,
  /** `weeksOfCover`: safety stock = this many weeks of average horizon demand. */
  safetyStockWeeksOfCover: 2,
  /** `serviceLevel`: cycle service level (z = inverse normal of this). */
  serviceLevel: 0.95,

  /** Supplier names: a fuzzy match is accepted at or above this score (0..1). */
  supplierMatchMinScore: 0.6,
  /** ... and only when it beats the runner-up by at least this much (else ambiguous: no match). */
  supplierMatchMinMargin: 0.1,
  /** A name token may abbreviate a master token by prefix ("FILS" -> FILSPEC) when at least this long. */
  supplierAbbreviationMinChars: 3,
  /** Credit (0..1) a prefix abbreviation earns against a whole-token match. */
  supplierPrefixCredit: 0.85,

  /** PO draft reconciliation: an ERP PO closes a draft when |qty - draft qty| <= this fraction of the draft qty. */
  draftQtyTolerancePct: 0.1,
  /** ... and its order date is at most this many days before the draft's release date ... */
  draftDateWindowDaysBefore: 7,
  /** ... or at most this many days after it. */
  draftDateWindowDaysAfter: 28,

  /** Substitutes: count / denier (compared as total tex) within +- this fraction (NOT-FOR-NOT: 5 %). */
  substituteSizeTolerancePct: 0.05,
  /** Substitutes: every blend component within +- this many percentage points (NOT-FOR-NOT: 4). */
  substituteBlendTolerancePts: 4,
  /** Substitutes: score factor when the ply differs (total size still within tolerance). */
  substitutePlyMismatchFactor: 0.8,
  /** Substitutes: score factor per differing process attribute (recycled, organic, combed, ring/open-end, DTY...). */
  substituteProcessMismatchFactor: 0.9,
  /** Substitutes: a candidate is listed at or above this score (0..1). */
  substituteMinScore: 0.5,
  /** Substitutes: a candidate needs more than this much free stock (lbs) in the shortage week. */
  substituteMinFreeStockLbs: 0,
  /** Substitutes listed per short yarn. */
  substituteMaxCandidates: 5,
  /** Count system of a bare spun count like "30/1". */
  spunCountSystem: 'Ne' as 'Ne' | 'Nm',

  /** Quantities closer than this (lbs) are equal in comparisons (float noise). */
  epsilonLbs: 0.001,
};

export type PurchasingPolicy = typeof purchasingPolicyDefaults;
