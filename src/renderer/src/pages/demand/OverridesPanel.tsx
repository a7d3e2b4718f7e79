// The planner's BOM and rate overrides in force (Demand › BOM & rate sources): what each one sets, since when and
// why, with Edit (the same dialogs) and Remove (re-plans; the progress shows here).
import { useState, type ReactNode } from 'react';
import { call } from '../../api';
import { Chip } from '../../components/Chip';
import { confirmAction } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { JobProgress } from '../../components/JobProgress';
import { formatNumber } from '../../lib/format';
import { toast } from '../../stores/toastStore';
import { openBomOverride, openRateOverride, useOverrides } from './OverrideDialogs';

interface Line {
  kind: 'rate' | 'bom';
  style: string;
  value: string;
  asOf: string;
  note?: string;
}

export function OverridesPanel(): ReactNode {
  const overrides = useOverrides();
  const [jobId, setJobId] = useState<string | null | undefined>(undefined);
  const [removing, setRemoving] = useState<string | undefined>(undefined);
  const data = overrides.data;
  const lines: Line[] = [
    ...(data?.rates ?? []).map((r) => ({
      kind: 'rate' as const,
      style: r.style,
      value: `${formatNumber(r.lbsPerDay, 1)} lbs/day`,
      asOf: r.asOf,
      note: r.note,
    })),
    ...(data?.boms ?? []).map((b) => ({
      kind: 'bom' as const,
      style: b.style,
      value: b.lines.map((l) => `${l.yarnId} ${formatNumber(l.fraction * 100, 2)}%`).join(', '),
      asOf: b.asOf,
      note: b.note,
    })),
  ].sort((a, b) => a.style.localeCompare(b.style) || a.kind.localeCompare(b.kind));

  const remove = async (l: Line) => {
    const what = l.kind === 'rate' ? 'knitting rate' : 'BOM';
    const ok = await confirmAction({
      title: `Remove the ${what} override of ${l.style}?`,
      message: `${l.value} is dropped: the style goes back to its ${what} from the ERP exports. The plan is recomputed.`,
      confirmLabel: 'Remove',
      danger: true,
    });
    if (!ok) return;
    setRemoving(`${l.kind}:${l.style}`);
    const r =
      l.kind === 'rate'
        ? await call('overrides.setRate', { style: l.style, lbsPerDay: null })
        : await call('overrides.setBom', { style: l.style, lines: null });
    setRemoving(undefined);
    if (!r) return;
    setJobId(r.jobId);
    toast('success', `${l.kind === 'rate' ? 'Rate' : 'BOM'} override of ${l.style} removed`, 'The plan is being recomputed.');
    overrides.reload();
  };

  return (
    <section className="overrides-panel" data-testid="demand-overrides" data-count={lines.length}>
      <div className="overrides-head">
        <h3 className="section-title">
          Planner overrides <span className="muted">{lines.length}</span>
        </h3>
        <span className="note">
          {lines.length === 0
            ? 'None: every BOM and knitting rate comes from the ERP exports. Use “Override rate…” or “Override BOM…” on a style below.'
            : 'They replace the ERP sources for every order of the style, in the base plan and in every scenario.'}
        </span>
        <JobProgress jobId={jobId} testId="demand-overrides-job" label="Re-planning" />
      </div>
      {lines.length > 0 && (
        <div className="plain-table-wrap overrides-table-wrap">
          <table className="plain-table overrides-table" data-testid="demand-overrides-table">
            <thead>
              <tr>
                <th className="row-head">Style</th>
                <th style={{ textAlign: 'left' }}>Override</th>
                <th style={{ textAlign: 'left' }}>Value</th>
                <th style={{ textAlign: 'left' }}>Since</th>
                <th style={{ textAlign: 'left' }}>Note</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={`${l.kind}:${l.style}`} data-testid={`demand-override-${l.kind}-${l.style}`}>
                  <th className="row-head">{l.style}</th>
                  <td className="text">
                    <Chip band="info">{l.kind === 'rate' ? 'rate' : 'BOM'}</Chip>
                  </td>
                  <td className="text num">{l.value}</td>
                  <td className="text">{l.asOf}</td>
                  <td className="text muted">{l.note ?? ''}</td>
                  <td className="text overrides-actions">
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost"
                      onClick={() => (l.kind === 'rate' ? openRateOverride(l.style) : openBomOverride(l.style))}
                      data-testid="demand-override-edit"
                    >
                      <Icon name="edit" size={12} /> Edit…
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost btn-danger"
                      onClick={() => void remove(l)}
                      disabled={removing !== undefined}
                      data-testid="demand-override-remove"
                    >
                      <Icon name="trash" size={12} /> Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
