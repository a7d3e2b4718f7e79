// Pure helpers of the policy form: which values are editable, drafts as strings, parsing back, and what changed.
import { checkPolicyValue, policyProblems } from '../../../../shared/policy/schema';
export type PolicyTable = Record<string, Record<string, unknown>>;
export type Editable = number | string | boolean;

export type FieldKind = 'number' | 'boolean' | 'string' | 'readonly';

/** Editable kinds follow the default's type (the service rejects a value of another type). */
export function fieldKind(defaultValue: unknown, current: unknown): FieldKind {
  const ref = defaultValue === undefined ? current : defaultValue;
  if (typeof ref === 'number') return 'number';
  if (typeof ref === 'boolean') return 'boolean';
  if (typeof ref === 'string') return 'string';
  return 'readonly';
}

export function toDraft(value: unknown): string | boolean {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export type Parsed = { ok: true; value: Editable } | { ok: false; message: string };

export function parseDraft(kind: FieldKind, draft: string | boolean): Parsed {
  if (kind === 'boolean') return { ok: true, value: draft === true };
  if (kind === 'string') return { ok: true, value: String(draft) };
  if (kind === 'number') {
    const text = String(draft).trim().replace(/,/g, '');
    if (text === '') return { ok: false, message: 'enter a number' };
    const n = Number(text);
    return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: 'not a number' };
  }
  return { ok: false, message: 'not editable here' };
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface PendingChange {
  area: string;
  key: string;
  value: Editable;
}

/** The drafts that parse and differ from the saved table; `errors` for drafts that do not parse. */
export function pendingChanges(
  saved: PolicyTable,
  defaults: PolicyTable,
  drafts: Record<string, string | boolean>,
): { changes: PendingChange[]; errors: Record<string, string> } {
  const changes: PendingChange[] = [];
  const errors: Record<string, string> = {};
  for (const [id, draft] of Object.entries(drafts)) {
    const [area, key] = splitId(id);
    const kind = fieldKind(defaults[area]?.[key], saved[area]?.[key]);
    const parsed = parseDraft(kind, draft);
    if (!parsed.ok) {
      errors[id] = parsed.message;
      continue;
    }
    if (!sameValue(parsed.value, saved[area]?.[key])) changes.push({ area, key, value: parsed.value });
  }
  return { changes, errors };
}

export function fieldId(area: string, key: string): string {
  return `${area}.${key}`;
}

export function splitId(id: string): [string, string] {
  const i = id.indexOf('.');
  return [id.slice(0, i), id.slice(i + 1)];
}

/**
 * What the policy schema says about the pending changes, by field: each value against its key's range, and the
 * rules between keys on the table as it would be saved (shown on every changed key a broken rule names).
 */
export function policyChangeErrors(saved: PolicyTable, changes: readonly PendingChange[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const c of changes) {
    const problem = checkPolicyValue(c.area, c.key, c.value);
    if (problem) errors[fieldId(c.area, c.key)] = problem;
  }
  const valid = changes.filter((c) => !errors[fieldId(c.area, c.key)]);
  const table: PolicyTable = Object.fromEntries(Object.entries(saved).map(([area, values]) => [area, { ...values }]));
  for (const c of valid) table[c.area][c.key] = c.value;
  const changed = new Set(valid.map((c) => fieldId(c.area, c.key)));
  for (const p of policyProblems(table)) {
    for (const key of p.keys) if (changed.has(key)) errors[key] ??= p.message;
  }
  return errors;
}
