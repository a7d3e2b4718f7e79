// The Diagnostics page and the support bundle: what the app is, where its files are, what its jobs did, how much
// memory it uses; and a zip of the logs, the import reports, the settings/policy and that information — planner data
// (drafts, pins, overrides, mappings, calendar entries, scenarios, acknowledgements) only when asked.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { BundleManifest, Diagnostics } from '../../../shared/diagnostics';
import type { Db } from '../../store/db';
import { listJobRuns } from '../../store/jobRuns';
import { migrations } from '../../store/migrations';
import { getSnapshotReport, listSnapshots } from '../../store/snapshots';
import type { LogFile } from '../logFile';
import { writeZip, type ZipInput } from './zipFile';

export interface DiagnosticsContext {
  db: Db;
  dbPath: string;
  appName: string;
  version: string;
  shell: Diagnostics['shell'];
  log: LogFile;
  /** The planning policy as Settings shows it (defaults overlaid with the planner's edits). */
  policy: () => unknown;
}

/** Planner-entered tables: in a bundle only with "include planner data". */
export const PLANNER_DATA_TABLES = [
  'po_draft',
  'pin',
  'rate_override',
  'bom_override',
  'bom_override_line',
  'supplier_mapping',
  'yarn_supply_override',
  'holiday',
  'downtime',
  'scenario',
  'alert_ack',
  // the action log: every planner action with the rows before and after
  'action_log',
  'action_log_change',
] as const;

const fileBytes = (path: string) => (existsSync(path) ? statSync(path).size : 0);

export function readDiagnostics(ctx: DiagnosticsContext): Diagnostics {
  const memory = process.memoryUsage();
  return {
    appName: ctx.appName,
    version: ctx.version,
    shell: ctx.shell,
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
    dbPath: ctx.dbPath,
    dbSizeBytes: ctx.dbPath === ':memory:' ? 0 : fileBytes(ctx.dbPath) + fileBytes(`${ctx.dbPath}-wal`),
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    latestSchemaVersion: migrations.at(-1)?.version ?? 0,
    logFile: ctx.log.path,
    imports: listJobRuns(ctx.db, { kinds: ['import', 'demo'], limit: 20 }),
    planRuns: listJobRuns(ctx.db, { kinds: ['plan'], limit: 20 }),
    jobs: listJobRuns(ctx.db, { limit: 100 }),
    failures: listJobRuns(ctx.db, { outcome: 'failed', limit: 50 }),
    mainMemory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, heapTotalBytes: memory.heapTotal },
  };
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** The support bundle as a zip, and its manifest (also inside, as manifest.json). */
export function supportBundle(
  ctx: DiagnosticsContext,
  options: { includePlannerData: boolean; now: string },
): { zip: Buffer; manifest: BundleManifest } {
  const files: (ZipInput & { what: string })[] = [];
  const add = (name: string, data: Buffer, what: string) => files.push({ name, data, what });

  add('app-info.json', json(readDiagnostics(ctx)), 'app version, database path, size and schema version, job history, memory');
  for (const path of ctx.log.files()) add(`logs/${basename(path)}`, readFileSync(path), 'the log file (job failures and warnings)');
  for (const s of listSnapshots(ctx.db)) {
    const report = getSnapshotReport(ctx.db, s.id);
    const head = { id: s.id, asOf: s.asOf, label: s.label, kind: s.kind, createdAt: s.createdAt, entityRowCounts: s.entities };
    add(`import-reports/snapshot-${s.id}.json`, json({ snapshot: head, report: report ?? null }), `import report of snapshot ${s.id} (${s.asOf})`);
  }
  const settings = ctx.db.prepare("SELECT key, value_json, updated_at FROM setting WHERE key NOT LIKE 'legacy.%' ORDER BY key").all() as {
    key: string;
    value_json: string;
    updated_at: string;
  }[];
  add(
    'settings/settings.json',
    json(settings.map((s) => ({ key: s.key, value: JSON.parse(s.value_json), updatedAt: s.updated_at }))),
    'app settings',
  );
  add('settings/policy.json', json(ctx.policy()), "the planning policy (defaults overlaid with the planner's edits)");

  if (options.includePlannerData) {
    const existing = new Set((ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    for (const table of PLANNER_DATA_TABLES) {
      if (!existing.has(table)) continue;
      // table names come from the constant list above, never from input
      const rows = ctx.db.prepare(`SELECT * FROM ${table}`).all();
      add(`planner-data/${table}.json`, json(rows), `planner data: ${table} (${rows.length} rows)`);
    }
    const legacy = ctx.db.prepare("SELECT key, value_json, updated_at FROM setting WHERE key LIKE 'legacy.%' ORDER BY key").all();
    add('planner-data/legacy-settings.json', json(legacy), 'planner data a migration kept aside');
  }

  const manifest: BundleManifest = {
    createdAt: options.now,
    appVersion: ctx.version,
    includesPlannerData: options.includePlannerData,
    files: files.map((f) => ({ path: f.name, bytes: f.data.length, what: f.what })),
  };
  const zip = writeZip([{ name: 'manifest.json', data: json(manifest) }, ...files]);
  return { zip, manifest };
}
