// Policy-change overrides: checked against the policy table (known area and key, value of the default's type) and
// merged over it for the scenario's plan run.
import { policyDefaults } from '../../../shared/policy';
import { alertsPolicyDefaults } from '../../../shared/policy/alerts';
import type { PolicyValue } from '../../../shared/scenario';

export type PolicyTableLike = Record<string, Record<string, unknown>>;

export const scenarioPolicyTable: PolicyTableLike = { ...policyDefaults, alerts: alertsPolicyDefaults };

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  return Array.isArray(v) ? 'array' : typeof v;
}

/** Null when the change fits the table, else why not. */
export function checkPolicyChange(table: PolicyTableLike, area: string, key: string, value: PolicyValue): string | null {
  const section = Object.hasOwn(table, area) ? table[area] : undefined;
  if (!section) return `unknown policy area "${area}"`;
  if (!Object.hasOwn(section, key)) return `unknown policy key "${area}.${key}"`;
  const expected = kindOf(section[key]);
  const given = kindOf(value);
  // A nullable default (null) accepts numbers too; otherwise the type must match.
  if (expected === 'null' ? given !== 'null' && given !== 'number' : given !== expected)
    return `policy ${area}.${key} expects a ${expected}, got ${given}`;
  return null;
}

/** The table with the scenario's patches merged over it (sections copied only where patched). */
export function patchPolicy<T extends PolicyTableLike>(table: T, patches: Record<string, Record<string, PolicyValue>>): T {
  const out: PolicyTableLike = { ...table };
  for (const [area, values] of Object.entries(patches)) {
    if (Object.hasOwn(out, area)) out[area] = { ...out[area], ...values };
  }
  return out as T;
}
