// Reads typed values out of a table row by canonical field and records why a value could not be read:
// a bad required value rejects the row, a bad optional value is dropped (the row is kept); both are reported.
import { cellText, normId, normStyle, parseDate, parseDateTime, parseMoney, parseNumber, type Parsed } from './cleaners';
import type { Field } from './dictionary';
import type { Table } from './detect';
import type { Cell } from './readers/types';

export interface Issue {
  file: string;
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
}

/** Keeps the first `cap` issues and counts them all (a garbled file must not bloat the report). */
export class IssueLog {
  readonly items: Issue[] = [];
  count = 0;
  constructor(private readonly cap = 100) {}
  add(issue: Issue): void {
    this.count++;
    if (this.items.length < this.cap) this.items.push(issue);
  }
}

export interface FileStats {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsSkipped: number;
}

export interface Req {
  required?: boolean;
  /** Blank means 0 (weekly buckets, G00/Shipped/Seconds, Received/Adjustments). */
  blankZero?: boolean;
}

export class RowReader {
  readonly rejections = new IssueLog();
  readonly dropped = new IssueLog();
  readonly stats: FileStats = { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rowsSkipped: 0 };
  private cells: Cell[] = [];
  private line = 0;
  private failed = false;
  private rowIssues: Issue[] = [];

  constructor(
    readonly table: Table,
    readonly file: string,
    /** Called every few thousand rows with the share of rows read (progress reporting). */
    private readonly tick?: (fraction: number) => void,
  ) {}

  has(field: Field): boolean {
    return this.table.columns.has(field);
  }

  /** Iterates the data rows; blank rows are counted as skipped; `fn` returns false to skip a row on purpose. */
  *rows(): Generator<{ line: number; cells: Cell[] }> {
    this.stats.rowsRead += this.table.absentRows;
    this.stats.rowsSkipped += this.table.absentRows;
    const total = this.table.rows.length;
    for (const row of this.table.rows) {
      this.stats.rowsRead++;
      if (this.tick && this.stats.rowsRead % 2000 === 0) this.tick(this.stats.rowsRead / total);
      if (row.cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))) {
        this.stats.rowsSkipped++;
        continue;
      }
      this.cells = row.cells;
      this.line = row.line;
      this.failed = false;
      this.rowIssues = [];
      yield row;
    }
  }

  /** Call once per row yielded by rows(): true when the row may be kept. */
  finish(): boolean {
    const width = this.table.width;
    if (width !== undefined && this.cells.length !== width) {
      // a junk line, or a value with an unquoted comma that shifts the columns after it (the cause of any other issue)
      this.rowIssues = [
        { file: this.file, row: this.line, column: null, value: null, reason: `${this.cells.length} fields, the header has ${width}` },
      ];
      this.failed = true;
    }
    if (this.failed) {
      this.stats.rowsRejected++;
      for (const i of this.rowIssues) this.rejections.add(i);
      return false;
    }
    for (const i of this.rowIssues) this.dropped.add(i);
    this.stats.rowsAccepted++;
    return true;
  }

  skip(): void {
    this.stats.rowsSkipped++;
  }

  raw(field: Field): Cell {
    const col = this.table.columns.get(field);
    return col === undefined ? null : (this.cells[col] ?? null);
  }

  rawAt(col: number): Cell {
    return this.cells[col] ?? null;
  }

  /** Rejects the row (required) or records a dropped value. */
  problem(field: Field | null, reason: string, required: boolean, col?: number): void {
    const c = col ?? (field ? this.table.columns.get(field) : undefined);
    const value = c === undefined ? null : cellText(this.cells[c] ?? null);
    this.rowIssues.push({
      file: this.file,
      row: this.line,
      column: c === undefined ? (field ?? null) : this.table.headers[c] || null,
      value: value === null ? null : value.slice(0, 200),
      reason,
    });
    if (required) this.failed = true;
  }

  private take<T>(field: Field, parsed: Parsed<T | null>, opts: Req, fallback: T | null): T | null {
    if (!parsed.ok) {
      this.problem(field, parsed.reason, !!opts.required);
      return opts.required ? null : fallback;
    }
    if (parsed.value === null) {
      if (opts.blankZero) return fallback;
      if (opts.required) this.problem(field, 'required value missing', true);
      return null;
    }
    return parsed.value;
  }

  text(field: Field, opts: Req = {}): string | null {
    const t = cellText(this.raw(field))?.trim() || null;
    if (t === null && opts.required) this.problem(field, 'required value missing', true);
    return t;
  }

  id(field: Field, opts: Req = {}): string | null {
    const v = normId(this.raw(field));
    if (v === null && opts.required) this.problem(field, 'required value missing', true);
    return v;
  }

  style(field: Field, opts: Req = {}): string | null {
    const v = normStyle(this.raw(field));
    if (v === null && opts.required) this.problem(field, 'required value missing', true);
    return v;
  }

  num(field: Field, opts: Req = {}): number | null {
    return this.take(field, parseNumber(this.raw(field)), opts, opts.blankZero ? 0 : null);
  }

  /** A number that defaults to 0 when blank (and is 0 after a reported bad value in an optional column). */
  num0(field: Field, opts: Req = {}): number {
    return this.take(field, parseNumber(this.raw(field)), { ...opts, blankZero: true }, 0) ?? 0;
  }

  numAt(col: number, field: Field | null, opts: Req = {}): number | null {
    const parsed = parseNumber(this.rawAt(col));
    if (!parsed.ok) {
      this.problem(field, parsed.reason, !!opts.required, col);
      return opts.blankZero ? 0 : null;
    }
    if (parsed.value === null) return opts.blankZero ? 0 : null;
    return parsed.value;
  }

  money(field: Field, opts: Req = {}): { value: number; unit: string | null } | null {
    return this.take(field, parseMoney(this.raw(field)), opts, null);
  }

  date(field: Field, opts: Req = {}): string | null {
    return this.take(field, parseDate(this.raw(field)), opts, null);
  }

  dateTime(field: Field, opts: Req = {}): string | null {
    return this.take(field, parseDateTime(this.raw(field)), opts, null);
  }

  /** Any parsed value; failures follow the same required/optional rule. */
  parsed<T>(field: Field, parsed: Parsed<T | null>, opts: Req = {}): T | null {
    return this.take(field, parsed, opts, null);
  }
}
