// Resolves how one yarn is bought (supplier, lead time, MOQ, multiple, lot sizing, safety stock), each value with its
// source: planner override > supplier master > policy default.
import type { PurchasingPolicy } from '../../../shared/policy/purchasing';
import type { SupplierMatcher } from './suppliers';
import type { LotSizingRule, MrpItem, ResolvedSupply, SafetyStockRule, Sourced, SupplierMatch, SupplierOverride, YarnSupplyOverride } from './types';

export function policyLotSizing(policy: PurchasingPolicy): LotSizingRule {
  switch (policy.lotSizing) {
    case 'fixedPeriod':
      return { kind: 'fixedPeriod', periodWeeks: policy.fixedPeriodWeeks };
    case 'eoq':
      return { kind: 'eoq', orderingCostUsd: policy.eoqOrderingCostUsd, holdingRatePerYear: policy.eoqHoldingRatePerYear };
    default:
      return { kind: 'lotForLot' };
  }
}

export function policySafetyStock(policy: PurchasingPolicy): SafetyStockRule {
  switch (policy.safetyStock) {
    case 'weeksOfCover':
      return { kind: 'weeksOfCover', weeks: policy.safetyStockWeeksOfCover };
    case 'serviceLevel':
      return { kind: 'serviceLevel', serviceLevel: policy.serviceLevel };
    default:
      return { kind: 'none' };
  }
}

function pick<T>(override: T | undefined, supplierOverride: T | undefined, master: T | null | undefined, fallback: T): Sourced<T> {
  if (override !== undefined) return { value: override, source: 'planner override' };
  if (supplierOverride !== undefined) return { value: supplierOverride, source: 'planner override' };
  if (master !== null && master !== undefined) return { value: master, source: 'supplier master' };
  return { value: fallback, source: 'policy default' };
}

export function resolveSupply(
  item: MrpItem,
  matcher: SupplierMatcher,
  yarnOverride: YarnSupplyOverride | undefined,
  supplierOverrides: Map<string, SupplierOverride>,
  policy: PurchasingPolicy,
): ResolvedSupply {
  const flags: string[] = [];
  let supplier: SupplierMatch;
  let supplierSource: ResolvedSupply['supplierSource'] = 'name match';
  if (yarnOverride && yarnOverride.supplierId !== undefined) {
    const row = yarnOverride.supplierId === null ? undefined : matcher.byId(yarnOverride.supplierId);
    supplier = {
      inputName: item.supplierName ?? '',
      supplierId: row?.supplierId ?? null,
      supplierName: row?.name ?? null,
      method: 'manual',
      score: 1,
      retired: row?.retired ?? false,
    };
    supplierSource = 'planner override';
    if (yarnOverride.supplierId !== null && !row) flags.push(`override supplier ${yarnOverride.supplierId} is not in the supplier master`);
  } else {
    supplier = matcher.match(item.supplierName);
  }
  const master = supplier.supplierId ? matcher.byId(supplier.supplierId) : undefined;
  const so = supplier.supplierId ? supplierOverrides.get(supplier.supplierId) : undefined;

  const leadTimeDays = pick(yarnOverride?.leadTimeDays, so?.leadTimeDays, master?.leadTimeDays, policy.defaultLeadTimeDays);
  const moqLbs = pick(yarnOverride?.moqLbs, so?.moqLbs, master?.moqLbs, policy.defaultMoqLbs);
  const orderMultipleLbs = pick(yarnOverride?.orderMultipleLbs, so?.orderMultipleLbs, undefined, policy.defaultOrderMultipleLbs);
  const lotSizing: Sourced<LotSizingRule> = yarnOverride?.lotSizing
    ? { value: yarnOverride.lotSizing, source: 'planner override' }
    : { value: policyLotSizing(policy), source: 'policy default' };
  const safetyStock: Sourced<SafetyStockRule> = yarnOverride?.safetyStock
    ? { value: yarnOverride.safetyStock, source: 'planner override' }
    : { value: policySafetyStock(policy), source: 'policy default' };

  let blocked: ResolvedSupply['blocked'] = null;
  if (!supplier.supplierId && supplier.method === 'manual') {
    flags.push('the planner set this yarn to "no supplier"');
    blocked = 'no supplier';
  } else if (!supplier.supplierId) {
    const what = item.supplierName?.trim() ? `supplier "${item.supplierName.trim()}" not in the supplier master` : 'no supplier';
    if (policy.suggestWithoutSupplier) {
      const defaults = [leadTimeDays.source === 'policy default' ? 'lead time' : '', moqLbs.source === 'policy default' ? 'MOQ' : '']
        .filter(Boolean)
        .join(' and ');
      flags.push(defaults ? `${what}: default ${defaults}` : what);
    } else {
      flags.push(what);
      blocked = 'no supplier';
    }
  } else if (supplier.retired) {
    flags.push(`supplier ${supplier.supplierName} is retired (Remove)`);
    if (!policy.suggestForRetiredSupplier) blocked = 'retired supplier';
  }
  if (supplier.method === 'token') flags.push(`supplier matched by name similarity (${supplier.score}): check`);

  return { yarnId: item.yarnId, supplier, supplierSource, leadTimeDays, moqLbs, orderMultipleLbs, lotSizing, safetyStock, blocked, flags };
}
