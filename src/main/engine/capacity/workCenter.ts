// Work center codes `C.DD.NN.T`: construction . cylinder diameter (in) . needle cut (needles/in) . machine type.
// Seen in the exports: trailing spaces ("6.30.28.F "), type variants ("FOW"), a decimal cut ("6.20.14.5.V").
import type { RelaxedMatchMode } from '../../../shared/policy/capacity';

export interface WorkCenterCode {
  /** Canonical code: trimmed, upper case, numbers without leading zeros. */
  code: string;
  construction: string;
  diameterIn: number;
  cutNeedlesPerIn: number;
  /** Full type, e.g. "F", "FOW". */
  type: string;
  /** First letter of the type, e.g. "F" for "FOW". */
  typeLetter: string;
}

const NUMBER = /^\d+(\.\d+)?$/;

// Parsed codes are immutable and few (about 100 per plant), so they are memoised.
const parsed = new Map<string, WorkCenterCode | null>();

export function parseWorkCenter(raw: string | undefined | null): WorkCenterCode | null {
  const key = raw ?? '';
  let wc = parsed.get(key);
  if (wc === undefined) {
    wc = parse(key);
    if (parsed.size > 100_000) parsed.clear();
    parsed.set(key, wc);
  }
  return wc;
}

function parse(raw: string): WorkCenterCode | null {
  const text = raw.trim().toUpperCase();
  const parts = text.split('.');
  if (parts.length < 4) return null;
  const [construction, diameter] = parts;
  const type = parts[parts.length - 1].trim();
  const cut = parts.slice(2, -1).join('.');
  if (!NUMBER.test(construction) || !NUMBER.test(diameter) || !NUMBER.test(cut) || !/^[A-Z]+$/.test(type)) return null;
  const c = String(Number(construction));
  const d = Number(diameter);
  const n = Number(cut);
  return Object.freeze({
    code: `${c}.${d}.${n}.${type}`,
    construction: c,
    diameterIn: d,
    cutNeedlesPerIn: n,
    type,
    typeLetter: type[0],
  });
}

/** The key work centers are compared and grouped by: canonical code, or the trimmed upper-case text when unparseable. */
export function workCenterKey(raw: string | undefined | null): string {
  return parseWorkCenter(raw)?.code ?? (raw ?? '').trim().toUpperCase();
}

/** Key of the machines a relaxed match may use (null when the mode is off or the code is unparseable). */
export function relaxedKey(raw: string | undefined | null, mode: RelaxedMatchMode): string | null {
  const wc = parseWorkCenter(raw);
  if (!wc || mode === 'off') return null;
  return mode === 'type' ? `${wc.construction}.${wc.diameterIn}.${wc.cutNeedlesPerIn}` : `${wc.diameterIn}.${wc.cutNeedlesPerIn}`;
}

/** How a machine's work center matches a style's work center. */
export function matchWorkCenter(
  styleWc: string | undefined | null,
  machineWc: string | undefined | null,
  mode: RelaxedMatchMode,
): 'exact' | 'relaxed' | 'mismatch' | 'unknown' {
  const s = workCenterKey(styleWc);
  const m = workCenterKey(machineWc);
  if (!s || !m) return 'unknown';
  if (s === m) return 'exact';
  const rs = relaxedKey(s, mode);
  return rs !== null && rs === relaxedKey(m, mode) ? 'relaxed' : 'mismatch';
}
