// The one contract between the renderer and the main process (Electron IPC, or HTTP + SSE through the web bridge).
// Each channel has a zod input and output schema; handlers, the preload client and the renderer API are typed from it.
import { z } from 'zod';
import { poDraftSchema } from './domain/poDraft';
import { purchaseOrderListSchema } from './domain/purchaseOrder';
import { actionLogChannels, actionsChangedEvent } from './actionLog';
import { availabilityInputSchema, availabilitySchema } from './availability';
import { futureRecordsSchema, importPreviewSchema, importReportSchema } from './importReport';
import { jobKindSchema, jobStateSchema, type JobKind, type JobState } from './jobs';
import { overrideInputSchema, planComparisonSchema, scenarioListItemSchema, scenarioSchema } from './scenario';
import { searchInputSchema, searchResultSchema, searchWarmInputSchema, searchWarmResultSchema } from './search';
import { scheduleBoardChannels } from './scheduleMove';
import { snapshotComparisonSchema } from './snapshotComparison';
import { viewChannels } from './views';
import { gridStateChannels } from './gridState';
import { diagnosticsChannels } from './diagnostics';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const id = z.number().int().positive();
const empty = z.object({}).strict();

export const snapshotSchema = z.object({
  id,
  asOf: isoDate,
  label: z.string(),
  kind: z.enum(['import', 'master', 'demo']),
  source: z.string(),
  createdAt: z.string(),
  entities: z.record(z.string(), z.number()),
  /** Files the snapshot was built with that hold records dated after its as-of date (shown as a banner). */
  futureRecords: z.array(futureRecordsSchema).default([]),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export { jobKindSchema, jobStateSchema, type JobKind, type JobState };

export const appInfoSchema = z.object({
  appName: z.string(),
  version: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number(),
  activeSnapshotId: z.number().nullable(),
  shell: z.enum(['electron', 'web', 'cli', 'test']),
});

/** A file the renderer read; `name` is its path relative to the chosen folder's parent ("erp/master/BOM.csv"), so
 * a folder keeps its layout. */
const uploadSchema = z.object({
  name: z.string().min(1).max(1024),
  base64: z.string(),
});

/** What to import: paths (Electron's dialog, CLI), files handed over in the call (Electron), files the web bridge
 * streamed to disk (`POST /api/upload`, by the ids it answered), or the files an `import.inspect` staged. */
const importSourceFields = {
  paths: z.array(z.string().min(1)).max(500).optional(),
  uploads: z.array(uploadSchema).max(5000).optional(),
  uploadIds: z
    .array(z.string().regex(/^[0-9a-f]{32}$/, 'not an upload id'))
    .max(5000)
    .optional(),
  stageId: z
    .string()
    .regex(/^stage-[0-9a-f]{16}$/, 'not a staged upload')
    .optional(),
};
const givesFiles = (v: { paths?: string[]; uploads?: unknown[]; uploadIds?: string[]; stageId?: string }) =>
  (v.paths?.length ?? 0) + (v.uploads?.length ?? 0) + (v.uploadIds?.length ?? 0) + (v.stageId ? 1 : 0) > 0;

export const fileSchema = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
export type FilePayload = z.infer<typeof fileSchema>;

const policyChangeSchema = z
  .object({ area: z.string().min(1).max(32), key: z.string().min(1).max(64), value: z.union([z.number(), z.string(), z.boolean()]) })
  .strict();

export { poDraftSchema };
export type PoDraftPayload = z.infer<typeof poDraftSchema>;

/** The policy table as saved (Settings shows a stored value even when it breaks a range, so it can be fixed). */
const policyTableValuesSchema = z.record(
  z.string(),
  z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.union([z.number(), z.string()]))])),
);

