// What-if scenarios, plan comparison and alerts: the shapes the engine, the store, the contract and the UI share.
// A scenario stores only the planner's overrides on top of a snapshot (copy-on-write deltas, anchors §2 Kinaxis),
// never a copy of the data, so creating one is a single small row.
import { z } from 'zod';
import { isoDateSchema } from './domain/isoDate';

export { isoDateSchema };
const lbs = z.number().finite();
const nonNegativeLbs = z.number().finite().min(0);
const positive = z.number().finite().positive();
const name = z.string().trim().min(1).max(200);

// ---------- overrides ----------

const knitOrderBody = z.object({
  kind: z.literal('knitOrder'),
  koNumber: name,
  /** New open balance (lbs still to knit). */
  balanceLbs: nonNegativeLbs.optional(),
  startDate: isoDateSchema.optional(),
  machine: name.optional(),
  /** Pin the order to its machine (the new one when `machine` is given). */
  pinMachine: z.boolean().optional(),
  /** Pin the order's start to its start date (the new one when `startDate` is given). */
  pinStart: z.boolean().optional(),
});

/** A prospective knit order (the "Can we make it?" check made a scenario): `lbs` of `style` from `startDate`. */
const knitOrderAddBody = z.object({
  kind: z.literal('knitOrderAdd'),
  style: name,
  lbs: positive,
  startDate: isoDateSchema,
});

const poReceiptBody = z.object({
  kind: z.literal('poReceipt'),
  poNumber: name,
  /** Only this yarn's receipts of the PO (a PO can carry several yarns); absent = all. */
  yarnId: name.optional(),
  /**
   * Only the one receipt line of the yarn due in this ISO week (its Monday), or past due / later: the ERP splits a
   * PO over weeks. Absent = every receipt line of the PO (and yarn).
   */
  receiptLine: z.union([isoDateSchema, z.enum(['pastDue', 'later'])]).optional(),
  /** Every receipt of the PO (or the one line) arrives in this ISO week (any day of it; normalised to its Monday). */
  moveToWeek: isoDateSchema.optional(),
  /** New quantity still to receive (0 = cancel). */
  qtyLbs: nonNegativeLbs.optional(),
});

const poDraftAddBody = z.object({
  kind: z.literal('poDraftAdd'),
  yarnId: name,
  qtyLbs: positive,
  receiptWeek: isoDateSchema,
  supplier: z.string().trim().max(200).nullable(),
});

const poDraftRemoveBody = z.object({
  kind: z.literal('poDraftRemove'),
  draftId: name,
});

const machineDowntimeBody = z.object({
  kind: z.literal('machineDowntime'),
  machineId: name,
  /** First day down (inclusive). */
  from: isoDateSchema,
  /** Last day down (inclusive). */
  to: isoDateSchema,
});

const knitRateBody = z.object({
  kind: z.literal('knitRate'),
  style: name,
  lbsPerDay: positive.optional(),
  multiplier: positive.optional(),
});

export const demandLayerSchema = z.enum(['knitOrders', 'salesOrders', 'forecast']);
export type DemandLayer = z.infer<typeof demandLayerSchema>;

export const demandTargetSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('style'), style: name }),
  z.object({ by: z.literal('customer'), customer: name }),
  z.object({ by: z.literal('layer'), layer: demandLayerSchema }),
]);
export type DemandTarget = z.infer<typeof demandTargetSchema>;

const demandMultiplierBody = z.object({
  kind: z.literal('demandMultiplier'),
  target: demandTargetSchema,
  multiplier: z.number().finite().min(0).max(100),
});

export const policyValueSchema = z.union([
  z.number().finite(),
  z.string(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.number().finite(), z.string()])),
]);
export type PolicyValue = z.infer<typeof policyValueSchema>;

const policyBody = z.object({
  kind: z.literal('policy'),
  area: name,
  key: name,
  value: policyValueSchema,
});

const bodies = [
  knitOrderBody,
  knitOrderAddBody,
  poReceiptBody,
  poDraftAddBody,
  poDraftRemoveBody,
  machineDowntimeBody,
  knitRateBody,
  demandMultiplierBody,
  policyBody,
] as const;

