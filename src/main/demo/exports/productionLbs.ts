// master/Production Lbs.xlsx: an Excel pivot export (Style, Average of lbs/day); styles keep the BOM's
// edge spaces; one blank rate; new styles are missing.
import type { DemoDataset } from '../dataset';
import type { Cell, SheetTable } from '../write/table';

export const PRODUCTION_LBS_HEADERS = ['Style', 'Average of lbs/day'] as const;

export function productionLbsTable(ds: DemoDataset): SheetTable {
  const rows: Cell[][] = ds.styles.greige
    .filter((g) => g.listedInProductionLbs)
    .map((g) => [g.exportedStyle, g.productionLbsPerDay] as Cell[])
    .sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
  return { sheetName: 'Sheet1', columns: PRODUCTION_LBS_HEADERS.map((header) => ({ header })), rows };
}
