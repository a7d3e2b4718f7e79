// Uploaded files (the sandboxed renderer has no paths) are written to a staging folder under their relative paths,
// so a chosen folder keeps its layout: a history folder (master/ + snapshots/<date>/) stays a history. An
// `import.inspect` stages once; `import.start` imports the staged folder and removes it when the job ends.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Upload {
  name: string;
  base64: string;
}

/** The path segments of an upload's name; `..`, drive letters and empty segments never leave the stage. */
function segments(name: string): string[] {
  const parts = name.split(/[\\/]+/).filter((p) => p && p !== '.');
  if (!parts.length || parts.some((p) => p === '..' || p.includes(':') || p.includes('\0'))) {
    throw new Error(`upload "${name}": not a file name a folder can hold`);
  }
  return parts;
}

export class UploadStage {
  private readonly stages = new Map<string, { dir: string; root: string }>();
  private next = 1;

  /** Writes the uploads under a new staging folder; the root is the one folder they all share, if any. */
  stage(uploads: Upload[]): { stageId: string; root: string } {
    const paths = uploads.map((u) => segments(u.name));
    const dir = mkdtempSync(join(tmpdir(), 'bkp-upload-'));
    for (const [i, u] of uploads.entries()) {
      const target = join(dir, ...paths[i]);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, Buffer.from(u.base64, 'base64'));
    }
    const tops = new Set(paths.map((p) => (p.length > 1 ? p[0] : '')));
    const [top] = tops;
    const root = tops.size === 1 && top ? join(dir, top) : dir;
    const stageId = `stage-${this.next++}`;
    this.stages.set(stageId, { dir, root });
    return { stageId, root };
  }

  /** The folder to import: the staged files (a loose batch) or the history folder they form. */
  root(stageId: string): string {
    const stage = this.stages.get(stageId);
    if (!stage) throw new Error(`no staged upload ${stageId}: choose the files again`);
    return stage.root;
  }

  discard(stageId: string): void {
    const stage = this.stages.get(stageId);
    if (!stage) return;
    this.stages.delete(stageId);
    rmSync(stage.dir, { recursive: true, force: true });
  }

  discardAll(): void {
    for (const id of [...this.stages.keys()]) this.discard(id);
  }
}
