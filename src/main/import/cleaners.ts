// Value cleaners: the ERP's text conventions -> typed values. Each returns `{ ok: false, reason }` for a value it
// cannot read, so the caller can reject the row (required) or drop the value (optional) and report why.
import { isIsoDate, toDayNumber } from '../../shared/dates';
import type { Cell } from './readers/types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** Placeholders that mean "no value" in a text or id column ("NA" is a real greige version, so not listed). */
const BLANK_SENTINELS = new Set(['n/a', '#n/a', '#ref!', '#value!', '#div/0!']);
/** ... and in a number column. */
const NUMBER_SENTINELS = new Set([...BLANK_SENTINELS, 'na', '-', '--', 'null', 'none', 'nan']);

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The cell as text, verbatim (numbers without a float's `.0`, dates as ISO); null when blank. */
export function cellText(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return cell.trim() === '' ? null : cell;
}

/** Free text, trimmed; null when blank or a "no value" placeholder such as N/A. */
export function cleanText(cell: Cell | undefined): string | null {
  const t = cellText(cell)?.trim();
  if (!t || BLANK_SENTINELS.has(t.toLowerCase())) return null;
  return t;
}

const NUMBER_TEXT = /^(-)?\(?(-)?\s*\$?\s*(-)?((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:[eE][-+]?\d+)?)\s*\)?$/;

function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  const m = NUMBER_TEXT.exec(t);
  if (!m || !/\d/.test(m[4])) return undefined;
  const parenthesised = t.startsWith('(') && t.endsWith(')');
  if (t.startsWith('(') !== t.endsWith(')')) return undefined;
  const n = Number(m[4].replace(/,/g, ''));
  if (!Number.isFinite(n)) return undefined;
  const negative = parenthesised || m[1] !== undefined || m[2] !== undefined || m[3] !== undefined;
  return negative ? -n : n;
}

/**
 * Numbers as stored or as text: "1,200.0", " $4.07 ", "($2,183.40)" (accounting negative), "-3,151".
 * Blank and N/A-style placeholders are null (the caller decides whether blank means 0).
 */
export function parseNumber(cell: Cell | undefined): Parsed<number | null> {
  if (cell === null || cell === undefined) return ok(null);
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('not a finite number');
  if (typeof cell === 'boolean' || cell instanceof Date) return fail('not a number');
  const t = cell.trim();
  if (t === '' || NUMBER_SENTINELS.has(t.toLowerCase())) return ok(null);
  const n = parseNumberText(t);
  return n === undefined ? fail('not a number') : ok(n);
}

/** Money with an optional unit suffix: "$7.35 (yds)" -> { value 7.35, unit 'yds' }. */
export function parseMoney(cell: Cell | undefined): Parsed<{ value: number; unit: string | null } | null> {
  if (typeof cell === 'string') {
    const m = /^(.*?)\s*\(\s*([A-Za-z][A-Za-z .]*)\s*\)\s*$/.exec(cell);
    if (m) {
      const n = parseNumber(m[1]);
      if (!n.ok) return n;
      return n.value === null ? ok(null) : ok({ value: n.value, unit: m[2].trim().toLowerCase() });
    }
  }
  const n = parseNumber(cell);
  if (!n.ok) return n;
  return n.value === null ? ok(null) : ok({ value: n.value, unit: null });
}

const MS_PER_DAY = 86_400_000;
/** Excel's serial day number of 1970-01-01. */
const EXCEL_EPOCH_SERIAL = 25569;

/**
 * Dates the plan can handle: 1990-01-01 .. 2100-01-01, in every form (ISO text, M/D/YYYY, Excel serials and date
 * cells, date-times). Anything outside is not a date the exports mean (9999-12-31 placeholders, typos such as 2205)
 * and is refused per value, so no plan meets a year it cannot count weeks in.
 */
