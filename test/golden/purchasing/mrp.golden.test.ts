// Golden MRP cases (frePPLe style): each small model's full output is pinned in expected/<name>.txt and its
// hand-computed figures are asserted in cases.ts. Re-accept deliberate changes with
// `UPDATE_GOLDEN=1 npx vitest run test/golden/purchasing`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, toGoldenCsv } from '../../support/golden';
import { groupSuggestionsBySupplier } from '../../../src/main/engine/purchasing/aggregate';
import { runMrp } from '../../../src/main/engine/purchasing/mrp';
import { checkAcceptedSuggestions, checkMrpProperties } from '../../../src/main/engine/purchasing/properties';
import { mrpWeekRows, suggestionRow } from '../../../src/main/engine/purchasing/rows';
import type { MrpResult } from '../../../src/main/engine/purchasing/types';
import { basePolicy, cases } from './cases';

function render(title: string, r: MrpResult): string {
  const out: string[] = [`# ${title}`, `as-of ${r.asOf}, ${r.horizonWeeks} weeks from ${r.weekStarts[0]}`, ''];
  out.push('## supply');
  out.push(
    toGoldenCsv(
      r.items.map((i) => ({
        yarnId: i.yarnId,
        supplier: i.supply.supplier.supplierName ?? '',
        match: i.supply.supplier.method,
        leadTimeDays: i.supply.leadTimeDays.value,
        leadTimeFrom: i.supply.leadTimeDays.source,
        moqLbs: i.supply.moqLbs.value,
        moqFrom: i.supply.moqLbs.source,
        multipleLbs: i.supply.orderMultipleLbs.value,
        lotSizing: i.supply.lotSizing.value.kind,
        safetyStock: i.supply.safetyStock.value.kind,
        safetyStockLbs: i.safetyStockLbs,
        status: i.status,
        statusDetail: i.statusDetail,
      })),
    ),
  );
  for (const i of r.items) {
    out.push(`## weeks ${i.yarnId} (start ${i.startingBalanceLbs}, past-due releases ${i.pastDueReleaseLbs})`);
    out.push(toGoldenCsv(mrpWeekRows(i, r.weekStarts).map(({ week, ...row }) => ({ week, ...row }))));
    if (i.uncovered.length) {
      out.push(`## uncovered ${i.yarnId}`);
      out.push(
        toGoldenCsv(
          i.uncovered.map(({ expedite, ...u }) => ({
            ...u,
            shortWeeks: expedite?.shortWeeks ?? '',
            lowestBalanceLbs: expedite?.lowestBalanceLbs ?? '',
            recoveryWeek: expedite?.recoveryWeek ?? '',
            expediteReceipts: expedite?.receipts.map((r) => `${r.weekStart} ${r.lbs}`).join('; ') ?? '',
          })),
        ),
      );
    }
  }
  out.push('## suggestions');
  out.push(toGoldenCsv(r.suggestions.map(suggestionRow)));
  out.push('## by supplier');
  out.push(toGoldenCsv(groupSuggestionsBySupplier(r.suggestions).map((g) => ({ ...g, flags: g.flags.join('; ') }))));
  return out.join('\n');
}

describe('purchasing MRP golden cases', () => {
  it('has at least 12 hand-computed cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  for (const c of cases) {
    it(c.name, () => {
      const policy = { ...basePolicy, ...c.policy };
      const result = runMrp(c.input, policy);
      c.check(result);
      expect(checkMrpProperties(result, policy)).toEqual([]);
      expect(checkAcceptedSuggestions(c.input, result, policy)).toEqual([]);
      expectGolden(join(__dirname, 'expected', `${c.name}.txt`), render(c.title, result));
    });
  }
});
