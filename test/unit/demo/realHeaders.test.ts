// The demo files carry the real exports' column names (headers only are read from the real files).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateErpExports } from '../../../src/main/demo/generate';
import { erpPath, erpSkipReason, hasErpData } from '../../support/erpData';
import { csvHeader, readXlsxHeader } from './sheets';

const AS_OF = '2025-09-02';
let dir: string;

const MASTER_CSV = [
  'BOM_updated.csv',
  'Supplier_ID.csv',
  'Yarn_ID_Master.csv',
  'styles_master.csv',
  'Sales Activity Report.csv',
  'Machine Report fin1.csv',
  'eFab_Styles.csv',
];
const MASTER_XLSX = ['eFab_Styles.xlsx', 'Production Lbs.xlsx'];
const SNAPSHOT_XLSX = [
  'yarn_inventory.xlsx',
  'eFab_Knit_Orders.xlsx',
  'eFab_SO_List.xlsx',
  'YarnPO.xlsx',
  'Expected_Yarn_Report.xlsx',
  'eFab_Inventory_F01.xlsx',
  'eFab_Inventory_G00.xlsx',
  'eFab_Inventory_G02.xlsx',
  'eFab_Inventory_I01.xlsx',
  'Yarn_Demand_By_Style_KO.xlsx',
  'Yarn_Demand_By_Style.xlsx',
];

function keysOf(value: unknown): string[] {
  return Object.keys(value as Record<string, unknown>).sort();
}

describe.skipIf(!hasErpData)(`demo headers match the real exports${hasErpData ? '' : ` (${erpSkipReason})`}`, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demo-headers-'));
    await generateErpExports({ seed: 7, scale: 0.1, asOf: AS_OF, outDir: dir });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(MASTER_CSV)('master/%s', (name) => {
    expect(csvHeader(join(dir, 'master', name))).toEqual(csvHeader(erpPath('master', name)));
  });

  it.each(MASTER_XLSX)('master/%s', async (name) => {
    expect(await readXlsxHeader(join(dir, 'master', name))).toEqual(await readXlsxHeader(erpPath('master', name)));
  });

  it.each(SNAPSHOT_XLSX)(`snapshots/${AS_OF}/%s`, async (name) => {
    expect(await readXlsxHeader(join(dir, 'snapshots', AS_OF, name))).toEqual(await readXlsxHeader(erpPath('snapshots', AS_OF, name)));
  });

  it('Yarn_Demand.xlsx (same-run 04:42 file of the 9-2 snapshot: title, blank row, header with spacers)', async () => {
    const ours = await readXlsxHeader(join(dir, 'snapshots', AS_OF, 'Yarn_Demand.xlsx'), 'Yarn');
    expect(ours).toEqual(await readXlsxHeader(erpPath('snapshots', AS_OF, 'Yarn_Demand_2025-09-02_0442.xlsx'), 'Yarn'));
  });

  it('QuadS_greigeFabricList.csv (JSON fields) and efab_api_knit_orders.json (nested fields)', () => {
    const firstRecord = (path: string) => {
      // The real files are a few MB; only the first record is compared.
      const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
      return data[0];
    };
    const q = firstRecord(join(dir, 'master', 'QuadS_greigeFabricList.csv'));
    expect(keysOf(q)).toEqual(keysOf(firstRecord(erpPath('master', 'QuadS_greigeFabricList.csv'))));
    const ours = firstRecord(join(dir, 'master', 'efab_api_knit_orders.json'));
    const real = firstRecord(erpPath('master', 'efab_api_knit_orders.json'));
    expect(keysOf(ours)).toEqual(keysOf(real));
    expect(keysOf(ours.knit_style_base)).toEqual(keysOf(real.knit_style_base));
    expect(keysOf(ours.knit_version)).toEqual(keysOf(real.knit_version));
  });
});