export const overrideKinds = bodies.map((b) => b.shape.kind.value);

type Body = z.infer<(typeof bodies)[number]>;

/** Checks across fields (kept out of the member schemas so they stay extendable). */
function checkBody(o: Body, ctx: z.core.$RefinementCtx): void {
  const issue = (message: string): void => ctx.addIssue({ code: 'custom', message });
  switch (o.kind) {
    case 'knitOrder':
      if (o.balanceLbs === undefined && !o.startDate && !o.machine && !o.pinMachine && !o.pinStart)
        issue('a knit-order override changes the balance, start date or machine, or pins the order');
      break;
    case 'poReceipt':
      if (!o.moveToWeek && o.qtyLbs === undefined) issue('a PO override moves the receipts to a week or changes the quantity');
      if (o.receiptLine && !o.yarnId) issue("a receipt line is one yarn's: name the yarn");
      break;
    case 'machineDowntime':
      if (o.from > o.to) issue('downtime ends before it starts');
      break;
    case 'knitRate':
      if ((o.lbsPerDay === undefined) === (o.multiplier === undefined)) issue('a rate override gives either lbs/day or a multiplier');
      break;
  }
}

const meta = { id: z.string().trim().min(1).max(64), label: z.string().trim().min(1).max(200) };
const metaOptional = { id: meta.id.optional(), label: meta.label.optional() };

export const overrideSchema = z
  .discriminatedUnion('kind', [
    knitOrderBody.extend(meta),
    knitOrderAddBody.extend(meta),
    poReceiptBody.extend(meta),
    poDraftAddBody.extend(meta),
    poDraftRemoveBody.extend(meta),
    machineDowntimeBody.extend(meta),
    knitRateBody.extend(meta),
    demandMultiplierBody.extend(meta),
    policyBody.extend(meta),
  ])
  .superRefine(checkBody);

/** An override as a caller adds it: the store assigns an id and a default label when they are missing. */
export const overrideInputSchema = z
  .discriminatedUnion('kind', [
    knitOrderBody.extend(metaOptional),
    knitOrderAddBody.extend(metaOptional),
    poReceiptBody.extend(metaOptional),
    poDraftAddBody.extend(metaOptional),
    poDraftRemoveBody.extend(metaOptional),
    machineDowntimeBody.extend(metaOptional),
    knitRateBody.extend(metaOptional),
    demandMultiplierBody.extend(metaOptional),
    policyBody.extend(metaOptional),
  ])
  .superRefine(checkBody);

export type Override = z.infer<typeof overrideSchema>;
export type OverrideInput = z.input<typeof overrideInputSchema>;
export type OverrideKind = Override['kind'];
export type OverrideOf<K extends OverrideKind> = Extract<Override, { kind: K }>;

