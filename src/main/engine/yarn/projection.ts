// Projected yarn balance, the ERP's Yarn_Demand rule (erp-exports-profile 5b) on the extended horizon:
// rows = yarns with demand (zero rows included) + yarns with expected receipts; Inventory = Theoretical Balance;
// Balance week 0 = Inventory - Demand + Receipts, then chained; past-due receipts stay out of the chain (policy);
// Total Receipt = Past Due + all receipts; Balance = Inventory - Total Demand + Total Receipt.
// Per yarn: first short week, deficits, recovery week and the next receipt worth expediting.
import { addDays, type IsoDate } from '../../../shared/dates';
import type { YarnPolicy } from '../../../shared/policy/yarn';
import { compareIds } from './keys';
import type { ExpectedReceipt, ExpediteCandidate, Warning, WeeklySeries, YarnInventory, YarnProjection, YarnShortage } from './types';
import type { PlanWeeks } from '../calendar';
import { addSeries, emptySeries, seriesTotal, weekIndex } from './weeks';

interface ScheduledReceipt {
  poNo: string;
  /** null = undated "Later". */
  weekIndex: number | null;
  lbs: number;
}

export interface YarnReceipts {
  yarnId: string;
  pastDueLbs: number;
  series: WeeklySeries;
  scheduled: ScheduledReceipt[];
}

/**
 * Expected receipts per yarn on the plan weeks. A receipt dated before the as-of week counts as past due, and so does
 * a week receipt without a date (the import dates every one; warned if not).
 */
export function phaseReceipts(receipts: ExpectedReceipt[], planWeeks: PlanWeeks): { byYarn: Map<string, YarnReceipts>; warnings: Warning[] } {
  const { asOf } = planWeeks;
  const weeks = planWeeks.weekStarts.length;
  const byYarn = new Map<string, YarnReceipts>();
  const warnings: Warning[] = [];
  for (const receipt of receipts) {
    const yarnId = receipt.yarnId.trim();
    let entry = byYarn.get(yarnId);
    if (!entry) byYarn.set(yarnId, (entry = { yarnId, pastDueLbs: 0, series: emptySeries(weeks), scheduled: [] }));
    const lbs = receipt.qtyLbs;
    if (receipt.bucket === 'pastDue') {
      entry.pastDueLbs += lbs || 0;
      continue;
    }
    if (!lbs) continue;
    if (receipt.bucket === 'later') {
      entry.series.beyondLbs += lbs;
      entry.scheduled.push({ poNo: receipt.poNumber, weekIndex: null, lbs });
      continue;
    }
    const w = receipt.weekStart === null ? -1 : weekIndex(asOf, receipt.weekStart);
    if (w < 0) {
      entry.pastDueLbs += lbs;
      warnings.push({
        code: 'receipt-in-past',
        message:
          receipt.weekStart === null
            ? `PO ${receipt.poNumber}: ${lbs} lbs scheduled for a week without a date; counted as past due`
            : `PO ${receipt.poNumber}: ${lbs} lbs scheduled for the week of ${receipt.weekStart}, before the as-of week; counted as past due`,
        yarnId,
      });
      continue;
    }
    if (w < weeks) entry.series.weeklyLbs[w] += lbs;
    else entry.series.beyondLbs += lbs;
    entry.scheduled.push({ poNo: receipt.poNumber, weekIndex: w, lbs });
  }
  return { byYarn, warnings };
}

