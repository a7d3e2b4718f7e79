// The action log: a header button (with the number of actions that can still be undone) opening a drawer that lists
// the planner's actions, newest first, with what each changed (before -> after) and an Undo button; Ctrl+Z (Cmd+Z on
// a Mac) undoes the newest one when focus is not in a text field or a grid cell editor.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ActionChange, ActionEntry } from '../../../shared/actionLog';
import { api } from '../api';
import { Icon } from '../components/Icon';
import { describeError, toast } from '../stores/toastStore';
import './ActionLog.css';

const PAGE = 50;

/** Where Ctrl+Z belongs to the field (its own text undo), not to the plan. */
function typingTarget(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || !!el.closest('input, textarea, select, .ag-cell-inline-editing, .ag-popup-editor');
}

const short = (v: unknown): string => {
  const text = v === undefined ? '—' : v === null ? 'none' : typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** Fields shown for a row made or removed (the rest: "…"). */
const MAX_FIELDS = 6;

/** "qtyLbs 2000 → 2500"; a row made or removed shows its fields (but its key, named in the label) on one side. */
function changeText(c: ActionChange): { before: string; after: string } {
  const fields = [...new Set([...Object.keys(c.before ?? {}), ...Object.keys(c.after ?? {})])];
  const differ =
    c.before && c.after
      ? fields.filter((f) => JSON.stringify(c.before![f]) !== JSON.stringify(c.after![f]))
      : fields.filter((f) => !c.key.includes(String((c.before ?? c.after)![f])));
  const shown = differ.slice(0, MAX_FIELDS);
  const more = differ.length > shown.length ? ', …' : '';
  const side = (row: Record<string, unknown> | null) => (row ? shown.map((f) => `${f} ${short(row[f])}`).join(', ') + more : '(none)');
  return { before: side(c.before), after: side(c.after) };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The plant's local time, to the minute. */
function timeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function ActionLogButton(): ReactNode {
  const [open, setOpen] = useState(false);
  const [undoable, setUndoable] = useState(0);
  const [entries, setEntries] = useState<ActionEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (count = PAGE) => {
    const r = await api.invoke('actions.list', { offset: 0, limit: Math.min(200, Math.max(PAGE, count)) });
    if (!r.ok) return;
    setUndoable(r.data.undoableCount);
    setTotal(r.data.total);
    setEntries(r.data.entries);
  }, []);
  const more = async () => {
    const r = await api.invoke('actions.list', { offset: entries.length, limit: PAGE });
    if (r.ok) setEntries((e) => [...e, ...r.data.entries]);
  };

  const undo = useCallback(async (id?: number) => {
    setBusy(true);
    const r = await api.invoke('actions.undo', id === undefined ? {} : { id });
    setBusy(false);
    if (r.ok) toast('success', 'Undone', r.data.undone.sentence);
    else if (r.error.code === 'NOT_FOUND') toast('info', 'Nothing to undo', r.error.message);
    else toast('error', 'Could not undo', describeError(r.error));
  }, []);

  useEffect(() => {
    void load();
    return api.on('actions.changed', () => void load());
  }, [load]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && open) setOpen(false);
      if ((e.key === 'z' || e.key === 'Z') && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && !typingTarget(e.target)) {
        e.preventDefault();
        if (!busy) void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, busy, undo]);

  return (
    <>
      <button
        type="button"
        className="btn btn-ghost topbar-action-log"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        title={`Action log: ${undoable} action${undoable === 1 ? '' : 's'} can be undone (Ctrl+Z undoes the last)`}
        data-testid="action-log-button"
      >
        <Icon name="undo" />
        {undoable > 0 && (
          <span className="action-log-badge" data-testid="action-log-count">
            {undoable}
          </span>
        )}
      </button>
      {open && (
        <aside className="action-log" role="dialog" aria-label="Action log" data-testid="action-log-panel">
          <header className="action-log-head">
            <h2>Action log</h2>
            <span className="muted">
              {total} action{total === 1 ? '' : 's'}, {undoable} can be undone · Ctrl+Z undoes the last
            </span>
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => setOpen(false)}
              aria-label="Close the action log"
              data-testid="action-log-close"
            >
              <Icon name="close" />
            </button>
          </header>
          {entries.length === 0 ? (
            <p className="muted action-log-empty">No actions yet: accepting drafts, pins, overrides, policy and scenario changes are listed here.</p>
          ) : (
            <ol className="action-log-list">
              {entries.map((e) => (
                <li
                  key={e.id}
                  className={e.undoneById !== null ? 'action-log-entry is-undone' : 'action-log-entry'}
                  data-testid="action-log-entry"
                  data-entry-id={e.id}
                  data-kind={e.kind}
                  data-undone={e.undoneById !== null}
                >
                  <div className="action-log-line">
                    <time dateTime={e.at}>{timeText(e.at)}</time>
                    <span className="action-log-sentence" data-testid="action-log-sentence">
                      {e.sentence}
                    </span>
                    {e.undoable ? (
                      <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void undo(e.id)} data-testid="action-log-undo">
                        Undo
                      </button>
                    ) : e.undoneById !== null ? (
                      <span className="action-log-status" data-testid="action-log-undone">
                        undone (#{e.undoneById})
                      </span>
                    ) : null}
                  </div>
                  <ul className="action-log-changes">
                    {e.changes
                      .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after))
                      .slice(0, 5)
                      .map((c, i) => {
                        const t = changeText(c);
                        return (
                          <li key={i}>
                            <span className="muted">{c.label}:</span> {t.before} → {t.after}
                          </li>
                        );
                      })}
                  </ul>
                </li>
              ))}
            </ol>
          )}
          {entries.length < total && (
            <button type="button" className="btn" onClick={() => void more()} data-testid="action-log-more">
              Show older actions
            </button>
          )}
        </aside>
      )}
    </>
  );
}
