// What a demo generation produces: files with their data-row counts, headline counts and planted
// scenarios. Pure: computed from the in-memory dataset, no I/O.
import type { DemoDataset } from './dataset';
import { BOM_BLANK_SHARE } from './exports/bom';
import { styleBridgeRows } from './exports/styleBridge';

export type DemoFormat = 'xlsx' | 'csv';

export interface DemoFileEntry {
  /** Path relative to the output folder, with `/` separators. */
  path: string;
  kind: 'xlsx' | 'csv' | 'json';
  /** Data rows (header, title and blank lines excluded). */
  rows: number;
  /** Fully blank lines the file carries on purpose (BOM_updated, Yarn_ID_Master). */
  blankLines?: number;
}

export interface DemoManifest {
  seed: number;
  scale: number;
  asOf: string;
  files: DemoFileEntry[];
  counts: Record<string, number>;
  scenarios: Record<string, string[]>;
}

export const MASTER_DIR = 'master';

/**
 * Sheets with more data rows than this are written as the ERP's Excel-saved CSV copy instead of xlsx (the real
 * 2025-08-28 snapshot carries such copies of every export; eFab_Styles' master is a CSV too). exceljs needs
 * ~60 µs a row, so a 1M-row xlsx takes a minute and its reading dominates an import; below the limit (every sheet
 * at scale 1 and 10) the output is unchanged.
 */
export const LARGE_SHEET_ROWS = 200_000;

export function snapshotDir(asOf: string): string {
  return `snapshots/${asOf}`;
}

/** Snapshot exports written as xlsx by the ERP (and as Excel-saved CSV copies with format 'csv'). */
export const SNAPSHOT_XLSX = [
  'yarn_inventory',
  'eFab_Knit_Orders',
  'eFab_SO_List',
  'YarnPO',
  'Expected_Yarn_Report',
  'eFab_Inventory_F01',
  'eFab_Inventory_G00',
  'eFab_Inventory_G02',
  'eFab_Inventory_I01',
  'Yarn_Demand_By_Style_KO',
  'Yarn_Demand_By_Style',
  'Yarn_Demand',
] as const;
export type SnapshotExport = (typeof SNAPSHOT_XLSX)[number];

export function snapshotRowCounts(ds: DemoDataset): Record<SnapshotExport, number> {
  return {
    yarn_inventory: ds.positions.size,
    eFab_Knit_Orders: ds.knitOrders.filter((k) => !k.apiOnly).length,
    eFab_SO_List: ds.salesOrders.length,
    YarnPO: ds.yarnPos.length,
    Expected_Yarn_Report: ds.yarnPos.length,
    eFab_Inventory_F01: ds.rolls.f01.length,
    eFab_Inventory_G00: ds.rolls.g00.length,
    eFab_Inventory_G02: ds.rolls.g02.length,
    eFab_Inventory_I01: ds.rolls.i01.length,
    Yarn_Demand_By_Style_KO: ds.koDemand.length,
    Yarn_Demand_By_Style: ds.styleDemand.length,
    Yarn_Demand: ds.yarnDemand.length,
  };
}

export function bomLineCount(ds: DemoDataset): number {
  let lines = 0;
  for (const g of ds.styles.greige) if (g.inBomExport) for (const c of g.exportBom ?? g.bom) lines += c.feeds.length;
  return lines;
}

/** `largeSheetRows`: sheets with more data rows are listed (and written) as CSV instead of xlsx. */
export function demoManifest(ds: DemoDataset, formats: readonly DemoFormat[] = ['xlsx'], largeSheetRows = LARGE_SHEET_ROWS): DemoManifest {
  const m = MASTER_DIR;
  const xlsxOrCsv = (rows: number) => (rows > largeSheetRows ? 'csv' : 'xlsx');
  const productionLbs = ds.styles.greige.filter((g) => g.listedInProductionLbs).length;
  const bomLines = bomLineCount(ds);
  const bridge = styleBridgeRows(ds).length;
  const files: DemoFileEntry[] = [
    { path: `${m}/BOM_updated.csv`, kind: 'csv', rows: bomLines, blankLines: Math.round(bomLines * BOM_BLANK_SHARE) },
    { path: `${m}/Supplier_ID.csv`, kind: 'csv', rows: ds.suppliers.filter((s) => s.listedAs !== null).length },
    { path: `${m}/Yarn_ID_Master.csv`, kind: 'csv', rows: ds.targets.yarnIdMaster, blankLines: 3 },
    ...(xlsxOrCsv(bridge) === 'xlsx' ? [{ path: `${m}/eFab_Styles.xlsx`, kind: 'xlsx' as const, rows: bridge }] : []),
    { path: `${m}/eFab_Styles.csv`, kind: 'csv', rows: bridge },
    {
      path: `${m}/styles_master.csv`,
      kind: 'csv',
      rows: ds.styles.finished.length + ds.targets.stylesMasterExtra + ds.targets.stylesMasterDuplicates,
    },
    { path: `${m}/QuadS_greigeFabricList.csv`, kind: 'json', rows: ds.styles.greige.filter((g) => g.inQuadS).length },
    { path: `${m}/Machine Report fin1.csv`, kind: 'csv', rows: ds.park.machines.length },
    { path: `${m}/Production Lbs.${xlsxOrCsv(productionLbs)}`, kind: xlsxOrCsv(productionLbs), rows: productionLbs },
    { path: `${m}/Sales Activity Report.csv`, kind: 'csv', rows: ds.salesLines.length },
    { path: `${m}/efab_api_knit_orders.json`, kind: 'json', rows: ds.knitOrders.length },
  ];
  const snap = snapshotDir(ds.options.asOf);
  const counts = snapshotRowCounts(ds);
  for (const name of SNAPSHOT_XLSX) {
    const large = xlsxOrCsv(counts[name]) === 'csv';
    if (formats.includes('xlsx') && !large) files.push({ path: `${snap}/${name}.xlsx`, kind: 'xlsx', rows: counts[name] });
    if (formats.includes('csv') || large) files.push({ path: `${snap}/${name}.csv`, kind: 'csv', rows: counts[name] });
  }
  const scenarios: Record<string, string[]> = {};
  for (const s of ds.scenarios) (scenarios[s.kind] ??= []).push(s.subject);
  const machinesUsed = new Set(ds.knitOrders.filter((k) => !k.apiOnly && k.liveBalanceLbs > 0 && k.machine !== null).map((k) => k.machine));
  return {
    seed: ds.options.seed,
    scale: ds.options.scale,
    asOf: ds.options.asOf,
    files,
    counts: {
      suppliers: ds.suppliers.length,
      yarnsInInventory: ds.positions.size,
      yarnsInBom: new Set(ds.styles.greige.filter((g) => g.inBomExport).flatMap((g) => (g.exportBom ?? g.bom).map((c) => c.descId))).size,
      greigeStyles: ds.styles.greige.length,
      bomStyles: ds.styles.greige.filter((g) => g.inBomExport).length,
      bomLines,
      finishedStyles: ds.styles.finished.length,
      machines: ds.park.machines.length,
      workCenters: new Set(ds.park.machines.map((mm) => mm.workCenter).filter(Boolean)).size,
      knitOrders: counts.eFab_Knit_Orders,
      openKnitOrders: ds.knitOrders.filter((k) => !k.apiOnly && k.liveBalanceLbs > 0).length,
      machinesWithOpenKnitOrders: machinesUsed.size,
      salesOrders: ds.salesOrders.length,
      yarnPos: ds.yarnPos.length,
      salesLines: ds.salesLines.length,
      salesWeeks: ds.targets.salesWeeks,
    },
    scenarios,
  };
}
