// Applies a scenario's overrides to a snapshot's PlanningData, in order. Pure: the input is never mutated; only the
// arrays an override changes are copied (the rest is shared). An override that names something absent becomes a
// warning and changes nothing. Overrides the data has no field for (downtime, pins, drafts, rates, forecast
// multipliers, policy) come back as `extras` for the plan run to hand to the engines.
import { mondayOf } from '../../../shared/dates';
import type { Override, OverrideOf, PolicyValue } from '../../../shared/scenario';
import type { KnitOrder, PlanningData } from '../../../shared/domain/entities';
import { demandTargetExists, scaleDemand } from './demand';
import { checkPolicyChange, patchPolicy, scenarioPolicyTable, type PolicyTableLike } from './policyPatch';
import { applyPoReceipt } from './receipts';
import type { ApplyWarning, ScenarioExtras, ScenarioRateOverride } from './types';

export interface ApplyContext {
  /** Ids of the planner's existing PO drafts; when given, removing an unknown draft is a warning. */
  draftIds?: readonly string[];
  /** Policy table the policy changes are checked against (default: every area's defaults). */
  policy?: PolicyTableLike;
}

export interface ApplyResult {
  data: PlanningData;
  extras: ScenarioExtras;
  warnings: ApplyWarning[];
}

interface State {
  data: PlanningData;
  extras: ScenarioExtras;
  /** KO -> id of the last override that pinned its machine / start. */
  pinMachine: Map<string, string>;
  pinStart: Map<string, string>;
  rates: Map<string, ScenarioRateOverride>;
  warn(message: string): void;
}

function applyKnitOrder(s: State, o: OverrideOf<'knitOrder'>): void {
  const { data } = s;
  if (!data.knitOrders.some((k) => k.koNumber === o.koNumber)) {
    s.warn(`knit order ${o.koNumber} is not in the snapshot`);
    return;
  }
  let machine = o.machine;
  if (machine !== undefined && !data.machines.some((m) => m.machineId === machine)) {
    s.warn(`machine ${machine} is not in the machine list; KO ${o.koNumber} keeps its machine`);
    machine = undefined;
  }
  const patch: Partial<KnitOrder> = {};
  if (o.balanceLbs !== undefined) {
    patch.balanceLbs = o.balanceLbs;
    patch.liveBalanceLbs = o.balanceLbs;
  }
  if (o.startDate) patch.startDate = o.startDate;
  if (machine !== undefined) patch.machine = machine;
  if (Object.keys(patch).length > 0) {
    const edit = (list: KnitOrder[]): KnitOrder[] => list.map((k) => (k.koNumber === o.koNumber ? { ...k, ...patch } : k));
    s.data = {
      ...data,
      knitOrders: edit(data.knitOrders),
      knitOrdersApi: data.knitOrdersApi.some((k) => k.koNumber === o.koNumber) ? edit(data.knitOrdersApi) : data.knitOrdersApi,
    };
  }
  if (o.pinMachine) s.pinMachine.set(o.koNumber, o.id);
  if (o.pinStart) s.pinStart.set(o.koNumber, o.id);
}

/** A prospective knit order, open for its whole quantity from its start date, on no machine. */
function addKnitOrder(s: State, o: OverrideOf<'knitOrderAdd'>): void {
  const { data } = s;
  const known =
    data.bomLines.some((b) => b.style === o.style) ||
    data.knitOrders.some((k) => k.style === o.style) ||
    data.greigeStyles.some((g) => g.style === o.style);
  if (!known) {
    s.warn(`style ${o.style} has no BOM, knit order or style record in the snapshot`);
    return;
  }
  const order: KnitOrder = {
    koNumber: `NEW-${o.id}`,
    source: data.knitOrders[0]?.source ?? 'export',
    style: o.style,
    styleRaw: o.style,
    hasWarning: false,
    warningText: null,
    startDate: o.startDate,
    quotedDate: null,
    requestedDate: null,
    orderedLbs: o.lbs,
    g00Lbs: 0,
    shippedLbs: 0,
    secondsLbs: 0,
    balanceLbs: o.lbs,
    liveBalanceLbs: o.lbs,
    machine: null,
    bki: null,
    poNumber: null,
    modifiedAt: null,
    createdAt: null,
    status: null,
    scheduleStatus: null,
    receivedLbs: null,
    unitCostYarnPerLb: null,
    knitPricePerLb: null,
  };
  s.data = { ...data, knitOrders: [...data.knitOrders, order] };
}

function applyKnitRate(s: State, o: OverrideOf<'knitRate'>): void {
  const known =
    s.data.knitRates.some((r) => r.style === o.style) ||
    s.data.knitOrders.some((k) => k.style === o.style) ||
    s.data.greigeStyles.some((g) => g.style === o.style);
  if (!known) {
    s.warn(`style ${o.style} has no rate, knit order or style record in the snapshot`);
    return;
  }
  const prev = s.rates.get(o.style) ?? { style: o.style, lbsPerDay: null, multiplier: 1 };
  s.rates.set(
    o.style,
    o.lbsPerDay !== undefined ? { style: o.style, lbsPerDay: o.lbsPerDay, multiplier: 1 } : { ...prev, multiplier: prev.multiplier * o.multiplier! },
  );
}

