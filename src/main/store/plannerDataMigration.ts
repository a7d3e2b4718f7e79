// Migrations 301-302: planner data moves from JSON blobs in `setting` into tables of its own. Released migrations
// never change, so this file writes its own SQL instead of calling the repositories (which follow later schemas); it
// checks each entry with the domain schemas, as the app reads the rows. Every entry of every blob either becomes a row
// that reads back as it was, or is kept aside in a `legacy.<key>` setting with the reason, and the migration says so:
// nothing the planner entered is dropped.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { bomOverrideSchema, type BomOverride } from '../../shared/domain/bomOverride';
import { downtimeWindowSchema, holidaySchema, type DowntimeWindow } from '../../shared/domain/plantCalendar';
import { poDraftSchema, type PoDraft } from '../../shared/domain/poDraft';
import { policyValueSchema } from '../../shared/domain/policyValue';
import { rateOverrideSchema, type RateOverride } from '../../shared/domain/rateOverride';
import { schedulePinSchema, type SchedulePin } from '../../shared/domain/schedulePin';
import { supplierMappingSchema, type SupplierMapping } from '../../shared/domain/supplierMapping';
import { yarnSupplyOverrideSchema, type YarnSupplyOverride } from '../../shared/domain/yarnSupplyOverride';
import { LEGACY_PREFIX, SETTINGS } from './settings';

const changeColumns = 'revision INTEGER NOT NULL DEFAULT 1, updated_at TEXT NOT NULL';

export const PLANNER_TABLES_SQL = `
  -- Planner-entered data: one row per thing entered, never tied to a snapshot. revision counts a row's changes (a
  -- writer that read the row earlier changes it only at that revision); updated_at is when it last changed.
  CREATE TABLE po_draft (
    id INTEGER PRIMARY KEY,                 -- the order the drafts were made in
    draft_id TEXT NOT NULL UNIQUE,
    yarn_id TEXT NOT NULL,
    supplier_id TEXT,                       -- NULL: no supplier chosen
    supplier_name TEXT,
    description TEXT,
    cost_per_lb REAL,
    qty_lbs REAL NOT NULL CHECK (qty_lbs >= 0),
    receipt_date TEXT NOT NULL,
    release_date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'edited', 'closed', 'rejected')),
    erp_po_number TEXT,
    from_suggestion_id TEXT,
    ${changeColumns}
  );

  CREATE TABLE pin (
    order_no TEXT PRIMARY KEY,
    machine_id TEXT,
    start_date TEXT,
    ${changeColumns}
  );

  CREATE TABLE rate_override (
    style TEXT PRIMARY KEY,
    lbs_per_day REAL NOT NULL CHECK (lbs_per_day > 0),
    as_of TEXT NOT NULL,
    note TEXT,
    ${changeColumns}
  );

  CREATE TABLE bom_override (
    style TEXT PRIMARY KEY,
    as_of TEXT NOT NULL,
    note TEXT,
    ${changeColumns}
  );
  CREATE TABLE bom_override_line (
    style TEXT NOT NULL REFERENCES bom_override(style) ON DELETE CASCADE,
    line_no INTEGER NOT NULL,               -- 1, 2, ... in the order the planner gave the yarns
    yarn_id TEXT NOT NULL,
    fraction REAL NOT NULL CHECK (fraction > 0 AND fraction <= 1),
    PRIMARY KEY (style, line_no)
  );

  CREATE TABLE supplier_mapping (
    name TEXT PRIMARY KEY,                  -- as written in the yarn inventory or a PO
    supplier_id TEXT,                       -- NULL: no supplier, on purpose
    ${changeColumns}
  );

  CREATE TABLE yarn_supply_override (
    yarn_id TEXT PRIMARY KEY,
    supplier_overridden INTEGER NOT NULL CHECK (supplier_overridden IN (0, 1)),
    supplier_id TEXT,                       -- when overridden, NULL: no supplier
    lead_time_days REAL,
    moq_lbs REAL,
    order_multiple_lbs REAL,
    lot_sizing TEXT CHECK (lot_sizing IN ('lotForLot', 'fixedPeriod', 'eoq')),
    lot_period_weeks REAL,
    lot_ordering_cost_usd REAL,
    lot_holding_rate_per_year REAL,
    safety_stock TEXT CHECK (safety_stock IN ('none', 'weeksOfCover', 'serviceLevel', 'fixedLbs')),
    safety_weeks REAL,
    safety_service_level REAL,
    safety_lbs REAL,
    ${changeColumns},
    CHECK (supplier_overridden = 1 OR supplier_id IS NULL)
  );

  CREATE TABLE holiday (
    holiday_date TEXT PRIMARY KEY,
    ${changeColumns}
  );

  CREATE TABLE downtime (
    id INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: an undone deletion puts a window back under its id
    machine_id TEXT NOT NULL,
    from_date TEXT NOT NULL,                -- first day down
    to_date TEXT NOT NULL,                  -- last day down
    ${changeColumns},
    CHECK (from_date <= to_date)
  );

  -- Only the values the planner changed from the defaults; JSON keeps each value's type.
  CREATE TABLE policy_value (
    area TEXT NOT NULL,
    key TEXT NOT NULL,
    value_json TEXT NOT NULL,
    ${changeColumns},
    PRIMARY KEY (area, key)
  );
`;

