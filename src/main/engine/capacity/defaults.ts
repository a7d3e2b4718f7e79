// The plant calendar a new snapshot starts with (the planner edits holidays and downtime).
import { capacityPolicyDefaults, type CapacityPolicy } from '../../../shared/policy/capacity';
import type { Calendar } from './types';

export function defaultCalendar(policy: CapacityPolicy = capacityPolicyDefaults): Calendar {
  return { workDaysPerWeek: policy.workDaysPerWeek, holidays: [], downtime: [] };
}
