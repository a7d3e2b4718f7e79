import { openStore } from './src/main/store/db';
import { loadForecastData } from './src/main/store/entities';
import { buildDemandSeries, runForecastBatch, summariseAccuracy, classifyDemand } from './src/main/engine/forecast';
import { forecastPolicyDefaults } from './src/shared/policy/forecast';
const db = openStore('/tmp/i17/before.db');
const data = loadForecastData(db, 3);
const h = buildDemandSeries(data.salesHistory, { levels: ['total', 'style'] });
const policy: any = { ...forecastPolicyDefaults, ...JSON.parse(process.env.POL ?? '{}') };
const trim = process.env.TRIM ?? '';
const series = h.series.map((s) => {
  let v = [...s.values]; let start = s.startWeek;
  if (trim.includes('f')) { v = v.slice(1); start = h.weeks[1]; }
  if (trim.includes('l')) v = v.slice(0, -1);
  if (trim.includes('s')) { v[0] *= 2.5; v[v.length - 1] *= 1.25; }
  return { id: s.id, startWeek: start, values: v };
});
const t0 = performance.now();
const { results } = runForecastBatch(series, { policy, horizonWeeks: 26 });
const ms = performance.now() - t0;
const acc = summariseAccuracy(results, (r) => r.series === 'TOTAL' ? ['TOTAL'] : r.classification.forecastable ? ['styles'] : []);
const models = ['selected', 'mean', 'naive', 'ma4', 'ma8', 'ses', 'sba', 'croston', 'clippedMean', 'comb', 'skill', 'theta', 'holtDamped', 'tsb', 'adida'];
for (const g of ['TOTAL', 'styles']) console.log(g, acc[g].selected.points, models.map((m) => `${m}=${acc[g][m]?.wape.toFixed(4)}`).join(' '));
const choices: Record<string, number> = {};
for (const r of results) if (r.series !== 'TOTAL' && r.classification.forecastable) for (const s of r.selections) choices[s.choice] = (choices[s.choice] ?? 0) + 1;
console.log('TOTAL choices', results[0].selections.map((s) => s.choice).join(','), 'styles', JSON.stringify(choices), Math.round(ms), 'ms');
