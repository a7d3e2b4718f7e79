// JSON exports (the ERP API, and QuadS lists saved as ".csv"): an array of records, nested objects flattened
// to dotted keys (`knit_style_base.base_style`), turned into a header row plus value rows.
import { UnreadableFileError, type Cell, type RawSheet } from './types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function flatten(obj: { [k: string]: Json }, prefix: string, out: Map<string, Cell>): void {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out.set(key, Array.isArray(v) ? JSON.stringify(v) : v);
  }
}

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
  const columns = new Map<string, number>();
  const flat = records.map((r, i) => {
    if (tick && i % 10_000 === 9_999) tick();
    const m = new Map<string, Cell>();
    flatten(r, '', m);
    for (const k of m.keys()) if (!columns.has(k)) columns.set(k, columns.size);
    return m;
  });
  const header = [...columns.keys()];
  const rows: Cell[][] = [header];
  for (const m of flat) {
    const row: Cell[] = new Array(header.length).fill(null);
    for (const [k, v] of m) row[columns.get(k)!] = v;
    rows.push(row);
  }
  return { name: 'json', rows, errorCells: 0 };
}
