// Finished style -> greige style and fabric weight, for the sales-order demand layer and the forecast roll-up.
// Order of evidence: a direct G02 pair (finished base -> greige style at the dyer), then eFab_Styles (finished
// style -> greige base) narrowed to one greige version by an open knit order or a single BOM version.
import type { PlanningData } from '../../../shared/domain/entities';
import { styleBase } from '../../../shared/domain/style';
import type { StyleBridge, StyleBridgeResult } from '../../engine/yarn/types';

const norm = (s: string) => s.trim().toUpperCase();
const spaceless = (s: string) => norm(s).replace(/\s+/g, '');

/** Space-free greige base -> its BOM versions, per BOM lines array (a snapshot's, shared by all its plans; read only). */
const versionIndexes = new WeakMap<PlanningData['bomLines'], Map<string, Set<string>>>();

function bomVersionsByBase(bomLines: PlanningData['bomLines']): Map<string, Set<string>> {
  const known = versionIndexes.get(bomLines);
  if (known) return known;
  const versionsByBase = new Map<string, Set<string>>();
  let previousStyle: string | undefined;
  for (const line of bomLines) {
    if (line.style === previousStyle) continue; // a style's lines come together: the same style adds nothing
    previousStyle = line.style;
    const key = spaceless(styleBase(line.style));
    const set = versionsByBase.get(key) ?? new Set<string>();
    set.add(line.style.trim());
    versionsByBase.set(key, set);
  }
  versionIndexes.set(bomLines, versionsByBase);
  return versionsByBase;
}

export function buildStyleBridge(data: Pick<PlanningData, 'greigePairs' | 'styleBridge' | 'fabricSpecs' | 'knitOrders' | 'bomLines'>): StyleBridge {
  const pairByFinished = new Map<string, string>();
  for (const p of [...data.greigePairs].sort((a, b) => b.rolls - a.rolls)) {
    if (!pairByFinished.has(norm(p.finishedBase))) pairByFinished.set(norm(p.finishedBase), p.greigeStyle);
  }
  const basesByFinished = new Map<string, Set<string>>();
  for (const r of data.styleBridge) {
    const key = spaceless(r.finishedStyle);
    const set = basesByFinished.get(key) ?? new Set<string>();
    set.add(r.greigeBase.trim());
    basesByFinished.set(key, set);
  }
  const versionsByBase = bomVersionsByBase(data.bomLines);
  const openKoStyleByBase = new Map<string, { style: string; balanceLbs: number }>();
  for (const ko of data.knitOrders) {
    if (ko.balanceLbs <= 0) continue;
    const base = spaceless(styleBase(ko.style));
    const best = openKoStyleByBase.get(base);
    if (!best || ko.balanceLbs > best.balanceLbs) openKoStyleByBase.set(base, { style: ko.style.trim(), balanceLbs: ko.balanceLbs });
  }
  const ozByFinished = new Map<string, number>();
  for (const spec of data.fabricSpecs) {
    const oz = spec.ozPerLinYd ?? (spec.ydsPerLb ? 16 / spec.ydsPerLb : null);
    if (!oz || oz <= 0) continue;
    const key = spaceless(spec.finishedStyle);
    if (!ozByFinished.has(key) || spec.source === 'styles_master') ozByFinished.set(key, oz);
  }

  const cache = new Map<string, StyleBridgeResult>();
  return (finishedStyle: string): StyleBridgeResult => {
    const hit = cache.get(finishedStyle);
    if (hit) return hit;
    const fStyle = styleBase(finishedStyle);
    const ozPerLinYd = ozByFinished.get(spaceless(fStyle)) ?? ozByFinished.get(spaceless(finishedStyle)) ?? null;
    let result: StyleBridgeResult;
    const pair = pairByFinished.get(norm(finishedStyle));
    if (pair) result = { greigeStyle: pair, ozPerLinYd, note: 'G02 finished->greige pair' };
    else {
      const bases = [...(basesByFinished.get(spaceless(fStyle)) ?? [])];
      if (bases.length === 0) result = { greigeStyle: null, ozPerLinYd, note: `finished style ${fStyle} is not in eFab_Styles` };
      else if (bases.length > 1)
        result = { greigeStyle: null, ozPerLinYd, note: `finished style ${fStyle} maps to ${bases.length} greige bases (${bases.join(', ')})` };
      else {
        const base = bases[0];
        const ko = openKoStyleByBase.get(spaceless(base));
        const versions = [...(versionsByBase.get(spaceless(base)) ?? [])];
        if (ko) result = { greigeStyle: ko.style, ozPerLinYd, note: `greige base ${base}, version of the open knit order` };
        else if (versions.length === 1) result = { greigeStyle: versions[0], ozPerLinYd, note: `greige base ${base}, its only BOM version` };
        else
          result = {
            greigeStyle: null,
            ozPerLinYd,
            note: `greige base ${base} has ${versions.length} BOM versions and no open knit order to choose one`,
          };
      }
    }
    cache.set(finishedStyle, result);
    return result;
  };
}
