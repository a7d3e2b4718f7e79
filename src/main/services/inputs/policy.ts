// The policy table as the planner sees it: defaults overlaid with the planner's edits (a row per changed key). Every
// edit, from Settings or the CLI's --policy file, is checked against the one policy schema before it is saved, and
// a plan runs only with a table that passes it.
import { policyDefaults, type PolicyTable } from '../../../shared/policy';
import { checkPolicyValue, policyProblems } from '../../../shared/policy/schema';
import type { PolicyValue } from '../../../shared/domain/policyValue';
import type { Db } from '../../store/db';
import { listPolicyValues, putPolicyValue } from '../../store/policyValues';

type Overrides = Record<string, Record<string, unknown>>;

export interface PolicyChange {
  area: string;
  key: string;
  value: unknown;
}

export class PolicyError extends Error {}

/** The stored edits of known keys only (own properties: a stored `constructor` or `__proto__` is ignored). */
function storedOverrides(db: Db): Overrides {
  const defaults = policyDefaults as unknown as Overrides;
  const out: Overrides = {};
  for (const { area, key, value } of listPolicyValues(db)) {
    if (Object.hasOwn(defaults, area) && Object.hasOwn(defaults[area], key)) (out[area] ??= {})[key] = value;
  }
  return out;
}

/** Defaults overlaid with the stored edits, as Settings shows them (an out-of-range value is shown, to be fixed). */
export function loadPolicy(db: Db): PolicyTable {
  const table = structuredClone(policyDefaults) as unknown as Overrides;
  for (const [area, values] of Object.entries(storedOverrides(db))) Object.assign(table[area], values);
  return table as unknown as PolicyTable;
}

/** The policy a plan runs with; refused, naming every bad value, when the stored table breaks the schema. */
export function planningPolicy(db: Db): PolicyTable {
  const table = loadPolicy(db);
  const problems = policyProblems(table);
  if (problems.length)
    throw new PolicyError(`the saved policy cannot be planned with: ${problems.map((p) => p.message).join('; ')}. Change it in Settings.`);
  return table;
}

/**
 * Every reason these edits cannot be saved: each value against its key's range, then the table as it would be
 * saved against the rules between keys (only rules that involve an edited key: an older bad value elsewhere does
 * not block an unrelated edit).
 */
export function policyChangeProblems(db: Db, changes: readonly PolicyChange[]): string[] {
  const own = changes.map((c) => checkPolicyValue(c.area, c.key, c.value)).filter((m): m is string => m !== null);
  if (own.length) return own;
  const table = loadPolicy(db) as unknown as Overrides;
  for (const c of changes) table[c.area][c.key] = c.value;
  const edited = new Set(changes.map((c) => `${c.area}.${c.key}`));
  return policyProblems(table)
    .filter((p) => p.keys.some((k) => edited.has(k)))
    .map((p) => p.message);
}

/** Saves the edits together, or none of them (PolicyError naming every problem). */
export function setPolicyValues(db: Db, changes: readonly PolicyChange[], now: string): PolicyTable {
  db.transaction(() => {
    const problems = policyChangeProblems(db, changes);
    if (problems.length) throw new PolicyError(problems.join('; '));
    for (const c of changes) putPolicyValue(db, { area: c.area, key: c.key, value: c.value as PolicyValue['value'] }, now);
  }).immediate();
  return loadPolicy(db);
}

/**
 * The edits of a policy file (`{ "calendar": { "horizonWeeks": 12 } }`, the CLI's --policy), or why it cannot be
 * read: not JSON, not an object of areas, unknown areas, and each value against its key's range.
 */
export function parsePolicyFile(text: string, fileName: string): { changes: PolicyChange[]; problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { changes: [], problems: [`${fileName} is not valid JSON: ${(err as Error).message}`] };
  }
  const isTable = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isTable(parsed)) return { changes: [], problems: [`${fileName} must hold an object of areas, e.g. { "calendar": { "horizonWeeks": 12 } }`] };
  const defaults = policyDefaults as unknown as Overrides;
  const changes: PolicyChange[] = [];
  const problems: string[] = [];
  for (const [area, values] of Object.entries(parsed)) {
    if (!Object.hasOwn(defaults, area)) problems.push(`unknown policy area ${area}`);
    else if (!isTable(values)) problems.push(`policy area ${area} must be an object of settings`);
    else for (const [key, value] of Object.entries(values)) changes.push({ area, key, value });
  }
  problems.push(...changes.map((c) => checkPolicyValue(c.area, c.key, c.value)).filter((m): m is string => m !== null));
  return { changes, problems };
}