function analyseShortage(
  balances: number[],
  receipts: YarnReceipts | undefined,
  weeks: IsoDate[],
  pastDueLbs: number,
  policy: YarnPolicy,
): YarnShortage | null {
  const threshold = policy.shortageBelowLbs;
  const first = balances.findIndex((b) => b < threshold);
  if (first < 0) return null;
  let maxAt = first;
  for (let w = first; w < balances.length; w++) if (balances[w] < balances[maxAt]) maxAt = w;
  let recovery = -1;
  for (let w = first + 1; w < balances.length; w++)
    if (balances[w] >= threshold) {
      recovery = w;
      break;
    }
  const deficit = threshold - balances[first];
  const candidates: ExpediteCandidate[] = (receipts?.scheduled ?? [])
    .filter((r) => r.lbs > 0 && (r.weekIndex === null || r.weekIndex > first))
    .sort((a, b) => (a.weekIndex ?? Infinity) - (b.weekIndex ?? Infinity) || (a.poNo < b.poNo ? -1 : 1))
    .map((r) => ({
      poNo: r.poNo,
      weekMonday: r.weekIndex === null ? null : addDays(weeks[0], 7 * r.weekIndex),
      lbs: r.lbs,
      usefulLbs: Math.min(r.lbs, deficit),
    }));
  return {
    firstShortWeek: weeks[first],
    deficitAtFirstShortLbs: deficit,
    maxDeficitLbs: threshold - balances[maxAt],
    maxDeficitWeek: weeks[maxAt],
    recoveryWeek: recovery < 0 ? null : weeks[recovery],
    nextReceipt: candidates[0] ?? null,
    laterReceipts: candidates.slice(1),
    pastDueReceiptsLbs: pastDueLbs,
  };
}

/**
 * Per yarn projected balance. `demand` may hold several entries per yarn (e.g. one per KO x yarn row); they are summed.
 * `extraYarnIds` adds rows without demand (the ERP's zero rows for BOM yarns of styles whose KOs have no balance).
 */
export function projectYarnBalances(
  input: {
    demand: ({ yarnId: string } & WeeklySeries)[];
    extraYarnIds?: string[];
    receipts: ExpectedReceipt[];
    yarns: YarnInventory[];
  },
  planWeeks: PlanWeeks,
  policy: YarnPolicy,
): { projections: YarnProjection[]; warnings: Warning[] } {
  const weeks = planWeeks.weekStarts;
  const horizon = weeks.length;
  const demandByYarn = new Map<string, WeeklySeries>();
  for (const d of input.demand) {
    const yarnId = d.yarnId.trim();
    let series = demandByYarn.get(yarnId);
    if (!series) demandByYarn.set(yarnId, (series = emptySeries(horizon)));
    addSeries(series, d);
  }
  for (const id of input.extraYarnIds ?? []) if (!demandByYarn.has(id.trim())) demandByYarn.set(id.trim(), emptySeries(horizon));
  const { byYarn: receiptsByYarn, warnings } = phaseReceipts(input.receipts, planWeeks);
  const inventoryByYarn = new Map(input.yarns.map((y) => [y.yarnId.trim(), y]));

  const yarnIds = [...new Set([...demandByYarn.keys(), ...receiptsByYarn.keys()])].sort(compareIds);
  const projections = yarnIds.map((yarnId): YarnProjection => {
    const inv = inventoryByYarn.get(yarnId);
    const demand = demandByYarn.get(yarnId) ?? emptySeries(horizon);
    const rec = receiptsByYarn.get(yarnId);
    const receipts = rec?.series ?? emptySeries(horizon);
    const pastDue = rec?.pastDueLbs ?? 0;
    const inventoryLbs = inv?.theoreticalBalanceLbs ?? 0;

    let balance = inventoryLbs + (policy.pastDueReceiptsInChain ? pastDue : 0);
    const balanceWeeklyLbs = demand.weeklyLbs.map((d, w) => (balance += receipts.weeklyLbs[w] - d));
    const balanceEndLbs = balance + receipts.beyondLbs - demand.beyondLbs;
    const totalDemandLbs = seriesTotal(demand);
    const totalReceiptLbs = pastDue + seriesTotal(receipts);
    return {
      yarnId,
      supplier: inv?.supplier ?? '',
      description: inv?.description ?? '',
      color: inv?.color ?? '',
      inventoryLbs,
      inInventory: inv !== undefined,
      pastDueReceiptsLbs: pastDue,
      demand,
      receipts,
      balanceWeeklyLbs,
      balanceEndLbs,
      totalDemandLbs,
      totalReceiptLbs,
      balanceLbs: inventoryLbs - totalDemandLbs + totalReceiptLbs,
      shortage: analyseShortage(balanceWeeklyLbs, rec, weeks, pastDue, policy),
    };
  });
  return { projections, warnings };
}
