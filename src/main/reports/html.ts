// Printable report framework: pure functions from report data to one self-contained HTML string (no JS, no external
// assets). Chromium turns it into a PDF (renderPdf here, webContents.printToPDF in the app) with the page header and
// "Page x of y" footer from pdf.ts. Every text is escaped; `svg` is inserted as is and must come from svg.ts.
import { reportsPolicyDefaults, type ReportsPolicy } from '../../shared/policy/reports';

export type PageSize = ReportsPolicy['paperSize'];
export type Tone = 'bad' | 'warn' | 'ok' | 'muted' | 'strong';

export type Cell = string | number | null | undefined | { text: string; tone?: Tone; title?: string };

export interface Column {
  key: string;
  label: string;
  align?: 'left' | 'right' | 'center';
  /** Decimals for numbers (default 0); numbers use en-US grouping. */
  decimals?: number;
  /** CSS width, e.g. "8%". */
  width?: string;
  /** Show negative numbers in red. */
  negativeBad?: boolean;
  nowrap?: boolean;
}

export interface Table {
  columns: Column[];
  rows: Record<string, Cell>[];
  /** One totals row after the last row (printed once, not on every page). */
  totals?: Record<string, Cell>;
  /** Shown instead of an empty table. */
  emptyText?: string;
}

export interface Section {
  heading: string;
  /** Short text under the heading. */
  note?: string;
  /** Inline SVG from svg.ts (already escaped), printed above the table. */
  svg?: string;
  table?: Table;
  pageBreakBefore?: boolean;
}

export interface Kpi {
  label: string;
  value: string | number;
  tone?: Tone;
}

export interface ReportSpec {
  title: string;
  /** Snapshot as-of date. */
  asOf: string;
  /** When the report was printed (ISO date-time, given by the caller: no clock in here). */
  printedAt: string;
  /** e.g. the snapshot label or the scenario. */
  subtitle?: string;
  pageSize?: PageSize;
  kpis?: Kpi[];
  sections: Section[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, decimals = 0): string {
  let f = numberFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, f);
  }
  return f.format(value);
}

