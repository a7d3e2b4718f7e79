// Substitute yarns under the "NOT FOR NOT" standard (reference-system-rules 2.12): same material family, size within
// +-5 % (compared in tex), every blend component within +-4 points, colour equal after normalisation, spun never
// for filament. Descriptions are parsed from yarn_inventory text such as "1/150/48 100% Polyester Semi Dull",
// "30/1 55/45 Recycled Polyester/Recycled Cotton Indigo RS", "1/70 100% Spandex Clear H300".
import type { PurchasingPolicy } from '../../../shared/policy/purchasing';
import type { MrpItemResult } from './types';

export type YarnStructure = 'spun' | 'filament';
export type CountSystem = 'Ne' | 'Nm' | 'tex' | 'dtex' | 'denier';

export interface BlendComponent {
  family: string;
  pct: number;
}

export interface YarnSpec {
  description: string;
  ply: number | null;
  countSystem: CountSystem | null;
  countValue: number | null;
  filaments: number | null;
  /** Linear density of one end, tex. */
  singleTex: number | null;
  /** Linear density of the plied yarn (ply x single), tex: what the size tolerance compares. */
  totalTex: number | null;
  structure: YarnStructure | null;
  /** Families with their share in %, summed per family and sorted by family; null pct = unknown blend. */
  blend: { family: string; pct: number | null }[];
  colour: string | null;
  processes: string[];
  warnings: string[];
}

// Material words -> family. Brand names map to their generic fibre.
const FAMILY_WORDS: Record<string, string> = {
  polyester: 'polyester',
  poly: 'polyester',
  pes: 'polyester',
  pet: 'polyester',
  repreve: 'polyester',
  celliant: 'polyester',
  coolmax: 'polyester',
  polybutylene: 'polyester',
  pbt: 'polyester',
  cotton: 'cotton',
  pima: 'cotton',
  supima: 'cotton',
  nylon: 'nylon',
  polyamide: 'nylon',
  pa6: 'nylon',
  pa66: 'nylon',
  ny: 'nylon',
  spandex: 'spandex',
  lycra: 'spandex',
  elastane: 'spandex',
  creora: 'spandex',
  rayon: 'rayon',
  viscose: 'rayon',
  modal: 'rayon',
  bamboo: 'rayon',
  lenzing: 'rayon',
  acetate: 'acetate',
  xlance: 'elastolefin',
  elastolefin: 'elastolefin',
  tencel: 'lyocell',
  lyocell: 'lyocell',
  wool: 'wool',
  merino: 'wool',
  cashmere: 'wool',
  acrylic: 'acrylic',
  aksa: 'acrylic',
  modacrylic: 'modacrylic',
  polypropylene: 'polypropylene',
  polyethylene: 'polyethylene',
  pe: 'polyethylene',
  hppe: 'polyethylene',
  lldpe: 'polyethylene',
  dyneema: 'polyethylene',
  kevlar: 'aramid',
  nomex: 'aramid',
  twaron: 'aramid',
  aramid: 'aramid',
  hemp: 'hemp',
  linen: 'linen',
  flax: 'linen',
  silk: 'silk',
  lurex: 'metallic',
  metallic: 'metallic',
  fiberglass: 'glass',
  glass: 'glass',
  vectran: 'vectran',
  vect: 'vectran',
};
// Families that only come as spun staple in this mill's descriptions (a bare "a/b" with a < b is then ply/count).
const STAPLE_FAMILIES = new Set(['cotton', 'wool', 'hemp', 'linen', 'modacrylic', 'lyocell']);
const PROCESS_WORDS: Record<string, string> = {
  recycled: 'recycled',
  organic: 'organic',
  combed: 'combed',
  carded: 'carded',
  karded: 'carded',
  rs: 'ring spun',
  oe: 'open end',
  mvs: 'vortex',
  dty: 'textured',
  fdy: 'fully drawn',
  fr: 'flame retardant',
};
const SPUN_MARKERS = new Set(['ring spun', 'open end', 'vortex', 'combed', 'carded']);
const COLOUR_WORDS: Record<string, string> = {
  blk: 'black',
  bk: 'black',
  wht: 'white',
  wh: 'white',
  nat: 'natural',
  ntl: 'natural',
  brt: 'bright',
  sd: 'semi-dull',
  grey: 'gray',
  gry: 'gray',
  clr: 'clear',
  optic: 'optical',
  opt: 'optical',
};

