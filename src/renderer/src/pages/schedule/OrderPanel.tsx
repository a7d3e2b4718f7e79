// The selected order explained: machine and work center, dates, lateness and why, the orders ahead of it on the
// machine, its yarns (short ones link to the yarn), and "Pin to…" (a machine of the style's work center, or of the
// same build in another work center with a WC-mismatch warning to confirm — the board's drop rules,
// shared/scheduleMove.ts — and an optional start) / Unpin. Pinning re-plans.
import { useState, type ReactNode } from 'react';
import type { ScheduledOrderRow, ScheduleView } from '../../../../shared/views';
import { call } from '../../api';
import { Chip } from '../../components/Chip';
import { Icon } from '../../components/Icon';
import { confirmAction } from '../../components/ConfirmDialog';
import { formatDays, formatNumber, ISO_DATE_INPUT } from '../../lib/format';
import { machineBuild } from '../../../../shared/scheduleMove';
import { navigate } from '../../shell/useHashRoute';
import { toast } from '../../stores/toastStore';
import { WhatIfDialog } from '../whatif/WhatIfDialog';
import type { WhatIfAsk } from '../whatif/whatIf';
import { ordersAhead } from './ganttModel';

const STATUS_BAND = { 'on time': 'low', late: 'critical', 'material short': 'medium' } as const;

/** An order's yarns with a note for the short ones ("short 2026-11-16", "short-during 2026-11-23"). */
export function yarnNotes(order: Pick<ScheduledOrderRow, 'yarns'>): { yarnId: string; note?: string }[] {
  return order.yarns.map((y) =>
    y.status === 'ok' ? { yarnId: y.yarnId } : { yarnId: y.yarnId, note: [y.status, y.firstShortWeek].filter(Boolean).join(' ') },
  );
}

interface OrderPanelProps {
  order: ScheduledOrderRow;
  view: ScheduleView;
  onClose: () => void;
  onSelect: (orderNo: string) => void;
}

