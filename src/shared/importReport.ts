// The import report: what happened to each file of an import batch, every rejected row (file, row, column, value,
// reason) and the planning warnings found in the data. Stored with the snapshot and shown by the UI.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const importIssueSchema = z.object({
  file: z.string(),
  /** 1-based row (line) number in the file / sheet. */
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const fileStatusSchema = z.enum([
  /** read and written to the snapshot */
  'imported',
  /** a valid export, but another file of the same type in the batch was used (e.g. the .csv copy of an .xlsx) */
  'superseded',
  /** unreadable, unknown shape, or mostly unreadable rows: a batch with a rejected file is not imported */
  'rejected',
]);
export type FileStatus = z.infer<typeof fileStatusSchema>;

export const fileReportSchema = z.object({
  file: z.string(),
  path: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  format: z.enum(['xlsx', 'csv', 'json']).nullable(),
  status: fileStatusSchema,
  exportType: z.string().nullable(),
  exportLabel: z.string().nullable(),
  sheet: z.string().nullable(),
  headerRow: z.number().int().nullable(),
  /** Why the file was rejected / superseded. */
  reason: z.string().nullable(),
  /** For an unknown file: the closest known export and the columns it lacks. */
  closestType: z.string().nullable(),
  missingColumns: z.array(z.string()),
  supersededBy: z.string().nullable(),
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  /** Blank lines, placeholder and group-header lines. */
  rowsSkipped: z.number().int(),
  /** Rejected rows (first 100; `rowsRejected` counts all). */
  rejections: z.array(importIssueSchema),
  /** Values that could not be read in optional columns: dropped, row kept (first 100 of `droppedCount`). */
  dropped: z.array(importIssueSchema),
  droppedCount: z.number().int(),
  unrecognisedColumns: z.array(z.string()),
  ignoredSheets: z.array(z.string()),
  notes: z.array(z.string()),
});
export type FileReport = z.infer<typeof fileReportSchema>;

export const planningWarningCodes = [
  'bom_yarn_not_in_inventory',
  'bom_sum_not_100',
  'ko_style_without_bom',
  'ko_style_not_in_greige_list',
  'finished_style_unresolved',
  'machine_not_in_list',
  'identity_theoretical',
  'identity_planning',
  'ko_balance_stale',
  'expected_po_balance',
  'as_of',
  /** A file with a header and no rows, or a core entity below half of the previous snapshot (confirmed). */
  'thin_data',
  /** A csv/json file read as Windows-1252 because it is not UTF-8. */
  'encoding',
] as const;

export const planningWarningSchema = z.object({
  code: z.enum(planningWarningCodes),
  severity: z.enum(['info', 'warning']),
  message: z.string(),
  count: z.number().int(),
  examples: z.array(z.string()),
});
export type PlanningWarning = z.infer<typeof planningWarningSchema>;

export const asOfEvidenceSchema = z.object({
  file: z.string(),
  precision: z.enum(['day', 'week']),
  date: isoDate,
  how: z.string(),
});

export const importReportSchema = z.object({
  status: z.enum(['imported', 'unchanged', 'failed']),
  /** The snapshot written (or, when unchanged, the existing one with the same content). */
  snapshotId: z.number().int().nullable(),
  kind: z.enum(['import', 'master', 'demo']).nullable(),
  asOf: isoDate.nullable(),
  asOfSource: z.enum(['files', 'caller', 'none']),
  asOfEvidence: z.array(asOfEvidenceSchema),
  label: z.string(),
  source: z.string(),
  contentHash: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  /** Batch-level errors (why nothing was imported). */
  errors: z.array(z.string()),
  files: z.array(fileReportSchema),
  /** Rows written per entity kind. */
  entityCounts: z.record(z.string(), z.number().int()),
  warnings: z.array(planningWarningSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;
