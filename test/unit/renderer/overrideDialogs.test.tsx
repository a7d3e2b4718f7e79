// @vitest-environment jsdom
// The override dialogs, the demand-layer switches and the new cells against a fake planner API (its view answers
// checked against the contract's schemas): what they send, the re-plan progress, the refreshed source badge, and the
// checks that keep bad input from being sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ChannelName, ChannelOutput, PlannerApi } from '../../../src/shared/contract';
import type { DemandStyle } from '../../../src/shared/views';
import { setApi } from '../../../src/renderer/src/api';
import { OverrideDialogHost, openBomOverride, openRateOverride, sameBaseRates } from '../../../src/renderer/src/pages/demand/OverrideDialogs';
import { OverridesPanel } from '../../../src/renderer/src/pages/demand/OverridesPanel';
import { SetRateCell, StyleActionsCell } from '../../../src/renderer/src/pages/demand/StyleActions';
import { DemandLayers } from '../../../src/renderer/src/pages/settings/DemandLayers';
import { SupplierMatchCell } from '../../../src/renderer/src/pages/purchasing/ActionCell';
import { RiskCell } from '../../../src/renderer/src/pages/yarn/RiskCell';
import { ConfirmHost } from '../../../src/renderer/src/components/ConfirmDialog';
import { useJobs } from '../../../src/renderer/src/stores/jobsStore';
import { clearPlanViews, usePlanStore } from '../../../src/renderer/src/stores/planStore';
import { checkedOk, demandStyle, demandView, positionRow, yarnPositionView } from '../../support/viewFakes';

type Call = { channel: ChannelName; input: unknown };

let calls: Call[];
let styles: DemandStyle[];
let overrides: ChannelOutput<'overrides.list'>;
let layers: { salesOrders: boolean; forecast: boolean };

function fakeApi(): PlannerApi {
  return {
    async invoke(channel, input) {
      calls.push({ channel, input });
      // Every answer goes through its channel's output schema (checkedOk); `as never` hands it back as the
      // generic channel's result, which TypeScript cannot narrow inside a switch.
      switch (channel) {
        case 'view.demand':
          return checkedOk('view.demand', demandView({ styles })) as never;
        case 'view.yarnPosition':
          return checkedOk(
            'view.yarnPosition',
            yarnPositionView([
              positionRow({ yarnId: '3345', description: 'Poly/Cotton' }),
              positionRow({ yarnId: '4001', description: 'Polyester' }),
            ]),
          ) as never;
        case 'overrides.list':
          return checkedOk('overrides.list', overrides) as never;
        case 'overrides.setRate':
        case 'overrides.setBom':
          return checkedOk('overrides.setRate', { jobId: 'plan-9' }) as never;
        case 'settings.setLayers':
          return checkedOk('settings.setLayers', { jobId: 'plan-9' }) as never;
        case 'settings.getLayers':
          return checkedOk('settings.getLayers', layers) as never;
        default:
          return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } } as never;
      }
    },
    on: () => () => undefined,
  };
}

const callsTo = (channel: ChannelName) => calls.filter((c) => c.channel === channel).map((c) => c.input);

/** The plan run the dialog started finishes and the views refetch (what `job.progress` and `plan.changed` do). */
function finishPlan(): void {
  act(() => {
    useJobs.getState().upsert({ jobId: 'plan-9', kind: 'plan', status: 'done', fraction: 1, message: 'done' });
    usePlanStore.getState().invalidate();
  });
}

beforeEach(() => {
  calls = [];
  overrides = { rates: [], boms: [] };
  layers = { salesOrders: false, forecast: false };
  styles = [
    demandStyle({
      style: '1141TK205/0',
      bomLines: [{ yarnId: '4054', fraction: 1 }],
      rateLbsPerDay: 455.68,
      rateSource: 'erp-report',
      rateAsOf: '2026-11-21',
    }),
    demandStyle({ style: '1141TK205/1', bomLines: [{ yarnId: '4054', fraction: 1 }], rateLbsPerDay: 410, rateSource: 'production-lbs' }),
    demandStyle({ style: '1141TK205/9', bomLines: [{ yarnId: '4054', fraction: 1 }] }),
    demandStyle({
      style: '303608/HB',
      bomLines: [
        { yarnId: '3345', fraction: 0.7992 },
        { yarnId: '4001', fraction: 0.1406 },
        { yarnId: '4849', fraction: 0.0348 },
        { yarnId: '5272', fraction: 0.0254 },
      ],
      rateLbsPerDay: 216.29,
      rateSource: 'erp-report',
    }),
  ];
  setApi(fakeApi());
  useJobs.setState({ byId: {}, order: [] });
});

