// Static SVG charts for printed reports: vector in the PDF, no JavaScript, no chart library. Text is escaped.
import { escapeHtml, formatNumber, type Tone } from './html';

const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';
const TONE_FILL: Record<Tone | 'default', string> = {
  bad: '#b91c1c',
  warn: '#d97706',
  ok: '#15803d',
  muted: '#9aa5b1',
  strong: '#1f4e79',
  default: '#1f4e79',
};

const n = (x: number) => (Math.round(x * 10) / 10).toString();

export interface Bar {
  label: string;
  /** null = undefined value (drawn as a hatched full bar with the text). */
  value: number | null;
  valueText?: string;
  tone?: Tone;
}

export interface HBarChartOptions {
  bars: Bar[];
  /** Axis maximum; bars above it are drawn to the edge with their value printed. */
  maxValue: number;
  refLines?: Array<{ value: number; label: string }>;
  unit?: string;
  width?: number;
  barHeight?: number;
  labelWidth?: number;
  /** Room right of the longest bar for its value text. */
  valueWidth?: number;
  title?: string;
}

/** Horizontal bars, one per row (e.g. utilisation % per work center), with reference lines (e.g. 100 %). */
export function hBarChart(o: HBarChartOptions): string {
  const width = o.width ?? 1000;
  const barH = o.barHeight ?? 13;
  const gap = 4;
  const labelW = o.labelWidth ?? 110;
  const valueW = o.valueWidth ?? 150;
  const top = o.title ? 30 : 12;
  const axisH = 18;
  const plotW = width - labelW - valueW;
  const height = top + o.bars.length * (barH + gap) + axisH;
  const x = (v: number) => labelW + (Math.min(Math.max(v, 0), o.maxValue) / o.maxValue) * plotW;
  const parts: string[] = [];
  if (o.title) parts.push(`<text x="0" y="14" font-size="12" font-weight="600" fill="#1f4e79">${escapeHtml(o.title)}</text>`);
  const tickStep = niceStep(o.maxValue / 8);
  for (let t = 0; t <= o.maxValue + 1e-9; t += tickStep) {
    parts.push(`<line x1="${n(x(t))}" y1="${top - 4}" x2="${n(x(t))}" y2="${height - axisH}" stroke="#e4e7eb" stroke-width="1"/>`);
    parts.push(
      `<text x="${n(x(t))}" y="${height - 5}" font-size="9" text-anchor="middle" fill="#52606d">${escapeHtml(formatNumber(t))}${escapeHtml(o.unit ?? '')}</text>`,
    );
  }
  // Bars, then the reference lines over them, then the texts over both.
  const texts: string[] = [];
  o.bars.forEach((b, i) => {
    const y = top + i * (barH + gap);
    const fill = TONE_FILL[b.tone ?? 'default'];
    texts.push(`<text x="${labelW - 6}" y="${n(y + barH - 3)}" font-size="10" text-anchor="end" fill="#1f2933">${escapeHtml(b.label)}</text>`);
    const w = b.value === null ? plotW : x(b.value) - labelW;
    const faded = b.value === null ? ' fill-opacity="0.35"' : '';
    parts.push(`<rect x="${labelW}" y="${y}" width="${n(Math.max(w, 0.5))}" height="${barH}" fill="${fill}"${faded}/>`);
    const text = b.valueText ?? (b.value === null ? 'n/a' : `${formatNumber(b.value)}${o.unit ?? ''}`);
    texts.push(`<text x="${n(labelW + Math.max(w, 0) + 4)}" y="${n(y + barH - 3)}" font-size="9.5" fill="#1f2933">${escapeHtml(text)}</text>`);
  });
  for (const r of o.refLines ?? []) {
    if (r.value > o.maxValue) continue;
    parts.push(
      `<line x1="${n(x(r.value))}" y1="${top - 6}" x2="${n(x(r.value))}" y2="${height - axisH}" stroke="#b91c1c" stroke-width="1.2" stroke-dasharray="4 3"/>`,
    );
    texts.push(`<text x="${n(x(r.value) + 3)}" y="${top - 4}" font-size="9" fill="#b91c1c">${escapeHtml(r.label)}</text>`);
  }
  parts.push(...texts);
  return svg(width, height, parts);
}

