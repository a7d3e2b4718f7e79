// Invariants every MRP result must satisfy; returned as violations so tests (seeded models, real exports, the 10x
// generated data) can all reuse them.
import { addDays, daysBetween } from '../../../shared/dates';
import { purchasingPolicyDefaults, type PurchasingPolicy } from '../../../shared/policy/purchasing';
import { draftsFromSuggestions } from './drafts';
import { runMrp } from './mrp';
import type { MrpInput, MrpResult } from './types';

export type MrpProperty =
  'moq' | 'multiple' | 'balance identity' | 'safety stock after lead time' | 'coverage' | 'release date' | 'accepted plan is stable';

export interface MrpViolation {
  yarnId: string;
  property: MrpProperty;
  week?: number;
  detail: string;
}

/**
 * - moq / multiple: every planned receipt >= its MOQ and a whole number of order multiples;
 * - balance identity: on hand(w) = on hand(w-1) + scheduled + planned - gross;
 * - safety stock after lead time: with the planned receipts in, no week on or after the earliest possible receipt
 *   is below safety stock, except for yarns whose requirements were left uncovered with a stated reason;
 * - coverage: sum of planned receipts + uncovered requirements >= sum of net requirements;
 * - release date: release = receipt - lead time, and an order is late exactly when its release is before as-of.
 */
export function checkMrpProperties(result: MrpResult, policy: PurchasingPolicy = purchasingPolicyDefaults): MrpViolation[] {
  const out: MrpViolation[] = [];
  const eps = Math.max(policy.epsilonLbs, 1e-6);
  for (const item of result.items) {
    const { yarnId, weeks } = item;
    const moq = item.supply.moqLbs.value;
    const multiple = item.supply.orderMultipleLbs.value;
    const H = weeks.gross.length;
    let prev = item.startingBalanceLbs;
    let plannedSum = 0;
    let netSum = 0;
    for (let k = 0; k < H; k++) {
      const pr = weeks.plannedReceipts[k];
      if (pr > 0) {
        plannedSum += pr;
        if (pr < moq - eps) out.push({ yarnId, property: 'moq', week: k, detail: `planned receipt ${pr} < MOQ ${moq}` });
        if (multiple > 0) {
          const n = pr / multiple;
          if (Math.abs(n - Math.round(n)) > 1e-6)
            out.push({ yarnId, property: 'multiple', week: k, detail: `planned receipt ${pr} is not a multiple of ${multiple}` });
        }
      }
      netSum += weeks.netRequirement[k];
      const expected = prev + weeks.scheduledReceipts[k] + pr - weeks.gross[k];
      if (Math.abs(expected - weeks.projectedOnHand[k]) > eps) {
        out.push({ yarnId, property: 'balance identity', week: k, detail: `on hand ${weeks.projectedOnHand[k]} != ${expected}` });
      }
      prev = weeks.projectedOnHand[k];
    }
    const uncoveredSum = item.uncovered.reduce((s, u) => s + u.lbs, 0);
    if (plannedSum + uncoveredSum < netSum - eps) {
      out.push({ yarnId, property: 'coverage', detail: `planned ${plannedSum} + uncovered ${uncoveredSum} < net requirements ${netSum}` });
    }
    const blocked = item.uncovered.some((u) => u.reason === 'retired supplier' || u.reason === 'no supplier');
    if (!blocked) {
      for (let k = item.earliestReceiptWeek; k < H; k++) {
        if (weeks.projectedOnHand[k] < weeks.safetyStock[k] - eps) {
          out.push({
            yarnId,
            property: 'safety stock after lead time',
            week: k,
            detail: `on hand ${weeks.projectedOnHand[k]} < safety stock ${weeks.safetyStock[k]}`,
          });
          break;
        }
      }
    }
    for (const s of item.suggestions) {
      if (addDays(s.receiptDate, -s.leadTimeDays) !== s.releaseDate) {
        out.push({
          yarnId,
          property: 'release date',
          week: s.receiptWeek,
          detail: `release ${s.releaseDate} != receipt ${s.receiptDate} - ${s.leadTimeDays} d`,
        });
      }
      const late = s.releaseDate < result.asOf;
      if (late !== s.lateByDays > 0 || (late && s.lateByDays !== daysBetween(s.releaseDate, result.asOf))) {
        out.push({
          yarnId,
          property: 'release date',
          week: s.receiptWeek,
          detail: `late flag ${s.lateByDays} d inconsistent with release ${s.releaseDate}`,
        });
      }
    }
  }
  return out;
}

/**
 * Accepts every suggestion as a PO draft and runs again: the plan must be stable (no new suggestion) and every
 * property must still hold.
 */
export function checkAcceptedSuggestions(input: MrpInput, result: MrpResult, policy: PurchasingPolicy = purchasingPolicyDefaults): MrpViolation[] {
  const drafts = [...(input.drafts ?? []), ...draftsFromSuggestions(result.suggestions)];
  const rerun = runMrp({ ...input, drafts }, policy);
  const out = checkMrpProperties(rerun, policy);
  for (const s of rerun.suggestions) {
    out.push({
      yarnId: s.yarnId,
      property: 'accepted plan is stable',
      week: s.receiptWeek,
      detail: `new suggestion of ${s.qtyLbs} lbs after accepting the plan`,
    });
  }
  return out;
}
