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
import { MASTER_DIR, demoManifest, snapshotDir, type DemoFormat, type DemoManifest, type SnapshotExport } from './manifest';
import type { DemoOptions } from './types';
import { excelSavedCsv } from './write/csv';
import type { SheetTable } from './write/table';
import { XLSX_MAX_ROWS, tableRowCount, writeXlsx } from './write/xlsx';

export interface GenerateOptions extends Partial<DemoOptions> {
  outDir: string;
  /** Snapshot exports as the ERP's xlsx and/or Excel-saved CSV copies (default: xlsx). */
  formats?: DemoFormat[];
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
  const xlsx = async (dir: string, name: string, table: () => SheetTable, fallbackCsv: boolean) => {
    await time(`${dir}/${name}.xlsx`, async () => {
      const tb = table();
      if (tableRowCount(tb) > XLSX_MAX_ROWS) {
        warnings.push(`${dir}/${name}.xlsx skipped: ${tb.rows.length} rows exceed the xlsx limit of ${XLSX_MAX_ROWS}`);
        if (fallbackCsv) {
          await writeFile(join(options.outDir, dir, `${name}.csv`), excelSavedCsv(tb), 'utf8');
          files.push(join(options.outDir, dir, `${name}.csv`));
        }
        return;
      }
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
    if (formats.includes('xlsx')) await xlsx(s, name, () => build(ds), !formats.includes('csv'));
    if (formats.includes('csv')) await text(s, `${name}.csv`, () => excelSavedCsv(build(ds)));
  }

  const manifest = demoManifest(ds, formats);
  if (options.writeManifest ?? true) {
    await writeFile(join(options.outDir, 'demo-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  }
  return { outDir: options.outDir, masterDir, snapshotDir: snapDir, manifest, files, timingsMs, totalMs: performance.now() - started, warnings };
}
