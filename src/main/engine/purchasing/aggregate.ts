// Purchase suggestions grouped by supplier (the buyer's view): lbs, dollars, late orders.
import type { PurchaseSuggestion, SupplierSuggestionGroup } from './types';

export const UNMATCHED_SUPPLIER = '(no supplier in master)';

export function groupSuggestionsBySupplier(suggestions: PurchaseSuggestion[]): SupplierSuggestionGroup[] {
  const groups = new Map<string, SupplierSuggestionGroup & { yarns: Set<string> }>();
  for (const s of suggestions) {
    const key = s.supplierId ?? `name:${s.supplierName ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        supplierId: s.supplierId,
        supplierName: s.supplierName ?? UNMATCHED_SUPPLIER,
        yarnCount: 0,
        suggestionCount: 0,
        totalLbs: 0,
        totalUsd: 0,
        lateCount: 0,
        earliestReleaseDate: null,
        flags: s.supplierId ? [] : ['supplier not in master: defaults used'],
        yarns: new Set(),
      };
      groups.set(key, g);
    }
    g.yarns.add(s.yarnId);
    g.suggestionCount++;
    g.totalLbs += s.qtyLbs;
    g.totalUsd += s.valueUsd;
    if (s.action === 'expedite') g.lateCount++;
    if (g.earliestReleaseDate === null || s.releaseDate < g.earliestReleaseDate) g.earliestReleaseDate = s.releaseDate;
  }
  return [...groups.values()]
    .map(({ yarns, ...g }) => ({ ...g, yarnCount: yarns.size }))
    .sort((a, b) => b.totalUsd - a.totalUsd || a.supplierName.localeCompare(b.supplierName));
}
