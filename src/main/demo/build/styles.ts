// Greige styles (base/version) with their live ERP BOM, knitting rates and QuadS data, and the finished
// styles bridged to them.
import { addDays, daysBetween } from '../../../shared/dates';
import { CONSTRUCTIONS, FINISH_SUFFIXES, STAGES, STYLE_PREFIXES, VERSION_CODES } from '../names';
import { Rng, WeightedPicker, roundTo } from '../prng';
import type { DemoTargets } from '../targets';
import type { BomComponent, FinishedStyle, GreigeStyle, Yarn } from '../types';
import type { MachinePark } from './machines';

/** Days before asOf when BOM_updated.csv was exported (styles created later are missing from it). */
export const BOM_EXPORT_AGE_DAYS = 70;
/** Days before asOf when the Production Lbs pivot was built (newer styles are missing from it). */
export const PRODUCTION_LBS_AGE_DAYS = 270;

const QUADS_CUSTOMERS = ['NORTHFIELD TICKING', 'CREST KNIT SERVICES, LLC', 'ORCHARD APPAREL', 'HOLLIS SEATING'];

function baseCodes(rng: Rng, count: number): { base: string; spaced: boolean }[] {
  const out: { base: string; spaced: boolean }[] = [];
  const seen = new Set<string>();
  const spacedTarget = Math.max(1, Math.round(count * 0.0015));
  let spaced = 0;
  while (out.length < count) {
    const r = rng.float();
    let base: string;
    let isSpaced = false;
    if (spaced < spacedTarget && r < 0.01) {
      base = `${rng.pick(['QF', 'RX'])} ${rng.int(20000, 29999)}`;
      isSpaced = true;
    } else if (r < 0.58) {
      base = `${rng.pick(STYLE_PREFIXES)}${rng.int(1000, 9999)}${rng.chance(0.1) ? rng.pick(['A', 'B', 'N', 'X']) : ''}`;
    } else if (r < 0.83) {
      base = String(rng.int(300000, 899999));
    } else {
      base = `${rng.int(1000, 9999)}${rng.chance(0.4) ? rng.pick(['SM', 'TK', 'L']) + rng.int(100, 999) : ''}`;
    }
    if (seen.has(base)) continue;
    seen.add(base);
    if (isSpaced) spaced++;
    out.push({ base, spaced: isSpaced });
  }
  return out;
}

function versionCodes(rng: Rng, count: number, spaced: boolean): string[] {
  if (spaced) {
    const out: string[] = [];
    for (let i = 1; out.length < count; i++) {
      out.push(String(i).padStart(4, '0'));
      if (out.length < count && rng.chance(0.5)) out.push(`${String(i).padStart(4, '0')}A`);
    }
    return out;
  }
  const out = [rng.chance(0.6) ? '0' : '1'];
  const pool = rng.shuffle(VERSION_CODES.filter((v) => v !== out[0]));
  for (const v of pool) if (out.length < count) out.push(v);
  for (let i = 2; out.length < count; i++) out.push(`${rng.pick(['V', 'K', 'Z'])}${i}`);
  return out;
}

/** Split 10000 (= 1.0000) into parts by weight, each >= `minUnits`, quantised to `step` units. */
function quantise(rng: Rng, weights: number[], step: number, minUnits: number): number[] {
  const total = 10000 / step;
  const min = Math.ceil(minUnits / step);
  const free = total - min * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * free);
  const units = raw.map((x) => Math.floor(x));
  let left = free - units.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => ({ i, rem: x - Math.floor(x) + rng.float() * 1e-6 })).sort((a, b) => b.rem - a.rem);
  for (const o of order) {
    if (left <= 0) break;
    units[o.i]++;
    left--;
  }
  return units.map((u) => (u + min) * step);
}

function splitFeeds(rng: Rng, units: number): number[] {
  if (units < 2000 || !rng.chance(0.17)) return [units];
  const parts = rng.chance(0.75) ? 2 : 3;
  if (rng.chance(0.4)) {
    const each = Math.floor(units / parts);
    const out = new Array<number>(parts).fill(each);
    out[0] += units - each * parts;
    return out;
  }
  const w = Array.from({ length: parts }, () => rng.range(0.5, 1.5));
  return quantise(rng, w, 1, 100).map((u) => Math.round((u * units) / 10000));
}

