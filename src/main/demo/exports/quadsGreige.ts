// master/QuadS_greigeFabricList.csv: a JSON array saved under a .csv name; version keeps leading zeros,
// price is a string or null, `actions` holds HTML buttons.
import type { DemoDataset } from '../dataset';

export function quadsGreigeJson(ds: DemoDataset): { text: string; rows: number } {
  const own = ds.rollCustomers[0].split(' - ')[1];
  const records: Record<string, unknown>[] = [];
  for (const g of ds.styles.greige) {
    if (!g.inQuadS) continue;
    const siblings = ds.styles.byBase.get(g.base)!;
    records.push({
      ref_style: siblings[0].style,
      base: g.base,
      price: g.price,
      construction: g.construction,
      as440_suf: null,
      as440_pre: null,
      active: 1,
      style_id: g.quadsId,
      actions: `<a href="/knit-style/view/greige/${g.quadsId}"><button type="button" class="standardButton">View</button></a><a href="/knit-style/edit/${g.quadsId}"><button type="button" class="standardButton">Edit</button></a>`,
      custodianship: own,
      customer: g.customer,
      stage: g.stage,
      version: g.version,
      work_center: g.workCenter,
      construction_id: g.constructionId,
    });
  }
  return { text: JSON.stringify(records), rows: records.length };
}
