// Knit orders (eFab_Knit_Orders + the API export): ~200 at scale 1, ~160 open, some without a machine,
// some machines overloaded, a few stale balances and styles the BOM export does not know.
import { addDays } from '../../../shared/dates';
import { Rng, roundTo } from '../prng';
import type { DemoTargets } from '../targets';
import type { GreigeStyle, KnitOrder, Machine, Scenario } from '../types';
import type { StyleCatalogue } from './styles';

function time(rng: Rng): string {
  const h = String(rng.int(6, 22)).padStart(2, '0');
  const m = String(rng.int(0, 59)).padStart(2, '0');
  const s = String(rng.int(0, 59)).padStart(2, '0');
  return `${h}:${m}:${s}`;
}

export interface KnitOrderBook {
  knitOrders: KnitOrder[];
  scenarios: Scenario[];
}

export function buildKnitOrders(
  seed: number,
  t: DemoTargets,
  asOf: string,
  catalogue: StyleCatalogue,
  machines: readonly Machine[],
  customerCodes: readonly string[],
): KnitOrderBook {
  const rng = new Rng(seed, 'knit-orders');
  const scenarios: Scenario[] = [];
  const current = catalogue.greige.filter((g) => g.current && g.inQuadS);
  const fresh = current.filter((g) => !g.listedInProductionLbs);
  const established = current.filter((g) => g.listedInProductionLbs);
  const byWc = new Map<string, Machine[]>();
  for (const m of machines) {
    if (!m.workCenter) continue;
    const list = byWc.get(m.workCenter) ?? [];
    list.push(m);
    byWc.set(m.workCenter, list);
  }
  const hot = rng.sample(
    machines.filter((m) => m.workCenter),
    Math.max(1, Math.round(t.machines / 57)),
  );
  for (const m of hot) scenarios.push({ kind: 'machine-overloaded', subject: String(m.id), note: 'several open KOs on one machine' });

  // Open KOs cluster on ~0.8 styles per KO; a style can carry 2-3 KOs.
  const styleCount = Math.round(t.openKnitOrders * 0.8);
  const openStyles: GreigeStyle[] = [];
  const picked = new Set<string>();
  while (openStyles.length < styleCount) {
    const pool = rng.chance(0.3) && fresh.length ? fresh : established;
    const g = rng.pick(pool);
    if (picked.has(g.style)) continue;
    picked.add(g.style);
    openStyles.push(g);
  }
  // A few open styles are unknown to the ERP's BOM altogether (no report rows).
  const noBomCandidates = openStyles.filter((g) => !g.inBomExport);
  for (const g of rng.sample(noBomCandidates, Math.max(1, Math.round(t.openKnitOrders / 40)))) {
    g.hasErpBom = false;
    scenarios.push({ kind: 'style-without-erp-bom', subject: g.style, note: 'open KO style has no BOM in the ERP: no demand rows' });
  }
  for (const g of openStyles) {
    if (!g.inBomExport && g.hasErpBom) {
      scenarios.push({ kind: 'style-missing-from-bom-export', subject: g.style, note: 'created after BOM_updated.csv was exported' });
    }
    if (g.erpLbsPerDay === null)
      scenarios.push({ kind: 'style-without-rate', subject: g.style, note: 'no knitting rate: whole balance in the start week' });
  }

  const total = t.knitOrders + t.apiOnlyKnitOrders;
  const knitOrders: KnitOrder[] = [];
  const seqByMonth = new Map<string, number>();
  const zeroStyles = catalogue.greige.filter((g) => g.current && g.inQuadS && g.hasErpBom);
  let apiId = 6000 + rng.int(0, 300);
  let jobId = 32000 + rng.int(0, 900);
  for (let i = 0; i < total; i++) {
    const apiOnly = i >= t.knitOrders;
    const open = apiOnly || i < t.openKnitOrders;
    const greige = apiOnly
      ? rng.pick(established)
      : open
        ? openStyles[i % openStyles.length]
        : rng.chance(0.75)
          ? rng.pick(openStyles)
          : rng.pick(zeroStyles);
    const createdDay = apiOnly
      ? addDays(asOf, rng.int(1, 2))
      : open
        ? addDays(asOf, -Math.round(rng.logNormal(45, 0.8)))
        : addDays(asOf, -rng.int(30, 420));
    const createdAt = `${createdDay}T${time(rng)}`;
    const month = createdDay.slice(2, 4) + createdDay.slice(5, 7);
    const seq = (seqByMonth.get(month) ?? rng.int(0, 5)) + rng.int(1, 3);
    seqByMonth.set(month, seq);
    const orderNo = `K${month}${String(seq).padStart(3, '0')}`;
    const orderedLbs = Math.max(50, roundTo(rng.logNormal(1800, 0.95) / 50, 0) * 50);
    let startDate: string | null;
    if (apiOnly) startDate = addDays(asOf, rng.int(5, 20));
    else if (open) startDate = rng.chance(0.58) ? addDays(asOf, -rng.int(0, 70)) : addDays(asOf, rng.int(1, 45));
    else startDate = addDays(createdDay, rng.int(0, 20));
    if (startDate < createdDay) startDate = createdDay;
    if (!apiOnly && rng.chance(0.026)) startDate = null;
    const started = startDate !== null && startDate < asOf;
    let received = 0;
    if (!open) received = orderedLbs * rng.range(1, 1.04);
    else if (started) received = orderedLbs * rng.range(0, 0.9);
    received = roundTo(received, 1);
    const seconds = received > 0 && rng.chance(0.75) ? roundTo(received * rng.range(0, 0.05), 1) : 0;
    const g00 = received > 0 && rng.chance(0.55) ? roundTo((received + seconds) * rng.range(0.03, 0.35), 1) : 0;
    const shipped = roundTo(received + seconds - g00, 1);
    const live = roundTo(Math.max(0, orderedLbs - g00 - shipped + seconds), 1);
    let machine: number | null = null;
    if (open ? rng.chance(0.84) : rng.chance(0.9)) {
      const sameWc = byWc.get(greige.workCenter);
      if (rng.chance(0.12)) machine = rng.pick(hot).id;
      else if (sameWc && rng.chance(0.82)) machine = rng.pick(sameWc).id;
      else machine = rng.pick(machines).id;
    }
    const zeroPriceWarning = rng.chance(0.16);
    knitOrders.push({
      orderNo,
      exportedStyle: greige.style,
      greige,
      createdAt,
      startDate,
      quotedDate: rng.chance(0.34) && startDate ? addDays(startDate, 7 * rng.int(2, 7)) : null,
      orderedLbs,
      g00Lbs: g00 > 0 ? g00 : rng.chance(0.05) && received > 0 ? 0 : null,
      shippedLbs: shipped > 0 ? shipped : null,
      secondsLbs: seconds > 0 ? seconds : received > 0 && rng.chance(0.1) ? 0 : null,
      balanceLbs: live,
      liveBalanceLbs: live,
      bki: rng.chance(0.36) ? String(44800 + rng.int(0, 700)) : null,
      machine,
      machineAsNumber: machine !== null && rng.chance(0.06),
      po: rng.chance(0.15) ? (rng.chance(0.5) ? String(rng.int(40000, 260000)) : `${rng.pick(['PG', 'ML', 'RX'])}${rng.int(1000, 99999)}`) : null,
      modifiedAt: apiOnly ? `${createdDay}T${time(rng)}` : `${addDays(asOf, -rng.int(1, 10))}T${time(rng)}`,
      zeroPriceWarning,
      knitPrice: zeroPriceWarning ? '0.00' : rng.pick(['0.60', '0.85', '0.85', '1.00', '1.25', '1.40']),
      customerCode: rng.pick(customerCodes),
      jobId: (jobId += rng.int(1, 12)),
      apiId: (apiId += rng.int(1, 4)),
      apiOnly,
    });
  }
  // Duplicate order numbers are impossible in the ERP: make them unique.
  const seen = new Set<string>();
  for (const ko of knitOrders) {
    while (seen.has(ko.orderNo)) ko.orderNo = `K${ko.orderNo.slice(1, 5)}${String(+ko.orderNo.slice(5) + 1).padStart(3, '0')}`;
    seen.add(ko.orderNo);
  }
  const exported = knitOrders.filter((k) => !k.apiOnly);
  const openKos = exported.filter((k) => k.liveBalanceLbs > 0 && k.startDate !== null && k.startDate < asOf);
  // Stale exported balance: the ERP schedules the live one.
  for (const ko of rng.sample(openKos, Math.max(1, Math.round(t.knitOrders / 100)))) {
    ko.balanceLbs = roundTo(ko.liveBalanceLbs + rng.range(80, 600), 1);
    scenarios.push({
      kind: 'stale-ko-balance',
      subject: ko.orderNo,
      note: 'exported Balance is stale; the ERP uses max(0, ordered - (G00 + shipped - seconds))',
    });
  }
  // One KO with a dust balance (0.1 lb): the ERP drops it from its report.
  const dust = rng.pick(exported.filter((k) => k.liveBalanceLbs > 0 && k.shippedLbs !== null && k.balanceLbs === k.liveBalanceLbs));
  dust.shippedLbs = roundTo((dust.shippedLbs ?? 0) + dust.liveBalanceLbs - 0.1, 1);
  dust.liveBalanceLbs = 0.1;
  dust.balanceLbs = 0.1;
  scenarios.push({ kind: 'dust-ko-balance', subject: dust.orderNo, note: 'balance 0.1 lb: left out of the ERP report' });
  // Trailing spaces on ~1 % of exported styles.
  for (const ko of rng.sample(exported, Math.max(1, Math.round(t.knitOrders / 100)))) ko.exportedStyle = `${ko.greige.style} `;
  const noMachine = exported.filter((k) => k.liveBalanceLbs > 0 && k.machine === null);
  for (const ko of noMachine) scenarios.push({ kind: 'ko-without-machine', subject: ko.orderNo, note: 'open KO has no machine' });
  knitOrders.sort((a, b) => (a.exportedStyle < b.exportedStyle ? -1 : a.exportedStyle > b.exportedStyle ? 1 : a.orderNo < b.orderNo ? -1 : 1));
  return { knitOrders, scenarios };
}
