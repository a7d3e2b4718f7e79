import { describe, expect, it } from 'vitest';
import { bomPrecedence } from '../../../src/main/import/mappers/bom';
import { liveBalanceLbs } from '../../../src/main/import/mappers/orders';
import { mapAs, rows } from './helpers';

describe('BOM lines', () => {
  it('sums duplicate (style, yarn) feed lines, skips blank and per-style header lines', () => {
    const { batch, reader, result } = mapAs(
      'bom',
      rows(`Style#|Desc#|BOM_Percentage|unit
1853/L|18669|0.27|lbs
1853/L|18669.0|0.48|lbs
1853/L|18669|0.24|lbs
1853/L|18888|0.01|lbs
 FF 10006/0001|13565|0.1|lbs
FF 10006/0001|||lbs
|||
|||`),
    );
    const l = batch.bomLines!;
    expect(l.map((x) => [x.style, x.yarnId, x.fraction, x.lineCount])).toEqual([
      ['1853/L', '18669', 0.99, 3],
      ['1853/L', '18888', 0.01, 1],
      ['FF 10006/0001', '13565', 0.1, 1],
    ]);
    expect(reader.stats).toEqual({ rowsRead: 8, rowsAccepted: 5, rowsRejected: 0, rowsSkipped: 3 });
    expect(result.notes[0]).toContain('5 BOM lines over 2 styles');
  });

  it('rejects a line without a yarn or with a bad share, naming row, column, value and reason', () => {
    const { reader } = mapAs('bom', rows('Style#|Desc#|BOM_Percent|unit\nA/1||0.5|lbs\nA/1|12|half|lbs\nA/1|13|-0.2|lbs\nA/1|14|0.5|lbs'));
    expect(reader.stats.rowsRejected).toBe(3);
    expect(reader.rejections.items).toEqual([
      { file: 'test.csv', row: 2, column: 'Desc#', value: null, reason: 'required value missing' },
      { file: 'test.csv', row: 3, column: 'BOM_Percent', value: 'half', reason: 'not a number' },
      { file: 'test.csv', row: 4, column: 'BOM_Percent', value: '-0.2', reason: 'negative share' },
    ]);
  });

  it('reads a percent-scale file as percent', () => {
    const { batch, result } = mapAs('bom', rows('Style|Component|Percentage\nS/1|1|60\nS/1|2|40'));
    expect(batch.bomLines!.map((l) => l.fraction)).toEqual([0.6, 0.4]);
    expect(result.notes).toContain('shares read as percent (divided by 100)');
  });

  it('takes each style whole from the file that covers most knit-order styles', () => {
    const line = (style: string, yarnId: string, fraction: number, sourceFile: string) => ({ style, yarnId, fraction, lineCount: 1, sourceFile });
    const a = [line('S/1', '1', 0.99, 'a.csv'), line('S/2', '2', 1, 'a.csv')];
    const b = [line('S/1', '1', 0.9, 'b.csv'), line('S/1', '3', 0.1, 'b.csv'), line('S/3', '3', 1, 'b.csv'), line('S/4', '4', 1, 'b.csv')];
    const { order, lines } = bomPrecedence(
      [
        { fileName: 'b.csv', lines: b },
        { fileName: 'a.csv', lines: a },
      ],
      new Set(['S/1', 'S/2']),
      new Set(),
    );
    expect(order).toEqual(['a.csv', 'b.csv']);
    expect(lines.map((l) => `${l.sourceFile}:${l.style}:${l.yarnId}`)).toEqual(['a.csv:S/1:1', 'a.csv:S/2:2', 'b.csv:S/3:3', 'b.csv:S/4:4']);
  });
});

