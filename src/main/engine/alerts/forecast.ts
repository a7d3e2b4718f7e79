// Forecast deviation alerts: the latest weeks' actuals against the forecast made for them, one alert per series.
import { formatNumber, isoWeekLabel, signedPctText } from './format';
import type { AlertDraft, AlertForecastInput, AlertPolicies } from './types';

export function forecastAlerts(series: AlertForecastInput[], policy: AlertPolicies): AlertDraft[] {
  const p = policy.alerts;
  const out: AlertDraft[] = [];
  for (const s of series) {
    const latest = [...s.weeks].sort((a, b) => (a.week < b.week ? -1 : 1)).slice(-p.forecastDeviationWeeks);
    if (latest.length === 0) continue;
    const actual = latest.reduce((t, w) => t + w.actual, 0);
    const forecast = latest.reduce((t, w) => t + w.forecast, 0);
    if (forecast <= p.forecastDeviationMinForecastQty || forecast <= 0) continue;
    const deviationPct = ((actual - forecast) / forecast) * 100;
    if (Math.abs(deviationPct) <= p.forecastDeviationPct) continue;
    const diff = Math.abs(actual - forecast);
    const first = latest[0].week;
    const qty = (x: number): string => `${formatNumber(x)} ${s.unit}`;
    out.push({
      key: `forecast-deviation:${s.series}`,
      rule: 'forecast-deviation',
      severity: Math.abs(deviationPct) > p.forecastDeviationHighPct ? 'high' : 'medium',
      title: `Forecast off by ${signedPctText(deviationPct)} for ${s.series}`,
      cause: `Actual demand of ${s.series} over the last ${latest.length} weeks (${isoWeekLabel(first)} to ${isoWeekLabel(latest[latest.length - 1].week)}) was ${qty(actual)} against a forecast of ${qty(forecast)} (${signedPctText(deviationPct)}).`,
      impact: { lbs: s.unit === 'lbs' ? diff : 0, days: 0, lbsDays: 0, valueUsd: 0, count: latest.length },
      firstWeek: first,
      link: { page: 'forecast', params: { series: s.series } },
    });
  }
  return out;
}
