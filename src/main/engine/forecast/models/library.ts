// The model library: every model by name, configured from the forecast policy.
import { forecastPolicyDefaults, type ForecastPolicy } from '../../../../shared/policy/forecast';
import type { ModelSpec } from '../types';
import { clippedMean, historicalMean, movingAverage, naive, seasonalNaive } from './baseline';
import { holtDamped, holtWinters, ses } from './exponential';
import { theta } from './theta';
import { adida, croston, sba, tsb } from './intermittent';

export type ModelLibrary = ReadonlyMap<string, ModelSpec>;

const MA_NAME = /^ma(\d+)$/;

/** All models; moving averages are named `ma<weeks>` and created for any window asked for in `extra`. */
export function createModelLibrary(policy: ForecastPolicy = forecastPolicyDefaults, extra: readonly string[] = []): ModelLibrary {
  const models: ModelSpec[] = [
    naive,
    seasonalNaive(policy.seasonPeriodWeeks),
    historicalMean,
    clippedMean(policy),
    ses(policy),
    holtDamped(policy),
    holtWinters(policy),
    theta(policy),
    croston(policy),
    sba(policy),
    tsb(policy),
    adida(policy),
  ];
  const lib = new Map(models.map((m) => [m.name, m]));
  for (const name of [...policy.candidatesSmooth, ...policy.candidatesIntermittent, ...extra, 'ma4', 'ma8']) {
    const m = MA_NAME.exec(name);
    if (m && !lib.has(name)) lib.set(name, movingAverage(Number(m[1])));
  }
  return lib;
}

/** The named models, in the given order; unknown names are an error (a policy typo must not pass silently). */
export function pickModels(lib: ModelLibrary, names: readonly string[]): ModelSpec[] {
  return names.map((name) => {
    const m = lib.get(name);
    if (!m) throw new Error(`unknown forecast model "${name}"`);
    return m;
  });
}
