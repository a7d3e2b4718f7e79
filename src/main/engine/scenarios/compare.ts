// Side-by-side comparison of two plans (base vs scenario, or any two scenarios): KPIs for each side, their deltas
// (b - a), and the rows that differ — shortages that appear, disappear or change, purchase suggestions added,
// removed or changed, orders that become late or on time, work centers whose peak load moves.
import { alertsPolicyDefaults, type AlertsPolicy } from '../../../shared/policy/alerts';
import type {
  OrderDiff,
  PlanComparison,
  PlanKpis,
  PlanSummary,
  ShortageDiff,
  SuggestionDiff,
  SummaryOrder,
  SummarySuggestion,
  SummaryYarn,
  WorkCenterDiff,
} from '../../../shared/scenario';

export type { PlanSummary, PlanComparison, PlanKpis } from '../../../shared/scenario';

type Tolerances = Pick<
  AlertsPolicy,
  'compareToleranceLbs' | 'compareToleranceUsd' | 'compareToleranceDays' | 'compareToleranceUtilisationPct' | 'lateOrderMinDays'
>;

const isShort = (y: SummaryYarn, p: Tolerances): boolean => y.shortLbs > p.compareToleranceLbs;
const isLate = (o: SummaryOrder, p: Tolerances): boolean => o.latenessDays !== null && o.latenessDays > p.lateOrderMinDays;
const byId = <T>(rows: T[], id: (r: T) => string): Map<string, T> => new Map(rows.map((r) => [id(r), r]));
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function planKpis(s: PlanSummary, policy: Tolerances = alertsPolicyDefaults): PlanKpis {
  const short = s.yarns.filter((y) => isShort(y, policy));
  const late = s.orders.filter((o) => isLate(o, policy));
  return {
    yarnsShort: short.length,
    lbsShort: short.reduce((t, y) => t + y.shortLbs, 0),
    suggestionCount: s.suggestions.length,
    suggestedValueUsd: s.suggestions.reduce((t, x) => t + x.valueUsd, 0),
    lateSuggestions: s.suggestions.filter((x) => x.late).length,
    lateOrders: late.length,
    lbsLate: late.reduce((t, o) => t + o.balanceLbs, 0),
    materialShortOrders: s.orders.filter((o) => o.materialShort).length,
    peakUtilisationPct: s.workCenters.reduce((m, w) => Math.max(m, w.peakUtilisationPct), 0),
  };
}

function compareShortages(a: PlanSummary, b: PlanSummary, p: Tolerances): ShortageDiff[] {
  const ma = byId(a.yarns, (y) => y.yarnId);
  const mb = byId(b.yarns, (y) => y.yarnId);
  const out: ShortageDiff[] = [];
  for (const yarnId of new Set([...ma.keys(), ...mb.keys()])) {
    const ya = ma.get(yarnId);
    const yb = mb.get(yarnId);
    const sa = ya && isShort(ya, p) ? ya : null;
    const sb = yb && isShort(yb, p) ? yb : null;
    if (!sa && !sb) continue;
    const deltaLbs = (sb?.shortLbs ?? 0) - (sa?.shortLbs ?? 0);
    let change: ShortageDiff['change'];
    if (!sa) change = 'appears';
    else if (!sb) change = 'disappears';
    else if (Math.abs(deltaLbs) > p.compareToleranceLbs || sa.firstShortWeek !== sb.firstShortWeek || sa.recoveryWeek !== sb.recoveryWeek)
      change = 'changes';
    else continue;
    const side = (y: SummaryYarn | null) => (y ? { shortLbs: y.shortLbs, firstShortWeek: y.firstShortWeek, recoveryWeek: y.recoveryWeek } : null);
    out.push({ yarnId, description: (yb ?? ya)!.description, change, a: side(sa), b: side(sb), deltaLbs });
  }
  return out.sort((x, y) => Math.abs(y.deltaLbs) - Math.abs(x.deltaLbs) || cmp(x.yarnId, y.yarnId));
}

function suggestionChanged(x: SummarySuggestion, y: SummarySuggestion, p: Tolerances): boolean {
  return (
    Math.abs(y.qtyLbs - x.qtyLbs) > p.compareToleranceLbs ||
    Math.abs(y.valueUsd - x.valueUsd) > p.compareToleranceUsd ||
    x.receiptWeek !== y.receiptWeek ||
    x.releaseDate !== y.releaseDate ||
    x.late !== y.late ||
    x.supplier !== y.supplier
  );
}