afterEach(() => {
  cleanup();
  clearPlanViews();
});

describe('rate override dialog', () => {
  it('prefills the current rate, saves the new one with the note, shows the re-plan and then the override badge', async () => {
    render(<OverrideDialogHost />);
    act(() => openRateOverride('1141TK205/0'));
    const input = (await screen.findByTestId('override-rate-input')) as HTMLInputElement;
    await waitFor(() => expect(input.value).toBe('455.68'));
    expect(screen.getByTestId('override-rate-siblings').textContent).toBe('1141TK205/1 410.0 lbs/day (production-lbs)');

    fireEvent.change(input, { target: { value: '500' } });
    fireEvent.change(screen.getByTestId('override-note'), { target: { value: ' measured on 57 ' } });
    fireEvent.click(screen.getByTestId('override-save'));
    await waitFor(() => expect(callsTo('overrides.setRate')).toEqual([{ style: '1141TK205/0', lbsPerDay: 500, note: 'measured on 57' }]));
    expect((await screen.findByTestId('override-job')).dataset.status).toBe('running');

    styles = styles.map((s) => (s.style === '1141TK205/0' ? { ...s, rateLbsPerDay: 500, rateSource: 'override' as const } : s));
    finishPlan();
    const badge = await screen.findByTestId('override-source');
    expect(badge.dataset.source).toBe('override');
    expect(screen.getByTestId('override-job').textContent).toContain('Plan updated');
    fireEvent.click(screen.getByTestId('override-close'));
    expect(screen.queryByTestId('override-rate-dialog')).toBeNull();
  });

  it('does not send a rate that is not a positive number', async () => {
    render(<OverrideDialogHost />);
    act(() => openRateOverride('1141TK205/0'));
    const input = await screen.findByTestId('override-rate-input');
    fireEvent.change(input, { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('override-save'));
    expect((await screen.findByTestId('override-error')).textContent).toBe('The rate is a positive number of lbs/day');
    expect(callsTo('overrides.setRate')).toEqual([]);
  });

  it('removes an existing override', async () => {
    overrides = { rates: [{ style: '1141TK205/0', lbsPerDay: 480, asOf: '2026-11-21', note: 'lab' }], boms: [] };
    render(<OverrideDialogHost />);
    act(() => openRateOverride('1141TK205/0'));
    await waitFor(() => expect((screen.getByTestId('override-rate-input') as HTMLInputElement).value).toBe('480'));
    fireEvent.click(screen.getByTestId('override-remove'));
    await waitFor(() => expect(callsTo('overrides.setRate')).toEqual([{ style: '1141TK205/0', lbsPerDay: null }]));
  });
});

describe('BOM override dialog', () => {
  it('prefills the resolved BOM, blocks a total other than 100 % and sends fractions that add up to 1', async () => {
    render(<OverrideDialogHost />);
    act(() => openBomOverride('303608/HB'));
    const first = (await screen.findByTestId('override-bom-pct-0')) as HTMLInputElement;
    expect(first.value).toBe('79.92');
    expect((screen.getByTestId('override-bom-yarn-3') as HTMLInputElement).value).toBe('5272');
    expect(screen.getByTestId('override-bom-total').dataset.ok).toBe('true');

    fireEvent.change(first, { target: { value: '70' } });
    expect(screen.getByTestId('override-bom-total').textContent).toBe('90.08 %');
    expect(screen.getByTestId('override-bom-total').dataset.ok).toBe('false');
    fireEvent.click(screen.getByTestId('override-save'));
    expect((await screen.findByTestId('override-error')).textContent).toBe('The shares total 90.08 %: they must total 100 %');
    expect(callsTo('overrides.setBom')).toEqual([]);

    // Drop the two small yarns and give the room to a new line.
    fireEvent.click(screen.getByTestId('override-bom-remove-3'));
    fireEvent.click(screen.getByTestId('override-bom-remove-2'));
    fireEvent.click(screen.getByTestId('override-bom-add'));
    fireEvent.change(screen.getByTestId('override-bom-yarn-2'), { target: { value: '4007' } });
    fireEvent.change(screen.getByTestId('override-bom-pct-2'), { target: { value: '15.94' } });
    expect(screen.getByTestId('override-bom-total').dataset.ok).toBe('true');
    fireEvent.click(screen.getByTestId('override-save'));
    await waitFor(() => expect(callsTo('overrides.setBom')).toHaveLength(1));
    const sent = callsTo('overrides.setBom')[0] as { style: string; lines: { yarnId: string; fraction: number }[] };
    expect(sent.style).toBe('303608/HB');
    expect(sent.lines.map((l) => l.yarnId)).toEqual(['3345', '4001', '4007']);
    expect(sent.lines.reduce((t, l) => t + l.fraction, 0)).toBeCloseTo(1, 9);

    styles = styles.map((s) => (s.style === '303608/HB' ? { ...s, bomSource: 'override' as const } : s));
    finishPlan();
    expect((await screen.findByTestId('override-source')).dataset.source).toBe('override');
  });
});

describe('override list and cells', () => {
  it('lists the overrides and removes one after confirmation', async () => {
    overrides = {
      rates: [{ style: '1141TK205/0', lbsPerDay: 480, asOf: '2026-11-21', note: 'lab' }],
      boms: [
        {
          style: '303608/HB',
          lines: [
            { yarnId: '3345', fraction: 0.8 },
            { yarnId: '4001', fraction: 0.2 },
          ],
          asOf: '2026-11-21',
        },
      ],
    };
    render(
      <>
        <OverridesPanel />
        <ConfirmHost />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('demand-overrides').dataset.count).toBe('2'));
    expect(screen.getByTestId('demand-override-bom-303608/HB').textContent).toContain('3345 80.00%, 4001 20.00%');
    fireEvent.click(screen.getAllByTestId('demand-override-remove')[0]);
    fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(callsTo('overrides.setRate')).toEqual([{ style: '1141TK205/0', lbsPerDay: null }]));
    expect((await screen.findByTestId('demand-overrides-job')).dataset.jobId).toBe('plan-9');
  });

  it('opens the dialogs from the grid cells (Demand sources, Capacity unrated)', async () => {
    render(
      <>
        <StyleActionsCell data={{ style: '303608/HB' }} />
        <SetRateCell data={{ style: 'NEW/1', reason: 'no knitting rate' }} />
        <OverrideDialogHost />
      </>,
    );
    fireEvent.click(screen.getByTestId('unrated-set-rate'));
    expect((await screen.findByTestId('override-rate-dialog')).textContent).toContain('Knitting rate of NEW/1');
    await waitFor(() => expect(screen.getByTestId('override-rate-dialog').textContent).toContain('no rate'));
    fireEvent.click(screen.getByTestId('override-cancel'));
    fireEvent.click(screen.getByTestId('style-override-bom'));
    expect((await screen.findByTestId('override-bom-dialog')).textContent).toContain('BOM of 303608/HB');
  });

  it('lists the rates of the same base (by the style base the demand view sends)', () => {
    expect(sameBaseRates('1141TK205/9', styles).map((s) => s.style)).toEqual(['1141TK205/0', '1141TK205/1']);
    expect(sameBaseRates('303608/HB', styles)).toEqual([]);
    expect(sameBaseRates('NEW/1', styles)).toEqual([]);
  });

  it('flags token supplier matches and explains the risk basis', () => {
    render(
      <>
        <SupplierMatchCell
          data={{ match: { method: 'token', score: 0.67, retired: false }, yarnSupplier: 'Lowell Polymers Corp', supplierName: 'LOWELL YARNS LTD' }}
        />
        <SupplierMatchCell
          data={{ match: { method: 'exact', score: 1, retired: false }, yarnSupplier: 'LOWELL YARNS LTD', supplierName: 'LOWELL YARNS LTD' }}
        />
        <RiskCell value="HIGH" data={{ riskBasis: 'projected deficit', planningBalanceLbs: 313, maxDeficitLbs: 687, firstShortWeek: null }} />
      </>,
    );
    const token = screen.getByText('token 0.67');
    expect(token.className).toBe('pill pill-medium');
    expect(token.title).toContain('Yarn says “Lowell Polymers Corp”, matched to “LOWELL YARNS LTD” (score 0.67)');
    expect(screen.getByText('exact').className).toBe('pill pill-low');
    expect(screen.getByText('HIGH').title).toMatch(/^Band from the deepest projected deficit \(687 lbs short\)/);
  });
});

describe('demand layers (Settings)', () => {
  it('shows both switches off and turns the forecast layer on, with the re-plan', async () => {
    render(<DemandLayers />);
    const forecast = (await screen.findByTestId('settings-layer-forecast')) as HTMLInputElement;
    await waitFor(() => expect(forecast.disabled).toBe(false));
    expect(forecast.checked).toBe(false);
    expect((screen.getByTestId('settings-layer-salesOrders') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('settings-layers').textContent).toContain('never include them');
    fireEvent.click(forecast);
    await waitFor(() => expect(callsTo('settings.setLayers')).toEqual([{ forecast: true }]));
    expect((await screen.findByTestId('settings-layers-job')).dataset.jobId).toBe('plan-9');
    expect(forecast.checked).toBe(true);
  });
});
