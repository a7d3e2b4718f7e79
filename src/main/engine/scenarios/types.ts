// Results of applying a scenario's overrides to a snapshot's PlanningData. Plain, JSON-serialisable data.
import type { IsoDate } from '../../../shared/dates';
import type { DowntimeWindow } from '../../../shared/domain/plantCalendar';
import type { DemandTarget, OverrideKind, PolicyValue } from '../../../shared/scenario';

/** A machine out of service: a downtime window of the plant calendar. */
export type ScenarioDowntime = DowntimeWindow;

/** A knit order the planner pinned: maps onto the capacity engine's pinnedMachine / pinnedStart. */
export interface ScenarioPin {
  koNumber: string;
  machine?: string;
  startDate?: IsoDate;
}

/** A purchase the scenario adds; counts as an accepted PO draft (scheduled receipt) in the plan run. */
export interface ScenarioPoDraft {
  draftId: string;
  yarnId: string;
  supplier: string | null;
  qtyLbs: number;
  /** Monday of the receipt week. */
  receiptWeek: IsoDate;
}

/** A style's knitting rate in the scenario: (lbsPerDay ?? the rate the engine resolves) x multiplier. */
export interface ScenarioRateOverride {
  style: string;
  lbsPerDay: number | null;
  multiplier: number;
}

export interface ScenarioDemandMultiplier {
  target: DemandTarget;
  multiplier: number;
}

export interface ScenarioExtras {
  downtime: ScenarioDowntime[];
  pins: ScenarioPin[];
  poDrafts: { added: ScenarioPoDraft[]; removedDraftIds: string[] };
  /**
   * Every valid demand multiplier, in order. Knit-order and sales-order quantities are already scaled in `data`;
   * the forecast step applies the ones that reach the forecast (see `forecastMultiplier`).
   */
  demandMultipliers: ScenarioDemandMultiplier[];
  /** area -> key -> value, checked against the policy table (see `patchPolicy`). */
  policyPatches: Record<string, Record<string, PolicyValue>>;
  /** One entry per style, overrides combined in order (see `scenarioRate`). */
  rateOverrides: ScenarioRateOverride[];
}

export interface ApplyWarning {
  overrideId: string;
  kind: OverrideKind;
  message: string;
}
