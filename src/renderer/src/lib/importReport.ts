// Reads an import report generically (until src/shared/importReport.ts defines its shape): per-file rows,
// a flat list of rejections (file, row, column, value, reason) and of warnings, plus top-level figures.
import { humanizeField } from './format';
import type { Kpi } from './payload';

export interface NormalizedReport {
  files: Record<string, unknown>[];
  rejections: Record<string, unknown>[];
  warnings: Record<string, unknown>[];
  kpis: Kpi[];
}

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

const REJECTION_KEYS = ['rejections', 'rejected', 'rejectedRows', 'errors'];
const WARNING_KEYS = ['warnings', 'warning', 'notes'];

function fileName(f: Rec, index: number): string {
  for (const k of ['file', 'fileName', 'name', 'path']) if (typeof f[k] === 'string') return (f[k] as string).split(/[\\/]/).pop() as string;
  return `file ${index + 1}`;
}

function asIssueRows(value: unknown, file: string | undefined): Rec[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => {
    const row: Rec = isRecord(v) ? { ...v } : { message: String(v) };
    if (file !== undefined && row.file === undefined) return { file, ...row };
    return row;
  });
}

export function normalizeReport(report: unknown): NormalizedReport {
  const out: NormalizedReport = { files: [], rejections: [], warnings: [], kpis: [] };
  if (!isRecord(report)) return out;
  const files = Array.isArray(report.files) ? report.files.filter(isRecord) : [];
  files.forEach((f, i) => {
    const name = fileName(f, i);
    const row: Rec = { file: name };
    for (const [k, v] of Object.entries(f)) {
      if (REJECTION_KEYS.includes(k) && Array.isArray(v)) {
        out.rejections.push(...asIssueRows(v, name));
        row[`${k}Count`] = v.length;
      } else if (WARNING_KEYS.includes(k) && Array.isArray(v)) {
        out.warnings.push(...asIssueRows(v, name));
        row[`${k}Count`] = v.length;
      } else if (isScalar(v) && !['file', 'fileName', 'name'].includes(k)) {
        row[k] = v;
      } else if (Array.isArray(v) && v.every(isScalar)) {
        row[k] = v.join(', ');
      } else if (isRecord(v) && Object.values(v).every(isScalar)) {
        for (const [sk, sv] of Object.entries(v)) row[`${k}.${sk}`] = sv;
      }
    }
    out.files.push(row);
  });
  for (const k of REJECTION_KEYS) out.rejections.push(...asIssueRows(report[k], undefined));
  for (const k of WARNING_KEYS) out.warnings.push(...asIssueRows(report[k], undefined));
  for (const [k, v] of Object.entries(report)) {
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') {
      const h = humanizeField(k);
      out.kpis.push({ key: k, label: h.label, value: v, unit: h.unit });
    }
  }
  return out;
}
