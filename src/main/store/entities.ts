// Repository of the imported ERP entities: bulk write of one batch (prepared statements, inside the caller's
// transaction) and the read of everything a plan run needs for a snapshot (`loadPlanningData`). A table's columns
// are its entity schema's fields (src/shared/domain), each the snake_case of the field, typed from the schema.
// Rows read back are trusted, not parsed with the schemas again: only rows that passed them at import are written
// (import/validateBatch.ts), and at 100x a parse of every row would cost seconds per plan run.
import type { z } from 'zod';
import {
  entitySchemas,
  type EntityBatch,
  type EntityKind,
  type FabricRoll,
  type GreigePair,
  type KnitOrder,
  type Machine,
  type PlanningData,
  type WorkCenter,
  type Yarn,
} from '../../shared/domain/entities';
import { withOpenPoReceipts } from '../../shared/domain/openPoReceipts';
import type { Db } from './dbHandle';
import { entitySources } from './snapshots';

type ColType = 'text' | 'real' | 'int' | 'bool' | 'json';

interface TableSpec {
  table: string;
  /** Entity field -> column type; the column is the field's snake_case. */
  fields: Record<string, ColType>;
  /** Column whose value splits the table into entity kinds (stage, source), and the kind per value. */
  split?: { field: string; kinds: Record<string, string> };
  kind?: string;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The column type of a schema field: text for strings and enums, int or real numbers, 0/1 booleans, JSON otherwise. */
function columnType(field: z.ZodType): ColType {
  let t = field;
  while (t.def.type === 'nullable' || t.def.type === 'optional') t = (t.def as unknown as { innerType: z.ZodType }).innerType;
  switch (t.def.type) {
    case 'string':
    case 'enum':
      return 'text';
    case 'number':
      return (t as z.ZodNumber).isInt ? 'int' : 'real';
    case 'boolean':
      return 'bool';
    case 'array':
    case 'object':
      return 'json';
    default:
      throw new Error(`no column type for a ${t.def.type} field`);
  }
}

function columnsOf(kind: EntityKind): Record<string, ColType> {
  return Object.fromEntries(Object.entries(entitySchemas[kind].shape).map(([field, schema]) => [field, columnType(schema as z.ZodType)]));
}

/** Table per entity kind; split tables hold several kinds (roll stages, knit order sources, spec sources). */
const TABLES: Record<EntityKind, Omit<TableSpec, 'fields'>> = {
  yarnInventory: { table: 'yarn_inventory', kind: 'yarnInventory' },
  yarnMaster: { table: 'yarn_master', kind: 'yarnMaster' },
  suppliers: { table: 'supplier', kind: 'suppliers' },
  bomLines: { table: 'bom_line', kind: 'bomLines' },
  greigeStyles: { table: 'greige_style', kind: 'greigeStyles' },
  styleBridge: { table: 'style_bridge', kind: 'styleBridge' },
  fabricSpecs: {
    table: 'fabric_spec',
    split: { field: 'source', kinds: { styles_master: 'fabricSpecs:styles_master', finished_specs: 'fabricSpecs:finished_specs' } },
  },
  knitOrders: { table: 'knit_order', split: { field: 'source', kinds: { export: 'knitOrders', api: 'knitOrdersApi' } } },
  salesOrders: { table: 'sales_order', kind: 'salesOrders' },
  salesHistory: { table: 'sales_history', kind: 'salesHistory' },
  yarnPos: { table: 'yarn_po', kind: 'yarnPos' },
  expectedPos: { table: 'expected_po', kind: 'expectedPos' },
  expectedReceipts: { table: 'expected_receipt', kind: 'expectedReceipts' },
  fabricRolls: {
    table: 'fabric_roll',
    split: {
      field: 'stage',
      kinds: { G00: 'fabricRolls:G00', G02: 'fabricRolls:G02', I01: 'fabricRolls:I01', F01: 'fabricRolls:F01', P01: 'fabricRolls:P01' },
    },
  },
  machines: { table: 'machine', kind: 'machines' },
  knitRates: { table: 'knit_rate', kind: 'knitRates' },
  erpReports: { table: 'erp_report', kind: 'erpReports' },
  erpStyleDemand: { table: 'erp_style_demand', kind: 'erpStyleDemand' },
  erpYarnDemand: { table: 'erp_yarn_demand', kind: 'erpYarnDemand' },
};

export const ENTITY_TABLE_SPECS = Object.fromEntries(
  (Object.keys(TABLES) as EntityKind[]).map((kind) => [kind, { ...TABLES[kind], fields: columnsOf(kind) }]),
) as Record<EntityKind, TableSpec>;

/** Entity kinds a snapshot may take from an earlier batch (masters and sales history); the rest are its own. */
export const INHERITED_KINDS = new Set([
  'yarnMaster',
  'suppliers',
  'bomLines',
  'greigeStyles',
  'styleBridge',
  'fabricSpecs:styles_master',
  'fabricSpecs:finished_specs',
  'machines',
  'knitRates',
  'salesHistory',
]);

function encode(value: unknown, type: ColType): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'bool':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    default:
      return value;
  }
}

