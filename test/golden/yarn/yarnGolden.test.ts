// Golden runner for the yarn plan engine: every folder under cases/ holds input.json (asOf, the planning calendar's
// horizonWeeks, policy overrides, plan input, the outputs to write), the expected CSVs, and a README.md with the hand arithmetic behind each value.
// Re-accept deliberate changes with `UPDATE_GOLDEN=1 npx vitest run test/golden/yarn`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAvailability, computeYarnPlan } from '../../../src/main/engine/yarn';
import type { KnitOrder, StyleBridgeResult, YarnInventory, YarnPlan, YarnPlanInput } from '../../../src/main/engine/yarn';
import { yarnPolicyDefaults, type YarnPolicy } from '../../../src/shared/policy/yarn';
import { expectGolden, toGoldenCsv } from '../../support/golden';
import { planWeekStarts } from '../../../src/main/engine/calendar';

/** Cases list only the fields that matter; the rest get neutral defaults (consistent inventory identities). */
type CaseInput = Omit<Partial<YarnPlanInput>, 'knitOrders' | 'yarns'> & {
  knitOrders?: (Pick<KnitOrder, 'koNumber' | 'style' | 'balanceLbs'> & Partial<KnitOrder>)[];
  yarns?: (Pick<YarnInventory, 'yarnId' | 'theoreticalBalanceLbs'> & Partial<YarnInventory>)[];
};

interface GoldenCase {
  asOf: string;
  /** The planning calendar's weeks. */
  horizonWeeks: number;
  policy?: Partial<YarnPolicy>;
  options?: { includeSalesOrdersInProjection?: boolean; extraStyles?: string[] };
  bridge?: Record<string, StyleBridgeResult>;
  input: CaseInput;
  outputs: string[];
  availability?: { style: string; lbs: number; startDate: string }[];
}

const casesDir = join(__dirname, 'cases');

function withDefaults(input: CaseInput): YarnPlanInput {
  return {
    bomLines: [],
    knitRates: [],
    expectedReceipts: [],
    ...input,
    knitOrders: (input.knitOrders ?? []).map((k) => ({ startDate: null, ...k })),
    yarns: (input.yarns ?? []).map((y) => ({
      description: `yarn ${y.yarnId}`,
      supplier: 'SUP',
      color: '',
      beginningBalanceLbs: y.theoreticalBalanceLbs,
      receivedLbs: 0,
      consumedLbs: 0,
      adjustmentsLbs: 0,
      onOrderLbs: 0,
      allocatedLbs: 0,
      planningBalanceLbs: y.theoreticalBalanceLbs + (y.onOrderLbs ?? 0) + (y.allocatedLbs ?? 0),
      ...y,
    })),
  };
}
const weekCols = (plan: YarnPlan) => plan.weeks.map((_, i) => `w${i}`);

