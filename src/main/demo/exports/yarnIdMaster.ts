// master/Yarn_ID_Master.csv: a subset of the yarns with UTF-8 BOM, thousands separators, $ money,
// parenthesised negative money, the misspelt "Planning_Ballance" / "Total_Cast", 3 blank trailing lines.
import type { DemoDataset } from '../dataset';
import { Rng } from '../prng';
import { csvText, money, thousands } from '../write/csv';

export const YARN_ID_HEADERS = [
  'Desc#',
  'Supplier',
  'Description',
  'Blend',
  'Type',
  'Color',
  'Desc_1',
  'Desc_2',
  'Desc_3',
  'On_Order',
  'Allocated',
  'Planning_Ballance',
  'Cost_Pound',
  'Total_Cast',
] as const;

export function yarnIdMasterCsv(ds: DemoDataset): { text: string; rows: number } {
  const rng = new Rng(ds.options.seed, 'yarn-id-master');
  const active = ds.yarns.filter((y) => y.active && ds.positions.has(y.descId));
  // Mostly newer yarns, always including some with a negative planning balance.
  const negative = rng.sample(
    active.filter((y) => ds.positions.get(y.descId)!.planningLbs < 0),
    Math.ceil(ds.targets.yarnIdMaster * 0.06),
  );
  const taken = new Set(negative.map((y) => y.descId));
  const rest = active.slice(Math.floor(active.length * 0.4)).filter((y) => !taken.has(y.descId));
  const chosen = rng.shuffle([...negative, ...rng.sample(rest, ds.targets.yarnIdMaster - negative.length)]);
  const lines: string[][] = [YARN_ID_HEADERS.slice()];
  for (const y of chosen) {
    const p = ds.positions.get(y.descId)!;
    const words = [...new Set(y.extras)];
    lines.push([
      String(y.descId),
      y.supplier.erpName,
      y.size,
      y.blend,
      y.type,
      y.color,
      words[0] ?? '',
      words[1] ?? '',
      words[2] ?? '',
      thousands(p.onOrderLbs, 2),
      thousands(p.allocatedLbs, 2),
      thousands(p.planningLbs, 2),
      money(y.costPerLb),
      money(p.planningLbs * y.costPerLb),
    ]);
  }
  for (let i = 0; i < 3; i++) lines.push(new Array<string>(YARN_ID_HEADERS.length).fill(''));
  return { text: csvText(lines, true), rows: chosen.length };
}