interface ListBlob<T> {
  key: string;
  schema: z.ZodType<T>;
  /** The row key: of two entries with the same one, the later is moved (the plan's lookups used the later). */
  identity?: (value: T) => string;
  insert: (db: Database, value: T, updatedAt: string) => void;
}

const blob = <T>(b: ListBlob<T>) => b as unknown as ListBlob<unknown>;

const LIST_BLOBS: ListBlob<unknown>[] = [
  blob<PoDraft>({
    key: 'purchasing.poDrafts',
    schema: poDraftSchema,
    identity: (d) => `draftId ${d.draftId}`,
    insert: (db, d, at) =>
      db
        .prepare(
          `INSERT INTO po_draft (draft_id, yarn_id, supplier_id, supplier_name, description, cost_per_lb, qty_lbs, receipt_date,
             release_date, status, erp_po_number, from_suggestion_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          d.draftId,
          d.yarnId,
          d.supplierId,
          d.supplierName ?? null,
          d.description ?? null,
          d.costPerLb ?? null,
          d.qtyLbs,
          d.receiptDate,
          d.releaseDate,
          d.status,
          d.erpPoNumber ?? null,
          d.fromSuggestionId ?? null,
          at,
        ),
  }),
  blob<SchedulePin>({
    key: 'schedule.pins',
    schema: schedulePinSchema,
    identity: (p) => `orderNo ${p.orderNo}`,
    insert: (db, p, at) =>
      db
        .prepare('INSERT INTO pin (order_no, machine_id, start_date, updated_at) VALUES (?, ?, ?, ?)')
        .run(p.orderNo, p.machineId ?? null, p.start ?? null, at),
  }),
  blob<RateOverride>({
    key: 'yarn.rateOverrides',
    schema: rateOverrideSchema,
    identity: (o) => `style ${o.style}`,
    insert: (db, o, at) =>
      db
        .prepare('INSERT INTO rate_override (style, lbs_per_day, as_of, note, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(o.style, o.lbsPerDay, o.asOf, o.note ?? null, at),
  }),
  blob<BomOverride>({
    key: 'yarn.bomOverrides',
    schema: bomOverrideSchema,
    identity: (o) => `style ${o.style}`,
    insert: (db, o, at) => {
      db.prepare('INSERT INTO bom_override (style, as_of, note, updated_at) VALUES (?, ?, ?, ?)').run(o.style, o.asOf, o.note ?? null, at);
      const line = db.prepare('INSERT INTO bom_override_line (style, line_no, yarn_id, fraction) VALUES (?, ?, ?, ?)');
      o.lines.forEach((l, i) => line.run(o.style, i + 1, l.yarnId, l.fraction));
    },
  }),
  blob<SupplierMapping>({
    key: 'purchasing.supplierMappings',
    schema: supplierMappingSchema,
    identity: (m) => `name ${m.name}`,
    insert: (db, m, at) => db.prepare('INSERT INTO supplier_mapping (name, supplier_id, updated_at) VALUES (?, ?, ?)').run(m.name, m.supplierId, at),
  }),
  blob<YarnSupplyOverride>({
    key: 'purchasing.yarnSupplyOverrides',
    schema: yarnSupplyOverrideSchema,
    identity: (o) => `yarnId ${o.yarnId}`,
    insert: (db, o, at) => {
      const lot = o.lotSizing;
      const safety = o.safetyStock;
      db.prepare(
        `INSERT INTO yarn_supply_override (yarn_id, supplier_overridden, supplier_id, lead_time_days, moq_lbs, order_multiple_lbs,
           lot_sizing, lot_period_weeks, lot_ordering_cost_usd, lot_holding_rate_per_year,
           safety_stock, safety_weeks, safety_service_level, safety_lbs, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        o.yarnId,
        o.supplierId === undefined ? 0 : 1,
        o.supplierId ?? null,
        o.leadTimeDays ?? null,
        o.moqLbs ?? null,
        o.orderMultipleLbs ?? null,
        lot?.kind ?? null,
        lot?.kind === 'fixedPeriod' ? lot.periodWeeks : null,
        lot?.kind === 'eoq' ? lot.orderingCostUsd : null,
        lot?.kind === 'eoq' ? lot.holdingRatePerYear : null,
        safety?.kind ?? null,
        safety?.kind === 'weeksOfCover' ? safety.weeks : null,
        safety?.kind === 'serviceLevel' ? safety.serviceLevel : null,
        safety?.kind === 'fixedLbs' ? safety.lbs : null,
        at,
      );
    },
  }),
  blob<string>({
    key: 'capacity.holidays',
    schema: holidaySchema,
    identity: (d) => `date ${d}`,
    insert: (db, d, at) => db.prepare('INSERT INTO holiday (holiday_date, updated_at) VALUES (?, ?)').run(d, at),
  }),
  // Downtime windows may repeat or overlap: each is its own row.
  blob<DowntimeWindow>({
    key: 'capacity.downtime',
    schema: downtimeWindowSchema,
    insert: (db, w, at) =>
      db.prepare('INSERT INTO downtime (machine_id, from_date, to_date, updated_at) VALUES (?, ?, ?, ?)').run(w.machineId, w.from, w.to, at),
  }),
];