export const DATE_WINDOW = { first: '1990-01-01', last: '2100-01-01' } as const;
const FIRST_SERIAL = toDayNumber(DATE_WINDOW.first) + EXCEL_EPOCH_SERIAL;
const LAST_SERIAL = toDayNumber(DATE_WINDOW.last) + EXCEL_EPOCH_SERIAL;

/** Is the ISO date (YYYY-MM-DD…) inside DATE_WINDOW? */
export function inDateWindow(isoDate: string): boolean {
  const day = isoDate.slice(0, 10);
  return day >= DATE_WINDOW.first && day <= DATE_WINDOW.last;
}

const outsideWindow = (date: string): Parsed<never> => fail(`date ${date} is outside ${DATE_WINDOW.first}..${DATE_WINDOW.last}`);

function excelSerialToIso(serial: number): string | undefined {
  // anything outside the window in a date column is a number, not a date
  if (serial < FIRST_SERIAL || serial > LAST_SERIAL) return undefined;
  return new Date(Math.round((serial - EXCEL_EPOCH_SERIAL) * MS_PER_DAY)).toISOString();
}

function fromParts(y: number, m: number, d: number): string | undefined {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

const ISO_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const DASH_DATE = /^(\d{1,2})-(\d{1,2})-(\d{2}|\d{4})$/;

function twoDigitYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/** Date and time as `YYYY-MM-DDTHH:MM:SS` (time 00:00:00 when the source has only a date). */
export function parseDateTime(cell: Cell | undefined): Parsed<string | null> {
  if (cell === null || cell === undefined) return ok(null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('invalid date');
    const serial = cell.getTime() / MS_PER_DAY + EXCEL_EPOCH_SERIAL;
    const iso = cell.toISOString();
    if (serial < FIRST_SERIAL || serial >= LAST_SERIAL + 1)
      return outsideWindow(/^\d{4}-/.test(iso) ? iso.slice(0, 10) : `in year ${cell.getUTCFullYear()}`);
    return ok(iso.slice(0, 19));
  }
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    return iso ? ok(iso.slice(0, 19)) : fail('number is not a date');
  }
  if (typeof cell === 'boolean') return fail('not a date');
  const t = cell.trim();
  if (t === '' || NUMBER_SENTINELS.has(t.toLowerCase()) || t.toLowerCase() === 'never') return ok(null);
  let m = ISO_PREFIX.exec(t);
  if (m) {
    const date = fromParts(+m[1], +m[2], +m[3]);
    if (!date) return fail('invalid date');
    if (!inDateWindow(date)) return outsideWindow(date);
    return ok(`${date}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`);
  }
  m = SLASH_DATE.exec(t);
  if (m) {
    const date = fromParts(twoDigitYear(m[3]), +m[1], +m[2]);
    if (!date) return fail('invalid date');
    if (!inDateWindow(date)) return outsideWindow(date);
    let hour = Number(m[4] ?? 0);
    if (m[7]) hour = (hour % 12) + (m[7].toLowerCase() === 'pm' ? 12 : 0);
    const hh = String(hour).padStart(2, '0');
    return ok(`${date}T${hh}:${m[5] ?? '00'}:${(m[6] ?? '00').padStart(2, '0')}`);
  }
  m = DASH_DATE.exec(t);
  if (m) {
    const date = fromParts(twoDigitYear(m[3]), +m[1], +m[2]);
    if (!date) return fail('invalid date');
    return inDateWindow(date) ? ok(`${date}T00:00:00`) : outsideWindow(date);
  }
  if (/^\d+(\.\d+)?$/.test(t)) return parseDateTime(Number(t));
  return fail('not a date');
}

/**
 * Dates in every form the exports use: ISO strings (with or without time), Excel date cells (UTC), Excel serials,
 * `M/D/YYYY` (even inside xlsx), `MM-DD-YY` (sales). "Never" and blanks are null.
 */
