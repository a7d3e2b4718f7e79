export { computeAlerts, defaultAlertPolicies } from './compute';
export { compareAlerts, defaultAlertView } from './rank';
export type * from './types';
