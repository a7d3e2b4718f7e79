// Planner BOM and rate overrides as plain form state -> the `overrides.setBom` / `overrides.setRate` inputs (or why
// not yet). Pure, so the rules are unit-tested; the contract's zod schemas stay the final check.
import type { ChannelInput } from '../../../../shared/contract';

/** One editable BOM line: the yarn and its share in percent, both as typed. */
export interface BomLineDraft {
  yarnId: string;
  pct: string;
}

/** The yarn percentages may be off 100 % by this much (rounded shares, e.g. 3 × 33.33); they are then scaled to 100 %. */
export const BOM_TOTAL_TOLERANCE_PCT = 0.05;

/** BOM lines (fractions: a saved override's, or the resolved BOM of the demand view) -> editable lines (percent, at
 * most 4 decimals, no trailing zeros). */
export function linesToDrafts(lines: readonly { yarnId: string; fraction: number }[]): BomLineDraft[] {
  return lines.map((l) => ({ yarnId: l.yarnId, pct: String(Math.round(l.fraction * 100 * 10_000) / 10_000) }));
}

const pctOf = (l: BomLineDraft): number => (l.pct.trim() === '' ? NaN : Number(l.pct));

/** Sum of the valid percentages (blank and invalid lines count 0). */
export function bomTotalPct(lines: readonly BomLineDraft[]): number {
  return lines.reduce((t, l) => t + (Number.isFinite(pctOf(l)) ? pctOf(l) : 0), 0);
}

export type BomBuild =
  { ok: true; lines: { yarnId: string; fraction: number }[]; warnings: string[] } | { ok: false; error: string; warnings: string[] };

/**
 * Validates the lines (a yarn each, no yarn twice, shares > 0 that total 100 %) and turns percentages into fractions
 * that add up to exactly 1. `knownYarns`, when given, only adds warnings (a new yarn id is allowed).
 */
export function buildBomLines(lines: readonly BomLineDraft[], knownYarns?: ReadonlySet<string>): BomBuild {
  const warnings: string[] = [];
  const used = lines.filter((l) => l.yarnId.trim() !== '' || l.pct.trim() !== '');
  if (used.length === 0) return { ok: false, error: 'Add at least one yarn', warnings };
  const seen = new Set<string>();
  for (const [i, l] of used.entries()) {
    const id = l.yarnId.trim();
    if (!id) return { ok: false, error: `Line ${i + 1}: give the yarn id`, warnings };
    if (seen.has(id)) return { ok: false, error: `Yarn ${id} is listed twice: merge the lines`, warnings };
    seen.add(id);
    const p = pctOf(l);
    if (!Number.isFinite(p) || p <= 0) return { ok: false, error: `Yarn ${id}: the share is a percentage above 0`, warnings };
    if (p > 100) return { ok: false, error: `Yarn ${id}: the share cannot be above 100 %`, warnings };
    if (knownYarns && knownYarns.size > 0 && !knownYarns.has(id)) warnings.push(`Yarn ${id} is not in the yarn inventory of this snapshot`);
  }
  const total = bomTotalPct(used);
  if (Math.abs(total - 100) > BOM_TOTAL_TOLERANCE_PCT)
    return { ok: false, error: `The shares total ${formatPct(total)}: they must total 100 %`, warnings };
  // Scale to exactly 1; the last line takes the rounding remainder.
  const fractions = used.map((l) => pctOf(l) / total);
  const rounded = fractions.map((f) => Math.round(f * 1e6) / 1e6);
  const rest = 1 - rounded.slice(0, -1).reduce((t, f) => t + f, 0);
  rounded[rounded.length - 1] = Math.round(rest * 1e6) / 1e6;
  return { ok: true, lines: used.map((l, i) => ({ yarnId: l.yarnId.trim(), fraction: rounded[i] })), warnings };
}

export function formatPct(pct: number): string {
  return `${(Math.round(pct * 100) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} %`;
}

export type RateBuild = { ok: true; lbsPerDay: number } | { ok: false; error: string };

/** A knitting rate in lbs/day: a positive number (a sanity limit keeps typos like 50000 out). */
export function buildRate(text: string): RateBuild {
  const t = text.trim();
  if (!t) return { ok: false, error: 'Give the knitting rate in lbs/day' };
  const n = Number(t);
  if (!Number.isFinite(n) || n <= 0) return { ok: false, error: 'The rate is a positive number of lbs/day' };
  if (n > 20_000) return { ok: false, error: 'That is more than 20,000 lbs/day for one machine: check the number' };
  return { ok: true, lbsPerDay: Math.round(n * 100) / 100 };
}

export type SetRateInput = ChannelInput<'overrides.setRate'>;
export type SetBomInput = ChannelInput<'overrides.setBom'>;

/** The note sent with an override: trimmed, at most 300 characters, left out when blank. */
export function noteInput(note: string): { note?: string } {
  const t = note.trim().slice(0, 300);
  return t ? { note: t } : {};
}
