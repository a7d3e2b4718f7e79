// CSV formula injection (issue 11 item 9): imported text that a spreadsheet would run as a formula is written with a
// leading single quote by every CSV writer; real numbers, negatives included, stay numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvLine, neutraliseFormula, rowsToCsv, tuplesToCsv, writeTuplesCsv } from '../../../src/shared/csv';
import { csvExportCell, toTsv } from '../../../src/renderer/src/components/gridColumns';

const FORMULAS = ['=HYPERLINK("http://x","y")', '+1+cmd|/c calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=1'];
const NUMBERS = ['-196.5', '196.5', '-3,151', '+12', '1e-5', '-0.25', '-.5'];

describe('neutraliseFormula', () => {
  it('prefixes a single quote to text starting with = + - @ tab or CR', () => {
    for (const f of FORMULAS) expect(neutraliseFormula(f)).toBe(`'${f}`);
  });
  it('leaves numbers (negative too), ordinary text and empty text alone', () => {
    for (const n of NUMBERS) expect(neutraliseFormula(n)).toBe(n);
    for (const t of ['', 'Lycra', "'=already", 'a=b', ' =x', '-', '--']) expect(neutraliseFormula(t)).toBe(t === '-' || t === '--' ? `'${t}` : t);
  });
});

describe('every CSV writer uses it', () => {
  it('rowsToCsv (CLI reports, PO drafts) and csvLine: formula text quoted, numbers as numbers', () => {
    const text = rowsToCsv(
      [
        { yarnId: '=1+2', description: '@SUM(A1)', qty: -196.5, supplier: '-2+3' },
        { yarnId: '739', description: '\t=cmd', qty: 12, supplier: 'LYCRA' },
      ],
      ['yarnId', 'description', 'qty', 'supplier'],
    );
    const rows = Papa.parse<string[]>(text.trim()).data;
    expect(rows).toEqual([
      ['yarnId', 'description', 'qty', 'supplier'],
      ["'=1+2", "'@SUM(A1)", '-196.5', "'-2+3"],
      ['739', "'\t=cmd", '12', 'LYCRA'],
    ]);
    expect(csvLine(['=x', '-1'])).toBe("'=x,-1");
  });

  it('the grid clipboard copy (tab-separated) quotes formula text too', () => {
    expect(toTsv(['a', 'b'], [['=x', -196.5]])).toBe("a\tb\n'=x\t-196.5");
  });

  it('the grid CSV export passes every cell through it (formatted numbers stay numbers)', () => {
    const cell = (value: unknown, format = (v: unknown) => String(v)) => csvExportCell({ value, formatValue: format } as never);
    expect(cell('=x')).toBe("'=x");
    expect(cell(-196.5)).toBe('-196.5');
    expect(cell(-1234.5, () => '-1,234.5')).toBe('-1,234.5');
    expect(cell(null, () => '')).toBe('');
    const grid = readFileSync(join(__dirname, '../../../src/renderer/src/components/DataGrid.tsx'), 'utf8');
    expect(grid).toMatch(/exportDataAsCsv\(\{.*processCellCallback: csvExportCell \}\)/);
  });
});

describe('tuplesToCsv', () => {
  it('writes rows given as arrays exactly as rowsToCsv writes the same rows as objects', () => {
    const columns = ['series', 'origin', 'horizon', 'model', 'actual', 'forecast'];
    const values = [
      ...FORMULAS,
      ...NUMBERS,
      'a "quoted", text',
      'line\nbreak',
      '',
      null,
      undefined,
      true,
      false,
      0,
      -0,
      1 / 3,
      -196.54321,
      1e21,
      NaN,
      Infinity,
    ];
    const tuples = Array.from({ length: 200 }, (_, i) => columns.map((_c, j) => values[(i * 7 + j * 13) % values.length]));
    const objects = tuples.map((t) => Object.fromEntries(columns.map((c, j) => [c, t[j]])));
    expect(tuplesToCsv(tuples, columns)).toBe(rowsToCsv(objects, columns));
    expect(tuplesToCsv([], columns)).toBe(rowsToCsv([], columns));
    // written in pieces (a large backtest.csv is never one string): the pieces make the same text
    const pieces: string[] = [];
    writeTuplesCsv(tuples, columns, (text) => pieces.push(text), 500);
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.slice(0, -1).map((p) => p.length))).toBeLessThan(500 + 200);
    expect(pieces.join('')).toBe(rowsToCsv(objects, columns));
  });
});
