// Columns of the purchasing grids: suggestions, supplier totals, uncovered shortages, PO drafts. A suggestion's
// pegging, flags and supplier match become text cells here (the Match cell also reads the match itself).
import type { PurchasingSuggestion } from '../../../../shared/views';
import { peggingText } from '../../../../shared/viewText';
import { glossaryText } from '../../../../shared/glossary';
import type { GridColumn } from '../../components/gridColumns';
import { ChipCell } from '../../components/Chip';
import { linkCell } from '../../components/LinkCell';
import { navigate } from '../../shell/useHashRoute';
import { ActionCell, SupplierMatchCell, supplierMatchLabel, yarnSupplierClass } from './ActionCell';

export type SuggestionGridRow = Omit<PurchasingSuggestion, 'pegging' | 'flags' | 'supplierMatch'> & {
  pegging: string;
  flags: string;
  supplierMatch: string;
  match: PurchasingSuggestion['supplierMatch'];
};

export function suggestionGridRow({ pegging, flags, supplierMatch, ...s }: PurchasingSuggestion): SuggestionGridRow {
  return { ...s, pegging: peggingText(pegging), flags: flags.join('; '), supplierMatch: supplierMatchLabel(supplierMatch), match: supplierMatch };
}

const openYarn = linkCell((id) => navigate('yarn', { yarnId: id }), 'Open the yarn');

export const SUGGESTION_COLUMNS: GridColumn[] = [
  { field: 'action', headerName: 'Action', kind: 'text', width: 180, colDef: { cellRenderer: ActionCell } },
  { field: 'yarnId', headerName: 'Yarn', kind: 'text', width: 84, colDef: { cellRenderer: openYarn } },
  {
    field: 'supplierName',
    headerName: 'Supplier',
    kind: 'text',
    width: 200,
    description: 'The supplier of the supplier master the suggestion is placed with (lead time, MOQ)',
  },
  {
    field: 'yarnSupplier',
    headerName: 'Yarn’s supplier',
    kind: 'text',
    width: 190,
    description: 'The supplier text on the yarn (inventory export)',
    colDef: { cellClass: yarnSupplierClass },
  },
  {
    field: 'supplierMatch',
    headerName: 'Match',
    kind: 'text',
    width: 110,
    description: 'How the yarn’s supplier text was matched to the supplier master: manual, exact, normalised, token (some words only: check) or none',
    colDef: { cellRenderer: SupplierMatchCell },
  },
  { field: 'qtyLbs', headerName: 'Qty', unit: 'lbs', width: 100 },
  { field: 'valueUsd', headerName: 'Value', unit: 'USD', width: 100 },
  { field: 'releaseDate', headerName: 'Release', kind: 'date', width: 110, description: glossaryText('releaseDate') },
  { field: 'receiptDate', headerName: 'Receipt', kind: 'date', width: 110 },
  { field: 'receiptWeek', headerName: 'Week', kind: 'text', width: 96 },
  { field: 'leadTimeDays', headerName: 'Lead time', unit: 'days', width: 110, description: glossaryText('leadTime') },
  { field: 'netRequirementLbs', headerName: 'Net requirement', unit: 'lbs', width: 140, description: glossaryText('netRequirement') },
  { field: 'lotSizeLbs', headerName: 'Lot size', unit: 'lbs', width: 110, hide: true },
  { field: 'shortageLbs', headerName: 'Short if late', unit: 'lbs', width: 120, description: 'Lbs short until this receipt arrives (expedite rows)' },
  { field: 'pegging', headerName: 'Pegging (week: lbs, orders)', kind: 'text', width: 420 },
  { field: 'unpeggedLbs', headerName: 'Unpegged', unit: 'lbs', width: 110 },
  { field: 'flags', headerName: 'Flags', kind: 'text', width: 320 },
  { field: 'id', headerName: 'Suggestion', kind: 'text', width: 150, hide: true },
];

export const SUPPLIER_COLUMNS: GridColumn[] = [
  { field: 'supplierName', headerName: 'Supplier', kind: 'text', colDef: { minWidth: 150 } },
  { field: 'suggestionCount', headerName: 'POs', kind: 'number' },
  { field: 'totalLbs', headerName: 'Lbs', kind: 'number', decimals: 0 },
  { field: 'totalUsd', headerName: 'Value', unit: 'USD' },
  { field: 'lateCount', headerName: 'Expedite', kind: 'number' },
  { field: 'yarnCount', headerName: 'Yarns', kind: 'number', hide: true },
  { field: 'earliestReleaseDate', headerName: 'First release', kind: 'date', hide: true },
  { field: 'flags', headerName: 'Flags', kind: 'text', hide: true },
];

export const UNCOVERED_COLUMNS: GridColumn[] = [
  { field: 'yarnId', headerName: 'Yarn', kind: 'text', width: 84, pinned: 'left', colDef: { cellRenderer: openYarn } },
  { field: 'description', headerName: 'Description', kind: 'text', width: 240 },
  { field: 'supplier', headerName: 'Supplier', kind: 'text', width: 180 },
  { field: 'reason', headerName: 'Why no suggestion', kind: 'text', width: 170, colDef: { cellRenderer: ChipCell } },
  { field: 'firstWeek', headerName: 'First short week', kind: 'date', width: 130 },
  { field: 'lbs', headerName: 'Short', unit: 'lbs', width: 100 },
  { field: 'detail', headerName: 'Detail', kind: 'text', width: 620 },
];
