// The help sheet: "?" (outside a text field) or the top bar's "?" button opens the keyboard shortcuts and the
// glossary (each number's definition and formula, src/shared/glossary.ts); Esc or the overlay closes it.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { GLOSSARY, type GlossaryKey } from '../../../shared/glossary';
import { Icon } from '../components/Icon';
import { isHelpKey } from './navKeys';
import { SHORTCUTS } from './shortcuts';
import './HelpSheet.css';

export function HelpSheet(): ReactNode {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (open && e.key === 'Escape') {
        e.preventDefault();
        setOpen(false);
        return;
      }
      if (!open && isHelpKey(e, e.target as HTMLElement | null)) {
        e.preventDefault();
        setFilter('');
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const terms = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const all = (Object.keys(GLOSSARY) as GlossaryKey[]).map((key) => ({ key, ...GLOSSARY[key] }));
    const shown = f ? all.filter((t) => `${t.term} ${t.erpName ?? ''} ${t.definition} ${t.formula}`.toLowerCase().includes(f)) : all;
    return shown.sort((a, b) => a.term.localeCompare(b.term));
  }, [filter]);

  return (
    <>
      <button
        type="button"
        className="btn btn-ghost topbar-help"
        onClick={() => setOpen(true)}
        aria-label="Keyboard shortcuts and glossary (?)"
        title="Keyboard shortcuts and glossary (?)"
        data-testid="help-open"
      >
        ?
      </button>
      {open && (
        <div className="modal-overlay" onMouseDown={(e) => e.target === e.currentTarget && setOpen(false)}>
          <div className="modal help-sheet" role="dialog" aria-modal="true" aria-labelledby="help-sheet-title" data-testid="help-sheet">
            <div className="help-sheet-header">
              <h2 id="help-sheet-title" className="modal-title">
                Shortcuts and glossary
              </h2>
              <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)} aria-label="Close (Esc)" data-testid="help-close">
                <Icon name="close" />
              </button>
            </div>
            <div className="help-sheet-body">
              <section>
                <h3 className="help-sheet-section">Keyboard</h3>
                <table className="help-shortcuts" data-testid="help-shortcuts">
                  <tbody>
                    {SHORTCUTS.map((s) => (
                      <tr key={`${s.keys.join()}-${s.where}`}>
                        <td className="help-keys">
                          {s.keys.map((k) => (
                            <kbd key={k}>{k}</kbd>
                          ))}
                        </td>
                        <td>{s.what}</td>
                        <td className="muted">{s.where}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
              <section>
                <div className="help-sheet-glossary-head">
                  <h3 className="help-sheet-section">Glossary</h3>
                  <input
                    type="search"
                    className="input"
                    placeholder="Filter terms"
                    value={filter}
                    onChange={(e) => setFilter(e.target.value)}
                    data-testid="help-filter"
                  />
                </div>
                <dl className="help-glossary" data-testid="help-glossary">
                  {terms.map((t) => (
                    <div key={t.key} className="help-term" data-testid="help-term" data-term={t.key}>
                      <dt>
                        {t.term}
                        {t.erpName && <span className="muted"> · ERP column: {t.erpName}</span>}
                      </dt>
                      <dd>{t.definition}</dd>
                      <dd className="help-formula">{t.formula}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
