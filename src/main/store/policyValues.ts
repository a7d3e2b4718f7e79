// The policy values the planner changed, one row per area and key (defaults are not stored). Which keys exist and
// their ranges are the policy schema's business (services/inputs/policy.ts checks every change before it is saved).
import { policyValueSchema, type PolicyValue } from '../../shared/domain/policyValue';
import type { Db } from './dbHandle';
import { deleteRow, listRows, putRow, type RowChange, type RowSpec } from './plannerRows';

function parseJson(text: unknown): unknown {
  try {
    return JSON.parse(String(text));
  } catch {
    return undefined;
  }
}

export const policyValueRows: RowSpec<PolicyValue> = {
  table: 'policy_value',
  keyColumns: ['area', 'key'],
  keyOf: (v) => [v.area, v.key],
  schema: policyValueSchema,
  // JSON keeps the value's type (12, "12" and true read back as they were saved).
  toColumns: (v) => ({ area: v.area, key: v.key, value_json: JSON.stringify(v.value) }),
  fromColumns: (r) => ({ area: r.area, key: r.key, value: parseJson(r.value_json) }),
  orderBy: 'area, key',
};

export const listPolicyValues = (db: Db): PolicyValue[] => listRows(db, policyValueRows);
export const putPolicyValue = (db: Db, v: PolicyValue, now: string): RowChange<PolicyValue> => putRow(db, policyValueRows, v, now);
export const deletePolicyValue = (db: Db, area: string, key: string): RowChange<PolicyValue> => deleteRow(db, policyValueRows, [area, key]);
