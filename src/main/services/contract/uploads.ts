// Uploaded ERP exports wait here between arriving and being imported: each in its own folder under one staging
// root, named by a random id. The bridge streams request bodies to disk (never into memory); Electron's IPC hands
// over bytes. An upload is named by its path inside the folder the planner chose ("erp/master/BOM.csv"): the files
// of one import are put together as a folder tree under those paths (a "stage"), so a chosen folder keeps its
// layout and a history folder (master/ + snapshots/<date>/) stays a history. An inspection makes the stage, the
// import takes it, and the files are deleted once that import has finished.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

export class UploadTooLargeError extends Error {}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function uploadTooLargeMessage(name: string, maxBytes: number): string {
  return `${storedName(name)} is larger than ${formatBytes(maxBytes)}: import it with the desktop app or the command line`;
}

/** The file name an upload is stored under: the last path segment, without characters a file system refuses. */
// eslint-disable-next-line no-control-regex -- control characters are among what it replaces
const REFUSED_IN_FILE_NAMES = /[\u0000-\u001f<>:"|?*]/g;

function storedName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/')).replace(REFUSED_IN_FILE_NAMES, '_').trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned.slice(0, 200) : 'upload';
}

/** Why an upload's name (its path in the chosen folder) cannot be staged: `..`, drive letters, empty names. */
export function uploadNameProblem(name: string): string | null {
  const parts = name.split(/[\\/]+/).filter((p) => p && p !== '.');
  const bad = !parts.length || parts.some((p) => p === '..' || p.includes(':') || p.includes('\0'));
  return bad ? `upload "${name}": not a file name a folder can hold` : null;
}

function segments(name: string): string[] {
  const problem = uploadNameProblem(name);
  if (problem) throw new Error(problem);
  return name.split(/[\\/]+/).filter((p) => p && p !== '.');
}

export interface StagedFile {
  path: string;
  /** The name it was uploaded under (its path in the chosen folder). */
  name: string;
}

export class UploadStaging {
  private root: string | undefined;
  /** upload id -> the staged file. */
  private readonly staged = new Map<string, StagedFile>();
  /** stage id -> its folder tree and the folder to import (the one folder all its files share, if any). */
  private readonly stages = new Map<string, { dir: string; root: string }>();

  /** `dir`: where uploads wait (default: a fresh folder in the system's temporary folder, made on first use). */
  constructor(private readonly dir?: string) {}

  private folderFor(id: string): string {
    if (!this.root) {
      if (this.dir) mkdirSync(this.dir, { recursive: true });
      this.root = this.dir ?? mkdtempSync(join(tmpdir(), 'bkp-upload-'));
    }
    const folder = join(this.root, id);
    mkdirSync(folder);
    return folder;
  }

  /** Writes bytes handed over in memory (Electron IPC) and returns the staged file. */
  fromBytes(name: string, bytes: Buffer): StagedFile {
    segments(name);
    const path = join(this.folderFor(randomBytes(16).toString('hex')), storedName(name));
    writeFileSync(path, bytes, { flag: 'wx' });
    return { path, name };
  }

  /**
   * Streams `source` to disk and resolves with the upload id. Past `maxBytes` the partial file is removed and the
   * promise rejects with UploadTooLargeError; the source keeps flowing (and is discarded) so the caller can still
   * answer the request.
   */
  fromStream(name: string, source: Readable, maxBytes: number): Promise<string> {
    const problem = uploadNameProblem(name);
    if (problem) return Promise.reject(new Error(problem));
    const id = randomBytes(16).toString('hex');
    const folder = this.folderFor(id);
    const path = join(folder, storedName(name));
    return new Promise((resolve, reject) => {
      const out = createWriteStream(path, { flags: 'wx' });
      let bytes = 0;
      let failed = false;
      const fail = (err: Error) => {
        if (failed) return;
        failed = true;
        source.unpipe(out);
        source.resume();
        // Reject only once the partial file is gone, so the caller's answer never races its removal.
        out.once('close', () => {
          rmSync(folder, { recursive: true, force: true });
          reject(err);
        });
        out.destroy();
      };
      source.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBytes) fail(new UploadTooLargeError(uploadTooLargeMessage(name, maxBytes)));
      });
      source.on('error', fail);
      source.on('close', () => {
        if (!source.readableEnded) fail(new Error(`the upload of ${storedName(name)} was interrupted`));
      });
      out.on('error', fail);
      out.on('finish', () => {
        if (failed) return;
        this.staged.set(id, { path, name });
        resolve(id);
      });
      source.pipe(out);
    });
  }

  /** The staged files of these ids, which are spent: an upload is imported once. */
  take(ids: readonly string[]): StagedFile[] {
    const missing = ids.filter((id) => !this.staged.has(id));
    if (missing.length) throw new Error(`no uploaded file ${missing.join(', ')}: upload the files again`);
    return ids.map((id) => {
      const file = this.staged.get(id)!;
      this.staged.delete(id);
      return file;
    });
  }

  /** Moves staged files into one folder tree under their uploaded paths; returns the stage's id. */
  assemble(files: readonly StagedFile[]): string {
    const paths = files.map((f) => segments(f.name));
    const id = `stage-${randomBytes(8).toString('hex')}`;
    const dir = this.folderFor(id);
    for (const [i, f] of files.entries()) {
      const target = join(dir, ...paths[i]);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(f.path, target);
      this.release([f.path]);
    }
    const tops = new Set(paths.map((p) => (p.length > 1 ? p[0] : '')));
    const [top] = tops;
    this.stages.set(id, { dir, root: tops.size === 1 && top ? join(dir, top) : dir });
    return id;
  }

  /** The folder a stage imports as: its files (one batch), or the history folder they form. */
  stageRoot(stageId: string): string {
    const stage = this.stages.get(stageId);
    if (!stage) throw new Error(`no staged upload ${stageId}: choose the files again`);
    return stage.root;
  }

  /** Deletes a stage's files. */
  discard(stageId: string): void {
    const stage = this.stages.get(stageId);
    if (!stage) return;
    this.stages.delete(stageId);
    rmSync(stage.dir, { recursive: true, force: true });
  }

  /** Deletes staged files, each with its folder; a path that is not one of the staged files is left alone. */
  release(paths: readonly string[]): void {
    for (const p of paths) {
      const folder = dirname(p);
      if (this.root && dirname(folder) === this.root) rmSync(folder, { recursive: true, force: true });
    }
  }

  /** Deletes everything still waiting, and the staging folder when it was made here. */
  close(): void {
    this.release([...this.staged.values()].map((f) => f.path));
    this.staged.clear();
    for (const id of [...this.stages.keys()]) this.discard(id);
    if (this.root && !this.dir) rmSync(this.root, { recursive: true, force: true });
  }
}