/** Colour text normalised: case, abbreviations (BLK, NAT, BRT, SD), "Semi Dull" = "semi-dull", grey = gray, word order. */
export function normaliseColour(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw
    .toLowerCase()
    .replace(/semi[\s-]*dull/g, 'semi-dull')
    .replace(/[^a-z0-9%-]+/g, ' ')
    .trim();
  if (!text) return null;
  return text
    .split(' ')
    .map((w) => COLOUR_WORDS[w] ?? w)
    .sort()
    .join(' ');
}

/** Tex of one end from a count in the given system (Ne -> 590.5/Ne, Nm -> 1000/Nm, denier/9, dtex/10). */
export function toTex(system: CountSystem, value: number): number | null {
  if (!(value > 0)) return null;
  switch (system) {
    case 'Ne':
      return 590.5 / value;
    case 'Nm':
      return 1000 / value;
    case 'tex':
      return value;
    case 'dtex':
      return value / 10;
    case 'denier':
      return value / 9;
  }
}

function familyOf(word: string): string | null {
  return FAMILY_WORDS[word] ?? null;
}

export function parseYarnDescription(description: string, color: string | null | undefined, policy: PurchasingPolicy): YarnSpec {
  const warnings: string[] = [];
  const text = description.trim().replace(/\s+/g, ' ');
  const tokens = text.split(' ').filter(Boolean);
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const processes = [...new Set(words.map((w) => PROCESS_WORDS[w]).filter((p): p is string => !!p))].sort();

  // Material phrase: the run of tokens after the count/blend that carries family words ("Recycled Polyester/Recycled Cotton").
  let blendPcts: number[] | null = null;
  let materialStart = 1;
  for (let i = 1; i < Math.min(tokens.length, 3); i++) {
    const t = tokens[i];
    // "55/45", "72/28RFX"; "100%", "100%RFLX", a bare "100".
    const slash = /^(\d{1,3}(?:\.\d+)?(?:\/\d{1,3}(?:\.\d+)?)+)[a-z]*$/i.exec(t);
    const pct = /^(\d{1,3}(?:\.\d+)?)%/.exec(t) ?? /^(100)$/.exec(t);
    if (slash) {
      const parts = slash[1].split('/').map(Number);
      if (Math.abs(parts.reduce((s, v) => s + v, 0) - 100) <= 1) {
        blendPcts = parts;
        materialStart = i + 1;
        break;
      }
    } else if (pct) {
      blendPcts = [Number(pct[1])];
      materialStart = i + 1;
      break;
    }
  }
  const phrase: string[] = [];
  for (let i = materialStart; i < tokens.length; i++) {
    const parts = tokens[i]
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const isMaterial = parts.some((p) => familyOf(p) || PROCESS_WORDS[p]);
    const continues = phrase.length > 0 && phrase[phrase.length - 1].endsWith('/');
    if (!isMaterial && !continues) {
      if (phrase.length || i >= materialStart + 1) break;
      continue; // one unknown word may precede the material ("FRL-PZ Rayon")
    }
    phrase.push(tokens[i]);
  }
  const componentFamilies = phrase
    .join(' ')
    .split('/')
    .map(
      (part) =>
        part
          .toLowerCase()
          .split(/[^a-z0-9]+/)
          .map(familyOf)
          .find((f): f is string => !!f) ?? null,
    )
    .filter((f): f is string => f !== null);

  let blend: YarnSpec['blend'] = [];
  if (componentFamilies.length === 0) {
    warnings.push('material not recognised');
  } else if (new Set(componentFamilies).size === 1) {
    blend = [{ family: componentFamilies[0], pct: 100 }];
  } else if (blendPcts && blendPcts.length === componentFamilies.length) {
    const sums = new Map<string, number>();
    componentFamilies.forEach((f, i) => sums.set(f, (sums.get(f) ?? 0) + blendPcts![i]));
    blend = [...sums.entries()].map(([family, pct]) => ({ family, pct }));
  } else {
    blend = [...new Set(componentFamilies)].map((family) => ({ family, pct: null }));
    warnings.push('blend percentages unknown');
  }
  blend.sort((a, b) => a.family.localeCompare(b.family));

  const count = parseCount((tokens[0] ?? '').replace(/\/$/, ''), blend, processes, words, policy);
  if (count.warning) warnings.push(count.warning);
  return {
    description,
    ...count.spec,
    blend,
    colour: normaliseColour(color),
    processes,
    warnings,
  };
}

