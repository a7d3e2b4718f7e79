// The action log: every planner action that changes planner data, with the rows as they were and became, and its
// undo. The channels `actions.list` and `actions.undo` (their schemas here, spread into the contract).
import { z } from 'zod';

/** The channels whose calls change planner data, each logged under its own name; `actions.undo` logs the undos. */
export const LOGGED_ACTIONS = [
  'drafts.accept',
  'drafts.update',
  'schedule.pin',
  'schedule.move',
  'schedule.unpin',
  'alerts.ack',
  'alerts.unack',
  'overrides.setRate',
  'overrides.setBom',
  'settings.setPolicy',
  'settings.setLayers',
  'scenarios.create',
  'scenarios.copy',
  'scenarios.rename',
  'scenarios.delete',
  'scenarios.addOverride',
  'scenarios.removeOverride',
  'actions.undo',
] as const;
export const actionKindSchema = z.enum(LOGGED_ACTIONS);
export type ActionKind = z.infer<typeof actionKindSchema>;

/** A value as JSON holds it (what a stored row's fields are). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);

/** One row as stored by its repository (a domain value: a draft, a pin, a policy value…); null: no such row. */
const rowValueSchema = z.record(z.string(), jsonValueSchema).nullable();

export const actionChangeSchema = z.object({
  /** The table the row lives in (`po_draft`, `pin`, `policy_value`, `scenario`…). */
  table: z.string(),
  /** What the row is, readable: "draft D-2025-09-05-739-2025-09-08", "policy purchasing/leadTimeDays". */
  label: z.string(),
  /** The row's key values (in the label already: the panel leaves them out of before -> after). */
  key: z.array(z.string()),
  before: rowValueSchema,
  after: rowValueSchema,
});
export type ActionChange = z.infer<typeof actionChangeSchema>;

export const actionEntrySchema = z.object({
  id: z.number().int().positive(),
  /** When it was done (ISO timestamp). */
  at: z.string(),
  kind: actionKindSchema,
  /** The snapshot that was active (or named) when it was done; null when there was none. */
  snapshotId: z.number().int().nullable(),
  /** "Accepted draft for yarn 18884: 2,000 lbs due 2025-10-06". */
  sentence: z.string(),
  changes: z.array(actionChangeSchema),
  /** The entry this one undid (undo entries only). */
  undoesId: z.number().int().nullable(),
  /** The undo entry that took this one back; null while it stands. */
  undoneById: z.number().int().nullable(),
  /** Not undone, not an undo itself, and it changed at least one row. */
  undoable: z.boolean(),
});
export type ActionEntry = z.infer<typeof actionEntrySchema>;

export const actionLogChannels = {
  /** The log, newest first, a page at a time. */
  'actions.list': {
    input: z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.object({ total: z.number().int(), undoableCount: z.number().int(), entries: z.array(actionEntrySchema) }),
  },
  /** Takes back one entry (by id, or the newest undoable one), or refuses naming what changed since. */
  'actions.undo': {
    input: z.object({ id: z.number().int().positive().optional() }).strict(),
    output: z.object({ undone: actionEntrySchema, undo: actionEntrySchema, jobId: z.string().nullable() }),
  },
} as const;

/** Pushed after an action was logged or undone, so the header's count and an open panel refresh. */
export const actionsChangedEvent = z.object({ id: z.number().int(), kind: actionKindSchema, sentence: z.string() });
