// "Go to anything" (search.find): the query time on imported demo exports at scale 1 and 10: the first query (which
// reads the snapshot's searchable rows), then an id, an id prefix, text words and a miss (the median of 20 runs, the worst
// in the note: the keystrokes after the first). Budget 50 ms per keystroke at scale 1 and 10.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateErpExports } from '../../src/main/demo';
import { findEntities } from '../../src/main/services/views/search';
import { openStore } from '../../src/main/store/db';
import { runJob } from '../../src/main/services/jobs/registry';
import { JobHost } from '../../src/main/workers/jobHost';
import { tempDir } from '../support/tempDb';
import type { BenchArea, BenchFigure } from './types';

const RUNS = 20;

async function atScale(scale: number): Promise<BenchFigure[]> {
  const data = mkdtempSync(join(tmpdir(), 'bkp-bench-search-data-'));
  const tmp = tempDir('bkp-bench-search-');
  try {
    const generated = await generateErpExports({ seed: 7, scale, asOf: '2025-09-02', outDir: data });
    const jobs = new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob });
    const imported = await jobs.wait(jobs.start('import', { paths: generated.files }));
    if (imported.status !== 'done') throw new Error(`import failed: ${imported.error}`);
    const snapshotId = (imported.result as { snapshotId: number }).snapshotId;
    const db = openStore(tmp.dbPath);
    const someYarn = (db.prepare('SELECT yarn_id FROM yarn_inventory WHERE snapshot_id = ? LIMIT 1 OFFSET 7').get(snapshotId) as { yarn_id: string })
      .yarn_id;
    const rows = (db.prepare('SELECT count(*) AS n FROM knit_order WHERE snapshot_id = ?').get(snapshotId) as { n: number }).n;
    const queries = { 'exact yarn id': someYarn, 'id prefix "K26"': 'K26', 'text "polyester black"': 'polyester black', miss: 'zzqq-none' };
    const c0 = performance.now();
    findEntities(db, snapshotId, someYarn, 20);
    const figures: BenchFigure[] = [
      {
        name: `${scale}x: search.find first query (reads the snapshot's rows)`,
        value: Math.round(performance.now() - c0),
        unit: 'ms',
        budget: scale === 1 ? 50 : 500,
      },
    ];
    for (const [name, q] of Object.entries(queries)) {
      let hits = 0;
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        hits = findEntities(db, snapshotId, q, 20).length;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(RUNS / 2)];
      const worst = times[RUNS - 1];
      figures.push({
        name: `${scale}x: search.find ${name}`,
        value: Math.round(median * 10) / 10,
        unit: 'ms',
        budget: 50,
        note: `median of ${RUNS}; worst ${worst.toFixed(1)} ms; ${hits} hits; ${rows} knit orders`,
      });
    }
    db.close();
    await jobs.close();
    return figures;
  } finally {
    rmSync(data, { recursive: true, force: true });
    tmp.cleanup();
  }
}

export const bench: BenchArea = async () => [...(await atScale(1)), ...(await atScale(10))];
