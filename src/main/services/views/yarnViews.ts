// The Yarn page: every yarn's position, the shortage list, and one yarn in detail (weekly picture, pegged knit
// orders, receipts, MRP record, suggestions, substitute yarns).
import { isoWeekLabel } from '../../../shared/dates';
import type { ExpediteNote, Risk, YarnDetailView, YarnPositionView, YarnShortagesView } from '../../../shared/views';
import { findSubstitutes, freeStockFromMrp, mrpWeekRows, parseYarnDescription, type SubstituteYarn } from '../../engine/purchasing';
import type { MrpItemResult } from '../../engine/purchasing/types';
import { NotFoundError } from '../errors';
import type { Plan } from '../jobs/computePlan';
import { suggestionOf } from './suggestions';
import { round, stamp } from './viewKit';
import { positionRows, shortageRows } from './yarnTables';

/** computePlan names an accepted PO draft's receipt `draft <draftId>`. */
const DRAFT_RECEIPT_PREFIX = 'draft ';

export function yarnPositionView(plan: Pick<Plan, 'snapshotId' | 'asOf' | 'computedAt' | 'yarn' | 'purchasing' | 'yarnCostPerLb'>): YarnPositionView {
  const counts: Record<Risk, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
  for (const p of plan.yarn.positions) counts[p.risk]++;
  return { ...stamp(plan), rows: positionRows(plan), counts };
}

export function yarnShortagesView(
  plan: Pick<Plan, 'snapshotId' | 'asOf' | 'computedAt' | 'yarn' | 'purchasing' | 'yarnCostPerLb'>,
): YarnShortagesView {
  return { ...stamp(plan), rows: shortageRows(plan) };
}

// Keyed by the purchasing section: the same object for as long as the plan's revision is unchanged.
const substitutePools = new WeakMap<Plan['purchasing'], Map<string, SubstituteYarn>>();

/** Every yarn of the MRP with its parsed spec and free stock per week (built once per plan). */
function substitutePool(plan: Pick<Plan, 'yarn' | 'purchasing' | 'policy'>): Map<string, SubstituteYarn> {
  let pool = substitutePools.get(plan.purchasing);
  if (pool) return pool;
  pool = new Map();
  const color = new Map(plan.yarn.projection.map((p) => [p.yarnId, p.color]));
  for (const item of plan.purchasing.items) {
    const spec = parseYarnDescription(item.description, color.get(item.yarnId) ?? null, plan.policy.purchasing);
    pool.set(item.yarnId, { yarnId: item.yarnId, spec, freeStockByWeek: freeStockFromMrp(item) });
  }
  substitutePools.set(plan.purchasing, pool);
  return pool;
}

function substitutes(plan: Pick<Plan, 'yarn' | 'purchasing' | 'policy'>, p: Plan['yarn']['projection'][number]): YarnDetailView['substitutes'] {
  const pool = substitutePool(plan);
  const target = pool.get(p.yarnId);
  const shortWeek = p.shortage ? plan.yarn.weeks.indexOf(p.shortage.firstShortWeek) : -1;
  if (!target || !p.shortage || shortWeek < 0) return [];
  const description = new Map(plan.purchasing.items.map((i) => [i.yarnId, i.description]));
  return findSubstitutes(target, { week: shortWeek, lbs: p.shortage.maxDeficitLbs }, [...pool.values()], plan.policy.purchasing)
    .slice(0, 10)
    .map((c) => ({
      yarnId: c.yarnId,
      description: description.get(c.yarnId) ?? '',
      score: round(c.score, 3),
      freeStockLbs: round(c.freeStockLbs),
      coverLbs: round(c.coverLbs),
      criteria: c.criteria.map((k) => ({ criterion: k.criterion, pass: k.pass, factor: k.factor, detail: k.detail })),
    }));
}

