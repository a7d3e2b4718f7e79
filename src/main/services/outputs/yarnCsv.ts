// The yarn position and shortage list as the CSV files (and the printed shortage report) write them: structured
// values (pegged orders, the purchase suggestion, the receipt to expedite) become one text cell each.
import type { ShortageRow, YarnPositionRow } from '../../../shared/views';
import { peggedOrdersText, suggestionText, weeksOfSupplyText } from '../../../shared/viewText';

export const POSITION_COLUMNS = [
  'yarnId',
  'description',
  'supplier',
  'theoreticalBalanceLbs',
  'allocatedLbs',
  'onOrderLbs',
  'planningBalanceLbs',
  'weeklyUsageLbs',
  'weeklyUsageSource',
  'weeksOfSupply',
  'risk',
  'riskBasis',
  'firstShortWeek',
  'maxDeficitLbs',
  'costPerLb',
] as const satisfies readonly (keyof YarnPositionRow)[];

/** A position row as yarn_position.csv writes it: weeks of supply as the grid shows it ("> 52", ∞ for no usage). */
export function positionCsvRow(r: YarnPositionRow): Omit<YarnPositionRow, 'weeksOfSupply'> & { weeksOfSupply: string } {
  return { ...r, weeksOfSupply: weeksOfSupplyText(r.weeksOfSupply) };
}

export const SHORTAGE_COLUMNS = [
  'yarnId',
  'description',
  'supplier',
  'risk',
  'planningBalanceLbs',
  'firstShortWeek',
  'deficitAtFirstShortLbs',
  'maxDeficitLbs',
  'maxDeficitWeek',
  'recoveryWeek',
  'pastDueReceiptsLbs',
  'expeditePo',
  'expediteWeek',
  'expediteLbs',
  'peggedOrders',
  'peggedLbs',
  'suggestion',
  'noSuggestionReason',
] as const;

export type ShortageCsvRow = Record<(typeof SHORTAGE_COLUMNS)[number], string | number | null>;

export function shortageCsvRow(r: ShortageRow): ShortageCsvRow {
  return {
    yarnId: r.yarnId,
    description: r.description,
    supplier: r.supplier,
    risk: r.risk,
    planningBalanceLbs: r.planningBalanceLbs,
    firstShortWeek: r.firstShortWeek,
    deficitAtFirstShortLbs: r.deficitAtFirstShortLbs,
    maxDeficitLbs: r.maxDeficitLbs,
    maxDeficitWeek: r.maxDeficitWeek,
    recoveryWeek: r.recoveryWeek,
    pastDueReceiptsLbs: r.pastDueReceiptsLbs,
    expeditePo: r.expedite?.poNo ?? null,
    expediteWeek: r.expedite?.weekStart ?? null,
    expediteLbs: r.expedite?.lbs ?? null,
    peggedOrders: peggedOrdersText(r.pegged),
    peggedLbs: r.peggedLbs,
    suggestion: r.suggestion ? suggestionText(r.suggestion) : null,
    noSuggestionReason: r.noSuggestionReason,
  };
}
