// Flat tables derived from a plan, shared by the screens, the CSV files and the printed reports.
import type { Plan } from '../jobs/computePlan';

export const POSITION_COLUMNS = [
  'yarnId', 'description', 'supplier', 'theoreticalBalanceLbs', 'allocatedLbs', 'onOrderLbs', 'planningBalanceLbs',
  'weeklyUsageLbs', 'weeklyUsageSource', 'weeksOfSupply', 'risk', 'riskBasis', 'firstShortWeek', 'maxDeficitLbs', 'costPerLb',
] as const;

export type PositionRow = Record<(typeof POSITION_COLUMNS)[number], string | number | null>;

export function positionRows(plan: Plan): PositionRow[] {
  const projection = new Map(plan.yarn.projection.map((p) => [p.yarnId, p]));
  return plan.yarn.positions.map((p) => {
    const shortage = projection.get(p.yarnId)?.shortage;
    return {
      yarnId: p.yarnId,
      description: p.description,
      supplier: p.supplier,
      theoreticalBalanceLbs: p.theoreticalBalanceLbs,
      allocatedLbs: p.allocatedLbs,
      onOrderLbs: p.onOrderLbs,
      planningBalanceLbs: p.planningBalanceLbs,
      weeklyUsageLbs: p.weeklyUsageLbs,
      weeklyUsageSource: p.weeklyUsageSource,
      weeksOfSupply: p.weeksOfSupply,
      risk: p.risk,
      riskBasis: p.riskBasis,
      firstShortWeek: shortage?.firstShortWeek ?? null,
      maxDeficitLbs: shortage?.maxDeficitLbs ?? 0,
      costPerLb: plan.yarnCostPerLb[p.yarnId] ?? null,
    };
  });
}

export const SHORTAGE_COLUMNS = [
  'yarnId', 'description', 'supplier', 'risk', 'planningBalanceLbs', 'firstShortWeek', 'deficitAtFirstShortLbs',
  'maxDeficitLbs', 'maxDeficitWeek', 'recoveryWeek', 'pastDueReceiptsLbs', 'expeditePo', 'expediteWeek', 'expediteLbs',
  'peggedOrders', 'peggedLbs', 'suggestion', 'noSuggestionReason',
] as const;

export type ShortageRow = Record<(typeof SHORTAGE_COLUMNS)[number], string | number | null>;

/** Every yarn the plan shows short, with the orders that consume it up to the shortage and what purchasing proposes. */
export function shortageRows(plan: Plan): ShortageRow[] {
  const position = new Map(plan.yarn.positions.map((p) => [p.yarnId, p]));
  const pegging = new Map(plan.yarn.pegging.byYarn.map((p) => [p.yarnId, p]));
  const mrp = new Map(plan.purchasing.items.map((i) => [i.yarnId, i]));
  const rows: ShortageRow[] = [];
  for (const p of plan.yarn.projection) {
    const s = p.shortage;
    if (!s) continue;
    const peg = pegging.get(p.yarnId);
    const item = mrp.get(p.yarnId);
    const first = item?.suggestions[0];
    rows.push({
      yarnId: p.yarnId,
      description: p.description,
      supplier: p.supplier,
      risk: position.get(p.yarnId)?.risk ?? null,
      planningBalanceLbs: position.get(p.yarnId)?.planningBalanceLbs ?? null,
      firstShortWeek: s.firstShortWeek,
      deficitAtFirstShortLbs: s.deficitAtFirstShortLbs,
      maxDeficitLbs: s.maxDeficitLbs,
      maxDeficitWeek: s.maxDeficitWeek,
      recoveryWeek: s.recoveryWeek,
      pastDueReceiptsLbs: s.pastDueReceiptsLbs,
      expeditePo: s.nextReceipt?.poNo ?? null,
      expediteWeek: s.nextReceipt?.weekMonday ?? null,
      expediteLbs: s.nextReceipt?.lbs ?? null,
      peggedOrders: (peg?.consumers ?? []).map((c) => `${c.orderNo} (${c.style}) ${Math.round(c.lbs)} lbs`).join('; '),
      peggedLbs: (peg?.consumers ?? []).reduce((t, c) => t + c.lbs, 0),
      suggestion: first
        ? `${first.action === 'expedite' ? `EXPEDITE, late by ${first.lateByDays} d: ` : ''}${Math.round(first.qtyLbs)} lbs from ${first.supplierName ?? 'unknown supplier'}, release ${first.releaseDate}, receive ${first.receiptDate}`
        : null,
      noSuggestionReason: first ? null : item?.uncovered[0]?.detail ?? item?.statusDetail ?? 'not in the MRP',
    });
  }
  return rows.sort((a, b) => String(a.firstShortWeek).localeCompare(String(b.firstShortWeek)) || Number(b.maxDeficitLbs) - Number(a.maxDeficitLbs));
}
