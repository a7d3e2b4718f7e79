// "Go to anything": a box in the top bar (Ctrl+K / Cmd+K from anywhere) that finds a yarn, knit order, PO line, style,
// supplier or machine of the active snapshot (`search.find`) and opens its detail through the hash route. With the
// box empty it lists the last items opened. Arrows move, Enter opens, Esc closes. Focusing the box warms the search.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchHit, SearchKind } from '../../../shared/search';
import { api } from '../api';
import { Icon } from '../components/Icon';
import { isGoToShortcut, nextNavIndex } from './navKeys';
import { addRecent, loadRecents, saveRecents } from './recentFinds';
import { navigate } from './useHashRoute';
import './GoTo.css';

const KIND_LABEL: Record<SearchKind, string> = {
  yarn: 'Yarn',
  knitOrder: 'KO',
  po: 'PO',
  style: 'Style',
  supplier: 'Supplier',
  machine: 'Machine',
};

/** Wait this long after the last keystroke before asking (ms). */
const DEBOUNCE_MS = 60;
const LIMIT = 12;

export function GoTo(): ReactNode {
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [active, setActive] = useState(0);
  const [recents, setRecents] = useState<SearchHit[]>(loadRecents);
  const asked = useRef(0);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isGoToShortcut(e)) return;
      e.preventDefault();
      e.stopPropagation();
      inputRef.current?.focus();
      inputRef.current?.select();
      setOpen(true);
    };
    // capture: grids and editors must not swallow it
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  useEffect(() => {
    const q = query.trim();
    const n = ++asked.current;
    if (!q) {
      setHits([]);
      setError(null);
      setSearching(false);
      return;
    }
    setSearching(true);
    const timer = window.setTimeout(async () => {
      const result = await api.invoke('search.find', { query: q, limit: LIMIT });
      if (n !== asked.current) return; // a newer query is on its way
      setSearching(false);
      setActive(0);
      if (result.ok) {
        setHits(result.data.hits);
        setError(null);
      } else {
        setHits([]);
        setError(result.error.message);
      }
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  const showingRecents = !query.trim();
  const list = showingRecents ? recents : hits;

  const close = () => {
    setOpen(false);
    inputRef.current?.blur();
  };

  const openHit = (hit: SearchHit) => {
    const next = addRecent(recents, hit);
    setRecents(next);
    saveRecents(next);
    setQuery('');
    close();
    navigate(hit.route.page, hit.route.params);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (query) setQuery('');
      else close();
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      const hit = list[active];
      if (hit && !searching) openHit(hit);
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const next = nextNavIndex(e.key, active, list.length);
      if (next !== undefined) setActive(next);
    }
  };

  return (
    <div className="goto" data-testid="goto">
      <label className="goto-field">
        <Icon name="search" size={14} />
        <input
          ref={inputRef}
          className="goto-input"
          type="search"
          placeholder="Go to… (Ctrl+K)"
          aria-label="Go to a yarn, knit order, PO, style, supplier or machine"
          aria-expanded={open}
          aria-controls="goto-results"
          aria-activedescendant={open && list[active] ? `goto-hit-${active}` : undefined}
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => {
            setOpen(true);
            // the snapshot's rows are read while the planner starts typing, not on the first keystroke (at 10x
            // 1.7 s); a no-op once they are kept, and a failure (no snapshot yet) is the first query's to report
            void api.invoke('search.warm', {});
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          data-testid="goto-input"
        />
      </label>
      {open && (
        <div className="goto-panel" data-testid="goto-results" data-state={searching ? 'searching' : 'ready'} data-recents={showingRecents}>
          {showingRecents && (
            <div className="goto-heading">{recents.length ? 'Recent' : 'Type an id or text: yarn, KO, PO, style, supplier, machine'}</div>
          )}
          {error && <div className="goto-empty goto-error">{error}</div>}
          {!showingRecents && !searching && !error && hits.length === 0 && <div className="goto-empty">Nothing matches “{query.trim()}”</div>}
          <ul id="goto-results" role="listbox" className="goto-list">
            {list.map((hit, i) => (
              <li
                key={`${hit.kind}:${hit.id}:${hit.route.params.yarnId ?? ''}`}
                id={`goto-hit-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'goto-hit goto-hit-active' : 'goto-hit'}
                // mousedown, not click: the input's blur would close the list first
                onMouseDown={(e) => {
                  e.preventDefault();
                  openHit(hit);
                }}
                onMouseEnter={() => setActive(i)}
                data-testid={showingRecents ? 'goto-recent' : 'goto-hit'}
                data-kind={hit.kind}
                data-id={hit.id}
              >
                <span className={`goto-kind goto-kind-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
                <span className="goto-label">{hit.label}</span>
                <span className="goto-detail">{hit.detail}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
