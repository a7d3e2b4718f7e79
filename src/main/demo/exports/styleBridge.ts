// eFab_Styles.xlsx / .csv: finished -> greige bridge, with fully duplicated rows, fStyles mapping to
// several gBases, `style` rewritten with "/", gBase with inner spaces; the csv has a UTF-8 BOM and M/D/YYYY.
import type { DemoDataset } from '../dataset';
import { Rng } from '../prng';
import { csvText } from '../write/csv';
import { dateCell, usDate, type Cell, type SheetTable } from '../write/table';

export const STYLE_BRIDGE_HEADERS = ['fStyle', 'cFBase', 'style', 'fVersion', 'gBase', 'gVer Created'] as const;

interface BridgeRow {
  fStyle: string;
  cfBase: string;
  style: string;
  fVersion: string;
  gBase: string;
  created: string;
}

export function styleBridgeRows(ds: DemoDataset): BridgeRow[] {
  const rng = new Rng(ds.options.seed, 'style-bridge');
  const rows: BridgeRow[] = [];
  const finished = ds.styles.finished.slice().sort((a, b) => (a.fStyle < b.fStyle ? -1 : a.fStyle > b.fStyle ? 1 : 0));
  for (const f of finished) {
    for (const fVersion of f.fVersions) {
      for (const gBase of f.gBases) {
        const style = rng.chance(0.91) ? f.fStyle.replace('-', '/') : f.fStyle;
        const created = ds.styles.byBase.get(gBase)?.[0].createdDate ?? f.createdDate;
        const row = { fStyle: f.fStyle, cfBase: f.cfBase, style, fVersion, gBase, created };
        rows.push(row);
        if (rng.chance(0.22)) rows.push({ ...row });
      }
    }
  }
  rows[rng.int(0, rows.length - 1)].fVersion = '';
  return rows;
}

export function styleBridgeTable(rows: readonly BridgeRow[]): SheetTable {
  const cells: Cell[][] = rows.map((r) => [r.fStyle, r.cfBase, r.style, r.fVersion === '' ? null : r.fVersion, r.gBase, dateCell(r.created)]);
  return {
    sheetName: 'Sheet',
    columns: STYLE_BRIDGE_HEADERS.map((header) => ({ header, format: header === 'gVer Created' ? 'date' : 'text' })),
    rows: cells,
  };
}

export function styleBridgeCsv(rows: readonly BridgeRow[]): string {
  const lines: string[][] = [STYLE_BRIDGE_HEADERS.slice()];
  for (const r of rows) lines.push([r.fStyle, r.cfBase, r.style, r.fVersion, r.gBase, usDate(r.created)]);
  return csvText(lines, true);
}