function decode(value: unknown, type: ColType): unknown {
  if (value === null) return null;
  switch (type) {
    case 'bool':
      return value === 1;
    case 'json':
      return JSON.parse(value as string);
    default:
      return value;
  }
}

function kindOf(spec: TableSpec, row: Record<string, unknown>): string {
  return spec.split ? spec.split.kinds[row[spec.split.field] as string] : spec.kind!;
}

/** Rows per INSERT statement: multi-row VALUES cut the per-call overhead (SQLite allows 32766 parameters). */
const MAX_PARAMS = 30_000;
const MAX_ROWS_PER_INSERT = 200;

/**
 * Writes one batch for `snapshotId` with prepared multi-row inserts, one pair of statements per table; returns
 * rows written per entity kind. Call it inside the batch's transaction: it does not open its own.
 */
export function writeEntities(
  db: Db,
  snapshotId: number,
  batch: Partial<EntityBatch>,
  onProgress?: (table: string, rowsDone: number, rowsTotal: number) => void,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [key, spec] of Object.entries(ENTITY_TABLE_SPECS) as [keyof EntityBatch, TableSpec][]) {
    const rows = batch[key] as Record<string, unknown>[] | undefined;
    if (!rows?.length) continue;
    onProgress?.(spec.table, 0, rows.length);
    const fields = Object.entries(spec.fields);
    const width = fields.length + 1;
    const perInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS / width)));
    const tuple = `(?${', ?'.repeat(fields.length)})`;
    const sql = (n: number) =>
      `INSERT INTO ${spec.table} (snapshot_id, ${fields.map(([f]) => snake(f)).join(', ')}) VALUES ${Array(n).fill(tuple).join(', ')}`;
    const full = rows.length >= perInsert ? db.prepare(sql(perInsert)) : undefined;
    for (let start = 0; start < rows.length; start += perInsert) {
      const chunk = rows.slice(start, start + perInsert);
      const values = new Array<unknown>(chunk.length * width);
      let v = 0;
      for (const row of chunk) {
        values[v++] = snapshotId;
        for (let i = 0; i < fields.length; i++) values[v++] = encode(row[fields[i][0]], fields[i][1]);
        const kind = kindOf(spec, row);
        counts[kind] = (counts[kind] ?? 0) + 1;
      }
      (chunk.length === perInsert && full ? full : db.prepare(sql(chunk.length))).run(values);
      if (onProgress && (start / perInsert) % 25 === 24) onProgress(spec.table, start + chunk.length, rows.length);
    }
  }
  return counts;
}

