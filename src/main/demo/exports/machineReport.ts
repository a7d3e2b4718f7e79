// master/Machine Report fin1.csv: UTF-8 BOM, (WC, MACH) sorted by WC; one machine without a WC and a
// couple of WCs with a trailing space.
import type { DemoDataset } from '../dataset';
import { csvText } from '../write/csv';

export const MACHINE_REPORT_HEADERS = ['WC', 'MACH'] as const;

export function machineReportCsv(ds: DemoDataset): { text: string; rows: number } {
  const rows = ds.park.machines.map((m) => ({
    wc: m.workCenter && ds.park.paddedWorkCenters.has(m.workCenter) ? `${m.workCenter} ` : m.workCenter,
    id: m.id,
  }));
  rows.sort((a, b) => (a.wc < b.wc ? -1 : a.wc > b.wc ? 1 : a.id - b.id));
  return { text: csvText([MACHINE_REPORT_HEADERS.slice(), ...rows.map((r) => [r.wc, String(r.id)])], true), rows: rows.length };
}
