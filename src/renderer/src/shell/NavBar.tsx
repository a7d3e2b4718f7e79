// Left navigation: one link per page, arrow keys/Home/End move between links (roving tabindex), Enter opens,
// Alt+1..9 (or Ctrl/Cmd+1..9) open a page from anywhere.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { hrefFor, PAGES, type PageId } from '../routes';
import { Icon } from '../components/Icon';
import { nextNavIndex, shortcutPageIndex } from './navKeys';
import { navigate } from './useHashRoute';
import './NavBar.css';

interface NavBarProps {
  current: PageId;
  appName: string;
  version?: string;
}

export function NavBar({ current, appName, version }: NavBarProps): ReactNode {
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const index = shortcutPageIndex(e, PAGES.length);
      if (index === undefined) return;
      e.preventDefault();
      navigate(PAGES[index].id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const links = Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-nav]') ?? []);
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = nextNavIndex(e.key, index < 0 ? 0 : index, links.length);
    if (next === undefined) return;
    e.preventDefault();
    links[next].focus();
  };

  const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

  return (
    <nav className="nav" aria-label={appName} data-testid="nav">
      <div className="nav-brand">
        <span className="nav-logo" aria-hidden="true">
          BK
        </span>
        <span className="nav-brand-text">
          <span className="nav-brand-name">Beverly Knits</span>
          <span className="nav-brand-sub">Planner</span>
        </span>
      </div>
      <ul className="nav-list" ref={listRef} onKeyDown={onListKey}>
        {PAGES.map((p, i) => {
          const active = p.id === current;
          const key = i < 9 ? String(i + 1) : i === 9 ? '0' : undefined;
          return (
            <li key={p.id}>
              <a
                href={hrefFor(p.id)}
                data-nav={p.id}
                data-testid={`nav-${p.id}`}
                className={active ? 'nav-link active' : 'nav-link'}
                aria-current={active ? 'page' : undefined}
                tabIndex={active ? 0 : -1}
                aria-keyshortcuts={key ? `Alt+${key}` : undefined}
                title={key ? `${p.title} (${isMac ? '⌥' : 'Alt+'}${key})` : p.title}
              >
                <Icon name={p.id} size={16} />
                <span className="nav-label">{p.title}</span>
                {key && <kbd className="nav-key">{key}</kbd>}
              </a>
              {p.id === 'scenarios' && <div className="nav-sep" role="separator" />}
            </li>
          );
        })}
      </ul>
      <div className="nav-footer">{version ? `v${version}` : ''}</div>
    </nav>
  );
}