/** Pairs suggestions per yarn: same receipt week first, then the rest in week order (a moved order is "changed"). */
function compareSuggestions(a: PlanSummary, b: PlanSummary, p: Tolerances): SuggestionDiff[] {
  const group = (rows: SummarySuggestion[]): Map<string, SummarySuggestion[]> => {
    const m = new Map<string, SummarySuggestion[]>();
    for (const r of [...rows].sort((x, y) => cmp(x.receiptWeek, y.receiptWeek))) {
      const list = m.get(r.yarnId);
      if (list) list.push(r);
      else m.set(r.yarnId, [r]);
    }
    return m;
  };
  const ga = group(a.suggestions);
  const gb = group(b.suggestions);
  const out: SuggestionDiff[] = [];
  const push = (yarnId: string, x: SummarySuggestion | null, y: SummarySuggestion | null): void => {
    const change = !x ? 'added' : !y ? 'removed' : 'changed';
    out.push({
      yarnId,
      change,
      a: x,
      b: y,
      deltaQtyLbs: (y?.qtyLbs ?? 0) - (x?.qtyLbs ?? 0),
      deltaValueUsd: (y?.valueUsd ?? 0) - (x?.valueUsd ?? 0),
    });
  };
  for (const yarnId of new Set([...ga.keys(), ...gb.keys()])) {
    const restA = [...(ga.get(yarnId) ?? [])];
    const restB = [...(gb.get(yarnId) ?? [])];
    for (let i = restA.length - 1; i >= 0; i--) {
      const j = restB.findIndex((y) => y.receiptWeek === restA[i].receiptWeek);
      if (j < 0) continue;
      if (suggestionChanged(restA[i], restB[j], p)) push(yarnId, restA[i], restB[j]);
      restA.splice(i, 1);
      restB.splice(j, 1);
    }
    const n = Math.max(restA.length, restB.length);
    for (let i = 0; i < n; i++) push(yarnId, restA[i] ?? null, restB[i] ?? null);
  }
  return out.sort((x, y) => Math.abs(y.deltaValueUsd) - Math.abs(x.deltaValueUsd) || cmp(x.yarnId, y.yarnId));
}

const ORDER_CHANGE_RANK: Record<OrderDiff['change'], number> = { becomesLate: 0, latenessChanged: 1, becomesOnTime: 2, added: 3, removed: 4 };

function compareOrders(a: PlanSummary, b: PlanSummary, p: Tolerances): OrderDiff[] {
  const ma = byId(a.orders, (o) => o.koNumber);
  const mb = byId(b.orders, (o) => o.koNumber);
  const out: OrderDiff[] = [];
  const side = (o: SummaryOrder | undefined) =>
    o ? { machine: o.machine, finish: o.finish, latenessDays: o.latenessDays, balanceLbs: o.balanceLbs, materialShort: o.materialShort } : null;
  for (const koNumber of new Set([...ma.keys(), ...mb.keys()])) {
    const oa = ma.get(koNumber);
    const ob = mb.get(koNumber);
    const delta = oa?.latenessDays != null && ob?.latenessDays != null ? ob.latenessDays - oa.latenessDays : null;
    let change: OrderDiff['change'];
    if (!oa) change = 'added';
    else if (!ob) change = 'removed';
    else if (!isLate(oa, p) && isLate(ob, p)) change = 'becomesLate';
    else if (isLate(oa, p) && !isLate(ob, p)) change = 'becomesOnTime';
    else if (isLate(oa, p) && delta !== null && Math.abs(delta) > p.compareToleranceDays) change = 'latenessChanged';
    else continue;
    out.push({ koNumber, style: (ob ?? oa)!.style, change, a: side(oa), b: side(ob), deltaLatenessDays: delta });
  }
  return out.sort(
    (x, y) =>
      ORDER_CHANGE_RANK[x.change] - ORDER_CHANGE_RANK[y.change] ||
      Math.abs(y.deltaLatenessDays ?? 0) - Math.abs(x.deltaLatenessDays ?? 0) ||
      cmp(x.koNumber, y.koNumber),
  );
}

function compareWorkCenters(a: PlanSummary, b: PlanSummary, p: Tolerances): WorkCenterDiff[] {
  const ma = byId(a.workCenters, (w) => w.workCenter);
  const mb = byId(b.workCenters, (w) => w.workCenter);
  const out: WorkCenterDiff[] = [];
  for (const workCenter of new Set([...ma.keys(), ...mb.keys()])) {
    const pa = ma.get(workCenter)?.peakUtilisationPct ?? null;
    const pb = mb.get(workCenter)?.peakUtilisationPct ?? null;
    const deltaPct = (pb ?? 0) - (pa ?? 0);
    if (Math.abs(deltaPct) <= p.compareToleranceUtilisationPct && (pa === null) === (pb === null)) continue;
    out.push({ workCenter, aPeakUtilisationPct: pa, bPeakUtilisationPct: pb, deltaPct });
  }
  return out.sort((x, y) => Math.abs(y.deltaPct) - Math.abs(x.deltaPct) || cmp(x.workCenter, y.workCenter));
}

export function comparePlans(a: PlanSummary, b: PlanSummary, policy: Tolerances = alertsPolicyDefaults): PlanComparison {
  const ka = planKpis(a, policy);
  const kb = planKpis(b, policy);
  const deltas = Object.fromEntries(Object.keys(ka).map((k) => [k, kb[k as keyof PlanKpis] - ka[k as keyof PlanKpis]])) as PlanKpis;
  const shortages = compareShortages(a, b, policy);
  const suggestions = compareSuggestions(a, b, policy);
  const orders = compareOrders(a, b, policy);
  const workCenters = compareWorkCenters(a, b, policy);
  const kpisEqual =
    deltas.yarnsShort === 0 &&
    deltas.suggestionCount === 0 &&
    deltas.lateSuggestions === 0 &&
    deltas.lateOrders === 0 &&
    deltas.materialShortOrders === 0 &&
    Math.abs(deltas.lbsShort) <= policy.compareToleranceLbs &&
    Math.abs(deltas.lbsLate) <= policy.compareToleranceLbs &&
    Math.abs(deltas.suggestedValueUsd) <= policy.compareToleranceUsd &&
    Math.abs(deltas.peakUtilisationPct) <= policy.compareToleranceUtilisationPct;
  const identical = kpisEqual && shortages.length + suggestions.length + orders.length + workCenters.length === 0;
  return { a: ka, b: kb, deltas, shortages, suggestions, orders, workCenters, identical };
}
