// A batch read on two threads (import/parallelRead.ts: the compiled worker.js as a parse worker) must be exactly the
// batch one thread reads — the same entities in the same order and the same file reports — on the generated exports
// and on the real 2025-09-02 batch, and a parse worker that dies must leave the import whole (read on one thread).
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateErpExports } from '../../../src/main/demo';
import { readImportBatch, type ReadBatch } from '../../../src/main/import/importBatch';
import { ParseWorker, setParseWorkerScript } from '../../../src/main/import/parallelRead';
import { erpPath, erpSkipReason, hasErpData } from '../../support/erpData';
import { tempDir } from '../../support/tempDb';

const WORKER = resolve(__dirname, '../../../out/main/worker.js');
const built = existsSync(WORKER);
if (!built) console.warn(`${WORKER} is missing (npm test builds it first): the two-thread read is not tested`);

async function read(paths: string[], script: string | undefined, asOf?: string): Promise<ReadBatch> {
  setParseWorkerScript(script);
  try {
    return await readImportBatch(paths, { now: '2025-09-05T08:00:00', ...(asOf ? { asOf } : {}) }, performance.now());
  } finally {
    setParseWorkerScript(undefined);
  }
}

/** What must not depend on the threads: everything but the import's duration. */
function comparable(r: ReadBatch) {
  return {
    batch: r.batch,
    report: { ...r.report, durationMs: 0 },
    asOf: r.asOf,
    carriedKinds: r.carriedKinds,
    usedFiles: r.usedFiles.map((f) => [f.file, f.type.id, f.rowsAccepted]),
    asOfWarnings: r.asOfWarnings,
    windows1252Files: r.windows1252Files,
  };
}

describe.skipIf(!built)('an import batch read on two threads', () => {
  const tmp = tempDir('bkp-parallel-read-');
  let paths: string[];
  let oneThread: ReadBatch;
  beforeAll(async () => {
    const g = await generateErpExports({ seed: 5, scale: 1, asOf: '2025-09-02', outDir: tmp.dir });
    paths = [g.snapshotDir, g.masterDir];
    oneThread = await read(paths, undefined);
  }, 120_000);
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => tmp.cleanup());

  it('reads the generated exports into the same entities and reports, the worker reading some of the files', async () => {
    const sent = vi.spyOn(ParseWorker.prototype, 'read');
    const twoThreads = await read(paths, WORKER);
    // the costliest files go to the worker first: it read at least two, and not every one
    const files = sent.mock.calls.map(([s]) => s.file);
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.length).toBeLessThan(twoThreads.usedFiles.length);
    expect(Object.values(oneThread.batch).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(10_000);
    expect(comparable(twoThreads)).toEqual(comparable(oneThread));
  }, 60_000);

  it('reads every file on the import thread when the parse worker dies', async () => {
    const dying = join(tmp.dir, 'dying-worker.js');
    writeFileSync(dying, 'process.exit(3);\n');
    const sent = vi.spyOn(ParseWorker.prototype, 'read');
    const fallback = await read(paths, dying);
    expect(sent).toHaveBeenCalled();
    expect(comparable(fallback)).toEqual(comparable(oneThread));
  }, 60_000);

  it.skipIf(!hasErpData)(
    'reads the real 2025-09-02 batch + master into the same entities and reports',
    async () => {
      const dir = join(tmp.dir, 'real');
      mkdirSync(dir);
      for (const from of [erpPath('master'), erpPath('snapshots', '2025-09-02')])
        for (const name of readdirSync(from)) symlinkSync(join(from, name), join(dir, name));
      const one = await read([dir], undefined, '2025-09-02');
      const two = await read([dir], WORKER, '2025-09-02');
      expect(one.report.files.filter((f) => f.status === 'imported').length).toBeGreaterThan(20);
      expect(comparable(two)).toEqual(comparable(one));
    },
    60_000,
  );
  if (!hasErpData) it.skip(erpSkipReason, () => {});
});
