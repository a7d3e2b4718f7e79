// Knitting-rate resolution with provenance: planner override > rate learned from the ERP's reports > Production Lbs
// (style trimmed, then ignoring inner spaces) > median Production Lbs rate of the same greige base (policy) > none.
// Non-positive Production Lbs rates are treated as unknown.
import type { IsoDate } from '../../../shared/dates';
import type { YarnPolicy } from '../../../shared/policy/yarn';
import { median, spacelessKey, styleBase, styleKey } from './keys';
import type { LearnedRate } from './learn';
import type { ProductionRate, RateOverride, ResolvedRate } from './types';

interface ProductionEntry {
  rawStyle: string;
  lbsPerDay: number | null;
}

export interface RateSources {
  overrides: Map<string, RateOverride>;
  learned: Map<string, LearnedRate>;
  production: Map<string, ProductionEntry>;
  /** Space-free key -> entry; null when two styles collapse to the same key with different rates. */
  productionSpaceless: Map<string, ProductionEntry | null>;
  positiveByBase: Map<string, number[]>;
  productionAsOf: IsoDate | null;
}

const positive = (v: number | null | undefined): v is number => typeof v === 'number' && v > 0;

export function buildRateSources(input: {
  overrides?: RateOverride[];
  learned?: LearnedRate[];
  knitRates?: ProductionRate[];
  knitRatesAsOf?: IsoDate | null;
}): RateSources {
  return {
    overrides: new Map((input.overrides ?? []).map((o) => [styleKey(o.style), o])),
    learned: new Map((input.learned ?? []).map((l) => [styleKey(l.style), l])),
    ...productionIndex(input.knitRates ?? []),
    productionAsOf: input.knitRatesAsOf ?? null,
  };
}

/** The Production Lbs rates by style, per rates array: a snapshot's export is indexed once for all its plans (read only). */
const productionIndexes = new WeakMap<ProductionRate[], Pick<RateSources, 'production' | 'productionSpaceless' | 'positiveByBase'>>();

function productionIndex(knitRates: ProductionRate[]): Pick<RateSources, 'production' | 'productionSpaceless' | 'positiveByBase'> {
  const known = productionIndexes.get(knitRates);
  if (known) return known;
  const production = new Map<string, ProductionEntry>();
  for (const rate of knitRates) {
    const key = styleKey(rate.style);
    if (!key) continue;
    const seen = production.get(key);
    // On a trimmed-key collision keep the exactly spelled style, else the first positive rate.
    const exact = rate.style === key;
    if (!seen || (exact && seen.rawStyle !== key) || (!positive(seen.lbsPerDay) && positive(rate.lbsPerDay)))
      production.set(key, { rawStyle: rate.style, lbsPerDay: rate.lbsPerDay });
  }
  const productionSpaceless = new Map<string, ProductionEntry | null>();
  const positiveByBase = new Map<string, number[]>();
  for (const [key, entry] of production) {
    const spaceless = spacelessKey(key);
    const seen = productionSpaceless.get(spaceless);
    productionSpaceless.set(spaceless, seen === undefined ? entry : seen && seen.lbsPerDay === entry.lbsPerDay ? seen : null);
    if (positive(entry.lbsPerDay)) {
      const base = styleBase(key);
      const list = positiveByBase.get(base);
      if (list) list.push(entry.lbsPerDay);
      else positiveByBase.set(base, [entry.lbsPerDay]);
    }
  }
  const index = { production, productionSpaceless, positiveByBase };
  productionIndexes.set(knitRates, index);
  return index;
}

export function resolveRate(style: string, sources: RateSources, policy: YarnPolicy): ResolvedRate {
  const key = styleKey(style);

  const override = sources.overrides.get(key);
  if (override)
    return {
      style: key,
      lbsPerDay: positive(override.lbsPerDay) ? override.lbsPerDay : null,
      provenance: { source: 'override', asOf: override.asOf, note: override.note ?? 'planner override' },
    };

  const learned = sources.learned.get(key);
  if (learned)
    return {
      style: key,
      lbsPerDay: learned.lbsPerDay,
      provenance: {
        source: 'erp-report',
        asOf: learned.runDate,
        note: `implied by ${learned.label} (${learned.evidence}, ${learned.samples} row(s))`,
      },
    };

  const notes: string[] = [];
  let entry = sources.production.get(key);
  let how = entry && entry.rawStyle !== key ? 'after trimming' : 'exact style';
  if (!entry) {
    entry = sources.productionSpaceless.get(spacelessKey(key)) ?? undefined;
    how = `ignoring spaces ("${entry?.rawStyle}")`;
  }
  if (entry) {
    if (positive(entry.lbsPerDay))
      return {
        style: key,
        lbsPerDay: entry.lbsPerDay,
        provenance: { source: 'production-lbs', asOf: sources.productionAsOf, note: `Production Lbs, ${how}` },
      };
    notes.push(`Production Lbs rate ${entry.lbsPerDay ?? 'blank'} is not usable`);
  }

  if (policy.rateBaseMedianFallback) {
    const base = styleBase(key);
    const rates = sources.positiveByBase.get(base);
    if (rates?.length)
      return {
        style: key,
        lbsPerDay: median(rates),
        provenance: {
          source: 'base-median',
          asOf: sources.productionAsOf,
          note: [...notes, `median Production Lbs rate of ${rates.length} style(s) with base ${base}`].join('; '),
        },
      };
  }

  return {
    style: key,
    lbsPerDay: null,
    provenance: { source: 'none', asOf: null, note: [...notes, 'no knitting rate: the balance is placed in the start week'].join('; ') },
  };
}

export function resolveRates(styles: Iterable<string>, sources: RateSources, policy: YarnPolicy): ResolvedRate[] {
  const seen = new Set<string>();
  const out: ResolvedRate[] = [];
  for (const style of styles) {
    const key = styleKey(style);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(resolveRate(key, sources, policy));
  }
  return out;
}