function makeBom(rng: Rng, family: Yarn[], exact2dp: boolean): BomComponent[] {
  const count = Math.min(family.length, [1, 2, 3, 4, 5, 6][rng.weightedIndex([10, 22, 15, 22, 22, 9])]);
  const chosen = rng.sample(family, count).sort((a, b) => a.descId - b.descId);
  const weights = chosen.map((y, i) => (i === 0 ? rng.range(1, 4) : 1) * (y.type === 'Spandex' ? 0.1 : rng.logNormal(1, 0.7)));
  const units = quantise(rng, weights, exact2dp ? 100 : 1, 100);
  return chosen.map((y, i) => {
    let feeds = splitFeeds(rng, units[i]);
    const drift = feeds.reduce((a, b) => a + b, 0) - units[i];
    if (drift !== 0) feeds[feeds.length - 1] -= drift;
    feeds = feeds.filter((f) => f > 0);
    return { descId: y.descId, fraction: units[i] / 10000, feeds: feeds.map((f) => f / 10000) };
  });
}

export interface StyleCatalogue {
  greige: GreigeStyle[];
  finished: FinishedStyle[];
  /** Greige styles by base. */
  byBase: Map<string, GreigeStyle[]>;
}

export function buildStyles(seed: number, t: DemoTargets, asOf: string, yarns: readonly Yarn[], park: MachinePark): StyleCatalogue {
  const rng = new Rng(seed, 'styles');
  const activeYarns = yarns.filter((y) => y.active);
  // Some yarns are workhorses used by many styles (Zipf-like popularity in a random order).
  const popularity = new WeightedPicker(rng.shuffle(activeYarns.map((_, i) => 1 / (i + 1) ** 1.15)));
  const historicYarns = yarns.filter((y) => !y.active);
  const wcChoices = [...park.workCenters, ...park.quadsOnlyWorkCenters];
  const wcPicker = new WeightedPicker(wcChoices.map((_, i) => (i < park.workCenters.length ? 5 : 1.5)));
  const bases = baseCodes(rng, t.greigeBases);
  const greige: GreigeStyle[] = [];
  const byBase = new Map<string, GreigeStyle[]>();
  let quadsId = 1000;
  let constructionSeq = 10;
  for (const { base, spaced } of bases) {
    const current = rng.chance(0.55);
    const familySize = rng.int(4, 8);
    const family: Yarn[] = [];
    for (let i = 0; i < familySize; i++) {
      const fromHistoric = !current && rng.chance(0.75);
      family.push(fromHistoric && historicYarns.length ? rng.pick(historicYarns) : activeYarns[popularity.index(rng)]);
    }
    const uniqueFamily = [...new Map(family.map((y) => [y.descId, y])).values()];
    const versions = versionCodes(rng, rng.geometric(2.78, 1), spaced);
    const firstCreated = current ? addDays(asOf, -rng.int(320, 1400)) : addDays(asOf, -rng.int(1400, 3300));
    const settledAge = daysBetween(firstCreated, asOf) - PRODUCTION_LBS_AGE_DAYS - 20;
    // The newest version of some current bases is brand new (not yet in Production Lbs, maybe not in the BOM export).
    const freshLast = current && versions.length > 1 && rng.chance(0.2);
    const baseRate = rng.logNormal(380, 0.55);
    const wcIndex = wcPicker.index(rng);
    const construction = rng.pick(CONSTRUCTIONS);
    const constructionId = constructionSeq++;
    const list: GreigeStyle[] = [];
    versions.forEach((version, vi) => {
      const style = `${base}/${version}`;
      let created = vi === 0 ? firstCreated : addDays(firstCreated, rng.int(1, Math.max(1, settledAge)));
      if (freshLast && vi === versions.length - 1) created = addDays(asOf, -rng.int(3, PRODUCTION_LBS_AGE_DAYS - 10));
      const age = daysBetween(created, asOf);
      const exact2dp = rng.chance(0.13);
      const rate = vi === 0 || rng.chance(0.7) ? baseRate : baseRate * rng.range(0.85, 1.15);
      const exportedStyle = spaced ? ` ${style}` : rng.chance(0.0012) ? `${style} ` : style;
      const wc = rng.chance(0.88) ? wcChoices[wcIndex] : wcChoices[wcPicker.index(rng)];
      const g: GreigeStyle = {
        style,
        base,
        version,
        exportedStyle,
        current,
        createdDate: created,
        construction,
        constructionId,
        workCenter: wc,
        bom: makeBom(rng, uniqueFamily, exact2dp),
        exportBom: null,
        inBomExport: age > BOM_EXPORT_AGE_DAYS,
        hasErpBom: true,
        productionLbsPerDay: age > PRODUCTION_LBS_AGE_DAYS ? rate * rng.range(0.9995, 1.0005) : null,
        listedInProductionLbs: age > PRODUCTION_LBS_AGE_DAYS,
        erpLbsPerDay: null,
        inQuadS: true,
        quadsId: quadsId++,
        price: rng.chance(0.9) ? rng.pick(['0.60', '0.85', '1.00', '1.25', '1.50', '2.10', '3.50']) : null,
        stage: rng.pick(STAGES),
        customer: rng.pick(QUADS_CUSTOMERS),
      };
      list.push(g);
      greige.push(g);
    });
    byBase.set(base, list);
  }
  // Production Lbs has one blank rate; old styles are sometimes missing from QuadS.
  const oldListed = greige.filter((g) => g.listedInProductionLbs && !g.current);
  rng.pick(oldListed).productionLbsPerDay = null;
  for (const g of rng.sample(oldListed, Math.round(greige.length * 0.0035))) g.inQuadS = false;
  assignErpRates(byBase);
  return { greige, finished: buildFinished(rng, t, byBase), byBase };
}

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The ERP's rate: the Production Lbs figure when listed; otherwise the median of the base's listed
 * versions (so the documented base-median fallback reproduces it); none when the base has no listed rate.
 */
