// Invented vocabularies for the demo dataset. Every person, company and code here is made up; only
// generic textile words (fibre types, colours, constructions) are real-world terms.
import type { Rng } from './prng';

const COMPANY_HEADS = [
  'Aster',
  'Brava',
  'Corvin',
  'Delmar',
  'Elkin',
  'Fenwick',
  'Garrow',
  'Halden',
  'Ivers',
  'Jessup',
  'Kestrel',
  'Larchmont',
  'Marlow',
  'Norwood',
  'Orrin',
  'Pellam',
  'Quarry',
  'Redvale',
  'Stanton',
  'Tamsin',
  'Upton',
  'Varden',
  'Wexley',
  'Yardley',
  'Zephyr',
  'Ashby',
  'Bellcrest',
  'Coldwater',
  'Dunmore',
  'Eastlake',
  'Foxhall',
  'Glenrock',
  'Hollis',
  'Ironwood',
  'Juniper',
  'Kingsley',
  'Lowell',
  'Meriden',
  'Northgate',
  'Oakhurst',
  'Pinecrest',
  'Quill',
  'Rookwood',
  'Silverton',
  'Thornbury',
  'Ulster',
  'Vinton',
  'Westbrook',
  'Yorkfield',
  'Zellner',
];
const SUPPLIER_TAILS = ['Yarns', 'Fibers', 'Spinning', 'Textiles', 'Filaments', 'Yarn Mills', 'Polymers', 'Synthetics'];
const COMPANY_FORMS = ['Inc', 'LLC', 'Co.', 'Corp', 'S.A.', 'Ltd', 'GmbH', ''];
const CUSTOMER_TAILS = [
  'Bedding',
  'Sleep Products',
  'Apparel',
  'Outfitters',
  'Seating',
  'Interiors',
  'Mattress Co',
  'Safety Wear',
  'Home Textiles',
  'Athletics',
  'Upholstery',
  'Medical Supply',
];
const FIRST_NAMES = [
  'Avery',
  'Blake',
  'Carmen',
  'Dana',
  'Elliot',
  'Frances',
  'Gail',
  'Harper',
  'Imogen',
  'Jordan',
  'Kendall',
  'Logan',
  'Morgan',
  'Noel',
  'Oakley',
  'Parker',
  'Quinn',
  'Reese',
  'Sloane',
  'Tatum',
];
const LAST_NAMES = [
  'Ashcroft',
  'Brennan',
  'Calloway',
  'Draper',
  'Ellery',
  'Fairbanks',
  'Gresham',
  'Holloway',
  'Inglis',
  'Jarrett',
  'Kimbrough',
  'Lindqvist',
  'Mercer',
  'Nakamura',
  'Oyelaran',
  'Pruitt',
  'Quintero',
  'Rasmussen',
  'Sterling',
  'Thackery',
];

