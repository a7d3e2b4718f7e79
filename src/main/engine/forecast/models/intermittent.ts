// Intermittent-demand models: Croston, SBA (Syntetos–Boylan approximation), TSB (Teunter–Syntetos–Babai)
// and ADIDA (temporal aggregation). Smoothing weights are fitted by in-sample one-step squared error.
import type { ForecastPolicy } from '../../../../shared/policy/forecast';
import type { ModelSpec } from '../types';
import { firstNonZero } from '../stats';
import { minimize1d, minimizeBox } from '../optimize';
import { fitSesAlpha, optimiserSettings, sesPass } from './exponential';
import { flat, makeFit } from './fitted';

/**
 * Croston's pass: demand size z and inter-demand interval p are smoothed with the same alpha, updated only in
 * weeks with demand; both start from the first demand (z = its size, p = its week index + 1).
 * The one-step forecast is factor * z / p (factor 1 = Croston, 1 - alpha/2 = SBA).
 */
function crostonPass(y: readonly number[], alpha: number, factor: number, fitted?: number[]): { sse: number; rate: number } {
  const first = firstNonZero(y);
  if (first === y.length) {
    if (fitted) fitted.fill(0);
    return { sse: 0, rate: 0 };
  }
  let z = y[first];
  let p = first + 1;
  let last = first;
  let sse = 0;
  if (fitted) for (let t = 0; t <= first; t++) fitted[t] = NaN;
  for (let t = first + 1; t < y.length; t++) {
    const f = (factor * z) / p;
    if (fitted) fitted[t] = f;
    const e = y[t] - f;
    sse += e * e;
    if (y[t] > 0) {
      z += alpha * (y[t] - z);
      p += alpha * (t - last - p);
      last = t;
    }
  }
  return { sse, rate: (factor * z) / p };
}

function crostonLike(name: 'croston' | 'sba', p: ForecastPolicy): ModelSpec {
  const factorOf = (alpha: number) => (name === 'sba' ? 1 - alpha / 2 : 1);
  return {
    name,
    family: 'intermittent',
    minWeeks: 2,
    fit(y, fixed = {}) {
      const alpha =
        fixed.alpha ??
        minimize1d(
          (a) => crostonPass(y, a, factorOf(a)).sse,
          p.intermittentAlphaMin,
          p.intermittentAlphaMax,
          optimiserSettings(p),
        ).x[0];
      const { rate } = crostonPass(y, alpha, factorOf(alpha));
      const fitted = () => {
        const f: number[] = new Array(y.length);
        crostonPass(y, alpha, factorOf(alpha), f);
        return f;
      };
      return makeFit(name, { alpha }, y, fitted, (h) => flat(rate, h));
    },
  };
}

export const croston = (p: ForecastPolicy) => crostonLike('croston', p);
export const sba = (p: ForecastPolicy) => crostonLike('sba', p);

/**
 * TSB: the demand probability d is updated every week (towards 1 with demand, towards 0 without), the size z
 * only in weeks with demand; forecast = d * z. Starts from the share of weeks with demand and the first demand.
 */
function tsbPass(
  y: readonly number[],
  alpha: number,
  beta: number,
  d0: number,
  z0: number,
  fitted?: number[],
): { sse: number; rate: number } {
  let d = d0;
  let z = z0;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const f = d * z;
    if (fitted) fitted[t] = f;
    const e = y[t] - f;
    sse += e * e;
    if (y[t] > 0) {
      d += beta * (1 - d);
      z += alpha * (y[t] - z);
    } else {
      d -= beta * d;
    }
  }
  return { sse, rate: d * z };
}

export function tsb(p: ForecastPolicy): ModelSpec {
  return {
    name: 'tsb',
    family: 'intermittent',
    minWeeks: 2,
    fit(y, fixed = {}) {
      const first = firstNonZero(y);
      const d0 = fixed.d0 ?? y.filter((v) => v > 0).length / y.length;
      const z0 = fixed.z0 ?? (first < y.length ? y[first] : 0);
      let { alpha, beta } = fixed;
      if (alpha === undefined || beta === undefined) {
        [alpha, beta] = minimizeBox(
          (x) => tsbPass(y, x[0], x[1], d0, z0).sse,
          [p.intermittentAlphaMin, p.intermittentAlphaMin],
          [p.intermittentAlphaMax, p.intermittentAlphaMax],
          optimiserSettings(p),
        ).x;
      }
      const { rate } = tsbPass(y, alpha, beta, d0, z0);
      const fitted = () => {
        const f: number[] = new Array(y.length);
        tsbPass(y, alpha!, beta!, d0, z0, f);
        return f;
      };
      return makeFit('tsb', { alpha, beta, d0, z0 }, y, fitted, (h) => flat(rate, h));
    },
  };
}

/**
 * ADIDA: sum the weeks into non-overlapping buckets of k weeks (k = the rounded average inter-demand interval,
 * buckets aligned to the end of the history), forecast the bucket totals with SES (first bucket as initial
 * level) and spread the bucket forecast evenly over its k weeks.
 */
export function adida(p: ForecastPolicy): ModelSpec {
  return {
    name: 'adida',
    family: 'intermittent',
    minWeeks: 2,
    fit(y, fixed = {}) {
      const n = y.length;
      const nonZero = y.filter((v) => v > 0).length;
      const k = fixed.k ?? Math.max(1, Math.min(n, Math.round(nonZero ? n / nonZero : n)));
      const buckets = Math.floor(n / k);
      const skip = n - buckets * k;
      const agg = Array.from({ length: buckets }, (_, j) => {
        let s = 0;
        for (let t = skip + j * k; t < skip + (j + 1) * k; t++) s += y[t];
        return s;
      });
      const l0 = fixed.l0 ?? agg[0];
      const alpha = fixed.alpha ?? fitSesAlpha(agg, l0, p);
      const { level } = sesPass(agg, alpha, l0);
      const fitted = () => {
        const aggFitted: number[] = new Array(buckets);
        sesPass(agg, alpha, l0, aggFitted);
        return y.map((_, t) => (t < skip ? NaN : aggFitted[Math.floor((t - skip) / k)] / k));
      };
      return makeFit('adida', { alpha, k, l0 }, y, fitted, (h) => flat(level / k, h));
    },
  };
}
