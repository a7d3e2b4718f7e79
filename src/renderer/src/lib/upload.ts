// Files from a drop or a file picker -> the files of an `import.start` (the sandboxed renderer has no file paths):
// through the web bridge each file streams to the service's disk and the call names the upload ids; in Electron the
// call carries `{ name, base64 }`. Folders are walked with `webkitGetAsEntry`.
import type { ChannelInput } from '../../../shared/contract';
import { fileUploader } from '../api';

export const IMPORTABLE_EXTENSIONS = ['.xlsx', '.xls', '.xlsm', '.csv', '.json', '.txt'];

export function isImportable(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.split('/').pop()?.startsWith('.') || lower.split('/').pop()?.startsWith('~$')) return false;
  return IMPORTABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Base64 of bytes, in chunks (String.fromCharCode on a whole large file would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export interface Upload {
  name: string;
  base64: string;
}

export async function fileToUpload(file: File, name = file.name): Promise<Upload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name, base64: bytesToBase64(bytes) };
}

// Minimal typings of the (non-standard but universal) File and Directory Entries API.
interface FsEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
}
interface FsFileEntry extends FsEntry {
  file(success: (f: File) => void, error?: (e: unknown) => void): void;
}
interface FsDirectoryEntry extends FsEntry {
  createReader(): { readEntries(success: (entries: FsEntry[]) => void, error?: (e: unknown) => void): void };
}

function readAllEntries(dir: FsDirectoryEntry): Promise<FsEntry[]> {
  const reader = dir.createReader();
  const all: FsEntry[] = [];
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walkEntry(entry: FsEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FsFileEntry).file(resolve, reject));
    out.push(file);
  } else if (entry.isDirectory) {
    for (const child of await readAllEntries(entry as FsDirectoryEntry)) await walkEntry(child, out);
  }
}

/** All files of a drop, walking dropped folders. Entries must be taken synchronously, before any await. */
export async function filesFromDataTransfer(dt: DataTransfer): Promise<File[]> {
  const items = Array.from(dt.items ?? []).filter((i) => i.kind === 'file');
  const entries = items.map((i) => (typeof i.webkitGetAsEntry === 'function' ? (i.webkitGetAsEntry() as FsEntry | null) : null));
  const plainFiles = items.map((i) => i.getAsFile());
  const out: File[] = [];
  for (let i = 0; i < items.length; i++) {
    const entry = entries[i];
    if (entry) await walkEntry(entry, out);
    else if (plainFiles[i]) out.push(plainFiles[i] as File);
  }
  if (items.length === 0) out.push(...Array.from(dt.files ?? []));
  return out;
}

export interface UploadBatch {
  /** The files that look like ERP exports, not read yet. */
  files: File[];
  skipped: string[];
  totalBytes: number;
}

/** Picks the importable files (nothing is read yet, so a too-large selection is refused before any work). */
export function toUploads(files: File[]): UploadBatch {
  const skipped: string[] = [];
  const importable: File[] = [];
  let totalBytes = 0;
  for (const f of files) {
    if (!isImportable(f.name)) {
      skipped.push(f.name);
      continue;
    }
    totalBytes += f.size;
    importable.push(f);
  }
  return { files: importable, skipped, totalBytes };
}

/** The file part of `import.start`: upload ids (web bridge, one streamed upload per file) or the bytes (Electron). */
export async function filesForImport(files: File[]): Promise<Pick<ChannelInput<'import.start'>, 'uploads' | 'uploadIds'>> {
  const upload = fileUploader();
  if (!upload) return { uploads: await Promise.all(files.map((f) => fileToUpload(f))) };
  const uploadIds: string[] = [];
  for (const f of files) {
    const r = await upload(f.name, f);
    if (!r.ok) throw new Error(r.error.message);
    uploadIds.push(r.data.uploadId);
  }
  return { uploadIds };
}