function readRows<T>(db: Db, spec: TableSpec, snapshotId: number, splitValue?: string): T[] {
  const fields = Object.entries(spec.fields);
  const where = spec.split && splitValue !== undefined ? ` AND ${snake(spec.split.field)} = ?` : '';
  const params = where ? [snapshotId, splitValue] : [snapshotId];
  const raw = db
    .prepare(`SELECT ${fields.map(([f]) => snake(f)).join(', ')} FROM ${spec.table} WHERE snapshot_id = ?${where} ORDER BY rowid`)
    .raw()
    .all(...params) as unknown[][];
  return raw.map((r) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) o[fields[i][0]] = decode(r[i], fields[i][1]);
    return o as T;
  });
}

/** Parses work center codes "C.DD.NN.T": construction . cylinder diameter . needle cut . machine type. */
export function workCentersOf(machines: Machine[]): WorkCenter[] {
  const byCode = new Map<string, WorkCenter>();
  for (const m of machines) {
    if (!m.workCenter) continue;
    let wc = byCode.get(m.workCenter);
    if (!wc) {
      const parts = m.workCenter.split('.');
      const num = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : null);
      wc = {
        code: m.workCenter,
        construction: parts[0] ?? null,
        diameterIn: num(parts[1]),
        needleCut: num(parts[2]),
        machineType: parts.length >= 4 ? parts.slice(3).join('.') : null,
        machineIds: [],
      };
      byCode.set(m.workCenter, wc);
    }
    wc.machineIds.push(m.machineId);
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

function greigePairsOf(rolls: FabricRoll[]): GreigePair[] {
  const pairs = new Map<string, GreigePair>();
  for (const r of rolls) {
    if (r.stage !== 'G02' || !r.greigeStyle) continue;
    const key = `${r.style}\u0000${r.greigeStyle}`;
    const p = pairs.get(key) ?? { finishedBase: r.style, greigeStyle: r.greigeStyle, rolls: 0 };
    p.rolls++;
    pairs.set(key, p);
  }
  return [...pairs.values()];
}

/** For each entity kind, the snapshot a plan of `snapshotId` reads it from (inherited only for masters/history). */
export function planningSources(db: Db, snapshotId: number): Record<string, number> {
  const sources: Record<string, number> = {};
  for (const [kind, source] of entitySources(db, snapshotId)) {
    if (source === snapshotId || INHERITED_KINDS.has(kind)) sources[kind] = source;
  }
  return sources;
}

/**
 * The rows of one entity for a snapshot, read from the batch `sources` names for each of its kinds.
 * `preloaded`: the batch just written for this snapshot, used instead of reading its own rows back.
 */
export function loadEntity<K extends keyof EntityBatch>(
  db: Db,
  snapshotId: number,
  key: K,
  sources: Record<string, number> = planningSources(db, snapshotId),
  preloaded?: Partial<EntityBatch>,
): EntityBatch[K] {
  const spec = ENTITY_TABLE_SPECS[key];
  const fetch = (source: number, splitValue?: string): unknown[] => {
    const rows = source === snapshotId ? (preloaded?.[key] as unknown[] | undefined) : undefined;
    if (!rows) return readRows(db, spec, source, splitValue);
    return splitValue === undefined ? rows : rows.filter((r) => (r as Record<string, unknown>)[spec.split!.field] === splitValue);
  };
  if (!spec.split) {
    const source = sources[spec.kind!];
    return (source === undefined ? [] : fetch(source)) as EntityBatch[K];
  }
  const out: unknown[] = [];
  for (const [value, kind] of Object.entries(spec.split.kinds)) {
    const source = sources[kind];
    // a loop, not push(...rows): a 1M-row stage (F01 at 100x) would overflow the call stack as arguments
    if (source !== undefined) for (const row of fetch(source, value)) out.push(row);
  }
  return out as EntityBatch[K];
}

/** The knit orders a plan uses: the export's when the snapshot has one, else those of the API JSON. */
function planningKnitOrders(all: KnitOrder[], sources: Record<string, number>): KnitOrder[] {
  return all.filter((k) => k.source === (sources.knitOrders !== undefined ? 'export' : 'api'));
}

/**
 * Everything a plan run needs for one snapshot. Each entity kind is read from the batch `entitySources` names;
 * masters and sales history may come from an earlier batch, transactions and ERP reports only from the snapshot.
 */
export function loadPlanningData(db: Db, snapshotId: number, preloaded?: Partial<EntityBatch>): PlanningData {
  const snap = db.prepare('SELECT as_of FROM snapshot WHERE id = ?').get(snapshotId) as { as_of: string } | undefined;
  if (!snap) throw new Error(`snapshot ${snapshotId} does not exist`);
  const sources = planningSources(db, snapshotId);
  const read = <K extends keyof EntityBatch>(key: K): EntityBatch[K] => loadEntity(db, snapshotId, key, sources, preloaded);

  const inventory = read('yarnInventory');
  const master = read('yarnMaster');
  const masterById = new Map(master.map((m) => [m.yarnId, m]));
  const yarns: Yarn[] = inventory.map((y) => {
    const m = masterById.get(y.yarnId);
    return { ...y, yarnCount: m?.yarnCount ?? null, blend: m?.blend ?? null, yarnType: m?.yarnType ?? null };
  });
  const inventoryIds = new Set(inventory.map((y) => y.yarnId));
  const knitOrdersAll = read('knitOrders');
  const api = knitOrdersAll.filter((k) => k.source === 'api');
  const fabricRolls = read('fabricRolls');
  const machines = read('machines');
  const yarnPos = read('yarnPos');
  const expectedPos = read('expectedPos');
  return {
    snapshotId,
    asOf: snap.as_of,
    sources,
    yarns,
    yarnMasterOnly: master.filter((m) => !inventoryIds.has(m.yarnId)),
    suppliers: read('suppliers'),
    bomLines: read('bomLines'),
    greigeStyles: read('greigeStyles'),
    styleBridge: read('styleBridge'),
    greigePairs: greigePairsOf(fabricRolls),
    fabricSpecs: read('fabricSpecs'),
    knitOrders: planningKnitOrders(knitOrdersAll, sources),
    knitOrdersApi: api,
    salesOrders: read('salesOrders'),
    salesHistory: read('salesHistory'),
    yarnPos,
    expectedPos,
    // open PO balances the Expected report does not schedule count as receipts too (shared/domain/openPoReceipts.ts)
    expectedReceipts: withOpenPoReceipts(read('expectedReceipts'), expectedPos, yarnPos, snap.as_of),
    fabricRolls,
    machines,
    workCenters: workCentersOf(machines),
    knitRates: read('knitRates'),
    erpReports: read('erpReports'),
    erpStyleDemand: read('erpStyleDemand'),
    erpYarnDemand: read('erpYarnDemand'),
  };
}

/** What the forecast reads of a snapshot: the sales history and what bridges finished styles to greige styles. */
export function loadForecastData(
  db: Db,
  snapshotId: number,
): Pick<PlanningData, 'asOf' | 'salesHistory' | 'greigePairs' | 'styleBridge' | 'fabricSpecs' | 'knitOrders' | 'bomLines'> {
  const snap = db.prepare('SELECT as_of FROM snapshot WHERE id = ?').get(snapshotId) as { as_of: string } | undefined;
  if (!snap) throw new Error(`snapshot ${snapshotId} does not exist`);
  const sources = planningSources(db, snapshotId);
  const read = <K extends keyof EntityBatch>(key: K): EntityBatch[K] => loadEntity(db, snapshotId, key, sources);
  return {
    asOf: snap.as_of,
    salesHistory: read('salesHistory'),
    greigePairs: greigePairsOf(read('fabricRolls')),
    styleBridge: read('styleBridge'),
    fabricSpecs: read('fabricSpecs'),
    knitOrders: planningKnitOrders(read('knitOrders'), sources),
    bomLines: read('bomLines'),
  };
}
