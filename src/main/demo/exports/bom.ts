// master/BOM_updated.csv: the stale BOM export. Fractions truncated to 2 decimals per feed line, duplicate
// feed lines, a block of ",,," lines at the end, a few styles with edge spaces, styles not contiguous.
import type { DemoDataset } from '../dataset';
import { floorTo } from '../prng';
import { csvText } from '../write/csv';

export const BOM_HEADERS = ['Style#', 'Desc#', 'BOM_Percentage', 'unit'] as const;
/** Share of fully blank lines in the real export (5922 of 28653). */
export const BOM_BLANK_SHARE = 5922 / 22731;

export interface BomExport {
  text: string;
  lines: number;
  blankLines: number;
  styles: number;
}

export function bomExport(ds: DemoDataset): BomExport {
  const lines: { feed: number; style: string; desc: number; pct: number }[] = [];
  let styles = 0;
  for (const g of ds.styles.greige) {
    if (!g.inBomExport) continue;
    styles++;
    let feed = 0;
    for (const c of g.exportBom ?? g.bom) {
      for (const part of c.feeds) lines.push({ feed: feed++, style: g.exportedStyle, desc: c.descId, pct: floorTo(part, 2) });
    }
  }
  // The ERP lists each style's first feed line, then every style's second, and so on.
  lines.sort((a, b) => a.feed - b.feed || (a.style < b.style ? -1 : a.style > b.style ? 1 : a.desc - b.desc));
  const blankLines = Math.round(lines.length * BOM_BLANK_SHARE);
  const out: string[][] = [BOM_HEADERS.slice()];
  for (const l of lines) out.push([l.style, String(l.desc), String(l.pct), 'lbs']);
  for (let i = 0; i < blankLines; i++) out.push(['', '', '', '']);
  return { text: csvText(out), lines: lines.length, blankLines, styles };
}
