// Planning warnings: what in the imported data will limit or distort a plan, with counts and examples.
// Computed on the snapshot's planning data (so masters inherited from an earlier batch count too).
import { yarnPolicyDefaults } from '../../shared/policy/yarn';
import type { PlanningWarning } from '../../shared/importReport';
import type { PlanningData } from '../../shared/domain/entities';
import { openPoDue, posWithoutSchedule } from '../../shared/domain/openPoReceipts';

/** Yarn identities are checked to this many lbs: the Excel-saved csv copies round every term to 2 decimals. */
const IDENTITY_TOLERANCE_LBS = 0.05;
/** A KO whose exported balance differs from ordered - (G00 + shipped - seconds) by more than this is stale. */
const STALE_BALANCE_LBS = 0.5;
/** PO Bal vs the sum of its week buckets: the csv copies round both to whole lbs. */
const EXPECTED_BALANCE_TOLERANCE_LBS = 2;
const EXAMPLES = 8;

const fmt = (n: number, d = 2) => String(Math.round(n * 10 ** d) / 10 ** d);

function warning(code: PlanningWarning['code'], severity: PlanningWarning['severity'], message: string, items: string[]): PlanningWarning {
  return { code, severity, message, count: items.length, examples: items.slice(0, EXAMPLES) };
}

