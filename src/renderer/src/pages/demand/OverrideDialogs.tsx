// Planner overrides of a style's knitting rate and BOM (`overrides.setRate` / `overrides.setBom`): the dialogs, the
// store that opens them from any grid (Demand › BOM & rate sources, Capacity › Unrated orders), and the list hook.
// Saving re-plans the active snapshot: the dialog stays open with the job's progress, then shows the refreshed source.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { create } from 'zustand';
import type { ChannelOutput } from '../../../../shared/contract';
import type { DemandStyle } from '../../../../shared/views';
import { call } from '../../api';
import { Icon } from '../../components/Icon';
import { JobProgress } from '../../components/JobProgress';
import { Modal } from '../../components/Modal';
import { formatNumber } from '../../lib/format';
import { useChannel, type ChannelState } from '../../lib/useChannel';
import { useJobs } from '../../stores/jobsStore';
import { usePlanStore, usePlanView } from '../../stores/planStore';
import { toast } from '../../stores/toastStore';
import {
  bomTotalPct,
  BOM_TOTAL_TOLERANCE_PCT,
  buildBomLines,
  buildRate,
  formatPct,
  linesToDrafts,
  noteInput,
  type BomLineDraft,
} from './overrideModel';
import { bomLinesText } from './demandRows';
import { SourceBadge } from './SourceBadge';

export type Overrides = ChannelOutput<'overrides.list'>;
type DialogKind = 'rate' | 'bom';

interface DialogState {
  open?: { kind: DialogKind; style: string };
  show(kind: DialogKind, style: string): void;
  close(): void;
}

const useOverrideDialog = create<DialogState>((set) => ({
  show: (kind, style) => set({ open: { kind, style } }),
  close: () => set({ open: undefined }),
}));

export const openRateOverride = (style: string): void => useOverrideDialog.getState().show('rate', style);
export const openBomOverride = (style: string): void => useOverrideDialog.getState().show('bom', style);

/** The planner's overrides, refetched whenever the plan changes (every override change re-plans). */
export function useOverrides(): ChannelState<Overrides> {
  const version = usePlanStore((s) => s.version);
  return useChannel('overrides.list', {}, [version]);
}

/** Renders the open override dialog; one per page that offers the actions. */
export function OverrideDialogHost(): ReactNode {
  const open = useOverrideDialog((s) => s.open);
  const close = useOverrideDialog((s) => s.close);
  // A page change closes the dialog (the host unmounts with the page).
  useEffect(() => close, [close]);
  if (!open) return null;
  return open.kind === 'rate' ? (
    <RateOverrideDialog key={`rate-${open.style}`} style={open.style} onClose={close} />
  ) : (
    <BomOverrideDialog key={`bom-${open.style}`} style={open.style} onClose={close} />
  );
}

/** The style's row of the demand view (BOM and rate with their sources) and whether it reflects the re-plan yet. */
function useStyleRow(
  style: string,
  savedAtVersion: number | undefined,
): { row: DemandStyle | undefined; styles: DemandStyle[]; loading: boolean; fresh: boolean } {
  const demand = usePlanView('view.demand', {});
  const styles = useMemo(() => demand.data?.styles ?? [], [demand.data]);
  const row = useMemo(() => styles.find((s) => s.style === style), [styles, style]);
  const fresh = savedAtVersion === undefined || (demand.version > savedAtVersion && !demand.refreshing && demand.status === 'ready');
  return { row, styles, loading: demand.status === 'loading' || demand.status === 'idle', fresh };
}

/** Rates of the other versions of the style's base (`EM6386/5C` -> `EM6386/…`): a hint for a style without one. */
export function sameBaseRates(style: string, styles: readonly DemandStyle[], max = 4): { style: string; lbsPerDay: number; source: string }[] {
  const base = styles.find((s) => s.style === style)?.styleBase;
  const out: { style: string; lbsPerDay: number; source: string }[] = [];
  for (const s of styles)
    if (base !== undefined && s.style !== style && s.styleBase === base && s.rateLbsPerDay !== null)
      out.push({ style: s.style, lbsPerDay: s.rateLbsPerDay, source: s.rateSource });
  return out.slice(0, max);
}

