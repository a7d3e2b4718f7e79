// Background jobs as the contract shows them (`jobs.list`, the `job.progress` event): kind, progress, and the result
// each kind of job ends with — or, for a refused import, the code and the import report saying why.
import { z } from 'zod';
import { importReportSchema } from './importReport';

export const jobKindSchema = z.enum(['import', 'plan', 'forecast', 'demo']);
export type JobKind = z.infer<typeof jobKindSchema>;

const snapshotId = z.number().int().positive();

/** An import (or the demo load): the snapshot to plan, made the active one, and every snapshot it wrote. */
export const importJobResultSchema = z.object({
  snapshotId,
  reused: z.boolean(),
  rejectedFiles: z.number().int(),
  snapshots: z.array(z.object({ snapshotId, asOf: z.string(), kind: z.string(), reused: z.boolean(), label: z.string() })),
  /** Files of a history folder that are not part of it (not imported). */
  ignored: z.array(z.string()),
});
export type ImportJobResult = z.infer<typeof importJobResultSchema>;

/** Why an import wrote nothing (e.g. `NEEDS_CONFIRMATION` for thin data), with its report. */
export const importJobFailureSchema = z.object({ code: z.string(), report: importReportSchema });
export type ImportJobFailure = z.infer<typeof importJobFailureSchema>;

export const planJobResultSchema = z.object({
  snapshotId,
  /** 0: the base plan. */
  scenarioId: z.number().int().min(0),
  /** Milliseconds per engine step. */
  timingsMs: z.record(z.string(), z.number()),
  /** What a scenario's overrides could not apply. */
  warnings: z.array(z.string()).optional(),
});
export type PlanJobResult = z.infer<typeof planJobResultSchema>;

export const forecastJobResultSchema = z.object({
  snapshotId,
  series: z.number().int(),
  /** The snapshot whose forecast (of the same inputs) was copied instead of computing one. */
  reusedFrom: snapshotId.optional(),
  /** Given a folder (the CLI): the CSV files the job wrote there and what the CLI says of the run. */
  outputs: z.object({ files: z.array(z.string()), notes: z.array(z.string()) }).optional(),
});
export type ForecastJobResult = z.infer<typeof forecastJobResultSchema>;

export const demoJobResultSchema = z.object({ snapshotId });
export type DemoJobResult = z.infer<typeof demoJobResultSchema>;

export const jobResultSchema = z.union([
  importJobResultSchema,
  planJobResultSchema,
  forecastJobResultSchema,
  demoJobResultSchema,
  importJobFailureSchema,
]);
export type JobResult = z.infer<typeof jobResultSchema>;

export const jobStateSchema = z.object({
  jobId: z.string(),
  kind: jobKindSchema,
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  fraction: z.number().min(0).max(1),
  message: z.string(),
  error: z.string().optional(),
  /** A finished job's result; a failed import's code and report. */
  result: jobResultSchema.optional(),
});
export type JobState = z.infer<typeof jobStateSchema>;

/** The snapshot a finished job wrote or planned, if any. */
export function resultSnapshotId(result: JobResult | undefined): number | undefined {
  return result && 'snapshotId' in result ? result.snapshotId : undefined;
}
