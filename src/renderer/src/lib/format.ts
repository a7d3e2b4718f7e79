// Display formatting: field names -> labels and units, numbers with units, status bands. Pure functions.

/** Unit suffixes in field names (the project's naming convention: `balanceLbs`, `orderedYds`, `ratelbsPerDay`). */
const UNIT_SUFFIXES: [RegExp, string][] = [
  [/lbs?PerDay$/i, 'lbs/day'],
  [/lbs?PerWeek$/i, 'lbs/wk'],
  [/lbs?PerHour$/i, 'lbs/h'],
  [/ydsPerLb$/i, 'yds/lb'],
  [/ozPerLinYd$/i, 'oz/lin yd'],
  [/Lbs$/, 'lbs'],
  [/Yds$/, 'yds'],
  [/Kg$/, 'kg'],
  [/(Pct|Percent)$/, '%'],
  [/Days$/, 'days'],
  [/Weeks$/, 'wks'],
  [/Hours$/, 'h'],
  [/Usd$/, 'USD'],
];

export interface FieldLabel {
  label: string;
  unit?: string;
}

/** `balanceLbs` -> { label: 'Balance', unit: 'lbs' }; `poNumber` -> { label: 'PO number' }. */
export function humanizeField(field: string): FieldLabel {
  let base = field;
  let unit: string | undefined;
  for (const [re, u] of UNIT_SUFFIXES) {
    if (re.test(field) && field.replace(re, '').length > 0) {
      base = field.replace(re, '');
      unit = u;
      break;
    }
  }
  const words = base
    .replace(/[_.-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .split(/\s+/)
    .map((w, i) => (/^[A-Z0-9]{2,}$/.test(w) ? w : i === 0 ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase()));
  const label = words
    .join(' ')
    .replace(/\bId\b/g, 'ID')
    .replace(/\bid\b/g, 'ID')
    .replace(/\bPo\b/g, 'PO')
    .replace(/\bpo\b/g, 'PO')
    .replace(/\bSo\b/g, 'SO')
    .replace(/\bso\b/g, 'SO')
    .replace(/\bKo\b/g, 'KO')
    .replace(/\bko\b/g, 'KO')
    .replace(/\b(Bom|bom)\b/g, 'BOM')
    .replace(/\b(Erp|erp)\b/g, 'ERP')
    .replace(/\b(Iso|iso)\b/g, 'ISO')
    .replace(/\b(Mrp|mrp)\b/g, 'MRP')
    .replace(/\b(Moq|moq)\b/g, 'MOQ')
    .replace(/\b(Wc|wc)\b/g, 'WC');
  return { label: label || field, unit };
}

export function headerWithUnit(label: string, unit?: string): string {
  return unit ? `${label} (${unit})` : label;
}

/** Decimals shown for a unit when the column does not say. */
export function defaultDecimals(unit: string | undefined, sample: unknown[]): number {
  if (unit === 'lbs' || unit === 'yds' || unit === 'kg' || unit === 'USD' || unit === 'lbs/wk' || unit === 'lbs/day') return 0;
  if (unit === '%') return 1;
  return sample.some((v) => typeof v === 'number' && !Number.isInteger(v)) ? 2 : 0;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : '–';
  let f = numberFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, f);
  }
  const text = f.format(value);
  // Avoid "-0" after rounding.
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** A number with its unit for labels and KPI cards: `1,234 lbs`, `12.5%`. */
export function formatQuantity(value: number, unit?: string, decimals?: number): string {
  const d = decimals ?? defaultDecimals(unit, [value]);
  const n = formatNumber(value, d);
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** Any scalar for display (numbers formatted, booleans as Yes/No, null as an en dash). */
export function formatValue(value: unknown, decimals?: number): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'number') return formatNumber(value, decimals ?? (Number.isInteger(value) ? 0 : 2));
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export type StatusBand = 'critical' | 'high' | 'medium' | 'low' | 'info';

const STATUS_WORDS: Record<string, StatusBand> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
  OK: 'low',
  LATE: 'critical',
  SHORT: 'critical',
  SHORTAGE: 'critical',
  OVERLOAD: 'critical',
  OVERLOADED: 'critical',
  FAILED: 'critical',
  ERROR: 'critical',
  REJECTED: 'critical',
  WARNING: 'medium',
  AT_RISK: 'high',
  ON_TIME: 'low',
  ACCEPTED: 'low',
  DONE: 'low',
  ACTIVE: 'info',
  MATERIAL_SHORT: 'medium',
  PINNED: 'info',
  EXPEDITE: 'high',
  RELEASE: 'info',
  EDITED: 'info',
  PROPOSED: 'info',
  NO_BOM: 'critical',
  NO_RATE: 'critical',
  PAST_DUE: 'high',
  WITHIN_LEAD_TIME: 'medium',
};

