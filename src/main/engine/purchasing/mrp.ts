// The purchasing run: match suppliers, resolve each yarn's supply policy, apply accepted PO drafts, net every yarn
// over the planning calendar's weeks and collect the purchase suggestions.
import { purchasingPolicyDefaults, type PurchasingPolicy } from '../../../shared/policy/purchasing';
import { applyDrafts } from './drafts';
import { netItem, nettingContext } from './netting';
import { createSupplierMatcher } from './suppliers';
import { resolveSupply } from './supplyPolicy';
import type { MrpInput, MrpResult, SupplierOverride, YarnSupplyOverride } from './types';

export function runMrp(input: MrpInput, policy: PurchasingPolicy = purchasingPolicyDefaults): MrpResult {
  const { asOf, weekStarts } = input.calendar;
  const matcher = createSupplierMatcher(input.suppliers, input.supplierMappings, policy);
  const yarnOverrides = new Map<string, YarnSupplyOverride>((input.yarnOverrides ?? []).map((o) => [o.yarnId, o]));
  const supplierOverrides = new Map<string, SupplierOverride>((input.supplierOverrides ?? []).map((o) => [o.supplierId, o]));
  const items = input.drafts?.length ? applyDrafts(input.items, input.drafts, weekStarts).items : input.items;
  const ctx = nettingContext(asOf, weekStarts, policy);
  const results = items.map((item) => netItem(item, resolveSupply(item, matcher, yarnOverrides.get(item.yarnId), supplierOverrides, policy), ctx));
  return {
    asOf,
    horizonWeeks: weekStarts.length,
    weekStarts,
    items: results,
    suggestions: results.flatMap((r) => r.suggestions),
  };
}
