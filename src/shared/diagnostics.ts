// The Diagnostics page's contract: what the app is and where its files are, what its jobs did, how much memory it
// uses, and the support bundle (logs, import reports, settings; planner data only when asked).
import { z } from 'zod';
import { jobKindSchema } from './jobs';

/** One job that ended, as the job registry recorded it (`job_run`). */
export const jobRunSchema = z.object({
  id: z.number().int(),
  kind: jobKindSchema,
  /** ISO timestamp the job started. */
  startedAt: z.string(),
  /** Wall time from start to end, milliseconds. */
  durationMs: z.number().int().min(0),
  outcome: z.enum(['ok', 'failed', 'cancelled']),
  /** The failure's message; empty when the job went through. */
  message: z.string(),
  snapshotId: z.number().int().nullable(),
});
export type JobRun = z.infer<typeof jobRunSchema>;

/** Memory of the main process (Node's `process.memoryUsage()`), bytes. RSS includes the worker threads' heaps: they
 * share the process (Node 20 cannot read one worker's heap from outside it). */
const memorySchema = z.object({ rssBytes: z.number(), heapUsedBytes: z.number(), heapTotalBytes: z.number() });

export const diagnosticsSchema = z.object({
  appName: z.string(),
  version: z.string(),
  shell: z.enum(['electron', 'web', 'cli', 'test']),
  node: z.string(),
  platform: z.string(),
  dbPath: z.string(),
  /** The database file plus its write-ahead log, bytes. */
  dbSizeBytes: z.number().int().min(0),
  schemaVersion: z.number().int(),
  /** The newest migration this app knows. */
  latestSchemaVersion: z.number().int(),
  logFile: z.string(),
  /** Imports and demo loads, newest first. */
  imports: z.array(jobRunSchema),
  planRuns: z.array(jobRunSchema),
  /** Every job kind, newest first (at most 100 here; the store keeps 500). */
  jobs: z.array(jobRunSchema),
  failures: z.array(jobRunSchema),
  mainMemory: memorySchema,
});
export type Diagnostics = z.infer<typeof diagnosticsSchema>;

/** One file of a support bundle, as its manifest lists it. */
export const bundleEntrySchema = z.object({ path: z.string(), bytes: z.number().int().min(0), what: z.string() });

export const bundleManifestSchema = z.object({
  createdAt: z.string(),
  appVersion: z.string(),
  includesPlannerData: z.boolean(),
  files: z.array(bundleEntrySchema),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

export const diagnosticsChannels = {
  'diagnostics.info': { input: z.object({}).strict(), output: diagnosticsSchema },
  /** A zip of the logs, import reports, settings/policy and app info; planner data only with `includePlannerData`. */
  'diagnostics.bundle': {
    input: z.object({ includePlannerData: z.boolean().default(false) }).strict(),
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      base64: z.string(),
      manifest: bundleManifestSchema,
    }),
  },
} as const;