export function parseDate(cell: Cell | undefined): Parsed<string | null> {
  const dt = parseDateTime(cell);
  return dt.ok ? ok(dt.value === null ? null : dt.value.slice(0, 10)) : dt;
}

/**
 * Identifiers (yarn Desc#, machine, PO#, roll #): trimmed text; a float's `.0` dropped ("41.0" -> "41", 18767.0 ->
 * "18767"); leading zeros kept ("041", "004050801").
 */
export function normId(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  const t = cellText(cell)?.trim();
  if (!t || BLANK_SENTINELS.has(t.toLowerCase())) return null;
  const m = /^(-?\d+)\.0+$/.exec(t);
  return m ? m[1] : t;
}

/**
 * Style codes: trimmed, runs of spaces collapsed, no spaces around "/" (" FF 10006/0001", "CEE2838/1IN ",
 * "CF2007 / 0"). A single inner space is part of the code ("FF 10006", "116 CASPER KD").
 */
const GREIGE_PREFIX = /^\(greige\)\s*/i;

/** Sales lines that sell greige fabric directly carry "(Greige) 205FLX2006/M" as their style. */
export function greigeSale(cell: Cell | undefined): string | null {
  const t = cellText(cell)?.trim();
  return t && GREIGE_PREFIX.test(t) ? normStyle(t.replace(GREIGE_PREFIX, '')) : null;
}

export function normStyle(cell: Cell | undefined): string | null {
  const t = normId(cell);
  if (!t) return null;
  return t.replace(/\s+/g, ' ').replace(/\s*\/\s*/g, '/');
}

const HTML_ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

export function stripHtml(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/g, (_, e: string) => HTML_ENTITIES[e])
    .replace(/\s+/g, ' ')
    .trim();
}

function htmlAttr(html: string, name: string): string | null {
  const m = new RegExp(`${name}\\s*=\\s*(?:'([^']*)'|"([^"]*)")`, 'i').exec(html);
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * Knit order numbers with the ERP's warning icon appended:
 * `K2409070&nbsp;<i class='fa fa-exclamation-triangle' title='This knit order has a zero or negative knit price!'></i>`.
 */
export function parseOrderNumber(cell: Cell | undefined): { value: string; hasWarning: boolean; warningText: string | null } | null {
  const raw = cellText(cell);
  if (raw === null) return null;
  if (!raw.includes('<') && !raw.includes('&')) {
    const value = normId(raw);
    return value ? { value, hasWarning: false, warningText: null } : null;
  }
  const icon = /<i\b[^>]*>/i.exec(raw)?.[0] ?? '';
  const value = normId(stripHtml(raw.split('<')[0]));
  if (!value) return null;
  const hasWarning = /exclamation|warning/i.test(icon);
  return { value, hasWarning, warningText: hasWarning ? htmlAttr(icon, 'title') : null };
}

/** SO "On Hold": an HTML toggle whose state is only in its class (fa-toggle-on / fa-toggle-off), or plain yes/no. */
export function parseOnHold(cell: Cell | undefined): Parsed<boolean | null> {
  if (cell === null || cell === undefined) return ok(null);
  if (typeof cell === 'boolean') return ok(cell);
  const t = cellText(cell)!.trim().toLowerCase();
  if (t === '') return ok(null);
  if (t.includes('fa-toggle-on')) return ok(true);
  if (t.includes('fa-toggle-off')) return ok(false);
  if (['yes', 'y', 'true', '1', 'on', 'hold'].includes(t)) return ok(true);
  if (['no', 'n', 'false', '0', 'off'].includes(t)) return ok(false);
  return fail('not an on/off value');
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** ISO weekday (Mon 1 .. Sun 7) named in a header such as "Tuesday Inventory"; undefined when none. */
export function weekdayInHeader(header: string): number | undefined {
  const first = header.trim().toLowerCase().split(/\s+/)[0];
  const i = WEEKDAYS.indexOf(first);
  return i >= 0 ? i + 1 : undefined;
}
