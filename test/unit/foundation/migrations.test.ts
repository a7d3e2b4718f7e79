// The one migration sequence: versions strictly increase, every released migration is still there unchanged (a
// database at any released version must keep migrating), and a new one comes after the last released.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../src/main/store/migrations';

/**
 * Every migration ever released: version, name, and for SQL migrations a hash of the SQL with runs of white space
 * made one space (re-indenting is fine, changing a statement is not). Append here when a migration is released;
 * never change a line.
 */
const RELEASED: { version: number; name: string; sqlHash?: string }[] = [
  { version: 1, name: 'core: snapshots, import files, settings, planner data, plan cache', sqlHash: '9c7043fa28593325' },
  { version: 100, name: 'import: master entities (yarn master, suppliers, BOM, styles, specs, machines, rates)', sqlHash: '7ef5d57d8a1e05cd' },
  { version: 101, name: 'import: transactions and history (yarn inventory, orders, POs, receipts, rolls, sales)', sqlHash: 'b4140727292fbcbe' },
  { version: 102, name: "import: the ERP's own computed reports (reference data)", sqlHash: '591aef6c8d9fa0d3' },
  { version: 200, name: 'planning: what-if scenarios (overrides only) and alert acknowledgements', sqlHash: 'ca53bc19e9fc3f42' },
  { version: 300, name: 'core: plan cache revision, so readers never mistake a re-plan for the plan they cached', sqlHash: 'ea0037632f5b6abd' },
  {
    version: 301,
    name: 'planner data in tables: PO drafts, pins, rate and BOM overrides, supplier mappings, yarn supply overrides, holidays, downtime, policy values',
    sqlHash: '473c68ca45c13eb6',
  },
  { version: 302, name: 'planner data in tables: the setting blobs moved into them, what does not fit kept as legacy.<key>' },
  { version: 303, name: 'import: when an API knit order was created, to leave out orders created after the as-of date', sqlHash: 'c9e798bc5baf4781' },
];

const sqlHash = (sql: string) => createHash('sha256').update(sql.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);