/** Saving state shared by both dialogs: the job it started and the plan version at that moment. */
function useSave() {
  const [jobId, setJobId] = useState<string | null | undefined>(undefined);
  const [savedAt, setSavedAt] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const job = useJobs((s) => (jobId ? s.byId[jobId] : undefined));
  const run = async (action: () => Promise<{ jobId: string | null } | undefined>): Promise<boolean> => {
    setBusy(true);
    const version = usePlanStore.getState().version;
    const r = await action();
    setBusy(false);
    if (!r) return false;
    setSavedAt(version);
    setJobId(r.jobId);
    return true;
  };
  const saved = jobId !== undefined;
  const running = saved && jobId !== null && (job?.status ?? 'running') === 'running';
  return { jobId, savedAt, busy, saved, running, run };
}

function SourceAfterSave({ label, source, fresh }: { label: string; source: string | undefined; fresh: boolean }): ReactNode {
  return fresh ? (
    <span className="override-source" data-testid="override-source" data-source={source ?? 'none'}>
      {label} now <SourceBadge source={source ?? null} />
    </span>
  ) : (
    <span className="muted">refreshing the views…</span>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <div className="override-fact">
      <span className="override-fact-label">{label}</span>
      <span>{children}</span>
    </div>
  );
}

interface DialogProps {
  style: string;
  onClose: () => void;
}

export function RateOverrideDialog({ style, onClose }: DialogProps): ReactNode {
  const overrides = useOverrides();
  const save = useSave();
  const { row, fresh, styles } = useStyleRow(style, save.savedAt);
  const siblings = useMemo(() => sameBaseRates(style, styles), [style, styles]);
  const existing = overrides.data?.rates.find((r) => r.style === style);
  const [rate, setRate] = useState<string | undefined>(undefined);
  const [note, setNote] = useState<string | undefined>(undefined);
  const [tried, setTried] = useState(false);
  const rateText = rate ?? (existing ? String(existing.lbsPerDay) : row?.rateLbsPerDay != null ? String(row.rateLbsPerDay) : '');
  const noteText = note ?? (existing?.note && existing.note !== 'planner override' ? existing.note : '');
  const built = buildRate(rateText);

  const submit = async () => {
    setTried(true);
    if (!built.ok || save.saved) return;
    const ok = await save.run(() => call('overrides.setRate', { style, lbsPerDay: built.lbsPerDay, ...noteInput(noteText) }));
    if (ok) toast('success', `Rate of ${style} set to ${formatNumber(built.lbsPerDay, 1)} lbs/day`, 'The plan is being recomputed.');
  };
  const remove = async () => {
    const ok = await save.run(() => call('overrides.setRate', { style, lbsPerDay: null }));
    if (ok) toast('success', `Rate override of ${style} removed`, 'The plan is being recomputed.');
  };

  return (
    <Modal
      testId="override-rate-dialog"
      title={`Knitting rate of ${style}`}
      subtitle="A planner rate replaces the ERP report, Production Lbs and base-style sources for every order of this style."
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={save.busy}
      actions={
        <OverrideActions saved={save.saved} busy={save.busy} canSave onClose={onClose} onRemove={existing ? () => void remove() : undefined} />
      }
    >
      <div className="override-facts">
        <Fact label="Now">
          {row?.rateLbsPerDay != null ? `${formatNumber(row.rateLbsPerDay, 1)} lbs/day ` : 'no rate '}
          <SourceBadge source={row?.rateSource ?? null} />
          {row?.rateAsOf && <span className="muted"> as of {row.rateAsOf}</span>}
        </Fact>
        {siblings.length > 0 && (
          <Fact label="Same base">
            <span className="muted" data-testid="override-rate-siblings">
              {siblings.map((s) => `${s.style} ${formatNumber(s.lbsPerDay, 1)} lbs/day (${s.source})`).join(' · ')}
            </span>
          </Fact>
        )}
        {existing && (
          <Fact label="Override">
            {formatNumber(existing.lbsPerDay, 1)} lbs/day since {existing.asOf}
            {existing.note ? ` · ${existing.note}` : ''}
          </Fact>
        )}
      </div>
      <div className="form-grid override-form">
        <label className="field">
          Rate (lbs/day)
          <input
            className={`input input-num${tried && !built.ok ? ' invalid' : ''}`}
            type="number"
            min={0}
            step="any"
            value={rateText}
            onChange={(e) => setRate(e.target.value)}
            disabled={save.saved}
            data-testid="override-rate-input"
          />
        </label>
        <label className="field override-note">
          Note (why, source)
          <input
            className="input"
            value={noteText}
            maxLength={300}
            onChange={(e) => setNote(e.target.value)}
            disabled={save.saved}
            placeholder="e.g. measured on machine 57, Nov 2026"
            data-testid="override-note"
          />
        </label>
      </div>
      {tried && !built.ok && (
        <p className="text-negative note" data-testid="override-error">
          {built.error}
        </p>
      )}
      {save.saved && save.jobId === null && <p className="note">Saved. There is no active snapshot: it applies at the next plan run.</p>}
      <JobProgress
        jobId={save.jobId}
        testId="override-job"
        label="Re-planning with the new rate"
        done={<SourceAfterSave label="rate source" source={row?.rateSource} fresh={fresh} />}
      />
    </Modal>
  );
}

