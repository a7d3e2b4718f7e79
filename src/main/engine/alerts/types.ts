// Inputs of the alert engine: a plain digest of one plan run that the plan-run service maps its results onto.
// One row per yarn / order / work-center week; rows repeated for the same subject are merged (one alert each).
import type { IsoDate } from '../../../shared/dates';
import type { AlertsPolicy } from '../../../shared/policy/alerts';
import type { CapacityPolicy } from '../../../shared/policy/capacity';
import type { YarnPolicy } from '../../../shared/policy/yarn';
import type { Alert, AlertSeverity } from '../../../shared/scenario';

export interface AlertYarnInput {
  yarnId: string;
  description: string;
  /** Monday of the first week with a negative projected balance; null = no projected week short. */
  firstShortWeek: IsoDate | null;
  /** Lbs short over the horizon (what it takes to clear the shortage). */
  shortLbs: number;
  /** Deepest projected deficit (positive lbs). */
  maxDeficitLbs: number;
  /** Monday of the first week back above zero; null = not within the horizon. */
  recoveryWeek: IsoDate | null;
  costPerLb: number | null;
  /** The ERP's planning balance. */
  planningBalanceLbs: number;
  /** The planner's accepted PO drafts for the yarn (lbs), counted with the planning balance as the yarn position does. */
  draftLbs: number;
}

export interface AlertWorkCenterWeekInput {
  workCenter: string;
  /** Monday of the ISO week. */
  week: IsoDate;
  utilisationPct: number;
  /** When both are known the alert states the lbs that do not fit. */
  loadLbs?: number;
  capacityLbs?: number;
}

export interface AlertLateOrderInput {
  koNumber: string;
  style: string;
  machine: string | null;
  latenessDays: number;
  balanceLbs: number;
  /** Why it is late (the scheduler's explanation). */
  reason: string;
  quotedDate?: IsoDate | null;
  /** Value of the late lbs when known (e.g. balance x price per lb). */
  valueUsd?: number;
}

export interface AlertForecastInput {
  /** Series key, e.g. a style; also the forecast page's parameter. */
  series: string;
  unit: string;
  /** Recent weeks with their actuals and the forecast made for them (any order; the latest N are used). */
  weeks: { week: IsoDate; actual: number; forecast: number }[];
}

export interface AlertImportWarningInput {
  kind: string;
  count: number;
  message: string;
}

export interface AlertInput {
  asOf: IsoDate;
  /** First day after the planning calendar's weeks (a shortage that never recovers counts up to it). */
  horizonEnd: IsoDate;
  yarns: AlertYarnInput[];
  workCenterWeeks: AlertWorkCenterWeekInput[];
  lateOrders: AlertLateOrderInput[];
  forecastDeviation: AlertForecastInput[];
  importWarnings: AlertImportWarningInput[];
}

/** The policy areas alerts read (a PolicyTable with an `alerts` section fits). */
export interface AlertPolicies {
  alerts: AlertsPolicy;
  yarn: YarnPolicy;
  capacity: Pick<CapacityPolicy, 'overloadUtilisationPct'>;
}

export interface AlertState {
  /** Keys the planner acknowledged (alert_ack). */
  acknowledgedKeys?: Iterable<string>;
  /** Keys of the previous run's alerts; absent = none (every alert is new). */
  previousKeys?: Iterable<string>;
}

/** An alert before acknowledgement and novelty are known. */
export type AlertDraft = Omit<Alert, 'acknowledged' | 'isNew'>;

export interface AlertsResult {
  /** Every alert, ranked. */
  alerts: Alert[];
  counts: Record<AlertSeverity, number>;
  /** New, unacknowledged critical alerts: what the desktop notification announces. */
  newCriticalKeys: string[];
}