/** Every channel: name -> { input, output }. */
export const channels = {
  'app.info': { input: empty, output: appInfoSchema },
  'snapshots.list': { input: empty, output: z.array(snapshotSchema) },
  'snapshots.delete': {
    // Scenarios built on the snapshot are planner data: moved to another snapshot or deleted only when asked.
    input: z
      .object({ id, moveScenariosTo: id.optional(), deleteScenarios: z.boolean().optional() })
      .strict()
      .refine((v) => !(v.moveScenariosTo !== undefined && v.deleteScenarios), 'either move the scenarios or delete them, not both'),
    output: z.object({ deleted: z.boolean(), scenariosMoved: z.number().int(), scenariosDeleted: z.number().int() }),
  },
  'snapshots.setActive': { input: z.object({ id }).strict(), output: z.object({ activeSnapshotId: id }) },
  /** The snapshot's import report; null for a snapshot stored without one. */
  'snapshots.report': { input: z.object({ id }).strict(), output: importReportSchema.nullable() },
  'snapshots.compare': { input: z.object({ fromId: id, toId: id }).strict(), output: snapshotComparisonSchema },
  /** Reads the files' headers and infers the as-of date without importing; uploads are staged for `import.start`. */
  'import.inspect': {
    input: z
      .object({ ...importSourceFields, asOf: isoDate.optional() })
      .strict()
      .refine(givesFiles, 'give at least one file'),
    output: z.object({ stageId: z.string().nullable(), preview: importPreviewSchema }),
  },
  'import.start': {
    input: z
      .object({
        ...importSourceFields,
        asOf: isoDate.optional(),
        label: z.string().max(200).optional(),
        /** Import even with thin data (a header-only file, a core entity below half of the previous snapshot). */
        confirmThinData: z.boolean().optional(),
      })
      .strict()
      .refine(givesFiles, 'give at least one file'),
    output: z.object({ jobId: z.string() }),
  },
  'demo.load': { input: z.object({ scale: z.number().int().min(1).max(100).default(1) }).strict(), output: z.object({ jobId: z.string() }) },
  'jobs.cancel': { input: z.object({ jobId: z.string() }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'jobs.list': { input: empty, output: z.array(jobStateSchema) },
  'plan.run': { input: z.object({ snapshotId: id.optional() }).strict(), output: z.object({ jobId: z.string() }) },
  /** The screens' read side: `view.dashboard`, `view.yarnDetail` … (src/shared/views.ts). */
  ...viewChannels,
  'alerts.ack': {
    input: z.object({ key: z.string().min(1).max(200), note: z.string().max(500).optional() }).strict(),
    output: z.object({ acknowledged: z.boolean() }),
  },
  'alerts.unack': { input: z.object({ key: z.string().min(1).max(200) }).strict(), output: z.object({ acknowledged: z.boolean() }) },
  'drafts.list': { input: empty, output: z.array(poDraftSchema) },
  'drafts.accept': {
    input: z.object({ suggestionIds: z.array(z.string().min(1)).min(1).max(5000), snapshotId: id.optional() }).strict(),
    output: z.array(poDraftSchema),
  },
  'drafts.update': {
    input: z
      .object({
        draftId: z.string().min(1),
        qtyLbs: z.number().positive().finite().optional(),
        receiptDate: isoDate.optional(),
        supplierId: z.string().nullable().optional(),
        status: z.enum(['accepted', 'edited', 'rejected']).optional(),
      })
      .strict(),
    output: poDraftSchema,
  },
  /** The open drafts as the ERP's YarnPO export (its columns, order, names and types), one line per draft. */
  'drafts.export': { input: z.object({ format: z.enum(['csv', 'xlsx']), snapshotId: id.optional() }).strict(), output: fileSchema },
  /** The open drafts grouped per supplier of the supplier master into purchase orders. */
  'purchaseOrders.list': { input: z.object({ snapshotId: id.optional() }).strict(), output: purchaseOrderListSchema },
  /** One supplier's purchase order as a printable document. */
  'purchaseOrders.print': {
    input: z.object({ supplierId: z.string().min(1).max(80), format: z.enum(['pdf', 'html']), snapshotId: id.optional() }).strict(),
    output: fileSchema,
  },
  /** "Go to anything": the yarns, knit orders, PO lines, styles, suppliers and machines matching a query, best first. */
  'search.find': { input: searchInputSchema, output: searchResultSchema },
  /** Reads the searchable rows ahead of the first query (the Go-to box asks on focus). */
  'search.warm': { input: searchWarmInputSchema, output: searchWarmResultSchema },
  /** "Can we make it?": a style, lbs and a start date against the plan's projected yarn balances. */
  'availability.check': { input: availabilityInputSchema, output: availabilitySchema },
  /** Pins an order; with a machine, checked by the board's drop rules (src/shared/scheduleMove.ts); `start` out is the snapped start. */
  'schedule.pin': {
    input: z
      .object({
        orderNo: z.string().min(1),
        machineId: z.string().min(1).optional(),
        start: isoDate.optional(),
        /** The planner confirmed a machine of the same build in another work center. */
        acceptWcMismatch: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string(), start: isoDate.optional() }),
  },
  /** The schedule board's drag and drop: `schedule.calendar`, `schedule.move` (src/shared/scheduleMove.ts). */
  ...scheduleBoardChannels,
  'schedule.unpin': { input: z.object({ orderNo: z.string().min(1) }).strict(), output: z.object({ jobId: z.string() }) },
  'scenarios.list': { input: z.object({ snapshotId: id.optional() }).strict(), output: z.array(scenarioListItemSchema) },
  'scenarios.get': { input: z.object({ id }).strict(), output: scenarioSchema },
  'scenarios.create': { input: z.object({ name: z.string().min(1).max(120), snapshotId: id.optional() }).strict(), output: scenarioSchema },
  'scenarios.copy': { input: z.object({ id, name: z.string().min(1).max(120) }).strict(), output: scenarioSchema },
  'scenarios.rename': { input: z.object({ id, name: z.string().min(1).max(120) }).strict(), output: z.object({ renamed: z.boolean() }) },
  'scenarios.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
  'scenarios.addOverride': { input: z.object({ id, override: overrideInputSchema }).strict(), output: scenarioSchema },
  'scenarios.removeOverride': { input: z.object({ id, overrideId: z.string().min(1) }).strict(), output: scenarioSchema },
  'scenarios.plan': { input: z.object({ id }).strict(), output: z.object({ jobId: z.string() }) },
  'scenarios.compare': {
    input: z.object({ a: z.number().int().min(0), b: z.number().int().min(0) }).strict(),
    output: z.object({
      comparison: planComparisonSchema,
      alertsAdded: z.array(z.object({ key: z.string(), severity: z.string(), title: z.string(), cause: z.string() })),
      alertsRemoved: z.array(z.object({ key: z.string(), severity: z.string(), title: z.string(), cause: z.string() })),
    }),
  },
  'reports.render': {
    input: z
      .object({
        report: z.enum(['shortages', 'purchasePlan', 'machineSchedule', 'loadByWorkCenter']),
        format: z.enum(['html', 'pdf', 'xlsx']),
        snapshotId: id.optional(),
        scenarioId: z.number().int().min(0).optional(),
      })
      .strict(),
    output: fileSchema,
  },
  'export.xlsx': {
    input: z
      .object({
        fileName: z.string().min(1).max(200),
        sheets: z
          .array(
            z.object({
              name: z.string().min(1).max(31),
              columns: z.array(z.string().max(200)).max(500),
              rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))).max(1_000_000),
            }),
          )
          .min(1)
          .max(20),
      })
      .strict(),
    output: fileSchema,
  },
  'overrides.list': {
    input: empty,
    output: z.object({
      rates: z.array(z.object({ style: z.string(), lbsPerDay: z.number(), asOf: isoDate, note: z.string().optional() })),
      boms: z.array(
        z.object({
          style: z.string(),
          lines: z.array(z.object({ yarnId: z.string(), fraction: z.number() })),
          asOf: isoDate,
          note: z.string().optional(),
        }),
      ),
    }),
  },
  'overrides.setRate': {
    input: z
      .object({ style: z.string().trim().min(1).max(80), lbsPerDay: z.number().positive().finite().nullable(), note: z.string().max(300).optional() })
      .strict(),
    output: z.object({ jobId: z.string().nullable() }),
  },
  'overrides.setBom': {
    input: z
      .object({
        style: z.string().trim().min(1).max(80),
        lines: z
          .array(z.object({ yarnId: z.string().trim().min(1), fraction: z.number().positive().max(1) }))
          .min(1)
          .refine((ls) => Math.abs(ls.reduce((t, l) => t + l.fraction, 0) - 1) <= 0.001, 'the yarn fractions must add up to 1 (100 %)')
          .nullable(),
        note: z.string().max(300).optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string().nullable() }),
  },
  'settings.getLayers': { input: empty, output: z.object({ salesOrders: z.boolean(), forecast: z.boolean() }) },
  'settings.setLayers': {
    input: z.object({ salesOrders: z.boolean().optional(), forecast: z.boolean().optional() }).strict(),
    output: z.object({ jobId: z.string().nullable() }),
  },
  'settings.getPolicy': { input: empty, output: policyTableValuesSchema },
  'settings.setPolicy': {
    // One value, or several saved together (related keys such as the risk bands must move at once).
    input: z.union([policyChangeSchema, z.object({ changes: z.array(policyChangeSchema).min(1).max(500) }).strict()]),
    output: policyTableValuesSchema,
  },
  /** The action log and its undo (src/shared/actionLog.ts). */
  ...actionLogChannels,
  ...gridStateChannels,
  ...diagnosticsChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

/** Push events from main to renderer. */
export const events = {
  'job.progress': jobStateSchema,
  'plan.changed': z.object({ snapshotId: z.number(), scenarioId: z.number().default(0), reason: z.string() }),
  'snapshots.changed': z.object({ activeSnapshotId: z.number().nullable() }),
  'alerts.new': z.object({ alerts: z.array(z.object({ key: z.string(), severity: z.string(), title: z.string(), cause: z.string() })) }),
  'actions.changed': actionsChangedEvent,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

/** What every call returns across the boundary: never a thrown error. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ContractError };
export interface ContractError {
  code: 'UNKNOWN_CHANNEL' | 'INVALID_INPUT' | 'INVALID_OUTPUT' | 'NOT_FOUND' | 'FAILED' | 'FORBIDDEN';
  message: string;
  issues?: { path: string; message: string }[];
}

/** The API the renderer sees, typed from the contract. */
export type PlannerApi = {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export { IPC_INVOKE, IPC_EVENT } from './ipc';
