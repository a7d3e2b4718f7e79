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
  /** Open YarnPO balances no Expected_Yarn_Report schedules, received at their own dates. */
  'receipts_from_po',
  /** Records dated after the as-of date (a banner in the app, the first line of the CLI). */
  'future_records',
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

export const asOfRoleSchema = z.enum(['export', 'report']);
export type AsOfRole = z.infer<typeof asOfRoleSchema>;

/** One clue to the batch's as-of date: an ERP run day or week, where it was read, and from which kind of file. */
export const asOfEvidenceSchema = z.object({
  file: z.string(),
  precision: z.enum(['day', 'week']),
  date: isoDate,
  how: z.string(),
  /** 'name': a date in the file or folder name; 'content': the file's headers or rows. */
  from: z.enum(['name', 'content']).default('content'),
  /** 'export': the data planned; 'report': one of the ERP's own computed reports. */
  role: asOfRoleSchema.default('export'),
});
export type AsOfEvidence = z.infer<typeof asOfEvidenceSchema>;

/** Records of one file dated after the snapshot's as-of date: the plan of a past date would see the future. */
export const futureRecordsSchema = z.object({
  file: z.string(),
  /** What the records are ("knit orders"), for the message. */
  what: z.string(),
  /** Records dated (created or changed) after the as-of date. */
  count: z.number().int(),
  /** Of those, created after the as-of date and left out of the snapshot. */
  leftOut: z.number().int(),
  latest: isoDate,
  /** Whether the plan reads these records (the API knit orders are read only without a knit-order export). */
  usedByPlan: z.boolean(),
  message: z.string(),
});
export type FutureRecords = z.infer<typeof futureRecordsSchema>;

export const importReportSchema = z.object({
  /** 'preview': what an import would do (import.inspect), nothing written. */
  status: z.enum(['imported', 'unchanged', 'failed', 'preview']),
  /** The snapshot written (or, when unchanged, the existing one with the same content). */
  snapshotId: z.number().int().nullable(),
  kind: z.enum(['import', 'master', 'demo']).nullable(),
  asOf: isoDate.nullable(),
  asOfSource: z.enum(['files', 'caller', 'none']),
  asOfEvidence: z.array(asOfEvidenceSchema),
  /** The date the files alone give (null when they give none or mix ERP weeks). */
  asOfInferred: isoDate.nullable().default(null),
  /** Evidence that disagrees with the date used: stated, the import goes on. */
  asOfConflicts: z.array(z.string()).default([]),
  /** Files holding records dated after the as-of date (a banner in the app, the first line of the CLI). */
  futureRecords: z.array(futureRecordsSchema).default([]),
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

/** What an import would do (`import.inspect`): the layout, and per batch (snapshot) a preview report. */
export const importPreviewSchema = z.object({
  kind: z.enum(['batch', 'history']),
  batches: z.array(z.object({ label: z.string(), report: importReportSchema })),
  /** Files of a history folder outside master/ and snapshots/<name>/: not imported. */
  ignored: z.array(z.string()),
  /** Why the paths cannot be imported at all (e.g. a history folder given with other files). */
  error: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
