// Machine capacity, load and finite knit scheduling policy. Every threshold the capacity engine uses lives here.

/**
 * How a style's QuadS work center may match a machine's work center (`C.DD.NN.T`):
 * - `off`: the codes must be equal (after trimming and canonicalising numbers);
 * - `type`: also allow the same construction, diameter and cut with a different type letter (F vs M, F vs FOW);
 * - `diameter-cut`: also allow any machine with the same cylinder diameter and needle cut.
 * Relaxed matches are always flagged and lose ties to exact ones.
 */
export type RelaxedMatchMode = 'off' | 'type' | 'diameter-cut';

export const capacityPolicyDefaults = {
  /** Relaxed work-center match for new assignments (the 9-2 snapshot: 137/168 KOs run on their exact WC). */
  relaxedMatch: 'off' as RelaxedMatchMode,
  /** Rate used when a style has no knitting rate; null = such orders cannot be scheduled (no silent 616). */
  defaultRateLbsPerDay: null as number | null,
  /** Priority of an order that has none (1 = most urgent). */
  defaultPriority: 3,
  /** Kept orders that already started (start date <= as-of) stay at the front of their machine's sequence. */
  inProgressFirst: true,
  /** A machine or work-center week is overloaded above this utilisation. */
  overloadUtilisationPct: 100,
  /** A work center is a bottleneck at or above this utilisation over the horizon (or with an overloaded week). */
  bottleneckUtilisationPct: 85,
  /** An order that cannot finish within this many calendar days of its earliest start is not scheduled. */
  maxScheduleHorizonDays: 1460,
  /** Candidate machines listed for an unassigned order. */
  maxCandidateMachinesListed: 5,
  /** Orders ahead listed in a late order's explanation. */
  maxOrdersAheadListed: 8,
};

export type CapacityPolicy = typeof capacityPolicyDefaults;
