// The one schema of the policy table: a range for every key and the rules between keys. Settings, the CLI's
// --policy file, scenario policy changes and every plan run check values against it, so a value the engines cannot
// plan with (a horizon of 1,000,000 weeks) is refused with a message naming the key instead of being saved.
import { z } from 'zod';
import type { AlertsPolicy } from './alerts';
import type { CalendarPolicy } from './calendar';
import type { CapacityPolicy } from './capacity';
import type { ForecastPolicy } from './forecast';
import type { PurchasingPolicy } from './purchasing';
import type { YarnPolicy } from './yarn';
import type { ReportsPolicy } from './reports';

const between = (min: number, max: number) => z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const whole = (min: number, max: number) => between(min, max).int('must be a whole number');
const above = (min: number, max: number) => z.number().gt(min, `must be more than ${min}`).max(max, `must be at most ${max}`);
const fraction = between(0, 1);
const openFraction = z.number().gt(0, 'must be more than 0').lt(1, 'must be less than 1');
const lbs = between(-1e9, 1e9);
const pct = between(0, 1000);
/** A planning horizon: three years of weeks is far beyond any plan, and keeps a run's memory bounded. */
const horizonWeeks = whole(1, 156);
const modelName = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be a model name like sba or ma4');
const modelList = z.array(modelName).min(1, 'must name at least one model').max(20, 'must name at most 20 models');

/** Each area lists every key of its defaults (a key without a range does not compile). */
const calendarShape = {
  horizonWeeks,
  workDaysPerWeek: whole(1, 7),
} satisfies Record<keyof CalendarPolicy, z.ZodType>;

const yarnShape = {
  criticalBelowLbs: lbs,
  highBelowLbs: lbs,
  mediumBelowLbs: lbs,
  knitDaysPerWeek: whole(1, 7),
  halfDayUnitsByIsoWeekday: z
    .array(whole(0, 2))
    .length(7, 'must give 7 days, Monday first')
    .refine((units) => units.some((u) => u > 0), 'must have knitting on at least one day'),
  erpNumberedWeeks: whole(1, 52),
  bomSumTolerance: between(0, 0.5),
  minOpenBalanceLbs: between(0, 1e6),
  usageAverageWeeks: whole(1, 52),
  allocatedSpreadWeeks: whole(1, 52),
  shortageBelowLbs: lbs,
  pastDueReceiptsInChain: z.boolean(),
  rateBaseMedianFallback: z.boolean(),
  learnRateFromFirstWeek: z.boolean(),
  soNettingStages: z
    .array(z.enum(['F01', 'I01', 'G02', 'G00']))
    .max(4)
    .refine((stages) => new Set(stages).size === stages.length, 'must not name a stage twice'),
  soKnitLeadDays: whole(0, 365),
  inventoryIdentityToleranceLbs: between(0, 1e6),
} satisfies Record<keyof YarnPolicy, z.ZodType>;

const purchasingShape = {
  receiptWeekday: whole(1, 7),
  countPastDueReceipts: z.boolean(),
  supplierLeadTimeUnit: z.enum(['days', 'weeks']),
  defaultLeadTimeDays: whole(0, 730),
  defaultMoqLbs: between(0, 1e7),
  defaultOrderMultipleLbs: above(0, 1e6),
  suggestWithoutSupplier: z.boolean(),
  suggestForRetiredSupplier: z.boolean(),
  skipLateOrdersRecoveredByReceipts: z.boolean(),
  lotSizing: z.enum(['lotForLot', 'fixedPeriod', 'eoq']),
  fixedPeriodWeeks: whole(1, 52),
  eoqOrderingCostUsd: between(0, 1e6),
  eoqHoldingRatePerYear: above(0, 10),
  weeksPerYear: whole(1, 53),
  safetyStock: z.enum(['none', 'weeksOfCover', 'serviceLevel']),
  safetyStockWeeksOfCover: between(0, 52),
  serviceLevel: between(0.5, 0.9999),
  supplierMatchMinScore: fraction,
  supplierMatchMinMargin: fraction,
  supplierAbbreviationMinChars: whole(1, 20),
  supplierPrefixCredit: fraction,
  draftQtyTolerancePct: fraction,
  draftDateWindowDaysBefore: whole(0, 365),
  draftDateWindowDaysAfter: whole(0, 365),
  substituteSizeTolerancePct: fraction,
  substituteBlendTolerancePts: between(0, 100),
  substitutePlyMismatchFactor: fraction,
  substituteProcessMismatchFactor: fraction,
  substituteMinScore: fraction,
  substituteMinFreeStockLbs: between(0, 1e9),
  substituteMaxCandidates: whole(0, 50),
  spunCountSystem: z.enum(['Ne', 'Nm']),
  epsilonLbs: between(0, 1),
} satisfies Record<keyof PurchasingPolicy, z.ZodType>;

