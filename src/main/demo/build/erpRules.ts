// The ERP's own report rules (erp-exports-profile §5a, §5b), applied to the generated data so the demo
// folder carries the ERP's computed reports next to its inputs.
import { addDays, isoWeek, mondayOf } from '../../../shared/dates';
import { yarnPolicyDefaults } from '../../../shared/policy/yarn';
import { phaseLbs } from '../../engine/yarn/phasing';
import { toErpBuckets } from '../../engine/yarn/weeks';
import { roundTo } from '../prng';
import type { Buckets, ErpCalendar, GreigeStyle, KnitOrder, KoDemandRow, StyleDemandRow, Yarn, YarnDemandRow, YarnPo, YarnPosition } from '../types';

/** The ERP's own rule: the yarn policy's defaults (6 knitting days a week, half-day units Mon-Fri 2, Sat 1, Sun 0). */
const ERP_RULE = yarnPolicyDefaults;
/** Buckets: This Week, 8 numbered ISO weeks, Later. */
export const NUMBERED_WEEKS = ERP_RULE.erpNumberedWeeks;
export const BUCKETS = NUMBERED_WEEKS + 2;
/** KOs whose live balance is below this are left out of the ERP report (the ERP drops dust such as 0.1 lb). */
export const ERP_MIN_BALANCE_LBS = 1;

export function emptyBuckets(): Buckets {
  return new Array<number>(BUCKETS).fill(0);
}

