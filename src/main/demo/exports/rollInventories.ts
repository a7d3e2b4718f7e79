// eFab_Inventory_F01 / G00 / G02 / I01: Roll # as text with leading zeros, G00 Machine as "041",
// G02 Ship Date stored as M/D/YYYY text.
import type { DemoDataset } from '../dataset';
import { dateCell, type Cell, type ColumnFormat, type SheetTable } from '../write/table';

export const F01_HEADERS = [
  'Style #',
  'Order #',
  'Customer',
  'Roll #',
  'Vendor Roll #',
  'Rack',
  'Qty (yds)',
  'Qty (lbs)',
  'Good Ea.',
  'Bad Ea.',
  'Received',
] as const;
export const G00_HEADERS = ['Style #', 'KO #', 'Customer', 'Roll #', 'Qty (lbs)', 'Knit Date', 'Machine'] as const;
export const G02_HEADERS = ['fStyle', 'Processor', 'DO', 'Customer', 'Roll #', 'Qty (lbs)', 'gStyle', 'Ship Date'] as const;
export const I01_HEADERS = [
  'Style #',
  'Customer',
  'Order #',
  'Roll #',
  'Vendor Roll #',
  'Qty (yds)',
  'Qty (lbs)',
  'Good Ea.',
  'Bad Ea.',
  'Processor',
  'Received',
] as const;

function columns(headers: readonly string[]): SheetTable['columns'] {
  return headers.map((header) => {
    let format: ColumnFormat = 'text';
    if (header.startsWith('Qty')) format = 'num1';
    else if (header.endsWith('Ea.')) format = 'general';
    else if (header === 'Received') format = 'datetime';
    else if (header === 'Knit Date') format = 'date';
    return { header, format };
  });
}

export function f01Table(ds: DemoDataset): SheetTable {
  const rows: Cell[][] = ds.rolls.f01.map((r) => [
    r.style,
    r.order,
    r.customer,
    r.roll,
    r.vendorRoll,
    r.rack,
    r.yds,
    r.lbs,
    r.good,
    r.bad,
    dateCell(r.receivedAt),
  ]);
  return { sheetName: 'Sheet', columns: columns(F01_HEADERS), rows };
}

export function g00Table(ds: DemoDataset): SheetTable {
  const rows: Cell[][] = ds.rolls.g00.map((r) => [r.style, r.ko, r.customer, r.roll, r.lbs, dateCell(r.knitDate), r.machine]);
  return { sheetName: 'Sheet', columns: columns(G00_HEADERS), rows };
}

export function g02Table(ds: DemoDataset): SheetTable {
  const rows: Cell[][] = ds.rolls.g02.map((r) => [r.fStyle, r.processor, r.dyeOrder, r.customer, r.roll, r.lbs, r.gStyle, r.shipDate]);
  return { sheetName: 'Sheet', columns: columns(G02_HEADERS), rows };
}

export function i01Table(ds: DemoDataset): SheetTable {
  const rows: Cell[][] = ds.rolls.i01.map((r) => [
    r.style,
    r.customer,
    r.order,
    r.roll,
    r.vendorRoll,
    r.yds,
    r.lbs,
    r.good,
    r.bad,
    r.processor,
    dateCell(r.receivedAt),
  ]);
  return { sheetName: 'Sheet', columns: columns(I01_HEADERS), rows };
}
