// Child process of the corruption test: imports each variant through `importFiles` into one store and records what
// happened, how long it took and its peak memory (VmHWM, reset per variant through /proc/self/clear_refs).
//   node --expose-gc --import tsx runVariants.ts <manifest.json> <results.json>
// A refused import must name the file and leave the store exactly as it was (row counts and SQLite's change
// counter); an imported one must equal the clean file's import (entity counts; content where a reference is given)
// and is deleted again, so the store's full content hash at the end equals the one at the start.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DATE_WINDOW } from '../../../src/main/import/cleaners';
import { ImportFailedError } from '../../../src/main/import/importBatch';
import { importFiles, type ImportOutcome } from '../../../src/main/services/jobs/importFiles';
import { openStore, type Db } from '../../../src/main/store/db';
import { ENTITY_TABLE_SPECS } from '../../../src/main/store/entities';
import { deleteSnapshot } from '../../../src/main/store/snapshots';
import type { Base, Variant } from './variants';

export interface Manifest {
  dbPath: string;
  now: string;
  previous: { paths: string[]; asOf: string };
  bases: Base[];
  references: Base[];
  variants: Variant[];
}

export interface VariantResult {
  id: string;
  kind: string;
  what: string;
  file: string;
  expect: Variant['expect'];
  outcome: 'refused' | 'imported' | 'crashed';
  code?: string;
  message?: string;
  namesFile?: boolean;
  storeUnchanged?: boolean;
  /** Why an imported variant is not complete (undefined: complete). */
  incomplete?: string;
  ms: number;
  peakKb: number;
}

export interface RunResults {
  baselineKb: number;
  initialHash: Record<string, string>;
  finalHash: Record<string, string>;
  results: VariantResult[];
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function peakKb(): number {
  return Number(/VmHWM:\s*(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
}

function resetPeak(): void {
  gc();
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // kernels without clear_refs: the figure is then the process's peak so far (never lower than the variant's)
  }
}

function userTables(db: Db): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
}

function tableCounts(db: Db): string {
  return userTables(db)
    .map((t) => `${t}:${(db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n}`)
    .join(' ');
}

/** A content hash of every table of the store (per table, so a difference names the table). */
function fullHash(db: Db): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of userTables(db)) {
    const hash = createHash('sha256');
    for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row));
    out[t] = hash.digest('hex').slice(0, 16);
  }
  return out;
}

const totalChanges = (db: Db) => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** The snapshot's entity rows, without the snapshot id: what a reference import must equal. */
function contentOf(db: Db, snapshotId: number): { digest: string; texts: Set<string>; dates: string[] } {
  const hash = createHash('sha256');
  const texts = new Set<string>();
  const dates: string[] = [];
  for (const spec of Object.values(ENTITY_TABLE_SPECS)) {
    const fields = Object.keys(spec.fields).map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    hash.update(`\n#${spec.table}\n`);
    for (const row of db
      .prepare(`SELECT ${fields.join(', ')} FROM ${spec.table} WHERE snapshot_id = ? ORDER BY rowid`)
      .raw()
      .iterate(snapshotId) as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row));
      row.forEach((v, i) => {
        if (typeof v !== 'string') return;
        texts.add(v);
        if (/(date|_at)$/.test(fields[i]) && /^[+-]?\d{4,6}-\d\d/.test(v)) dates.push(v);
      });
    }
  }
  return { digest: hash.digest('hex'), texts, dates };
}

function outsideWindow(date: string): boolean {
  const day = date.slice(0, 10);
  return !(day >= DATE_WINDOW.first && day <= DATE_WINDOW.last);
}

/** Why an imported variant is not what a complete import of its clean file holds (undefined: it is). */
function incompleteness(
  db: Db,
  v: Variant,
  out: ImportOutcome,
  clean: Map<string, { counts: Record<string, number>; digest: string }>,
): string | undefined {
  const want = clean.get(v.base);
  const reference = v.reference === undefined ? undefined : clean.get(v.reference);
  if (!want || (v.reference !== undefined && !reference)) return `no clean import to compare with (${v.base} ${v.reference ?? ''})`;
  const got = contentOf(db, out.snapshotId);
  if (JSON.stringify(out.report.entityCounts) !== JSON.stringify(want.counts)) {
    return `entity counts ${JSON.stringify(out.report.entityCounts)}, clean ${JSON.stringify(want.counts)}`;
  }
  if (reference && got.digest !== reference.digest) return `content differs from the reference ${v.reference}`;
  const missing = (v.verbatim ?? []).filter((t) => !got.texts.has(t));
  if (missing.length) return `formula text not stored verbatim: ${missing.join(' ')}`;
  const outside = got.dates.filter(outsideWindow);
  if (outside.length) return `dates outside the window stored: ${outside.slice(0, 3).join(' ')}`;
  if (v.badDates) {
    const issues = out.report.files.flatMap((f) => [...f.rejections, ...f.dropped]).filter((i) => /outside|date/.test(i.reason));
    if (issues.length < v.badDates) return `${issues.length} date issues reported for ${v.badDates} bad dates`;
  }
  return undefined;
}

async function main(): Promise<void> {
  const [manifestPath, resultsPath] = process.argv.slice(2);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const db = openStore(manifest.dbPath);
  const now = manifest.now;
  await importFiles(db, manifest.previous.paths, { now, asOf: manifest.previous.asOf });

  // what a complete import of each clean file (and each reference) holds
  const clean = new Map<string, { counts: Record<string, number>; digest: string }>();
  for (const base of [...manifest.bases, ...manifest.references]) {
    const out = await importFiles(db, [base.path], { now, asOf: base.asOf });
    clean.set(base.key, { counts: out.report.entityCounts, digest: contentOf(db, out.snapshotId).digest });
    if (!out.reused) deleteSnapshot(db, out.snapshotId);
  }
  const initialHash = fullHash(db);
  resetPeak();
  const baselineKb = peakKb();

  const results: VariantResult[] = [];
  for (const v of manifest.variants) {
    const file = basename(v.path);
    resetPeak();
    const countsBefore = tableCounts(db);
    const changesBefore = totalChanges(db);
    const t0 = performance.now();
    const r: VariantResult = { id: v.id, kind: v.kind, what: v.what, file, expect: v.expect, outcome: 'crashed', ms: 0, peakKb: 0 };
    let out: ImportOutcome | undefined;
    let failure: unknown;
    try {
      out = await importFiles(db, [v.path], { now, asOf: v.asOf });
    } catch (err) {
      failure = err;
    }
    r.ms = Math.round(performance.now() - t0);
    r.peakKb = peakKb();
    if (failure instanceof ImportFailedError) {
      r.outcome = 'refused';
      r.code = failure.code;
      r.message = failure.message.slice(0, 400);
      r.namesFile = failure.message.includes(file);
      r.storeUnchanged = tableCounts(db) === countsBefore && totalChanges(db) === changesBefore;
    } else if (failure) {
      r.message = (failure as Error).stack?.slice(0, 800);
    }
    if (out) {
      r.outcome = 'imported';
      r.incomplete = incompleteness(db, v, out, clean);
      if (!out.reused) deleteSnapshot(db, out.snapshotId);
    }
    results.push(r);
    process.stderr.write(`${r.id} ${r.kind}: ${r.outcome}${r.code ? ` ${r.code}` : ''} ${r.ms} ms ${Math.round(r.peakKb / 1024)} MB\n`);
  }
  const finalHash = fullHash(db);
  db.close();
  const out: RunResults = { baselineKb, initialHash, finalHash, results };
  writeFileSync(resultsPath, JSON.stringify(out, null, 1));
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
