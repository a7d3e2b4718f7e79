// Time-phased netting of one yarn: the classic MRP rows (gross requirement, scheduled receipts, projected on hand,
// safety stock, net requirement, planned receipt, planned release) and the purchase suggestions they imply.
import { fromDayNumber, isoWeekLabel, toDayNumber, type IsoDate } from '../../../shared/dates';
import type { PurchasingPolicy } from '../../../shared/policy/purchasing';
import { lotSize, roundOrderQty } from './lotSizing';
import { pegPlannedReceipts } from './pegging';
import { mean, safetyStockLbs } from './safetyStock';
import type {
  ExpediteReceipt,
  MrpItem,
  MrpItemResult,
  MrpItemStatus,
  NoSuggestionCode,
  PurchaseSuggestion,
  ResolvedSupply,
  UncoveredRequirement,
} from './types';

export interface NettingContext {
  asOf: IsoDate;
  /** Monday of each horizon week; length = horizon. */
  weekStarts: IsoDate[];
  policy: PurchasingPolicy;
  /** Built once per run by `nettingContext` (date strings are only made for suggestions). */
  calendar?: Calendar;
}

interface Calendar {
  asOfDay: number;
  week0Day: number;
  /** Day number of week k's receipt date = week0Day + receiptOffset + 7k. */
  receiptOffset: number;
  weekLabels: string[];
  /** ISO strings of day numbers already formatted (receipt, release and earliest dates repeat across yarns). */
  isoByDay: Map<number, IsoDate>;
}

function isoOfDay(cal: Calendar, day: number): IsoDate {
  let iso = cal.isoByDay.get(day);
  if (iso === undefined) cal.isoByDay.set(day, (iso = fromDayNumber(day)));
  return iso;
}

export function nettingContext(asOf: IsoDate, weekStarts: IsoDate[], policy: PurchasingPolicy): NettingContext {
  const calendar: Calendar = {
    asOfDay: toDayNumber(asOf),
    week0Day: toDayNumber(weekStarts[0]),
    receiptOffset: policy.receiptWeekday - 1,
    weekLabels: weekStarts.map(isoWeekLabel),
    isoByDay: new Map(),
  };
  return { asOf, weekStarts, policy, calendar };
}

function padded(values: number[] | undefined, length: number): number[] {
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    const v = values?.[i];
    out[i] = typeof v === 'number' && Number.isFinite(v) ? v : 0;
  }
  return out;
}