/** `count` distinct company names; past the pool's size a roman-numeral-free counter keeps them unique. */
export function companyNames(rng: Rng, count: number, tails: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (out.length < count) {
    guard++;
    let name = `${rng.pick(COMPANY_HEADS)} ${rng.pick(tails)}`;
    const form = rng.pick(COMPANY_FORMS);
    if (form) name += ` ${form}`;
    if (guard > count * 20) name += ` ${out.length + 1}`;
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

export function supplierNames(rng: Rng, count: number): string[] {
  return companyNames(rng, count, SUPPLIER_TAILS);
}

export function customerNames(rng: Rng, count: number): string[] {
  return companyNames(rng, count, CUSTOMER_TAILS);
}

export function personNames(rng: Rng, count: number): string[] {
  const all: string[] = [];
  for (const f of FIRST_NAMES) for (const l of LAST_NAMES) all.push(`${f} ${l}`);
  return rng.sample(all, count);
}

/** A 4-letter upper-case code for a company ("CODE - NAME" in the roll inventories). */
export function companyCode(name: string, taken: Set<string>): string {
  const letters = name.toUpperCase().replace(/[^A-Z]/g, '');
  let code = (letters.slice(0, 2) + letters.slice(-2)).padEnd(4, 'X');
  let i = 0;
  while (taken.has(code)) {
    i++;
    code = letters.slice(0, 3) + String.fromCharCode(65 + (i % 26));
    if (i > 26) code = `${letters.slice(0, 2)}${String(i).padStart(2, '0')}`;
  }
  taken.add(code);
  return code;
}

export const FIBRE_TYPES = [
  { type: 'Polyester', weight: 46, filament: true },
  { type: 'Nylon', weight: 8, filament: true },
  { type: 'Spandex', weight: 5, filament: true },
  { type: 'Polypropylene', weight: 4, filament: true },
  { type: 'Combed Cotton', weight: 6, filament: false },
  { type: 'Karded Cotton', weight: 4, filament: false },
  { type: 'Modacrylic/Rayon', weight: 4, filament: false },
  { type: 'Modacrylic/Lyocell/Nylon', weight: 3, filament: false },
  { type: 'Polyester/Cotton', weight: 5, filament: false },
  { type: 'Rayon', weight: 3, filament: false },
  { type: 'Polyester/Recycled Cotton', weight: 2, filament: false },
  { type: 'Acrylic', weight: 2, filament: false },
  { type: 'Polyethylene', weight: 2, filament: true },
] as const;

export const YARN_COLORS = [
  'Natural',
  'Natural',
  'Natural',
  'Semi Dull',
  'Semi Dull',
  'BRT',
  'Black',
  'Black',
  'Heather',
  'Optic White',
  'Clear',
  'Navy',
  'Charcoal',
  'Silver',
  'Full Dull',
  'Grey Mix',
  'Royal',
  'Sand',
  'Teal Mist',
  'Ember',
];
export const YARN_EXTRAS = [
  'RS',
  'SD',
  'Stretch',
  'Textured',
  'Recycled',
  'Low Intermingle',
  'Monofilament',
  'OE',
  'Ring Spun',
  'AJT',
  'FR',
  'Solution Dyed',
  'Draw Textured',
  'Hi Tenacity',
  '',
];
export const MISC_NOTES = ['Berry Compliant', 'sample yarn ', 'customer owned', 'hold for QA', 'trial lot', 'CT'];
export const CONSTRUCTIONS = [
  'SINGLE JERSEY',
  'INTERLOCK',
  'RIB 1X1',
  'RIB 2X2',
  'PIQUE',
  'MESH',
  'FLEECE 3 END',
  'SPACER 2 BED',
  'DK JACQUARD ELECTRONIC',
  'TICKING 4 SYSTEM',
  'TERRY LOOP',
  'PONTE DE ROMA',
  'WAFFLE',
  'DOUBLE KNIT PLAIN',
];
export const STAGES = ['Final', 'Final', 'Final', 'Final', 'Final', 'White Spec', 'White Spec', 'Actual', 'Actual', 'Theo'];
export const WC_LETTERS = ['F', 'F', 'F', 'F', 'C', 'C', 'M', 'M', 'V', 'W', 'P', 'T'];
export const UOMS_SO = ['yds', 'yds', 'yds', 'yds', 'yds', 'yds', 'yds', 'yds', 'lbs', 'kg', 'panels'];
export const STYLE_PREFIXES = ['QK', 'TRB', 'MV', 'ZN', 'HX', 'LP', 'RQ', 'VKT', 'WD', 'NJ', 'SB', 'GXP', 'EM', 'PY'];
export const VERSION_CODES = ['0', '1', '2', '3', '1A', '2B', 'TT1', 'TT2', 'LX', 'HB', '5C', '20ST', 'R1', 'PL'];
export const FINISH_SUFFIXES = ['1', '1', '1', '2', '3', '0', 'BLK', 'NVY', 'WHT', 'FS', 'FI', 'GRY'];
export const ALIAS_WORDS = ['AURORA', 'BRISTOL', 'CAMDEN', 'DELTA', 'EVEREST', 'FJORD', 'GALAXY', 'HALO', 'IVY', 'JASPER'];
export const PROCESSOR_NAMES = ['Riverbend Finishing', 'Altmore - Plant 2', 'Altmore - Eastside', 'Cobalt Dye Works', 'Hartwell Textile Finishers'];
