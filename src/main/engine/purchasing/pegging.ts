// FIFO pegging: which weekly requirements (and demand sources) each planned receipt supplies. Supply lots (opening
// stock, then per week: open receipts before planned receipts) are consumed oldest first by the oldest unmet demand,
// so a planned receipt is pegged to the demand that actually draws on it; what is left is stock build (safety
// stock, lot rounding).
import type { DemandSourceQty, IsoDate, PeggedRequirement } from './types';

export interface PeggingResult {
  /** By receipt week of each planned receipt. */
  pegging: Map<number, PeggedRequirement[]>;
  unpegged: Map<number, number>;
}

export const OPENING_DEFICIT_SOURCE = 'negative opening balance';

export function pegPlannedReceipts(
  startingBalanceLbs: number,
  grossByWeek: number[],
  scheduledByWeek: number[],
  plannedByWeek: number[],
  sourcesByWeek: DemandSourceQty[][] | undefined,
  weekStarts: IsoDate[],
): PeggingResult {
  const pegging = new Map<number, PeggedRequirement[]>();
  const unpegged = new Map<number, number>();
  if (!plannedByWeek.some((q) => q > 0)) return { pegging, unpegged };

  // Supply lots and demand pieces as parallel arrays (this runs for every planned yarn).
  const sWeek: number[] = [];
  const sQty: number[] = [];
  const sPlanned: boolean[] = [];
  const dWeek: number[] = [];
  const dQty: number[] = [];
  const dSource: (string | null)[] = [];
  const supply = (week: number, qty: number, planned: boolean): void => {
    sWeek.push(week);
    sQty.push(qty);
    sPlanned.push(planned);
  };
  const demand = (week: number, qty: number, source: string | null): void => {
    dWeek.push(week);
    dQty.push(qty);
    dSource.push(source);
  };
  // Per planned receipt week: demand week -> pegged lbs and lbs per source.
  const alloc = new Map<number, Map<number, { lbs: number; sources: DemandSourceQty[] | null }>>();
  let si = 0;
  let di = 0;

  if (startingBalanceLbs > 0) supply(-1, startingBalanceLbs, false);
  else if (startingBalanceLbs < 0) demand(0, -startingBalanceLbs, OPENING_DEFICIT_SOURCE);

  for (let k = 0; k < grossByWeek.length; k++) {
    const sched = scheduledByWeek[k] ?? 0;
    if (sched > 0) supply(k, sched, false);
    else if (sched < 0) demand(k, -sched, null);
    const planned = plannedByWeek[k] ?? 0;
    if (planned > 0) supply(k, planned, true);
    let rest = grossByWeek[k] ?? 0;
    const sources = sourcesByWeek?.[k];
    if (sources) {
      for (const src of sources) {
        const q = Math.min(rest, src.lbs);
        if (q > 0) demand(k, q, src.source);
        rest -= q;
      }
    }
    if (rest > 0) demand(k, rest, null);

    while (si < sQty.length && di < dQty.length) {
      const take = Math.min(sQty[si], dQty[di]);
      if (sPlanned[si] && take > 0) {
        let byWeek = alloc.get(sWeek[si]);
        if (!byWeek) alloc.set(sWeek[si], (byWeek = new Map()));
        let cell = byWeek.get(dWeek[di]);
        if (!cell) byWeek.set(dWeek[di], (cell = { lbs: 0, sources: null }));
        cell.lbs += take;
        const source = dSource[di];
        if (source) {
          const list = (cell.sources ??= []);
          const hit = list.find((x) => x.source === source);
          if (hit) hit.lbs += take;
          else list.push({ source, lbs: take });
        }
      }
      sQty[si] -= take;
      dQty[di] -= take;
      if (sQty[si] <= 1e-9) si++;
      if (dQty[di] <= 1e-9) di++;
    }
  }

  plannedByWeek.forEach((qty, week) => {
    if (!(qty > 0)) return;
    const rows: PeggedRequirement[] = [];
    let pegged = 0;
    const byWeek = alloc.get(week);
    if (byWeek) {
      for (const [w, cell] of [...byWeek.entries()].sort((a, b) => a[0] - b[0])) {
        rows.push({ week: w, weekStart: weekStarts[w], lbs: cell.lbs, sources: cell.sources ?? [] });
        pegged += cell.lbs;
      }
    }
    pegging.set(week, rows);
    unpegged.set(week, Math.max(0, qty - pegged));
  });
  return { pegging, unpegged };
}
