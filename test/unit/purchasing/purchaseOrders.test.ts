// Accepted PO drafts as purchase orders per supplier and as the ERP's YarnPO export (hand-computed case).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PoDraft } from '../../../src/shared/domain/poDraft';
import { purchaseOrdersFromDrafts, YARN_PO_COLUMNS, yarnPoRows } from '../../../src/main/services/outputs/purchaseOrders';

const draft = (d: Partial<PoDraft> & Pick<PoDraft, 'draftId' | 'yarnId'>): PoDraft => ({
  supplierId: 'S1',
  qtyLbs: 1000,
  receiptDate: '2025-09-15',
  releaseDate: '2025-09-01',
  status: 'accepted',
  ...d,
});
const suppliers = [
  { supplierId: 'S1', name: 'LYCRA' },
  { supplierId: 'S2', name: 'DECA GLOBAL' },
  { supplierId: null, name: 'NO ID YARNS' },
];
const yarns = [
  { yarnId: '739', description: '1/40 Lycra ', yarnCount: '40/1', yarnType: 'Lycra', color: 'Clear', costPerLb: 5.96 },
  { yarnId: '1571', description: '1/150/48 Poly', yarnCount: '150/1/48', yarnType: 'Polyester', color: 'BRT', costPerLb: 2.15 },
  { yarnId: '18894', description: 'no price', yarnCount: null, yarnType: null, color: null, costPerLb: null },
];

describe('purchaseOrdersFromDrafts', () => {
  const list = purchaseOrdersFromDrafts(
    [
      draft({ draftId: 'a', yarnId: '1571', qtyLbs: 2000, receiptDate: '2025-09-22' }),
      draft({ draftId: 'b', yarnId: '739', qtyLbs: 500, receiptDate: '2025-09-15', costPerLb: 6 }),
      draft({ draftId: 'c', yarnId: '18894', supplierId: 'S2', qtyLbs: 3000 }),
      draft({ draftId: 'd', yarnId: '739', status: 'rejected' }),
      draft({ draftId: 'e', yarnId: '739', status: 'edited', qtyLbs: 250, receiptDate: '2025-09-22' }),
      draft({ draftId: 'f', yarnId: '739', supplierId: null }),
      draft({ draftId: 'g', yarnId: '739', supplierId: 'S9' }),
      draft({ draftId: 'h', yarnId: '739', status: 'closed', erpPoNumber: 'Y1' }),
    ],
    suppliers,
    yarns,
    '2025-09-05',
  );

  it('puts the open drafts of each supplier on one PO, lines by due date then yarn', () => {
    expect(list.orders.map((o) => [o.poNumber, o.supplierName, o.lines.map((l) => l.draftId)])).toEqual([
      ['BKP-20250905-S2', 'DECA GLOBAL', ['c']],
      ['BKP-20250905-S1', 'LYCRA', ['b', 'a', 'e']],
    ]);
  });

  it('totals the lines: 500 x 6 (the draft price) + 2000 x 2.15 + 250 x 5.96 = 8790 $ for 2750 lbs', () => {
    const s1 = list.orders[1];
    expect(s1.totalLbs).toBe(2750);
    expect(s1.lines.map((l) => l.valueUsd)).toEqual([3000, 4300, 1490]);
    expect(s1.totalUsd).toBe(8790);
    expect(s1.linesWithoutPrice).toBe(0);
    expect(list.orders[0]).toMatchObject({ totalUsd: 0, linesWithoutPrice: 1 });
  });

  it('keeps off a PO the drafts without a master supplier, with the reason', () => {
    expect(list.unassigned).toEqual([
      { draftId: 'f', yarnId: '739', qtyLbs: 1000, reason: 'no supplier chosen' },
      { draftId: 'g', yarnId: '739', qtyLbs: 1000, reason: 'supplier id S9 is not in the supplier master' },
    ]);
  });

  it('writes YarnPO rows: numbers as numbers, dates as dates, the master supplier name', () => {
    const rows = yarnPoRows(list.orders);
    expect(rows).toHaveLength(4);
    const b = rows[1];
    expect(b).toHaveLength(YARN_PO_COLUMNS.length);
    expect(b).toEqual([
      'BKP-20250905-S1',
      'Open',
      739,
      new Date('2025-09-05T00:00:00Z'),
      new Date('2025-09-15T00:00:00Z'),
      null,
      500,
      500,
      'LYCRA',
      '40/1',
      'Lycra',
      'Clear',
      '1/40 Lycra',
      6,
      3000,
    ]);
  });
});

describe('YARN_PO_COLUMNS', () => {
  const PROFILE = `${__dirname}/../../../../shared/research/erp-exports-profile.md`;
  if (!existsSync(PROFILE)) console.warn(`export profile not found at ${PROFILE}: its YarnPO column check skipped`);
  it.skipIf(!existsSync(PROFILE))('are the YarnPO 9-2 columns the export profile lists, in its order', () => {
    const profile = readFileSync(PROFILE, 'utf8');
    const para = profile.slice(profile.indexOf('**YarnPO** (key PO#)'), profile.indexOf('**Expected_Yarn_Report**'));
    // "PO#, Status (...), Desc# int, Ordered DT, ..., $/lb stored as text (...), Total $." -> the column names
    const names = para
      .replace(/^[^:]*:/, '')
      .replace(/\([^)]*\)/g, '')
      .replace(/\*\*/g, '')
      .split(',')
      .map((c) =>
        c
          .trim()
          .replace(/\.$/, '')
          .replace(/ (int|DT|D|N|stored as text)$/, '')
          .trim(),
      );
    expect(names).toEqual([...YARN_PO_COLUMNS]);
  });
});
