// "Go to anything" (search.find) over hand-made entity rows: which rows match, and in which order (exact id, then id
// prefix, then text containing every word), read from the batch the plan reads each kind from.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/services/contract/dispatch';
import { compareHits, findEntities, loadSearchRows, loadSearchRowsTimed, rankRows, searchRow } from '../../../src/main/services/views/search';
import { openStore, type Db } from '../../../src/main/store/db';
import { insertSnapshot, recordSnapshotEntities } from '../../../src/main/store/snapshots';

let db: Db;
let snap: number;

function snapshot(asOf: string, counts: Record<string, number>): number {
  const id = insertSnapshot(db, { asOf, label: asOf, kind: 'import', source: 'test', contentHash: `h-${asOf}`, createdAt: `${asOf}T00:00:00Z` });
  recordSnapshotEntities(db, id, counts);
  return id;
}

function yarn(sid: number, yarnId: string, description: string, color: string, supplier: string): void {
  db.prepare(
    `INSERT INTO yarn_inventory (snapshot_id, yarn_id, supplier, description, color, beginning_balance_lbs, received_lbs, consumed_lbs,
       adjustments_lbs, theoretical_balance_lbs, on_order_lbs, allocated_lbs, planning_balance_lbs)
     VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0)`,
  ).run(sid, yarnId, supplier, description, color);
}

function knitOrder(sid: number, ko: string, style: string, machine: string, source = 'export'): void {
  db.prepare(
    `INSERT INTO knit_order (snapshot_id, ko_number, source, style, style_raw, has_warning, ordered_lbs, g00_lbs, shipped_lbs, seconds_lbs,
       balance_lbs, live_balance_lbs, machine) VALUES (?, ?, ?, ?, ?, 0, 100, 0, 0, 0, 100, 100, ?)`,
  ).run(sid, ko, source, style, style, machine);
}

beforeEach(() => {
  db = openStore(':memory:');
  // masters in an earlier batch (a plan inherits them), transactions in the snapshot itself
  const masters = snapshot('2025-08-01', { greigeStyles: 1, suppliers: 2, machines: 2 });
  db.prepare(`INSERT INTO greige_style (snapshot_id, style, base, version, work_center) VALUES (?, 'C1B/400', 'C1B', '400', '30.18.24.F')`).run(
    masters,
  );
  db.prepare(`INSERT INTO supplier (snapshot_id, supplier_id, name, supplier_type, retired) VALUES (?, 'S7', 'LYCRA COMPANY', 'Domestic', 0)`).run(
    masters,
  );
  db.prepare(`INSERT INTO supplier (snapshot_id, supplier_id, name, supplier_type, retired) VALUES (?, 'S9', 'UNIFI', 'Domestic', 0)`).run(masters);
  db.prepare(`INSERT INTO machine (snapshot_id, machine_id, work_center) VALUES (?, '58', '30.18.24.F'), (?, '158', '30.18.24.F')`).run(
    masters,
    masters,
  );
  snap = snapshot('2025-09-05', { yarnInventory: 4, knitOrders: 2, yarnPos: 2 });
  yarn(snap, '4001', '1/150 Poly textured', 'Black', 'UNIFI');
  yarn(snap, '40010', '2/70 Nylon', 'Natural', 'NILIT');
  yarn(snap, '14001', '1/40 Lycra', 'Clear', 'LYCRA COMPANY');
  yarn(snap, '739', 'Yarn 4001 look-alike', 'Black', 'OTHER');
  knitOrder(snap, 'K4001', 'C1B/400', '58');
  knitOrder(snap, 'K2609021', 'C1B/400', '158');
  knitOrder(snap, 'K9999', 'API/ONLY', '58', 'api');
  db.prepare(
    `INSERT INTO yarn_po (snapshot_id, po_number, yarn_id, qty_lbs, balance_lbs, supplier, description, color)
     VALUES (?, 'Y2508002', '4001', 16000, 16000, 'UNIFI', '1/150 Poly', 'Black'), (?, 'Y2508002', '14001', 500, 500, 'UNIFI', '1/40 Lycra', 'Clear')`,
  ).run(snap, snap);
});

