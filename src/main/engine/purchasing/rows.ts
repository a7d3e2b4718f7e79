// Display rows: the classic MRP table of one yarn (one row per week) and flat suggestion rows for grids and goldens.
import { isoWeekLabel, type IsoDate } from '../../../shared/dates';
import type { MrpItemResult, PurchaseSuggestion } from './types';

export interface MrpWeekRow {
  week: number;
  weekStart: IsoDate;
  isoWeek: string;
  grossLbs: number;
  scheduledReceiptsLbs: number;
  projectedOnHandLbs: number;
  safetyStockLbs: number;
  netRequirementLbs: number;
  plannedReceiptLbs: number;
  plannedReleaseLbs: number;
}

export function mrpWeekRows(item: MrpItemResult, weekStarts: IsoDate[]): MrpWeekRow[] {
  const w = item.weeks;
  return weekStarts.map((weekStart, k) => ({
    week: k,
    weekStart,
    isoWeek: isoWeekLabel(weekStart),
    grossLbs: w.gross[k],
    scheduledReceiptsLbs: w.scheduledReceipts[k],
    projectedOnHandLbs: w.projectedOnHand[k],
    safetyStockLbs: w.safetyStock[k],
    netRequirementLbs: w.netRequirement[k],
    plannedReceiptLbs: w.plannedReceipts[k],
    plannedReleaseLbs: w.plannedReleases[k],
  }));
}

export function suggestionRow(s: PurchaseSuggestion): Record<string, string | number> {
  return {
    id: s.id,
    yarnId: s.yarnId,
    supplierId: s.supplierId ?? '',
    supplierName: s.supplierName ?? '',
    qtyLbs: s.qtyLbs,
    lotSizeLbs: s.lotSizeLbs,
    netRequirementLbs: s.netRequirementLbs,
    valueUsd: s.valueUsd,
    receiptWeek: s.receiptWeekLabel,
    receiptDate: s.receiptDate,
    releaseDate: s.releaseDate,
    leadTimeDays: s.leadTimeDays,
    action: s.action,
    lateByDays: s.lateByDays,
    shortageLbs: s.shortageLbs,
    pegging: s.pegging
      .map((p) => `${p.weekStart}:${round(p.lbs)}${p.sources.length ? `[${p.sources.map((x) => `${x.source}=${round(x.lbs)}`).join(';')}]` : ''}`)
      .join(' '),
    unpeggedLbs: s.unpeggedLbs,
    flags: s.flags.join('; '),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
