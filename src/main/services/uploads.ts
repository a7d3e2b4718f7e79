// Uploaded ERP exports wait here between arriving and being imported: each in its own folder under one staging
// root, named by a random id. The bridge streams request bodies to disk (never into memory); Electron's IPC hands
// over bytes. An import takes its files by id, and the files are deleted once that import has finished.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
function storedName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned.slice(0, 200) : 'upload';
}

export class UploadStaging {
  private root: string | undefined;
  /** upload id -> the staged file. */
  private readonly staged = new Map<string, string>();

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

  /** Writes bytes handed over in memory (Electron IPC) and returns the staged file's path. */
  fromBytes(name: string, bytes: Buffer): string {
    const path = join(this.folderFor(randomBytes(16).toString('hex')), storedName(name));
    writeFileSync(path, bytes, { flag: 'wx' });
    return path;
  }

  /**
   * Streams `source` to disk and resolves with the upload id. Past `maxBytes` the partial file is removed and the
   * promise rejects with UploadTooLargeError; the source keeps flowing (and is discarded) so the caller can still
   * answer the request.
   */
  fromStream(name: string, source: Readable, maxBytes: number): Promise<string> {
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
        out.once('close', () => rmSync(folder, { recursive: true, force: true }));
        out.destroy();
        reject(err);
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
        this.staged.set(id, path);
        resolve(id);
      });
      source.pipe(out);
    });
  }

  /** The staged files of these ids, which are spent: an upload is imported once. */
  take(ids: readonly string[]): string[] {
    const missing = ids.filter((id) => !this.staged.has(id));
    if (missing.length) throw new Error(`no uploaded file ${missing.join(', ')}: upload the files again`);
    return ids.map((id) => {
      const path = this.staged.get(id)!;
      this.staged.delete(id);
      return path;
    });
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
    this.release([...this.staged.values()]);
    this.staged.clear();
    if (this.root && !this.dir) rmSync(this.root, { recursive: true, force: true });
  }
}
