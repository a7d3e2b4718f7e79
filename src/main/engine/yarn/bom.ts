// BOM resolution with provenance: planner override > BOM learned from the ERP's own reports (most recent run wins)
// > exported BOM (duplicate (style, yarn) lines summed, normalised to 1 when off by more than the tolerance).
// The whole BOM of a style comes from one source; sources are never mixed line by line.
import type { IsoDate } from '../../../shared/dates';
import type { YarnPolicy } from '../../../shared/policy/yarn';
import { compareIds, spacelessKey, styleKey } from './keys';
import type { LearnedBom } from './learn';
import type { BomLine, BomOverride, BomYarn, ResolvedBom } from './types';

export interface BomSources {
  overrides: Map<string, BomOverride>;
  learned: Map<string, LearnedBom>;
  exportByStyle: Map<string, BomLine[]>;
  /** Space-free key -> export style key; null when two export styles collapse to the same key. */
  exportBySpaceless: Map<string, string | null>;
  exportAsOf: IsoDate | null;
}

export function buildBomSources(input: {
  overrides?: BomOverride[];
  learned?: LearnedBom[];
  exportLines?: BomLine[];
  exportAsOf?: IsoDate | null;
}): BomSources {
  const { exportByStyle, exportBySpaceless } = exportIndex(input.exportLines ?? []);
  return {
    overrides: new Map((input.overrides ?? []).map((o) => [styleKey(o.style), o])),
    learned: new Map((input.learned ?? []).map((l) => [styleKey(l.style), l])),
    exportByStyle,
    exportBySpaceless,
    exportAsOf: input.exportAsOf ?? null,
  };
}

/** The exported lines by style, per lines array: a snapshot's BOM export is indexed once for all its plans (read only). */
const exportIndexes = new WeakMap<BomLine[], Pick<BomSources, 'exportByStyle' | 'exportBySpaceless'>>();

function exportIndex(lines: BomLine[]): Pick<BomSources, 'exportByStyle' | 'exportBySpaceless'> {
  const known = exportIndexes.get(lines);
  if (known) return known;
  const exportByStyle = new Map<string, BomLine[]>();
  for (const line of lines) {
    const style = styleKey(line.style);
    if (!style) continue;
    const list = exportByStyle.get(style);
    if (list) list.push(line);
    else exportByStyle.set(style, [line]);
  }
  const exportBySpaceless = new Map<string, string | null>();
  for (const style of exportByStyle.keys()) {
    const key = spacelessKey(style);
    exportBySpaceless.set(key, exportBySpaceless.has(key) ? null : style);
  }
  const index = { exportByStyle, exportBySpaceless };
  exportIndexes.set(lines, index);
  return index;
}

/**
 * One style's exported lines -> BOM: blank yarns and non-positive shares dropped, duplicate yarns summed, then
 * normalised to sum 1 when the sum is off by more than `bomSumTolerance` (the export floor-truncates to 2 decimals).
 */
export function normaliseBomLines(
  lines: BomLine[],
  policy: YarnPolicy,
): { lines: BomYarn[]; sum: number; duplicates: number; dropped: number; normalised: boolean; warnings: string[] } {
  const byYarn = new Map<string, number>();
  let duplicates = 0;
  let dropped = 0;
  for (const line of lines) {
    const yarnId = line.yarnId.trim();
    if (!yarnId || !(line.fraction > 0)) {
      dropped++;
      continue;
    }
    const seen = byYarn.get(yarnId);
    if (seen !== undefined) duplicates++;
    byYarn.set(yarnId, (seen ?? 0) + line.fraction);
  }
  const sum = [...byYarn.values()].reduce((a, b) => a + b, 0);
  const warnings: string[] = [];
  const normalised = sum > 0 && Math.abs(sum - 1) > policy.bomSumTolerance;
  if (normalised) warnings.push(`BOM lines sum to ${round4(sum)}; normalised to 1`);
  const out = [...byYarn]
    .map(([yarnId, fraction]) => ({ yarnId, fraction: normalised ? fraction / sum : fraction }))
    .sort((a, b) => compareIds(a.yarnId, b.yarnId));
  return { lines: out, sum, duplicates, dropped, normalised, warnings };
}

function round4(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

function sumWarning(lines: BomYarn[], policy: YarnPolicy, what: string): string[] {
  const sum = lines.reduce((a, l) => a + l.fraction, 0);
  return lines.length && Math.abs(sum - 1) > policy.bomSumTolerance ? [`${what} sums to ${round4(sum)} (kept as given)`] : [];
}

export function resolveBom(style: string, sources: BomSources, policy: YarnPolicy): ResolvedBom {
  const key = styleKey(style);

  const override = sources.overrides.get(key);
  if (override) {
    const lines = override.lines.map((l) => ({ yarnId: l.yarnId.trim(), fraction: l.fraction }));
    return {
      style: key,
      lines,
      provenance: { source: 'override', asOf: override.asOf, note: override.note ?? 'planner override' },
      warnings: sumWarning(lines, policy, 'override BOM'),
    };
  }

  const learned = sources.learned.get(key);
  if (learned) {
    const note = learned.lines.length
      ? `learned from ${learned.label}`
      : `open KO in ${learned.label} had no rows: the ERP has no BOM for this style`;
    return {
      style: key,
      lines: learned.lines.map((l) => ({ ...l })),
      provenance: { source: 'erp-report', asOf: learned.runDate, note },
      warnings: [...learned.warnings, ...sumWarning(learned.lines, policy, 'ERP report BOM')],
    };
  }

  let exportStyle: string | null | undefined = sources.exportByStyle.has(key) ? key : undefined;
  let matchNote = '';
  if (exportStyle === undefined) {
    exportStyle = sources.exportBySpaceless.get(spacelessKey(key));
    if (exportStyle) matchNote = `; matched export style "${exportStyle}" ignoring spaces`;
  }
  if (exportStyle) {
    const n = normaliseBomLines(sources.exportByStyle.get(exportStyle) ?? [], policy);
    if (n.lines.length) {
      const parts = ['exported BOM'];
      if (n.duplicates) parts.push(`${n.duplicates} duplicate line(s) summed`);
      if (n.normalised) parts.push(`normalised from sum ${round4(n.sum)}`);
      return {
        style: key,
        lines: n.lines,
        provenance: { source: 'bom-export', asOf: sources.exportAsOf, note: parts.join('; ') + matchNote },
        warnings: n.warnings,
      };
    }
  }

  return {
    style: key,
    lines: [],
    provenance: { source: 'none', asOf: null, note: 'no BOM in overrides, ERP reports or the BOM export' },
    warnings: [],
  };
}

export function resolveBoms(styles: Iterable<string>, sources: BomSources, policy: YarnPolicy): ResolvedBom[] {
  const seen = new Set<string>();
  const out: ResolvedBom[] = [];
  for (const style of styles) {
    const key = styleKey(style);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(resolveBom(key, sources, policy));
  }
  return out;
}