type CountPart = Pick<YarnSpec, 'ply' | 'countSystem' | 'countValue' | 'filaments' | 'singleTex' | 'totalTex' | 'structure'>;

function parseCount(
  first: string,
  blend: YarnSpec['blend'],
  processes: string[],
  words: string[],
  policy: PurchasingPolicy,
): { spec: CountPart; warning?: string } {
  const unknown: CountPart = { ply: null, countSystem: null, countValue: null, filaments: null, singleTex: null, totalTex: null, structure: null };
  const make = (ply: number, system: CountSystem, value: number, structure: YarnStructure, filaments: number | null = null): CountPart => {
    const single = toTex(system, value);
    return { ply, countSystem: system, countValue: value, filaments, singleTex: single, totalTex: single === null ? null : single * ply, structure };
  };
  const explicit = /^(\d+(?:\.\d+)?)(ne|nm|tex|dtex|d|den)$/i.exec(first);
  if (explicit) {
    const unit = explicit[2].toLowerCase();
    const system: CountSystem = unit === 'ne' ? 'Ne' : unit === 'nm' ? 'Nm' : unit === 'tex' ? 'tex' : unit === 'dtex' ? 'dtex' : 'denier';
    return { spec: make(1, system, Number(explicit[1]), system === 'denier' || system === 'dtex' ? 'filament' : 'spun') };
  }
  const three = /^(\d+)\/(\d+(?:\.\d+)?)\/(\d+)$/.exec(first);
  if (three) return { spec: make(Number(three[1]), 'denier', Number(three[2]), 'filament', Number(three[3])) };
  const two = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(first);
  if (!two) return { spec: unknown, warning: `count "${first}" not recognised` };
  const a = Number(two[1]);
  const b = Number(two[2]);
  // "30/1" = count 30, 1 ply (spun). "1/70" = 1 ply of 70 denier (filament / spandex), unless the yarn is spun.
  if (a > b) return { spec: make(b, policy.spunCountSystem, a, 'spun') };
  if (a < b) {
    const spun = processes.some((p) => SPUN_MARKERS.has(p)) || blend.some((c) => STAPLE_FAMILIES.has(c.family)) || words.includes('spun');
    return { spec: spun ? make(a, policy.spunCountSystem, b, 'spun') : make(a, 'denier', b, 'filament') };
  }
  return { spec: unknown, warning: `count "${first}" is ambiguous` };
}

export interface CriterionResult {
  criterion: 'material family' | 'structure' | 'size' | 'blend' | 'colour' | 'ply' | 'process';
  pass: boolean;
  /** Multiplier applied to the score (0 when a hard criterion fails). */
  factor: number;
  detail: string;
}

export interface SubstituteScore {
  eligible: boolean;
  score: number;
  criteria: CriterionResult[];
}

/**
 * The one scoring function. Hard criteria (family, structure, size, blend, colour) must all pass; within tolerance
 * a closer size or blend scores higher (factor 1 at an exact match, 0.8 at the tolerance edge). Soft criteria
 * (ply, process attributes) only lower the score. Score = product of factors, 0 when not eligible.
 */
