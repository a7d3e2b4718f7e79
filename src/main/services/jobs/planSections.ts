// The plan as the store keeps it: one row per top-level key of Plan (store/planCache.ts writePlanSections), so a
// reader parses only the sections it names — and the big ones one row per key of theirs, parsed when first touched.
import type { Db } from '../../store/dbHandle';
import { readPlanSections, writePlanSections } from '../../store/planCache';
import type { Plan } from './computePlan';

export type PlanSection = keyof Plan;

export const PLAN_KIND = 'plan';

/** The big sections, stored one row per key of theirs: the dashboard reads the work centers' load, not the machines'. */
const IN_PARTS: readonly PlanSection[] = ['yarn', 'purchasing', 'load'];

export function writePlanOf(db: Db, snapshotId: number, scenarioId: number, inputsHash: string, computedAt: string, plan: Plan): void {
  writePlanSections(db, snapshotId, scenarioId, PLAN_KIND, inputsHash, computedAt, plan, IN_PARTS);
}

/** The named sections of the plan of a snapshot (scenario 0) or a scenario; undefined when not planned yet. */
export function readPlanOf<K extends PlanSection>(db: Db, snapshotId: number, scenarioId: number, sections: readonly K[]): Pick<Plan, K> | undefined {
  return readPlanSections<Plan, K>(db, snapshotId, scenarioId, PLAN_KIND, sections)?.plan;
}

/** Every section, for readers that use the whole plan (files and printed reports). */
export const ALL_PLAN_SECTIONS = [
  'snapshotId',
  'scenarioId',
  'asOf',
  'computedAt',
  'policy',
  'calendar',
  'yarn',
  'purchasing',
  'load',
  'schedule',
  'layers',
  'yarnCostPerLb',
  'receiptLines',
  'timingsMs',
] as const satisfies readonly PlanSection[];
// Fails to compile when Plan gains a key the list lacks.
const everySection: Record<Exclude<PlanSection, (typeof ALL_PLAN_SECTIONS)[number]>, never> = {};
void everySection;
