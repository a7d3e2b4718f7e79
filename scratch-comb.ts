import { openStore } from './src/main/store/db';
import { loadForecastData } from './src/main/store/entities';
import { buildDemandSeries, runForecastBatch } from './src/main/engine/forecast';
import { forecastPolicyDefaults } from './src/shared/policy/forecast';
const db = openStore('/tmp/i17/before.db');
const data = loadForecastData(db, 3);
const h = buildDemandSeries(data.salesHistory, { levels: ['total', 'style'] });
const policy: any = { ...forecastPolicyDefaults, ...JSON.parse(process.env.POL ?? '{}') };
const trim = process.env.TRIM ?? '';
const series = h.series.map((s) => {
  let v = [...s.values]; let start = s.startWeek;
  if (trim.includes('s')) { v[0] *= 2.5; v[v.length - 1] *= 1.25; }
  return { id: s.id, startWeek: start, values: v };
});
const { results } = runForecastBatch(series, { policy, horizonWeeks: 26 });
const n = series[0].values.length;
const originsOk = new Set(h.weeks.slice(12, n - 3));
type Key = string;
const groups: Record<string, Map<Key, Record<string, number> & { actual: number }>> = { TOTAL: new Map(), styles: new Map() };
for (const r of results) {
  const g = r.series === 'TOTAL' ? 'TOTAL' : r.classification.forecastable ? 'styles' : null;
  if (!g) continue;
  for (const row of r.rows!) {
    if (row.horizon > 4 || !originsOk.has(row.origin)) continue;
    const k = `${r.series}|${row.origin}|${row.horizon}`;
    let e = groups[g].get(k); if (!e) groups[g].set(k, (e = { actual: row.actual } as any));
    e![row.model] = row.forecast;
  }
}
const combos = (process.env.COMBOS ?? 'selected;mean;ses;sba;clippedMean;ses+sba;ses+clippedMean;sba+clippedMean;ses+sba+clippedMean;ses+holtDamped+clippedMean;ses+sba+holtDamped;ses+sba+clippedMean+holtDamped;ma8+ses+sba;mean+ses+sba').split(';');
for (const g of Object.keys(groups)) {
  const out: string[] = [];
  for (const c of combos) {
    const ms = c.split('+'); let ae = 0, a = 0, pts = 0;
    for (const e of groups[g].values()) { const fs = ms.map((m) => e[m]); if (fs.some((f) => f === undefined)) { const av = fs.filter((f) => f !== undefined); if (!av.length) continue; } const av = fs.filter((f) => f !== undefined) as number[]; const f = av.reduce((x, y) => x + y, 0) / av.length; ae += Math.abs(e.actual - f); a += e.actual; pts++; }
    out.push(`${c}=${(ae / a).toFixed(4)}`);
  }
  console.log(g, out.join(' '));
}
