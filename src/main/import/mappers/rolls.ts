// Fabric inventory by stage, one row per roll: G00 (greige, knitted), G02 (greige at the dyer), I01 (awaiting
// inspection), F01 (finished) and P01 (allocated to sales orders; a grouped report, see mapRollsP01).
import { cleanText, normStyle, parseNumber } from '../cleaners';
import type { FabricRoll, RollStage } from '../../../shared/domain/entities';
import type { RowReader } from '../rowReader';
import type { Mapper } from './types';

function roll(r: RowReader, stage: RollStage, seen: Set<string>): FabricRoll {
  const rollNumber = r.id('rollNumber', { required: true });
  if (rollNumber && seen.has(rollNumber)) r.problem('rollNumber', 'roll listed twice (first row kept)', true);
  const isG02 = stage === 'G02';
  const style = isG02 ? r.style('finishedStyle', { required: true }) : r.style('style', stage !== 'P01' ? { required: true } : {});
  return {
    stage,
    rollNumber: rollNumber ?? '',
    style: style ?? '',
    greigeStyle: isG02 ? r.style('greigeStyle') : stage === 'G00' ? style : null,
    orderNumber: r.id('orderNumber'),
    soNumber: null,
    doNumber: r.id('doNumber'),
    customer: r.text('customer'),
    vendorRollNumber: r.id('vendorRollNumber'),
    rack: r.id('rack'),
    qtyYds: r.num('qtyYds'),
    qtyLbs: r.num('qtyLbs', { required: true }) ?? 0,
    goodEach: r.num('goodEach'),
    badEach: r.num('badEach'),
    processor: r.text('processor'),
    machine: r.id('machine'),
    eventDate: r.date(stage === 'G00' ? 'knitDate' : isG02 ? 'shipDate' : 'received'),
  };
}

function stageMapper(stage: RollStage): Mapper {
  return (r) => {
    const rows: FabricRoll[] = [];
    const seen = new Set<string>();
    for (const _ of r.rows()) {
      const row = roll(r, stage, seen);
      if (!r.finish()) continue;
      seen.add(row.rollNumber);
      rows.push(row);
    }
    const lbs = rows.reduce((s, x) => s + x.qtyLbs, 0);
    return { batch: { fabricRolls: rows }, notes: [`${rows.length} ${stage} rolls, ${Math.round(lbs).toLocaleString('en-US')} lbs`] };
  };
}

export const mapRollsG00 = stageMapper('G00');
export const mapRollsG02 = stageMapper('G02');
export const mapRollsI01 = stageMapper('I01');
export const mapRollsF01 = stageMapper('F01');

const GROUP = /^\s*(Style #|SO #|Order #)\s*:\s*(.*?)\s*(?:\((\d[\d,]*) rolls?\b[^)]*\))?\s*$/i;

/**
 * P01 is a grouped report: group-header rows hold text in the first column only -
 * "Style #: 2140390/FF (63 rolls, 2,289 yds, …)", then "SO #: …", then "Order #: …" - and the roll rows below
 * inherit those keys (forward-fill). The roll counts in the Style headers are checked against the rolls read.
 */
export const mapRollsP01: Mapper = (r) => {
  const rows: FabricRoll[] = [];
  const seen = new Set<string>();
  const customerCol = r.table.columns.get('customer')!;
  let style: string | null = null;
  let so: string | null = null;
  let order: string | null = null;
  const expected = new Map<string, number>();
  const counted = new Map<string, number>();
  for (const _ of r.rows()) {
    const first = cleanText(r.rawAt(customerCol));
    const g = first && r.raw('rollNumber') === null ? GROUP.exec(first) : null;
    if (g) {
      const key = g[1].toLowerCase();
      if (key.startsWith('style')) {
        style = normStyle(g[2]);
        so = null;
        order = null;
        const n = g[3] ? parseNumber(g[3]) : null;
        if (style && n?.ok && n.value !== null) expected.set(style, (expected.get(style) ?? 0) + n.value);
      } else if (key.startsWith('so')) {
        so = g[2] || null;
        order = null;
      } else order = g[2] || null;
      r.skip();
      continue;
    }
    const row = roll(r, 'P01', seen);
    if (!style) r.problem('rollNumber', 'roll row before any "Style #:" group header', true);
    row.style = style ?? '';
    row.soNumber = so;
    row.orderNumber = order;
    if (!r.finish()) continue;
    seen.add(row.rollNumber);
    rows.push(row);
    counted.set(row.style, (counted.get(row.style) ?? 0) + 1);
  }
  const off = [...expected].filter(([s, n]) => counted.get(s) !== n);
  const notes = [`${rows.length} P01 rolls in ${expected.size} style groups (group keys forward-filled)`];
  if (off.length) notes.push(`${off.length} style groups whose roll count differs from their header, e.g. ${off[0][0]}`);
  return { batch: { fabricRolls: rows }, notes };
};
