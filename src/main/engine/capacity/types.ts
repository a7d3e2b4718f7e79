// Inputs and outputs of the capacity engine (machine load and finite knit scheduling). The orders, machines and
// styles are the domain's entities (fields picked); the rates and yarn shortages come from the yarn plan.
import type { IsoDate } from '../../../shared/dates';
import type { GreigeStyle, KnitOrder as DomainKnitOrder, Machine as DomainMachine } from '../../../shared/domain/entities';
import type { PlanningCalendar } from '../calendar';

/** A knitting machine and its work center code `C.DD.NN.T` from the Machine Report (null when blank). */
export type Machine = Pick<DomainMachine, 'machineId'> & Partial<Pick<DomainMachine, 'workCenter'>>;

/** A greige style and its QuadS work center. */
export type GreigeStyleSpec = Pick<GreigeStyle, 'style'> & Partial<Pick<GreigeStyle, 'workCenter'>>;

/**
 * An open knit order to load and schedule (`style` is greige `base/version`; `machine` the one the ERP has it on),
 * with the planner's pins and its priority. A date or machine left out is unknown, as null is.
 */
export type KnitOrder = Pick<DomainKnitOrder, 'koNumber' | 'style' | 'balanceLbs'> &
  Partial<Pick<DomainKnitOrder, 'startDate' | 'quotedDate' | 'machine'>> & {
    /** Planner pin: the order must run on this machine. */
    pinnedMachine?: string;
    /** Planner pin: the order starts on this date (or the next working moment). */
    pinnedStart?: IsoDate;
    /** 1 = most urgent; absent = policy default. */
    priority?: number;
  };

export interface RateInfo {
  rateLbsPerDay: number;
  /** Where the rate comes from, e.g. "Production Lbs", "ERP report", "base median". */
  source: string;
}

/** Knitting rate per greige style (depends on the style, not on the machine). */
export type RateLookup = ReadonlyMap<string, RateInfo>;

/** The plant calendar the engine knits on: the planning calendar's working week, holidays and machine downtime. */
export type PlantCalendar = Pick<PlanningCalendar, 'workDaysPerWeek' | 'holidays' | 'downtime'>;

export interface OrderYarn {
  yarnId: string;
  /** Monday of the first ISO week in which the yarn's projected balance is negative; absent = covered. */
  firstShortWeek?: IsoDate;
}

/** Yarns of each knit order with their shortage dates (from the yarn plan). */
export type YarnShortageLookup = ReadonlyMap<string, OrderYarn[]>;

export interface CapacityInput {
  /** The plan run's calendar: the as-of date, the load's weeks and the plant calendar. */
  calendar: PlanningCalendar;
  machines: Machine[];
  styles: GreigeStyleSpec[];
  /** Open knit orders. */
  orders: KnitOrder[];
  rates: RateLookup;
  /** Optional material check. */
  yarns?: YarnShortageLookup;
}

export type WorkCenterMatch = 'exact' | 'relaxed' | 'mismatch' | 'unknown';

// ---------- schedule ----------

export type AssignmentKind = 'kept' | 'pinned' | 'assigned';

export type YarnStatus = 'ok' | 'short' | 'short-during';

export interface ScheduledYarn {
  yarnId: string;
  firstShortWeek?: IsoDate;
  /** `short`: short by the week the order starts; `short-during`: goes short before it finishes. */
  status: YarnStatus;
}

export interface OrderAhead {
  orderNo: string;
  style: string;
  balanceLbs: number;
  days: number;
  plannedStart: IsoDate;
  plannedFinish: IsoDate;
}

export interface LateExplanation {
  machineId: string;
  workCenter: string;
  /** Working days the order needs. */
  knitDays: number;
  /** Orders sequenced before it on the machine that still occupy it after the order could start. */
  ahead: OrderAhead[];
  /** Holidays and downtime days (on otherwise working weekdays) between earliest start and finish. */
  holidayDays: number;
  downtimeDays: number;
  /** The quoted date was already past at the as-of date. */
  alreadyLate: boolean;
  /** Even on an idle machine from its earliest start it would finish after the quoted date. */
  lateEvenIfIdle: boolean;
  shortYarns: ScheduledYarn[];
  message: string;
}