/** "2025-09-02T14:05:33" -> "2025-09-02 14:05". */
export function formatDateTime(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

/** Line printed at the top of every page (Chromium fills the header's `title` span from it). */
export function pageHeaderText(spec: Pick<ReportSpec, 'title' | 'asOf' | 'printedAt' | 'subtitle'>): string {
  return [spec.title, spec.subtitle, `As of ${spec.asOf}`, `Printed ${formatDateTime(spec.printedAt)}`].filter(Boolean).join('  ·  ');
}

function renderCell(cell: Cell, column: Column): string {
  const classes: string[] = [];
  if (column.align === 'right') classes.push('num');
  if (column.align === 'center') classes.push('center');
  if (column.nowrap) classes.push('nowrap');
  let text: string;
  let title: string | undefined;
  if (cell === null || cell === undefined) text = '';
  else if (typeof cell === 'number') {
    text = Number.isFinite(cell) ? formatNumber(cell, column.decimals ?? 0) : '';
    if (column.negativeBad && cell < 0) classes.push('bad');
  } else if (typeof cell === 'string') text = cell;
  else {
    text = cell.text;
    title = cell.title;
    if (cell.tone) classes.push(cell.tone);
  }
  const cls = classes.length ? ` class="${classes.join(' ')}"` : '';
  const tip = title ? ` title="${escapeHtml(title)}"` : '';
  return `<td${cls}${tip}>${escapeHtml(text)}</td>`;
}

function renderTable(table: Table): string {
  if (table.rows.length === 0) return `<p class="empty">${escapeHtml(table.emptyText ?? 'Nothing to show.')}</p>`;
  const cols = table.columns.map((c) => `<col${c.width ? ` style="width:${escapeHtml(c.width)}"` : ''}>`).join('');
  const head = table.columns
    .map((c) => `<th${c.align === 'right' ? ' class="num"' : c.align === 'center' ? ' class="center"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body = table.rows.map((r) => `<tr>${table.columns.map((c) => renderCell(r[c.key], c)).join('')}</tr>`).join('\n');
  const foot = table.totals ? `<tfoot><tr>${table.columns.map((c) => renderCell(table.totals![c.key], c)).join('')}</tr></tfoot>` : '';
  return `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody>${foot}</table>`;
}

function renderSection(section: Section): string {
  // Short tables stay whole; longer ones split across pages with their header row repeated.
  const small = (section.table?.rows.length ?? 0) <= 5;
  const classes = ['section', small ? 'keep' : '', section.pageBreakBefore ? 'page-break' : ''].filter(Boolean).join(' ');
  return [
    `<section class="${classes}">`,
    `<h2>${escapeHtml(section.heading)}${section.note ? ` <span class="note">${escapeHtml(section.note)}</span>` : ''}</h2>`,
    section.svg ? `<div class="chart">${section.svg}</div>` : '',
    section.table ? renderTable(section.table) : '',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function reportCss(pageSize: PageSize): string {
  return `
@page { size: ${pageSize} landscape; margin: 16mm 10mm 14mm 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "DejaVu Sans", "Segoe UI", Arial, Helvetica, sans-serif; font-size: 8.5pt; color: #1f2933; }
header.report { border-bottom: 2px solid #1f4e79; padding-bottom: 4pt; margin-bottom: 8pt; }
header.report h1 { font-size: 15pt; margin: 0 0 2pt 0; color: #1f4e79; }
header.report .meta { color: #52606d; font-size: 8.5pt; }
.kpis { display: flex; flex-wrap: wrap; gap: 6pt; margin: 6pt 0 10pt 0; }
.kpi { border: 1px solid #cbd2d9; border-radius: 3pt; padding: 4pt 8pt; min-width: 90pt; }
.kpi .label { color: #52606d; font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.03em; }
.kpi .value { font-size: 13pt; font-weight: 600; }
.kpi.bad .value { color: #b91c1c; } .kpi.warn .value { color: #b45309; } .kpi.ok .value { color: #15803d; }
section.section { margin: 0 0 9pt 0; }
section.keep { break-inside: avoid; }
section.page-break { break-before: page; }
h2 { font-size: 10.5pt; margin: 0 0 3pt 0; color: #1f4e79; break-after: avoid; break-inside: avoid; }
h2 .note { font-size: 8pt; font-weight: normal; color: #52606d; margin-left: 6pt; }
p.empty { margin: 0; color: #7b8794; font-style: italic; }
.chart { margin: 2pt 0 6pt 0; break-inside: avoid; }
.chart svg { display: block; width: 100%; height: auto; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; }
th { background: #1f4e79; color: #fff; font-weight: 600; text-align: left; padding: 3pt 4pt; font-size: 8pt; }
td { padding: 2pt 4pt; border-bottom: 1px solid #e4e7eb; vertical-align: top; overflow-wrap: anywhere; }
tbody tr:nth-child(even) td { background: #f5f7fa; }
tfoot td { font-weight: 600; border-top: 1.5px solid #1f4e79; border-bottom: none; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.center { text-align: center; }
.nowrap { white-space: nowrap; }
.bad { color: #b91c1c; font-weight: 600; } .warn { color: #b45309; } .ok { color: #15803d; } .muted { color: #7b8794; }
.strong { font-weight: 600; }
`;
}

/** The whole report as one HTML document. */
export function renderReport(spec: ReportSpec): string {
  const pageSize = spec.pageSize ?? reportsPolicyDefaults.paperSize;
  const kpis = spec.kpis?.length
    ? `<div class="kpis">${spec.kpis
        .map(
          (k) =>
            `<div class="kpi${k.tone ? ` ${k.tone}` : ''}"><div class="label">${escapeHtml(k.label)}</div>` +
            `<div class="value">${escapeHtml(typeof k.value === 'number' ? formatNumber(k.value) : k.value)}</div></div>`,
        )
        .join('')}</div>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(pageHeaderText(spec))}</title>
<style>${reportCss(pageSize)}</style>
</head>
<body>
<header class="report">
<h1>${escapeHtml(spec.title)}</h1>
<div class="meta">${[spec.subtitle, `Snapshot as of ${spec.asOf}`, `Printed ${formatDateTime(spec.printedAt)}`]
    .filter(Boolean)
    .map((t) => escapeHtml(t))
    .join(' &nbsp;·&nbsp; ')}</div>
</header>
${kpis}
${spec.sections.map(renderSection).join('\n')}
</body>
</html>
`;
}