describe('the migration sequence', () => {
  it('is one list whose versions strictly increase', () => {
    const versions = migrations.map((m) => m.version);
    versions.forEach((v, i) => {
      expect(Number.isInteger(v) && v > 0, `version ${v}`).toBe(true);
      if (i > 0) expect(v, `migration ${i} (${migrations[i].name})`).toBeGreaterThan(versions[i - 1]);
    });
  });

  it('still holds every released migration, unchanged', () => {
    for (const r of RELEASED) {
      const m = migrations.find((x) => x.version === r.version);
      expect(m, `released migration ${r.version}`).toBeDefined();
      expect(m!.name).toBe(r.name);
      if (r.sqlHash) expect(typeof m!.up === 'string' ? sqlHash(m!.up) : 'a function', `SQL of migration ${r.version}`).toBe(r.sqlHash);
    }
  });

  it('numbers every new migration above the last released one (a database at that version would skip it otherwise)', () => {
    const lastReleased = Math.max(...RELEASED.map((r) => r.version));
    const released = new Set(RELEASED.map((r) => r.version));
    for (const m of migrations.filter((x) => !released.has(x.version))) expect(m.version, m.name).toBeGreaterThan(lastReleased);
  });

  it('migrates up to a given version, then on from there', () => {
    const db = new Database(':memory:');
    expect(migrate(db, { upTo: 200 })).toMatchObject({ from: 0, to: 200 });
    expect(db.pragma('user_version', { simple: true })).toBe(200);
    const tables = () => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).sort();
    expect(tables()).toContain('scenario');
    expect(tables()).not.toContain('po_draft');
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('plan_cache') WHERE name = 'revision'").pluck().get()).toBe(0);

    const latest = migrations.at(-1)!.version;
    expect(migrate(db)).toMatchObject({ from: 200, to: latest });
    expect(tables()).toEqual(
      expect.arrayContaining([
        'po_draft',
        'pin',
        'rate_override',
        'bom_override',
        'bom_override_line',
        'supplier_mapping',
        'yarn_supply_override',
        'holiday',
        'downtime',
        'policy_value',
      ]),
    );
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('plan_cache') WHERE name = 'revision'").pluck().get()).toBe(1);
    // Nothing runs twice.
    expect(migrate(db)).toEqual({ from: latest, to: latest, notes: [] });
    db.close();
  });

  it('304 renames the entity columns to the one set of names, keeping the values, and retires "(Do not Use)" suppliers', () => {
    const db = new Database(':memory:');
    migrate(db, { upTo: 303 });
    db.exec(`INSERT INTO snapshot (id, as_of, label, kind, content_hash, created_at) VALUES (1, '2025-09-02', 's', 'import', 'h', 't')`);
    db.exec(`INSERT INTO yarn_inventory (snapshot_id, yarn_id, beginning_lbs, received_lbs, consumed_lbs, adjustments_lbs, theoretical_lbs, on_order_lbs, allocated_lbs, planning_lbs, total_cost)
             VALUES (1, '739', 10, 5, -3, 0, 12, 100, -40, 72, 71.5)`);
    db.exec(`INSERT INTO supplier (snapshot_id, supplier_id, name, lead_time_weeks, moq_lbs, supplier_type, retired) VALUES
             (1, '1', 'AKRA', NULL, NULL, NULL, 1), (1, '2', 'DECA (Do not Use)', 8, 1000, 'Domestic', 0), (1, '3', 'BANSWARA', 14, 5000, 'Import', 0),
             (1, '4', 'SPUNLAB - DO NOT  USE', 6, 500, 'Import', 0), (1, '5', 'DO GOOD USE YARNS', 6, 500, 'Import', 0)`);
    migrate(db);
    expect(
      db.prepare('SELECT beginning_balance_lbs, theoretical_balance_lbs, planning_balance_lbs, total_cost_usd FROM yarn_inventory').get(),
    ).toEqual({
      beginning_balance_lbs: 10,
      theoretical_balance_lbs: 12,
      planning_balance_lbs: 72,
      total_cost_usd: 71.5,
    });
    expect(db.prepare('SELECT name, lead_time_as_exported, retired FROM supplier ORDER BY supplier_id').all()).toEqual([
      { name: 'AKRA', lead_time_as_exported: null, retired: 1 },
      { name: 'DECA (Do not Use)', lead_time_as_exported: 8, retired: 1 },
      { name: 'BANSWARA', lead_time_as_exported: 14, retired: 0 },
      // the import's rule (isRetiredSupplier), not a LIKE pattern of its own
      { name: 'SPUNLAB - DO NOT  USE', lead_time_as_exported: 6, retired: 1 },
      { name: 'DO GOOD USE YARNS', lead_time_as_exported: 6, retired: 0 },
    ]);
    db.close();
  });

  it('305 moves the three plan horizons and the working week into the calendar area: policy values and scenario changes, the longest horizon kept', () => {
    const db = new Database(':memory:');
    migrate(db, { upTo: 304 });
    const T = '2026-01-0';
    db.exec(`INSERT INTO snapshot (id, as_of, label, kind, content_hash, created_at) VALUES (1, '2025-09-02', 's', 'import', 'h', 't')`);
    const put = db.prepare('INSERT INTO policy_value (area, key, value_json, updated_at) VALUES (?, ?, ?, ?)');
    put.run('yarn', 'planningHorizonWeeks', '30', `${T}1`);
    put.run('purchasing', 'horizonWeeks', '12', `${T}3`);
    put.run('capacity', 'workDaysPerWeek', '5', `${T}2`);
    put.run('purchasing', 'defaultMoqLbs', '500', `${T}2`);
    const scenario = db.prepare('INSERT INTO scenario (id, snapshot_id, name, created_at, overrides_json) VALUES (?, 1, ?, ?, ?)');
    const policy = (id: string, area: string, key: string, value: unknown) => ({ id, label: id, kind: 'policy', area, key, value });
    const rush = [
      policy('a', 'capacity', 'loadHorizonWeeks', 8),
      { id: 'd', label: 'd', kind: 'machineDowntime', machineId: 'M1', from: '2025-09-03', to: '2025-09-04' },
      policy('b', 'purchasing', 'horizonWeeks', 40),
    ];
    scenario.run(1, 'Rush', 't', JSON.stringify(rush));
    scenario.run(2, 'Plain', 't', JSON.stringify([policy('c', 'purchasing', 'defaultMoqLbs', 0)]));
    db.exec(
      `INSERT INTO plan_cache (snapshot_id, scenario_id, kind, inputs_hash, computed_at, result_json) VALUES (1, 0, 'plan', 'h', 't', '{}'), (1, 0, 'forecast', 'h', 't', '{}')`,
    );

    const { notes } = migrate(db);
    expect(db.prepare('SELECT area, key, value_json, updated_at FROM policy_value ORDER BY area, key').all()).toEqual([
      { area: 'calendar', key: 'horizonWeeks', value_json: '30', updated_at: `${T}3` },
      { area: 'calendar', key: 'workDaysPerWeek', value_json: '5', updated_at: `${T}2` },
      { area: 'purchasing', key: 'defaultMoqLbs', value_json: '500', updated_at: `${T}2` },
    ]);
    const overrides = (id: number) =>
      JSON.parse(db.prepare('SELECT overrides_json FROM scenario WHERE id = ?').pluck().get(id) as string) as unknown[];
    expect(overrides(1)).toEqual([rush[1], policy('b', 'calendar', 'horizonWeeks', 40)]);
    expect(overrides(2)).toEqual([policy('c', 'purchasing', 'defaultMoqLbs', 0)]);
    expect(db.prepare('SELECT kind FROM plan_cache').pluck().all()).toEqual(['forecast']);
    expect(notes).toEqual([
      "policy: the plan's horizons are one now (calendar.horizonWeeks): 30 weeks, the longest of purchasing.horizonWeeks 12, yarn.planningHorizonWeeks 30",
      'policy: capacity.workDaysPerWeek 5 is calendar.workDaysPerWeek now',
      'scenario Rush: its policy changes of capacity.loadHorizonWeeks, purchasing.horizonWeeks are changes of the planning calendar now (2 horizons merged into one, the longest)',
      '1 cached plans dropped (computed with the old policy table): plan again to see them',
    ]);
    db.close();
  });
});
