#!/usr/bin/env python3
"""Reference outputs for the forecast engine's golden tests, produced with statsmodels.

Run from the project root:  /usr/bin/python3 scripts/golden/forecast_statsmodels.py
Writes test/golden/forecast/statsmodels.json. Needs numpy and statsmodels (Debian: python3-statsmodels).

Optimisers differ between libraries, so most cases pin the parameters AND the initial states
(initialization_method='known') and compare fitted values and forecasts, which must then agree to rounding.
The 'optimised' cases record statsmodels' own estimates. statsmodels 0.13 also re-estimates the initial states
during fit() even with initialization_method='known', so those cases record its initial states too; the engine,
given the same initial states, must reach an in-sample SSE at least as low.

Known statsmodels 0.13 bug (statsmodels/statsmodels#9538, fixed by PR #10230): Holt-Winters forecasts at horizons
that are a multiple of the season use the seasonal factor from one season too early. The Holt-Winters case therefore
takes statsmodels' final states (level, trend, season, which are right) and applies Hyndman's forecast equation;
statsmodels' raw forecast is kept next to it as `statsmodelsForecast`.
"""
import json
import os

import numpy as np
import statsmodels
from statsmodels.tsa.holtwinters import ExponentialSmoothing
from statsmodels.tsa.forecasting.theta import ThetaModel

rs = np.random.RandomState(20250626)
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "golden", "forecast", "statsmodels.json")


def r(values):
    return [round(float(v), 6) for v in values]


def level_series(n=30):
    return np.round(200 + 25 * rs.standard_normal(n), 1)


def local_level_series(n=36):
    return np.round(200 + np.cumsum(8 * rs.standard_normal(n)) + 10 * rs.standard_normal(n), 1)


def trend_series(n=40):
    return np.round(100 + 3.0 * np.arange(n) + 12 * rs.standard_normal(n), 1)


def seasonal_series(m=12, seasons=4):
    t = np.arange(m * seasons)
    return np.round(300 + 1.5 * t + 60 * np.sin(2 * np.pi * t / m) + 15 * rs.standard_normal(len(t)), 1)


def sse(y, fitted):
    return float(np.sum((np.asarray(y) - np.asarray(fitted)) ** 2))


cases = []

# --- SES, fixed parameters and initial level
y = level_series()
l0 = float(np.mean(y[:4]))
res = ExponentialSmoothing(y, initialization_method="known", initial_level=l0).fit(smoothing_level=0.3, optimized=False)
cases.append({"name": "ses-fixed", "model": "ses", "series": r(y), "fixed": {"alpha": 0.3, "l0": l0},
              "fitted": r(res.fittedvalues), "forecast": r(res.forecast(6)), "sse": sse(y, res.fittedvalues)})

# --- SES, optimised weight on a wandering level (interior optimum), known initial level
y = local_level_series()
l0 = float(np.mean(y[:4]))
res = ExponentialSmoothing(y, initialization_method="known", initial_level=l0).fit()
cases.append({"name": "ses-optimised", "model": "ses", "series": r(y), "fixed": {"l0": float(res.params["initial_level"])},
              "params": {"alpha": float(res.params["smoothing_level"])},
              "forecast": r(res.forecast(6)), "sse": sse(y, res.fittedvalues)})

# --- Holt damped trend, fixed
y = trend_series()
l0, b0 = float(y[0]), float((y[4] - y[0]) / 4)
res = ExponentialSmoothing(y, trend="add", damped_trend=True, initialization_method="known",
                           initial_level=l0, initial_trend=b0).fit(
    smoothing_level=0.5, smoothing_trend=0.2, damping_trend=0.9, optimized=False)
cases.append({"name": "holt-damped-fixed", "model": "holtDamped", "series": r(y),
              "fixed": {"alpha": 0.5, "beta": 0.2, "phi": 0.9, "l0": l0, "b0": b0},
              "fitted": r(res.fittedvalues), "forecast": r(res.forecast(8)), "sse": sse(y, res.fittedvalues)})

# --- Holt damped trend, optimised weights with phi inside the engine's bounds [0.8, 0.98]
res = ExponentialSmoothing(y, trend="add", damped_trend=True, initialization_method="known",
                           initial_level=l0, initial_trend=b0).fit(damping_trend=0.9)
cases.append({"name": "holt-damped-optimised", "model": "holtDamped", "series": r(y),
              "fixed": {"l0": float(res.params["initial_level"]), "b0": float(res.params["initial_trend"])},
              "params": {"alpha": float(res.params["smoothing_level"]), "beta": float(res.params["smoothing_trend"]),
                         "phi": 0.9},
              "forecast": r(res.forecast(8)), "sse": sse(y, res.fittedvalues)})

# --- additive Holt-Winters with damped trend, fixed (season of 12 to keep the case small)
m = 12
y = seasonal_series(m)
l0 = float(np.mean(y[:m]))
b0 = float((np.mean(y[m:2 * m]) - np.mean(y[:m])) / m)
s0 = y[:m] - l0
s0 = s0 - s0.mean()
res = ExponentialSmoothing(y, trend="add", damped_trend=True, seasonal="add", seasonal_periods=m,
                           initialization_method="known", initial_level=l0, initial_trend=b0,
                           initial_seasonal=s0).fit(
    smoothing_level=0.3, smoothing_trend=0.1, smoothing_seasonal=0.2, damping_trend=0.98, optimized=False)
fixed = {"alpha": 0.3, "beta": 0.1, "gamma": 0.2, "phi": 0.98, "l0": l0, "b0": b0}
fixed.update({f"s{j}": float(v) for j, v in enumerate(s0)})
h = np.arange(1, 19)
n = len(y)
hyndman = res.level[-1] + np.cumsum(0.98 ** h) * res.trend[-1] + res.season[n - m + (h - 1) % m]
cases.append({"name": "holt-winters-fixed", "model": "holtWinters", "period": m, "series": r(y), "fixed": fixed,
              "fitted": r(res.fittedvalues), "forecast": r(hyndman), "statsmodelsForecast": r(res.forecast(18)),
              "sse": sse(y, res.fittedvalues)})

# --- Theta (Hyndman-Billah form, no deseasonalising, OLS drift + SES with the first value as initial level)
for name, y in (("theta-trend", trend_series()), ("theta-level", level_series())):
    res = ThetaModel(y, deseasonalize=False).fit(use_mle=False)
    cases.append({"name": name, "model": "theta", "series": r(y),
                  "params": {"alpha": float(res.params["alpha"]), "b0": float(res.params["b0"])},
                  "forecast": r(res.forecast(10))})

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"generator": f"statsmodels {statsmodels.__version__}", "script": "scripts/golden/forecast_statsmodels.py",
               "cases": cases}, f, indent=1)
    f.write("\n")
print(f"wrote {len(cases)} cases to {os.path.relpath(OUT)}")
