// Windows-1252 CSVs (Excel's "CSV" on a Western Windows) are detected and decoded, with a warning in the import
// report; UTF-8 files, with or without a BOM, read exactly as before. Through `importFiles`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportFailedError } from '../../../src/main/import/importBatch';
import { importFiles } from '../../../src/main/services/jobs/importFiles';
import { openStore, type Db } from '../../../src/main/store/db';
import { loadPlanningData } from '../../../src/main/store/entities';
import { tempDir } from '../../support/tempDb';

const NOW = '2025-09-05T08:00:00';
const HEADER = 'Desc#,Supplier,Description,Color,Beginning Balance,Theoretical Balance,On Order,Allocated,Planning Balance,Cost/Pound';
const ROWS = [
  '739,Crème Yarns,1/40 Lycra ½ twist,Clear,300.10,300.10,0.00,0.00,300.10,$5.96',
  '1571,LYCRA,1/70 Lycra – “Noir”,Black,224.10,224.10,500.00,0.00,700.00,€5.92',
  ...Array.from({ length: 30 }, (_, i) => `${2000 + i},Façon,Coton ${i} naturel,Écru,1,1,0,0,1,$1.00`),
];
const TEXT = `${HEADER}\n${ROWS.join('\n')}\n`;

/** Windows-1252 bytes of `text` (every character used here exists in the code page). */
function cp1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '–': 0x96, '“': 0x93, '”': 0x94 };
  return Buffer.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir('bkp-encoding-');
  db = openStore(tmp.dbPath);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

async function importBytes(bytes: Buffer) {
  const dir = join(tmp.dir, `in-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'yarn_inventory.csv'), bytes);
  return importFiles(db, dir, { now: NOW, asOf: '2025-09-02' });
}

const descriptions = (snapshotId: number) =>
  loadPlanningData(db, snapshotId)
    .yarns.slice(0, 3)
    .map((y) => [y.yarnId, y.supplier, y.description, y.color]);

describe('csv text encodings', () => {
  it('a Windows-1252 csv is decoded (accents, euro, dashes, curly quotes) and the report warns, naming the file', async () => {
    const { snapshotId, report } = await importBytes(cp1252(TEXT));
    expect(descriptions(snapshotId)).toEqual([
      ['739', 'Crème Yarns', '1/40 Lycra ½ twist', 'Clear'],
      ['1571', 'LYCRA', '1/70 Lycra – “Noir”', 'Black'],
      ['2000', 'Façon', 'Coton 0 naturel', 'Écru'],
    ]);
    const warning = report.warnings.find((w) => w.code === 'encoding');
    expect(warning?.message).toMatch(/yarn_inventory\.csv.*Windows-1252/);
    expect(report.files[0].notes.join(' ')).toMatch(/Windows-1252/);
  });

  it('UTF-8 with and without a BOM reads the same text, without a warning', async () => {
    const plain = await importBytes(Buffer.from(TEXT, 'utf8'));
    const bom = await importBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]));
    for (const out of [plain, bom]) {
      expect(out.report.warnings.some((w) => w.code === 'encoding')).toBe(false);
      expect(descriptions(out.snapshotId)[0]).toEqual(['739', 'Crème Yarns', '1/40 Lycra ½ twist', 'Clear']);
    }
  });

  it('a file mixing UTF-8 and another encoding is refused (no guess), and so is binary that is not text', async () => {
    const mixed = Buffer.concat([Buffer.from(TEXT, 'utf8'), cp1252('9999,Crème,x,y,1,1,0,0,1,$1\n')]);
    const err = (await importBytes(mixed).catch((e: unknown) => e)) as ImportFailedError;
    expect(err).toBeInstanceOf(ImportFailedError);
    expect(err.report.files[0].reason).toMatch(/mixes UTF-8/);
    const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => 1 + ((i * 7919) % 255)));
    const err2 = (await importBytes(noise).catch((e: unknown) => e)) as ImportFailedError;
    expect(err2.report.files[0].reason).toMatch(/not text/);
  });
});