afterEach(() => db.close());

const ids = (q: string, limit = 20) =>
  findEntities(db, snap, q, limit).map((h) => `${h.kind}:${h.id}${h.kind === 'po' ? `/${h.route.params.yarnId}` : ''}`);

describe('search.find ranking', () => {
  it('puts the exact id first, then ids starting with the query, then rows whose text or other ids contain it', () => {
    expect(ids('4001')).toEqual([
      'yarn:4001', // exact id
      'yarn:40010', // id prefix
      'yarn:739', // description contains 4001 (rank 2, yarn before other kinds)
      'yarn:14001', // id contains 4001 (rank 2, longer id)
      'knitOrder:K4001',
      'po:Y2508002/4001', // the PO line of yarn 4001, then that of yarn 14001
      'po:Y2508002/14001',
    ]);
    const hits = findEntities(db, snap, '4001', 20);
    expect(hits.map((h) => h.rank)).toEqual([0, 1, 2, 2, 2, 2, 2]);
  });

  it('matches ids without regard to case, and an exact knit order id ranks above the yarns it contains', () => {
    expect(ids('k4001')[0]).toBe('knitOrder:K4001');
    expect(findEntities(db, snap, 'k4001', 5)[0].rank).toBe(0);
  });

  it('finds by text: every word of the query somewhere in the row', () => {
    expect(ids('black poly')).toEqual(['yarn:4001', 'po:Y2508002/4001']);
    // the supplier's id (its name) starts with the word: it ranks above the rows that only contain it
    expect(ids('lycra')).toEqual(['supplier:LYCRA COMPANY', 'yarn:14001', 'po:Y2508002/14001']);
    // a work center finds the style and the machines on it
    expect(ids('30.18.24')).toEqual(['style:C1B/400', 'machine:58', 'machine:158']);
  });

  it('reads masters from the batch the plan inherits them from, and only the knit orders the plan uses', () => {
    expect(ids('C1B/400')).toEqual(['style:C1B/400', 'knitOrder:K4001', 'knitOrder:K2609021']);
    expect(ids('K9999')).toEqual([]); // an API order while the snapshot has the export
  });

  it('treats % and _ as text, caps the hits, and routes each kind to its detail', () => {
    expect(ids('%')).toEqual([]);
    expect(ids('4001', 2)).toEqual(['yarn:4001', 'yarn:40010']);
    const byKind = Object.fromEntries(
      findEntities(db, snap, 'C1B', 20)
        .reverse()
        .map((h) => [h.kind, h.route]),
    );
    expect(byKind.style).toEqual({ page: 'demand', params: { tab: 'style', style: 'C1B/400' } });
    expect(byKind.knitOrder).toEqual({ page: 'schedule', params: { koNumber: 'K4001' } });
    expect(findEntities(db, snap, '158', 5)[0]).toMatchObject({
      kind: 'machine',
      route: { page: 'capacity', params: { tab: 'machines', machine: '158' } },
    });
    expect(findEntities(db, snap, 'Y2508002', 5)[0]).toMatchObject({
      kind: 'po',
      route: { page: 'yarn', params: { yarnId: '4001', section: 'receipts' } },
    });
    expect(findEntities(db, snap, 'UNIFI', 5).find((h) => h.kind === 'supplier')?.route).toEqual({
      page: 'purchasing',
      params: { supplier: 'UNIFI' },
    });
  });

  it('ranks hand-made rows: exact id (any case), then id prefix, then every word somewhere; a word missing drops the row', () => {
    const rows = [
      searchRow('machine', '4001', null, ['9.9.9.X']),
      searchRow('yarn', '40015', null, ['Red Poly', 'Clear', 'S']),
      searchRow('yarn', 'X1', null, ['poly 4001 red', 'Black', 'S']),
      searchRow('yarn', '4001', null, ['Red Poly', 'Black', 'S']),
      searchRow('yarn', '9', null, ['red', 'BLACK', 'S']),
    ];
    expect(rankRows(rows, '4001', 10).map((h) => `${h.rank}:${h.kind}:${h.id}`)).toEqual([
      '0:yarn:4001',
      '0:machine:4001',
      '1:yarn:40015',
      '2:yarn:X1',
    ]);
    expect(rankRows(rows, 'red BLACK', 10).map((h) => h.id)).toEqual(['9', 'X1', '4001']);
    expect(rankRows(rows, 'red black poly', 10).map((h) => h.id)).toEqual(['X1', '4001']);
    expect(rankRows(rows, '   ', 10)).toEqual([]);
  });

  it('keeps the best `limit` while scanning: the same hits as ranking every match and cutting', () => {
    const kinds = ['yarn', 'knitOrder', 'machine'] as const;
    const rows = Array.from({ length: 600 }, (_, i) => searchRow(kinds[i % 3], String((i * 7919) % 1000), null, [`text ${(i * 31) % 97}`]));
    for (const [q, limit] of [
      ['1', 7],
      ['12', 3],
      ['text 4', 25],
      ['9', 50],
    ] as const) {
      const all = rankRows(rows, q, 10_000);
      expect(all.length).toBeGreaterThan(limit);
      expect(rankRows(rows, q, limit)).toEqual(all.slice(0, limit));
      for (let i = 1; i < all.length; i++) expect(compareHits(all[i - 1], all[i])).toBeLessThanOrEqual(0);
    }
  });

  it('reads a new snapshot when another one is searched (rows are kept per snapshot)', () => {
    expect(ids('5555')).toEqual([]);
    const next = snapshot('2025-09-12', { yarnInventory: 1 });
    yarn(next, '5555', 'new yarn', 'Red', 'UNIFI');
    expect(findEntities(db, next, '5555', 5).map((h) => h.id)).toEqual(['5555']);
    expect(findEntities(db, next, '4001', 5).map((h) => h.kind)).not.toContain('yarn'); // the new batch has no yarn 4001
    expect(ids('5555')).toEqual([]);
  });

  it('orders hits by rank, then kind, then shorter id', () => {
    const h = (rank: number, kind: 'yarn' | 'machine', id: string) => ({ rank, kind, id });
    const sorted = [h(2, 'yarn', 'A1'), h(1, 'machine', '9'), h(1, 'yarn', '100'), h(1, 'yarn', '10'), h(0, 'machine', 'X')].sort(compareHits);
    expect(sorted.map((x) => `${x.rank}${x.kind}${x.id}`)).toEqual(['0machineX', '1yarn10', '1yarn100', '1machine9', '2yarnA1']);
  });
});

