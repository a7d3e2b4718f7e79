// Column specs of the yarn grids (position and shortages): units in the headers, chips for risk (with its basis).
// A shortage row's structured values (the receipt to expedite, the suggestion, the pegged orders) become cells here.
import type { ShortageRow } from '../../../../shared/views';
import { compareWeeksOfSupply, peggedOrdersText, suggestionText, weeksOfSupplyText } from '../../../../shared/viewText';
import { glossaryText } from '../../../../shared/glossary';
import type { GridColumn } from '../../components/gridColumns';
import { ChipCell } from '../../components/Chip';
import { RiskCell } from './RiskCell';

export const POSITION_COLUMNS: GridColumn[] = [
  { field: 'yarnId', headerName: 'Yarn', kind: 'text', pinned: 'left', width: 84 },
  { field: 'description', headerName: 'Description', kind: 'text', width: 250 },
  { field: 'risk', headerName: 'Risk', kind: 'text', width: 100, colDef: { cellRenderer: RiskCell } },
  {
    field: 'riskBasis',
    headerName: 'Risk basis',
    kind: 'text',
    width: 140,
    description: glossaryText('riskBasis'),
    colDef: { cellClassRules: { 'cell-basis-projected': (p: { value?: unknown }) => p.value === 'projected deficit' } },
  },
  {
    field: 'planningBalanceLbs',
    headerName: 'Planning balance',
    unit: 'lbs',
    width: 150,
    description: glossaryText('planningBalance'),
  },
  {
    field: 'firstShortWeek',
    headerName: 'First short week',
    kind: 'date',
    width: 130,
    description: glossaryText('firstShortWeek'),
  },
  { field: 'maxDeficitLbs', headerName: 'Max deficit', unit: 'lbs', width: 120, description: glossaryText('maxDeficit') },
  { field: 'theoreticalBalanceLbs', headerName: 'Inventory', unit: 'lbs', width: 120, description: glossaryText('theoreticalBalance') },
  { field: 'allocatedLbs', headerName: 'Allocated', unit: 'lbs', width: 120, description: glossaryText('allocated') },
  { field: 'onOrderLbs', headerName: 'On order', unit: 'lbs', width: 120, description: glossaryText('onOrder') },
  { field: 'weeklyUsageLbs', headerName: 'Weekly usage', unit: 'lbs/wk', width: 130, description: glossaryText('weeklyUsage') },
  { field: 'weeklyUsageSource', headerName: 'Usage source', kind: 'text', width: 120 },
  {
    field: 'weeksOfSupply',
    headerName: 'Weeks of supply',
    unit: 'wks',
    decimals: 1,
    width: 130,
    description: glossaryText('weeksOfSupply'),
    colDef: {
      valueFormatter: (p: { value?: unknown }) => weeksOfSupplyText(typeof p.value === 'number' ? p.value : null),
      comparator: compareWeeksOfSupply,
    },
  },
  { field: 'costPerLb', headerName: 'Cost', unit: '$/lb', decimals: 2, width: 96 },
  { field: 'supplier', headerName: 'Supplier', kind: 'text', width: 200 },
];

export const SHORTAGE_COLUMNS: GridColumn[] = [
  { field: 'yarnId', headerName: 'Yarn', kind: 'text', pinned: 'left', width: 84 },
  { field: 'description', headerName: 'Description', kind: 'text', width: 230 },
  { field: 'risk', headerName: 'Risk', kind: 'text', width: 100, colDef: { cellRenderer: ChipCell } },
  { field: 'firstShortWeek', headerName: 'First short', kind: 'date', width: 110 },
  { field: 'deficitAtFirstShortLbs', headerName: 'Deficit then', unit: 'lbs', width: 120 },
  { field: 'maxDeficitLbs', headerName: 'Max deficit', unit: 'lbs', width: 120, description: glossaryText('maxDeficit') },
  { field: 'maxDeficitWeek', headerName: 'Deepest week', kind: 'date', width: 120 },
  {
    field: 'recoveryWeek',
    headerName: 'Recovers',
    kind: 'date',
    width: 110,
    description: 'First week back above zero; empty = not within the horizon',
  },
  { field: 'expeditePo', headerName: 'Expedite PO', kind: 'text', width: 110 },
  { field: 'expediteLbs', headerName: 'PO qty', unit: 'lbs', width: 110 },
  { field: 'expediteWeek', headerName: 'PO due', kind: 'date', width: 110 },
  { field: 'suggestion', headerName: 'Suggestion', kind: 'text', width: 300 },
  { field: 'noSuggestionReason', headerName: 'Why no suggestion', kind: 'text', width: 320 },
  { field: 'peggedOrders', headerName: 'Pegged orders (first short week)', kind: 'text', width: 360 },
  { field: 'peggedLbs', headerName: 'Pegged', unit: 'lbs', width: 100, description: glossaryText('peggedLbs') },
  { field: 'pastDueReceiptsLbs', headerName: 'Past-due receipts', unit: 'lbs', width: 140, description: glossaryText('pastDueReceipts') },
  { field: 'planningBalanceLbs', headerName: 'Planning balance', unit: 'lbs', width: 140, description: glossaryText('planningBalance') },
  { field: 'supplier', headerName: 'Supplier', kind: 'text', width: 200 },
];

export type ShortageGridRow = Omit<ShortageRow, 'expedite' | 'suggestion' | 'pegged'> & {
  expeditePo: string | null;
  expediteLbs: number | null;
  expediteWeek: string | null;
  suggestion: string | null;
  peggedOrders: string;
};

export function shortageGridRow({ expedite, suggestion, pegged, ...r }: ShortageRow): ShortageGridRow {
  return {
    ...r,
    expeditePo: expedite?.poNo ?? null,
    expediteLbs: expedite?.lbs ?? null,
    expediteWeek: expedite?.weekStart ?? null,
    suggestion: suggestion ? suggestionText(suggestion) : null,
    peggedOrders: peggedOrdersText(pegged),
  };
}
