// Style and id keys. The importer normalises ids once; the engine only trims, and falls back to space-free matching
// where the exports disagree on inner spaces ("FF 10006/0001" vs "FF10006/0001"). A style's base is the domain's rule.
export { styleBase } from '../../../shared/domain/style';

export function styleKey(style: string): string {
  return style.trim();
}

export function spacelessKey(style: string): string {
  return style.replace(/\s+/g, '');
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numeric order when both ids are numbers (yarn Desc#), text order otherwise. */
export function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return compareText(a, b);
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
