// "Go to anything": the `search.find` channel's input and its typed hits (a yarn, knit order, PO line, style,
// supplier or machine of the active snapshot), each with the page and hash params that open its detail.
import { z } from 'zod';

export const SEARCH_KINDS = ['yarn', 'knitOrder', 'po', 'style', 'supplier', 'machine'] as const;
export const searchKindSchema = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof searchKindSchema>;

/** How well a hit matches: 0 its id is the query, 1 its id starts with it, 2 its id or text contains every word. */
export const MATCH_RANKS = { exactId: 0, idPrefix: 1, textContains: 2 } as const;

export const SEARCH_MAX_LIMIT = 50;

export const searchInputSchema = z
  .object({
    query: z.string().trim().min(1, 'type what to find').max(100),
    limit: z.number().int().min(1).max(SEARCH_MAX_LIMIT).default(20),
    snapshotId: z.number().int().positive().optional(),
  })
  .strict();

/** The pages a hit opens (a subset of the renderer's page ids). */
export const searchPageSchema = z.enum(['yarn', 'schedule', 'demand', 'purchasing', 'capacity']);

export const searchHitSchema = z.object({
  kind: searchKindSchema,
  id: z.string(),
  /** "Yarn 4001", "Knit order K2609021" … */
  label: z.string(),
  /** The text the hit was found by or that tells it apart (description, color, supplier, work center). */
  detail: z.string(),
  rank: z.number().int().min(0).max(2),
  route: z.object({ page: searchPageSchema, params: z.record(z.string(), z.string()) }),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({ hits: z.array(searchHitSchema), snapshotId: z.number().int() });
export type SearchResult = z.infer<typeof searchResultSchema>;

/**
 * `search.warm`: reads the snapshot's searchable rows into the main process's cache ahead of the first query (the
 * Go-to box asks on focus), so the first keystroke is answered from memory. `loadMs` 0 and `cached` when they were.
 */
export const searchWarmInputSchema = z.object({ snapshotId: z.number().int().positive().optional() }).strict();
export const searchWarmResultSchema = z.object({
  snapshotId: z.number().int(),
  rows: z.number().int().min(0),
  cached: z.boolean(),
  loadMs: z.number().min(0),
});