describe('knit orders', () => {
  it('strips the HTML warning, keeps the flag, and computes the live balance next to the exported one', () => {
    const ko = "K2409070&nbsp;<i class='fa fa-exclamation-triangle' title='This knit order has a zero or negative knit price!'></i>";
    const { batch } = mapAs('knit_orders', [
      [
        'Style #',
        'Order #',
        'Start Date',
        'Quoted Date',
        'Qty Ordered (lbs)',
        'G00 (lbs)',
        'Shipped (lbs)',
        'Balance (lbs)',
        'Seconds (lbs)',
        'BKI #s',
        'Machine',
        'PO#',
        'Modified',
      ],
      ['CEE2838/1IN ', ko, '8/29/2025', null, '1,200.0', null, null, '1,200.0', null, null, '83', null, '8/28/2025'],
      ['180001/20ST2', 'K2502021', new Date(Date.UTC(2025, 7, 25)), null, 37600, 2078.4, 21470, 14000, 158.8, null, 124, '56481', null],
    ]);
    const [a, b] = batch.knitOrders!;
    expect(a).toMatchObject({
      koNumber: 'K2409070',
      hasWarning: true,
      style: 'CEE2838/1IN',
      styleRaw: 'CEE2838/1IN ',
      startDate: '2025-08-29',
      orderedLbs: 1200,
      g00Lbs: 0,
      liveBalanceLbs: 1200,
      machine: '83',
      modifiedAt: '2025-08-28T00:00:00',
    });
    expect(a.warningText).toBe('This knit order has a zero or negative knit price!');
    // 37600 - (2078.4 + 21470 - 158.8) = 14210.4, the exported 14000 is stale
    expect(b.liveBalanceLbs).toBeCloseTo(14210.4, 6);
    expect(b.balanceLbs).toBe(14000);
    expect(b.machine).toBe('124');
    expect(liveBalanceLbs(100, 80, 40, 0)).toBe(0);
  });

  it('rejects a duplicate order number', () => {
    const { reader, batch } = mapAs('knit_orders', rows('Style #|Order #|Qty Ordered (lbs)|Balance (lbs)\nA/1|K1|10|10\nA/1|K1|10|10'));
    expect(batch.knitOrders!.length).toBe(1);
    expect(reader.rejections.items[0].reason).toContain('duplicate knit order');
  });

  it('flattens the API record: style = base_style/version, numbers as strings', () => {
    const { batch } = mapAs('knit_orders_api', [
      [
        'serial_number',
        'knit_style_base.base_style',
        'knit_version.version',
        'qty_ordered',
        'qty_G00',
        'qty_shipped',
        'seconds',
        'balance',
        'machine',
        'knit_start',
        'modified',
      ],
      ['K2509010', 'CT4808', ' 0 ', '450', null, '100.5', '0.5', '450', '538', '2025-09-11', '2025-09-04 15:57:21.719595'],
    ]);
    expect(batch.knitOrders![0]).toMatchObject({
      koNumber: 'K2509010',
      source: 'api',
      style: 'CT4808/0',
      orderedLbs: 450,
      shippedLbs: 100.5,
      liveBalanceLbs: 350,
      startDate: '2025-09-11',
      modifiedAt: '2025-09-04T15:57:21',
    });
  });
});

