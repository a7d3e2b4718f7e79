// JSON exports (the ERP API, and QuadS lists saved as ".csv"): an array of records, nested objects flattened
// to dotted keys (`knit_style_base.base_style`), turned into a header row plus value rows.
import { UnreadableFileError, type Cell, type RawSheet } from './types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function findRecords(data: Json): { [k: string]: Json }[] | undefined {
  const isRecords = (v: Json): v is { [k: string]: Json }[] =>
    Array.isArray(v) && v.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r));
  if (isRecords(data)) return data;
  // an envelope such as {"data": [...]} or {"results": [...]}
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const v of Object.values(data)) if (isRecords(v) && v.length) return v;
  }
  return undefined;
}

export function readJsonRecords(text: string, tick?: () => void): RawSheet {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch (err) {
    throw new UnreadableFileError(`invalid JSON: ${(err as Error).message.slice(0, 200)}`);
  }
  tick?.();
  const records = findRecords(data);
  if (!records) throw new UnreadableFileError('JSON file does not hold an array of records');
  // one row per record, a column per dotted key in the order keys first appear (no object per record)
  const columns = new Map<string, number>();
  const flatten = (obj: { [k: string]: Json }, prefix: string, row: Cell[]): void => {
    for (const k in obj) {
      const v = obj[k];
      const key = prefix ? `${prefix}.${k}` : k;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        flatten(v, key, row);
        continue;
      }
      let c = columns.get(key);
      if (c === undefined) columns.set(key, (c = columns.size));
      row[c] = Array.isArray(v) ? JSON.stringify(v) : v;
    }
  };
  const rows: Cell[][] = [[]];
  for (let i = 0; i < records.length; i++) {
    if (tick && i % 10_000 === 9_999) tick();
    const row: Cell[] = [];
    flatten(records[i], '', row);
    rows.push(row);
  }
  const width = columns.size;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
  }
  rows[0] = [...columns.keys()];
  return { name: 'json', rows, errorCells: 0 };
}