const capacityShape = {
  relaxedMatch: z.enum(['off', 'type', 'diameter-cut']),
  defaultRateLbsPerDay: above(0, 1e6).nullable(),
  defaultPriority: whole(1, 99),
  inProgressFirst: z.boolean(),
  overloadUtilisationPct: pct,
  bottleneckUtilisationPct: pct,
  maxScheduleHorizonDays: whole(1, 3650),
  maxCandidateMachinesListed: whole(0, 50),
  maxOrdersAheadListed: whole(0, 100),
} satisfies Record<keyof CapacityPolicy, z.ZodType>;

const forecastShape = {
  outlierRobustZ: between(1, 20),
  outlierMinNonZeroWeeks: whole(1, 520),
  outlierWindowWeeks: whole(1, 104),
  adiCutoff: between(1, 10),
  cv2Cutoff: between(0, 10),
  minNonLeadingWeeks: whole(1, 520),
  minNonZeroWeeks: whole(1, 520),
  candidatesSmooth: modelList,
  candidatesIntermittent: modelList,
  combinationSmooth: modelList,
  combinationIntermittent: modelList,
  robustFitting: z.boolean(),
  seasonPeriodWeeks: whole(2, 104),
  initWindowWeeks: whole(1, 52),
  alphaMin: openFraction,
  alphaMax: openFraction,
  betaMin: openFraction,
  phiMin: openFraction,
  phiMax: openFraction,
  holtWintersPhi: openFraction,
  gammaMin: openFraction,
  gammaMax: openFraction,
  intermittentAlphaMin: openFraction,
  intermittentAlphaMax: openFraction,
  optimiserGridPoints: whole(2, 15),
  optimiserMaxIterations: whole(1, 1000),
  optimiserTolerance: above(0, 1),
  backtestFirstOrigin: whole(1, 520),
  backtestMaxHorizon: whole(1, 52),
  backtestRefitGrowth: between(0, 10),
  metricsMaxHorizon: whole(1, 52),
  metricsCompleteWindowsOnly: z.boolean(),
  selectionFirstOrigin: whole(1, 520),
  selectionMaxHorizon: whole(1, 52),
  selectionLookbackWeeks: whole(1, 520),
  selectionMinOrigins: whole(0, 520),
  benchmarkSmooth: modelName,
  benchmarkIntermittent: modelName,
  selectionMinGain: fraction,
  selectionSignificanceZ: between(0, 10),
  skillCombinationSize: whole(1, 20),
  skillShrinkageKappa: between(0, 10),
  maxHorizonWeeks: horizonWeeks,
  maxStoredBacktestRows: whole(0, 2_000_000),
  intervalMinErrors: whole(1, 10_000),
  consumptionBackwardWeeks: whole(0, 52),
  consumptionForwardWeeks: whole(0, 52),
} satisfies Record<keyof ForecastPolicy, z.ZodType>;

const alertsShape = {
  portfolioCriticalYarnsAbove: whole(0, 100_000),
  wcOverloadUtilisationPct: pct,
  forecastDeviationWeeks: whole(1, 52),
  forecastDeviationPct: between(0, 10_000),
  forecastDeviationHighPct: between(0, 10_000),
  forecastDeviationMinForecastQty: between(0, 1e9),
  lateOrderMinDays: whole(0, 365),
  lateOrderHighDays: whole(0, 365),
  lateOrderCriticalDays: whole(0, 365),
  dataQualityMinCount: whole(1, 1e6),
  dataQualityHighCount: whole(1, 1e6),
  rankSeverityFirst: z.boolean(),
  defaultViewMaxAlerts: whole(1, 10_000),
  compareToleranceLbs: between(0, 1e6),
  compareToleranceUsd: between(0, 1e6),
  compareToleranceDays: between(0, 365),
  compareToleranceUtilisationPct: between(0, 100),
} satisfies Record<keyof AlertsPolicy, z.ZodType>;

const reportsShape = {
  paperSize: z.enum(['Letter', 'A4']),
} satisfies Record<keyof ReportsPolicy, z.ZodType>;

const shapes: Record<string, Record<string, z.ZodType>> = {
  calendar: calendarShape,
  yarn: yarnShape,
  purchasing: purchasingShape,
  capacity: capacityShape,
  forecast: forecastShape,
  alerts: alertsShape,
  reports: reportsShape,
};

/** The pairs that must keep an order: [lower, higher, strictly?, why]. */
const ORDERED: [string, string, boolean, string][] = [
  ['yarn.criticalBelowLbs', 'yarn.highBelowLbs', true, 'the risk bands must read critical < high < medium'],
  ['yarn.highBelowLbs', 'yarn.mediumBelowLbs', true, 'the risk bands must read critical < high < medium'],
  ['capacity.bottleneckUtilisationPct', 'capacity.overloadUtilisationPct', false, 'a bottleneck starts at or below overload'],
  [
    'alerts.wcOverloadUtilisationPct',
    'capacity.overloadUtilisationPct',
    false,
    'the work-center alert starts at or below overload (above it the alert is critical)',
  ],
  ['alerts.forecastDeviationPct', 'alerts.forecastDeviationHighPct', true, 'a high deviation must be larger than a medium one'],
  ['alerts.lateOrderMinDays', 'alerts.lateOrderHighDays', false, 'late <= high < critical'],
  ['alerts.lateOrderHighDays', 'alerts.lateOrderCriticalDays', true, 'late <= high < critical'],
  ['alerts.dataQualityMinCount', 'alerts.dataQualityHighCount', true, 'a high data-quality count must be larger than the alert count'],
  ['forecast.alphaMin', 'forecast.alphaMax', false, 'a range needs min <= max'],
  ['forecast.phiMin', 'forecast.phiMax', false, 'a range needs min <= max'],
  ['forecast.gammaMin', 'forecast.gammaMax', false, 'a range needs min <= max'],
  ['forecast.intermittentAlphaMin', 'forecast.intermittentAlphaMax', false, 'a range needs min <= max'],
  ['forecast.metricsMaxHorizon', 'forecast.backtestMaxHorizon', false, 'accuracy can only use horizons the backtest produced'],
  ['forecast.selectionMaxHorizon', 'forecast.backtestMaxHorizon', false, 'selection can only use horizons the backtest produced'],
];

