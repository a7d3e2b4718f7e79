// Yarn position per yarn: the inventory balances, weekly usage, weeks of supply and the risk band of the policy
// ladder (reference-system-rules 2.1, 2.2). Weekly usage is the average phased demand over the next N weeks; when
// that is zero it falls back to |Allocated| / 8 (the old system's 8-week production cycle).
import type { YarnPolicy } from '../../../shared/policy/yarn';
import { compareIds } from './keys';
import type { RiskBand, Warning, YarnInventory, YarnPosition, YarnProjection } from './types';

export function riskBand(levelLbs: number, policy: YarnPolicy): RiskBand {
  if (levelLbs < policy.criticalBelowLbs) return 'CRITICAL';
  if (levelLbs < policy.highBelowLbs) return 'HIGH';
  if (levelLbs < policy.mediumBelowLbs) return 'MEDIUM';
  return 'LOW';
}

/**
 * A yarn's risk: the policy ladder on the worse of its planning balance plus the planner's accepted PO drafts and
 * its deepest projected deficit — a yarn that goes 8,000 lbs short in three weeks is critical even while its planning
 * balance is positive. The yarn position and the yarn alerts both take it from here.
 */
export function yarnRisk(
  y: { planningBalanceLbs: number; draftLbs: number; maxDeficitLbs: number },
  policy: YarnPolicy,
): { risk: RiskBand; riskBasis: YarnPosition['riskBasis']; levelLbs: number } {
  const planned = y.planningBalanceLbs + y.draftLbs;
  const levelLbs = Math.min(planned, -y.maxDeficitLbs);
  const riskBasis =
    y.maxDeficitLbs > 0 && -y.maxDeficitLbs < planned ? 'projected deficit' : y.draftLbs > 0 ? 'planning balance + PO drafts' : 'planning balance';
  return { risk: riskBand(levelLbs, policy), riskBasis, levelLbs };
}

/** Theoretical and Planning Balance identities of yarn_inventory (erp-exports-profile 2); mismatches are warned. */
export function inventoryIdentityWarnings(inventory: YarnInventory[], policy: YarnPolicy): Warning[] {
  const tol = policy.inventoryIdentityToleranceLbs;
  const out: Warning[] = [];
  for (const y of inventory) {
    const theoretical = y.beginningBalanceLbs + y.receivedLbs + y.consumedLbs + y.adjustmentsLbs;
    if (Math.abs(theoretical - y.theoreticalBalanceLbs) > tol)
      out.push({
        code: 'inventory-theoretical',
        message: `Theoretical Balance ${y.theoreticalBalanceLbs} != begin + received + consumed + adjustments = ${theoretical}`,
        yarnId: y.yarnId,
      });
    const planning = y.theoreticalBalanceLbs + y.onOrderLbs + y.allocatedLbs;
    if (Math.abs(planning - y.planningBalanceLbs) > tol)
      out.push({
        code: 'inventory-planning',
        message: `Planning Balance ${y.planningBalanceLbs} != theoretical + on order + allocated = ${planning}`,
        yarnId: y.yarnId,
      });
  }
  return out;
}

/**
 * Positions for every yarn in yarn_inventory plus every projected yarn missing from it. For a missing yarn the
 * position is derived: theoretical 0, allocated = -(total demand), on order = total receipts.
 */
export function yarnPositions(
  inventory: YarnInventory[],
  projections: YarnProjection[],
  policy: YarnPolicy,
  /** Lbs the planner has committed to buy (accepted PO drafts) but the ERP does not have on order yet. */
  draftLbsByYarn: ReadonlyMap<string, number> = new Map(),
): YarnPosition[] {
  const projectionByYarn = new Map(projections.map((p) => [p.yarnId, p]));
  const usageWeeks = Math.max(1, policy.usageAverageWeeks);

  const position = (
    yarnId: string,
    base: Pick<YarnPosition, 'description' | 'supplier' | 'theoreticalBalanceLbs' | 'allocatedLbs' | 'onOrderLbs' | 'planningBalanceLbs'>,
  ): YarnPosition => {
    const projection = projectionByYarn.get(yarnId);
    let usage = 0;
    if (projection) {
      const weeks = projection.demand.weeklyLbs.slice(0, usageWeeks);
      usage = weeks.length ? weeks.reduce((a, b) => a + b, 0) / weeks.length : 0;
    }
    let source: YarnPosition['weeklyUsageSource'] = 'phased-demand';
    if (!(usage > 0)) {
      usage = Math.abs(base.allocatedLbs) / policy.allocatedSpreadWeeks;
      source = usage > 0 ? 'allocated' : 'none';
    }
    const tb = base.theoreticalBalanceLbs;
    const draftLbs = draftLbsByYarn.get(yarnId) ?? 0;
    const { risk, riskBasis } = yarnRisk(
      { planningBalanceLbs: base.planningBalanceLbs, draftLbs, maxDeficitLbs: projection?.shortage?.maxDeficitLbs ?? 0 },
      policy,
    );
    return {
      yarnId,
      ...base,
      weeklyUsageLbs: usage,
      weeklyUsageSource: source,
      weeksOfSupply: usage > 0 ? (tb > 0 ? tb / usage : 0) : null,
      draftLbs,
      risk,
      riskBasis,
      shortageLbs: Math.max(0, -base.planningBalanceLbs),
    };
  };

  const out: YarnPosition[] = [];
  const seen = new Set<string>();
  for (const y of inventory) {
    const yarnId = y.yarnId.trim();
    seen.add(yarnId);
    out.push(
      position(yarnId, {
        description: y.description ?? '',
        supplier: y.supplier ?? '',
        theoreticalBalanceLbs: y.theoreticalBalanceLbs,
        allocatedLbs: y.allocatedLbs,
        onOrderLbs: y.onOrderLbs,
        planningBalanceLbs: y.planningBalanceLbs,
      }),
    );
  }
  for (const p of projections) {
    if (seen.has(p.yarnId)) continue;
    const onOrder = p.totalReceiptLbs;
    out.push(
      position(p.yarnId, {
        description: '',
        supplier: '',
        theoreticalBalanceLbs: 0,
        allocatedLbs: 0 - p.totalDemandLbs,
        onOrderLbs: onOrder,
        planningBalanceLbs: onOrder - p.totalDemandLbs,
      }),
    );
  }
  return out.sort((a, b) => compareIds(a.yarnId, b.yarnId));
}
