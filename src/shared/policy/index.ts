// The central policy table: every threshold the engine uses, with defaults the planner can edit in Settings.
import { calendarPolicyDefaults } from './calendar';
import { yarnPolicyDefaults } from './yarn';
import { purchasingPolicyDefaults } from './purchasing';
import { capacityPolicyDefaults } from './capacity';
import { forecastPolicyDefaults } from './forecast';
import { alertsPolicyDefaults } from './alerts';
import { reportsPolicyDefaults } from './reports';

export const policyDefaults = {
  calendar: calendarPolicyDefaults,
  yarn: yarnPolicyDefaults,
  purchasing: purchasingPolicyDefaults,
  capacity: capacityPolicyDefaults,
  forecast: forecastPolicyDefaults,
  alerts: alertsPolicyDefaults,
  reports: reportsPolicyDefaults,
};

export type PolicyTable = typeof policyDefaults;
export type PolicyArea = keyof PolicyTable;
