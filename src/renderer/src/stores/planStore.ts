// Plan views: `usePlanView(view, params)` calls `plan.get` and refetches when the plan or the active snapshot changes.
// Results are cached per (view, snapshot, params) so returning to a page shows the last data while it refreshes.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ContractError } from '../../../shared/contract';
import { api } from '../api';
import { useApp } from './appStore';

export type PlanParams = Record<string, string | number | boolean>;

export type ViewStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

export interface ViewState {
  status: ViewStatus;
  data?: unknown;
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
  views: Record<string, ViewState>;
  /** A scenario id > 0 invalidates that scenario's views; otherwise every view. */
  invalidate(scenarioId?: number): void;
  fetchView(key: string, view: string, params: PlanParams | undefined, snapshotId: number | undefined, scenarioId?: number): Promise<void>;
}

const IDLE: ViewState = { status: 'idle', refreshing: false, version: -1 };

/** The last request started per view key (answers of older requests are dropped). */
const latestRequest = new Map<string, number>();
let nextRequest = 0;

/** A payload with nothing to show: null/undefined, an empty object, or `{ rows: [] }` with nothing else. */
export function isEmptyPayload(data: unknown): boolean {
  if (data === null || data === undefined) return true;
  if (Array.isArray(data)) return data.length === 0;
  if (typeof data !== 'object') return false;
  const entries = Object.entries(data as Record<string, unknown>).filter(([k]) => k !== 'columns');
  if (entries.length === 0) return true;
  return entries.every(([, v]) => v === null || v === undefined || (Array.isArray(v) && v.length === 0));
}

export function viewKey(view: string, params?: PlanParams, snapshotId?: number | string, scenarioId?: number): string {
  const sorted = params ? Object.keys(params).sort().map((k) => [k, params[k]]) : [];
  return `${view}|${snapshotId ?? 'active'}|${JSON.stringify(sorted)}${scenarioId ? `|scenario:${scenarioId}` : ''}`;
}

export const usePlanStore = create<PlanState>((set, get) => ({
  version: 0,
  scenarioVersions: {},
  views: {},
  invalidate(scenarioId) {
    if (scenarioId && scenarioId > 0)
      set((s) => ({ scenarioVersions: { ...s.scenarioVersions, [scenarioId]: (s.scenarioVersions[scenarioId] ?? 0) + 1 } }));
    else set((s) => ({ version: s.version + 1 }));
  },
  async fetchView(key, view, params, snapshotId, scenarioId) {
    const version = get().version;
    const request = (nextRequest += 1);
    latestRequest.set(key, request);
    const prev = get().views[key] ?? IDLE;
    const hasData = prev.status === 'ready';
    set((s) => ({ views: { ...s.views, [key]: { ...prev, status: hasData ? 'ready' : 'loading', refreshing: hasData } } }));
    const r = await api.invoke('plan.get', {
      view,
      ...(snapshotId ? { snapshotId } : {}),
      ...(scenarioId ? { scenarioId } : {}),
      ...(params ? { params } : {}),
    });
    // A newer fetch of the same key is on its way: drop this answer, unless nothing is shown yet (then show it
    // until the newer one lands, rather than leave the view loading if that fetch never starts).
    if (latestRequest.get(key) !== request && get().views[key]?.status !== 'loading') return;
    let next: ViewState;
    if (r.ok) next = { status: isEmptyPayload(r.data) ? 'empty' : 'ready', data: r.data, refreshing: false, version };
    else if (r.error.code === 'NOT_FOUND') next = { status: 'empty', error: r.error, refreshing: false, version };
    else next = { status: 'error', error: r.error, refreshing: false, version };
    set((s) => ({ views: { ...s.views, [key]: next } }));
  },
}));

export interface PlanViewResult extends ViewState {
  refetch(): void;
}

/**
 * Fetches a plan view and keeps it current. `params` may be a fresh object each render (compared by value).
 * `view` undefined means "nothing to fetch yet" (e.g. no row selected): the result stays idle.
 */
export function usePlanView(view: string | undefined, params?: PlanParams, options?: { snapshotId?: number; scenarioId?: number }): PlanViewResult {
  const snapshotId = options?.snapshotId;
  const scenarioId = options?.scenarioId;
  // Cache per snapshot: after a snapshot switch the old snapshot's data is never shown as the new one's.
  const activeId = useApp((s) => s.activeSnapshotId);
  const key = view ? viewKey(view, params, snapshotId ?? `active:${activeId ?? 'none'}`, scenarioId) : '';
  const version = usePlanStore((s) => s.version);
  const scenarioVersion = usePlanStore((s) => (scenarioId ? (s.scenarioVersions[scenarioId] ?? 0) : 0));
  const state = usePlanStore((s) => (key ? s.views[key] : undefined)) ?? IDLE;
  useEffect(() => {
    if (!view) return;
    void usePlanStore.getState().fetchView(key, view, params, snapshotId, scenarioId);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- params are captured through `key`, which encodes them by value
  }, [key, version, scenarioVersion]);
  return { ...state, refetch: () => view && void usePlanStore.getState().fetchView(key, view, params, snapshotId, scenarioId) };
}
