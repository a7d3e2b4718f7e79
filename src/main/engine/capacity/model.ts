// Capacity model: machines indexed by work center, each style's work center, knitting rates, compatibility.
import type { CapacityPolicy } from '../../../shared/policy/capacity';
import { isIsoDate } from '../../../shared/dates';
import type { GreigeStyleSpec, KnitOrder, Machine, RateInfo, RateLookup } from './types';
import { relaxedKey, workCenterKey } from './workCenter';

export interface CompatibleMachine {
  machineId: string;
  workCenter: string;
  match: 'exact' | 'relaxed';
}

export interface CapacityModel {
  /** Machine id -> work center key ('' when blank). */
  machineWc: ReadonlyMap<string, string>;
  /** Work center key -> machine ids (input order). */
  machinesByWc: ReadonlyMap<string, string[]>;
  /** Style (trimmed) -> work center key. */
  styleWc: ReadonlyMap<string, string>;
  policy: CapacityPolicy;
  /** Exact machines first, then relaxed ones (when the policy allows). */
  compatibleMachines(workCenter: string): CompatibleMachine[];
  /** Machines a relaxed match would add, whatever the policy says (for hints). */
  relaxedOnly(workCenter: string, mode: 'type' | 'diameter-cut'): CompatibleMachine[];
}

export function buildCapacityModel(machines: Machine[], styles: GreigeStyleSpec[], policy: CapacityPolicy): CapacityModel {
  const machineWc = new Map<string, string>();
  const machinesByWc = new Map<string, string[]>();
  for (const m of machines) {
    const id = m.machineId.trim();
    if (!id || machineWc.has(id)) continue;
    const wc = workCenterKey(m.workCenter);
    machineWc.set(id, wc);
    if (!wc) continue;
    const list = machinesByWc.get(wc) ?? [];
    list.push(id);
    machinesByWc.set(wc, list);
  }
  const styleWc = new Map<string, string>();
  for (const s of styles) {
    const style = s.style.trim();
    if (style && !styleWc.has(style)) styleWc.set(style, workCenterKey(s.workCenter));
  }

  const relaxedIndex = new Map<string, Map<string, string[]>>();
  const relaxedWcs = (mode: 'type' | 'diameter-cut'): Map<string, string[]> => {
    let index = relaxedIndex.get(mode);
    if (!index) {
      index = new Map();
      for (const wc of machinesByWc.keys()) {
        const key = relaxedKey(wc, mode);
        if (key === null) continue;
        index.set(key, [...(index.get(key) ?? []), wc]);
      }
      relaxedIndex.set(mode, index);
    }
    return index;
  };
  const relaxedOnly = (workCenter: string, mode: 'type' | 'diameter-cut'): CompatibleMachine[] => {
    const key = relaxedKey(workCenter, mode);
    if (key === null) return [];
    const out: CompatibleMachine[] = [];
    for (const wc of relaxedWcs(mode).get(key) ?? []) {
      if (wc === workCenter) continue;
      for (const machineId of machinesByWc.get(wc) ?? []) out.push({ machineId, workCenter: wc, match: 'relaxed' });
    }
    return out;
  };
  const cache = new Map<string, CompatibleMachine[]>();
  const compatibleMachines = (workCenter: string): CompatibleMachine[] => {
    let list = cache.get(workCenter);
    if (!list) {
      list = (machinesByWc.get(workCenter) ?? []).map((machineId) => ({ machineId, workCenter, match: 'exact' as const }));
      if (policy.relaxedMatch !== 'off') list = list.concat(relaxedOnly(workCenter, policy.relaxedMatch));
      cache.set(workCenter, list);
    }
    return list;
  };
  return { machineWc, machinesByWc, styleWc, policy, compatibleMachines, relaxedOnly };
}

/** A style's knitting rate: exact key, then trimmed; non-positive rates count as missing; then the policy default. */
export function resolveRate(rates: RateLookup, style: string, policy: CapacityPolicy): RateInfo | null {
  const found = rates.get(style) ?? rates.get(style.trim());
  if (found && Number.isFinite(found.rateLbsPerDay) && found.rateLbsPerDay > 0) return found;
  if (policy.defaultRateLbsPerDay !== null && policy.defaultRateLbsPerDay > 0) {
    return { rateLbsPerDay: policy.defaultRateLbsPerDay, source: 'policy default' };
  }
  return null;
}

/** Why no machine can take a style of this work center, with what a relaxed match would find. */
export function noMachineMessage(model: CapacityModel, wc: string): string {
  const hints: string[] = [];
  const mode = model.policy.relaxedMatch;
  const byType = mode === 'off' ? model.relaxedOnly(wc, 'type').length : 0;
  const byGauge = mode !== 'diameter-cut' ? model.relaxedOnly(wc, 'diameter-cut').length : 0;
  if (byType) hints.push(`${plural(byType, 'machine')} with another type letter (relaxedMatch "type")`);
  if (byGauge) hints.push(`${plural(byGauge, 'machine')} with the same diameter and cut ("diameter-cut")`);
  return `No machine in work center ${wc}.${hints.length ? ` A relaxed match would find ${hints.join(' or ')}.` : ''}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The order with unparseable dates removed (treated as absent), and a note per removed date. */
export function withValidDates(order: KnitOrder): { order: KnitOrder; notes: string[] } {
  const notes: string[] = [];
  let clean = order;
  for (const field of ['startDate', 'quotedDate', 'pinnedStart'] as const) {
    const value = order[field];
    if (value !== undefined && value !== null && !isIsoDate(value)) {
      clean = { ...clean, [field]: field === 'pinnedStart' ? undefined : null };
      notes.push(`Ignored invalid ${field} "${value}".`);
    }
  }
  return { order: clean, notes };
}