export function netItem(item: MrpItem, supply: ResolvedSupply, ctx: NettingContext): MrpItemResult {
  const { policy, weekStarts } = ctx;
  const cal = ctx.calendar ?? nettingContext(ctx.asOf, weekStarts, policy).calendar!;
  const H = weekStarts.length;
  const eps = policy.epsilonLbs;
  const gross = padded(item.grossByWeek, H);
  const sched = padded(item.scheduledReceiptsByWeek, H);
  const start = item.onHandLbs + (policy.countPastDueReceipts ? item.pastDueReceiptsLbs : 0);
  const leadTimeDays = Math.max(0, Math.round(supply.leadTimeDays.value));
  const avgGross = mean(gross);
  const ss = safetyStockLbs(supply.safetyStock.value, gross, item.demandHistoryByWeek, leadTimeDays);
  const earliestReceiptDay = cal.asOfDay + leadTimeDays;
  const earliestWeek = Math.max(0, Math.ceil((earliestReceiptDay - cal.week0Day - cal.receiptOffset) / 7));
  let earliestReceiptDate: IsoDate | null = null;
  const earliestDate = (): IsoDate => (earliestReceiptDate ??= isoOfDay(cal, earliestReceiptDay));

  const projected = new Array<number>(H).fill(0);
  const net = new Array<number>(H).fill(0);
  const planned = new Array<number>(H).fill(0);
  const releases = new Array<number>(H).fill(0);
  const lots = new Map<number, { lotLbs: number; note?: string }>();
  const uncovered: UncoveredRequirement[] = [];
  let pastDueRelease = 0;

  let balance = start;
  for (let w = 0; w < H; w++) {
    let avail = balance + sched[w] - gross[w];
    // A deficit left uncovered earlier is carried in the balance; only its increase is a new net requirement.
    const carried = w === 0 ? 0 : Math.max(0, ss - balance);
    const nr = Math.max(0, Math.max(0, ss - avail) - carried);
    if (nr > eps) {
      net[w] = nr;
      const late = w < earliestWeek;
      const recoveredAt = late && policy.skipLateOrdersRecoveredByReceipts ? recoveryWeek(avail, w, earliestWeek, sched, gross, ss, eps) : -1;
      if (supply.blocked) {
        uncovered.push(uncoveredRow(w, nr, supply.blocked, blockedDetail(supply), weekStarts));
      } else if (recoveredAt >= 0) {
        uncovered.push(expediteRow(w, nr, avail, recoveredAt, sched, gross, ss, weekStarts, cal.weekLabels, earliestDate()));
      } else {
        const lot = lotSize(supply.lotSizing.value, {
          week: w,
          netRequirementLbs: nr,
          balanceBeforeLbs: balance,
          grossByWeek: gross,
          scheduledByWeek: sched,
          safetyStockLbs: ss,
          averageWeeklyGrossLbs: avgGross,
          costPerLb: item.costPerLb,
          weeksPerYear: policy.weeksPerYear,
        });
        const qty = roundOrderQty(lot.lotLbs, supply.moqLbs.value, supply.orderMultipleLbs.value);
        planned[w] = qty;
        lots.set(w, lot);
        avail += qty;
        const releaseWeek = Math.floor((cal.receiptOffset + 7 * w - leadTimeDays) / 7);
        if (releaseWeek < 0) pastDueRelease += qty;
        else releases[releaseWeek] += qty;
      }
    }
    projected[w] = avail;
    balance = avail;
  }

  const pegs = pegPlannedReceipts(start, gross, sched, planned, item.demandSourcesByWeek, weekStarts);
  const description = item.description ?? '';
  const suggestions: PurchaseSuggestion[] = [];
  for (let w = 0; w < H; w++) {
    if (!(planned[w] > 0)) continue;
    const receiptDay = cal.week0Day + cal.receiptOffset + 7 * w;
    const lateByDays = Math.max(0, cal.asOfDay - (receiptDay - leadTimeDays));
    const lot = lots.get(w) ?? { lotLbs: planned[w] };
    let flags = supply.flags; // shared until a suggestion adds its own
    if (lot.note) flags = [...flags, lot.note];
    if (earliestWeek >= H)
      flags = [...flags, `lead time ${leadTimeDays} d is longer than the horizon: no order placed today arrives before ${earliestDate()}`];
    suggestions.push({
      id: `${item.yarnId}@${weekStarts[w]}`,
      yarnId: item.yarnId,
      description,
      supplierId: supply.supplier.supplierId,
      supplierName: supply.supplier.supplierName ?? (item.supplierName?.trim() || null),
      qtyLbs: planned[w],
      costPerLb: item.costPerLb,
      valueUsd: planned[w] * item.costPerLb,
      netRequirementLbs: net[w],
      lotSizeLbs: lot.lotLbs,
      lotSizing: supply.lotSizing.value.kind,
      receiptWeek: w,
      receiptWeekLabel: cal.weekLabels[w],
      receiptDate: isoOfDay(cal, receiptDay),
      releaseDate: isoOfDay(cal, receiptDay - leadTimeDays),
      leadTimeDays,
      earliestReceiptDate: earliestDate(),
      action: lateByDays > 0 ? 'expedite' : 'release',
      lateByDays,
      shortageLbs: 0,
      pegging: pegs.pegging.get(w) ?? [],
      unpeggedLbs: pegs.unpegged.get(w) ?? 0,
      flags,
    });
  }
  assignShortages(suggestions, projected, planned, earliestWeek, H);

  const { status, statusDetail } = itemStatus(item, gross, ss, suggestions, uncovered, eps);
  return {
    yarnId: item.yarnId,
    description,
    supply,
    startingBalanceLbs: start,
    safetyStockLbs: ss,
    earliestReceiptDate: earliestDate(),
    earliestReceiptWeek: earliestWeek,
    weeks: {
      gross,
      scheduledReceipts: sched,
      projectedOnHand: projected,
      safetyStock: new Array<number>(H).fill(ss),
      netRequirement: net,
      plannedReceipts: planned,
      plannedReleases: releases,
    },
    pastDueReleaseLbs: pastDueRelease,
    suggestions,
    uncovered,
    status,
    statusDetail,
  };
}

/** First week in (w, earliestWeek] where open receipts alone bring the balance back to safety stock, else -1. */
function recoveryWeek(avail: number, w: number, earliestWeek: number, sched: number[], gross: number[], ss: number, eps: number): number {
  let x = avail;
  const last = Math.min(earliestWeek, gross.length - 1);
  for (let k = w + 1; k <= last; k++) {
    x += sched[k] - gross[k];
    if (x >= ss - eps) return k;
  }
  return -1;
}

/**
 * A shortage inside the lead time that open receipts end by `recoveredAt`: no order placed today helps, so the advice is
 * to pull those receipts in. Names them (week and lbs), the lowest projected balance and for how many weeks it stays
 * below safety stock, so the planner sees what to expedite rather than nothing.
 */
