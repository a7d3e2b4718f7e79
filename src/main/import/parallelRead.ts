// The files of a batch read on two threads: the import's and a parse worker's (the compiled worker.js started with
// the role `importParse`). The files in use are taken, costliest first, by whichever thread is free (importBatch.ts);
// the worker opens its files again itself, checks they are the bytes the import detected (same SHA-256 and export
// type), maps them (mapSource.ts) and sends back their reports and entities. A file the worker could not do is read
// on the import's thread. Without a compiled worker (tests run the TypeScript sources) every file is read there.
import { parentPort, Worker } from 'node:worker_threads';
import type { FileReport } from '../../shared/importReport';
import { openSource, type Source } from './batchFiles';
import type { SourceFormat } from './readers';
import type { ExportTypeId } from './exportTypes';
import { mapSource } from './mapSource';
import type { MapResult } from './mappers/types';

let parseWorkerScript: string | undefined;

/** The compiled worker.js the parse worker runs (set by the entry points that have one); undefined: one thread. */
export function setParseWorkerScript(script: string | undefined): void {
  parseWorkerScript = script;
}

export const PARSE_WORKER_ROLE = 'importParse';

interface ParseRequest {
  path: string;
  file: string;
  sha256: string;
  type: ExportTypeId;
  reportId?: number;
}

type ParseReply =
  | { kind: 'tick'; file: string }
  | { kind: 'done'; file: string; report: FileReport; result?: MapResult; encoding?: Source['encoding'] }
  | { kind: 'failed'; file: string; error: string };

type Done = Extract<ParseReply, { kind: 'done' }>;

/** The import's side: one worker thread, started early so its modules load while the files are opened. */
export class ParseWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<string, { resolve: (r: Done) => void; reject: (e: Error) => void }>();
  private broken: Error | undefined;
  onTick: (file: string) => void = () => {};

  private constructor(script: string) {
    this.worker = new Worker(script, { workerData: { role: PARSE_WORKER_ROLE } });
    this.worker.on('message', (m: ParseReply) => {
      if (m.kind === 'tick') return this.onTick(m.file);
      const w = this.waiting.get(m.file);
      this.waiting.delete(m.file);
      if (m.kind === 'done') w?.resolve(m);
      else w?.reject(new Error(m.error));
    });
    const fail = (err: Error) => {
      this.broken = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the parse worker stopped (exit code ${code})`)));
  }

  /** A worker when a compiled worker script is set, else undefined (read on one thread). */
  static start(): ParseWorker | undefined {
    return parseWorkerScript ? new ParseWorker(parseWorkerScript) : undefined;
  }

  /** Reads and maps `s` on the worker; the reply is applied to `s` by `applyReply`. */
  read(s: Source): Promise<Done> {
    if (this.broken) return Promise.reject(this.broken);
    const request: ParseRequest = { path: s.path, file: s.file, sha256: s.sha256, type: s.table!.type.id, reportId: s.reportId };
    return new Promise((resolve, reject) => {
      this.waiting.set(s.file, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** The source as the worker left it: its report, entities and encoding; its bytes and cells are let go. */
export function applyReply(s: Source, reply: Done): void {
  s.report = reply.report;
  s.result = reply.result;
  s.encoding = reply.encoding;
  s.pending = undefined;
  s.workbook = undefined;
  s.table!.rows = [];
}

/**
 * What reading and mapping a file costs, relatively, per byte: measured on the real exports, an xlsx byte (unzipped,
 * XML) about 1 ms per KB, a csv byte a third of that (BOM lines the most), a json byte (the QuadS lists: long texts,
 * few columns) a twenty-fifth.
 */
const COST_PER_BYTE: Record<SourceFormat, number> = { xlsx: 25, csv: 8, json: 1 };

export function readCost(s: Source): number {
  return s.bytes * (s.format ? COST_PER_BYTE[s.format] : 1);
}

/** The worker's side: reads and maps every file it is sent, one after another. */
export function serveParseRequests(): void {
  const port = parentPort!;
  port.on('message', (req: ParseRequest) => {
    let lastTick = 0;
    const tick = () => {
      const t = performance.now();
      if (t - lastTick < 100) return;
      lastTick = t;
      port.postMessage({ kind: 'tick', file: req.file } satisfies ParseReply);
    };
    try {
      const s = openSource(req.path, req.file, tick);
      if (s.sha256 !== req.sha256 || s.report.status !== 'imported' || s.table?.type.id !== req.type) {
        port.postMessage({ kind: 'failed', file: req.file, error: 'the file is not what the import detected (changed since?)' } satisfies ParseReply);
        return;
      }
      s.reportId = req.reportId;
      mapSource(s, tick, tick);
      port.postMessage({ kind: 'done', file: req.file, report: s.report, result: s.result, encoding: s.encoding } satisfies ParseReply);
    } catch (err) {
      port.postMessage({ kind: 'failed', file: req.file, error: (err as Error).message } satisfies ParseReply);
    }
  });
}
