// Yarn plan policy: every threshold the yarn engine uses. Risk ladder from the old system (reference-system-rules 2.1);
// the schedule constants are the ERP's own rule (erp-exports-profile 5a) so the ERP reports can be reproduced.

/** Fabric stock stages a sales order can be covered from (finished F01/I01/G02 by finished style, G00 by greige style). */
export type StockStage = 'F01' | 'I01' | 'G02' | 'G00';

export const yarnPolicyDefaults = {
  /** Planning balance below this (lbs) is CRITICAL. */
  criticalBelowLbs: -1000,
  /** Planning balance below this (lbs) is HIGH. */
  highBelowLbs: -100,
  /** Planning balance below this (lbs) is MEDIUM; otherwise LOW. */
  mediumBelowLbs: 0,
  /** Working days per week the ERP plans knitting on (weekly capacity = 6 x lbs/day). */
  knitDaysPerWeek: 6,
  /**
   * Half-day knitting units per ISO weekday, Monday first. The first week of an order gets capacity x (units from the
   * start day to Sunday) / (units of a whole week): Mon 11/11, Tue 9/11, ..., Sat 1/11, Sun 0/11.
   */
  halfDayUnitsByIsoWeekday: [2, 2, 2, 2, 2, 1, 0] as number[],
  /** Numbered weeks after "This Week" in the ERP layout. */
  erpNumberedWeeks: 8,
  /** A style's BOM whose lines sum outside 1 +- this is normalised with a warning. */
  bomSumTolerance: 0.005,
  /** A knit order is open (creates yarn demand) when its balance is above this (lbs). The ERP uses > 0. */
  minOpenBalanceLbs: 0,
  /** Weekly usage in the yarn position = average phased demand over this many weeks from the as-of week. */
  usageAverageWeeks: 8,
  /** Fallback weekly usage = |Allocated| / this, when the phased demand is zero (old system's 8-week cycle). */
  allocatedSpreadWeeks: 8,
  /** A projected weekly balance below this (lbs) is a shortage. */
  shortageBelowLbs: 0,
  /**
   * Roll past-due receipts into the start of the extended weekly chain. The ERP's Yarn_Demand excludes them
   * (false reproduces it); the ERP-layout table always excludes them.
   */
  pastDueReceiptsInChain: false,
  /** When no style rate is found, use the median Production Lbs rate of styles with the same base (before "/"). */
  rateBaseMedianFallback: true,
  /**
   * When a report comes without its run's knit orders and shows no full week for a style, learn the rate from the
   * pro-rated first week assuming the order had started by the run day.
   */
  learnRateFromFirstWeek: true,
  /** Order in which sales-order demand is covered from stock before open knit orders of the greige style. */
  soNettingStages: ['F01', 'I01', 'G02', 'G00'] as StockStage[],
  /** Uncovered sales-order yarn is needed this many days before the ship/quoted date (0 = in that week). */
  soKnitLeadDays: 0,
  /** A yarn_inventory row whose identities (Theoretical, Planning) are off by more than this (lbs) is warned about. */
  inventoryIdentityToleranceLbs: 0.5,
};
export type YarnPolicy = typeof yarnPolicyDefaults;