describe('sales, suppliers, yarn', () => {
  it('sales order: price with unit, HTML on-hold toggle, N/A fBase, greige sold directly', () => {
    const off = "<div id='holdButton_25764'><i class='fa fa-toggle-off' onClick='setReleased(25764,0)'></i></div>";
    const on = "<div id='holdButton_1'><i class='fa fa-toggle-on'></i></div>";
    const { batch } = mapAs('sales_orders', [
      [
        'Status',
        'SO #',
        'CSR',
        'Unit Price',
        'cFVersion',
        'fBase',
        'On Hold',
        'UOM',
        'Ordered',
        'Picked/Shipped',
        'Balance',
        'Available',
        'PO #',
        'Ship To',
      ],
      [
        'Open',
        'S2508375',
        'B',
        '$7.35 (yds)',
        'CT2222-1',
        'CT2222-1/0',
        off,
        'yds',
        '1,000',
        '0.0',
        '1,000.0',
        '0.0',
        '0018731 ',
        'Specialty Mattress Inc   ',
      ],
      ['Open', 'S2508413', 'B', '$3.00 (lbs)', '(Greige) 205FLX2006/M', 'N/A', on, 'lbs', 10, 12, -2, 0, null, null],
    ]);
    const [a, b] = batch.salesOrders!;
    expect(a).toMatchObject({
      unitPrice: 7.35,
      priceUnit: 'yds',
      finishedStyle: 'CT2222-1',
      finishedVersion: '0',
      onHold: false,
      orderedQty: 1000,
      poNumber: '0018731',
      shipTo: 'Specialty Mattress Inc',
      greigeStyle: null,
    });
    expect(b).toMatchObject({ greigeStyle: '205FLX2006/M', finishedBase: null, onHold: true, balanceQty: -2 });
  });

  it('sales history: MM-DD-YY dates and padded money', () => {
    const { batch } = mapAs('sales_history', [
      ['Document', 'Invoice Date', 'Customer', 'fStyle#', 'Yds_ordered', 'UOM', 'Unit Price', 'Line Price', 'Selling Co'],
      ['S2412144', '01-02-25', 'Continental', 'CEE4142-1', '520', 'yds', ' $11.95 ', ' $6,215.19 ', 'CT'],
    ]);
    expect(batch.salesHistory![0]).toMatchObject({
      invoiceDate: '2025-01-02',
      qty: 520,
      unitPrice: 11.95,
      linePrice: 6215.19,
      finishedStyle: 'CEE4142-1',
    });
  });

  it('supplier: "Remove" or a name marked "(Do not Use)" means retired', () => {
    const { batch, result } = mapAs(
      'suppliers',
      rows('Supplier_ID|Supplier|Lead_time|MOQ|Type\n1|AKRA|Remove|Remove|Remove\n3|BANSWARA|14|5000|Import\n4|DECA (Do not Use)|8|1000|Domestic'),
    );
    expect(batch.suppliers).toEqual([
      { supplierId: '1', name: 'AKRA', leadTimeAsExported: null, moqLbs: null, supplierType: null, retired: true },
      { supplierId: '3', name: 'BANSWARA', leadTimeAsExported: 14, moqLbs: 5000, supplierType: 'Import', retired: false },
      // the buyers' mark retires the supplier; its lead time and MOQ are kept as exported
      { supplierId: '4', name: 'DECA (Do not Use)', leadTimeAsExported: 8, moqLbs: 1000, supplierType: 'Domestic', retired: true },
    ]);
    expect(result.notes).toEqual(['2 suppliers retired ("Remove" in the export, or "(Do not Use)" in the name)']);
  });

  it('yarn inventory: blanks are 0, "Never" has no date, csv money is read', () => {
    const { batch } = mapAs('yarn_inventory', [
      [
        'Desc#',
        'Supplier',
        'Beginning Balance',
        'Received',
        'Consumed',
        'Adjustments',
        'Theoretical Balance',
        'On Order',
        'Allocated',
        'Planning Balance',
        'Reconcile Date',
        'Cost/Pound',
        'Total Cost',
      ],
      ['739.0', 'LYCRA', '300.10', null, '0.00', null, '300.10', '0.00', '-185.14', '114.96', 'Never', '$5.96 ', '"$1,788.60 "'.slice(1, -1)],
    ]);
    expect(batch.yarnInventory![0]).toMatchObject({
      yarnId: '739',
      receivedLbs: 0,
      adjustmentsLbs: 0,
      allocatedLbs: -185.14,
      reconcileDate: null,
      costPerLb: 5.96,
      totalCostUsd: 1788.6,
    });
  });
});

