// Settings: the demand layers (sales orders, forecast) at the top, then the planning policy (every threshold the
// engines use) as an editable form grouped by area, with each value's default, what the planner changed, and reset.
// `#/settings?section=layers` scrolls to the demand layers.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { policyDefaults } from '../../../../shared/policy';
import { api, call } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { headerWithUnit, humanizeField } from '../../lib/format';
import { PageActions } from '../../shell/PageActions';
import { useHashParams } from '../../shell/useHashRoute';
import { describeError, toast } from '../../stores/toastStore';
import type { ContractError } from '../../../../shared/contract';
import { DemandLayers } from './DemandLayers';
import { policyProblems } from '../../../../shared/policy/schema';
import { fieldId, fieldKind, pendingChanges, policyChangeErrors, sameValue, toDraft, type PolicyTable } from './policyForm';
import './SettingsPage.css';

const DEFAULTS = policyDefaults as unknown as PolicyTable;

export function SettingsPage(): ReactNode {
  const [saved, setSaved] = useState<PolicyTable | undefined>(undefined);
  const [loadError, setLoadError] = useState<ContractError | undefined>(undefined);
  const [drafts, setDrafts] = useState<Record<string, string | boolean>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const [filter, setFilter] = useState('');

  const load = async () => {
    const r = await api.invoke('settings.getPolicy', {});
    if (r.ok) {
      setSaved(r.data);
      setLoadError(undefined);
    } else setLoadError(r.error);
  };
  useEffect(() => {
    void load();
    // An undo (Ctrl+Z, the action log) may put a saved value back: show it.
    return api.on('actions.changed', (e) => {
      if (e.kind === 'actions.undo') void load();
    });
  }, []);
  const section = useHashParams().section;
  useEffect(() => {
    if (section) document.getElementById(`area-${section}`)?.scrollIntoView({ block: 'start' });
  }, [section, saved]);

  const { changes, errors } = useMemo(() => {
    if (!saved) return { changes: [], errors: {} };
    const pending = pendingChanges(saved, DEFAULTS, drafts);
    // The policy schema's verdict (ranges, rules between keys) before anything is sent; parse errors come first.
    return { changes: pending.changes, errors: { ...policyChangeErrors(saved, pending.changes), ...pending.errors } };
  }, [saved, drafts]);
  const hasErrors = Object.keys(errors).length > 0;
  // Values saved by an older app that break the schema: plans refuse to run until they are changed.
  const savedProblems = useMemo(() => (saved ? policyProblems(saved) : []), [saved]);

  const save = async () => {
    if (!saved || changes.length === 0 || hasErrors) return;
    setSaving(true);
    // All together: related keys (the risk bands) must move at once, and one refused value saves nothing.
    const r = await api.invoke('settings.setPolicy', { changes });
    setSaving(false);
    if (!r.ok) {
      setSaveError(r.error.message);
      toast('error', 'The policy was not saved', describeError(r.error));
      return;
    }
    setSaveError(undefined);
    setSaved(r.data);
    setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([id]) => !changes.some((c) => fieldId(c.area, c.key) === id))));
    toast('success', `Saved ${changes.length} setting${changes.length === 1 ? '' : 's'}`, 'Run the plan to apply the new policy.');
  };

  const resetToDefault = async (area: string, key: string) => {
    const value = DEFAULTS[area]?.[key];
    if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') return;
    const r = await call('settings.setPolicy', { area, key, value });
    if (r) {
      setSaved(r);
      setDrafts(({ [fieldId(area, key)]: _gone, ...rest }) => rest);
    }
  };

  if (loadError)
    return (
      <div className="page settings-page">
        <DemandLayers />
        <EmptyState
          tone="error"
          icon="alert"
          title="Could not load the policy"
          message={describeError(loadError)}
          testId="settings-error"
          actions={
            <button type="button" className="btn" onClick={() => void load()}>
              Retry
            </button>
          }
        />
      </div>
    );
  if (!saved) return <div className="page muted">Loading the policy…</div>;

  const needle = filter.trim().toLowerCase();
  const areas = Object.keys(saved);
  const editedCount = areas.reduce(
    (n, a) => n + Object.keys(saved[a]).filter((k) => a in DEFAULTS && k in DEFAULTS[a] && !sameValue(saved[a][k], DEFAULTS[a][k])).length,
    0,
  );

  return (
    <div className="page settings-page" data-testid="settings-form">
      <PageActions>
        <span className="muted settings-summary" data-testid="settings-summary">
          {editedCount} changed from defaults{changes.length > 0 && ` · ${changes.length} unsaved`}
        </span>
        <button
          type="button"
          className="btn"
          disabled={Object.keys(drafts).length === 0 || saving}
          onClick={() => setDrafts({})}
          data-testid="settings-discard"
        >
          Discard
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={changes.length === 0 || hasErrors || saving}
          onClick={() => void save()}
          data-testid="settings-save"
        >
          {saving ? 'Saving…' : changes.length > 0 ? `Save ${changes.length} change${changes.length === 1 ? '' : 's'}` : 'Save changes'}
        </button>
      </PageActions>
      <DemandLayers />
      {saveError && (
        <div className="banner banner-error" role="alert" data-testid="settings-save-error">
          <Icon name="alert" size={14} />
          {saveError}
        </div>
      )}
      {savedProblems.length > 0 && (
        <div className="banner banner-error" role="alert" data-testid="settings-policy-problems">
          <Icon name="alert" size={14} />
          Plans cannot run until these saved values are changed: {savedProblems.map((p) => p.message).join('; ')}
        </div>
      )}
      <div className="settings-toolbar">
        <input
          className="input"
          type="search"
          placeholder="Filter settings…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="settings-filter"
        />
        <nav className="settings-areas" aria-label="Policy areas">
          <a
            href="#/settings"
            onClick={(e) => {
              e.preventDefault();
              document.getElementById('area-layers')?.scrollIntoView({ block: 'start' });
            }}
          >
            Demand layers
          </a>
          {areas.map((a) => (
            <a
              key={a}
              href={`#/settings`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(`area-${a}`)?.scrollIntoView({ block: 'start' });
              }}
            >
              {humanizeField(a).label}
            </a>
          ))}
        </nav>
      </div>
      {areas.map((area) => {
        const keys = Object.keys(saved[area]).filter((k) => !needle || `${area} ${k} ${humanizeField(k).label}`.toLowerCase().includes(needle));
        if (keys.length === 0) return null;
        return (
          <section key={area} className="panel" id={`area-${area}`} data-testid={`settings-area-${area}`}>
            <div className="panel-header">
              <h2 className="panel-title">{humanizeField(area).label}</h2>
              <span className="panel-subtitle">{keys.length} settings</span>
            </div>
            <table className="settings-table">
              <thead>
                <tr>
                  <th>Setting</th>
                  <th>Value</th>
                  <th>Default</th>
                  <th className="settings-state-col" aria-label="State" />
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => {
                  const id = fieldId(area, key);
                  const value = saved[area][key];
                  const def = DEFAULTS[area]?.[key];
                  const kind = fieldKind(def, value);
                  const draft = drafts[id] ?? toDraft(value);
                  const dirty = changes.some((c) => c.area === area && c.key === key);
                  const edited = def !== undefined && !sameValue(value, def);
                  const human = humanizeField(key);
                  const setDraft = (v: string | boolean) => setDrafts((d) => ({ ...d, [id]: v }));
                  return (
                    <tr key={key} className={dirty ? 'dirty' : edited ? 'edited' : undefined}>
                      <td className="settings-name">
                        <div>{headerWithUnit(human.label, human.unit)}</div>
                        <code>{key}</code>
                      </td>
                      <td className="settings-value">
                        {kind === 'boolean' ? (
                          <label className="switch">
                            <input
                              type="checkbox"
                              checked={draft === true}
                              onChange={(e) => setDraft(e.target.checked)}
                              data-testid={`setting-${area}-${key}`}
                            />
                            <span>{draft === true ? 'On' : 'Off'}</span>
                          </label>
                        ) : kind === 'readonly' ? (
                          <span
                            className="settings-readonly"
                            title="Lists and empty values are not editable here yet"
                            data-testid={`setting-${area}-${key}`}
                          >
                            {value === null ? '(none)' : String(toDraft(value))}
                          </span>
                        ) : (
                          <input
                            className={`input${kind === 'number' ? ' input-num' : ''}${errors[id] ? ' invalid' : ''}`}
                            value={String(draft)}
                            inputMode={kind === 'number' ? 'decimal' : undefined}
                            onChange={(e) => setDraft(e.target.value)}
                            aria-invalid={!!errors[id]}
                            aria-label={human.label}
                            data-testid={`setting-${area}-${key}`}
                          />
                        )}
                        {errors[id] && (
                          <span className="settings-error" data-testid={`setting-error-${area}-${key}`}>
                            {errors[id]}
                          </span>
                        )}
                      </td>
                      <td className="settings-default num">
                        {def === undefined
                          ? '–'
                          : def === null
                            ? '(none)'
                            : Array.isArray(def)
                              ? def.join(', ')
                              : typeof def === 'boolean'
                                ? def
                                  ? 'On'
                                  : 'Off'
                                : String(toDraft(def))}
                      </td>
                      <td className="settings-state">
                        {dirty ? (
                          <span className="pill pill-info">Unsaved</span>
                        ) : edited ? (
                          <>
                            <span className="pill pill-medium">Edited</span>
                            {kind !== 'readonly' && (
                              <button
                                type="button"
                                className="btn btn-ghost btn-sm"
                                onClick={() => void resetToDefault(area, key)}
                                title="Reset to the default"
                                data-testid={`setting-reset-${area}-${key}`}
                              >
                                <Icon name="undo" size={12} />
                                Reset
                              </button>
                            )}
                          </>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
