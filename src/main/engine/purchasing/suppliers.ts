// Supplier master rows and the name matcher: yarn_inventory / YarnPO / Expected_Yarn_Report write supplier names
// differently from Supplier_ID.csv (case, punctuation, legal forms, abbreviations: "KC TEX" vs "KC TEX INC",
// "FILS" vs "FILSPEC Yarns"). Order: planner mapping -> exact -> normalised -> token/abbreviation score.
import type { PurchasingPolicy } from '../../../shared/policy/purchasing';
import { supplierLeadTimeDays } from '../../../shared/domain/supplier';
import type { MrpSupplier, SupplierMasterRow, SupplierMatch, SupplierNameMapping } from './types';

// Legal forms and words that say nothing about who the supplier is. Kept small on purpose: "industries" or
// "manufacturing" stay significant ("BURLINGTON INDUSTRIES" is not "BURLINGTON MANUFACTURING SERVICE").
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'sl',
  'sa',
  'as',
  'gmbh',
  'plc',
  'pt',
  'srl',
  'spa',
  'bv',
  'nv',
  'ag',
  'lp',
  'llp',
]);
const GENERIC_WORDS = new Set([
  'the',
  'and',
  'of',
  'yarn',
  'yarns',
  'mill',
  'mills',
  'textile',
  'textiles',
  'tekstil',
  'fiber',
  'fibers',
  'fibre',
  'fibres',
  'group',
  'holdings',
  'usa',
  'us',
  'america',
  'international',
  'do',
  'not',
  'use',
]);

/** Lower case, accents and punctuation removed, legal forms dropped: "Betareks A. S." -> "betareks". */
export function normaliseSupplierName(raw: string): string {
  return supplierWords(raw)
    .filter((w) => !LEGAL_FORMS.has(w))
    .join(' ');
}

function supplierWords(raw: string): string[] {
  const plain = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!plain) return [];
  // Runs of single letters are initials ("A. S." -> "as", "S.L." -> "sl"); a lone letter ("R BELDA") stays.
  const words: string[] = [];
  let run = '';
  for (const w of [...plain.split(' '), '']) {
    if (w.length === 1) {
      run += w;
      continue;
    }
    if (run) words.push(run);
    run = '';
    if (w) words.push(w);
  }
  return words;
}

/** Words that identify the supplier: normalised words without generic ones. */
// Words that say what a company makes. Two names that both carry such words, none in common, are different
// companies even when their first word agrees ("Elkin Fibers" is not "Elkin Textiles").
const LINE_OF_BUSINESS = new Set([
  'fiber',
  'fibers',
  'fibre',
  'fibres',
  'yarn',
  'yarns',
  'textile',
  'textiles',
  'tekstil',
  'polymer',
  'polymers',
  'synthetic',
  'synthetics',
  'mill',
  'mills',
  'spinning',
  'knitting',
  'dyeing',
  'chemical',
  'chemicals',
]);

export function lineOfBusiness(raw: string): Set<string> {
  const norm = normaliseSupplierName(raw);
  return new Set(norm ? norm.split(' ').filter((w) => LINE_OF_BUSINESS.has(w)) : []);
}

function conflictingTrades(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return false;
  for (const w of a) if (b.has(w)) return false;
  return true;
}

export function significantTokens(raw: string): string[] {
  const norm = normaliseSupplierName(raw);
  return norm ? norm.split(' ').filter((w) => !GENERIC_WORDS.has(w)) : [];
}

interface IndexedSupplier {
  row: SupplierMasterRow;
  lower: string;
  normalised: string;
  tokens: string[];
  trades: Set<string>;
}

export interface SupplierMatcher {
  match(name: string | null | undefined): SupplierMatch;
  byId(supplierId: string): SupplierMasterRow | undefined;
}

/** The master's suppliers with their ids (`S<n>` for a row without one) and lead times in days (the policy's unit). */
export function supplierMasterRows(suppliers: readonly MrpSupplier[], policy: PurchasingPolicy): SupplierMasterRow[] {
  return suppliers.map((s, i) => ({
    supplierId: s.supplierId ?? `S${i + 1}`,
    name: s.name,
    leadTimeDays: supplierLeadTimeDays(s.leadTimeAsExported, policy.supplierLeadTimeUnit),
    moqLbs: s.moqLbs,
    retired: s.retired,
  }));
}

