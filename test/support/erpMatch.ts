// Compares the CLI's yarn_demand_by_style_ko.csv with the ERP's own Yarn_Demand_By_Style_KO report by the rule of
// erp-exports-profile 5a: a row matches when every bucket (This Week ... Later and Total) is within 1 % of the ERP
// value + 0.05 lb. The ERP report is read through the importer (its own batch, in a throwaway in-memory store).
import Papa from 'papaparse';
import { importFiles } from '../../src/main/services/jobs/importFiles';
import { erpStyleReports } from '../../src/main/services/inputs/yarnInputs';
import { openStore } from '../../src/main/store/db';
import { loadPlanningData } from '../../src/main/store/entities';

export interface KoReportRow {
  style: string;
  orderNo: string;
  yarnId: string;
  /** This Week, the 8 numbered weeks, Later, Total. */
  lbs: number[];
}

export const withinOnePercent = (ours: number, erp: number) => Math.abs(ours - erp) <= 0.01 * Math.abs(erp) + 0.05;

export async function readErpKoReport(file: string, asOf: string): Promise<KoReportRow[]> {
  const db = openStore(':memory:');
  try {
    const { snapshotId } = await importFiles(db, [file], { now: '2025-01-01T00:00:00', asOf });
    const report = erpStyleReports(loadPlanningData(db, snapshotId), false).find((r) => r.kind === 'by-style-ko');
    if (!report) throw new Error(`${file} is not a Yarn_Demand_By_Style_KO report`);
    return report.rows.map((r) => ({ style: r.style.trim(), orderNo: r.koNumber ?? '', yarnId: r.yarnId, lbs: [...r.bucketsLbs, r.totalLbs] }));
  } finally {
    db.close();
  }
}

export interface KoMatch {
  matched: number;
  erpRows: number;
  ourRows: number;
  share: number;
  misses: string[];
}

/** Rows of the ERP report that the CLI's CSV reproduces (same style, KO and yarn; every bucket within 1 %). */
export function matchKoCsv(csvText: string, erp: KoReportRow[]): KoMatch {
  const parsed = Papa.parse<string[]>(csvText.trim(), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const col = (name: string) => header.indexOf(name);
  const [style, ko, yarn, pct] = ['Style', 'KO', 'Yarn', 'Percentage'].map(col);
  if ([style, ko, yarn, pct].some((i) => i < 0)) throw new Error(`not a Yarn_Demand_By_Style_KO csv: ${header.join(',')}`);
  const ours = new Map(rows.map((r) => [`${r[style].trim()}|${r[ko]}|${r[yarn]}`, r.slice(pct + 1).map(Number)]));
  const misses: string[] = [];
  let matched = 0;
  for (const r of erp) {
    const key = `${r.style}|${r.orderNo}|${r.yarnId}`;
    const o = ours.get(key);
    if (o && o.length === r.lbs.length && r.lbs.every((v, i) => withinOnePercent(o[i], v))) matched++;
    else misses.push(key);
  }
  return { matched, erpRows: erp.length, ourRows: rows.length, share: matched / erp.length, misses };
}