export function yarnDetailView(
  plan: Pick<Plan, 'snapshotId' | 'asOf' | 'computedAt' | 'yarn' | 'purchasing' | 'yarnCostPerLb' | 'policy' | 'receiptLines'>,
  { yarnId }: { yarnId: string },
): YarnDetailView {
  const p = plan.yarn.projection.find((x) => x.yarnId === yarnId);
  if (!p) throw new NotFoundError(`yarn ${yarnId} has no demand or receipts in this plan`);
  const pegged = new Map((plan.yarn.pegging.byYarn.find((x) => x.yarnId === yarnId)?.consumers ?? []).map((c) => [c.orderNo, c.lbs]));
  const consumers = plan.yarn.demand.rows
    .filter((r) => r.yarnId === yarnId)
    .map((r) => ({
      orderNo: r.orderNo,
      style: r.style,
      fraction: r.fraction,
      totalLbs: round(r.totalLbs),
      lbsInShortWindow: round(pegged.get(r.orderNo) ?? 0),
      weeks: r.weeklyLbs.map((v) => round(v)),
    }))
    .sort((a, b) => b.lbsInShortWindow - a.lbsInShortWindow || b.totalLbs - a.totalLbs);
  const item = plan.purchasing.items.find((i) => i.yarnId === yarnId);
  return {
    ...stamp(plan),
    yarnId,
    description: p.description,
    supplier: p.supplier,
    position: positionRows(plan).find((r) => r.yarnId === yarnId) ?? null,
    weeks: plan.yarn.weeks,
    demandLbs: p.demand.weeklyLbs.map((v) => round(v)),
    receiptsLbs: p.receipts.weeklyLbs.map((v) => round(v)),
    balanceLbs: p.balanceWeeklyLbs.map((v) => round(v)),
    inventoryLbs: p.inventoryLbs,
    pastDueReceiptsLbs: p.pastDueReceiptsLbs,
    beyondDemandLbs: round(p.demand.beyondLbs),
    beyondReceiptsLbs: round(p.receipts.beyondLbs),
    shortage: shortageRows(plan).find((r) => r.yarnId === yarnId) ?? null,
    consumers,
    receipts: plan.receiptLines
      .filter((r) => r.yarnId === yarnId)
      .map((r) => {
        const isDraft = r.poNo.startsWith(DRAFT_RECEIPT_PREFIX);
        return {
          poNo: isDraft ? r.poNo.slice(DRAFT_RECEIPT_PREFIX.length) : r.poNo,
          isDraft,
          weekStart: r.weekStart,
          lbs: r.lbs,
          pastDue: r.pastDue,
        };
      }),
    mrp: item ? mrpWeekRows(item, plan.purchasing.weekStarts) : [],
    suggestions: (item?.suggestions ?? []).map((s) => suggestionOf(plan, s)),
    expediteNotes: item ? expediteNotes(plan, item) : [],
    substitutes: substitutes(plan, p),
    dataWarnings: plan.yarn.warnings.filter((w) => w.yarnId === yarnId).map((w) => ({ code: w.code, message: w.message })),
  };
}

/** One note per shortage episode inside the lead time (rows sharing a recovery week), its receipts named by PO line. */
export function expediteNotes(plan: Pick<Plan, 'receiptLines' | 'purchasing'>, item: MrpItemResult): ExpediteNote[] {
  const notes = new Map<number, ExpediteNote>();
  for (const u of item.uncovered) {
    const e = u.expedite;
    if (!e || notes.has(e.recoveryWeek)) continue;
    const weeks = new Set(e.receipts.map((r) => r.weekStart));
    const receipts = plan.receiptLines
      .filter((r) => r.yarnId === item.yarnId && r.weekStart !== null && weeks.has(r.weekStart))
      .map((r) => ({ poNo: r.poNo, weekStart: r.weekStart!, lbs: round(r.lbs) }));
    const pos = receipts.map((r) => `PO ${r.poNo} (${Math.round(r.lbs)} lbs due ${isoWeekLabel(r.weekStart)})`).join(', ');
    notes.set(e.recoveryWeek, {
      firstShortWeek: u.weekStart,
      shortWeeks: e.shortWeeks,
      lowestBalanceLbs: round(e.lowestBalanceLbs),
      recoveryWeek: plan.purchasing.weekStarts[e.recoveryWeek],
      receipts,
      text: `Expedite ${pos || 'the open receipts'}: the balance is short for ${e.shortWeeks} week(s) from ${isoWeekLabel(u.weekStart)} (lowest ${Math.round(e.lowestBalanceLbs)} lbs) and no order placed today arrives before ${item.earliestReceiptDate}.`,
    });
  }
  return [...notes.values()];
}
