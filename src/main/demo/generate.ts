// generateErpExports: writes a folder shaped like the real ERP export folder (master/ + snapshots/<asOf>/)
// from a seeded synthetic dataset.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDemoDataset, type DemoDataset } from './dataset';
import { apiKnitOrdersJson } from './exports/apiKnitOrders';
import { bomExport } from './exports/bom';
import { knitOrderDemandTable, styleDemandTable, yarnDemandTable } from './exports/erpReports';
import { expectedYarnTable } from './exports/expectedYarn';
import { knitOrdersTable } from './exports/knitOrders';
import { machineReportCsv } from './exports/machineReport';
import { productionLbsTable } from './exports/productionLbs';
import { quadsGreigeJson } from './exports/quadsGreige';
import { f01Table, g00Table, g02Table, i01Table } from './exports/rollInventories';
import { salesActivityCsv } from './exports/salesActivity';
import { salesOrdersTable } from './exports/salesOrders';
import { styleBridgeCsv, styleBridgeRows, styleBridgeTable } from './exports/styleBridge';
import { stylesMasterCsv } from './exports/stylesMaster';
import { supplierListCsv } from './exports/supplierList';
import { yarnIdMasterCsv } from './exports/yarnIdMaster';
import { yarnInventoryTable } from './exports/yarnInventory';
import { yarnPosTable } from './exports/yarnPos';
import { LARGE_SHEET_ROWS, MASTER_DIR, demoManifest, snapshotDir, type DemoFormat, type DemoManifest, type SnapshotExport } from './manifest';
import type { DemoOptions } from './types';
import { excelSavedCsv } from './write/csv';
import type { SheetTable } from './write/table';
import { writeXlsx } from './write/xlsx';

export interface GenerateOptions extends Partial<DemoOptions> {
  outDir: string;
  /** Snapshot exports as the ERP's xlsx and/or Excel-saved CSV copies (default: xlsx). */
  formats?: DemoFormat[];
  /** Sheets with more data rows are written as CSV instead of xlsx (default LARGE_SHEET_ROWS). */
  largeSheetRows?: number;
  /** Also write `demo-manifest.json` at the root of outDir (default true). */
  writeManifest?: boolean;
}

export interface GenerateResult {
  outDir: string;
  masterDir: string;
  snapshotDir: string;
  manifest: DemoManifest;
  /** Absolute paths of every export written (master first, then the snapshot), without the manifest. */
  files: string[];
  /** Milliseconds: building the dataset, then each file. */
  timingsMs: Record<string, number>;
  totalMs: number;
  warnings: string[];
}

const SNAPSHOT_TABLES: Record<SnapshotExport, (ds: DemoDataset) => SheetTable> = {
  yarn_inventory: yarnInventoryTable,
  eFab_Knit_Orders: knitOrdersTable,
  eFab_SO_List: salesOrdersTable,
  YarnPO: yarnPosTable,
  Expected_Yarn_Report: expectedYarnTable,
  eFab_Inventory_F01: f01Table,
  eFab_Inventory_G00: g00Table,
  eFab_Inventory_G02: g02Table,
  eFab_Inventory_I01: i01Table,
  Yarn_Demand_By_Style_KO: knitOrderDemandTable,
  Yarn_Demand_By_Style: styleDemandTable,
  Yarn_Demand: yarnDemandTable,
};

export async function generateErpExports(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const timingsMs: Record<string, number> = {};
  const warnings: string[] = [];
  const files: string[] = [];
  const formats: DemoFormat[] = options.formats?.length ? [...new Set(options.formats)] : ['xlsx'];
  let t0 = performance.now();
  const ds = buildDemoDataset(options);
  timingsMs.dataset = performance.now() - t0;
  const { asOf } = ds.options;
  const largeSheetRows = options.largeSheetRows ?? LARGE_SHEET_ROWS;
  // the manifest says which sheets are large (written as CSV); the files follow it
  const manifest = demoManifest(ds, formats, largeSheetRows);
  const listed = new Set(manifest.files.map((f) => f.path));
  const masterDir = join(options.outDir, MASTER_DIR);
  const snapDir = join(options.outDir, ...snapshotDir(asOf).split('/'));
  await mkdir(masterDir, { recursive: true });
  await mkdir(snapDir, { recursive: true });

  const time = async (name: string, work: () => Promise<void> | void) => {
    t0 = performance.now();
    await work();
    timingsMs[name] = performance.now() - t0;
  };
  const text = (dir: string, name: string, content: () => string) =>
    time(`${dir}/${name}`, async () => {
      const path = join(options.outDir, dir, name);
      await writeFile(path, content(), 'utf8');
      files.push(path);
    });
  /** An xlsx export, or its Excel-saved CSV copy when the sheet is large (largeSheetRows); `csvCopy` false when
   * the caller writes the CSV itself. */
  const xlsx = async (dir: string, name: string, table: () => SheetTable, csvCopy: boolean) => {
    const tb = table();
    if (!listed.has(`${dir}/${name}.xlsx`)) {
      warnings.push(`${dir}/${name}: ${tb.rows.length} rows, written as CSV only (xlsx above ${largeSheetRows} rows)`);
      if (csvCopy) await text(dir, `${name}.csv`, () => excelSavedCsv(tb));
      return;
    }
    await time(`${dir}/${name}.xlsx`, async () => {
      await writeXlsx(join(options.outDir, dir, `${name}.xlsx`), [tb], asOf);
      files.push(join(options.outDir, dir, `${name}.xlsx`));
    });
  };

  const m = MASTER_DIR;
  await text(m, 'BOM_updated.csv', () => bomExport(ds).text);
  await text(m, 'Supplier_ID.csv', () => supplierListCsv(ds).text);
  await text(m, 'Yarn_ID_Master.csv', () => yarnIdMasterCsv(ds).text);
  const bridge = styleBridgeRows(ds);
  await xlsx(m, 'eFab_Styles', () => styleBridgeTable(bridge), false);
  await text(m, 'eFab_Styles.csv', () => styleBridgeCsv(bridge));
  await text(m, 'styles_master.csv', () => stylesMasterCsv(ds).text);
  await text(m, 'QuadS_greigeFabricList.csv', () => quadsGreigeJson(ds).text);
  await text(m, 'Machine Report fin1.csv', () => machineReportCsv(ds).text);
  await xlsx(m, 'Production Lbs', () => productionLbsTable(ds), true);
  await text(m, 'Sales Activity Report.csv', () => salesActivityCsv(ds).text);
  await text(m, 'efab_api_knit_orders.json', () => apiKnitOrdersJson(ds).text);

  const s = snapshotDir(asOf);
  for (const [name, build] of Object.entries(SNAPSHOT_TABLES) as [SnapshotExport, (d: DemoDataset) => SheetTable][]) {
    const table = build(ds);
    if (formats.includes('xlsx')) await xlsx(s, name, () => table, !formats.includes('csv'));
    if (formats.includes('csv')) await text(s, `${name}.csv`, () => excelSavedCsv(table));
  }

  if (options.writeManifest ?? true) {
    await writeFile(join(options.outDir, 'demo-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  }
  return { outDir: options.outDir, masterDir, snapshotDir: snapDir, manifest, files, timingsMs, totalMs: performance.now() - started, warnings };
}