function expediteRow(
  w: number,
  nr: number,
  avail: number,
  recoveredAt: number,
  sched: number[],
  gross: number[],
  ss: number,
  weekStarts: IsoDate[],
  weekLabels: string[],
  earliestDate: IsoDate,
): UncoveredRequirement {
  let x = avail;
  let lowestBalanceLbs = avail;
  for (let k = w + 1; k < recoveredAt; k++) {
    x += sched[k] - gross[k];
    lowestBalanceLbs = Math.min(lowestBalanceLbs, x);
  }
  const receipts: ExpediteReceipt[] = [];
  for (let k = w + 1; k <= recoveredAt; k++) if (sched[k] > 0) receipts.push({ week: k, weekStart: weekStarts[k], lbs: sched[k] });
  const shortWeeks = recoveredAt - w;
  const due = receipts.map((r) => `${Math.round(r.lbs)} lbs due ${weekLabels[r.week]}`).join(', ');
  const below = ss > 0 ? `below safety stock (${Math.round(ss)} lbs)` : 'short';
  const detail =
    `${below} for ${shortWeeks} week(s) from ${weekLabels[w]}, lowest balance ${Math.round(lowestBalanceLbs)} lbs; ` +
    `an order placed today cannot arrive before ${earliestDate}, the open receipts (${due}) restore the balance in ${weekLabels[recoveredAt]}: expedite them`;
  return {
    ...uncoveredRow(w, nr, 'within lead time', detail, weekStarts),
    expedite: { lowestBalanceLbs, shortWeeks, recoveryWeek: recoveredAt, receipts },
  };
}

function uncoveredRow(week: number, lbs: number, reason: NoSuggestionCode, detail: string, weekStarts: IsoDate[]): UncoveredRequirement {
  return { week, weekStart: weekStarts[week], lbs, reason, detail };
}

function blockedDetail(supply: ResolvedSupply): string {
  if (supply.blocked === 'retired supplier') return `supplier ${supply.supplier.supplierName} is retired: map the yarn to an active supplier`;
  if (supply.supplier.method === 'manual') return 'the planner set this yarn to "no supplier"';
  const name = supply.supplier.inputName.trim();
  return name ? `supplier "${name}" is not in the supplier master: add a supplier mapping` : 'the yarn has no supplier';
}

/**
 * The stock-out a late order leaves: with every late order (receipt before the earliest possible receipt week)
 * taken out, the deepest projected balance below zero before that week. Each late suggestion gets the increase of
 * that depth within its own weeks, so the item's total is not counted twice.
 */
function assignShortages(suggestions: PurchaseSuggestion[], projected: number[], planned: number[], earliestWeek: number, H: number): void {
  const late = suggestions.filter((s) => s.receiptWeek < earliestWeek);
  if (!late.length) return;
  const end = Math.min(earliestWeek, H);
  const deficit = new Array<number>(end).fill(0);
  let removed = 0;
  for (let k = 0; k < end; k++) {
    removed += planned[k];
    deficit[k] = Math.max(0, -(projected[k] - removed));
  }
  let deepest = 0;
  late.forEach((s, i) => {
    const to = i + 1 < late.length ? late[i + 1].receiptWeek : end;
    let m = deepest;
    for (let k = s.receiptWeek; k < to; k++) m = Math.max(m, deficit[k]);
    s.shortageLbs = m - deepest;
    deepest = m;
  });
}

function itemStatus(
  item: MrpItem,
  gross: number[],
  ss: number,
  suggestions: PurchaseSuggestion[],
  uncovered: UncoveredRequirement[],
  eps: number,
): { status: MrpItemStatus; statusDetail: string } {
  if (uncovered.length) {
    const byReason = new Map<NoSuggestionCode, number>();
    for (const u of uncovered) byReason.set(u.reason, (byReason.get(u.reason) ?? 0) + u.lbs);
    const parts = [...byReason.entries()].map(([r, lbs]) => `${r} (${Math.round(lbs)} lbs uncovered)`);
    const also = suggestions.length ? `; ${suggestions.length} order(s) suggested for later weeks` : '';
    return { status: 'uncovered', statusDetail: `no suggestion: ${parts.join(', ')}: ${uncovered[0].detail}${also}` };
  }
  if (suggestions.length) {
    const late = suggestions.filter((s) => s.action === 'expedite').length;
    const lbs = suggestions.reduce((s, x) => s + x.qtyLbs, 0);
    return { status: 'planned', statusDetail: `${suggestions.length} order(s), ${Math.round(lbs)} lbs${late ? `, ${late} late (expedite)` : ''}` };
  }
  let onHandOnly = item.onHandLbs;
  for (let k = 0; k < gross.length; k++) {
    onHandOnly -= gross[k];
    if (onHandOnly < ss - eps) {
      return { status: 'covered by existing receipts', statusDetail: 'short on stock alone, but open receipts cover every week: no suggestion' };
    }
  }
  return { status: 'no requirement', statusDetail: 'stock covers the horizon' };
}
