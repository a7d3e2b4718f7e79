// Open sales orders (eFab_SO_List): finished styles, most of them found in the eFab_Styles bridge.
import { ALIAS_WORDS, UOMS_SO } from '../names';
import { Rng, roundTo } from '../prng';
import type { DemoTargets } from '../targets';
import type { FinishedStyle, KnitOrder, SalesOrder } from '../types';

export function buildSalesOrders(
  seed: number,
  t: DemoTargets,
  asOf: string,
  finished: readonly FinishedStyle[],
  knitOrders: readonly KnitOrder[],
  customers: readonly string[],
  csrs: readonly string[],
): SalesOrder[] {
  const rng = new Rng(seed, 'sales-orders');
  const openBases = new Set(knitOrders.filter((k) => k.liveBalanceLbs > 0).map((k) => k.greige.base));
  const linked = finished.filter((f) => f.gBases.some((b) => openBases.has(b)));
  const yymm = asOf.slice(2, 4) + asOf.slice(5, 7);
  let holdId = 20000 + rng.int(0, 5000);
  const out: SalesOrder[] = [];
  for (let i = 0; i < t.salesOrders; i++) {
    // ~60 % ride on a greige base with an open KO; ~14 % are finished styles the bridge does not know yet.
    let fStyle: string;
    if (rng.chance(0.14)) fStyle = `${rng.pick(['QK', 'TRB', 'MV'])}${rng.int(5000, 5999)}-${rng.int(1, 3)}`;
    else fStyle = (rng.chance(0.7) && linked.length ? rng.pick(linked) : rng.pick(finished)).fStyle;
    const uom = rng.pick(UOMS_SO);
    const ordered = uom === 'panels' ? rng.int(20, 400) : Math.max(20, Math.round(rng.logNormal(600, 1) / 10) * 10);
    const status: SalesOrder['status'] = rng.chance(0.86) ? 'Open' : 'Picked';
    let picked: number | null = status === 'Picked' || rng.chance(0.1) ? roundTo(ordered * rng.range(0.3, 1.08), 1) : 0;
    if (rng.chance(0.02)) picked = null;
    const balance = roundTo(ordered - (picked ?? 0), 1);
    const priceUnit = uom === 'panels' && rng.chance(0.9) ? 'each' : uom;
    const sold = rng.pick(customers);
    holdId += rng.int(1, 40);
    out.push({
      soNo: String(rng.int(0, 5)),
      status,
      csr: rng.pick(csrs),
      unitPrice: roundTo(rng.logNormal(9, 0.35), 2),
      priceUnit,
      cfVersion: rng.chance(0.75)
        ? fStyle
        : rng.chance(0.5)
          ? rng.pick(ALIAS_WORDS)
          : `${rng.int(10, 99)}-${rng.int(10, 99)}-${rng.int(10000, 99999)}`,
      fBase: `${fStyle}/${rng.chance(0.85) ? '0' : rng.int(1, 3)}`,
      holdId,
      onHold: rng.chance(0.13),
      uom,
      ordered,
      pickedShipped: picked,
      balance,
      available: rng.chance(0.015) ? null : rng.chance(0.6) ? 0 : roundTo(rng.range(0, ordered), 1),
      sop: `SP${yymm}${String(rng.int(1, 300)).padStart(3, '0')}/1`,
      customerPo: rng.chance(0.2)
        ? `00${rng.int(1000, 99999)}`
        : rng.chance(0.1)
          ? `${rng.int(100000, 999999)} `
          : `${rng.pick(['B', 'L', 'PO'])}${rng.int(100, 999)}-${rng.int(10, 99)}`,
      soldTo: sold,
      shipTo: rng.chance(0.6) ? sold : `${rng.pick(customers)}${rng.chance(0.2) ? ' ' : ''}`,
    });
  }
  // SO # = S + YYMM of entry + a per-month sequence; the field holds months back from asOf for now.
  const seqByMonth = new Map<number, number>();
  const seqs = out.map((so) => {
    const back = +so.soNo;
    const seq = (seqByMonth.get(back) ?? rng.int(0, 60)) + rng.int(1, 6);
    seqByMonth.set(back, seq);
    return seq;
  });
  const width = Math.max(3, String(Math.max(...seqs)).length);
  const year = +asOf.slice(0, 4);
  const month = +asOf.slice(5, 7);
  out.forEach((so, i) => {
    const m0 = year * 12 + (month - 1) - +so.soNo;
    const mm = String((m0 % 12) + 1).padStart(2, '0');
    const yy = String(Math.floor(m0 / 12) % 100).padStart(2, '0');
    so.soNo = `S${yy}${mm}${String(seqs[i]).padStart(width, '0')}`;
  });
  return out;
}