export function planningWarnings(
  data: PlanningData,
  bomSumTolerance = yarnPolicyDefaults.bomSumTolerance,
  tick: () => void = () => {},
): PlanningWarning[] {
  const out: PlanningWarning[] = [];
  const yarnIds = new Set(data.yarns.map((y) => y.yarnId));
  const openStyles = new Set(data.knitOrders.filter((k) => Math.max(k.balanceLbs, k.liveBalanceLbs) > 0).map((k) => k.style));

  // BOM yarns missing from the yarn inventory
  if (data.bomLines.length && data.yarns.length) {
    const missing = new Map<string, { lines: number; styles: Set<string> }>();
    for (const [i, l] of data.bomLines.entries()) {
      if (i % 50_000 === 49_999) tick();
      if (yarnIds.has(l.yarnId)) continue;
      const m = missing.get(l.yarnId) ?? { lines: 0, styles: new Set<string>() };
      m.lines++;
      m.styles.add(l.style);
      missing.set(l.yarnId, m);
    }
    if (missing.size) {
      const lines = [...missing.values()].reduce((s, m) => s + m.lines, 0);
      const styles = new Set([...missing.values()].flatMap((m) => [...m.styles])).size;
      const open = [...missing].filter(([, m]) => [...m.styles].some((s) => openStyles.has(s))).map(([y]) => y);
      const allBomYarns = new Set(data.bomLines.map((l) => l.yarnId)).size;
      out.push(
        warning(
          'bom_yarn_not_in_inventory',
          open.length ? 'warning' : 'info',
          `${missing.size} of ${allBomYarns} BOM yarns are not in the yarn inventory (${lines} BOM lines, ${styles} styles); ` +
            `${open.length} of them are used by styles with open knit orders`,
          [...open, ...[...missing.keys()].filter((y) => !open.includes(y))],
        ),
      );
    }
  }

  tick();
  // styles whose BOM does not sum to 100 %
  const sums = new Map<string, number>();
  for (const [i, l] of data.bomLines.entries()) {
    if (i % 50_000 === 49_999) tick();
    sums.set(l.style, (sums.get(l.style) ?? 0) + l.fraction);
  }
  const off = [...sums].filter(([, s]) => Math.abs(s - 1) > bomSumTolerance);
  if (off.length) {
    const histogram = new Map<string, number>();
    for (const [, s] of off) histogram.set(s.toFixed(2), (histogram.get(s.toFixed(2)) ?? 0) + 1);
    const common = [...histogram]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([k, n]) => `${k}: ${n}`);
    const openOff = off.filter(([s]) => openStyles.has(s));
    out.push(
      warning(
        'bom_sum_not_100',
        'warning',
        `${off.length} of ${sums.size} styles have a BOM that does not sum to 100 % (most common sums ${common.join(', ')}); ` +
          `${openOff.length} have open knit orders. BOM_updated truncates each line to 2 decimals; planning normalises per style`,
        [...openOff, ...off.filter(([s]) => !openStyles.has(s))].map(([s, v]) => `${s} = ${fmt(v * 100)} %`),
      ),
    );
  }

  tick();
  // knit-order styles without a BOM, or unknown to the greige list
  if (data.knitOrders.length) {
    const koStyles = [...new Set(data.knitOrders.map((k) => k.style))];
    if (data.bomLines.length) {
      const noBom = koStyles.filter((s) => !sums.has(s));
      const openNoBom = noBom.filter((s) => openStyles.has(s));
      if (noBom.length) {
        out.push(
          warning(
            'ko_style_without_bom',
            openNoBom.length ? 'warning' : 'info',
            `${noBom.length} of ${koStyles.length} knit-order styles have no BOM (${openNoBom.length} with an open balance): their yarn demand cannot be exploded`,
            [...openNoBom, ...noBom.filter((s) => !openStyles.has(s))],
          ),
        );
      }
    }
    if (data.greigeStyles.length) {
      const greige = new Set(data.greigeStyles.map((g) => g.style));
      const unknown = koStyles.filter((s) => !greige.has(s));
      if (unknown.length) {
        out.push(warning('ko_style_not_in_greige_list', 'info', `${unknown.length} knit-order styles are not in the greige style list`, unknown));
      }
    }
  }

  tick();
  // finished styles that do not resolve to a greige style
  if (data.styleBridge.length || data.greigePairs.length) {
    const bridged = new Set(data.styleBridge.map((b) => b.finishedStyle));
    const paired = new Set(data.greigePairs.map((p) => p.finishedBase));
    const greige = new Set(data.greigeStyles.map((g) => g.style));
    const resolves = (so: PlanningData['salesOrders'][number]) =>
      so.greigeStyle
        ? greige.size === 0 || greige.has(so.greigeStyle)
        : (so.finishedBase !== null && paired.has(so.finishedBase)) ||
          (so.finishedStyle !== null && bridged.has(so.finishedStyle)) ||
          (so.customerStyle !== null && bridged.has(so.customerStyle));
    const soMisses = data.salesOrders
      .filter((so) => !resolves(so))
      .map((so) => `${so.soNumber} ${so.greigeStyle ?? so.finishedBase ?? so.customerStyle ?? '(no style)'}`);
    if (soMisses.length) {
      out.push(
        warning(
          'finished_style_unresolved',
          'warning',
          `${soMisses.length} of ${data.salesOrders.length} sales-order lines have a finished style that is neither in eFab_Styles nor on a G02 roll: no greige style, no yarn demand`,
          soMisses,
        ),
      );
    }
    const histStyles = [...new Set(data.salesHistory.filter((l) => !l.greigeStyle).map((l) => l.finishedStyle))];
    const histMisses = histStyles.filter((s) => !bridged.has(s));
    if (histMisses.length) {
      out.push(
        warning(
          'finished_style_unresolved',
          'info',
          `${histMisses.length} of ${histStyles.length} finished styles in the sales history are not in eFab_Styles`,
          histMisses,
        ),
      );
    }
  }

  tick();
  // machines missing from the machine list
  if (data.machines.length) {
    const known = new Set(data.machines.map((m) => m.machineId));
    const norm = (m: string) => (/^\d+$/.test(m) ? String(Number(m)) : m);
    const knownNorm = new Set([...known].map(norm));
    const missing = new Set<string>();
    const uses = [
      ...data.knitOrders.map((k) => ({ m: k.machine, where: `KO ${k.koNumber}` })),
      ...data.knitOrdersApi.map((k) => ({ m: k.machine, where: `API KO ${k.koNumber}` })),
      ...data.fabricRolls.filter((r) => r.stage === 'G00').map((r) => ({ m: r.machine, where: `G00 roll ${r.rollNumber}` })),
    ];
    const examples: string[] = [];
    for (const u of uses) {
      if (!u.m || knownNorm.has(norm(u.m))) continue;
      if (!missing.has(u.m)) examples.push(`${u.m} (${u.where})`);
      missing.add(u.m);
    }
    if (missing.size) {
      out.push(
        warning('machine_not_in_list', 'warning', `${missing.size} machines on knit orders or G00 rolls are not in the machine list`, examples),
      );
    }
  }

  tick();
  // accounting identities of the yarn inventory
  const theo: string[] = [];
  const plan: string[] = [];
  for (const y of data.yarns) {
    const t = y.beginningBalanceLbs + y.receivedLbs + y.consumedLbs + y.adjustmentsLbs;
    if (Math.abs(t - y.theoreticalBalanceLbs) > IDENTITY_TOLERANCE_LBS) theo.push(`${y.yarnId}: ${fmt(y.theoreticalBalanceLbs)} vs ${fmt(t)}`);
    const p = y.theoreticalBalanceLbs + y.allocatedLbs + y.onOrderLbs;
    if (Math.abs(p - y.planningBalanceLbs) > IDENTITY_TOLERANCE_LBS) plan.push(`${y.yarnId}: ${fmt(y.planningBalanceLbs)} vs ${fmt(p)}`);
  }
  if (theo.length) {
    out.push(
      warning(
        'identity_theoretical',
        'warning',
        `${theo.length} of ${data.yarns.length} yarns break Theoretical = Beginning + Received + Consumed + Adjustments`,
        theo,
      ),
    );
  }
  if (plan.length) {
    out.push(
      warning(
        'identity_planning',
        'warning',
        `${plan.length} of ${data.yarns.length} yarns break Planning = Theoretical + Allocated + On Order`,
        plan,
      ),
    );
  }

  tick();
  // knit orders whose exported balance is stale
  const stale = data.knitOrders.filter((k) => Math.abs(k.balanceLbs - k.liveBalanceLbs) > STALE_BALANCE_LBS);
  if (stale.length) {
    out.push(
      warning(
        'ko_balance_stale',
        'info',
        `${stale.length} of ${data.knitOrders.length} knit orders have an exported balance that differs from ordered - (G00 + shipped - seconds); both are kept`,
        stale.map((k) => `${k.koNumber} ${k.style}: ${fmt(k.balanceLbs, 1)} vs ${fmt(k.liveBalanceLbs, 1)}`),
      ),
    );
  }

  // open POs no Expected report schedules: receipts at YarnPO's own dates
  const unscheduled = posWithoutSchedule(data.yarnPos, data.expectedPos);
  if (unscheduled.length) {
    const dues = unscheduled.map((po) => ({ po, due: openPoDue(po, data.asOf) }));
    const n = (f: (d: (typeof dues)[number]) => boolean) => dues.filter(f).length;
    const lbs = unscheduled.reduce((s, po) => s + po.balanceLbs, 0);
    out.push(
      warning(
        'receipts_from_po',
        'warning',
        `${unscheduled.length} open yarn POs (${fmt(lbs, 0)} lbs) are on no Expected_Yarn_Report${data.expectedPos.length ? '' : ' (the snapshot has none)'}: ` +
          `received at their Requested date (${n((d) => d.due.basis === 'requested')}), else Quoted (${n((d) => d.due.basis === 'quoted')}); ` +
          `past due when that is before the as-of week or missing (${n((d) => d.due.bucket === 'pastDue')})`,
        dues.map(
          ({ po, due }) => `${po.poNumber} yarn ${po.yarnId}: ${fmt(po.balanceLbs)} lbs ${due.weekStart ? `week of ${due.weekStart}` : 'past due'}`,
        ),
      ),
    );
  }

  // expected receipts: PO Bal = sum of its week buckets
  if (data.expectedPos.length) {
    const byPo = new Map<string, number>();
    for (const r of data.expectedReceipts) byPo.set(r.poNumber, (byPo.get(r.poNumber) ?? 0) + r.qtyLbs);
    const bad = data.expectedPos.filter((p) => Math.abs((byPo.get(p.poNumber) ?? 0) - p.balanceLbs) > EXPECTED_BALANCE_TOLERANCE_LBS);
    if (bad.length) {
      out.push(
        warning(
          'expected_po_balance',
          'info',
          `${bad.length} expected POs whose week buckets do not add up to PO Bal`,
          bad.map((p) => `${p.poNumber}: ${fmt(p.balanceLbs)} vs ${fmt(byPo.get(p.poNumber) ?? 0)}`),
        ),
      );
    }
  }
  return out;
}