export function OrderPanel({ order, view, onClose, onSelect }: OrderPanelProps): ReactNode {
  const orderNo = order.orderNo;
  const pinned = order.assignment === 'pinned';
  const wc = order.workCenter;
  const styleWc = order.styleWorkCenter;
  const build = machineBuild(styleWc);
  // the style's machines, then the same build in other work centers (WC mismatch), and always the current one
  const machines = view.machines
    .filter(
      (m) =>
        m.machineId === order.machineId || (styleWc !== '' && (m.workCenter === styleWc || (build !== null && machineBuild(m.workCenter) === build))),
    )
    .map((m) => ({ machineId: m.machineId, workCenter: m.workCenter, mismatch: m.workCenter !== styleWc }))
    .sort((a, b) => Number(a.mismatch) - Number(b.mismatch));
  const [machine, setMachine] = useState(order.machineId);
  const [start, setStart] = useState('');
  const [busy, setBusy] = useState(false);
  const [whatIf, setWhatIf] = useState<WhatIfAsk | null>(null);
  const ahead = ordersAhead(view.orders, order);
  const late = view.late.find((l) => l.orderNo === orderNo);
  const yarns = yarnNotes(order);
  const status = order.status;

  const pin = async () => {
    const target = machines.find((m) => m.machineId === machine);
    // the main process checks a new machine by the board's rules and takes a WC mismatch only when confirmed here;
    // the order's current machine is not a move
    const mismatch = target?.mismatch === true && target.machineId !== order.machineId;
    if (
      target &&
      mismatch &&
      !(await confirmAction({
        title: 'WC mismatch',
        message: `Machine ${target.machineId} is WC ${target.workCenter || 'none'}; style ${order.style} needs WC ${styleWc || 'none'} (same build, another type).`,
        confirmLabel: 'Pin anyway',
      }))
    )
      return;
    if (start && !/^\d{4}-\d{2}-\d{2}$/.test(start)) {
      toast('error', 'Start date', 'Enter the start as YYYY-MM-DD, or leave it empty.');
      return;
    }
    setBusy(true);
    const r = await call('schedule.pin', {
      orderNo,
      ...(machine ? { machineId: machine } : {}),
      ...(start ? { start } : {}),
      ...(mismatch ? { acceptWcMismatch: true } : {}),
    });
    setBusy(false);
    if (r)
      toast(
        'info',
        `Pinning ${orderNo}${machine ? ` to machine ${machine}` : ''}${r.start ? ` from ${r.start}` : ''}`,
        'The schedule is being recomputed.',
      );
  };
  const unpin = async () => {
    setBusy(true);
    const r = await call('schedule.unpin', { orderNo });
    setBusy(false);
    if (r) toast('info', `Unpinning ${orderNo}`, 'The schedule is being recomputed.');
  };

  return (
    <section className="panel order-panel" data-testid="schedule-order" data-order={orderNo}>
      <div className="panel-header">
        <div className="yarn-detail-title">
          <h3 className="panel-title">
            {orderNo} <Chip band={STATUS_BAND[status]}>{status.toUpperCase()}</Chip>
            {pinned && (
              <span className="pinned-mark" title="Pinned by a planner">
                <Icon name="pin" size={12} /> pinned
              </span>
            )}
          </h3>
          <span className="panel-subtitle">style {order.style}</span>
        </div>
        <div className="panel-actions">
          <button type="button" className="btn btn-sm btn-ghost" onClick={onClose} aria-label="Clear the selection">
            <Icon name="close" size={14} />
          </button>
        </div>
      </div>
      <div className="order-body">
        <dl className="kv">
          <dt>Machine</dt>
          <dd>
            {order.machineId} · WC {wc || '(none)'} <span className="muted">({order.assignment})</span>
          </dd>
          <dt>Quantity</dt>
          <dd>
            {formatNumber(order.balanceLbs)} lbs at {formatNumber(order.rateLbsPerDay)} lbs/day ({order.rateSource})
          </dd>
          <dt>Knitting</dt>
          <dd>{formatNumber(order.knitDays, 1)} days</dd>
          <dt>Start → finish</dt>
          <dd>
            {order.plannedStart} → {order.plannedFinish}
          </dd>
          <dt>Quoted</dt>
          <dd>
            {order.quotedDate ?? '–'}
            {order.latenessDays !== null && (
              <span className={order.latenessDays > 0 ? 'text-negative' : 'text-positive'}>
                {' '}
                · {order.latenessDays > 0 ? `${formatDays(order.latenessDays)} late` : `${formatDays(-order.latenessDays)} early`}
              </span>
            )}
          </dd>
        </dl>
        {(order.why || late?.why) && <p className={order.late ? 'why why-critical' : 'why'}>{order.why ?? late?.why}</p>}
        <div>
          <h4 className="section-title">
            Yarns <span className="muted">{yarns.some((y) => y.note) ? 'short ones in red' : ''}</span>
          </h4>
          <div className="yarn-chips">
            {yarns.length === 0 && <span className="note">none listed</span>}
            {yarns.map((y) => (
              <button
                key={y.yarnId}
                type="button"
                className={y.note ? 'yarn-chip short' : 'yarn-chip'}
                onClick={() => navigate('yarn', { yarnId: y.yarnId })}
                title={y.note ? `Yarn ${y.yarnId}: ${y.note}` : `Open yarn ${y.yarnId}`}
              >
                {y.yarnId}
                {y.note && <span className="yarn-chip-note"> {y.note}</span>}
              </button>
            ))}
          </div>
        </div>
        <div>
          <h4 className="section-title">
            Ahead on machine {order.machineId} <span className="muted">{ahead.length} orders</span>
          </h4>
          {ahead.length === 0 ? (
            <p className="note">Nothing ahead: it starts as soon as the machine and its yarn allow.</p>
          ) : (
            <ul className="ahead-list">
              {ahead.slice(0, 8).map((a) => (
                <li key={a.orderNo}>
                  <button type="button" className="link-button" onClick={() => onSelect(a.orderNo)}>
                    {a.orderNo}
                  </button>{' '}
                  <span className="num muted">
                    {a.plannedStart} → {a.plannedFinish} · {formatNumber(a.balanceLbs)} lbs
                  </span>
                </li>
              ))}
              {ahead.length > 8 && <li className="muted">and {ahead.length - 8} more</li>}
            </ul>
          )}
          {late && late.ahead.length > 0 && (
            <p className="note">Service: ahead of it {late.ahead.map((a) => `${a.orderNo} (${formatNumber(a.days, 1)} d)`).join(', ')}</p>
          )}
        </div>
        <form
          className="pin-form"
          data-testid="schedule-pin-form"
          onSubmit={(e) => {
            e.preventDefault();
            void pin();
          }}
        >
          <h4 className="section-title">Pin to…</h4>
          <p className="note pin-hint">
            {machines.length > 1
              ? `The machines of the style's WC ${styleWc || '(none)'}${machines.some((m) => m.mismatch && m.machineId !== order.machineId) ? ', then the same build in other WCs (⚠ WC mismatch)' : ''}; the start date is optional. Or drag its bar on the board.`
              : `Machine ${order.machineId} is the only one for WC ${styleWc || wc || '(none)'}: pin the start date.`}
          </p>
          <div className="pin-fields">
            <label className="field">
              Machine
              <select className="select" value={machine} onChange={(e) => setMachine(e.target.value)} data-testid="schedule-pin-machine">
                {machines.map((m) => (
                  <option key={m.machineId} value={m.machineId}>
                    {m.machineId}
                    {m.mismatch ? ` ⚠ WC mismatch (${m.workCenter || 'no WC'})` : ''}
                    {m.machineId === order.machineId ? ' (current)' : ''}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              Start (optional)
              <input
                className="input"
                {...ISO_DATE_INPUT}
                value={start}
                onChange={(e) => setStart(e.target.value)}
                data-testid="schedule-pin-start"
              />
            </label>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="schedule-pin">
              <Icon name="pin" size={12} /> Pin and re-plan
            </button>
            {pinned && (
              <button type="button" className="btn" onClick={() => void unpin()} disabled={busy} data-testid="schedule-unpin">
                Unpin
              </button>
            )}
          </div>
        </form>
        <div className="whatif-actions">
          <h4 className="section-title">What if…</h4>
          <button
            type="button"
            className="btn btn-sm"
            data-testid="schedule-whatif-order-moves"
            onClick={() => setWhatIf({ kind: 'orderMoves', orderNo, plannedStart: order.plannedStart })}
          >
            this order moves
          </button>{' '}
          <button
            type="button"
            className="btn btn-sm"
            data-testid="schedule-whatif-machine-down"
            onClick={() => setWhatIf({ kind: 'machineDown', machineId: order.machineId, asOf: view.asOf })}
          >
            machine {order.machineId} is down
          </button>
        </div>
      </div>
      {whatIf && <WhatIfDialog ask={whatIf} onClose={() => setWhatIf(null)} />}
    </section>
  );
}
