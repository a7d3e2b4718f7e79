// One folder, one meaning: how the paths given to an import become import batches, the same for every entry point
// (the CLI's --data, the Imports page, `import.start`, `importFiles`).
//  - A folder holding `master/` and `snapshots/<name>/` is a history: the masters with the first snapshot (so they
//    take its as-of date), then each later snapshot, in date order (a folder named by a date sorts by it, others by
//    name). It is given alone; files beside `master/` and `snapshots/` are listed as not imported.
//  - Anything else is ONE batch: the files given, and every file in the folders given and their sub-folders.
//    Whether those files belong to one ERP week is decided from their dates when they are read (asOf.ts): exports
//    of different weeks are refused there. A history folder inside a loose folder is refused here.
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { nameRunDate } from './asOf';

export interface BatchSpec {
  /** The folder or files, as shown in messages. */
  label: string;
  files: string[];
  /** A history layout's snapshot folder, with the date its name gives (evidence of the as-of date). */
  folder?: { name: string; date?: string };
}

export interface ImportLayout {
  kind: 'batch' | 'history';
  batches: BatchSpec[];
  /** Files of a history folder outside master/ and snapshots/<name>/: not imported. */
  ignored: string[];
}

export class LayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayoutError';
  }
}

const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** Hidden files and Excel's lock files (`~$book.xlsx`) are never exports. */
const skipped = (name: string) => name.startsWith('.') || name.startsWith('~$');

export function isHistoryFolder(path: string): boolean {
  return isDir(join(path, 'master')) && isDir(join(path, 'snapshots'));
}

/** Every file under `dir` (sub-folders included, sorted); a history folder inside it is refused. */
function filesUnder(dir: string, top: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (skipped(name)) continue;
    const child = join(dir, name);
    if (isDir(child)) {
      if (isHistoryFolder(child)) {
        throw new LayoutError(
          `${top} holds a history folder (${relative(top, child) || basename(child)}: master/ + snapshots/): import that folder on its own`,
        );
      }
      out.push(...filesUnder(child, top));
    } else out.push(child);
  }
  return out;
}

function historyLayout(root: string): ImportLayout {
  const master = join(root, 'master');
  const snapshotsDir = join(root, 'snapshots');
  const snapshots = readdirSync(snapshotsDir)
    .filter((name) => !skipped(name) && isDir(join(snapshotsDir, name)))
    .map((name) => ({ name, date: nameRunDate(name) }))
    .sort((a, b) => (a.date ?? a.name).localeCompare(b.date ?? b.name) || a.name.localeCompare(b.name));
  const masterFiles = filesUnder(master, master);
  const batches: BatchSpec[] = snapshots.map((s, i) => {
    const dir = join(snapshotsDir, s.name);
    const files = filesUnder(dir, dir);
    return {
      label: i === 0 ? `master + snapshots/${s.name}` : `snapshots/${s.name}`,
      files: i === 0 ? [...masterFiles, ...files] : files,
      folder: { name: `snapshots/${s.name}`, date: s.date },
    };
  });
  if (!batches.length) batches.push({ label: 'master', files: masterFiles });
  const ignored = [
    ...readdirSync(root)
      .filter((n) => !skipped(n) && n !== 'master' && n !== 'snapshots')
      .map((n) => join(root, n)),
    ...readdirSync(snapshotsDir)
      .filter((n) => !skipped(n) && !isDir(join(snapshotsDir, n)))
      .map((n) => join(snapshotsDir, n)),
  ];
  return { kind: 'history', batches, ignored };
}

/** The batches the given files and folders make (see the header). A missing path stays in the list, to be
 * reported as an unreadable file. */
export function importLayout(input: string[] | string): ImportLayout {
  const paths = (typeof input === 'string' ? [input] : input).map((p) => resolve(p));
  const histories = paths.filter(isHistoryFolder);
  if (histories.length) {
    if (paths.length > 1) {
      throw new LayoutError(`${histories[0]} is a history folder (master/ + snapshots/): import it on its own, not with other files or folders`);
    }
    return historyLayout(histories[0]);
  }
  const files = paths.flatMap((p) => (isDir(p) ? filesUnder(p, p) : [p]));
  return { kind: 'batch', batches: [{ label: paths.join('; '), files: [...new Set(files)] }], ignored: [] };
}
