// The last items opened through "Go to anything", newest first, kept in localStorage so they survive a reload.
import { searchHitSchema, type SearchHit } from '../../../shared/search';

export const RECENT_FINDS_KEY = 'bkp.recentFinds';
export const RECENT_FINDS_MAX = 8;

const sameItem = (a: SearchHit, b: SearchHit) => a.kind === b.kind && a.id === b.id && a.route.params.yarnId === b.route.params.yarnId;

/** `hit` first, an earlier entry of the same item dropped, at most RECENT_FINDS_MAX. */
export function addRecent(recents: readonly SearchHit[], hit: SearchHit): SearchHit[] {
  return [hit, ...recents.filter((r) => !sameItem(r, hit))].slice(0, RECENT_FINDS_MAX);
}

/** The stored list; entries that no longer parse (an older format, a hand edit) are dropped. */
export function parseRecents(text: string | null): SearchHit[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value
      .flatMap((v) => {
        const parsed = searchHitSchema.safeParse(v);
        return parsed.success ? [parsed.data] : [];
      })
      .slice(0, RECENT_FINDS_MAX);
  } catch {
    return [];
  }
}

export function loadRecents(): SearchHit[] {
  try {
    return parseRecents(window.localStorage.getItem(RECENT_FINDS_KEY));
  } catch {
    return [];
  }
}

export function saveRecents(recents: readonly SearchHit[]): void {
  try {
    window.localStorage.setItem(RECENT_FINDS_KEY, JSON.stringify(recents));
  } catch {
    // storage full or disabled: the list lives for this session only
  }
}
