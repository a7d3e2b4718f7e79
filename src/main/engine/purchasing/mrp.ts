// The purchasing run: match suppliers, resolve each yarn's supply policy, apply accepted PO drafts, net every yarn
// over the horizon and collect the purchase suggestions.
import { addDays, mondayOf, type IsoDate } from '../../../shared/dates';
import { purchasingPolicyDefaults, type PurchasingPolicy } from '../../../shared/policy/purchasing';
import { applyDrafts } from './drafts';
import { netItem, nettingContext } from './netting';
import { createSupplierMatcher } from './suppliers';
import { resolveSupply } from './supplyPolicy';
import type { MrpInput, MrpResult, SupplierOverride, YarnSupplyOverride } from './types';

export function horizonWeekStarts(asOf: IsoDate, horizonWeeks: number): IsoDate[] {
  const monday = mondayOf(asOf);
  return Array.from({ length: Math.max(1, Math.floor(horizonWeeks)) }, (_, k) => addDays(monday, 7 * k));
}

export function runMrp(input: MrpInput, policy: PurchasingPolicy = purchasingPolicyDefaults): MrpResult {
  const weekStarts = horizonWeekStarts(input.asOf, policy.horizonWeeks);
  const matcher = createSupplierMatcher(input.suppliers, input.supplierMappings, policy);
  const yarnOverrides = new Map<string, YarnSupplyOverride>((input.yarnOverrides ?? []).map((o) => [o.yarnId, o]));
  const supplierOverrides = new Map<string, SupplierOverride>((input.supplierOverrides ?? []).map((o) => [o.supplierId, o]));
  const items = input.drafts?.length ? applyDrafts(input.items, input.drafts, weekStarts).items : input.items;
  const ctx = nettingContext(input.asOf, weekStarts, policy);
  const results = items.map((item) => netItem(item, resolveSupply(item, matcher, yarnOverrides.get(item.yarnId), supplierOverrides, policy), ctx));
  return {
    asOf: input.asOf,
    horizonWeeks: weekStarts.length,
    weekStarts,
    items: results,
    suggestions: results.flatMap((r) => r.suggestions),
  };
}
