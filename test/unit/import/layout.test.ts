// One folder, one meaning (import/layout.ts) and the staging of uploads that keeps a chosen folder's layout.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportFailedError } from '../../../src/main/import/importBatch';
import { importFiles } from '../../../src/main/services/jobs/importFiles';
import { importLayout, LayoutError } from '../../../src/main/import/layout';
import { UploadStaging, uploadNameProblem } from '../../../src/main/services/contract/uploads';
import { openStore } from '../../../src/main/store/db';
import { tempDir } from '../../support/tempDb';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('bkp-layout-');
});
afterEach(() => tmp.cleanup());

function files(root: string, names: string[]): string {
  for (const n of names) {
    mkdirSync(join(root, n, '..'), { recursive: true });
    writeFileSync(join(root, n), n);
  }
  return root;
}

describe('import layout', () => {
  it('a history folder: masters with the first snapshot, snapshots in date order, other files listed as ignored', () => {
    const root = files(join(tmp.dir, 'erp'), [
      'README.md',
      'master/BOM.csv',
      'master/.hidden',
      'snapshots/2025-09-02/ko.xlsx',
      'snapshots/2025-08-22/ko.xlsx',
      'snapshots/2025-08-22/~$ko.xlsx',
      'snapshots/notes.txt',
    ]);
    const layout = importLayout([root]);
    expect(layout.kind).toBe('history');
    expect(layout.batches.map((b) => [b.label, b.files.map((f) => f.slice(root.length + 1)), b.folder])).toEqual([
      ['master + snapshots/2025-08-22', ['master/BOM.csv', 'snapshots/2025-08-22/ko.xlsx'], { name: 'snapshots/2025-08-22', date: '2025-08-22' }],
      ['snapshots/2025-09-02', ['snapshots/2025-09-02/ko.xlsx'], { name: 'snapshots/2025-09-02', date: '2025-09-02' }],
    ]);
    expect(layout.ignored.map((f) => f.slice(root.length + 1))).toEqual(['README.md', 'snapshots/notes.txt']);
  });

  it('anything else is one batch of every file, sub-folders included; a history folder inside one is refused', () => {
    const root = files(join(tmp.dir, 'loose'), ['a.xlsx', 'sub/b.csv', 'sub/deeper/c.json', '.DS_Store']);
    expect(importLayout([root, join(tmp.dir, 'x.csv')]).batches[0].files.map((f) => f.slice(tmp.dir.length + 1))).toEqual([
      'loose/a.xlsx',
      'loose/sub/b.csv',
      'loose/sub/deeper/c.json',
      'x.csv',
    ]);
    files(join(root, 'erp'), ['master/BOM.csv', 'snapshots/2025-08-22/ko.xlsx']);
    expect(() => importLayout([root])).toThrow(LayoutError);
    expect(() => importLayout([root])).toThrow(/holds a history folder \(erp: master\/ \+ snapshots\/\)/);
    expect(() => importLayout([join(root, 'erp'), join(root, 'a.xlsx')])).toThrow(/import it on its own/);
  });

  it('importFiles refuses a history folder: it is several snapshots, not one batch', async () => {
    const root = files(join(tmp.dir, 'erp'), ['master/BOM.csv', 'snapshots/2025-08-22/ko.xlsx']);
    const db = openStore(':memory:');
    const err = (await importFiles(db, root, { now: '2025-09-05T00:00:00' }).catch((e: unknown) => e)) as ImportFailedError;
    db.close();
    expect(err).toBeInstanceOf(ImportFailedError);
    expect(err.code).toBe('LAYOUT');
    expect(err.message).toContain('is a history folder');
  });
});

describe('upload staging', () => {
  const b64 = (text: string) => Buffer.from(text);

  it('puts uploads together under their paths in the chosen folder; the folder they share is the root', () => {
    const staging = new UploadStaging(join(tmp.dir, 'uploads'));
    const stageId = staging.assemble([
      staging.fromBytes('erp/master/BOM.csv', b64('bom')),
      staging.fromBytes('erp/snapshots/2025-08-22/ko.xlsx', b64('ko')),
    ]);
    const root = staging.stageRoot(stageId);
    expect(root.endsWith('/erp')).toBe(true);
    expect(readFileSync(join(root, 'snapshots', '2025-08-22', 'ko.xlsx'), 'utf8')).toBe('ko');
    expect(importLayout([root]).kind).toBe('history');
    // files picked one by one share no folder: the stage itself is the root
    const loose = staging.stageRoot(staging.assemble([staging.fromBytes('a.csv', b64('a')), staging.fromBytes('b.csv', b64('b'))]));
    expect(readFileSync(join(loose, 'b.csv'), 'utf8')).toBe('b');
    staging.discard(stageId);
    expect(existsSync(root)).toBe(false);
    expect(() => staging.stageRoot(stageId)).toThrow(/choose the files again/);
    staging.close();
    expect(readdirSync(join(tmp.dir, 'uploads'))).toEqual([]);
  });

  it('never writes outside the stage', async () => {
    const staging = new UploadStaging(join(tmp.dir, 'uploads'));
    for (const name of ['../evil.csv', 'a/../../evil.csv', 'C:/x.csv', '/']) {
      expect(uploadNameProblem(name), name).toMatch(/not a file name/);
      expect(() => staging.fromBytes(name, b64('x')), name).toThrow(/not a file name/);
      await expect(staging.fromStream(name, Readable.from([b64('x')]), 100)).rejects.toThrow(/not a file name/);
    }
    expect(uploadNameProblem('erp/snapshots/2025-08-22/Yarn_Demand_2025-08-20_0442.xlsx')).toBeNull();
    staging.close();
  });
});
