// Hash routing (`#/yarn?yarnId=4001`): works under the app:// protocol and the web bridge alike, and keeps the page's own query intact.
import { useEffect, useState } from 'react';
import { hrefFor, parseHash, parseHashParams, type HashParams, type PageId } from '../routes';

const PARAMS_EVENT = 'bkp:hashparams';

export function useHashRoute(): PageId {
  const [page, setPage] = useState<PageId>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setPage(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return page;
}

/** The query part of the hash (`?yarnId=4001`) as a record; follows navigation and `setHashParams`. */
export function useHashParams(): HashParams {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    window.addEventListener(PARAMS_EVENT, onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener(PARAMS_EVENT, onChange);
    };
  }, []);
  return parseHashParams(hash);
}

/** Opens a page (optionally with params: `navigate('yarn', { yarnId: '4001' })`). */
export function navigate(id: PageId, params?: Record<string, string | number | null | undefined>): void {
  const target = hrefFor(id, params);
  if (window.location.hash !== target) window.location.hash = target;
}

/**
 * Replaces the current page's hash params without a new history entry (selection in a grid -> shareable URL).
 * Params given as undefined/null/'' are removed; others are merged into the current ones.
 */
export function setHashParams(params: Record<string, string | number | null | undefined>): void {
  const page = parseHash(window.location.hash);
  const merged: Record<string, string | number | null | undefined> = { ...parseHashParams(window.location.hash), ...params };
  const target = hrefFor(page, merged);
  if (window.location.hash === target) return;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${target}`);
  window.dispatchEvent(new Event(PARAMS_EVENT));
}
