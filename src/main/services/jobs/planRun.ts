// A plan run (in a worker): load the snapshot (or a scenario of it), compute the plan (computePlan.ts) and cache the
// result for the screens, the CLI and the reports.
import { createHash } from 'node:crypto';
import { openStore } from '../../store/db';
import { getSnapshot } from '../../store/snapshots';
import { throwIfCancelled, type JobContext } from '../../workers/jobContext';
import { writePlan } from '../../store/planCache';
import { listPoDraftsWithRevision } from '../../store/poDrafts';
import { getScenario } from '../../store/scenarios';
import { closeDraftsTheErpHas, computePlan, loadPlanContext, type PlanRunOptions } from './computePlan';
import { writePlanOf } from './planSections';
import { computeScenarioPlan, STYLE_RATES, styleRatesOf } from './scenarioRun';
import { policyDefaults } from '../../../shared/policy';
import { policyProblems } from '../../../shared/policy/schema';

/**
 * Run by a resident worker while it waits for its first job: the policy's schema is compiled on its first check
 * (~25 ms), which would otherwise fall on the first plan after an import.
 */
export function warmUpPlanRun(): void {
  policyProblems(policyDefaults);
}

export async function runPlanJob(
  input: { snapshotId: number; scenarioId?: number } & PlanRunOptions,
  ctx: JobContext,
): Promise<{ snapshotId: number; scenarioId: number; timingsMs: Record<string, number>; warnings?: string[] }> {
  throwIfCancelled(ctx);
  const db = openStore(ctx.dbPath);
  try {
    if (!getSnapshot(db, input.snapshotId)) throw new Error(`snapshot ${input.snapshotId} does not exist`);
    if (input.scenarioId) {
      const scenario = getScenario(db, input.scenarioId);
      if (!scenario) throw new Error(`scenario ${input.scenarioId} does not exist`);
      ctx.progress(0.1, `planning scenario ${scenario.name}`);
      const { plan, warnings } = computeScenarioPlan(db, scenario, ctx.now);
      writePlanOf(db, scenario.snapshotId, scenario.id, JSON.stringify(scenario.overrides), ctx.now, plan);
      return { snapshotId: scenario.snapshotId, scenarioId: scenario.id, timingsMs: plan.timingsMs, warnings };
    }
    ctx.progress(0.05, 'loading the snapshot');
    const t0 = performance.now();
    const { data, history, settings, policy, forecast } = loadPlanContext(db, input.snapshotId, input);
    const loadMs = Math.round(performance.now() - t0);
    settings.poDrafts = closeDraftsTheErpHas(db, data, listPoDraftsWithRevision(db), settings.supplierMappings, policy, ctx.now);
    throwIfCancelled(ctx);
    const plan = computePlan(
      data,
      history,
      settings,
      policy,
      ctx.now,
      0,
      (f, m) => {
        throwIfCancelled(ctx);
        ctx.progress(f, m);
      },
      forecast,
    );
    plan.timingsMs.loadSnapshotMs = loadMs;
    ctx.progress(0.92, 'saving the plan');
    const inputsHash = createHash('sha256')
      .update(JSON.stringify([input.snapshotId, settings, policy]))
      .digest('hex');
    db.transaction(() => {
      writePlanOf(db, input.snapshotId, 0, inputsHash, ctx.now, plan);
      writePlan(db, input.snapshotId, 0, STYLE_RATES, inputsHash, ctx.now, styleRatesOf(plan));
    })();
    return { snapshotId: input.snapshotId, scenarioId: 0, timingsMs: plan.timingsMs };
  } finally {
    db.close();
  }
}