export function scoreSubstitute(target: YarnSpec, candidate: YarnSpec, policy: PurchasingPolicy): SubstituteScore {
  const criteria: CriterionResult[] = [];
  const hard = (criterion: CriterionResult['criterion'], pass: boolean, factor: number, detail: string): void => {
    criteria.push({ criterion, pass, factor: pass ? factor : 0, detail });
  };
  const tf = familyKey(target);
  const cf = familyKey(candidate);
  hard('material family', tf !== 'unknown' && tf === cf, 1, `${tf} vs ${cf}`);

  const ts = target.structure;
  const cs = candidate.structure;
  hard(
    'structure',
    ts !== null && ts === cs,
    1,
    ts && cs ? (ts === cs ? `both ${ts}` : `${cs} for ${ts}: never (spun never substitutes filament)`) : 'structure unknown',
  );

  if (target.totalTex && candidate.totalTex) {
    const dev = Math.abs(candidate.totalTex / target.totalTex - 1);
    const tol = policy.substituteSizeTolerancePct;
    hard(
      'size',
      dev <= tol + 1e-9,
      1 - 0.2 * (dev / tol),
      `${fmt(candidate.totalTex)} vs ${fmt(target.totalTex)} tex: ${fmt(dev * 100)} % (limit ${fmt(tol * 100)} %)`,
    );
  } else hard('size', false, 0, 'size unknown');

  const blendDiff = maxBlendDiff(target, candidate);
  if (blendDiff === null) hard('blend', false, 0, 'blend unknown');
  else {
    const tol = policy.substituteBlendTolerancePts;
    hard('blend', blendDiff <= tol + 1e-9, 1 - 0.2 * (blendDiff / tol), `largest difference ${fmt(blendDiff)} pts (limit ${fmt(tol)})`);
  }

  const colourOk = target.colour !== null && target.colour === candidate.colour;
  hard('colour', colourOk, 1, `${candidate.colour ?? 'unknown'} vs ${target.colour ?? 'unknown'}`);

  const plyOk = target.ply === candidate.ply;
  criteria.push({
    criterion: 'ply',
    pass: plyOk,
    factor: plyOk ? 1 : policy.substitutePlyMismatchFactor,
    detail: `${candidate.ply ?? '?'} ply vs ${target.ply ?? '?'}`,
  });

  const differing = symmetricDifference(target.processes, candidate.processes);
  criteria.push({
    criterion: 'process',
    pass: differing.length === 0,
    factor: policy.substituteProcessMismatchFactor ** differing.length,
    detail: differing.length ? `differs in ${differing.join(', ')}` : 'same',
  });

  const eligible = criteria.slice(0, 5).every((c) => c.pass);
  const score = eligible ? criteria.reduce((s, c) => s * c.factor, 1) : 0;
  return { eligible, score: Math.round(score * 1e4) / 1e4, criteria };
}

function familyKey(s: YarnSpec): string {
  return s.blend.map((c) => c.family).join('+') || 'unknown';
}

function maxBlendDiff(a: YarnSpec, b: YarnSpec): number | null {
  if (!a.blend.length || a.blend.length !== b.blend.length) return a.blend.length && b.blend.length ? 100 : null;
  let max = 0;
  for (let i = 0; i < a.blend.length; i++) {
    const pa = a.blend[i].pct;
    const pb = b.blend[i].pct;
    if (pa === null || pb === null) return null;
    max = Math.max(max, Math.abs(pa - pb));
  }
  return max;
}

function symmetricDifference(a: string[], b: string[]): string[] {
  return [...a.filter((x) => !b.includes(x)), ...b.filter((x) => !a.includes(x))].sort();
}

function fmt(x: number): string {
  return String(Math.round(x * 100) / 100);
}

export interface SubstituteYarn {
  yarnId: string;
  spec: YarnSpec;
  /** Projected free stock per horizon week (stock not needed by the yarn's own plan). */
  freeStockByWeek: number[];
}