/** CRITICAL/HIGH/MEDIUM/LOW (and late/short flags) -> a status band; anything else -> undefined. */
export function statusBand(value: unknown): StatusBand | undefined {
  if (typeof value !== 'string') return undefined;
  return STATUS_WORDS[
    value
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_')
  ];
}

/** Field names that carry a status word (risk bands, flags). */
export function isStatusField(field: string): boolean {
  return /(^|[a-z])(risk|status|severity|priority|band|level)$/i.test(field) || /^(risk|status|severity|priority|band|level)/i.test(field);
}

/** Boolean fields whose `true` is bad news: `late`, `isShort`, `overloaded`. */
export function isAlertFlagField(field: string): boolean {
  return /^(is)?(late|short|overload(ed)?|pastDue|shortage|critical)$/i.test(field);
}

export function isIsoDateString(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value);
}

/** ISO timestamp -> `2025-09-01 14:03` (local time); plain dates unchanged. */
export function formatDateTime(value: string): string {
  if (!value.includes('T')) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** US dollars without cents for planning figures: `$152,428` (negative: `−$1,200`). */
export function formatUsd(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const text = formatNumber(Math.abs(value), decimals);
  return value < 0 && text !== formatNumber(0, decimals) ? `-$${text}` : `$${text}`;
}

/** Pounds: `39,122 lbs`. */
export function formatLbs(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${formatNumber(value, decimals)} lbs`;
}

/** A percentage given in percent units (`87.4` -> `87%`). */
export function formatPct(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${formatNumber(value, decimals)}%`;
}

/** A ratio (WAPE 0.0811) as a percentage: `8.1%`. */
export function formatRatioPct(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${formatNumber(value * 100, decimals)}%`;
}

/** A signed delta with its unit for comparisons: `+1,234 lbs`, `-3`, `±0`. */
export function formatDelta(value: number, unit?: string, decimals = 0): string {
  const text = formatNumber(Math.abs(value), decimals);
  const zero = text === formatNumber(0, decimals);
  const sign = zero ? '±' : value > 0 ? '+' : '-';
  const u = unit === '%' ? '%' : unit === 'USD' ? '' : unit ? ` ${unit}` : '';
  return unit === 'USD' ? `${sign}$${text}` : `${sign}${text}${u}`;
}

/** A number of days: `1 day`, `19 days`. */
export function formatDays(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const text = formatNumber(value, decimals);
  return `${text} ${text === '1' || text === '-1' ? 'day' : 'days'}`;
}

/** `2026-11-16` -> `16 Nov` (axis labels; the year is in the tooltip). */
export function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1]}`;
}

/**
 * Props of a date input that keeps the app's ISO dates: a browser `type="date"` input shows the locale's mm/dd/yyyy
 * (and hides the ISO value the rest of the app writes), so dates are plain text checked as YYYY-MM-DD.
 */
export const ISO_DATE_INPUT = {
  type: 'text',
  placeholder: 'YYYY-MM-DD',
  inputMode: 'numeric',
  maxLength: 10,
  pattern: '\\d{4}-\\d{2}-\\d{2}',
  autoComplete: 'off',
} as const;
