// The policy table as the planner sees it: defaults overlaid with the planner's edits (stored as settings).
import { policyDefaults, type PolicyTable } from '../../shared/policy';
import type { Db } from '../store/db';
import { getSetting, putSetting } from '../store/settings';

const POLICY_KEY = 'policy.overrides';
type Overrides = Record<string, Record<string, unknown>>;

export function loadPolicy(db: Db): PolicyTable {
  const overrides = getSetting<Overrides>(db, POLICY_KEY) ?? {};
  const table = structuredClone(policyDefaults) as unknown as Record<string, Record<string, unknown>>;
  for (const [area, values] of Object.entries(overrides)) {
    if (!table[area]) continue;
    for (const [key, value] of Object.entries(values)) if (key in table[area]) table[area][key] = value;
  }
  return table as unknown as PolicyTable;
}

export function setPolicyValue(db: Db, area: string, key: string, value: unknown, now: string): PolicyTable {
  const defaults = policyDefaults as unknown as Record<string, Record<string, unknown>>;
  const current = defaults[area]?.[key];
  if (current === undefined) throw new Error(`unknown policy setting ${area}.${key}`);
  if (typeof current !== typeof value) throw new Error(`policy ${area}.${key} must be a ${typeof current}`);
  const overrides = getSetting<Overrides>(db, POLICY_KEY) ?? {};
  overrides[area] = { ...(overrides[area] ?? {}), [key]: value };
  putSetting(db, POLICY_KEY, overrides, now);
  return loadPolicy(db);
}