const POLICY_KEY = 'policy.overrides';

/** A refused entry, as the legacy row keeps it. */
interface KeptAside {
  /** Where the entry was: its index in the list, or `area.key` in the policy. */
  at: number | string;
  entry: unknown;
  reason: string;
}

/** JSON with object keys sorted, to compare values regardless of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The entry as its schema reads it, or why it cannot be stored as it is (a field that is not in the table is a reason). */
function check<T>(schema: z.ZodType<T>, entry: unknown): { value: T } | { reason: string } {
  const parsed = schema.safeParse(entry);
  if (!parsed.success) return { reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ') };
  if (canonical(parsed.data) !== canonical(entry)) return { reason: 'has fields the table does not hold' };
  return { value: parsed.data };
}

function parseJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

export function movePlannerBlobsToTables(db: Database): string[] {
  const notes: string[] = [];
  const take = (key: string) => {
    const row = db.prepare('SELECT value_json, updated_at FROM setting WHERE key = ?').get(key) as
      { value_json: string; updated_at: string } | undefined;
    if (row) db.prepare('DELETE FROM setting WHERE key = ?').run(key);
    return row;
  };
  const keepAside = (key: string, updatedAt: string, kept: object, note: string) => {
    db.prepare('INSERT INTO setting (key, value_json, updated_at) VALUES (?, ?, ?)').run(`${LEGACY_PREFIX}${key}`, JSON.stringify(kept), updatedAt);
    notes.push(`${note}; kept in setting ${LEGACY_PREFIX}${key}`);
  };
  const keepUnreadable = (key: string, row: { value_json: string; updated_at: string }, what: string) =>
    keepAside(key, row.updated_at, { reason: `not ${what}`, valueJson: row.value_json }, `setting ${key} is not ${what}: nothing of it was moved`);
  const keepRefused = (key: string, updatedAt: string, refused: KeptAside[], total: number) =>
    keepAside(
      key,
      updatedAt,
      { reason: 'entries the tables cannot hold', entries: refused },
      `${refused.length} of ${total} entries of setting ${key} were not moved (${refused.map((r) => `${r.at}: ${r.reason}`).join('; ')})`,
    );

  for (const list of LIST_BLOBS) {
    const row = take(list.key);
    if (!row) continue;
    const parsed = parseJson(row.value_json);
    if (!parsed || !Array.isArray(parsed.value)) {
      keepUnreadable(list.key, row, 'a JSON list');
      continue;
    }
    const entries = parsed.value as unknown[];
    const checked = entries.map((entry) => check(list.schema, entry));
    const lastIndex = new Map<string, number>();
    checked.forEach((c, i) => 'value' in c && list.identity && lastIndex.set(list.identity(c.value), i));
    const refused: KeptAside[] = [];
    checked.forEach((c, i) => {
      if (!('value' in c)) return refused.push({ at: i, entry: entries[i], reason: c.reason });
      const later = list.identity ? lastIndex.get(list.identity(c.value))! : i;
      if (later !== i) return refused.push({ at: i, entry: entries[i], reason: `entry ${later} has the same ${list.identity!(c.value)}` });
      list.insert(db, c.value, row.updated_at);
    });
    if (refused.length) keepRefused(list.key, row.updated_at, refused, entries.length);
  }

  const policy = take(POLICY_KEY);
  if (policy) {
    const parsed = parseJson(policy.value_json);
    const isTable = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (!parsed || !isTable(parsed.value)) keepUnreadable(POLICY_KEY, policy, 'a JSON object of policy areas');
    else {
      const refused: KeptAside[] = [];
      let total = 0;
      const insert = db.prepare('INSERT INTO policy_value (area, key, value_json, updated_at) VALUES (?, ?, ?, ?)');
      for (const [area, values] of Object.entries(parsed.value)) {
        if (!isTable(values)) {
          total++;
          refused.push({ at: area, entry: values, reason: 'not an object of policy values' });
          continue;
        }
        for (const [key, value] of Object.entries(values)) {
          total++;
          const c = check(policyValueSchema, { area, key, value });
          if ('value' in c) insert.run(area, key, JSON.stringify(c.value.value), policy.updated_at);
          else refused.push({ at: `${area}.${key}`, entry: value, reason: c.reason });
        }
      }
      if (refused.length) keepRefused(POLICY_KEY, policy.updated_at, refused, total);
    }
  }

  // Single values stay settings rows; one their reader would refuse is kept aside (the default applies).
  for (const spec of Object.values(SETTINGS)) {
    const row = db.prepare('SELECT value_json, updated_at FROM setting WHERE key = ?').get(spec.key) as
      { value_json: string; updated_at: string } | undefined;
    if (!row) continue;
    const parsed = parseJson(row.value_json);
    if (parsed && spec.schema.safeParse(parsed.value).success) continue;
    take(spec.key);
    keepUnreadable(spec.key, row, 'a value its reader accepts');
  }
  return notes;
}