function applyOne(s: State, o: Override, context: ApplyContext): void {
  switch (o.kind) {
    case 'knitOrder':
      return applyKnitOrder(s, o);
    case 'knitOrderAdd':
      return addKnitOrder(s, o);
    case 'poReceipt': {
      const r = applyPoReceipt(s.data, o);
      s.data = r.data;
      r.warnings.forEach((w) => s.warn(w));
      return;
    }
    case 'poDraftAdd':
      if (!s.data.yarns.some((y) => y.yarnId === o.yarnId) && !s.data.yarnMasterOnly.some((y) => y.yarnId === o.yarnId)) {
        s.warn(`yarn ${o.yarnId} is not in the snapshot`);
        return;
      }
      s.extras.poDrafts.added.push({
        draftId: `scenario:${o.id}`,
        yarnId: o.yarnId,
        supplier: o.supplier,
        qtyLbs: o.qtyLbs,
        receiptWeek: mondayOf(o.receiptWeek),
      });
      return;
    case 'poDraftRemove':
      if (context.draftIds && !context.draftIds.includes(o.draftId)) {
        s.warn(`PO draft ${o.draftId} does not exist`);
        return;
      }
      s.extras.poDrafts.removedDraftIds.push(o.draftId);
      return;
    case 'machineDowntime':
      if (!s.data.machines.some((m) => m.machineId === o.machineId)) {
        s.warn(`machine ${o.machineId} is not in the machine list`);
        return;
      }
      s.extras.downtime.push({ machineId: o.machineId, from: o.from, to: o.to });
      return;
    case 'knitRate':
      return applyKnitRate(s, o);
    case 'demandMultiplier':
      if (!demandTargetExists(s.data, o.target)) {
        s.warn(
          `no orders or sales history for ${o.target.by === 'style' ? `style ${o.target.style}` : o.target.by === 'customer' ? `customer ${o.target.customer}` : o.target.layer}`,
        );
        return;
      }
      s.data = scaleDemand(s.data, o.target, o.multiplier);
      s.extras.demandMultipliers.push({ target: o.target, multiplier: o.multiplier });
      return;
    case 'policy': {
      const problem = checkPolicyChange(patchPolicy(context.policy ?? scenarioPolicyTable, s.extras.policyPatches), o.area, o.key, o.value);
      if (problem) {
        s.warn(problem);
        return;
      }
      const area: Record<string, PolicyValue> = (s.extras.policyPatches[o.area] ??= {});
      area[o.key] = o.value;
      return;
    }
  }
}

export function applyOverrides(data: PlanningData, overrides: readonly Override[], context: ApplyContext = {}): ApplyResult {
  const warnings: ApplyWarning[] = [];
  let current: Override = overrides[0];
  const s: State = {
    data,
    extras: { downtime: [], pins: [], poDrafts: { added: [], removedDraftIds: [] }, demandMultipliers: [], policyPatches: {}, rateOverrides: [] },
    pinMachine: new Map(),
    pinStart: new Map(),
    rates: new Map(),
    warn: (message) => warnings.push({ overrideId: current.id, kind: current.kind, message }),
  };
  for (const o of overrides) {
    current = o;
    applyOne(s, o, context);
  }

  // Pins hold the order's final machine / start date, whichever override set them.
  for (const k of s.data.knitOrders) {
    const byMachine = s.pinMachine.get(k.koNumber);
    const byStart = s.pinStart.get(k.koNumber);
    if (!byMachine && !byStart) continue;
    if (byMachine && !k.machine) warnings.push({ overrideId: byMachine, kind: 'knitOrder', message: `KO ${k.koNumber} has no machine to pin to` });
    if (byStart && !k.startDate) warnings.push({ overrideId: byStart, kind: 'knitOrder', message: `KO ${k.koNumber} has no start date to pin` });
    const pin = {
      koNumber: k.koNumber,
      ...(byMachine && k.machine ? { machine: k.machine } : {}),
      ...(byStart && k.startDate ? { startDate: k.startDate } : {}),
    };
    if (pin.machine || pin.startDate) s.extras.pins.push(pin);
  }
  s.extras.rateOverrides = [...s.rates.values()];
  return { data: s.data, extras: s.extras, warnings };
}

/** A style's rate in the scenario given the rate the engine resolved for it (null = none known). */
export function scenarioRate(style: string, resolvedLbsPerDay: number | null, rateOverrides: readonly ScenarioRateOverride[]): number | null {
  const o = rateOverrides.find((r) => r.style === style);
  if (!o) return resolvedLbsPerDay;
  const base = o.lbsPerDay ?? resolvedLbsPerDay;
  return base === null ? null : base * o.multiplier;
}
