// The Purchasing page: suggested POs (with the yarn's supplier text and how it matched the supplier master),
// totals per supplier, and the yarns with a requirement no suggestion covers, with why.
import type { PurchasingView } from '../../../shared/views';
import type { Plan } from '../jobs/computePlan';
import { suggestionOf } from './suggestions';
import { round, stamp } from './viewKit';

export function purchasingView(plan: Pick<Plan, 'snapshotId' | 'asOf' | 'computedAt' | 'purchasing' | 'yarn'>): PurchasingView {
  const { suggestions, bySupplier, items, weekStarts } = plan.purchasing;
  const itemById = new Map(items.map((i) => [i.yarnId, i]));
  return {
    ...stamp(plan),
    suggestions: suggestions.map((s) => {
      const match = itemById.get(s.yarnId)?.supply.supplier;
      return {
        ...suggestionOf(plan, s),
        yarnSupplier: match?.inputName ?? null,
        supplierMatch: match ? { method: match.method, score: round(match.score, 2), retired: match.retired } : null,
      };
    }),
    bySupplier: bySupplier.map((g) => ({
      supplierId: g.supplierId,
      supplierName: g.supplierName,
      yarnCount: g.yarnCount,
      suggestionCount: g.suggestionCount,
      totalLbs: g.totalLbs,
      totalUsd: g.totalUsd,
      lateCount: g.lateCount,
      earliestReleaseDate: g.earliestReleaseDate,
      flags: g.flags,
    })),
    uncovered: items
      .filter((i) => i.uncovered.length || i.status === 'uncovered')
      .map((i) => ({
        yarnId: i.yarnId,
        description: i.description,
        supplier: i.supply.supplier.supplierName ?? i.supply.supplier.inputName,
        reason: i.uncovered[0]?.reason ?? i.status,
        firstWeek: i.uncovered[0]?.weekStart ?? null,
        lbs: round(i.uncovered.reduce((t, u) => t + u.lbs, 0)),
        detail: i.uncovered[0]?.detail ?? i.statusDetail,
      })),
    weekStarts,
    totals: {
      suggestions: suggestions.length,
      lbs: round(suggestions.reduce((t, s) => t + s.qtyLbs, 0)),
      valueUsd: round(
        suggestions.reduce((t, s) => t + s.valueUsd, 0),
        0,
      ),
      expedite: suggestions.filter((s) => s.action === 'expedite').length,
    },
  };
}