export const scenarioSchema = z.object({
  /** plan_cache.scenario_id; 0 is the base plan, so scenario ids start at 1. */
  id: z.number().int().positive(),
  snapshotId: z.number().int().positive(),
  name,
  createdAt: z.string().min(1),
  overrides: z.array(overrideSchema),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const scenarioListItemSchema = scenarioSchema.omit({ overrides: true }).extend({ overrideCount: z.number().int() });
export type ScenarioListItem = z.infer<typeof scenarioListItemSchema>;

const fmtLbs = (n: number): string => `${Math.round(n).toLocaleString('en-US')} lbs`;

/** A default human label for an override the planner did not name. */
export function describeOverride(o: Body): string {
  switch (o.kind) {
    case 'knitOrder': {
      const parts = [
        o.balanceLbs !== undefined ? `balance ${fmtLbs(o.balanceLbs)}` : '',
        o.startDate ? `start ${o.startDate}` : '',
        o.machine ? `machine ${o.machine}` : '',
        o.pinMachine ? 'pinned to machine' : '',
        o.pinStart ? 'pinned start' : '',
      ].filter(Boolean);
      return `KO ${o.koNumber}: ${parts.join(', ')}`;
    }
    case 'poReceipt': {
      const parts = [o.moveToWeek ? `arrives week of ${o.moveToWeek}` : '', o.qtyLbs !== undefined ? `qty ${fmtLbs(o.qtyLbs)}` : ''];
      const line = o.receiptLine
        ? `, the receipt ${o.receiptLine === 'pastDue' ? 'past due' : o.receiptLine === 'later' ? 'due later' : `of week ${o.receiptLine}`}`
        : '';
      return `PO ${o.poNumber}${o.yarnId ? ` (yarn ${o.yarnId}${line})` : ''}: ${parts.filter(Boolean).join(', ')}`;
    }
    case 'knitOrderAdd':
      return `New knit order: ${fmtLbs(o.lbs)} of style ${o.style} from ${o.startDate}`;
    case 'poDraftAdd':
      return `New PO: ${fmtLbs(o.qtyLbs)} of yarn ${o.yarnId}${o.supplier ? ` from ${o.supplier}` : ''}, week of ${o.receiptWeek}`;
    case 'poDraftRemove':
      return `Drop PO draft ${o.draftId}`;
    case 'machineDowntime':
      return `Machine ${o.machineId} down ${o.from} to ${o.to}`;
    case 'knitRate':
      return o.lbsPerDay !== undefined ? `Style ${o.style}: ${o.lbsPerDay} lbs/day` : `Style ${o.style}: rate x ${o.multiplier}`;
    case 'demandMultiplier': {
      const t = o.target;
      const what = t.by === 'style' ? `style ${t.style}` : t.by === 'customer' ? `customer ${t.customer}` : `all ${t.layer}`;
      return `Demand of ${what} x ${o.multiplier}`;
    }
    case 'policy':
      return `Policy ${o.area}.${o.key} = ${JSON.stringify(o.value)}`;
  }
}

// ---------- plan summary and comparison ----------

export const summaryYarnSchema = z.object({
  yarnId: z.string(),
  description: z.string(),
  /** Lbs short over the horizon (0 = covered). */
  shortLbs: nonNegativeLbs,
  /** Monday of the first ISO week with a negative projected balance. */
  firstShortWeek: isoDateSchema.nullable(),
  /** Monday of the first week back above zero after it; null = not within the horizon (or never short). */
  recoveryWeek: isoDateSchema.nullable(),
});

export const summarySuggestionSchema = z.object({
  yarnId: z.string(),
  supplier: z.string().nullable(),
  qtyLbs: nonNegativeLbs,
  valueUsd: z.number().finite(),
  /** Monday of the receipt week. */
  receiptWeek: isoDateSchema,
  releaseDate: isoDateSchema,
  /** Cannot arrive in time if released today (expedite). */
  late: z.boolean(),
});

export const summaryOrderSchema = z.object({
  koNumber: z.string(),
  style: z.string(),
  machine: z.string().nullable(),
  /** Planned finish; null when the order could not be scheduled. */
  finish: isoDateSchema.nullable(),
  /** Days from the quoted date to the planned finish (> 0 late); null without a quoted date or schedule. */
  latenessDays: z.number().finite().nullable(),
  balanceLbs: lbs,
  materialShort: z.boolean(),
});

export const summaryWorkCenterSchema = z.object({
  workCenter: z.string(),
  peakUtilisationPct: z.number().finite(),
});

/** The slice of a computed plan that scenarios are compared on (the plan run maps its results onto it). */
export const planSummarySchema = z.object({
  yarns: z.array(summaryYarnSchema),
  suggestions: z.array(summarySuggestionSchema),
  orders: z.array(summaryOrderSchema),
  workCenters: z.array(summaryWorkCenterSchema),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;
export type SummaryYarn = z.infer<typeof summaryYarnSchema>;
export type SummarySuggestion = z.infer<typeof summarySuggestionSchema>;
export type SummaryOrder = z.infer<typeof summaryOrderSchema>;
export type SummaryWorkCenter = z.infer<typeof summaryWorkCenterSchema>;

export const planKpisSchema = z.object({
  yarnsShort: z.number(),
  lbsShort: z.number(),
  suggestionCount: z.number(),
  suggestedValueUsd: z.number(),
  lateSuggestions: z.number(),
  lateOrders: z.number(),
  lbsLate: z.number(),
  materialShortOrders: z.number(),
  peakUtilisationPct: z.number(),
});
export type PlanKpis = z.infer<typeof planKpisSchema>;

const shortageSide = summaryYarnSchema.omit({ yarnId: true, description: true });
export const shortageDiffSchema = z.object({
  yarnId: z.string(),
  description: z.string(),
  change: z.enum(['appears', 'disappears', 'changes']),
  a: shortageSide.nullable(),
  b: shortageSide.nullable(),
  /** b - a (an absent or covered side counts 0). */
  deltaLbs: z.number(),
});
export type ShortageDiff = z.infer<typeof shortageDiffSchema>;

export const suggestionDiffSchema = z.object({
  yarnId: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  a: summarySuggestionSchema.nullable(),
  b: summarySuggestionSchema.nullable(),
  deltaQtyLbs: z.number(),
  deltaValueUsd: z.number(),
});
export type SuggestionDiff = z.infer<typeof suggestionDiffSchema>;

const orderSide = summaryOrderSchema.omit({ koNumber: true, style: true });
export const orderDiffSchema = z.object({
  koNumber: z.string(),
  style: z.string(),
  change: z.enum(['becomesLate', 'becomesOnTime', 'latenessChanged', 'added', 'removed']),
  a: orderSide.nullable(),
  b: orderSide.nullable(),
  /** b - a; null when either side has no lateness. */
  deltaLatenessDays: z.number().nullable(),
});
export type OrderDiff = z.infer<typeof orderDiffSchema>;

export const workCenterDiffSchema = z.object({
  workCenter: z.string(),
  aPeakUtilisationPct: z.number().nullable(),
  bPeakUtilisationPct: z.number().nullable(),
  deltaPct: z.number(),
});
export type WorkCenterDiff = z.infer<typeof workCenterDiffSchema>;

export const planComparisonSchema = z.object({
  a: planKpisSchema,
  b: planKpisSchema,
  /** b - a for every KPI. */
  deltas: planKpisSchema,
  shortages: z.array(shortageDiffSchema),
  suggestions: z.array(suggestionDiffSchema),
  orders: z.array(orderDiffSchema),
  workCenters: z.array(workCenterDiffSchema),
  /** No KPI delta and no row difference beyond the tolerances. */
  identical: z.boolean(),
});
export type PlanComparison = z.infer<typeof planComparisonSchema>;

// ---------- alerts ----------

export const alertSeveritySchema = z.enum(['critical', 'high', 'medium', 'low']);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

export const alertRuleSchema = z.enum(['yarn-short', 'portfolio-critical-yarns', 'wc-overload', 'forecast-deviation', 'late-order', 'data-quality']);
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const alertPageSchema = z.enum(['yarn', 'capacity', 'schedule', 'forecast', 'imports', 'purchasing']);
export type AlertPage = z.infer<typeof alertPageSchema>;

export const alertImpactSchema = z.object({
  /** Lbs affected (short, late, over capacity, off forecast). */
  lbs: z.number(),
  /** Days the lbs are affected (short span, lateness, overloaded weeks x 7). */
  days: z.number(),
  lbsDays: z.number(),
  /** lbs x cost per lb where a cost is known, else 0. */
  valueUsd: z.number(),
  /** Items behind the alert (weeks, yarns, rows). */
  count: z.number(),
});
export type AlertImpact = z.infer<typeof alertImpactSchema>;

export const alertSchema = z.object({
  /** Stable across re-plans and re-imports, e.g. `yarn-short:<yarnId>`: acknowledgements are kept by it. */
  key: z.string(),
  rule: alertRuleSchema,
  severity: alertSeveritySchema,
  title: z.string(),
  /** Plain sentence with the numbers. */
  cause: z.string(),
  impact: alertImpactSchema,
  /** Monday of the first week concerned, when the alert is about weeks. */
  firstWeek: isoDateSchema.nullable(),
  link: z.object({ page: alertPageSchema, params: z.record(z.string(), z.union([z.string(), z.number()])) }),
  acknowledged: z.boolean(),
  /** Not among the previous run's alert keys. */
  isNew: z.boolean(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertAckSchema = z.object({
  alertKey: z.string().min(1).max(300),
  acknowledgedAt: z.string(),
  note: z.string().max(2000).nullable(),
});
export type AlertAck = z.infer<typeof alertAckSchema>;
