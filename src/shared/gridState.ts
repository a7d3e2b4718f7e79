// A grid's saved view (sort, filters, column order, widths, hidden and pinned columns), stored per page and grid in
// the planning store (`ui_state`), and how a stored view meets the grid's current columns: a column that no longer
// exists is ignored, a new one is appended, widths are clamped.
import { z } from 'zod';

/** The narrowest and widest a saved column may be (px): a stored width outside is clamped, never applied as is. */
export const GRID_COLUMN_WIDTH_PX = { min: 40, max: 1200 } as const;

const columnStateSchema = z
  .object({
    colId: z.string().min(1).max(200),
    width: z.number().finite().optional(),
    /** Set while the column shares the free width (not resized by the planner); the width is then ignored. */
    flex: z.number().finite().positive().nullable().optional(),
    hide: z.boolean().optional(),
    pinned: z.enum(['left', 'right']).nullable().optional(),
    sort: z.enum(['asc', 'desc']).nullable().optional(),
    sortIndex: z.number().int().min(0).nullable().optional(),
  })
  .strict();
export type SavedColumnState = z.infer<typeof columnStateSchema>;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const jsonValue: z.ZodType<Json> = z.lazy(() =>
  z.union([z.string().max(1000), z.number(), z.boolean(), z.null(), z.array(jsonValue).max(100), z.record(z.string(), jsonValue)]),
);

export const gridViewSchema = z
  .object({
    /** In display order. */
    columns: z.array(columnStateSchema).max(500),
    /** AG Grid's filter model: column id -> that column's filter (its shape is the filter's own). */
    filterModel: z.record(z.string(), z.record(z.string(), jsonValue)),
  })
  .strict();
export type GridView = z.infer<typeof gridViewSchema>;

/** `grid:<page>:<grid id>` — one saved view per grid of a page. */
export const gridStateKeySchema = z
  .string()
  .regex(/^grid:[a-z0-9-]+:[A-Za-z0-9_.-]+$/, 'expected grid:<page>:<grid id>')
  .max(200);

export function gridStateKey(page: string, gridId: string): string {
  return `grid:${page}:${gridId}`;
}

export const gridStateChannels = {
  /** The saved view, or null (never saved, reset, or unreadable: `invalid` then says why). */
  'ui.gridState.get': {
    input: z.object({ key: gridStateKeySchema }).strict(),
    output: z.object({ view: gridViewSchema.nullable(), invalid: z.string().optional() }),
  },
  'ui.gridState.set': {
    input: z.object({ key: gridStateKeySchema, view: gridViewSchema }).strict(),
    output: z.object({ saved: z.boolean() }),
  },
  'ui.gridState.reset': { input: z.object({ key: gridStateKeySchema }).strict(), output: z.object({ reset: z.boolean() }) },
} as const;

const clampWidth = (w: number) => Math.round(Math.min(GRID_COLUMN_WIDTH_PX.max, Math.max(GRID_COLUMN_WIDTH_PX.min, w)));

/**
 * The view to apply to a grid whose columns are now `currentColIds` (in their default order): the saved columns
 * that still exist in the saved order, then the new ones in their default order (with no saved state); sorts and
 * filters of columns that are gone dropped; widths clamped; sort indexes renumbered from 0.
 */
export function mergeGridView(saved: GridView, currentColIds: readonly string[]): GridView {
  const current = new Set(currentColIds);
  const seen = new Set<string>();
  const kept: SavedColumnState[] = [];
  for (const c of saved.columns) {
    if (!current.has(c.colId) || seen.has(c.colId)) continue;
    seen.add(c.colId);
    kept.push(c.width === undefined ? { ...c } : { ...c, width: clampWidth(c.width) });
  }
  const sorted = kept.filter((c) => c.sort).sort((a, b) => (a.sortIndex ?? Infinity) - (b.sortIndex ?? Infinity));
  const sortIndex = new Map(sorted.map((c, i) => [c.colId, i]));
  const columns = [
    ...kept.map((c) => (c.sort ? { ...c, sortIndex: sortIndex.get(c.colId)! } : { ...c, sort: null, sortIndex: null })),
    ...currentColIds.filter((id) => !seen.has(id)).map((colId) => ({ colId })),
  ];
  const filterModel = Object.fromEntries(Object.entries(saved.filterModel).filter(([colId]) => current.has(colId)));
  return { columns, filterModel };
}
