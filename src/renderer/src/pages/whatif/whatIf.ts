// "What if…" from where the planner stands: a PO receipt line late, a knit order moved, a machine down. Each asks
// for one value and becomes a scenario holding that one override, named so the scenario list says what it is.
import { addDays, isIsoDate, mondayOf } from '../../../../shared/dates';
import type { OverrideInput } from '../../../../shared/scenario';
import { formatNumber } from '../../lib/format';

export type WhatIfAsk =
  | {
      kind: 'poLate';
      poNo: string;
      yarnId: string;
      /** The receipt line as the PO override names it: its week's Monday, 'pastDue' or 'later'. */
      receiptLine: string;
      /** 1-based position of the line among the PO's open receipt lines of the yarn, by week. */
      lineNo: number;
      /** The line's due week (Monday); null for past-due lines (they count from the as-of date). */
      weekStart: string | null;
      lbs: number;
      asOf: string;
    }
  | { kind: 'orderMoves'; orderNo: string; plannedStart: string }
  | { kind: 'machineDown'; machineId: string; asOf: string };

/** The dialog's fields: days late (poLate), the new start (orderMoves), first and last day down (machineDown). */
export interface WhatIfValues {
  days?: string;
  start?: string;
  from?: string;
  to?: string;
}

export function defaultValues(ask: WhatIfAsk): WhatIfValues {
  switch (ask.kind) {
    case 'poLate':
      return { days: '14' };
    case 'orderMoves':
      return { start: addDays(ask.plannedStart, 7) };
    case 'machineDown':
      return { from: ask.asOf, to: addDays(ask.asOf, 13) };
  }
}

export type WhatIfBuilt = { ok: true; name: string; override: OverrideInput } | { ok: false; error: string };

export function buildWhatIf(ask: WhatIfAsk, v: WhatIfValues): WhatIfBuilt {
  const fail = (error: string): WhatIfBuilt => ({ ok: false, error });
  switch (ask.kind) {
    case 'poLate': {
      const text = (v.days ?? '').trim();
      const days = Number(text);
      if (!/^\d+$/.test(text) || days < 1 || days > 365) return fail('Days late: a whole number from 1 to 365.');
      const due = ask.weekStart ?? ask.asOf;
      return {
        ok: true,
        name: `PO ${ask.poNo} line ${ask.lineNo} late ${days} days`,
        override: { kind: 'poReceipt', poNumber: ask.poNo, yarnId: ask.yarnId, receiptLine: ask.receiptLine, moveToWeek: addDays(due, days) },
      };
    }
    case 'orderMoves': {
      const start = (v.start ?? '').trim();
      if (!isIsoDate(start)) return fail('New start: a date as YYYY-MM-DD.');
      return {
        ok: true,
        name: `Order ${ask.orderNo} starts ${start}`,
        override: { kind: 'knitOrder', koNumber: ask.orderNo, startDate: start, pinStart: true },
      };
    }
    case 'machineDown': {
      const from = (v.from ?? '').trim();
      const to = (v.to ?? '').trim();
      if (!isIsoDate(from) || !isIsoDate(to)) return fail('Down from / to: dates as YYYY-MM-DD.');
      if (to < from) return fail('The last day down is before the first.');
      return {
        ok: true,
        name: `Machine ${ask.machineId} down ${from} to ${to}`,
        override: { kind: 'machineDowntime', machineId: ask.machineId, from, to },
      };
    }
  }
}

/**
 * The dialog's subtitle. A past-due line comes from the ERP's "Unscheduled or Past Due" column, which carries no due
 * date, so it is called past due as of the as-of date rather than given a date it does not have.
 */
export function whatIfSubtitle(ask: WhatIfAsk): string {
  switch (ask.kind) {
    case 'poLate': {
      const due = ask.weekStart ? `due the week of ${ask.weekStart}` : `past due on the as-of date ${ask.asOf} (the ERP gives no due date)`;
      return `PO ${ask.poNo} line ${ask.lineNo}: ${formatNumber(ask.lbs)} lbs of yarn ${ask.yarnId}, ${due}`;
    }
    case 'orderMoves':
      return `Knit order ${ask.orderNo}, planned to start ${ask.plannedStart}; the new start is pinned`;
    case 'machineDown':
      return `Machine ${ask.machineId}: no knitting on the days down; its orders move`;
  }
}

/** What the days late count from, and where the line lands with the days entered (poLate). */
export function daysLateHint(ask: Extract<WhatIfAsk, { kind: 'poLate' }>, v: WhatIfValues): string {
  const from = ask.weekStart ? `its due week ${ask.weekStart}` : `the as-of date ${ask.asOf}, as it is past due`;
  const built = buildWhatIf(ask, v);
  const lands =
    built.ok && built.override.kind === 'poReceipt' && built.override.moveToWeek
      ? `: it arrives the week of ${mondayOf(built.override.moveToWeek)}`
      : '';
  return `Days late count from ${from}${lands}.`;
}

/** Each receipt's line number among the same PO's receipts (by week, past due first), 1-based. */
export function receiptLineNumbers<R extends { poNo: string; weekStart: string | null; pastDue: boolean }>(receipts: readonly R[]): Map<R, number> {
  const byPo = new Map<string, R[]>();
  for (const r of receipts) byPo.set(r.poNo, [...(byPo.get(r.poNo) ?? []), r]);
  const out = new Map<R, number>();
  for (const list of byPo.values()) {
    list
      .slice()
      .sort((a, b) => Number(b.pastDue) - Number(a.pastDue) || (a.weekStart ?? '9999').localeCompare(b.weekStart ?? '9999'))
      .forEach((r, i) => out.set(r, i + 1));
  }
  return out;
}
