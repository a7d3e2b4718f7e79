// The forecast as a yarn demand layer: plan weeks only (the weeks between the end of the sales history and the
// as-of date are a history gap), net of open sales orders, exploded through the greige style's BOM.
import { describe, expect, it } from 'vitest';
import { forecastPolicyDefaults } from '../../../src/shared/policy/forecast';
import type { YarnPlan } from '../../../src/main/engine/yarn/types';
import type { ForecastRun } from '../../../src/main/services/jobs/forecastJob';
import { historyGapWeeks } from '../../../src/main/services/jobs/forecastJob';
import { forecastYarnLayer } from '../../../src/main/services/jobs/forecastLayer';

// history ends the week of 2025-08-11; the forecast starts 2025-08-18; the plan (as of Tue 2025-09-02) has 2 weeks
const forecastWeeks = ['2025-08-18', '2025-08-25', '2025-09-01', '2025-09-08', '2025-09-15'];
const run = {
  series: [
    {
      series: 'G:G1@lbs',
      level: 'greige',
      unit: 'lbs',
      greigeStyle: 'G1',
      forecast: { method: 'statistical', weeks: forecastWeeks, point: [100, 100, 100, 100, 100] },
    },
  ],
} as unknown as ForecastRun;
const plan = (orders: { week: string; lbs: number }[]) =>
  ({
    weeks: ['2025-09-01', '2025-09-08'],
    styles: [
      {
        style: 'G1',
        bom: {
          lines: [
            { yarnId: 'Y1', fraction: 0.6 },
            { yarnId: 'Y2', fraction: 0.4 },
          ],
        },
      },
    ],
    salesOrders: { lines: orders.map((o) => ({ greigeStyle: 'G1', demandLbs: o.lbs, weekMonday: o.week })) },
  }) as unknown as YarnPlan;

describe('forecastYarnLayer', () => {
  it('takes plan weeks only: the two gap weeks and the week beyond the horizon are left out', () => {
    const layer = forecastYarnLayer(run, plan([]), forecastPolicyDefaults);
    expect(layer.lines[0]).toMatchObject({ forecastLbs: 200, consumedBySalesOrdersLbs: 0, netLbs: 200, yarns: 2 });
    expect(layer.yarnDemand).toEqual([
      { yarnId: 'Y1', weeklyLbs: [60, 60], beyondLbs: 0 },
      { yarnId: 'Y2', weeklyLbs: [40, 40], beyondLbs: 0 },
    ]);
  });

  it('is net of open sales orders, which consume plan weeks only (never the past gap weeks)', () => {
    // 250 lbs due in the as-of week consume its 100 and then, the earlier weeks being a gap, the next week's 100;
    // the 30 lbs due the week after find nothing left: 80 lbs are above the forecast
    const layer = forecastYarnLayer(
      run,
      plan([
        { week: '2025-09-10', lbs: 30 },
        { week: '2025-09-02', lbs: 250 },
      ]),
      forecastPolicyDefaults,
    );
    expect(layer.lines[0]).toMatchObject({ forecastLbs: 200, consumedBySalesOrdersLbs: 200, netLbs: 0 });
    const small = forecastYarnLayer(run, plan([{ week: '2025-09-10', lbs: 30 }]), forecastPolicyDefaults);
    expect(small.lines[0]).toMatchObject({ forecastLbs: 200, consumedBySalesOrdersLbs: 30, netLbs: 170 });
    expect(small.yarnDemand[0].weeklyLbs).toEqual([60, 42]);
  });

  it('the history gap: forecast weeks before the as-of week', () => {
    expect(historyGapWeeks(forecastWeeks, '2025-09-02')).toEqual(['2025-08-18', '2025-08-25']);
    expect(historyGapWeeks(forecastWeeks, '2025-08-17')).toEqual([]);
  });
});
