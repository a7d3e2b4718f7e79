// "Go to anything" (`search.find`): the yarns, knit orders, PO lines, styles, suppliers and machines of a snapshot
// whose id or text matches the query, best first (exact id, id prefix, every word in its text). The rows come from the
// snapshot's entity tables (one parameterised query per kind, kept per snapshot); no plan JSON is read.
import { MATCH_RANKS, SEARCH_KINDS, type SearchHit, type SearchKind } from '../../../shared/search';
import type { Db } from '../../store/db';
import { planningSources } from '../../store/entities';

/** One kind's query: the snapshot its rows come from, its table, id and text columns, and how a row opens. */
interface KindSpec {
  kind: SearchKind;
  /** The entity kind(s) of `planningSources` the rows are read from (the first one the snapshot has). */
  sources: string[];
  from: string;
  /** Extra condition on the table (parameter-free). */
  where?: (sources: Record<string, number>) => string;
  id: string;
  /** Columns searched besides the id, and shown as the hit's detail. */
  text: string[];
  /** A second id column that makes rows distinct (a PO's yarn line). */
  lineId?: string;
  label: (id: string, line: string | null) => string;
  route: (id: string, line: string | null) => SearchHit['route'];
}

const SPECS: KindSpec[] = [
  {
    kind: 'yarn',
    sources: ['yarnInventory'],
    from: 'yarn_inventory',
    id: 'yarn_id',
    text: ['description', 'color', 'supplier'],
    label: (id) => `Yarn ${id}`,
    route: (id) => ({ page: 'yarn', params: { yarnId: id } }),
  },
  {
    kind: 'knitOrder',
    sources: ['knitOrders', 'knitOrdersApi'],
    from: 'knit_order',
    // the plan uses the export's knit orders when the snapshot has them, else the API's (store/entities.ts)
    where: (s) => (s.knitOrders !== undefined ? "source = 'export'" : "source = 'api'"),
    id: 'ko_number',
    text: ['style', 'machine', 'po_number'],
    label: (id) => `Knit order ${id}`,
    route: (id) => ({ page: 'schedule', params: { koNumber: id } }),
  },
  {
    kind: 'po',
    sources: ['yarnPos'],
    from: 'yarn_po',
    id: 'po_number',
    lineId: 'yarn_id',
    text: ['supplier', 'description', 'color'],
    label: (id, yarn) => `PO ${id} · yarn ${yarn ?? ''}`,
    // a PO line lives in its yarn's detail (receipts)
    route: (_id, yarn) => ({ page: 'yarn', params: { yarnId: yarn ?? '', section: 'receipts' } }),
  },
  {
    kind: 'style',
    sources: ['greigeStyles'],
    from: 'greige_style',
    id: 'style',
    text: ['work_center', 'customer', 'construction'],
    label: (id) => `Style ${id}`,
    route: (id) => ({ page: 'demand', params: { tab: 'style', style: id } }),
  },
  {
    kind: 'supplier',
    sources: ['suppliers'],
    from: 'supplier',
    id: 'name',
    text: ['supplier_id', 'supplier_type'],
    label: (id) => `Supplier ${id}`,
    route: (id) => ({ page: 'purchasing', params: { supplier: id } }),
  },
  {
    kind: 'machine',
    sources: ['machines'],
    from: 'machine',
    id: 'machine_id',
    text: ['work_center', 'work_center_raw'],
    label: (id) => `Machine ${id}`,
    route: (id) => ({ page: 'capacity', params: { tab: 'machines', machine: id } }),
  },
];

const KIND_ORDER = new Map(SEARCH_KINDS.map((k, i) => [k, i]));

/** The words of a query (at most 5), each matched anywhere in a row's id or text. */
export function queryWords(query: string): string[] {
  return query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
}

/** One searchable row of a kind, with its text lower-cased once. */
export interface SearchRow {
  kind: SearchKind;
  id: string;
  line: string | null;
  /** The text columns, shown as the hit's detail. */
  texts: string[];
  idLower: string;
  /** Id, line id and texts, lower-cased, one per line: where every word of the query must occur. */
  haystack: string;
}

export function searchRow(kind: SearchKind, id: string, line: string | null, texts: (string | null)[]): SearchRow {
  const shown = texts.map((t) => (t ?? '').trim());
  return { kind, id, line, texts: shown, idLower: id.toLowerCase(), haystack: [id, line ?? '', ...shown].join('\n').toLowerCase() };
}

/** How a row matches the query: 0 exact id, 1 id prefix, 2 every word in its id or text, undefined no match. */
export function matchRank(row: SearchRow, queryLower: string, wordsLower: readonly string[]): number | undefined {
  if (row.idLower === queryLower) return MATCH_RANKS.exactId;
  if (row.idLower.startsWith(queryLower)) return MATCH_RANKS.idPrefix;
  return wordsLower.length && wordsLower.every((w) => row.haystack.includes(w)) ? MATCH_RANKS.textContains : undefined;
}

