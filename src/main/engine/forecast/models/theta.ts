// Standard Theta method (Assimakopoulos & Nikolopoulos 2000, in Hyndman & Billah's 2003 form, as statsmodels'
// ThetaModel without deseasonalising and without MLE): SES with the first observation as initial level,
// plus half the OLS slope b0 of the history as drift:
//   forecast(h) = SES level + b0/2 * (h - 1 + 1/alpha - (1 - alpha)^n / alpha)
import type { ForecastPolicy } from '../../../../shared/policy/forecast';
import type { ModelSpec } from '../types';
import { olsSlope } from '../stats';
import { fitSesAlpha, sesPass } from './exponential';
import { makeFit, resumable, steps } from './fitted';

/** The drift term of a forecast h weeks ahead made after t observations. */
const drift = (b0: number, alpha: number, h: number, t: number) => (b0 / 2) * (h - 1 + 1 / alpha - (1 - alpha) ** t / alpha);

const forecast = (level: number, b0: number, alpha: number, n: number, h: number) => steps(h, (i) => level + drift(b0, alpha, i + 1, n));

export function theta(p: ForecastPolicy): ModelSpec {
  return {
    name: 'theta',
    family: 'trend',
    minWeeks: 3,
    fit(y, fixed = {}) {
      const n = y.length;
      const l0 = fixed.l0 ?? y[0];
      const alpha = fixed.alpha ?? fitSesAlpha(y, l0, p);
      const b0 = fixed.b0 ?? olsSlope(y);
      const { level } = sesPass(y, alpha, l0);
      const fitted = () => {
        const f: number[] = new Array(n);
        sesPass(y, alpha, l0, f);
        return f.map((v, t) => v + drift(b0, alpha, 1, t));
      };
      return makeFit('theta', { alpha, b0, l0 }, y, fitted, (h) => forecast(level, b0, alpha, n, h));
    },
    track(fixed) {
      const { alpha } = fixed;
      if (alpha === undefined) return undefined;
      // the level is a recursion; the drift's slope reads every week, so it is computed at each origin
      return resumable(
        fixed.l0 === undefined ? 1 : 0,
        (y) => fixed.l0 ?? y[0],
        (level, y, from, to) => sesPass(y, alpha, level, undefined, from, to).level,
        (level, y, n, h) => forecast(level, fixed.b0 ?? olsSlope(y, n), alpha, n, h),
      );
    },
  };
}
