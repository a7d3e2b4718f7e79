import { describe, expect, it } from 'vitest';
import { FIELD_VARIANTS, displayName, fieldOf, normHeader } from '../../../src/main/import/dictionary';
import { EXPORT_TYPES } from '../../../src/main/import/exportTypes';
import { bucketWeekStart, parseBucketHeader, resolveIsoWeek, thisWeekFromBuckets } from '../../../src/main/import/buckets';

describe('column dictionary', () => {
  it.each([
    ['Desc#', 'yarnId'],
    ['Desc #', 'yarnId'],
    ['Yarn_ID', 'yarnId'],
    ['Yarn', 'yarnId'],
    ['Desc', 'yarnId'],
    ['Description', 'description'],
    ['Planning Balance', 'planningBalance'],
    ['Planning_Ballance', 'planningBalance'],
    ['BOM_Percentage', 'bomPercentage'],
    ['BOM_Percent', 'bomPercentage'],
    ['Percentage', 'bomPercentage'],
    ['Inventory', 'inventory'],
    ['Monday Inventory', 'inventory'],
    ['Tuesday Inventory', 'inventory'],
    ['INVEN', 'inventory'],
    ['Total_Cast', 'totalCost'],
    ['Cost_Pound', 'costPerLb'],
    ['$/lb', 'costPerLb'],
    ['Order #', 'orderNumber'],
    ['KO', 'orderNumber'],
    ['serial_number', 'orderNumber'],
    ['knit_style_base.base_style', 'greigeBase'],
    ['G Base', 'greigeBase'],
    ['Style #', 'style'],
    ['Style#', 'style'],
    ['style', 'style'],
    ['fStyle#', 'finishedStyle'],
    ['WC', 'workCenter'],
    ['MACH', 'machine'],
    ['Average of lbs/day', 'lbsPerDay'],
    ['\uFEFFSupplier_ID', 'supplierId'],
    ['  Qty (lbs) ', 'qtyLbs'],
  ])('%j -> %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it('does not guess unknown headers', () => {
    expect(fieldOf('Week 37')).toBeUndefined();
    expect(fieldOf('OZ/sq yds 2')).toBeUndefined();
    expect(fieldOf('')).toBeUndefined();
  });

  it('normalises case, underscores, spacing and the space before #', () => {
    expect(normHeader('Planning_Ballance')).toBe(normHeader('planning  ballance'));
    expect(normHeader('PO #')).toBe(normHeader('PO#'));
  });

  it('every variant maps to exactly one field and every export type uses known fields', () => {
    const seen = new Map<string, string>();
    for (const [field, variants] of Object.entries(FIELD_VARIANTS)) {
      for (const v of variants) {
        const key = normHeader(v);
        expect(seen.get(key) ?? field).toBe(field);
        seen.set(key, field);
      }
    }
    for (const t of EXPORT_TYPES) {
      for (const f of [...t.required.flat(), ...t.optional]) expect(FIELD_VARIANTS[f], `${t.id}.${f}`).toBeDefined();
    }
    expect(displayName('planningBalance')).toBe('Planning Balance');
  });
});

describe('week buckets', () => {
  it('parses the ERP bucket headers', () => {
    expect(parseBucketHeader('This Week')).toEqual({ bucket: { kind: 'thisWeek' } });
    expect(parseBucketHeader('Week 37')).toEqual({ bucket: { kind: 'week', week: 37 } });
    expect(parseBucketHeader('9/12/2025')).toEqual({ bucket: { kind: 'dated', date: '2025-09-12' } });
    expect(parseBucketHeader('Unscheduled or Past Due')).toEqual({ bucket: { kind: 'pastDue' } });
    expect(parseBucketHeader('Receipts Week 44')).toEqual({ measure: 'receipts', bucket: { kind: 'week', week: 44 } });
    expect(parseBucketHeader('Balance Later')).toEqual({ measure: 'balance', bucket: { kind: 'later' } });
    expect(parseBucketHeader('Week 54')).toBeUndefined();
    expect(parseBucketHeader('Total')).toBeUndefined();
  });

  it('maps weeks to ISO-week Mondays', () => {
    // the Friday-dated column 9/12/2025 is ISO week 37, Monday 9/8
    expect(bucketWeekStart({ kind: 'dated', date: '2025-09-12' }, '2025-09-01')).toBe('2025-09-08');
    expect(bucketWeekStart({ kind: 'week', week: 37 }, '2025-09-01')).toBe('2025-09-08');
    expect(bucketWeekStart({ kind: 'thisWeek' }, '2025-09-01')).toBe('2025-09-01');
    expect(bucketWeekStart({ kind: 'later' }, '2025-09-01')).toBeNull();
    // "Week 1" seen at the end of December belongs to the next ISO year; "Week 52" in January to the previous
    expect(resolveIsoWeek(1, '2025-12-24')).toBe('2025-12-29');
    expect(resolveIsoWeek(52, '2026-01-05')).toBe('2025-12-22');
    // This Week = the week before the first dated / numbered column
    expect(thisWeekFromBuckets([{ kind: 'thisWeek' }, { kind: 'dated', date: '2025-09-12' }])).toBe('2025-09-01');
    expect(thisWeekFromBuckets([{ kind: 'thisWeek' }, { kind: 'week', week: 35 }], '2025-08-22')).toBe('2025-08-18');
    expect(thisWeekFromBuckets([{ kind: 'thisWeek' }, { kind: 'week', week: 35 }])).toBeUndefined();
  });
});