export function BomOverrideDialog({ style, onClose }: DialogProps): ReactNode {
  const overrides = useOverrides();
  const save = useSave();
  const { row, loading, fresh } = useStyleRow(style, save.savedAt);
  const position = usePlanView('view.yarnPosition', {});
  const yarns = position.data?.rows;
  const yarnInfo = useMemo(() => new Map((yarns ?? []).map((y) => [y.yarnId, y.description])), [yarns]);
  const known = useMemo(() => new Set(yarnInfo.keys()), [yarnInfo]);
  const existing = overrides.data?.boms.find((b) => b.style === style);
  const [lines, setLines] = useState<BomLineDraft[] | null>(null);
  const [note, setNote] = useState<string | undefined>(undefined);
  const [tried, setTried] = useState(false);

  // Prefill once: the saved override's lines (exact fractions), else the resolved BOM of the style.
  const ready = overrides.status === 'ready' || overrides.status === 'error';
  useEffect(() => {
    if (lines !== null || !ready || loading) return;
    const initial = linesToDrafts(existing?.lines ?? row?.bomLines ?? []);
    setLines(initial.length ? initial : [{ yarnId: '', pct: '100' }]);
  }, [lines, ready, loading, existing, row]);

  // The lines arrive after the dialog opened: put the cursor in the first share then.
  const linesReady = lines !== null;
  useEffect(() => {
    if (linesReady) document.querySelector<HTMLInputElement>('[data-testid="override-bom-pct-0"]')?.focus();
  }, [linesReady]);

  const current = lines ?? [];
  const built = buildBomLines(current, known);
  const total = bomTotalPct(current);
  const totalOk = Math.abs(total - 100) <= BOM_TOTAL_TOLERANCE_PCT;
  const noteText = note ?? (existing?.note && existing.note !== 'planner override' ? existing.note : '');
  const setLine = (i: number, change: Partial<BomLineDraft>) => setLines(current.map((l, j) => (j === i ? { ...l, ...change } : l)));

  const submit = async () => {
    setTried(true);
    if (!built.ok || save.saved) return;
    const ok = await save.run(() => call('overrides.setBom', { style, lines: built.lines, ...noteInput(noteText) }));
    if (ok)
      toast(
        'success',
        `BOM of ${style} overridden`,
        `${built.lines.length} ${built.lines.length === 1 ? 'yarn' : 'yarns'}; the plan is being recomputed.`,
      );
  };
  const remove = async () => {
    const ok = await save.run(() => call('overrides.setBom', { style, lines: null }));
    if (ok) toast('success', `BOM override of ${style} removed`, 'The plan is being recomputed.');
  };

  return (
    <Modal
      testId="override-bom-dialog"
      wide
      title={`BOM of ${style}`}
      subtitle="The yarns of one lb of this style and their shares. A planner BOM replaces the ERP report and the BOM export for every order of the style."
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={save.busy}
      actions={
        <OverrideActions
          saved={save.saved}
          busy={save.busy}
          canSave={lines !== null}
          onClose={onClose}
          onRemove={existing ? () => void remove() : undefined}
        />
      }
    >
      <div className="override-facts">
        <Fact label="Now">
          <SourceBadge source={row?.bomSource ?? null} /> {row?.bomLines.length ? bomLinesText(row.bomLines) : 'no BOM'}
          {row?.bomAsOf && <span className="muted"> · as of {row.bomAsOf}</span>}
        </Fact>
      </div>
      {lines === null ? (
        <p className="note">Loading the style’s BOM…</p>
      ) : (
        <>
          <datalist id="override-bom-yarns">
            {(yarns ?? []).map((y) => (
              <option key={String(y.yarnId)} value={String(y.yarnId)}>
                {String(y.description ?? '')}
              </option>
            ))}
          </datalist>
          <table className="plain-table override-bom-table" data-testid="override-bom-lines">
            <thead>
              <tr>
                <th className="row-head">Yarn</th>
                <th style={{ textAlign: 'left' }}>Description</th>
                <th>Share (%)</th>
                <th aria-label="Remove" />
              </tr>
            </thead>
            <tbody>
              {current.map((l, i) => (
                <tr key={i}>
                  <td className="text">
                    <input
                      className="input override-bom-yarn"
                      list="override-bom-yarns"
                      value={l.yarnId}
                      onChange={(e) => setLine(i, { yarnId: e.target.value })}
                      disabled={save.saved}
                      aria-label={`Yarn of line ${i + 1}`}
                      data-testid={`override-bom-yarn-${i}`}
                    />
                  </td>
                  <td className="text muted override-bom-desc">
                    {yarnInfo.get(l.yarnId.trim()) ?? (l.yarnId.trim() && yarns ? 'not in the yarn inventory' : '')}
                  </td>
                  <td>
                    <input
                      className="input input-num override-bom-pct"
                      type="number"
                      min={0}
                      max={100}
                      step="any"
                      value={l.pct}
                      onChange={(e) => setLine(i, { pct: e.target.value })}
                      disabled={save.saved}
                      aria-label={`Share of line ${i + 1} in percent`}
                      data-testid={`override-bom-pct-${i}`}
                    />
                  </td>
                  <td className="text">
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost"
                      onClick={() => setLines(current.filter((_, j) => j !== i))}
                      disabled={save.saved || current.length === 1}
                      aria-label={`Remove line ${i + 1}`}
                      data-testid={`override-bom-remove-${i}`}
                    >
                      <Icon name="close" size={12} />
                    </button>
                  </td>
                </tr>
              ))}
              <tr className="total-row">
                <th className="row-head">
                  <button
                    type="button"
                    className="btn btn-sm"
                    onClick={() => setLines([...current, { yarnId: '', pct: '' }])}
                    disabled={save.saved}
                    data-testid="override-bom-add"
                  >
                    <Icon name="plus" size={12} /> Add yarn
                  </button>
                </th>
                <td className="text muted">
                  {totalOk ? 'Total' : `Total must be 100 % (${formatPct(100 - total)} ${total < 100 ? 'missing' : 'too much'})`}
                </td>
                <td className={totalOk ? 'override-total-ok' : 'neg'} data-testid="override-bom-total" data-ok={totalOk ? 'true' : 'false'}>
                  {formatPct(total)}
                </td>
                <td />
              </tr>
            </tbody>
          </table>
        </>
      )}
      <label className="field override-note">
        Note (why, source)
        <input
          className="input"
          value={noteText}
          maxLength={300}
          onChange={(e) => setNote(e.target.value)}
          disabled={save.saved}
          placeholder="e.g. new construction from the lab, Nov 2026"
          data-testid="override-note"
        />
      </label>
      {built.warnings.length > 0 && !save.saved && <p className="note note-warning">{built.warnings.join('; ')}</p>}
      {tried && !built.ok && (
        <p className="text-negative note" data-testid="override-error">
          {built.error}
        </p>
      )}
      {save.saved && save.jobId === null && <p className="note">Saved. There is no active snapshot: it applies at the next plan run.</p>}
      <JobProgress
        jobId={save.jobId}
        testId="override-job"
        label="Re-planning with the new BOM"
        done={<SourceAfterSave label="BOM source" source={row?.bomSource} fresh={fresh} />}
      />
    </Modal>
  );
}

/** The dialogs' buttons: Remove (when there is an override), Cancel, Save and re-plan; Close once saved. */
function OverrideActions(props: { saved: boolean; busy: boolean; canSave: boolean; onClose: () => void; onRemove?: () => void }) {
  if (props.saved)
    return (
      <button type="button" className="btn btn-primary" onClick={props.onClose} data-testid="override-close">
        Close
      </button>
    );
  return (
    <>
      {props.onRemove && (
        <button
          type="button"
          className="btn btn-danger override-remove-left"
          onClick={props.onRemove}
          disabled={props.busy}
          data-testid="override-remove"
        >
          <Icon name="trash" size={12} /> Remove override
        </button>
      )}
      <button type="button" className="btn" onClick={props.onClose} disabled={props.busy} data-testid="override-cancel">
        Cancel
      </button>
      <button type="submit" className="btn btn-primary" disabled={props.busy || !props.canSave} data-testid="override-save">
        {props.busy ? 'Saving…' : 'Save and re-plan'}
      </button>
    </>
  );
}