function usDate(iso: string): string {
  return `${+iso.slice(5, 7)}/${+iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

export function erpCalendar(asOf: string): ErpCalendar {
  const thisWeekMonday = mondayOf(asOf);
  const weekNumbers: number[] = [];
  const fridayHeaders: string[] = [];
  for (let i = 1; i <= NUMBERED_WEEKS; i++) {
    const monday = addDays(thisWeekMonday, 7 * i);
    weekNumbers.push(isoWeek(monday).week);
    fridayHeaders.push(usDate(addDays(monday, 4)));
  }
  return { asOf, thisWeekMonday, weekNumbers, fridayHeaders };
}

/**
 * The ERP's time phasing of one KO (lbs per bucket), the yarn engine's rule (engine/yarn/phasing.ts) on the ERP's
 * layout: start at max(start, today) (blank start = today), weekly capacity 6 x lbs/day pro-rated in the first week
 * by half-day units / 11, no rate = all in the start week, anything past the 8 numbered weeks in Later.
 */
export function scheduleKnitOrder(cal: ErpCalendar, startDate: string | null, balanceLbs: number, lbsPerDay: number | null): Buckets {
  const weeklyCapacityLbs = lbsPerDay !== null && lbsPerDay > 0 ? ERP_RULE.knitDaysPerWeek * lbsPerDay : null;
  return toErpBuckets(phaseLbs(balanceLbs, startDate, weeklyCapacityLbs, cal.asOf, ERP_RULE, NUMBERED_WEEKS + 1), ERP_RULE);
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Yarn_Demand_By_Style_KO: one row per (open KO, ERP BOM yarn), sorted by Style, KO, Yarn. */
export function knitOrderDemand(cal: ErpCalendar, knitOrders: readonly KnitOrder[]): KoDemandRow[] {
  const rows: KoDemandRow[] = [];
  for (const ko of knitOrders) {
    if (ko.apiOnly || !ko.greige.hasErpBom || ko.liveBalanceLbs < ERP_MIN_BALANCE_LBS) continue;
    const phased = scheduleKnitOrder(cal, ko.startDate, ko.liveBalanceLbs, ko.greige.erpLbsPerDay);
    const components = ko.greige.bom.slice().sort((a, b) => a.descId - b.descId);
    for (const c of components) {
      rows.push({
        style: ko.exportedStyle,
        ko: ko.orderNo,
        yarn: c.descId,
        percentage: roundTo(c.fraction * 100, 2),
        buckets: phased.map((lbs) => lbs * c.fraction),
        total: roundTo(ko.liveBalanceLbs * c.fraction, 6),
      });
    }
  }
  rows.sort((a, b) => byText(a.style, b.style) || byText(a.ko, b.ko) || a.yarn - b.yarn);
  return rows;
}

/**
 * Yarn_Demand_By_Style: the KO rows summed per (Style, Yarn), plus zero rows for every ERP BOM yarn of
 * styles whose KOs all have no (reportable) balance.
 */
export function styleDemand(knitOrders: readonly KnitOrder[], koRows: readonly KoDemandRow[]): StyleDemandRow[] {
  const byKey = new Map<string, StyleDemandRow>();
  for (const r of koRows) {
    const key = `${r.style}\u0000${r.yarn}`;
    const row = byKey.get(key);
    if (row) {
      for (let i = 0; i < BUCKETS; i++) row.buckets[i] += r.buckets[i];
      row.total = roundTo(row.total + r.total, 6);
    } else {
      byKey.set(key, { style: r.style, yarn: r.yarn, percentage: r.percentage, buckets: r.buckets.slice(), total: r.total });
    }
  }
  const withDemand = new Set(koRows.map((r) => r.style));
  const zeroStyles = new Map<string, GreigeStyle>();
  for (const ko of knitOrders) {
    if (ko.apiOnly || !ko.greige.hasErpBom || withDemand.has(ko.exportedStyle)) continue;
    zeroStyles.set(ko.exportedStyle, ko.greige);
  }
  for (const [style, greige] of zeroStyles) {
    for (const c of greige.bom) {
      byKey.set(`${style}\u0000${c.descId}`, {
        style,
        yarn: c.descId,
        percentage: roundTo(c.fraction * 100, 2),
        buckets: emptyBuckets(),
        total: 0,
      });
    }
  }
  return [...byKey.values()].sort((a, b) => byText(a.style, b.style) || a.yarn - b.yarn);
}

/** Receipts of one PO per bucket and its "Unscheduled or Past Due" (= balance - scheduled; negative when over-scheduled). */
export function poUnscheduled(po: YarnPo): number {
  let scheduled = 0;
  for (const q of po.schedule) scheduled += q;
  return roundTo(po.balanceLbs - scheduled, 4);
}

/**
 * Yarn_Demand: per yarn, demand from By_Style, receipts from the Expected report, inventory = Theoretical
 * Balance; the weekly chain does not roll in past-due receipts. Sorted by Balance This Week ascending.
 */
export function yarnDemand(
  styleRows: readonly StyleDemandRow[],
  pos: readonly YarnPo[],
  yarns: ReadonlyMap<number, Yarn>,
  positions: ReadonlyMap<number, YarnPosition>,
): YarnDemandRow[] {
  const demand = new Map<number, Buckets>();
  const receipts = new Map<number, Buckets>();
  const pastDue = new Map<number, number>();
  for (const r of styleRows) {
    const d = demand.get(r.yarn) ?? emptyBuckets();
    for (let i = 0; i < BUCKETS; i++) d[i] += r.buckets[i];
    demand.set(r.yarn, d);
  }
  for (const po of pos) {
    const rc = receipts.get(po.descId) ?? emptyBuckets();
    for (let i = 0; i < BUCKETS; i++) rc[i] += po.schedule[i];
    receipts.set(po.descId, rc);
    pastDue.set(po.descId, (pastDue.get(po.descId) ?? 0) + poUnscheduled(po));
  }
  const ids = new Set<number>([...demand.keys(), ...receipts.keys()]);
  const rows: YarnDemandRow[] = [];
  for (const id of ids) {
    const yarn = yarns.get(id);
    const inventory = positions.get(id)?.theoreticalLbs ?? 0;
    const d = demand.get(id) ?? emptyBuckets();
    const rc = receipts.get(id) ?? emptyBuckets();
    const past = roundTo(pastDue.get(id) ?? 0, 4);
    const balances = emptyBuckets();
    let running = inventory;
    let totalDemand = 0;
    let totalReceipts = 0;
    for (let i = 0; i < BUCKETS; i++) {
      running = running - d[i] + rc[i];
      balances[i] = running;
      totalDemand += d[i];
      totalReceipts += rc[i];
    }
    const totalReceipt = past + totalReceipts;
    rows.push({
      yarn: id,
      supplier: yarn?.supplier.erpName ?? '',
      description: (yarn?.description ?? '').trim(),
      color: yarn?.color ?? '',
      inventoryLbs: inventory,
      totalDemand,
      totalReceipt,
      balance: inventory - totalDemand + totalReceipt,
      pastDueReceipts: past,
      demand: d,
      receipts: rc,
      balances,
    });
  }
  rows.sort((a, b) => a.balances[0] - b.balances[0] || a.yarn - b.yarn);
  return rows;
}
