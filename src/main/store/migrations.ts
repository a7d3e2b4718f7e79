// The one migration sequence of the planning store: every schema change, in version order, forward only. Each runs
// once, inside a transaction; `user_version` records the last one applied. Never edit or remove a released migration
// (test/unit/foundation/migrations.test.ts lists them): add a new one, numbered above the last. The numbers are the
// ones the migrations were released with (core 1 and 300, the importer's tables 100-102, scenarios and alerts 200);
// the gaps between them are history, not room for new ones.
import type { Database } from 'better-sqlite3';
import { isRetiredSupplier } from '../../shared/domain/supplier';
import { ACTION_LOG_SQL } from './actionLog';
import { movePlannerBlobsToTables, PLANNER_TABLES_SQL } from './plannerDataMigration';
import { mergePlanHorizons } from './planningCalendarMigration';

export interface Migration {
  version: number;
  name: string;
  /** SQL, or a function that changes the data and returns notes for the planner (e.g. what it had to keep aside). */
  up: string | ((db: Database) => string[] | void);
}

// The importer's tables: one per entity; every row belongs to the snapshot (import batch) that carried it and goes
// with it. Column names are the snake_case of the entity schemas' fields in src/shared/domain (store/entities.ts
// derives them; a unit test checks the two agree). Booleans are 0/1, arrays JSON text, dates ISO text.
const snapshotRef = 'snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE';