export interface ScheduledOrder {
  orderNo: string;
  style: string;
  balanceLbs: number;
  priority: number;
  machineId: string;
  /** The machine's work center. */
  workCenter: string;
  /** The style's QuadS work center. */
  styleWorkCenter: string;
  wcMatch: WorkCenterMatch;
  assignment: AssignmentKind;
  /** Machine the ERP had, when the scheduler moved or assigned it elsewhere. */
  previousMachine?: string;
  rateLbsPerDay: number;
  rateSource: string;
  knitDays: number;
  earliestStart: IsoDate;
  plannedStart: IsoDate;
  plannedFinish: IsoDate;
  /** Start and end on a continuous day axis (day number + fraction of the day), for charts. */
  startDay: number;
  endDay: number;
  quotedDate?: IsoDate;
  /** Calendar days from the quoted date to the planned finish (> 0 late); null without a quoted date. */
  latenessDays: number | null;
  late: boolean;
  alreadyLate: boolean;
  materialShort: boolean;
  yarns: ScheduledYarn[];
  notes: string[];
  explanation?: LateExplanation;
}

export type UnschedulableReason = 'no-balance' | 'no-rate' | 'no-work-center' | 'no-compatible-machine' | 'no-working-time';

export interface UnschedulableOrder {
  orderNo: string;
  style: string;
  balanceLbs: number;
  machine?: string;
  quotedDate?: IsoDate;
  reason: UnschedulableReason;
  message: string;
}

export interface MachineSchedule {
  machineId: string;
  workCenter: string;
  /** Orders in knitting sequence. */
  orderNos: string[];
  knitDays: number;
  lastFinish: IsoDate | null;
}

export interface ScheduleOptions {
  /** Let the scheduler move orders off the machine the ERP has them on (pins always stay). */
  allowMoves?: boolean;
}

export interface ScheduleResult {
  asOf: IsoDate;
  /** In order of planned start, then machine. */
  orders: ScheduledOrder[];
  unschedulable: UnschedulableOrder[];
  machines: MachineSchedule[];
}

// ---------- load ----------

export interface WeekLoad {
  /** ISO week label `2025-W36`. */
  week: string;
  weekStart: IsoDate;
  daysAvailable: number;
  daysRequired: number;
  /** null when nothing is available but something is required (or both are 0). */
  utilisationPct: number | null;
  overloaded: boolean;
}

export interface MachineLoad {
  machineId: string;
  workCenter: string;
  orderNos: string[];
  /** Σ balance / rate of its orders (the whole backlog, horizon and later). */
  daysRequired: number;
  daysAvailable: number;
  /** Required days falling inside the horizon. */
  daysRequiredInHorizon: number;
  laterDays: number;
  utilisationPct: number | null;
  overloadedWeeks: number;
  weeks: WeekLoad[];
}

export interface WorkCenterWeekLoad extends WeekLoad {
  /** Days of unassigned orders for this work center in the week (not in daysRequired). */
  daysUnassigned: number;
  utilisationWithUnassignedPct: number | null;
}

export interface WorkCenterLoad {
  workCenter: string;
  machineIds: string[];
  daysAvailable: number;
  /** Days of orders on its machines within the horizon. */
  daysAssigned: number;
  /** Days of unassigned orders whose style belongs here, within the horizon. */
  daysUnassigned: number;
  laterDays: number;
  utilisationPct: number | null;
  utilisationWithUnassignedPct: number | null;
  overloadedWeeks: number;
  /** Σ over weeks of (assigned + unassigned − available × overload threshold), where positive. */
  overloadDays: number;
  peakWeek: string | null;
  peakUtilisationPct: number | null;
  weeks: WorkCenterWeekLoad[];
}

export interface Bottleneck {
  rank: number;
  workCenter: string;
  machines: number;
  utilisationPct: number | null;
  overloadedWeeks: number;
  overloadDays: number;
  peakWeek: string | null;
  peakUtilisationPct: number | null;
  reason: string;
}

export interface CandidateMachine {
  machineId: string;
  workCenter: string;
  match: 'exact' | 'relaxed';
  /** Days already required on the machine. */
  daysRequired: number;
}

export interface UnassignedOrder {
  orderNo: string;
  style: string;
  balanceLbs: number;
  knitDays: number | null;
  workCenter: string;
  /** Least loaded first. */
  candidates: CandidateMachine[];
  candidateWorkCenters: string[];
  note?: string;
}

export interface UnratedOrder {
  orderNo: string;
  style: string;
  balanceLbs: number;
  machine?: string;
}

export interface LoadResult {
  asOf: IsoDate;
  weekStarts: IsoDate[];
  machines: MachineLoad[];
  workCenters: WorkCenterLoad[];
  bottlenecks: Bottleneck[];
  unassigned: UnassignedOrder[];
  /** Orders without a knitting rate: their days are unknown and not in any load. */
  unrated: UnratedOrder[];
}