describe('rolls, machines, receipts, reports', () => {
  it('P01: group headers forward-filled onto the roll rows, counts checked', () => {
    const { batch, reader, result } = mapAs('rolls_p01', [
      ['Customer', 'Roll #', 'Vendor Roll #', 'Rack', 'Qty (yds)', 'Qty (lbs)', 'Good Ea.', 'Bad Ea.', 'Received'],
      ['Style #: 2140390/FF (2 rolls, 70 yds, 36 lbs, 0 good, 0 bad)'],
      ['SO #: S2505411 (2 rolls, 70 yds, 36 lbs, 0 good, 0 bad)'],
      ['Order #: D68483 (1 rolls, 31 yds, 16 lbs, 0 good, 0 bad)'],
      ['CFAB', '006848324', '9168', 'GP006', 31, 15.9, 0, 0, null],
      ['Order #: D68490 (1 rolls, 39 yds, 20 lbs, 0 good, 0 bad)'],
      ['CFAB', '006849001', '9170', 'GP006', 39, 20.3, 0, 0, null],
      ['Style #: GG6019-NAVY/CDF (2 rolls, 56 yds, 41 lbs, 0 good, 0 bad)'],
      ['SO #: S2508300 (1 rolls, 56 yds, 41 lbs, 0 good, 0 bad)'],
      ['Order #: D64151 (1 rolls, 56 yds, 41 lbs, 0 good, 0 bad)'],
      ['GLEN', '006415129', 'B41034A', 'R201', 56, 40.6, 0, 0, null],
    ]);
    expect(batch.fabricRolls!.map((r) => [r.rollNumber, r.style, r.soNumber, r.orderNumber])).toEqual([
      ['006848324', '2140390/FF', 'S2505411', 'D68483'],
      ['006849001', '2140390/FF', 'S2505411', 'D68490'],
      ['006415129', 'GG6019-NAVY/CDF', 'S2508300', 'D64151'],
    ]);
    expect(reader.stats).toMatchObject({ rowsAccepted: 3, rowsSkipped: 7 });
    // GG6019 claims 2 rolls, 1 read
    expect(result.notes[1]).toContain('1 style groups whose roll count differs');
  });

  it("G00 keeps the machine's leading zero; G02 reads its text date", () => {
    const g00 = mapAs(
      'rolls_g00',
      rows('Style #|KO #|Customer|Roll #|Qty (lbs)|Knit Date|Machine\n72762/PHL|K2101019|NSAP|032186063|50|1/20/2021|041'),
    );
    expect(g00.batch.fabricRolls![0]).toMatchObject({ machine: '041', rollNumber: '032186063', greigeStyle: '72762/PHL', eventDate: '2021-01-20' });
    const g02 = mapAs(
      'rolls_g02',
      rows('fStyle|Processor|DO|Customer|Roll #|Qty (lbs)|gStyle|Ship Date\nCF5109-0/0|CDF|D62570|KITH|037839017|51.3|CF5109/0 |3/14/2024'),
    );
    expect(g02.batch.fabricRolls![0]).toMatchObject({ style: 'CF5109-0/0', greigeStyle: 'CF5109/0', doNumber: 'D62570', eventDate: '2024-03-14' });
  });

  it('machines: trailing-space work centers are one; a blank one is null', () => {
    const { batch, result } = mapAs('machines', rows('WC|MACH\n1.30.28.F|78\n1.30.28.F |77\n|134\n6.30.28.F |12\n1.30.28.F|78'));
    expect(batch.machines!.map((m) => [m.machineId, m.workCenter])).toEqual([
      ['78', '1.30.28.F'],
      ['77', '1.30.28.F'],
      ['134', null],
      ['12', '6.30.28.F'],
    ]);
    expect(result.notes[0]).toBe(
      '4 machines in 2 work centers (3 distinct values before trailing spaces are trimmed); 1 without a work center (134)',
    );
  });

  it('expected receipts: Friday-dated columns become ISO-week Mondays; past due can be negative; blanks are 0', () => {
    const { batch, result } = mapAs('expected_receipts', [
      [
        'PO Date',
        'PO #',
        'Purchased From',
        'Desc',
        'Price',
        'INVEN',
        'PO Order Amt',
        "Rec'd",
        'PO Bal',
        'Unscheduled or Past Due',
        'This Week',
        '9/12/2025',
        '9/19/2025',
        'Later',
      ],
      ['3/5/2024', 'Y2403004', 'CS America', '18904', '$2.55 ', '3,730.30', '20,000', '13,551', '6,449', '-3,151', '2,400', null, '2,400', '4,800'],
    ]);
    expect(batch.expectedReceipts).toEqual([
      { poNumber: 'Y2403004', yarnId: '18904', bucket: 'pastDue', weekStart: null, qtyLbs: -3151 },
      { poNumber: 'Y2403004', yarnId: '18904', bucket: 'week', weekStart: '2025-09-01', qtyLbs: 2400 },
      { poNumber: 'Y2403004', yarnId: '18904', bucket: 'week', weekStart: '2025-09-15', qtyLbs: 2400 },
      { poNumber: 'Y2403004', yarnId: '18904', bucket: 'later', weekStart: null, qtyLbs: 4800 },
    ]);
    expect(batch.expectedPos![0]).toMatchObject({ balanceLbs: 6449, costPerLb: 2.55, inventoryLbs: 3730.3 });
    expect(result.expectedThisWeek).toBe('2025-09-01');
  });

  it('Yarn_Demand: one Demand/Receipts/Balance triple per bucket, the run weekday from the header', () => {
    const { batch, result } = mapAs('erp_yarn_demand', [
      [
        'Yarn',
        'Supplier',
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
      [
        '19089',
        'FILSPEC',
        '0',
        '5,396.1',
        '9,000.0',
        '3,603.9',
        null,
        null,
        '2,356.2',
        null,
        '-2,356.2',
        null,
        '3,039.9',
        '5,500',
        '103.9',
        null,
        null,
        '3,500',
        '3,603.9',
      ],
    ]);
    const row = batch.erpYarnDemand![0];
    expect(row.demandLbs).toEqual([2356.2, 3039.9, 0]);
    expect(row.receiptsLbs).toEqual([0, 5500, 3500]);
    expect(row.balanceByBucketLbs).toEqual([-2356.2, 103.9, 3603.9]);
    expect(result.report).toMatchObject({ type: 'erp_yarn_demand', inventoryWeekday: 2, labels: ['This Week', 'Week 37', 'Later'] });
  });
});