/** What orders two matches. */
export interface RankedKey {
  rank: number;
  kind: SearchKind;
  id: string;
  line?: string | null;
}

/** Shorter first, then code-point order: numeric ids of one length sort as numbers, without a collator's cost. */
function compareCodes(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Best first: rank (exact id, id prefix, text), then kind, then the shorter id, then id (and PO line) order. */
export function compareHits(a: RankedKey, b: RankedKey): number {
  return a.rank - b.rank || KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || compareCodes(a.id, b.id) || compareCodes(a.line ?? '', b.line ?? '');
}

const SPEC_BY_KIND = new Map(SPECS.map((s) => [s.kind, s]));

/**
 * The rows matching `query`, ranked and capped: the pure core of `search.find`. Only the best `limit` are kept while
 * scanning (a one-character query matches most of 78,000 rows at 10x; sorting them all took seconds).
 */
export function rankRows(rows: readonly SearchRow[], query: string, limit: number): SearchHit[] {
  const queryLower = query.trim().toLowerCase();
  const wordsLower = queryWords(queryLower);
  if (!queryLower || limit < 1) return [];
  const best: (RankedKey & { row: SearchRow })[] = [];
  for (const row of rows) {
    const rank = matchRank(row, queryLower, wordsLower);
    if (rank === undefined) continue;
    const match = { rank, kind: row.kind, id: row.id, line: row.line, row };
    if (best.length === limit && compareHits(match, best[limit - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareHits(best[mid], match) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, match);
    if (best.length > limit) best.pop();
  }
  return best.map(({ rank, row }) => {
    const spec = SPEC_BY_KIND.get(row.kind)!;
    return {
      kind: row.kind,
      id: row.id,
      label: spec.label(row.id, row.line),
      detail: [...new Set(row.texts.filter(Boolean))].join(' · '),
      rank,
      route: spec.route(row.id, row.line),
    };
  });
}

/**
 * The searchable rows of a snapshot: one parameterised query per kind, each kind from the batch the plan reads it
 * from, one row per id (and PO line). An imported snapshot's rows never change, so they are kept for the next
 * keystrokes, keyed by the snapshot (its id, creation time and content hash) and the batches its kinds come from:
 * at 10x the styles alone are 60,559 rows, and scanning them with LIKE on every keystroke took 120-340 ms.
 */
export function loadSearchRows(db: Db, snapshotId: number): SearchRow[] {
  return loadSearchRowsTimed(db, snapshotId).rows;
}

/** `loadSearchRows` saying whether the rows came from the cache and how long reading them took (`search.warm`). */
export function loadSearchRowsTimed(db: Db, snapshotId: number): { rows: SearchRow[]; cached: boolean; loadMs: number } {
  const t0 = performance.now();
  const snap = db.prepare('SELECT created_at, content_hash FROM snapshot WHERE id = ?').get(snapshotId) as
    { created_at: string; content_hash: string } | undefined;
  const sources = planningSources(db, snapshotId);
  const key = JSON.stringify([snapshotId, snap?.created_at, snap?.content_hash, sources]);
  const cached = cache.get(db);
  if (cached?.key === key) return { rows: cached.rows, cached: true, loadMs: 0 };
  const rows: SearchRow[] = [];
  for (const spec of SPECS) {
    const source = spec.sources.map((s) => sources[s]).find((id) => id !== undefined);
    if (source === undefined) continue;
    const cols = [0, 1, 2].map((i) => `${spec.text[i] ?? 'NULL'} AS t${i}`).join(', ');
    const where = spec.where?.(sources);
    const found = db
      .prepare(
        `SELECT ${spec.id} AS id, ${spec.lineId ?? 'NULL'} AS line, ${cols} FROM ${spec.from} WHERE snapshot_id = ?${where ? ` AND ${where}` : ''}`,
      )
      .all(source) as { id: string; line: string | null; t0: string | null; t1: string | null; t2: string | null }[];
    const seen = new Set<string>();
    for (const r of found) {
      const id = String(r.id);
      const line = r.line === null ? null : String(r.line);
      const k = `${id}\u0000${line ?? ''}`;
      if (seen.has(k)) continue;
      seen.add(k);
      rows.push(searchRow(spec.kind, id, line, [r.t0, r.t1, r.t2].slice(0, spec.text.length)));
    }
  }
  cache.set(db, { key, rows });
  return { rows, cached: false, loadMs: Math.round(performance.now() - t0) };
}

/** One snapshot's rows per database handle (the planner's), replaced when another snapshot is searched. */
const cache = new WeakMap<Db, { key: string; rows: SearchRow[] }>();

/** The hits for `query` in the snapshot, best first, at most `limit`. */
export function findEntities(db: Db, snapshotId: number, query: string, limit: number): SearchHit[] {
  return rankRows(loadSearchRows(db, snapshotId), query, limit);
}
