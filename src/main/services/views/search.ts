// "Go to anything" (`search.find`): the yarns, knit orders, PO lines, styles, suppliers and machines of a snapshot
// whose id or text matches the query, best first. One parameterised query per kind over the snapshot's entity
// tables (each kind read from the batch the plan reads it from), each ranked and capped in SQL: no plan JSON is read.
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

/** `50%_off` -> `50\%\_off`: the query as literal LIKE text. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The words of a query (at most 5), each matched anywhere in a row's id or text. */
export function queryWords(query: string): string[] {
  return query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
}

interface Row {
  id: string;
  line: string | null;
  rank: number;
  t0: string | null;
  t1: string | null;
  t2: string | null;
}

/** Best first: rank (exact id, id prefix, text), then kind, then the shorter id, then id (and PO line) order. */
export function compareHits(a: Pick<SearchHit, 'rank' | 'kind' | 'id' | 'label'>, b: Pick<SearchHit, 'rank' | 'kind' | 'id' | 'label'>): number {
  return (
    a.rank - b.rank ||
    KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
    a.id.length - b.id.length ||
    a.id.localeCompare(b.id, 'en', { numeric: true }) ||
    a.label.localeCompare(b.label, 'en', { numeric: true })
  );
}

function queryKind(db: Db, spec: KindSpec, snapshotId: number, extra: string, query: string, words: string[], limit: number): Row[] {
  const text = spec.text.map((c) => `coalesce(${c}, '')`);
  const haystack = [spec.id, ...(spec.lineId ? [spec.lineId] : []), ...spec.text].map((c) => `coalesce(${c}, '')`).join(" || ' ' || ");
  const wordsMatch = words.map(() => `(${haystack}) LIKE ? ESCAPE '\\'`).join(' AND ');
  const cols = [0, 1, 2].map((i) => `${text[i] ?? 'NULL'} AS t${i}`).join(', ');
  const sql = `
    SELECT id, line, min(rank) AS rank, t0, t1, t2 FROM (
      SELECT ${spec.id} AS id, ${spec.lineId ?? 'NULL'} AS line, ${cols},
        CASE WHEN ${spec.id} = ? COLLATE NOCASE THEN ${MATCH_RANKS.exactId}
             WHEN ${spec.id} LIKE ? ESCAPE '\\' THEN ${MATCH_RANKS.idPrefix}
             ELSE ${MATCH_RANKS.textContains} END AS rank
      FROM ${spec.from}
      WHERE snapshot_id = ? ${extra ? `AND ${extra}` : ''}
        AND (${spec.id} LIKE ? ESCAPE '\\' OR (${wordsMatch}))
    )
    GROUP BY id, line
    ORDER BY rank, length(id), id
    LIMIT ?`;
  const literal = likeLiteral(query);
  return db.prepare(sql).all(query, `${literal}%`, snapshotId, `${literal}%`, ...words.map((w) => `%${likeLiteral(w)}%`), limit) as Row[];
}

/** The hits for `query` in the snapshot, best first, at most `limit`. */
export function findEntities(db: Db, snapshotId: number, query: string, limit: number): SearchHit[] {
  const words = queryWords(query);
  if (!words.length) return [];
  const sources = planningSources(db, snapshotId);
  const hits: SearchHit[] = [];
  for (const spec of SPECS) {
    const source = spec.sources.map((s) => sources[s]).find((id) => id !== undefined);
    if (source === undefined) continue;
    for (const r of queryKind(db, spec, source, spec.where?.(sources) ?? '', query.trim(), words, limit)) {
      const detail = [r.t0, r.t1, r.t2].map((t) => (t ?? '').trim());
      hits.push({
        kind: spec.kind,
        id: r.id,
        label: spec.label(r.id, r.line),
        detail: detail.filter(Boolean).join(' · '),
        rank: r.rank,
        route: spec.route(r.id, r.line),
      });
    }
  }
  return hits.sort(compareHits).slice(0, limit);
}
