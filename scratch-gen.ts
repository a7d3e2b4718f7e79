import { generateSalesHistory } from './src/main/demo/salesHistory';
import { buildDemandSeries, createModelLibrary, runForecastBatch } from './src/main/engine/forecast';
const styles = Array.from({ length: 40 }, (_, i) => `DEMO${1000 + i}-1`);
const customers = Array.from({ length: 12 }, (_, i) => `Customer ${i}`);
const { lines, truth } = generateSalesHistory({ seed: 7, scale: 1, endDate: '2025-06-27', weeks: 156, styles, customers });
const history = buildDemandSeries(lines, { levels: ['style'] });
console.log(history.partialWeeks);
const { results } = runForecastBatch(history.series, { baselines: ['naive', 'ma4', 'ma8', 'mean', 'seasonalNaive'] });
for (const r of results) { const t = truth.find((x) => `S:${x.series}` === r.series)!; console.log(t.family, r.family, r.finalSelection.choice, r.finalSelection.members.join('+'), JSON.stringify(Object.fromEntries(Object.entries(r.finalSelection.scores).map(([k,v])=>[k,+v.toFixed(2)])))); }
import { SELECTED } from './src/main/engine/forecast';
{
const sn = new Map<string, number>();
for (const r of results) for (const row of r.rows!) if (row.model === 'seasonalNaive' && row.horizon <= 4) sn.set(`${row.series}|${row.origin}|${row.horizon}`, row.forecast);
const err: Record<string, [number, number]> = {};
for (const r of results) { const fam = truth.find((x) => `S:${x.series}` === r.series)!.family; for (const row of r.rows!) { const key = `${row.series}|${row.origin}|${row.horizon}`; if (row.model !== SELECTED || !sn.has(key)) continue; for (const g of ['all', fam]) { err[g] ??= [0, 0]; err[g][0] += Math.abs(row.actual - row.forecast); err[g][1] += row.actual; } } }
console.log('WAPE', JSON.stringify(Object.fromEntries(Object.entries(err).map(([k, [e, a]]) => [k, +(e / a).toFixed(4)]))));
}