export interface Series {
  name: string;
  values: number[];
  color: string;
}

export interface ColumnChartOptions {
  categories: string[];
  /** Stacked in the order given. */
  stacked: Series[];
  /** Drawn as a step line over the columns (e.g. days available). */
  line?: Series;
  width?: number;
  height?: number;
  yLabel?: string;
  title?: string;
}

/** Stacked columns per category (e.g. knit days per ISO week) with an optional capacity step line and a legend. */
export function columnChart(o: ColumnChartOptions): string {
  const width = o.width ?? 1000;
  const height = o.height ?? 220;
  const left = 48;
  const right = 10;
  const top = o.title ? 34 : 22;
  const bottom = 30;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const totals = o.categories.map((_, i) => o.stacked.reduce((s, se) => s + (se.values[i] ?? 0), 0));
  const maxRaw = Math.max(1, ...totals, ...(o.line?.values ?? []));
  const step = niceStep(maxRaw / 5);
  const maxValue = Math.ceil(maxRaw / step) * step;
  const y = (v: number) => top + plotH - (v / maxValue) * plotH;
  const slot = plotW / Math.max(1, o.categories.length);
  const colW = slot * 0.62;
  const parts: string[] = [];
  if (o.title) parts.push(`<text x="0" y="14" font-size="12" font-weight="600" fill="#1f4e79">${escapeHtml(o.title)}</text>`);
  for (let t = 0; t <= maxValue + 1e-9; t += step) {
    parts.push(`<line x1="${left}" y1="${n(y(t))}" x2="${width - right}" y2="${n(y(t))}" stroke="#e4e7eb" stroke-width="1"/>`);
    parts.push(`<text x="${left - 5}" y="${n(y(t) + 3)}" font-size="9" text-anchor="end" fill="#52606d">${escapeHtml(formatNumber(t))}</text>`);
  }
  if (o.yLabel) {
    parts.push(
      `<text x="10" y="${n(top + plotH / 2)}" font-size="9" fill="#52606d" text-anchor="middle" transform="rotate(-90 10 ${n(top + plotH / 2)})">${escapeHtml(o.yLabel)}</text>`,
    );
  }
  const labelEvery = Math.max(1, Math.ceil(o.categories.length / 26));
  o.categories.forEach((cat, i) => {
    const cx = left + slot * i + (slot - colW) / 2;
    let base = 0;
    for (const s of o.stacked) {
      const v = s.values[i] ?? 0;
      if (v > 0) parts.push(`<rect x="${n(cx)}" y="${n(y(base + v))}" width="${n(colW)}" height="${n(y(base) - y(base + v))}" fill="${s.color}"/>`);
      base += v;
    }
    if (i % labelEvery === 0) {
      parts.push(
        `<text x="${n(left + slot * i + slot / 2)}" y="${height - bottom + 12}" font-size="8.5" text-anchor="middle" fill="#52606d">${escapeHtml(cat)}</text>`,
      );
    }
  });
  if (o.line) {
    const pts: string[] = [];
    o.line.values.forEach((v, i) => {
      pts.push(`${n(left + slot * i)},${n(y(v))}`, `${n(left + slot * (i + 1))},${n(y(v))}`);
    });
    parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${o.line.color}" stroke-width="1.6"/>`);
  }
  const legend = [...o.stacked, ...(o.line ? [o.line] : [])];
  let lx = left;
  for (const s of legend) {
    const isLine = s === o.line;
    parts.push(
      isLine
        ? `<line x1="${lx}" y1="${top - 12}" x2="${lx + 14}" y2="${top - 12}" stroke="${s.color}" stroke-width="2"/>`
        : `<rect x="${lx}" y="${top - 17}" width="10" height="10" fill="${s.color}"/>`,
    );
    parts.push(`<text x="${lx + 18}" y="${top - 8}" font-size="9.5" fill="#1f2933">${escapeHtml(s.name)}</text>`);
    lx += 28 + s.name.length * 6;
  }
  parts.push(`<line x1="${left}" y1="${n(y(0))}" x2="${width - right}" y2="${n(y(0))}" stroke="#7b8794" stroke-width="1"/>`);
  return svg(width, height, parts);
}

function svg(width: number, height: number, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT} role="img">${parts.join('')}</svg>`;
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}
