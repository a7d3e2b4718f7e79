// master/styles_master.csv: finished fabric specs with trailing-space styles, a version column named "2",
// duplicates, a few lower-case styles and a derived GSM check block that is blank when Yds/Lbs is.
import type { DemoDataset } from '../dataset';
import { Rng, roundTo } from '../prng';
import { csvText } from '../write/csv';

export const STYLES_MASTER_HEADERS = [
  'F ID',
  'Style#',
  '2',
  'Finish Code',
  'Overall Width',
  'Cuttable Width',
  'Oz/Lin Yd',
  'Yds/Lbs',
  'GSM',
  'Oz / Sq Yd',
  'OZ/sq yds 2',
  'GSM 2',
  'Diff',
] as const;

const GSM_PER_OZ_SQ_YD = 33.906;

/** Excel's "General" display of a computed number: up to 10 significant digits. */
function general(value: number): string {
  return String(Number(value.toPrecision(10)));
}

export function stylesMasterCsv(ds: DemoDataset): { text: string; rows: number } {
  const rng = new Rng(ds.options.seed, 'styles-master');
  const specs = ds.styles.finished.map((f) => ({ style: f.fStyle, oz: f.ozPerLinYd, width: f.widthIn }));
  for (let i = 0; i < ds.targets.stylesMasterExtra; i++) {
    specs.push({
      style: `${rng.pick(['QK', 'MV', 'HX'])}${rng.int(10000, 99999)}-${rng.int(1, 4)}`,
      oz: roundTo(rng.range(6, 28), 2),
      width: rng.pick([60, 66, 72]),
    });
  }
  for (const s of rng.sample(specs, ds.targets.stylesMasterDuplicates)) specs.push({ ...s });
  rng.shuffle(specs);
  const lines: string[][] = [STYLES_MASTER_HEADERS.slice()];
  let fid = 60;
  for (const s of specs) {
    fid += rng.weighted([1, 2, 5], [85, 10, 5]);
    let style = rng.chance(0.987) ? `${s.style} ` : s.style;
    if (rng.chance(0.0017)) style = style.toLowerCase();
    const version = rng.chance(0.85) ? '0' : ` ${rng.pick(['SF', 'NDWR', 'CDF Only', 'FR', 'AM'])}`;
    const finish = `${String(rng.int(1, 9)).padStart(2, '0')}${rng.pick(['D', 'F', 'C'])}${String(rng.int(1, 99)).padStart(3, '0')}${rng.chance(0.6) ? `F${String(rng.int(1, 9)).padStart(3, '0')}` : ''}`;
    const cuttable = rng.chance(0.001) ? '' : String(s.width - rng.pick([0, 0, 2, 4]));
    const gsm = roundTo((s.oz / (s.width / 36)) * GSM_PER_OZ_SQ_YD * rng.range(0.95, 1.05), 2);
    const ozSqYd = roundTo(gsm / GSM_PER_OZ_SQ_YD, 2);
    const hasYdsLbs = rng.chance(0.76);
    const oz2 = s.oz / (s.width / 36);
    const gsm2 = oz2 * GSM_PER_OZ_SQ_YD;
    lines.push([
      String(fid),
      style,
      version,
      finish,
      String(s.width),
      cuttable,
      String(s.oz),
      hasYdsLbs ? general(16 / s.oz) : '',
      String(gsm),
      String(ozSqYd),
      hasYdsLbs ? general(oz2) : '',
      hasYdsLbs ? general(gsm2) : '',
      hasYdsLbs ? general(gsm - gsm2) : '',
    ]);
  }
  return { text: csvText(lines), rows: specs.length };
}
