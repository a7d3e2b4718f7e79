// The yarn position and the shortage list of a plan, shared by the screens, the CSV files and the printed reports.
import type { ShortageRow, YarnPositionRow } from '../../../shared/views';
import type { Plan } from '../jobs/computePlan';

export function positionRows(plan: Pick<Plan, 'yarn' | 'purchasing' | 'yarnCostPerLb'>): YarnPositionRow[] {
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
      draftLbs: p.draftLbs ?? 0,
      weeklyUsageLbs: p.weeklyUsageLbs,
      weeklyUsageSource: p.weeklyUsageSource,
      weeksOfSupply: typeof p.weeksOfSupply === 'number' && Number.isFinite(p.weeksOfSupply) ? p.weeksOfSupply : null,
      risk: p.risk,
      riskBasis: p.riskBasis,
      firstShortWeek: shortage?.firstShortWeek ?? null,
      maxDeficitLbs: shortage?.maxDeficitLbs ?? 0,
      costPerLb: plan.yarnCostPerLb[p.yarnId] ?? null,
    };
  });
}

/** Every yarn the plan shows short, with the orders that consume it up to the shortage and what purchasing proposes. */
export function shortageRows(plan: Pick<Plan, 'yarn' | 'purchasing' | 'yarnCostPerLb'>): ShortageRow[] {
  const position = new Map(plan.yarn.positions.map((p) => [p.yarnId, p]));
  const pegging = new Map(plan.yarn.pegging.byYarn.map((p) => [p.yarnId, p]));
  const mrp = new Map(plan.purchasing.items.map((i) => [i.yarnId, i]));
  const rows: ShortageRow[] = [];
  for (const p of plan.yarn.projection) {
    const s = p.shortage;
    if (!s) continue;
    const consumers = pegging.get(p.yarnId)?.consumers ?? [];
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
      expedite: s.nextReceipt ? { poNo: s.nextReceipt.poNo, weekStart: s.nextReceipt.weekMonday, lbs: s.nextReceipt.lbs } : null,
      pegged: consumers.map((c) => ({ orderNo: c.orderNo, style: c.style, lbs: c.lbs })),
      peggedLbs: consumers.reduce((t, c) => t + c.lbs, 0),
      suggestion: first
        ? {
            action: first.action,
            lateByDays: first.lateByDays,
            qtyLbs: first.qtyLbs,
            supplierName: first.supplierName,
            releaseDate: first.releaseDate,
            receiptDate: first.receiptDate,
          }
        : null,
      noSuggestionReason: first ? null : (item?.uncovered[0]?.detail ?? item?.statusDetail ?? 'not in the MRP'),
    });
  }
  return rows.sort((a, b) => a.firstShortWeek.localeCompare(b.firstShortWeek) || b.maxDeficitLbs - a.maxDeficitLbs);
}
