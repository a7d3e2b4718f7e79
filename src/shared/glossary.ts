// The glossary: what each number on the screens means and how the engine computes it, in the ERP's own names
// (erp-exports-profile.md). KPI tiles, grid column headers and the help sheet ("?") all read it from here;
// test/unit/glossary checks the formulas against the engine. The thresholds quoted are the policy defaults.
import { capacityPolicyDefaults } from './policy/capacity';
import { purchasingPolicyDefaults } from './policy/purchasing';
import { yarnPolicyDefaults } from './policy/yarn';

export interface GlossaryEntry {
  /** The planner's name of the number. */
  term: string;
  /** The ERP export column it is, or is built from, when there is one. */
  erpName?: string;
  definition: string;
  /** How it is computed (a sum is written from `sum`). */
  formula: string;
  /** A signed sum of other entries: the formula as data, checked against the engine. */
  sum?: readonly { sign: 1 | -1; key: string }[];
}

const y = yarnPolicyDefaults;
const lbs = (n: number) => `${n.toLocaleString('en-US')} lbs`;

const entries = {
  theoreticalBalance: {
    term: 'Theoretical balance',
    erpName: 'Theoretical Balance',
    definition: 'Yarn physically on hand by the inventory record at the as-of date (lbs).',
    formula: '',
    sum: [
      { sign: 1, key: 'beginningBalance' },
      { sign: 1, key: 'received' },
      { sign: 1, key: 'consumed' },
      { sign: 1, key: 'adjustments' },
    ],
  },
  beginningBalance: {
    term: 'Beginning balance',
    erpName: 'Beginning Balance',
    definition: 'Lbs on hand at the start of the inventory period.',
    formula: 'as exported (yarn_inventory)',
  },
  received: { term: 'Received', erpName: 'Received', definition: 'Lbs received in the period.', formula: 'as exported (yarn_inventory)' },
  consumed: {
    term: 'Consumed',
    erpName: 'Consumed',
    definition: 'Lbs used by knitting in the period; negative in the export.',
    formula: 'as exported (yarn_inventory), ≤ 0',
  },
  adjustments: {
    term: 'Adjustments',
    erpName: 'Adjustments',
    definition: 'Inventory corrections in the period (lbs, either sign).',
    formula: 'as exported (yarn_inventory)',
  },
  allocated: {
    term: 'Allocated',
    erpName: 'Allocated',
    definition: 'Yarn reserved for open knit orders; NEGATIVE in the export (it lowers the planning balance).',
    formula: 'as exported; for a yarn missing from yarn_inventory: −(total phased demand in the horizon)',
  },
  onOrder: {
    term: 'On order',
    erpName: 'On Order',
    definition: 'Open yarn purchase-order balance still to be received (lbs).',
    formula: 'as exported; for a yarn missing from yarn_inventory: total receipts in the horizon (past due included)',
  },
  planningBalance: {
    term: 'Planning balance',
    erpName: 'Planning Balance',
    definition: 'What is left of the yarn once every open knit order has taken its yarn and every open PO has arrived (lbs).',
    formula: '',
    sum: [
      { sign: 1, key: 'theoreticalBalance' },
      { sign: 1, key: 'onOrder' },
      { sign: 1, key: 'allocated' },
    ],
  },
  draftLbs: {
    term: 'PO drafts',
    definition: 'Lbs of the purchase suggestions the planner accepted (drafts) that the ERP does not have on order yet.',
    formula: 'sum of the open drafts of the yarn (lbs)',
  },
  riskBand: {
    term: 'Risk band',
    definition: 'How urgent a yarn is: CRITICAL, HIGH, MEDIUM or LOW by the policy ladder applied to its risk level.',
    formula:
      `risk level = min(planning balance + PO drafts, −max deficit); CRITICAL if level < ${lbs(y.criticalBelowLbs)}, ` +
      `HIGH if < ${lbs(y.highBelowLbs)}, MEDIUM if < ${lbs(y.mediumBelowLbs)}, else LOW (thresholds in Settings → yarn)`,
  },
  riskBasis: {
    term: 'Risk basis',
    definition: 'Which number set the risk band: the planning balance (plus PO drafts), or the deepest projected deficit when that is worse.',
    formula: '"projected deficit" when max deficit > 0 and −max deficit < planning balance + PO drafts; else "planning balance (+ PO drafts)"',
  },
  weeklyUsage: {
    term: 'Weekly usage',
    definition: 'Lbs of the yarn used per week.',
    formula: `average phased demand over the next ${y.usageAverageWeeks} weeks; when that is 0: |Allocated| ÷ ${y.allocatedSpreadWeeks}`,
  },
  weeksOfSupply: {
    term: 'Weeks of supply',
    definition: 'How many weeks the yarn on hand lasts at the weekly usage.',
    formula: 'Theoretical Balance ÷ weekly usage; 0 when Theoretical Balance ≤ 0; ∞ with no usage; shown as "> 52" above a year',
  },
  projectedBalance: {
    term: 'Projected balance',
    definition: 'The yarn balance at the end of each plan week.',
    formula: 'previous week − demand of the week + receipts of the week, starting from the Theoretical Balance',
  },
  maxDeficit: {
    term: 'Max deficit',
    definition: 'The deepest the projected weekly balance goes below zero in the horizon, as a positive number (lbs).',
    formula: 'max(0, −min over the plan weeks of the projected balance)',
  },
  firstShortWeek: {
    term: 'First short week',
    definition: 'The first plan week whose projected balance is below zero.',
    formula: `first week with projected balance < ${lbs(y.shortageBelowLbs)}`,
  },
  peggedLbs: {
    term: 'Pegged lbs',
    definition: 'Lbs of the yarn the knit orders consume up to its first short week: the orders the shortage hits.',
    formula: 'sum over the knit orders using the yarn of their phased yarn lbs up to the first short week',
  },
  pastDueReceipts: {
    term: 'Past-due receipts',
    definition: 'PO lbs whose receipt date is already past ("Unscheduled or Past Due" in the ERP): may still come, not counted as in hand.',
    formula: 'sum of the open PO lines dated before the as-of week',
  },
  yarnsShort: {
    term: 'Yarns short',
    definition: 'Yarns whose projected balance goes below zero in the horizon (past-due receipts not counted, as the ERP).',
    formula: 'count of yarns with max deficit > 0',
  },
  lbsShort: {
    term: 'Lbs short',
    definition: 'Total of the yarns’ deepest deficits.',
    formula: 'sum over the short yarns of max deficit (lbs)',
  },
  valueShort: {
    term: 'Value short',
    definition: 'What the missing yarn is worth.',
    formula: 'sum over the short yarns of max deficit × cost per lb',
  },
  criticalYarns: {
    term: 'Critical yarns',
    definition: 'Yarns in the CRITICAL risk band.',
    formula: `count of yarns with risk level < ${lbs(y.criticalBelowLbs)}`,
  },
  ordersAtRisk: {
    term: 'Orders at risk',
    definition: 'Scheduled knit orders that finish late or lack yarn.',
    formula: 'count of scheduled orders that are late or material short (one of the order’s yarns is short)',
  },
  lateOrders: {
    term: 'Late orders',
    definition: 'Knit orders the schedule finishes after their quoted date.',
    formula: 'count of orders with scheduled end > quoted date',
  },
  suggestedPos: {
    term: 'Suggested POs',
    definition: 'Purchase orders the MRP suggests to cover the yarns’ net requirements.',
    formula: 'count of planned receipts (one per yarn and receipt week after lot sizing)',
  },
  suggestedLbs: {
    term: 'Suggested lbs',
    definition: 'Lbs of all suggested purchase orders.',
    formula: 'sum of the suggestions’ quantities (after MOQ and order-multiple rounding)',
  },
  suggestedValue: {
    term: 'Suggested value',
    definition: 'What the suggested purchase orders cost.',
    formula: 'sum of quantity (lbs) × cost per lb',
  },
  netRequirement: {
    term: 'Net requirement',
    definition: 'Lbs missing in a week after stock, receipts and safety stock.',
    formula: 'max(0, safety stock − (previous balance + receipts − demand of the week)), less the deficit already carried from earlier weeks',
  },
  leadTime: {
    term: 'Lead time',
    erpName: 'Lead_time (Supplier_ID)',
    definition: 'Days from releasing a PO to receiving the yarn.',
    formula:
      `supplier master Lead_time, read as ${purchasingPolicyDefaults.supplierLeadTimeUnit} (× 7 for days; the unit is set in Settings); ` +
      `${purchasingPolicyDefaults.defaultLeadTimeDays} days for a supplier not in the master`,
  },
  releaseDate: {
    term: 'Release date',
    definition: 'The day the PO must be placed for the yarn to arrive when needed.',
    formula: 'receipt date − lead time (days)',
  },
  expedite: {
    term: 'To expedite',
    definition: 'Suggestions that are already too late if released today.',
    formula: 'late by days = max(0, as-of date − (receipt date − lead time)); expedite when late by > 0',
  },
  uncovered: {
    term: 'Short, no suggestion',
    definition: 'Short yarns that get no purchase suggestion, with the reason (e.g. retired supplier, within lead time).',
    formula: 'count of yarns with max deficit > 0 and no suggestion',
  },
  utilisation: {
    term: 'Utilisation',
    definition: 'How full a machine or work center is.',
    formula: 'knit days required ÷ machine days available × 100 %',
  },
  peakUtilisation: {
    term: 'Peak utilisation',
    definition: 'The highest weekly utilisation of any work center in the horizon.',
    formula: 'max over work centers and weeks of days required ÷ days available × 100 %',
  },
  overloaded: {
    term: 'Overloaded week',
    definition: 'A machine or work-center week that needs more knitting days than it has.',
    formula: `days required ÷ days available × 100 > ${capacityPolicyDefaults.overloadUtilisationPct} % (or required > 0 with none available)`,
  },
  bottleneck: {
    term: 'Bottleneck',
    definition: 'A work center that limits the plan.',
    formula: `utilisation over the horizon ≥ ${capacityPolicyDefaults.bottleneckUtilisationPct} %, or an overloaded week`,
  },
  knitDays: {
    term: 'Knit days',
    definition: 'Machine days an order needs.',
    formula: 'order balance (lbs) ÷ knitting rate (lbs per day)',
  },
  unassignedOrders: {
    term: 'Unassigned orders',
    definition: 'Open knit orders with a rate but no machine in the export; the schedule places them on a machine of their work center.',
    formula: 'count of open orders with a knitting rate and no machine',
  },
  unratedOrders: {
    term: 'Unrated orders',
    definition: 'Open knit orders without a knitting rate: their machine time is unknown, so they are neither loaded nor scheduled.',
    formula: 'count of open orders whose style has no rate (ERP report, Production Lbs, base-style median) and no override',
  },
  machines: {
    term: 'Machines',
    definition: 'Knitting machines of the machine master, each with its work center.',
    formula: 'count of machines',
  },
  wcMismatch: {
    term: 'WC mismatch',
    definition: 'The machine’s work center is not the style’s: a different construction, diameter, cut or type.',
    formula:
      'style and machine work centers normalised to construction.diameter.cut.type; mismatch when they differ and the relaxed rule (same diameter and cut) does not match either',
  },
  lbsDays: {
    term: 'lbs·days',
    definition: 'The size of an alert: how many lbs are affected for how long; alerts of equal value are ranked by it.',
    formula:
      'yarn: lbs short × days short (first short week to recovery or horizon end); order: balance lbs × days late; work center: excess lbs × 7',
  },
  wape: {
    term: 'WAPE',
    definition: 'Weighted absolute percentage error of a forecast in the backtest: lower is better.',
    formula: 'Σ |actual − forecast| ÷ Σ actual over the backtest points',
  },
  bias: {
    term: 'Bias',
    definition: 'Whether a forecast runs high (+) or low (−) in the backtest.',
    formula: 'Σ (forecast − actual) ÷ Σ actual',
  },
  mase: {
    term: 'MASE',
    definition: 'Mean absolute scaled error: the error relative to a naive forecast; below 1 beats it.',
    formula: 'mean of |actual − forecast| ÷ the series’ in-sample naive error',
  },
  historyGap: {
    term: 'History gap',
    definition: 'Weeks between the last week of sales history and the as-of week: the forecast covers them, shaded on the chart.',
    formula: 'forecast weeks dated before the as-of week',
  },
} satisfies Record<string, GlossaryEntry>;

