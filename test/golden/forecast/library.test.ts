// Golden regression file of the whole model library (frePPLe style): every model fitted to three small fixed
// series; parameters and forecasts at h 1, 2, 4, 13, 26 in library.csv. Re-accept deliberate changes with
// `UPDATE_GOLDEN=1 npx vitest run test/golden/forecast`.
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { createModelLibrary, createRng } from '../../../src/main/engine/forecast';
import { expectGolden, toGoldenCsv } from '../../support/golden';

const rng = createRng(42);
const round1 = (v: number) => Math.round(v * 10) / 10;
const SERIES: Record<string, number[]> = {
  // level 200 with a mild upward drift and noise (30 weeks)
  smooth: Array.from({ length: 30 }, (_, t) => round1(200 + 1.5 * t + 20 * rng.normal())),
  // 30 % of weeks with an order of about 500 yds
  intermittent: Array.from({ length: 30 }, () => (rng.next() < 0.3 ? round1(500 * Math.exp(0.3 * rng.normal())) : 0)),
  // 110 weeks with a yearly cycle (lets the seasonal models take part)
  seasonal: Array.from({ length: 110 }, (_, t) => round1(400 + 120 * Math.sin((2 * Math.PI * t) / 52) + 25 * rng.normal())),
};
const HORIZONS = [1, 2, 4, 13, 26];

describe('model library golden file', () => {
  it('matches library.csv', () => {
    const lib = createModelLibrary();
    const rows: Record<string, unknown>[] = [];
    for (const [series, y] of Object.entries(SERIES)) {
      for (const [name, m] of lib) {
        if (y.length < m.minWeeks) continue;
        const fit = m.fit(y);
        const fc = fit.forecast(26);
        const params = Object.entries(fit.params)
          .map(([k, v]) => `${k}=${Math.round(v * 1e4) / 1e4}`)
          .join(' ');
        rows.push({ series, model: name, params, ...Object.fromEntries(HORIZONS.map((h) => [`h${h}`, fc[h - 1]])) });
      }
    }
    expectGolden(resolve(__dirname, 'library.csv'), toGoldenCsv(rows));
  });
});