export interface SubstituteCandidate {
  yarnId: string;
  score: number;
  freeStockLbs: number;
  /** min(free stock, shortage). */
  coverLbs: number;
  criteria: CriterionResult[];
}

/** Eligible substitutes with free stock in the shortage week, best score first (then more free stock). */
export function findSubstitutes(
  target: SubstituteYarn,
  shortage: { week: number; lbs: number },
  candidates: SubstituteYarn[],
  policy: PurchasingPolicy,
): SubstituteCandidate[] {
  const out: SubstituteCandidate[] = [];
  const families = familyKey(target.spec);
  for (const c of candidates) {
    if (c.yarnId === target.yarnId) continue;
    const free = c.freeStockByWeek[shortage.week] ?? 0;
    if (!(free > policy.substituteMinFreeStockLbs)) continue;
    if (familyKey(c.spec) !== families) continue; // would fail the family criterion; skip the full scoring
    const s = scoreSubstitute(target.spec, c.spec, policy);
    if (!s.eligible || s.score < policy.substituteMinScore) continue;
    out.push({ yarnId: c.yarnId, score: s.score, freeStockLbs: free, coverLbs: Math.min(free, shortage.lbs), criteria: s.criteria });
  }
  return out
    .sort((a, b) => b.score - a.score || b.freeStockLbs - a.freeStockLbs || a.yarnId.localeCompare(b.yarnId))
    .slice(0, policy.substituteMaxCandidates);
}

/**
 * Free stock of a planned yarn per week: what can leave in week w without pushing any later week below safety
 * stock, i.e. min over k >= w of (projected on hand - safety stock), floored at 0.
 */
export function freeStockFromMrp(item: MrpItemResult): number[] {
  const { projectedOnHand, safetyStock } = item.weeks;
  const out = new Array<number>(projectedOnHand.length).fill(0);
  let min = Infinity;
  for (let k = projectedOnHand.length - 1; k >= 0; k--) {
    min = Math.min(min, projectedOnHand[k] - safetyStock[k]);
    out[k] = Math.max(0, min);
  }
  return out;
}

export interface ShortageSubstitutes {
  yarnId: string;
  week: number;
  shortageLbs: number;
  /** Why the yarn is short in that week: a late order's stock-out or a requirement left uncovered. */
  cause: 'late order' | 'uncovered';
  candidates: SubstituteCandidate[];
}

/**
 * Substitutes for every yarn an order cannot cover in time: the first uncovered week (lbs = all uncovered lbs) or
 * the receipt week of the first late suggestion that leaves a stock-out. Free stock comes from the same plan.
 */
export function substitutesForShortages(items: MrpItemResult[], specs: Map<string, YarnSpec>, policy: PurchasingPolicy): ShortageSubstitutes[] {
  const pool: SubstituteYarn[] = [];
  for (const item of items) {
    const spec = specs.get(item.yarnId);
    if (spec) pool.push({ yarnId: item.yarnId, spec, freeStockByWeek: freeStockFromMrp(item) });
  }
  const out: ShortageSubstitutes[] = [];
  for (const item of items) {
    const spec = specs.get(item.yarnId);
    if (!spec) continue;
    let shortage: { week: number; lbs: number; cause: ShortageSubstitutes['cause'] } | null = null;
    if (item.uncovered.length) {
      shortage = { week: item.uncovered[0].week, lbs: item.uncovered.reduce((s, u) => s + u.lbs, 0), cause: 'uncovered' };
    } else {
      const late = item.suggestions.find((s) => s.shortageLbs > 0);
      if (late) shortage = { week: late.receiptWeek, lbs: late.shortageLbs, cause: 'late order' };
    }
    if (!shortage) continue;
    const target = { yarnId: item.yarnId, spec, freeStockByWeek: [] };
    out.push({
      yarnId: item.yarnId,
      week: shortage.week,
      shortageLbs: shortage.lbs,
      cause: shortage.cause,
      candidates: findSubstitutes(target, shortage, pool, policy),
    });
  }
  return out;
}
