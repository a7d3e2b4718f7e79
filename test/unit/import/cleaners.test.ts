import { describe, expect, it } from 'vitest';
import {
  greigeSale,
  normId,
  normStyle,
  parseDate,
  parseDateTime,
  parseMoney,
  parseNumber,
  parseOnHold,
  parseOrderNumber,
  stripHtml,
  weekdayInHeader,
} from '../../../src/main/import/cleaners';

const value = <T>(p: { ok: true; value: T } | { ok: false; reason: string }): T | string => (p.ok ? p.value : `ERR ${p.reason}`);

describe('numbers and money', () => {
  it.each([
    [' $4.07 ', 4.07],
    ['$1,788.60 ', 1788.6],
    ['($2,183.40)', -2183.4],
    ['"-3,151"'.slice(1, -1), -3151],
    ['1,200.0', 1200],
    ['22,000', 22000],
    ['-$5.00', -5],
    ['$-5.00', -5],
    ['0.13', 0.13],
    ['1e3', 1000],
    [7258.128, 7258.128],
  ])('%j -> %d', (input, expected) => {
    expect(value(parseNumber(input))).toBeCloseTo(expected, 9);
  });

  it('blank and placeholders are null, garbage is an error', () => {
    expect(value(parseNumber(''))).toBeNull();
    expect(value(parseNumber('  '))).toBeNull();
    expect(value(parseNumber('N/A'))).toBeNull();
    expect(value(parseNumber(null))).toBeNull();
    expect(value(parseNumber('Remove'))).toBe('ERR not a number');
    expect(value(parseNumber('12,34'))).toBe('ERR not a number');
    expect(value(parseNumber('(12'))).toBe('ERR not a number');
    expect(value(parseNumber('$'))).toBe('ERR not a number');
    expect(value(parseNumber(new Date(0)))).toBe('ERR not a number');
  });

  it('keeps the unit of a price: "$7.35 (yds)"', () => {
    expect(value(parseMoney('$7.35 (yds)'))).toEqual({ value: 7.35, unit: 'yds' });
    expect(value(parseMoney('$12.21 (each)'))).toEqual({ value: 12.21, unit: 'each' });
    expect(value(parseMoney('($2,183.40)'))).toEqual({ value: -2183.4, unit: null });
    expect(value(parseMoney('2.15'))).toEqual({ value: 2.15, unit: null });
    expect(value(parseMoney('abc (yds)'))).toBe('ERR not a number');
  });
});

describe('dates', () => {
  it.each([
    ['2025-06-27', '2025-06-27'],
    ['2025-09-04 15:47:29.371355', '2025-09-04'],
    ['5/3/2022', '2022-05-03'],
    ['8/28/2025', '2025-08-28'],
    ['01-02-25', '2025-01-02'],
    ['12-31-24', '2024-12-31'],
    [45901, '2025-09-01'],
    [new Date(Date.UTC(2025, 7, 26, 14, 1, 8)), '2025-08-26'],
    ['Never', null],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(value(parseDate(input as never))).toBe(expected);
  });

  it('keeps the time where there is one, in plant-local form', () => {
    expect(value(parseDateTime(new Date(Date.UTC(2025, 8, 2, 3, 51, 11))))).toBe('2025-09-02T03:51:11');
    expect(value(parseDateTime('2025-09-04 15:47:29.371355'))).toBe('2025-09-04T15:47:29');
    expect(value(parseDateTime('8/28/2025'))).toBe('2025-08-28T00:00:00');
    expect(value(parseDateTime('8/28/2025 3:05 PM'))).toBe('2025-08-28T15:05:00');
    // Excel serial with a time fraction (F01 "Received" = 43928.00001157408)
    expect(value(parseDateTime(43928.00001157408))).toBe('2020-04-07T00:00:01');
  });

  it('refuses impossible and non-date values', () => {
    expect(value(parseDate('2/30/2025'))).toBe('ERR invalid date');
    expect(value(parseDate('hello'))).toBe('ERR not a date');
    expect(value(parseDate(12))).toBe('ERR number is not a date');
    expect(value(parseDate(true))).toBe('ERR not a date');
  });
});

describe('identifiers and styles', () => {
  it('drops a float .0, keeps leading zeros, trims', () => {
    expect(normId(18767)).toBe('18767');
    expect(normId('18767.0')).toBe('18767');
    expect(normId('41.0')).toBe('41');
    expect(normId('041')).toBe('041');
    expect(normId('004050801')).toBe('004050801');
    expect(normId(' 4500226868 ')).toBe('4500226868');
    expect(normId('N/A')).toBeNull();
    expect(normId('NA')).toBe('NA'); // a real greige version code
    expect(normId('')).toBeNull();
  });

  it('normalises style codes without merging distinct codes', () => {
    expect(normStyle(' FF 10006/0001')).toBe('FF 10006/0001');
    expect(normStyle('CEE2838/1IN ')).toBe('CEE2838/1IN');
    expect(normStyle('CF2007 / 0')).toBe('CF2007/0');
    expect(normStyle('116  CASPER KD/0')).toBe('116 CASPER KD/0');
    expect(normStyle('FF10009')).not.toBe(normStyle('FF 10009'));
  });

  it('recognises greige sold directly', () => {
    expect(greigeSale('(Greige) 205FLX2006/M')).toBe('205FLX2006/M');
    expect(greigeSale('CT2222-1')).toBeNull();
  });
});

describe('HTML in cells', () => {
  const ko =
    "K2409070&nbsp;<i class='fa fa-exclamation-triangle' style='color: red;' title='This knit order has a zero or negative knit price!'></i>";
  it('knit order number with the warning icon -> number, flag and title', () => {
    expect(parseOrderNumber(ko)).toEqual({
      value: 'K2409070',
      hasWarning: true,
      warningText: 'This knit order has a zero or negative knit price!',
    });
    expect(parseOrderNumber('K2508066')).toEqual({ value: 'K2508066', hasWarning: false, warningText: null });
    expect(parseOrderNumber(null)).toBeNull();
  });

  it('SO On Hold toggle -> boolean from the icon class', () => {
    const off = "<div id='holdButton_25764' style='text-align: center;'><i class='fa fa-toggle-off' onClick='setReleased(25764,0)'></i></div>";
    const on = "<div id='holdButton_1'><i class='fa fa-toggle-on' onClick='setReleased(1,1)'></i></div>";
    expect(value(parseOnHold(off))).toBe(false);
    expect(value(parseOnHold(on))).toBe(true);
    expect(value(parseOnHold('Yes'))).toBe(true);
    expect(value(parseOnHold(null))).toBeNull();
    expect(value(parseOnHold('<div>?</div>'))).toBe('ERR not an on/off value');
  });

  it('strips tags and entities', () => {
    expect(stripHtml('<b>A&amp;B</b>&nbsp; C')).toBe('A&B C');
  });

  it('reads the run weekday of "Tuesday Inventory"', () => {
    expect(weekdayInHeader('Tuesday Inventory')).toBe(2);
    expect(weekdayInHeader('Monday Inventory')).toBe(1);
    expect(weekdayInHeader('Inventory')).toBeUndefined();
  });
});
