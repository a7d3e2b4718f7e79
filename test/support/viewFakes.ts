// Fake planner answers for renderer tests, checked against the contract: every fake goes through its channel's
// output schema, every row builder through its row's schema (a fake the real service could not send fails the
// test, naming the field), and builders fill the fields a test does not care about with plausible values.
import type { z } from 'zod';
import { channels, type ChannelName, type ChannelOutput, type Channels, type Result } from '../../src/shared/contract';
import {
  demandViewSchema,
  scheduledOrderSchema,
  shortageRowSchema,
  yarnPositionRowSchema,
  yarnPositionViewSchema,
  type DemandStyle,
  type DemandView,
  type ScheduledOrderRow,
  type ShortageRow,
  type YarnPositionRow,
  type YarnPositionView,
} from '../../src/shared/views';

/** `data` parsed by `schema`; throws naming the fields that would not pass. */
export function checked<S extends z.ZodType>(what: string, schema: S, data: z.input<S>): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new Error(`fake ${what} does not match its schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** A successful answer of `channel`, parsed by its output schema (throws, naming the field, when it would not pass). */
export function checkedOk<C extends ChannelName>(channel: C, data: z.input<Channels[C]['output']>): Result<ChannelOutput<C>> {
  return { ok: true, data: checked(channel, channels[channel].output, data) as ChannelOutput<C> };
}

export const STAMP = { snapshotId: 1, asOf: '2026-11-21', computedAt: '2026-11-21T08:00:00.000Z' };

export function positionRow(p: Partial<YarnPositionRow> & Pick<YarnPositionRow, 'yarnId'>): YarnPositionRow {
  return checked('yarn position row', yarnPositionRowSchema, {
    description: '',
    supplier: '',
    theoreticalBalanceLbs: 0,
    allocatedLbs: 0,
    onOrderLbs: 0,
    planningBalanceLbs: 0,
    draftLbs: 0,
    weeklyUsageLbs: 0,
    weeklyUsageSource: 'none',
    weeksOfSupply: null,
    risk: 'LOW',
    riskBasis: 'planning balance',
    firstShortWeek: null,
    maxDeficitLbs: 0,
    costPerLb: null,
    ...p,
  });
}

export function yarnPositionView(rows: YarnPositionRow[]): YarnPositionView {
  const counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
  for (const r of rows) counts[r.risk]++;
  return checked('view.yarnPosition', yarnPositionViewSchema, { ...STAMP, rows, counts });
}

export function demandStyle(p: Partial<DemandStyle> & Pick<DemandStyle, 'style'>): DemandStyle {
  return checked('demand style', demandViewSchema.shape.styles.element, {
    styleBase: p.style.split('/')[0],
    bomSource: 'erp-report',
    bomAsOf: null,
    bomLines: [],
    rateLbsPerDay: null,
    rateSource: 'none',
    rateAsOf: null,
    notes: [],
    ...p,
  });
}

export function demandView(p: Partial<DemandView>): DemandView {
  return checked('view.demand', demandViewSchema, {
    ...STAMP,
    byKo: { buckets: [], rows: [] },
    byStyle: { buckets: [], rows: [] },
    byYarn: { buckets: [], rows: [] },
    styles: [],
    skippedOrders: [],
    salesOrders: [],
    salesOrderLayerOn: false,
    forecastLayerOn: false,
    forecastLines: [],
    ...p,
  });
}

export function scheduledOrder(
  p: Partial<ScheduledOrderRow> & Pick<ScheduledOrderRow, 'orderNo' | 'machineId' | 'startDay' | 'endDay'>,
): ScheduledOrderRow {
  return checked('scheduled order', scheduledOrderSchema, {
    style: 'S/1',
    workCenter: '',
    styleWorkCenter: '',
    assignment: 'kept',
    balanceLbs: 1000,
    rateLbsPerDay: 500,
    rateSource: 'erp-report',
    knitDays: 2,
    plannedStart: '2026-11-23',
    plannedFinish: '2026-11-25',
    quotedDate: null,
    latenessDays: null,
    late: false,
    materialShort: false,
    status: 'on time',
    yarns: [],
    why: null,
    ...p,
  });
}

/** A shortage row: every field given (the test states the whole row it formats). */
export function shortageRow(row: ShortageRow): ShortageRow {
  return checked('shortage row', shortageRowSchema, row);
}