// 304: the entity columns renamed to the one set of names (src/shared/domain).
const ENTITY_NAMES_SQL = `
  ALTER TABLE yarn_inventory RENAME COLUMN beginning_lbs TO beginning_balance_lbs;
  ALTER TABLE yarn_inventory RENAME COLUMN theoretical_lbs TO theoretical_balance_lbs;
  ALTER TABLE yarn_inventory RENAME COLUMN planning_lbs TO planning_balance_lbs;
  ALTER TABLE yarn_inventory RENAME COLUMN total_cost TO total_cost_usd;
  ALTER TABLE yarn_master RENAME COLUMN total_cost TO total_cost_usd;
  ALTER TABLE yarn_po RENAME COLUMN total_cost TO total_cost_usd;
  -- the export gives no unit for Lead_time: the policy says how to read it
  ALTER TABLE supplier RENAME COLUMN lead_time_weeks TO lead_time_as_exported;
`;

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'core: snapshots, import files, settings, planner data, plan cache',
    up: `
      CREATE TABLE snapshot (
        id INTEGER PRIMARY KEY,
        as_of TEXT NOT NULL,                 -- ISO date the exports describe
        label TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('import', 'master', 'demo')),
        source TEXT NOT NULL DEFAULT '',     -- folder or file list the batch came from
        content_hash TEXT NOT NULL,          -- sha256 over the files, for idempotent re-import
        created_at TEXT NOT NULL,
        report_json TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX snapshot_as_of ON snapshot(as_of, id);
      CREATE UNIQUE INDEX snapshot_content ON snapshot(content_hash, as_of);

      -- Which entity kinds a batch carries, so a plan can take masters from an earlier batch.
      CREATE TABLE snapshot_entity (
        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
        entity TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        PRIMARY KEY (snapshot_id, entity)
      );

      CREATE TABLE import_file (
        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        export_type TEXT NOT NULL,
        rows_read INTEGER NOT NULL,
        rows_accepted INTEGER NOT NULL,
        rows_rejected INTEGER NOT NULL,
        PRIMARY KEY (snapshot_id, file_name)
      );

      -- Planner-entered data: never tied to a snapshot, never deleted by an import.
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE plan_cache (
        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
        scenario_id INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL,
        inputs_hash TEXT NOT NULL,
        computed_at TEXT NOT NULL,
        result_json TEXT NOT NULL,
        PRIMARY KEY (snapshot_id, scenario_id, kind)
      );
    `,
  },
  {
    version: 100,
    name: 'import: master entities (yarn master, suppliers, BOM, styles, specs, machines, rates)',
    up: `
      CREATE TABLE yarn_master (
        ${snapshotRef},
        yarn_id TEXT NOT NULL, supplier TEXT, yarn_count TEXT, blend TEXT, yarn_type TEXT, color TEXT,
        desc_extra TEXT NOT NULL, cost_per_lb REAL, total_cost REAL
      );
      CREATE INDEX yarn_master_key ON yarn_master(snapshot_id, yarn_id);

      CREATE TABLE supplier (
        ${snapshotRef},
        supplier_id TEXT, name TEXT NOT NULL, lead_time_weeks REAL, moq_lbs REAL, supplier_type TEXT,
        retired INTEGER NOT NULL
      );
      CREATE INDEX supplier_key ON supplier(snapshot_id, name);

      CREATE TABLE bom_line (
        ${snapshotRef},
        style TEXT NOT NULL, yarn_id TEXT NOT NULL, fraction REAL NOT NULL, line_count INTEGER NOT NULL,
        source_file TEXT NOT NULL
      );
      CREATE INDEX bom_line_key ON bom_line(snapshot_id, style, yarn_id);

      CREATE TABLE greige_style (
        ${snapshotRef},
        style TEXT NOT NULL, base TEXT NOT NULL, version TEXT NOT NULL, work_center TEXT, construction TEXT,
        construction_id TEXT, customer TEXT, stage TEXT, price_per_lb REAL, active INTEGER, ref_style TEXT
      );
      CREATE INDEX greige_style_key ON greige_style(snapshot_id, style);

      CREATE TABLE style_bridge (
        ${snapshotRef},
        finished_style TEXT NOT NULL, finished_version TEXT, customer_base TEXT, style_alias TEXT,
        greige_base TEXT NOT NULL, greige_created TEXT
      );
      CREATE INDEX style_bridge_key ON style_bridge(snapshot_id, finished_style);

      CREATE TABLE fabric_spec (
        ${snapshotRef},
        source TEXT NOT NULL, finished_style TEXT NOT NULL, finished_version TEXT, spec_id TEXT, finish_code TEXT,
        overall_width_in REAL, cuttable_width_in REAL, oz_per_lin_yd REAL, yds_per_lb REAL, gsm REAL,
        oz_per_sq_yd REAL, composition TEXT, construction TEXT, fabric_type TEXT, roll_weight_lbs REAL,
        roll_length_yds REAL, stage TEXT
      );
      CREATE INDEX fabric_spec_key ON fabric_spec(snapshot_id, source, finished_style);

      CREATE TABLE machine (
        ${snapshotRef},
        machine_id TEXT NOT NULL, work_center TEXT, work_center_raw TEXT
      );
      CREATE INDEX machine_key ON machine(snapshot_id, machine_id);

      CREATE TABLE knit_rate (
        ${snapshotRef},
        style TEXT NOT NULL, lbs_per_day REAL NOT NULL
      );
      CREATE INDEX knit_rate_key ON knit_rate(snapshot_id, style);
    `,
  },
  {
    version: 101,
    name: 'import: transactions and history (yarn inventory, orders, POs, receipts, rolls, sales)',
    up: `
      CREATE TABLE yarn_inventory (
        ${snapshotRef},
        yarn_id TEXT NOT NULL, supplier TEXT, description TEXT, color TEXT, qs_customer TEXT,
        beginning_lbs REAL NOT NULL, received_lbs REAL NOT NULL, consumed_lbs REAL NOT NULL,
        adjustments_lbs REAL NOT NULL, theoretical_lbs REAL NOT NULL, misc TEXT, on_order_lbs REAL NOT NULL,
        allocated_lbs REAL NOT NULL, planning_lbs REAL NOT NULL, reconcile_date TEXT, cost_per_lb REAL,
        total_cost REAL
      );
      CREATE INDEX yarn_inventory_key ON yarn_inventory(snapshot_id, yarn_id);

      CREATE TABLE knit_order (
        ${snapshotRef},
        ko_number TEXT NOT NULL, source TEXT NOT NULL, style TEXT NOT NULL, style_raw TEXT NOT NULL,
        has_warning INTEGER NOT NULL, warning_text TEXT, start_date TEXT, quoted_date TEXT, requested_date TEXT,
        ordered_lbs REAL NOT NULL, g00_lbs REAL NOT NULL, shipped_lbs REAL NOT NULL, seconds_lbs REAL NOT NULL,
        balance_lbs REAL NOT NULL, live_balance_lbs REAL NOT NULL, machine TEXT, bki TEXT, po_number TEXT,
        modified_at TEXT, status TEXT, schedule_status TEXT, received_lbs REAL, unit_cost_yarn_per_lb REAL,
        knit_price_per_lb REAL
      );
      CREATE INDEX knit_order_key ON knit_order(snapshot_id, source, ko_number);

      CREATE TABLE sales_order (
        ${snapshotRef},
        so_number TEXT NOT NULL, status TEXT, csr TEXT, unit_price REAL, price_unit TEXT, quoted_date TEXT,
        customer_style TEXT, finished_base TEXT, finished_style TEXT, finished_version TEXT, greige_style TEXT,
        on_hold INTEGER,
        uom TEXT, ordered_qty REAL NOT NULL, shipped_qty REAL NOT NULL, balance_qty REAL NOT NULL,
        available_qty REAL NOT NULL, sop TEXT, po_number TEXT, sold_to TEXT, ship_to TEXT, ship_date TEXT
      );
      CREATE INDEX sales_order_key ON sales_order(snapshot_id, so_number);

      CREATE TABLE sales_history (
        ${snapshotRef},
        document TEXT NOT NULL, invoice_date TEXT NOT NULL, customer TEXT, finished_style TEXT NOT NULL, greige_style TEXT,
        qty REAL NOT NULL, uom TEXT, unit_price REAL, line_price REAL, first_invoice TEXT, sales_rep TEXT,
        commission REAL, selling_company TEXT, po_number TEXT
      );
      CREATE INDEX sales_history_key ON sales_history(snapshot_id, finished_style, invoice_date);

      CREATE TABLE yarn_po (
        ${snapshotRef},
        po_number TEXT NOT NULL, status TEXT, yarn_id TEXT NOT NULL, ordered_at TEXT, requested_date TEXT,
        quoted_date TEXT, qty_lbs REAL NOT NULL, balance_lbs REAL NOT NULL, supplier TEXT, size TEXT,
        yarn_type TEXT, color TEXT, description TEXT, cost_per_lb REAL, total_cost REAL
      );
      CREATE INDEX yarn_po_key ON yarn_po(snapshot_id, po_number);

      CREATE TABLE expected_po (
        ${snapshotRef},
        po_number TEXT NOT NULL, po_date TEXT, supplier TEXT, yarn_id TEXT NOT NULL, cost_per_lb REAL,
        inventory_lbs REAL, ordered_lbs REAL, received_lbs REAL, balance_lbs REAL NOT NULL, yarn_type TEXT,
        ply TEXT, size TEXT, filament TEXT, color TEXT, blend TEXT
      );
      CREATE INDEX expected_po_key ON expected_po(snapshot_id, po_number);

      CREATE TABLE expected_receipt (
        ${snapshotRef},
        po_number TEXT NOT NULL, yarn_id TEXT NOT NULL, bucket TEXT NOT NULL, week_start TEXT,
        qty_lbs REAL NOT NULL
      );
      CREATE INDEX expected_receipt_key ON expected_receipt(snapshot_id, yarn_id, week_start);

      CREATE TABLE fabric_roll (
        ${snapshotRef},
        stage TEXT NOT NULL, roll_number TEXT NOT NULL, style TEXT NOT NULL, greige_style TEXT,
        order_number TEXT, so_number TEXT, do_number TEXT, customer TEXT, vendor_roll_number TEXT, rack TEXT,
        qty_yds REAL, qty_lbs REAL NOT NULL, good_each REAL, bad_each REAL, processor TEXT, machine TEXT,
        event_date TEXT
      );
      CREATE INDEX fabric_roll_key ON fabric_roll(snapshot_id, stage, style);
    `,
  },
  {
    version: 102,
    name: "import: the ERP's own computed reports (reference data)",
    up: `
      CREATE TABLE erp_report (
        ${snapshotRef},
        report_id INTEGER NOT NULL, type TEXT NOT NULL, file_name TEXT NOT NULL, run_date TEXT,
        this_week_start TEXT NOT NULL, buckets TEXT NOT NULL,
        PRIMARY KEY (snapshot_id, report_id)
      );

      CREATE TABLE erp_style_demand (
        ${snapshotRef},
        report_id INTEGER NOT NULL, style TEXT NOT NULL, ko_number TEXT, yarn_id TEXT NOT NULL,
        percentage REAL NOT NULL, buckets_lbs TEXT NOT NULL, total_lbs REAL NOT NULL
      );
      CREATE INDEX erp_style_demand_key ON erp_style_demand(snapshot_id, report_id, style);

      CREATE TABLE erp_yarn_demand (
        ${snapshotRef},
        report_id INTEGER NOT NULL, yarn_id TEXT NOT NULL, supplier TEXT, description TEXT, color TEXT,
        inventory_lbs REAL NOT NULL, total_demand_lbs REAL NOT NULL, total_receipt_lbs REAL NOT NULL,
        balance_lbs REAL NOT NULL, past_due_receipts_lbs REAL NOT NULL, demand_lbs TEXT NOT NULL,
        receipts_lbs TEXT NOT NULL, balance_by_bucket_lbs TEXT NOT NULL
      );
      CREATE INDEX erp_yarn_demand_key ON erp_yarn_demand(snapshot_id, report_id, yarn_id);
    `,
  },
  {
    version: 200,
    name: 'planning: what-if scenarios (overrides only) and alert acknowledgements',
    up: `
      -- A scenario is a list of overrides on top of a snapshot, never a copy of its data.
      CREATE TABLE scenario (
        id INTEGER PRIMARY KEY,
        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        overrides_json TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX scenario_snapshot ON scenario(snapshot_id, id);

      -- Keyed by the alert's stable key (e.g. yarn-short:<yarnId>), not by snapshot: acks survive re-plans and
      -- re-imports.
      CREATE TABLE alert_ack (
        alert_key TEXT PRIMARY KEY,
        acknowledged_at TEXT NOT NULL,
        note TEXT
      );
    `,
  },
  {
    version: 300,
    name: 'core: plan cache revision, so readers never mistake a re-plan for the plan they cached',
    up: 'ALTER TABLE plan_cache ADD COLUMN revision INTEGER NOT NULL DEFAULT 0',
  },
  {
    version: 301,
    name: 'planner data in tables: PO drafts, pins, rate and BOM overrides, supplier mappings, yarn supply overrides, holidays, downtime, policy values',
    up: PLANNER_TABLES_SQL,
  },
  {
    version: 302,
    name: 'planner data in tables: the setting blobs moved into them, what does not fit kept as legacy.<key>',
    up: movePlannerBlobsToTables,
  },
  {
    version: 303,
    name: 'import: when an API knit order was created, to leave out orders created after the as-of date',
    up: 'ALTER TABLE knit_order ADD COLUMN created_at TEXT',
  },
  {
    version: 304,
    name: 'import: one set of entity names (balances as the ERP names them, units in the names), "(Do not Use)" suppliers retired at import',
    up: (db) => {
      db.exec(ENTITY_NAMES_SQL);
      // Earlier imports retired only "Remove" suppliers; the plan also retired names the buyers marked "(Do not Use)".
      // The import's rule decides, so the two never disagree.
      db.function('retired_supplier_name', { deterministic: true }, (name) => (isRetiredSupplier(String(name), []) ? 1 : 0));
      db.exec('UPDATE supplier SET retired = 1 WHERE retired = 0 AND retired_supplier_name(name) = 1');
    },
  },
  {
    version: 305,
    name: 'one planning calendar: the plan horizons and the working week in the calendar policy area (policy values, scenario policy changes); cached plans recomputed',
    up: mergePlanHorizons,
  },
  {
    version: 306,
    name: 'planner data: the action log (every planner action with the rows before and after, and its undo)',
    up: ACTION_LOG_SQL,
  },
  {
    version: 307,
    name: "app state: each grid's saved view (ui_state), and the outcome of every job that ended (job_run, the last 500)",
    up: `
      -- Screen state the planner arranged (a grid's sort, filters, columns): key -> JSON, validated on read.
      CREATE TABLE ui_state (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- One row per job that ended (import, demo load, plan run, forecast), written when it ends.
      CREATE TABLE job_run (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        started_at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'failed', 'cancelled')),
        message TEXT NOT NULL DEFAULT '',
        snapshot_id INTEGER
      );
      CREATE INDEX job_run_kind ON job_run(kind, id);
    `,
  },
];

export interface MigrateResult {
  from: number;
  to: number;
  /** What the migrations applied want the planner told. */
  notes: string[];
}

/** Applies the migrations above the database's version, up to `upTo` (default: all). */
export function migrate(db: Database, options: { upTo?: number } = {}): MigrateResult {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new Error(`database schema version ${from} is newer than this app (${latest}); update the app`);
  }
  const upTo = Math.min(options.upTo ?? latest, latest);
  const notes: string[] = [];
  for (const m of migrations) {
    if (m.version <= from || m.version > upTo) continue;
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else notes.push(...(m.up(db) ?? []));
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: Math.max(from, upTo), notes };
}