/** The policy table: every area and key with its range (unknown keys refused), then the rules between keys. */
export const policyTableSchema = z
  .strictObject({
    calendar: z.strictObject(calendarShape),
    yarn: z.strictObject(yarnShape),
    purchasing: z.strictObject(purchasingShape),
    capacity: z.strictObject(capacityShape),
    forecast: z.strictObject(forecastShape),
    alerts: z.strictObject(alertsShape),
    reports: z.strictObject(reportsShape),
  })
  .superRefine((table, ctx) => {
    const at = (key: string) => {
      const [area, name] = key.split('.');
      return (table as unknown as Record<string, Record<string, number>>)[area][name];
    };
    const valid = (key: string) => {
      const [area, name] = key.split('.');
      return shapes[area][name].safeParse(at(key)).success;
    };
    for (const [lower, higher, strict, why] of ORDERED) {
      // A value out of its own range is reported as such; the rule between the two is checked once both are valid.
      if (!valid(lower) || !valid(higher)) continue;
      const a = at(lower);
      const b = at(higher);
      if (strict ? a < b : a <= b) continue;
      ctx.addIssue({
        code: 'custom',
        path: higher.split('.'),
        params: { keys: [lower, higher] },
        message: `policy ${lower} (${a}) must be ${strict ? 'below' : 'at most'} ${higher} (${b}): ${why}`,
      });
    }
  });

/** One broken rule: the keys it concerns (`area.key`) and a sentence that names them. */
export interface PolicyProblem {
  keys: string[];
  message: string;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

function valueAt(table: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = table;
  for (const p of path) v = v !== null && typeof v === 'object' && Object.hasOwn(v, p) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function problemText(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).join(', ')}`;
  if (issue.code !== 'invalid_type') return issue.message;
  if (value === undefined) return 'is missing';
  if (typeof value === 'number' && (issue.expected === 'int' || issue.expected === 'number'))
    return Number.isFinite(value) ? 'must be a whole number' : 'must be a finite number';
  return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
}

/** A zod issue as a sentence naming the key (`policy calendar.horizonWeeks must be at most 156 (got 1000000)`). */
function toProblems(issue: z.core.$ZodIssue, input: unknown): PolicyProblem[] {
  const [area, key, ...inner] = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => {
      const name = [...issue.path.map(String), k].join('.');
      return { keys: [name], message: `unknown policy ${issue.path.length ? 'setting' : 'area'} ${name}` };
    });
  }
  if (issue.code === 'custom' && Array.isArray(issue.params?.keys)) return [{ keys: issue.params.keys as string[], message: issue.message }];
  if (key === undefined)
    return [
      {
        keys: [area ?? '(table)'],
        message: `policy area ${area ?? '(table)'} ${issue.code === 'invalid_type' ? 'is missing or not a table' : issue.message}`,
      },
    ];
  const value = valueAt(input, [area, key]);
  const where = inner.length ? `[${inner.join('.')}]` : '';
  const message = problemText(issue, valueAt(input, issue.path));
  return [{ keys: [`${area}.${key}`], message: `policy ${area}.${key}${where} ${message} (got ${show(value)})` }];
}

/** Every problem of a whole table (none for a valid one). */
export function policyProblems(table: unknown): PolicyProblem[] {
  const parsed = policyTableSchema.safeParse(table);
  if (parsed.success) return [];
  // One problem per key: the first is the telling one (zod may add e.g. a length check after a wrong type).
  const seen = new Set<string>();
  return parsed.error.issues
    .flatMap((i) => toProblems(i, table))
    .filter((p) => {
      const key = p.keys.join(' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Why this value cannot be `area.key` on its own (unknown or inherited key, wrong type, out of range), or null. */
export function checkPolicyValue(area: string, key: string, value: unknown): string | null {
  const shape = Object.hasOwn(shapes, area) ? shapes[area] : undefined;
  if (!shape || !Object.hasOwn(shape, key)) return `unknown policy setting ${area}.${key}`;
  const parsed = shape[key].safeParse(value);
  return parsed.success
    ? null
    : toProblems({ ...parsed.error.issues[0], path: [area, key, ...parsed.error.issues[0].path] }, { [area]: { [key]: value } })[0].message;
}
