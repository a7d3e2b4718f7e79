// The planning policy (thresholds the engines use), fetched once and refreshed when the plan changes, so colour
// bands in the UI (utilisation, risk) follow the planner's settings instead of literals.
import { useEffect } from 'react';
import { create } from 'zustand';
import { api } from '../api';
import { usePlanStore } from './planStore';

type Policy = Record<string, Record<string, unknown>>;

interface PolicyState {
  policy?: Policy;
  loadedAt: number;
  load(version: number): Promise<void>;
}

const usePolicyStore = create<PolicyState>((set, get) => ({
  loadedAt: -1,
  async load(version) {
    if (get().loadedAt === version) return;
    set({ loadedAt: version });
    const r = await api.invoke('settings.getPolicy', {});
    if (r.ok) set({ policy: r.data });
  },
}));

export function usePolicy(): Policy | undefined {
  const version = usePlanStore((s) => s.version);
  const policy = usePolicyStore((s) => s.policy);
  useEffect(() => {
    void usePolicyStore.getState().load(version);
  }, [version]);
  return policy;
}

export interface UtilisationBands {
  /** At or above: amber (bottleneck). */
  bottleneckPct: number;
  /** Above: red (overloaded). */
  overloadPct: number;
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Capacity colour bands from policy.capacity (the engine's own defaults until the policy has loaded). */
export function useUtilisationBands(): UtilisationBands {
  const capacity = usePolicy()?.capacity;
  return { bottleneckPct: num(capacity?.bottleneckUtilisationPct, 85), overloadPct: num(capacity?.overloadUtilisationPct, 100) };
}

export type UtilisationBand = 'low' | 'medium' | 'critical' | 'none';

export function utilisationBand(pct: number | null | undefined, bands: UtilisationBands): UtilisationBand {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return 'none';
  if (pct > bands.overloadPct) return 'critical';
  if (pct >= bands.bottleneckPct) return 'medium';
  return 'low';
}
