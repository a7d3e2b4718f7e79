// Demand forecasting policy. Every threshold and model setting the forecast engine uses lives here.
// Defaults follow research/erp-exports-profile.md §6 (fair backtest) and anchors.md §3 (model choice).

export const forecastPolicyDefaults = {
  // --- series building ---
  /** Robust z-score (0.6745 x |y - median| / MAD of the non-zero weeks around it) above which a week is an outlier. */
  outlierRobustZ: 3.5,
  /** Weeks with fewer non-zero weeks than this in their window are not screened for outliers (median/MAD meaningless). */
  outlierMinNonZeroWeeks: 5,
  /** A week is compared with the weeks with demand up to this many weeks either side (a quarter: local level). */
  outlierWindowWeeks: 13,

  // --- classification ---
  /** Syntetos–Boylan cut-off on the average inter-demand interval (weeks). */
  adiCutoff: 1.32,
  /** Syntetos–Boylan cut-off on the squared coefficient of variation of non-zero demand sizes. */
  cv2Cutoff: 0.49,
  /** Fewer weeks than this since the first sale: too short to forecast, demand comes from open orders only. */
  minNonLeadingWeeks: 12,
  /** Fewer weeks with sales than this: too short to forecast (profile §6: only 20 of 109 styles reach 12). */
  minNonZeroWeeks: 12,

  // --- models ---
  /**
   * Models selection may choose for a series whose training weeks classify as smooth or erratic. The baselines
   * (naive, MA-4, MA-8, historical mean) are reported next to the selection, not chosen: SES spans them (alpha 1 is
   * naive, a small alpha a long average) and `clippedMean` is the mean an outlier cannot pull up.
   */
  candidatesSmooth: ['clippedMean', 'ses', 'holtDamped', 'theta', 'seasonalNaive', 'holtWinters'] as string[],
  /** ...and for intermittent or lumpy ones (anchors §3.3: Croston is biased, SBA/TSB/ADIDA correct it). */
  candidatesIntermittent: ['clippedMean', 'croston', 'sba', 'tsb', 'adida'] as string[],
  /**
   * Members of the equal-weight combination `comb`, the default forecast (M3/M4: a simple average of a few robust
   * methods beats most single methods): the long-run level, SES, SBA and damped trend for frequent demand (SBA on
   * weeks that all have demand is SES shrunk by 1 - alpha/2: a level leaning low, which absolute errors reward on
   * right-skewed weekly sales; Theta, the fourth member until issue 17, was the least accurate member on the real
   * history, TOTAL WAPE 0.30 vs 0.27)...
   */
  combinationSmooth: ['clippedMean', 'ses', 'sba', 'holtDamped'] as string[],
  /** ...and the long-run level, SBA, TSB and ADIDA for intermittent demand (Petropoulos & Kourentzes 2015). */
  combinationIntermittent: ['clippedMean', 'sba', 'tsb', 'adida'] as string[],
  /**
   * Candidates are fitted on their training weeks with outliers winsorised (outlierRobustZ), so one huge order
   * does not steer a forecast for months; the baselines always see the weeks as invoiced.
   */
  robustFitting: true,
  /** Season length in weeks (yearly cycle). Seasonal models need 2 full seasons. */
  seasonPeriodWeeks: 52,
  /** Weeks averaged for the initial level of SES / Holt (heuristic initialisation). */
  initWindowWeeks: 4,
  /** Bounds of the level smoothing weight alpha (SES, Holt, Holt–Winters, ADIDA). */
  alphaMin: 0.01,
  alphaMax: 0.99,
  /** Trend weight beta is searched as a fraction of alpha (beta <= alpha keeps the trend calmer than the level). */
  betaMin: 0.01,
  /** Damping factor bounds for Holt's damped trend (Hyndman's recommended range). */
  phiMin: 0.8,
  phiMax: 0.98,
  /** Damping used by Holt–Winters (fixed: three weights are enough to fit from two seasons). */
  holtWintersPhi: 0.98,
  /** Bounds of the seasonal weight gamma (further capped at 1 - alpha). */
  gammaMin: 0.01,
  gammaMax: 0.5,
  /** Bounds of Croston/SBA smoothing and of TSB's size and probability weights (intermittent demand). */
  intermittentAlphaMin: 0.05,
  intermittentAlphaMax: 0.5,
  /** Grid points per parameter before the local search (golden section / Nelder–Mead). */
  optimiserGridPoints: 7,
  /** Iteration cap and tolerance of the local search. */
  optimiserMaxIterations: 80,
  optimiserTolerance: 1e-4,

  // --- backtest ---
  /** First reported origin: weeks of history before the first forecast week (profile §6: 12). */
  backtestFirstOrigin: 12,
  /** Horizons produced at each origin (1..n weeks). */
  backtestMaxHorizon: 9,
  /**
   * Smoothing weights are re-estimated at an origin once the training weeks grew by this fraction since the last
   * estimate; in between the last weights are kept and only the states see the new weeks (what statsforecast calls
   * `refit`). The weights always come from an earlier, shorter history, so nothing peeks. 0 = refit every origin.
   */
  backtestRefitGrowth: 0.1,
  /** Horizons summarised in the accuracy tables (profile §6: h 1–4). */
  metricsMaxHorizon: 4,
  /** Summaries use only origins where every horizon up to metricsMaxHorizon has an actual (11 origins x 4 on 26 weeks). */
  metricsCompleteWindowsOnly: true,

  // --- selection (never peeks: at an origin only errors whose target week is before it count) ---
  /** Earliest inner origin whose forecasts are used to score models for selection. */
  selectionFirstOrigin: 6,
  /** Horizons whose errors score a model for selection (all backtest horizons: forecasts are used far beyond h 4). */
  selectionMaxHorizon: 9,
  /** Only origins within this many weeks before the decision count (recent behaviour matters most). */
  selectionLookbackWeeks: 52,
  /** A candidate scored on fewer origins than this cannot replace the benchmark (too little evidence). */
  selectionMinOrigins: 10,
  /**
   * Benchmark of smooth/erratic series: the forecast until a candidate shows value added over it (forecast value
   * added: a step is only worth taking when it beats the simple method). `comb`, the equal-weight combination of
   * the class (M4: the combination is the hard-to-beat default; a single model chosen on 10-20 validation origins
   * lost to it on the real history: styles 0.6455 vs 0.6404 when any significant gain could replace it).
   */
  benchmarkSmooth: 'comb',
  /** Benchmark of intermittent/lumpy series: the intermittent combination (SBA, TSB, ADIDA and the level). */
  benchmarkIntermittent: 'comb',
  /**
   * A candidate must beat the benchmark's error by this fraction to replace it (forecast value added): on a short
   * history a small, noisy gain over the combination is more often luck than skill.
   */
  selectionMinGain: 0.1,
  /** ...and significantly: mean paired |error| difference / its standard error <= -z (0 = any improvement). */
  selectionSignificanceZ: 1.96,
  /** The skill-weighted combination `skill` combines the best k models by validation error... */
  skillCombinationSize: 3,
  /**
   * ...with inverse-error weights shrunk towards equal weights (Stock & Watson 2004): the share of the
   * inverse-error weights is max(0, 1 - kappa x k / (origins - k)), so few validation origins mean equal weights.
   */
  skillShrinkageKappa: 1,

  // --- forecast ---
  /** Longest forecast horizon in weeks. */
  maxHorizonWeeks: 26,
  /** Backtest rows stored per snapshot beyond the company total's (memory and database size); accuracy uses all. */
  maxStoredBacktestRows: 400_000,
  /** Fewer backtest errors than this at a horizon: neighbouring horizons are pooled for the interval. */
  intervalMinErrors: 10,

  // --- forecast consumption by open sales orders ---
  /** An order may consume forecast up to this many weeks before its due week (searched first)... */
  consumptionBackwardWeeks: 2,
  /** ...then up to this many weeks after it. */
  consumptionForwardWeeks: 2,
};

export type ForecastPolicy = typeof forecastPolicyDefaults;