const writers: Record<string, (plan: YarnPlan, c: GoldenCase) => Record<string, string>> = {
  demandByStyleKo: (p) => ({ 'demand_by_style_ko.csv': toGoldenCsv(p.tables.demandByStyleKo.rows, p.tables.demandByStyleKo.columns) }),
  demandByStyle: (p) => ({ 'demand_by_style.csv': toGoldenCsv(p.tables.demandByStyle.rows, p.tables.demandByStyle.columns) }),
  yarnDemand: (p) => ({ 'yarn_demand.csv': toGoldenCsv(p.tables.yarnDemand.rows, p.tables.yarnDemand.columns) }),
  phases: (p) => ({
    'ko_phases.csv': toGoldenCsv(
      p.demand.phases.map((k) => ({
        orderNo: k.orderNo,
        style: k.style,
        balanceLbs: k.balanceLbs,
        effectiveStart: k.effectiveStart,
        rateLbsPerDay: k.rateLbsPerDay,
        weeklyCapacityLbs: k.weeklyCapacityLbs,
        flags: k.flags.join(' '),
        ...Object.fromEntries(k.weeklyLbs.map((v, i) => [`w${i}`, v])),
        beyond: k.beyondLbs,
      })),
      ['orderNo', 'style', 'balanceLbs', 'effectiveStart', 'rateLbsPerDay', 'weeklyCapacityLbs', 'flags', ...weekCols(p), 'beyond'],
    ),
  }),
  skipped: (p) => ({
    'skipped.csv': toGoldenCsv(
      [
        ...p.demand.noBom.map((o) => ({ kind: 'no-bom', orderNo: o.orderNo, style: o.style, balanceLbs: o.balanceLbs, note: o.note })),
        ...p.demand.notOpen.map((o) => ({ kind: 'not-open', orderNo: o.orderNo, style: o.style, balanceLbs: o.balanceLbs, note: o.note })),
        ...p.demand.noRate.map((o) => ({ kind: 'no-rate', orderNo: o.orderNo, style: o.style, balanceLbs: o.balanceLbs, note: '' })),
      ],
      ['kind', 'orderNo', 'style', 'balanceLbs', 'note'],
    ),
  }),
  provenance: (p) => ({
    'provenance.csv': toGoldenCsv(
      p.styles.map((s) => ({
        style: s.style,
        bomSource: s.bom.provenance.source,
        bomAsOf: s.bom.provenance.asOf,
        bom: s.bom.lines.map((l) => `${l.yarnId}:${Math.round(l.fraction * 1e6) / 1e6}`).join(' '),
        bomNote: s.bom.provenance.note,
        bomWarnings: s.bom.warnings.join(' | '),
        rateLbsPerDay: s.rate.lbsPerDay,
        rateSource: s.rate.provenance.source,
        rateAsOf: s.rate.provenance.asOf,
        rateNote: s.rate.provenance.note,
      })),
    ),
  }),
  shortages: (p) => ({
    'shortages.csv': toGoldenCsv(
      p.projection
        .filter((y) => y.shortage)
        .map((y) => {
          const s = y.shortage!;
          return {
            yarnId: y.yarnId,
            firstShortWeek: s.firstShortWeek,
            deficitAtFirstShortLbs: s.deficitAtFirstShortLbs,
            maxDeficitLbs: s.maxDeficitLbs,
            maxDeficitWeek: s.maxDeficitWeek,
            recoveryWeek: s.recoveryWeek,
            nextPo: s.nextReceipt?.poNo,
            nextWeek: s.nextReceipt?.weekMonday ?? (s.nextReceipt ? 'later' : ''),
            nextLbs: s.nextReceipt?.lbs,
            nextUsefulLbs: s.nextReceipt?.usefulLbs,
            laterPos: s.laterReceipts.map((r) => `${r.poNo}@${r.weekMonday ?? 'later'}:${r.lbs}`).join(' '),
            pastDueLbs: s.pastDueReceiptsLbs,
          };
        }),
      [
        'yarnId',
        'firstShortWeek',
        'deficitAtFirstShortLbs',
        'maxDeficitLbs',
        'maxDeficitWeek',
        'recoveryWeek',
        'nextPo',
        'nextWeek',
        'nextLbs',
        'nextUsefulLbs',
        'laterPos',
        'pastDueLbs',
      ],
    ),
    'balance_weekly.csv': toGoldenCsv(
      p.projection.map((y) => ({ yarnId: y.yarnId, ...Object.fromEntries(y.balanceWeeklyLbs.map((v, i) => [`w${i}`, v])), end: y.balanceEndLbs })),
      ['yarnId', ...weekCols(p), 'end'],
    ),
  }),
  positions: (p) => ({ 'positions.csv': toGoldenCsv(p.positions as unknown as Record<string, unknown>[]) }),
  pegging: (p) => ({
    'pegging_by_yarn.csv': toGoldenCsv(
      p.pegging.byYarn.flatMap((y) =>
        y.consumers.map((c) => ({
          yarnId: y.yarnId,
          firstShortWeek: y.firstShortWeek,
          deficitLbs: y.deficitAtFirstShortLbs,
          orderNo: c.orderNo,
          style: c.style,
          lbs: c.lbs,
          weeks: c.weeks.map((w) => `${w.weekMonday}:${Math.round(w.lbs * 1e4) / 1e4}`).join(' '),
        })),
      ),
      ['yarnId', 'firstShortWeek', 'deficitLbs', 'orderNo', 'style', 'lbs', 'weeks'],
    ),
    'pegging_by_order.csv': toGoldenCsv(
      p.pegging.byOrder.flatMap((o) => o.yarns.map((y) => ({ orderNo: o.orderNo, style: o.style, ...y }))),
      ['orderNo', 'style', 'yarnId', 'firstShortWeek', 'lbsInShortWeeks'],
    ),
  }),
  salesOrders: (p) => ({
    'so_lines.csv': toGoldenCsv(
      p.salesOrders.lines.map((l) => ({
        soNo: l.soNo,
        finishedStyle: l.finishedStyle,
        greigeStyle: l.greigeStyle,
        demandLbs: l.demandLbs,
        coveredBy: l.coveredBy.map((c) => `${c.stage}:${Math.round(c.lbs * 1e4) / 1e4}`).join(' '),
        uncoveredLbs: l.uncoveredLbs,
        weekMonday: l.weekMonday,
        yarns: l.yarns.map((y) => `${y.yarnId}:${Math.round(y.lbs * 1e4) / 1e4}`).join(' '),
        bomSource: l.bomSource,
        unresolved: l.unresolved.join(' '),
        note: l.note,
      })),
    ),
    'so_yarn.csv': toGoldenCsv(
      p.salesOrders.yarnDemand.map((y) => ({
        yarnId: y.yarnId,
        ...Object.fromEntries(y.weeklyLbs.map((v, i) => [`w${i}`, v])),
        beyond: y.beyondLbs,
      })),
      ['yarnId', ...weekCols(p), 'beyond'],
    ),
  }),
  availability: (p, c) => ({
    'availability.csv': toGoldenCsv(
      (c.availability ?? []).flatMap((q) => {
        const r = checkAvailability(q.style, q.lbs, q.startDate, p);
        const head = { style: q.style, lbs: q.lbs, startDate: q.startDate, status: r.status, earliestFeasibleStart: r.earliestFeasibleStart };
        return r.yarns.length
          ? r.yarns.map((y) => ({
              ...head,
              yarnId: y.yarnId,
              requiredLbs: y.requiredLbs,
              weeks: y.weeks.map((w) => `${w.weekMonday}:${Math.round(w.lbs * 1e4) / 1e4}`).join(' '),
              minHeadroomLbs: y.minHeadroomLbs,
              shortfallLbs: y.shortfallLbs,
              firstShortWeek: y.firstShortWeek,
            }))
          : [{ ...head }];
      }),
      [
        'style',
        'lbs',
        'startDate',
        'status',
        'earliestFeasibleStart',
        'yarnId',
        'requiredLbs',
        'weeks',
        'minHeadroomLbs',
        'shortfallLbs',
        'firstShortWeek',
      ],
    ),
  }),
};

