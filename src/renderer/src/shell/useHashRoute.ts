// Hash routing (`#/yarn`): works under the app:// protocol and the web bridge alike, and keeps `?token=` intact.
import { useEffect, useState } from 'react';
import { hrefFor, parseHash, type PageId } from '../routes';

export function useHashRoute(): PageId {
  const [page, setPage] = useState<PageId>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setPage(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return page;
}

export function navigate(id: PageId): void {
  const target = hrefFor(id);
  if (window.location.hash !== target) window.location.hash = target;
}
