// "Can we make it?" over a computed plan: the engine's availability check for a style known to the plan, with each
// yarn's description. A style the plan did not resolve (no knit order, sales order or forecast uses it) is refused.
import type { Availability, AvailabilityInput } from '../../../shared/availability';
import { styleKey } from '../../engine/yarn/keys';
import { checkAvailability } from '../../engine/yarn';
import type { Plan } from '../jobs/computePlan';
import { NotFoundError } from '../errors';

export function styleAvailability(plan: Pick<Plan, 'asOf' | 'yarn'>, input: Pick<AvailabilityInput, 'style' | 'lbs' | 'startDate'>): Availability {
  const key = styleKey(input.style);
  if (!plan.yarn.styles.some((s) => s.style === key)) {
    throw new NotFoundError(
      `style ${key} is not in the plan of ${plan.asOf} (no knit order, sales order or forecast uses it), so its BOM and rate are not resolved`,
    );
  }
  const r = checkAvailability(key, input.lbs, input.startDate, plan.yarn);
  const description = new Map(plan.yarn.positions.map((p) => [p.yarnId, p.description ?? '']));
  return {
    ...r,
    asOf: plan.asOf,
    thresholdLbs: plan.yarn.policy.shortageBelowLbs,
    yarns: r.yarns.map((y) => ({ ...y, description: description.get(y.yarnId) ?? '' })),
  };
}