const cases = existsSync(casesDir)
  ? readdirSync(casesDir)
      .filter((d) => existsSync(join(casesDir, d, 'input.json')))
      .sort()
  : [];

describe('yarn plan golden cases', () => {
  for (const name of cases) {
    it(name, () => {
      const dir = join(casesDir, name);
      const c = JSON.parse(readFileSync(join(dir, 'input.json'), 'utf8')) as GoldenCase;
      const policy = { ...yarnPolicyDefaults, ...c.policy };
      const bridge = c.bridge ? (style: string) => c.bridge![style] ?? null : undefined;
      const calendar = { asOf: c.asOf, weekStarts: planWeekStarts(c.asOf, c.horizonWeeks) };
      const plan = computeYarnPlan(withDefaults(c.input), calendar, policy, { ...c.options, styleBridge: bridge });
      // The plan crosses worker/IPC boundaries: it must survive JSON unchanged.
      const roundTrip = JSON.parse(JSON.stringify(plan)) as YarnPlan;
      expect(roundTrip).toEqual(plan);
      for (const output of c.outputs) {
        const write = writers[output];
        if (!write) throw new Error(`unknown output ${output} in ${name}`);
        for (const [file, text] of Object.entries(write(roundTrip, c))) expectGolden(join(dir, file), text);
      }
    });
  }
});
