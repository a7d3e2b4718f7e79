// The import boundary: what the mappers produce is checked against the entity schemas before a batch is written.
import { describe, expect, it } from 'vitest';
import { entityProblems } from '../../../src/main/import/validateBatch';
import { ko, receipt } from '../scenarios/fixture';

describe('entity rows at the import boundary', () => {
  it('pass when they fit their schemas', () => {
    expect(entityProblems({ knitOrders: [ko('K1', 'S1/0', 100)], expectedReceipts: [receipt('P1', 'Y1', 'week', '2025-09-08', 600)] })).toEqual([]);
  });

  it('are refused naming the entity, the row and the field', () => {
    const rows = [ko('K1', 'S1/0', 100), ko('K2', 'S1/0', 100, { balanceLbs: Number.NaN }), ko('K3', 'S1/0', 100, { startDate: '2025-02-30' })];
    expect(entityProblems({ knitOrders: rows })).toEqual([
      'knitOrders row 2, balanceLbs: Invalid input: expected number, received NaN (got NaN)',
      'knitOrders row 3, startDate: expected a date as YYYY-MM-DD (got "2025-02-30")',
    ]);
    expect(entityProblems({ expectedReceipts: [receipt('P1', 'Y1', 'soon' as never, null, 5)] })).toEqual([
      'expectedReceipts row 1, bucket: Invalid option: expected one of "pastDue"|"week"|"later" (got "soon")',
    ]);
  });

  it('may not carry a field the schema does not know (it would never reach the store)', () => {
    expect(entityProblems({ knitOrders: [{ ...ko('K1', 'S1/0', 100), orderNo: 'K1' } as never] })).toEqual([
      'knitOrders row 1: orderNo is no field of the entity',
    ]);
  });
});