export type GlossaryKey = keyof typeof entries;

/** "Planning Balance = Theoretical Balance + On Order + Allocated". */
function sumFormula(entry: GlossaryEntry): string {
  const name = (key: string) => {
    const e = (entries as Record<string, GlossaryEntry>)[key];
    return e.erpName ?? e.term;
  };
  const terms = entry.sum!.map((t, i) => `${i === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${name(t.key)}`).join('');
  return `${entry.erpName ?? entry.term} = ${terms}`;
}

export const GLOSSARY: Readonly<Record<GlossaryKey, GlossaryEntry>> = Object.fromEntries(
  Object.entries(entries).map(([key, e]) => [key, 'sum' in e && e.sum ? { ...e, formula: sumFormula(e) } : e]),
) as Record<GlossaryKey, GlossaryEntry>;

export function isGlossaryKey(key: string): key is GlossaryKey {
  return Object.prototype.hasOwnProperty.call(GLOSSARY, key);
}

/** One tooltip: "Planning balance (ERP: Planning Balance): definition\nPlanning Balance = …". */
export function glossaryText(key: GlossaryKey): string {
  const e = GLOSSARY[key];
  return `${e.term}${e.erpName && e.erpName.toLowerCase() !== e.term.toLowerCase() ? ` (ERP: ${e.erpName})` : ''}: ${e.definition}\n${e.formula}`;
}