/**
 * Builds a cached matcher over the supplier master. Planner mappings win; then an exact (case-insensitive) name,
 * then equal normalised names, then the best token score above `supplierMatchMinScore` with a clear margin.
 */
export function createSupplierMatcher(
  master: readonly MrpSupplier[],
  mappings: SupplierNameMapping[] | undefined,
  policy: PurchasingPolicy,
): SupplierMatcher {
  const suppliers = supplierMasterRows(master, policy);
  const indexed: IndexedSupplier[] = suppliers.map((row) => ({
    row,
    lower: row.name.trim().toLowerCase(),
    normalised: normaliseSupplierName(row.name),
    tokens: significantTokens(row.name),
    trades: lineOfBusiness(row.name),
  }));
  const byId = new Map(suppliers.map((s) => [s.supplierId, s]));
  const manual = new Map<string, string | null>();
  for (const m of mappings ?? []) manual.set(normaliseSupplierName(m.name), m.supplierId);
  const cache = new Map<string, SupplierMatch>();

  const result = (inputName: string, row: SupplierMasterRow | null, method: SupplierMatch['method'], score: number): SupplierMatch => ({
    inputName,
    supplierId: row?.supplierId ?? null,
    supplierName: row?.name ?? null,
    method,
    score,
    retired: row?.retired ?? false,
  });

  function compute(inputName: string): SupplierMatch {
    const lower = inputName.trim().toLowerCase();
    const normalised = normaliseSupplierName(inputName);
    if (manual.has(normalised)) {
      const id = manual.get(normalised) ?? null;
      return result(inputName, id === null ? null : (byId.get(id) ?? null), 'manual', 1);
    }
    if (!lower) return result(inputName, null, 'none', 0);
    const exact = indexed.find((s) => s.lower === lower);
    if (exact) return result(inputName, exact.row, 'exact', 1);
    const norm = normalised ? indexed.filter((s) => s.normalised === normalised) : [];
    if (norm.length === 1) return result(inputName, norm[0].row, 'normalised', 1);

    const tokens = significantTokens(inputName);
    const trades = lineOfBusiness(inputName);
    const scored = indexed
      .map((s) => ({ s, score: conflictingTrades(trades, s.trades) ? 0 : tokenScore(tokens, s.tokens, policy) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.s.row.supplierId.localeCompare(b.s.row.supplierId));
    const candidates = scored.slice(0, 3).map((x) => ({ supplierId: x.s.row.supplierId, supplierName: x.s.row.name, score: round3(x.score) }));
    const best = scored[0];
    const runnerUp = scored[1]?.score ?? 0;
    if (best && best.score >= policy.supplierMatchMinScore && best.score - runnerUp >= policy.supplierMatchMinMargin - 1e-9) {
      return { ...result(inputName, best.s.row, 'token', round3(best.score)), candidates };
    }
    return { ...result(inputName, null, 'none', best ? round3(best.score) : 0), ...(candidates.length ? { candidates } : {}) };
  }

  return {
    match(name) {
      const key = name ?? '';
      let hit = cache.get(key);
      if (!hit) {
        hit = compute(key);
        cache.set(key, hit);
      }
      return hit;
    },
    byId: (id) => byId.get(id),
  };
}

/**
 * Dice score over significant tokens where each name token earns its best credit against a master token:
 * 1 for an equal token, `supplierPrefixCredit` when the name token abbreviates it by prefix ("fils" -> "filspec").
 * Only the name may abbreviate the master, so "murata" never matches "murat".
 */
export function tokenScore(nameTokens: string[], masterTokens: string[], policy: PurchasingPolicy): number {
  if (!nameTokens.length || !masterTokens.length) return 0;
  const used = new Set<number>();
  let credit = 0;
  for (const t of nameTokens) {
    let best = 0;
    let bestIdx = -1;
    masterTokens.forEach((m, i) => {
      if (used.has(i)) return;
      const c = t === m ? 1 : t.length >= policy.supplierAbbreviationMinChars && m.startsWith(t) ? policy.supplierPrefixCredit : 0;
      if (c > best) {
        best = c;
        bestIdx = i;
      }
    });
    if (bestIdx >= 0) used.add(bestIdx);
    credit += best;
  }
  return (2 * credit) / (nameTokens.length + masterTokens.length);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
