// Policy-change overrides: checked against the policy schema (known area and key, the key's range, the rules between
// keys) and merged over the table for the scenario's plan run.
import { policyDefaults } from '../../../shared/policy';
import { alertsPolicyDefaults } from '../../../shared/policy/alerts';
import { checkPolicyValue, policyProblems } from '../../../shared/policy/schema';
import type { PolicyValue } from '../../../shared/scenario';

export type PolicyTableLike = Record<string, Record<string, unknown>>;

export const scenarioPolicyTable: PolicyTableLike = { ...policyDefaults, alerts: alertsPolicyDefaults };

/**
 * Null when the change fits the table, else why not: the value against its key's range (the one policy schema),
 * then the rules between keys on the table with the change made (e.g. critical below high below medium).
 */
export function checkPolicyChange(table: PolicyTableLike, area: string, key: string, value: PolicyValue): string | null {
  const own = checkPolicyValue(area, key, value);
  if (own) return own;
  const name = `${area}.${key}`;
  return policyProblems(patchPolicy(table, { [area]: { [key]: value } })).find((p) => p.keys.includes(name))?.message ?? null;
}

/** The table with the scenario's patches merged over it (sections copied only where patched). */
export function patchPolicy<T extends PolicyTableLike>(table: T, patches: Record<string, Record<string, PolicyValue>>): T {
  const out: PolicyTableLike = { ...table };
  for (const [area, values] of Object.entries(patches)) {
    if (Object.hasOwn(out, area)) out[area] = { ...out[area], ...values };
  }
  return out as T;
}
