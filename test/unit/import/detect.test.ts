import { describe, expect, it } from 'vitest';
import { detect } from '../../../src/main/import/detect';
import type { RawSheet } from '../../../src/main/import/readers';
import { rows } from './helpers';

const sheet = (text: string, name = 'Sheet'): RawSheet => ({ name, rows: rows(text), errorCells: 0 });

describe('export-type detection from the header', () => {
  it('finds a header below title rows and ignores spacer columns (Yarn_Demand)', () => {
    const d = detect([
      {
        name: 'Yarn Demand Report',
        errorCells: 0,
        rows: [
          [null, 'Yarn Demand Report'],
          [],
          [
            'Yarn',
            'Supplier',
            'Description',
            'Color',
            'Tuesday Inventory',
            'Total Demand',
            'Total Receipt',
            'Balance',
            'Past Due Receipts',
            null,
            'Demand This Week',
            'Receipts This Week',
            'Balance This Week',
            null,
            'Demand Week 37',
            'Receipts Week 37',
            'Balance Week 37',
            null,
            'Demand Later',
            'Receipts Later',
            'Balance Later',
          ],
          [18884, 'BUHLER', 'x', 'Natural', 2506.184, 30859.8, 36161.3, 7807.68, 20161.3],
        ],
      },
    ]);
    expect(d.table?.type.id).toBe('erp_yarn_demand');
    expect(d.table?.headerRow).toBe(3);
    expect(d.table?.buckets.length).toBe(9);
    expect(d.table?.rows.length).toBe(1);
    expect(d.table?.unrecognised).toEqual([]);
  });

  it('tells the KO report from the style report and the BOM by their columns', () => {
    const ko = detect([sheet('Style|KO|Yarn|Percentage|This Week|Week 37|Later|Total\n125792/1|K2508066|18767|91.4|957.96||||957.96')]);
    const style = detect([sheet('Style|Yarn|Percentage|This Week|Week 37|Later|Total\n125792/1|18767|91.4|957.96|||957.96')]);
    const bom = detect([sheet('Style#|Desc#|BOM_Percentage|unit\n1028/0|14214|0.91|lbs')]);
    expect([ko.table?.type.id, style.table?.type.id, bom.table?.type.id]).toEqual(['erp_style_ko_demand', 'erp_style_demand', 'bom']);
  });

  it('tells the grouped P01 report from F01 and I01', () => {
    const p01 = detect([sheet('Customer|Roll #|Vendor Roll #|Rack|Qty (yds)|Qty (lbs)|Good Ea.|Bad Ea.|Received')]);
    const f01 = detect([sheet('Style #|Order #|Customer|Roll #|Vendor Roll #|Rack|Qty (yds)|Qty (lbs)|Good Ea.|Bad Ea.|Received')]);
    const i01 = detect([sheet('Style #|Customer|Order #|Roll #|Vendor Roll #|Qty (yds)|Qty (lbs)|Good Ea.|Bad Ea.|Processor|Received')]);
    expect([p01.table?.type.id, f01.table?.type.id, i01.table?.type.id]).toEqual(['rolls_p01', 'rolls_f01', 'rolls_i01']);
  });

  it('picks the usable sheet of a workbook by its headers (Machine Report)', () => {
    const d = detect([
      sheet('|MACH|3rd|1st|2nd|Style|Comments\n|6|||||x', 'Supervisor Report'),
      sheet('WC|MACH\n1.40.33.F|6\n9.30.16.M|8', 'Machine Schedule'),
      sheet('MACHINE|CUSTOMER|STYLE|SPECIAL INSTRUCTIONS\n6|GLEN|FF10008|x', 'INSTRUCTIONS'),
    ]);
    expect(d.table?.type.id).toBe('machines');
    expect(d.table?.sheet).toBe('Machine Schedule');
    expect(d.ignoredSheets).toEqual(['Supervisor Report', 'INSTRUCTIONS']);
  });

  it('reports an unknown file with the closest type and its missing columns', () => {
    // yarn_inventory without "Planning Balance"
    const d = detect([sheet('Desc#|Supplier|Beginning Balance|Theoretical Balance|On Order\n1|x|1|1|0')]);
    expect(d.table).toBeUndefined();
    expect(d.closest?.type.id).toBe('yarn_inventory');
    expect(d.closest?.missing).toEqual(['Planning Balance']);
    expect(detect([sheet('foo|bar\n1|2')]).closest).toBeUndefined();
  });

  it('prefers the type that explains more of the header (yarn master vs inventory)', () => {
    const d = detect([
      sheet('Desc#|Supplier|Description|Blend|Type|Color|Desc_1|Desc_2|Desc_3|On_Order|Allocated|Planning_Ballance|Cost_Pound|Total_Cast'),
    ]);
    expect(d.table?.type.id).toBe('yarn_master');
    expect(d.table?.unrecognised).toEqual([]);
  });
});
