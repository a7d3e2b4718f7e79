// The planner's per-style overrides of the ERP data: knitting rates, and bills of materials (a row per style with
// its yarn lines in a child table, in the order given).
import { bomOverrideSchema, type BomOverride } from '../../shared/domain/bomOverride';
import { rateOverrideSchema, type RateOverride } from '../../shared/domain/rateOverride';
import type { Db } from './dbHandle';
import {
  checkValue,
  deleteRow,
  keyText,
  listRows,
  optionalFields,
  parseRow,
  putRow,
  type Columns,
  type RowChange,
  type RowSpec,
} from './plannerRows';

export const rateOverrideRows: RowSpec<RateOverride> = {
  table: 'rate_override',
  keyColumns: ['style'],
  keyOf: (o) => [o.style],
  schema: rateOverrideSchema,
  toColumns: (o) => ({ style: o.style, lbs_per_day: o.lbsPerDay, as_of: o.asOf, note: o.note ?? null }),
  fromColumns: (r) => ({ style: r.style, lbsPerDay: r.lbs_per_day, asOf: r.as_of, ...optionalFields({ note: r.note }) }),
  orderBy: 'style',
};

export const listRateOverrides = (db: Db): RateOverride[] => listRows(db, rateOverrideRows);
export const putRateOverride = (db: Db, o: RateOverride, now: string): RowChange<RateOverride> => putRow(db, rateOverrideRows, o, now);
export const deleteRateOverride = (db: Db, style: string): RowChange<RateOverride> => deleteRow(db, rateOverrideRows, [style]);

/** The header row with its `lines` attached (read and written by the functions below, not by putRow/deleteRow). */
export const bomOverrideRows: RowSpec<BomOverride> = {
  table: 'bom_override',
  keyColumns: ['style'],
  keyOf: (o) => [o.style],
  schema: bomOverrideSchema,
  toColumns: (o) => ({ style: o.style, as_of: o.asOf, note: o.note ?? null }),
  fromColumns: (r) => ({ style: r.style, lines: (r as unknown as { lines: unknown }).lines, asOf: r.as_of, ...optionalFields({ note: r.note }) }),
  orderBy: 'style',
};

interface LineRow {
  style: string;
  yarn_id: string;
  fraction: number;
}

function withLines(headers: Columns[], lines: LineRow[]): BomOverride[] {
  const byStyle = new Map<string, { yarnId: string; fraction: number }[]>();
  for (const l of lines) {
    const list = byStyle.get(l.style) ?? [];
    list.push({ yarnId: l.yarn_id, fraction: l.fraction });
    byStyle.set(l.style, list);
  }
  return headers.map((h) => parseRow(bomOverrideRows, { ...h, lines: byStyle.get(h.style as string) ?? [] } as unknown as Columns));
}

export function listBomOverrides(db: Db): BomOverride[] {
  return db.transaction(() =>
    withLines(
      db.prepare('SELECT * FROM bom_override ORDER BY style').all() as Columns[],
      db.prepare('SELECT style, yarn_id, fraction FROM bom_override_line ORDER BY style, line_no').all() as LineRow[],
    ),
  )();
}

export function getBomOverride(db: Db, style: string): BomOverride | null {
  const header = db.prepare('SELECT * FROM bom_override WHERE style = ?').get(style) as Columns | undefined;
  if (!header) return null;
  return withLines(
    [header],
    db.prepare('SELECT style, yarn_id, fraction FROM bom_override_line WHERE style = ? ORDER BY line_no').all(style) as LineRow[],
  )[0];
}

/** Sets a style's BOM override (replacing its earlier one, lines included). */
export function putBomOverride(db: Db, value: BomOverride, now: string): RowChange<BomOverride> {
  const o = checkValue(bomOverrideRows, value);
  return db
    .transaction(() => {
      const before = getBomOverride(db, o.style);
      if (before && JSON.stringify(before) === JSON.stringify(o)) return { table: 'bom_override', key: keyText([o.style]), before, after: before };
      const header = bomOverrideRows.toColumns(o);
      db.prepare(
        `INSERT INTO bom_override (style, as_of, note, revision, updated_at) VALUES (?, ?, ?, 1, ?)
         ON CONFLICT (style) DO UPDATE SET as_of = excluded.as_of, note = excluded.note, revision = bom_override.revision + 1, updated_at = excluded.updated_at`,
      ).run(header.style, header.as_of, header.note, now);
      db.prepare('DELETE FROM bom_override_line WHERE style = ?').run(o.style);
      const line = db.prepare('INSERT INTO bom_override_line (style, line_no, yarn_id, fraction) VALUES (?, ?, ?, ?)');
      o.lines.forEach((l, i) => line.run(o.style, i + 1, l.yarnId, l.fraction));
      return { table: 'bom_override', key: keyText([o.style]), before, after: getBomOverride(db, o.style) };
    })
    .immediate();
}

export function deleteBomOverride(db: Db, style: string): RowChange<BomOverride> {
  return db
    .transaction(() => {
      const before = getBomOverride(db, style);
      db.prepare('DELETE FROM bom_override_line WHERE style = ?').run(style);
      db.prepare('DELETE FROM bom_override WHERE style = ?').run(style);
      return { table: 'bom_override', key: keyText([style]), before, after: null };
    })
    .immediate();
}