describe('search.warm: the rows read ahead of the first query', () => {
  it('reads the rows once; the next warm and the next query are answered from them, until another snapshot is searched', () => {
    const first = loadSearchRowsTimed(db, snap);
    expect(first.cached).toBe(false);
    // 4 yarns, 2 export knit orders, 2 PO lines, 1 style, 2 suppliers, 2 machines
    expect(first.rows).toHaveLength(13);
    const again = loadSearchRowsTimed(db, snap);
    expect(again).toEqual({ rows: first.rows, cached: true, loadMs: 0 });
    expect(loadSearchRows(db, snap)).toBe(first.rows);
    const next = snapshot('2025-09-12', { yarnInventory: 1 });
    yarn(next, '5555', 'new yarn', 'Red', 'UNIFI');
    expect(loadSearchRowsTimed(db, next).cached).toBe(false);
    expect(loadSearchRowsTimed(db, snap).cached).toBe(false);
  });
});

describe('search.find through the contract', () => {
  it('validates the input and refuses an empty query', async () => {
    const handlers = {
      'search.find': async ({ query, limit }: { query: string; limit: number }) => ({ hits: findEntities(db, snap, query, limit), snapshotId: snap }),
    };
    const bad = await dispatch(handlers as never, 'search.find', { query: '   ' });
    expect(bad.ok).toBe(false);
    const good = await dispatch(handlers as never, 'search.find', { query: '739' });
    expect(good.ok && (good.data as { hits: unknown[] }).hits[0]).toMatchObject({
      kind: 'yarn',
      id: '739',
      label: 'Yarn 739',
      detail: 'Yarn 4001 look-alike · Black · OTHER',
    });
  });
});
