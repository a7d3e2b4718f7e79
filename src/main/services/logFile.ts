// The app's log file: one line per event (ISO time, level, message), appended synchronously so nothing is lost when
// the process ends; rotated by size (planner.log -> planner.log.1 -> planner.log.2, the oldest dropped). The desktop
// app, the web bridge and the CLI all write job failures and warnings here, beside the database (`logs/`).
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const LOG_MAX_BYTES = 5 * 1024 * 1024;
/** Files kept: the current one and LOG_FILES_KEPT - 1 rotated ones. */
export const LOG_FILES_KEPT = 3;

export type LogLevel = 'info' | 'warn' | 'error';

export class LogFile {
  private size: number | undefined;

  constructor(
    readonly path: string,
    private readonly limits: { maxBytes: number; filesKept: number } = { maxBytes: LOG_MAX_BYTES, filesKept: LOG_FILES_KEPT },
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** The current file and the rotated ones that exist, newest first. */
  files(): string[] {
    return [this.path, ...Array.from({ length: this.limits.filesKept - 1 }, (_, i) => `${this.path}.${i + 1}`)].filter((p) => existsSync(p));
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string): void {
    this.write('error', message);
  }

  /** Never throws: a log that cannot be written must not take the app down (the console still gets the line). */
  write(level: LogLevel, message: string): void {
    const line = `${this.clock()} ${level.toUpperCase()} ${message.replace(/\r?\n/g, '\n    ')}\n`;
    try {
      if (this.size === undefined) {
        mkdirSync(dirname(this.path), { recursive: true });
        this.size = existsSync(this.path) ? statSync(this.path).size : 0;
      }
      const bytes = Buffer.byteLength(line);
      if (this.size > 0 && this.size + bytes > this.limits.maxBytes) this.rotate();
      appendFileSync(this.path, line);
      this.size += bytes;
    } catch (err) {
      console.warn(`cannot write the log file ${this.path}: ${(err as Error).message}`);
    }
  }

  private rotate(): void {
    const oldest = `${this.path}.${this.limits.filesKept - 1}`;
    if (existsSync(oldest)) rmSync(oldest);
    for (let i = this.limits.filesKept - 2; i >= 1; i--) {
      if (existsSync(`${this.path}.${i}`)) renameSync(`${this.path}.${i}`, `${this.path}.${i + 1}`);
    }
    if (this.limits.filesKept > 1) renameSync(this.path, `${this.path}.1`);
    else rmSync(this.path);
    this.size = 0;
  }
}

/** The log beside the database: `<db folder>/logs/planner.log` (an in-memory database logs to the temp folder). */
export function logFileFor(dbPath: string): LogFile {
  const dir = dbPath === ':memory:' ? join(tmpdir(), 'beverly-knits-planner') : dirname(dbPath);
  return new LogFile(join(dir, 'logs', 'planner.log'));
}
