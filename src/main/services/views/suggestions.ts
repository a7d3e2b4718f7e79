// A purchase suggestion as the screens show it: the engine's fields, with its pegging structured per week and
// demand source (a knit order's source carries the order number, so the screens can link it).
import type { Suggestion } from '../../../shared/views';
import type { PurchaseSuggestion } from '../../engine/purchasing';
import type { Plan } from '../jobs/computePlan';
import { round } from './viewKit';

/**
 * The label services/inputs/purchasingInputs.ts (mrpInput) gives a knit order's demand in the MRP pegging. Mapped
 * back to the order through the plan's own demand rows, never parsed; the golden test checks every one resolves.
 */
const knitOrderSourceLabel = (orderNo: string, style: string) => `KO ${orderNo} (${style})`;

// Keyed by the yarn section: the same object for as long as the plan's revision is unchanged.
const orderBySource = new WeakMap<Plan['yarn'], Map<string, string>>();

function knitOrderOfSource(plan: Pick<Plan, 'yarn'>, label: string): string | null {
  let bySource = orderBySource.get(plan.yarn);
  if (!bySource) {
    bySource = new Map(plan.yarn.demand.rows.map((r) => [knitOrderSourceLabel(r.orderNo, r.style), r.orderNo]));
    orderBySource.set(plan.yarn, bySource);
  }
  return bySource.get(label) ?? null;
}

export function suggestionOf(plan: Pick<Plan, 'yarn'>, s: PurchaseSuggestion): Suggestion {
  return {
    id: s.id,
    yarnId: s.yarnId,
    supplierId: s.supplierId,
    supplierName: s.supplierName,
    qtyLbs: s.qtyLbs,
    lotSizeLbs: s.lotSizeLbs,
    netRequirementLbs: s.netRequirementLbs,
    valueUsd: s.valueUsd,
    receiptWeek: s.receiptWeekLabel,
    receiptDate: s.receiptDate,
    releaseDate: s.releaseDate,
    leadTimeDays: s.leadTimeDays,
    action: s.action,
    lateByDays: s.lateByDays,
    shortageLbs: s.shortageLbs,
    pegging: s.pegging.map((p) => ({
      weekStart: p.weekStart,
      lbs: round(p.lbs, 2),
      sources: p.sources.map((src) => ({ label: src.source, orderNo: knitOrderOfSource(plan, src.source), lbs: round(src.lbs, 2) })),
    })),
    unpeggedLbs: s.unpeggedLbs,
    flags: s.flags,
  };
}
