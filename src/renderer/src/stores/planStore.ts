// Plan views: `usePlanView('view.yarnDetail', { yarnId })` calls that view's channel and refetches when the plan or
// the active snapshot changes; the data is typed by the channel's output schema (src/shared/views.ts).
// Results are cached per (channel, snapshot, input) so returning to a page shows the last data while it refreshes.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ContractError } from '../../../shared/contract';
import { VIEW_CHANNELS, type ViewChannel, type ViewInput, type ViewOutput } from '../../../shared/views';
import { api } from '../api';
import { useApp } from './appStore';

export type ViewStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

export interface ViewState<T> {
  status: ViewStatus;
  data?: T;
  error?: ContractError;
  /** True while a refetch runs and older data is still shown. */
  refreshing: boolean;
  /** The plan version the data was fetched for. */
  version: number;
}

interface PlanState {
  /** Bumped on `plan.changed` and `snapshots.changed`; every mounted view refetches. */
  version: number;
  /** Bumped on `plan.changed` for one scenario: only that scenario's views refetch. */
  scenarioVersions: Record<number, number>;
  /** A scenario id > 0 invalidates that scenario's views; otherwise every view. */
  invalidate(scenarioId?: number): void;
}

/** One channel's cache: the state of each (snapshot, input) asked for. */
interface ChannelViews<C extends ViewChannel> {
  views: Record<string, ViewState<ViewOutput<C>>>;
}

const IDLE = { status: 'idle', refreshing: false, version: -1 } as const satisfies ViewState<never>;

const channelStore = <C extends ViewChannel>() => create<ChannelViews<C>>(() => ({ views: {} }));

/** A store per view channel, so each one's data keeps its channel's type. */
const viewStores: { [C in ViewChannel]: ReturnType<typeof channelStore<C>> } = {
  'view.dashboard': channelStore(),
  'view.alerts': channelStore(),
  'view.yarnPosition': channelStore(),
  'view.yarnShortages': channelStore(),
  'view.yarnDetail': channelStore(),
  'view.demand': channelStore(),
  'view.purchasing': channelStore(),
  'view.capacity': channelStore(),
  'view.schedule': channelStore(),
  'view.forecast': channelStore(),
  'view.forecastSeries': channelStore(),
};

/** Forgets every view's data (tests). */
export function clearPlanViews(): void {
  const clear = <C extends ViewChannel>(channel: C) => viewStores[channel].setState({ views: {} });
  VIEW_CHANNELS.forEach(clear);
}

/** The last request started per view key (answers of older requests are dropped). */
const latestRequest = new Map<string, number>();
let nextRequest = 0;

/** A payload with nothing to show: null/undefined, an empty object, or `{ rows: [] }` with nothing else. */
export function isEmptyPayload(data: unknown): boolean {
  if (data === null || data === undefined) return true;
  if (Array.isArray(data)) return data.length === 0;
  if (typeof data !== 'object') return false;
  const entries = Object.entries(data).filter(([k]) => k !== 'columns');
  if (entries.length === 0) return true;
  return entries.every(([, v]) => v === null || v === undefined || (Array.isArray(v) && v.length === 0));
}

/** The cache key of a view: channel, snapshot (or the active one) and the input by value. */
export function viewKey(channel: ViewChannel, input: object | undefined, snapshot: number | string): string {
  const entries = Object.entries(input ?? {}).filter(([k, v]) => v !== undefined && !(k === 'scenarioId' && v === 0) && k !== 'snapshotId');
  entries.sort(([a], [b]) => a.localeCompare(b));
  return `${channel}|${snapshot}|${JSON.stringify(entries)}`;
}

export const usePlanStore = create<PlanState>((set) => ({
  version: 0,
  scenarioVersions: {},
  invalidate(scenarioId) {
    if (scenarioId && scenarioId > 0)
      set((s) => ({ scenarioVersions: { ...s.scenarioVersions, [scenarioId]: (s.scenarioVersions[scenarioId] ?? 0) + 1 } }));
    else set((s) => ({ version: s.version + 1 }));
  },
}));

/** Fetches one view into its channel's cache under `key`; an older answer never overwrites a newer one. */
export async function fetchView<C extends ViewChannel>(channel: C, key: string, input: ViewInput<C>): Promise<void> {
  const store = viewStores[channel];
  const put = (state: ViewState<ViewOutput<C>>) => store.setState((s) => ({ views: { ...s.views, [key]: state } }));
  const version = usePlanStore.getState().version;
  const request = (nextRequest += 1);
  latestRequest.set(key, request);
  const prev = store.getState().views[key] ?? IDLE;
  const hasData = prev.status === 'ready';
  put({ ...prev, status: hasData ? 'ready' : 'loading', refreshing: hasData });
  const r = await api.invoke(channel, input);
  // A newer fetch of the same key is on its way: drop this answer, unless nothing is shown yet (then show it
  // until the newer one lands, rather than leave the view loading if that fetch never starts).
  if (latestRequest.get(key) !== request && store.getState().views[key]?.status !== 'loading') return;
  if (r.ok) put({ status: isEmptyPayload(r.data) ? 'empty' : 'ready', data: r.data, refreshing: false, version });
  else if (r.error.code === 'NOT_FOUND') put({ status: 'empty', error: r.error, refreshing: false, version });
  else put({ status: 'error', error: r.error, refreshing: false, version });
}

export interface PlanViewResult<T> extends ViewState<T> {
  refetch(): void;
}

/**
 * Fetches a plan view and keeps it current. `input` may be a fresh object each render (compared by value);
 * undefined means "nothing to fetch yet" (e.g. no row selected): the result stays idle.
 */
export function usePlanView<C extends ViewChannel>(channel: C, input: ViewInput<C> | undefined): PlanViewResult<ViewOutput<C>> {
  const snapshotId = input?.snapshotId;
  const scenarioId = input?.scenarioId;
  // Cache per snapshot: after a snapshot switch the old snapshot's data is never shown as the new one's.
  const activeId = useApp((s) => s.activeSnapshotId);
  const key = input ? viewKey(channel, input, snapshotId ?? `active:${activeId ?? 'none'}`) : '';
  const version = usePlanStore((s) => s.version);
  const scenarioVersion = usePlanStore((s) => (scenarioId ? (s.scenarioVersions[scenarioId] ?? 0) : 0));
  const state = viewStores[channel]((s) => (key ? s.views[key] : undefined)) ?? IDLE;
  const fetch = () => input && void fetchView(channel, key, input);
  useEffect(() => {
    fetch();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the input is captured through `key`, which encodes it by value
  }, [key, version, scenarioVersion]);
  return { ...state, refetch: fetch };
}
