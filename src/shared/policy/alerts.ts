// Alerts and scenario-comparison policy. Yarn severity bands are NOT here: they reuse the yarn risk ladder
// (policy/yarn.ts criticalBelowLbs / highBelowLbs / mediumBelowLbs), and a work-center week above the capacity
// policy's overloadUtilisationPct is critical. Defaults follow the old system (reference-system-rules 2.1, 2.10).

export const alertsPolicyDefaults = {
  // --- yarn ---
  /** More critical yarns than this raises one portfolio alert (the old system's health WARNING level was > 20, CRITICAL > 50). */
  portfolioCriticalYarnsAbove: 10,

  // --- capacity ---
  /** A work-center week above this utilisation raises an alert (high; critical above capacity.overloadUtilisationPct). */
  wcOverloadUtilisationPct: 95,

  // --- forecast ---
  /** Latest weeks of actuals compared with the forecast made for them. */
  forecastDeviationWeeks: 4,
  /** |actual - forecast| / forecast over those weeks above this (%) raises an alert (medium). */
  forecastDeviationPct: 20,
  /** ... above this (%) the alert is high. */
  forecastDeviationHighPct: 50,
  /** A series whose forecast over those weeks is at or below this quantity is not checked (a % of nothing is noise). */
  forecastDeviationMinForecastQty: 0,

  // --- late knit orders ---
  /** A knit order is late when it finishes more than this many days after its quoted date. */
  lateOrderMinDays: 0,
  /** Late by at least this many days: high. */
  lateOrderHighDays: 7,
  /** Late by at least this many days: critical. */
  lateOrderCriticalDays: 14,

  // --- data quality (last import) ---
  /** An import warning kind with at least this many occurrences raises an alert (medium). */
  dataQualityMinCount: 1,
  /** ... with at least this many it is high. */
  dataQualityHighCount: 100,

  // --- ranking and default view ---
  /** Rank by severity first, then impact ($, lbs x days); false ranks by impact alone (severity breaks ties). */
  rankSeverityFirst: true,
  /** The default alert view shows at most this many unacknowledged alerts (goal 6: <= 50 per planner per run). */
  defaultViewMaxAlerts: 50,

  // --- scenario comparison: differences at or below these are "unchanged" (float noise) ---
  compareToleranceLbs: 0.5,
  compareToleranceUsd: 1,
  compareToleranceDays: 0.01,
  compareToleranceUtilisationPct: 0.1,
};

export type AlertsPolicy = typeof alertsPolicyDefaults;
