// Intermittent-demand models: Croston, SBA (Syntetos–Boylan approximation), TSB (Teunter–Syntetos–Babai)
// and ADIDA (temporal aggregation). Smoothing weights are fitted by in-sample one-step squared error.
import type { ForecastPolicy } from '../../../../shared/policy/forecast';
import type { ModelSpec } from '../types';
import { countPositive, firstNonZero } from '../stats';
import { minimize1d, minimizeBox } from '../optimize';
import { fitSesAlpha, optimiserSettings, sesPass } from './exponential';
import { flat, makeFit, recomputed, resumable } from './fitted';

/** Croston's state: smoothed size z and interval p, and the week of the last demand (-1: none yet). */
interface CrostonState {
  z: number;
  p: number;
  last: number;
}

const NO_DEMAND_YET: CrostonState = { z: 0, p: 0, last: -1 };

/**
 * Croston's pass over weeks [from, to) from `state`: demand size z and inter-demand interval p are smoothed with the
 * same alpha, updated only in weeks with demand; both start from the first demand (z = its size, p = its week
 * index + 1). The one-step forecast is factor * z / p (factor 1 = Croston, 1 - alpha/2 = SBA); no demand: 0.
 */
function crostonPass(
  y: readonly number[],
  alpha: number,
  factor: number,
  fitted?: number[],
  state = NO_DEMAND_YET,
  from = 0,
  to = y.length,
): { sse: number; rate: number; state: CrostonState } {
  // (+x is x; it tells the optimiser the state is a number, so the loop keeps it unboxed instead of allocating)
  let z = +state.z;
  let p = +state.p;
  let last = state.last;
  let sse = 0;
  for (let t = from; t < to; t++) {
    if (last < 0) {
      if (fitted) fitted[t] = NaN;
      if (y[t] !== 0) {
        z = y[t];
        p = t + 1;
        last = t;
      }
      continue;
    }
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
  // a history without demand has fitted values 0 (not NaN)
  if (last < 0 && fitted) fitted.fill(0, from, to);
  const end = { z, p, last };
  return { sse, rate: rateOf(end, factor), state: end };
}

const rateOf = (s: CrostonState, factor: number) => (s.last < 0 ? 0 : (factor * s.z) / s.p);

function crostonLike(name: 'croston' | 'sba', p: ForecastPolicy): ModelSpec {
  const factorOf = (alpha: number) => (name === 'sba' ? 1 - alpha / 2 : 1);
  return {
    name,
    family: 'intermittent',
    minWeeks: 2,
    fit(y, fixed = {}) {
      const alpha =
        fixed.alpha ??
        minimize1d((a) => crostonPass(y, a, factorOf(a)).sse, p.intermittentAlphaMin, p.intermittentAlphaMax, optimiserSettings(p)).x[0];
      const { rate } = crostonPass(y, alpha, factorOf(alpha));
      const fitted = () => {
        const f: number[] = new Array(y.length);
        crostonPass(y, alpha, factorOf(alpha), f);
        return f;
      };
      return makeFit(name, { alpha }, y, fitted, (h) => flat(rate, h));
    },
    track(fixed) {
      const { alpha } = fixed;
      if (alpha === undefined) return undefined;
      const factor = factorOf(alpha);
      return resumable(
        0,
        () => NO_DEMAND_YET,
        (state, y, from, to) => crostonPass(y, alpha, factor, undefined, state, from, to).state,
        (state, _y, _n, h) => flat(rateOf(state, factor), h),
      );
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
  n = y.length,
): { sse: number; rate: number } {
  let d = +d0;
  let z = +z0;
  let sse = 0;
  for (let t = 0; t < n; t++) {
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
      const { d0, z0 } = tsbStart(y, y.length, fixed);
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
    track(fixed) {
      const { alpha, beta } = fixed;
      if (alpha === undefined || beta === undefined) return undefined;
      // the start (the share of weeks with demand) reads every week: one pass over all of them at each origin
      return recomputed((y, n, h) => {
        const { d0, z0 } = tsbStart(y, n, fixed);
        return flat(tsbPass(y, alpha, beta, d0, z0, undefined, n).rate, h);
      });
    },
  };
}

/** TSB's start from the weeks y[0..n): the share of weeks with demand and the first demand. */
function tsbStart(y: readonly number[], n: number, fixed: Readonly<Record<string, number>>): { d0: number; z0: number } {
  const first = firstNonZero(y, n);
  return { d0: fixed.d0 ?? countPositive(y, n) / n, z0: fixed.z0 ?? (first < n ? y[first] : 0) };
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
      const { k, buckets, skip } = adidaBuckets(y, y.length, fixed);
      const agg = Array.from({ length: buckets }, (_, j) => bucketSum(y, skip, k, j));
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
    track(fixed) {
      const { alpha } = fixed;
      if (alpha === undefined) return undefined;
      // the buckets are aligned to the end of the history: they move with every origin
      return recomputed((y, n, h) => {
        const { k, buckets, skip } = adidaBuckets(y, n, fixed);
        // SES over the bucket totals from the first one (sesPass without the array of totals)
        let level = fixed.l0 ?? (buckets ? bucketSum(y, skip, k, 0) : NaN);
        for (let j = 0; j < buckets; j++) level += alpha * (bucketSum(y, skip, k, j) - level);
        return flat(level / k, h);
      });
    },
  };
}

/** ADIDA's buckets of the weeks y[0..n): k weeks each, aligned to the end (the first `skip` weeks left out). */
function adidaBuckets(y: readonly number[], n: number, fixed: Readonly<Record<string, number>>): { k: number; buckets: number; skip: number } {
  const nonZero = countPositive(y, n);
  const k = fixed.k ?? Math.max(1, Math.min(n, Math.round(nonZero ? n / nonZero : n)));
  const buckets = Math.floor(n / k);
  return { k, buckets, skip: n - buckets * k };
}

function bucketSum(y: readonly number[], skip: number, k: number, j: number): number {
  let s = 0;
  for (let t = skip + j * k; t < skip + (j + 1) * k; t++) s += y[t];
  return s;
}
