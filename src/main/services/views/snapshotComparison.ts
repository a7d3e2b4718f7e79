// Compares two snapshots: yarns, knit orders and yarn POs added, removed and changed (with the changed fields).
import type { Db } from '../../store/db';
import { loadEntity } from '../../store/entities';
import type { KnitOrder, YarnInventoryRow, YarnPo } from '../../../shared/domain/entities';

export interface FieldChange {
  field: string;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
}

export interface EntityDiff {
  added: string[];
  removed: string[];
  changed: { key: string; changes: FieldChange[] }[];
  unchanged: number;
}

export interface SnapshotComparison {
  fromId: number;
  toId: number;
  fromAsOf: string;
  toAsOf: string;
  yarns: EntityDiff;
  knitOrders: EntityDiff;
  yarnPos: EntityDiff;
}

type Scalar = string | number | boolean | null;

/** Numbers closer than this are equal (float noise; the csv copies are rounded anyway). */
const NUMBER_TOLERANCE = 1e-6;

function same(a: Scalar, b: Scalar): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= NUMBER_TOLERANCE * Math.max(1, Math.abs(a));
  return a === b;
}

export function diffRows<T extends object>(from: T[], to: T[], key: (row: T) => string, fields: (keyof T & string)[]): EntityDiff {
  const before = new Map(from.map((r) => [key(r), r]));
  const after = new Map(to.map((r) => [key(r), r]));
  const diff: EntityDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [k, row] of after) {
    const old = before.get(k);
    if (!old) {
      diff.added.push(k);
      continue;
    }
    const changes: FieldChange[] = [];
    for (const f of fields) {
      const a = (old[f] ?? null) as Scalar;
      const b = (row[f] ?? null) as Scalar;
      if (!same(a, b)) changes.push({ field: f, from: a, to: b });
    }
    if (changes.length) diff.changed.push({ key: k, changes });
    else diff.unchanged++;
  }
  for (const k of before.keys()) if (!after.has(k)) diff.removed.push(k);
  return diff;
}

const YARN_FIELDS: (keyof YarnInventoryRow)[] = [
  'supplier',
  'description',
  'color',
  'beginningBalanceLbs',
  'receivedLbs',
  'consumedLbs',
  'adjustmentsLbs',
  'theoreticalBalanceLbs',
  'onOrderLbs',
  'allocatedLbs',
  'planningBalanceLbs',
  'reconcileDate',
  'costPerLb',
];
const KO_FIELDS: (keyof KnitOrder)[] = [
  'style',
  'startDate',
  'quotedDate',
  'orderedLbs',
  'g00Lbs',
  'shippedLbs',
  'secondsLbs',
  'balanceLbs',
  'liveBalanceLbs',
  'machine',
  'poNumber',
  'hasWarning',
];
const PO_FIELDS: (keyof YarnPo)[] = ['status', 'yarnId', 'requestedDate', 'quotedDate', 'qtyLbs', 'balanceLbs', 'costPerLb', 'supplier'];

function snapshotAsOf(db: Db, id: number): string {
  const row = db.prepare('SELECT as_of FROM snapshot WHERE id = ?').get(id) as { as_of: string } | undefined;
  if (!row) throw new Error(`snapshot ${id} does not exist`);
  return row.as_of;
}

/** Knit orders from the eFab export when the snapshot has one, else from the API (as planning reads them). */
function knitOrders(db: Db, id: number): KnitOrder[] {
  const all = loadEntity(db, id, 'knitOrders');
  const exported = all.filter((k) => k.source === 'export');
  return exported.length ? exported : all.filter((k) => k.source === 'api');
}

/** Yarn POs: the YarnPO export; a snapshot without one falls back to the POs of the expected-receipts report. */
function yarnPos(db: Db, id: number): YarnPo[] {
  const pos = loadEntity(db, id, 'yarnPos');
  if (pos.length) return pos;
  return loadEntity(db, id, 'expectedPos').map((p) => ({
    poNumber: p.poNumber,
    status: null,
    yarnId: p.yarnId,
    orderedAt: p.poDate,
    requestedDate: null,
    quotedDate: null,
    qtyLbs: p.orderedLbs ?? 0,
    balanceLbs: p.balanceLbs,
    supplier: p.supplier,
    size: p.size,
    yarnType: p.yarnType,
    color: p.color,
    description: null,
    costPerLb: p.costPerLb,
    totalCostUsd: null,
  }));
}

export function compareSnapshots(db: Db, fromId: number, toId: number): SnapshotComparison {
  const fallbackPos = (id: number) => loadEntity(db, id, 'yarnPos').length === 0;
  // compare like with like: when either side lacks the YarnPO export, both use the expected-receipts POs
  const poFields: (keyof YarnPo)[] = fallbackPos(fromId) || fallbackPos(toId) ? ['yarnId', 'qtyLbs', 'balanceLbs', 'costPerLb'] : PO_FIELDS;
  return {
    fromId,
    toId,
    fromAsOf: snapshotAsOf(db, fromId),
    toAsOf: snapshotAsOf(db, toId),
    yarns: diffRows(loadEntity(db, fromId, 'yarnInventory'), loadEntity(db, toId, 'yarnInventory'), (y) => y.yarnId, YARN_FIELDS),
    knitOrders: diffRows(knitOrders(db, fromId), knitOrders(db, toId), (k) => k.koNumber, KO_FIELDS),
    yarnPos: diffRows(yarnPos(db, fromId), yarnPos(db, toId), (p) => p.poNumber, poFields),
  };
}
