// The import report and a snapshot comparison as the Imports page shows them: key figures, a row per file, every
// rejected row, the warnings (the batch's planning warnings, values dropped from optional columns, per-file notes),
// and per entity what was added, removed or changed.
import type { ImportReport } from '../../../../shared/importReport';
import type { EntityDiff, FieldChange, SnapshotComparison } from '../../../../shared/snapshotComparison';
import type { Kpi } from '../../components/KpiStrip';

export interface ReportFileRow {
  file: string;
  status: string;
  export: string | null;
  format: string | null;
  sheet: string | null;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsSkipped: number;
  valuesDropped: number;
  reason: string | null;
  missingColumns: string;
  notes: string;
}

/** A rejected row, a dropped value or a warning: where (file, row, column, value when known) and why. */
export interface ReportIssueRow {
  file: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface ReportTables {
  kpis: Kpi[];
  files: ReportFileRow[];
  rejections: ReportIssueRow[];
  warnings: ReportIssueRow[];
}

const EXAMPLES_SHOWN = 3;

export function importReportTables(report: ImportReport): ReportTables {
  const total = (pick: (f: ImportReport['files'][number]) => number) => report.files.reduce((t, f) => t + pick(f), 0);
  const rejected = total((f) => f.rowsRejected);
  const kpis: Kpi[] = [
    { key: 'status', label: 'Status', value: report.status },
    { key: 'asOf', label: 'As of', value: report.asOf, hint: `date from: ${report.asOfSource}` },
    { key: 'files', label: 'Files', value: report.files.length },
    { key: 'rowsAccepted', label: 'Rows accepted', value: total((f) => f.rowsAccepted) },
    { key: 'rowsRejected', label: 'Rows rejected', value: rejected, ...(rejected > 0 ? { status: 'high' as const } : {}) },
    { key: 'warnings', label: 'Planning warnings', value: report.warnings.length },
  ];
  const files = report.files.map((f): ReportFileRow => ({
    file: f.file,
    status: f.status,
    export: f.exportLabel ?? f.exportType,
    format: f.format,
    sheet: f.sheet,
    rowsRead: f.rowsRead,
    rowsAccepted: f.rowsAccepted,
    rowsRejected: f.rowsRejected,
    rowsSkipped: f.rowsSkipped,
    valuesDropped: f.droppedCount,
    reason: f.reason,
    missingColumns: f.missingColumns.join(', '),
    notes: f.notes.join('; '),
  }));
  const rejections = report.files.flatMap((f) =>
    f.rejections.map((i): ReportIssueRow => ({ file: i.file, row: i.row, column: i.column, value: i.value, reason: i.reason })),
  );
  const warnings: ReportIssueRow[] = [
    ...report.errors.map((e) => ({ file: null, row: null, column: null, value: null, reason: e })),
    ...report.warnings.map((w) => ({
      file: null,
      row: null,
      column: null,
      value: w.examples.length ? `${w.examples.slice(0, EXAMPLES_SHOWN).join('; ')}${w.examples.length > EXAMPLES_SHOWN ? ' …' : ''}` : null,
      reason: `${w.severity === 'warning' ? 'Warning' : 'Note'}: ${w.message}`,
    })),
    ...report.files.flatMap((f) => [
      ...f.dropped.map((i) => ({ file: i.file, row: i.row, column: i.column, value: i.value, reason: `value dropped, row kept: ${i.reason}` })),
      ...f.notes.map((n) => ({ file: f.file, row: null, column: null, value: null, reason: n })),
    ]),
  ];
  return { kpis, files, rejections, warnings };
}

export interface ComparisonRow {
  entity: string;
  key: string;
  change: 'added' | 'removed' | 'changed';
  /** "field: from → to" per changed field. */
  fields: string;
}

const ENTITIES = [
  ['yarns', 'Yarns'],
  ['knitOrders', 'Knit orders'],
  ['yarnPos', 'Yarn POs'],
] as const satisfies readonly (readonly [keyof SnapshotComparison, string])[];

const shown = (v: FieldChange['from']): string => (v === null ? '–' : String(v));

export function comparisonTables(c: SnapshotComparison): { kpis: Kpi[]; rows: ComparisonRow[] } {
  const kpis: Kpi[] = [];
  const rows: ComparisonRow[] = [];
  for (const [field, label] of ENTITIES) {
    const diff: EntityDiff = c[field];
    kpis.push({
      key: field,
      label,
      value: `+${diff.added.length} −${diff.removed.length} ~${diff.changed.length}`,
      hint: `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`,
    });
    rows.push(
      ...diff.added.map((key) => ({ entity: label, key, change: 'added' as const, fields: '' })),
      ...diff.removed.map((key) => ({ entity: label, key, change: 'removed' as const, fields: '' })),
      ...diff.changed.map((x) => ({
        entity: label,
        key: x.key,
        change: 'changed' as const,
        fields: x.changes.map((ch) => `${ch.field}: ${shown(ch.from)} → ${shown(ch.to)}`).join('; '),
      })),
    );
  }
  return { kpis, rows };
}
