// The work-center load heat map as grid rows and columns: one row per work center, one column per week, each cell
// the week's utilisation % coloured by the policy's bands.
import type { CellClassParams } from 'ag-grid-community';
import type { CapacityView } from '../../../../shared/views';
import { isoWeekLabel } from '../../../../shared/dates';
import type { GridColumn } from '../../components/gridColumns';
import { shortDate } from '../../lib/format';
import { utilisationBand, type UtilisationBands } from '../../stores/policyStore';

type WorkCenter = CapacityView['workCenters'][number];
type WeekField = `w${number}`;
export type HeatRow = Omit<WorkCenter, 'weeks'> & Record<WeekField, number | null>;

export const weekField = (i: number): WeekField => `w${i}`;

/** Work centers with their weeks flattened to `w0..wN` (so sort, filter and export work per week), busiest first. */
export function heatRows(view: { workCenters: readonly WorkCenter[] }): HeatRow[] {
  return view.workCenters
    .map(({ weeks, ...wc }) => ({ ...wc, ...Object.fromEntries(weeks.map((v, i) => [weekField(i), v])) }))
    .sort((a, b) => (b.peakUtilisationPct ?? -1) - (a.peakUtilisationPct ?? -1) || (b.utilisationPct ?? 0) - (a.utilisationPct ?? 0));
}

export function heatCellClass(bands: UtilisationBands) {
  return (p: CellClassParams): string[] => {
    const v = typeof p.value === 'number' ? p.value : null;
    if (v === null) return ['ag-right-aligned-cell', 'heat-cell'];
    if (v === 0) return ['ag-right-aligned-cell', 'heat-cell', 'heat-zero'];
    return ['ag-right-aligned-cell', 'heat-cell', `heat-${utilisationBand(v, bands)}`];
  };
}

export function heatColumns(weekStarts: readonly string[], bands: UtilisationBands, markWeek?: string): GridColumn[] {
  const cellClass = heatCellClass(bands);
  return [
    {
      field: 'workCenter',
      headerName: 'Work center',
      kind: 'text',
      pinned: 'left',
      width: 120,
      colDef: { valueFormatter: (p) => (p.value === '' ? '(none)' : String(p.value ?? '')) },
    },
    { field: 'machines', headerName: 'Machines', kind: 'number', width: 96, pinned: 'left' },
    { field: 'peakUtilisationPct', headerName: 'Peak', unit: '%', decimals: 0, width: 84, pinned: 'left', colDef: { cellClass } },
    { field: 'utilisationPct', headerName: 'Avg', unit: '%', decimals: 0, width: 78, pinned: 'left', description: 'Utilisation over the horizon' },
    { field: 'overloadedWeeks', headerName: 'Over wks', kind: 'number', width: 92, description: `Weeks above ${bands.overloadPct} %` },
    ...weekStarts.map<GridColumn>((w, i) => ({
      field: weekField(i),
      headerName: `${isoWeekLabel(w).slice(5)} ${shortDate(w)}`,
      unit: '%',
      kind: 'number',
      decimals: 0,
      width: 76,
      description: `Utilisation in ${isoWeekLabel(w)} (week of ${w})`,
      colDef: {
        cellClass,
        headerClass: markWeek && (w === markWeek || isoWeekLabel(w) === markWeek) ? 'heat-head-marked' : undefined,
        minWidth: 64,
        headerName: `${isoWeekLabel(w).slice(5)}`,
        headerTooltip: `${isoWeekLabel(w)} · week of ${w} (%)`,
      },
    })),
    { field: 'daysAvailable', headerName: 'Days available', kind: 'number', decimals: 0, width: 120, hide: true },
    { field: 'daysAssigned', headerName: 'Days assigned', kind: 'number', decimals: 1, width: 120, hide: true },
    { field: 'daysUnassigned', headerName: 'Days unassigned', kind: 'number', decimals: 1, width: 130, hide: true },
    { field: 'peakWeek', headerName: 'Peak week', kind: 'text', width: 100, hide: true },
  ];
}
