// Shared construction of a FittedModel.
import type { FittedModel } from '../types';
import { clampNonNegative } from '../stats';

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

export function flat(value: number, h: number): number[] {
  return new Array<number>(h).fill(value);
}
