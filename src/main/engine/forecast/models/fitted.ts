// Shared construction of a FittedModel and of a Tracker.
import type { FittedModel, Tracker } from '../types';
import { clampNonNegative, doubles } from '../stats';

/** `fitted` is computed on first use (the backtest only needs forecasts, and allocations dominate there). */
export function makeFit(
  model: string,
  params: Record<string, number>,
  y: readonly number[],
  fittedFn: () => number[],
  forecastRaw: (h: number) => number[],
): FittedModel {
  let fitted: number[] | undefined;
  let residuals: number[] | undefined;
  return {
    model,
    params,
    get fitted() {
      return (fitted ??= fittedFn());
    },
    get residuals() {
      return (residuals ??= this.fitted.map((f, t) => y[t] - f));
    },
    forecast: (h: number) => clampNonNegative(forecastRaw(h)),
  };
}

/** h weeks of the same value (an array of doubles: see doubles()). */
export function flat(value: number, h: number): number[] {
  return doubles(h).fill(value);
}

/** [f(0), ..., f(h - 1)] as an array of doubles (Array.from with a mapping function is slow on the hot path). */
export function steps(h: number, f: (i: number) => number): number[] {
  const out = doubles(h);
  for (let i = 0; i < h; i++) out[i] = f(i);
  return out;
}

/** A tracker that recomputes the forecast from all n weeks (models whose start depends on every week). */
export function recomputed(forecastRaw: (weeks: readonly number[], n: number, h: number) => number[]): Tracker {
  return { forecast: (weeks, n, _stable, h) => clampNonNegative(forecastRaw(weeks, n, h)) };
}

/**
 * A tracker for a model whose state after a week depends only on the state before it and that week: the state
 * after the stable weeks is kept and moved on as they grow, and each forecast filters only the weeks after them.
 * `initWeeks`: the leading weeks the initial state reads (it must not depend on n once n >= initWeeks); the state
 * is kept only once they are stable. `run(state, weeks, from, to)` returns the state after weeks [from, to) without
 * changing the one it is given — the same recursion as the model's fit, so the result is the same to the last bit.
 */
export function resumable<S>(
  initWeeks: number,
  init: (weeks: readonly number[], n: number) => S,
  run: (state: S, weeks: readonly number[], from: number, to: number) => S,
  forecastRaw: (state: S, weeks: readonly number[], n: number, h: number) => number[],
): Tracker {
  let kept: S | undefined;
  let keptWeeks = 0;
  return {
    forecast(weeks, n, stable, h) {
      const settled = Math.min(stable, n);
      if (settled < initWeeks) return clampNonNegative(forecastRaw(run(init(weeks, n), weeks, 0, n), weeks, n, h));
      if (kept === undefined) kept = init(weeks, n);
      if (settled > keptWeeks) {
        kept = run(kept, weeks, keptWeeks, settled);
        keptWeeks = settled;
      }
      return clampNonNegative(forecastRaw(run(kept, weeks, keptWeeks, n), weeks, n, h));
    },
  };
}