export function assignErpRates(byBase: ReadonlyMap<string, GreigeStyle[]>): void {
  for (const list of byBase.values()) {
    const listed = list.filter((g) => g.productionLbsPerDay !== null).map((g) => g.productionLbsPerDay as number);
    const fallback = listed.length ? median(listed) : null;
    for (const g of list) g.erpLbsPerDay = g.productionLbsPerDay ?? fallback;
  }
}

function buildFinished(rng: Rng, t: DemoTargets, byBase: Map<string, GreigeStyle[]>): FinishedStyle[] {
  const bases = [...byBase.keys()];
  const current = bases.filter((b) => byBase.get(b)![0].current);
  const out: FinishedStyle[] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (out.length < t.finishedStyles && guard++ < t.finishedStyles * 20) {
    const base = rng.chance(0.72) ? rng.pick(current) : rng.pick(bases);
    const cfBase = base.replace(/ /g, '');
    const fStyle = rng.chance(0.18) ? cfBase : `${cfBase}-${rng.pick(FINISH_SUFFIXES)}`;
    if (seen.has(fStyle)) continue;
    seen.add(fStyle);
    const versions = byBase.get(base)!;
    const gBases = [base];
    if (rng.chance(0.035)) gBases.push(rng.pick(bases));
    const fVersions = ['0'];
    const extra = rng.geometric(1.9, 0);
    for (let i = 0; i < extra; i++) fVersions.push(`${rng.pick(['CD', 'FM', 'SL', 'NX'])}${rng.int(1, 99)}`);
    const g = rng.pick(versions);
    out.push({
      fStyle,
      cfBase,
      gBases,
      fVersions: [...new Set(fVersions)],
      createdDate: g.createdDate,
      greige: g,
      ozPerLinYd: roundTo(rng.range(5.5, 30), 2),
      widthIn: rng.pick([56, 58, 60, 62, 64, 66, 68, 70, 72, 88, 92]),
      inBridge: true,
    });
  }
  return out;
}
