export { applyOverrides, scenarioRate, type ApplyContext, type ApplyResult } from './apply';
export { comparePlans, planKpis } from './compare';
export { forecastMultiplier } from './demand';
export { patchPolicy, checkPolicyChange, scenarioPolicyTable } from './policyPatch';
export type * from './types';
