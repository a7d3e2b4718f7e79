// Pegging between yarn shortages and knit orders.
// Yarn -> orders: the orders consuming the yarn from the as-of week up to and including its first short week.
// Order -> yarns: the yarns the order consumes in weeks where that yarn's projected balance is short.
import type { IsoDate } from '../../../shared/dates';
import type { YarnPolicy } from '../../../shared/policy/yarn';
import { compareIds, compareText } from './keys';
import type { KoShortYarns, KoYarnDemand, WeekQty, YarnPegging, YarnProjection } from './types';

export function pegShortages(
  rows: KoYarnDemand[],
  projections: YarnProjection[],
  weeks: IsoDate[],
  policy: YarnPolicy,
): { byYarn: YarnPegging[]; byOrder: KoShortYarns[] } {
  const rowsByYarn = new Map<string, KoYarnDemand[]>();
  for (const row of rows) {
    const list = rowsByYarn.get(row.yarnId);
    if (list) list.push(row);
    else rowsByYarn.set(row.yarnId, [row]);
  }

  const byYarn: YarnPegging[] = [];
  const byOrder = new Map<string, KoShortYarns>();
  for (const projection of projections) {
    if (!projection.shortage) continue;
    const first = weeks.indexOf(projection.shortage.firstShortWeek);
    const shortWeeks = projection.balanceWeeklyLbs.map((b) => b < policy.shortageBelowLbs);
    const consumers: YarnPegging['consumers'] = [];
    for (const row of rowsByYarn.get(projection.yarnId) ?? []) {
      const used: WeekQty[] = [];
      let lbs = 0;
      for (let w = 0; w <= first; w++)
        if (row.weeklyLbs[w] > 0) {
          used.push({ weekMonday: weeks[w], lbs: row.weeklyLbs[w] });
          lbs += row.weeklyLbs[w];
        }
      if (lbs > 0) consumers.push({ orderNo: row.orderNo, style: row.style, lbs, weeks: used });

      let inShort = 0;
      let firstShortForOrder = -1;
      for (let w = 0; w < shortWeeks.length; w++)
        if (shortWeeks[w] && row.weeklyLbs[w] > 0) {
          inShort += row.weeklyLbs[w];
          if (firstShortForOrder < 0) firstShortForOrder = w;
        }
      if (inShort > 0) {
        let entry = byOrder.get(row.orderNo);
        if (!entry) byOrder.set(row.orderNo, (entry = { orderNo: row.orderNo, style: row.style, yarns: [] }));
        entry.yarns.push({ yarnId: row.yarnId, firstShortWeek: weeks[firstShortForOrder], lbsInShortWeeks: inShort });
      }
    }
    consumers.sort((a, b) => b.lbs - a.lbs || compareText(a.orderNo, b.orderNo));
    byYarn.push({
      yarnId: projection.yarnId,
      firstShortWeek: projection.shortage.firstShortWeek,
      deficitAtFirstShortLbs: projection.shortage.deficitAtFirstShortLbs,
      consumers,
    });
  }
  const orders = [...byOrder.values()].sort((a, b) => compareText(a.orderNo, b.orderNo));
  for (const o of orders) o.yarns.sort((a, b) => compareText(a.firstShortWeek, b.firstShortWeek) || compareIds(a.yarnId, b.yarnId));
  return { byYarn, byOrder: orders };
}
