// Schedule: the knit schedule as a Gantt (machines × days, by work center, coloured by status), the orders grid in
// step with it, the selected order's explanation with "Pin to…", unschedulable orders with their reason, and
// the late and at-risk orders. `#/schedule?koNumber=K2609021` selects an order and zooms to it. A bar dragged to
// another machine or day is pinned there (checked first, see shared/scheduleMove.ts); its menu opens what-ifs.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ScheduleView } from '../../../../shared/views';
import { DataGrid } from '../../components/DataGrid';
import { FilterChips } from '../../components/FilterChips';
import { Icon } from '../../components/Icon';
import { PrintActions } from '../../components/PrintActions';
import { Tabs } from '../../components/Tabs';
import { usePalette } from '../../components/usePalette';
import { formatNumber } from '../../lib/format';
import { xlsxExporter } from '../../lib/xlsx';
import { setHashParams, useHashParams } from '../../shell/useHashRoute';
import { usePlanView } from '../../stores/planStore';
import { PlanFrame } from '../plan/PlanFrame';
import { api } from '../../api';
import { confirmAction } from '../../components/ConfirmDialog';
import { useChannel } from '../../lib/useChannel';
import { WhatIfDialog } from '../whatif/WhatIfDialog';
import type { WhatIfAsk } from '../whatif/whatIf';
import { GanttChart, type BarDrop } from './GanttChart';
import { buildGantt, dayToIso } from './ganttModel';
import { OrderPanel } from './OrderPanel';
import {
  LATE_COLUMNS,
  legendCounts,
  ORDER_COLUMNS,
  UNSCHEDULABLE_COLUMNS,
  lateGridRow,
  orderGridRow,
  type LateGridRow,
  type OrderGridRow,
} from './scheduleColumns';
import './SchedulePage.css';

type Tab = 'gantt' | 'late' | 'atRisk' | 'unschedulable';
const TABS: Tab[] = ['gantt', 'late', 'atRisk', 'unschedulable'];

export function SchedulePage(): ReactNode {
  const view = usePlanView('view.schedule', {});
  const params = useHashParams();
  const tab: Tab = TABS.includes(params.tab as Tab) ? (params.tab as Tab) : 'gantt';
  return (
    <PlanFrame page="schedule" view={view} fill actions={<PrintActions report="machineSchedule" testId="schedule-report" />}>
      {(d) => <ScheduleBody d={d} tab={tab} koNumber={params.koNumber} workCenter={params.workCenter} />}
    </PlanFrame>
  );
}

const orderId = (r: { orderNo: string }) => r.orderNo;
type Unschedulable = ScheduleView['unschedulable'][number];

/** The outcome of the last drop on the board: refused (with the reason), re-planning, or pinned with the time taken. */
interface DropStatus {
  tone: 'refused' | 'pending' | 'done';
  text: string;
  /** Drop to re-planned board (ms), when done. */
  ms?: number;
}

function ScheduleBody({ d, tab, koNumber, workCenter }: { d: ScheduleView; tab: Tab; koNumber?: string; workCenter?: string }): ReactNode {
  const [allMachines, setAllMachines] = useState(true);
  const calendar = useChannel('schedule.calendar', { snapshotId: d.snapshotId }, [d.snapshotId, d.computedAt]);
  const [dropStatus, setDropStatus] = useState<DropStatus | null>(null);
  const pending = useRef<{ orderNo: string; machineId: string; start: string; t0: number } | null>(null);
  const [menu, setMenuState] = useState<{ order: ScheduleView['orders'][number]; x: number; y: number } | null>(null);
  /** The bar the menu was opened from: Esc gives it the focus back. */
  const menuOpener = useRef<HTMLElement | null>(null);
  const setMenu = (next: typeof menu) => {
    if (next) menuOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setMenuState(next);
  };
  const closeMenu = (refocus: boolean) => {
    setMenuState(null);
    if (refocus && menuOpener.current?.isConnected) menuOpener.current.focus();
    menuOpener.current = null;
  };
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button[role="menuitem"]')];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      closeMenu(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };
  const [whatIf, setWhatIf] = useState<WhatIfAsk | null>(null);
  const palette = usePalette();
  // A link (or a click in a grid) zooms the Gantt onto the order; a click on a bar only selects it.
  const [focusKey, setFocusKey] = useState(1);
  const model = useMemo(() => buildGantt(d, { allMachines, workCenter }), [d, allMachines, workCenter]);
  const selected = koNumber ? d.orders.find((o) => o.orderNo === koNumber) : undefined;
  const atRisk = useMemo(() => d.orders.filter((o) => o.late || o.materialShort).map(orderGridRow), [d.orders]);
  const gridRows = useMemo(
    () => (workCenter !== undefined ? d.orders.filter((o) => o.workCenter === workCenter) : d.orders).map(orderGridRow),
    [d.orders, workCenter],
  );
  const late = useMemo(() => d.late.map(lateGridRow), [d.late]);
  const counts = useMemo(() => legendCounts(d.orders), [d.orders]);

  const select = (orderNo: string, focus: boolean) => {
    setHashParams({ koNumber: orderNo });
    if (focus) setFocusKey((k) => k + 1);
  };
  // A pinned drop is done when the re-planned view shows the order on its new machine.
  useEffect(() => {
    const p = pending.current;
    if (!p) return;
    const o = d.orders.find((x) => x.orderNo === p.orderNo);
    const lost = d.unschedulable.find((u) => u.orderNo === p.orderNo);
    if (!o && lost) {
      pending.current = null;
      setDropStatus({
        tone: 'refused',
        text: `Pinned ${p.orderNo} to machine ${p.machineId}, but the re-plan could not schedule it: ${lost.message}`,
      });
      return;
    }
    if (!o || o.machineId !== p.machineId) return;
    pending.current = null;
    const ms = Math.round(performance.now() - p.t0);
    setDropStatus({
      tone: 'done',
      ms,
      text: `Pinned ${p.orderNo} to machine ${p.machineId} from ${p.start}: now ${o.plannedStart} → ${o.plannedFinish} · re-planned in ${formatNumber(ms / 1000, 1)} s`,
    });
  }, [d.orders, d.unschedulable]);

  const drop = async ({ order, machineId, dropDay, check }: BarDrop) => {
    if (check.verdict === 'refused') {
      setDropStatus({ tone: 'refused', text: check.message });
      return;
    }
    if (check.verdict === 'warning' && !(await confirmAction({ title: 'WC mismatch', message: check.message, confirmLabel: 'Pin anyway' }))) {
      setDropStatus({ tone: 'refused', text: `Not pinned: ${check.message}` });
      return;
    }
    const t0 = performance.now();
    setDropStatus({ tone: 'pending', text: `Pinning ${order.orderNo} to machine ${machineId}… re-planning` });
    const r = await api.invoke('schedule.move', {
      orderNo: order.orderNo,
      machineId,
      start: dayToIso(dropDay),
      acceptWcMismatch: check.verdict === 'warning',
      snapshotId: d.snapshotId,
    });
    if (!r.ok) {
      setDropStatus({ tone: 'refused', text: r.error.message });
      return;
    }
    pending.current = { orderNo: order.orderNo, machineId, start: r.data.start, t0 };
    select(order.orderNo, false);
  };

  const openInGantt = (r: { orderNo: string }) => {
    setHashParams({ tab: undefined, koNumber: orderId(r) });
    setFocusKey((k) => k + 1);
  };

  return (
    <>
      <Tabs<Tab>
        testId="schedule-tabs"
        current={tab}
        onChange={(t) => setHashParams({ tab: t === 'gantt' ? undefined : t })}
        tabs={[
          { id: 'gantt', label: 'Gantt', count: d.orders.length },
          { id: 'late', label: 'Late orders', count: d.late.length, countTone: d.late.length ? 'critical' : undefined },
          { id: 'atRisk', label: 'At risk', count: atRisk.length, countTone: atRisk.length ? 'warning' : undefined },
          { id: 'unschedulable', label: 'Unschedulable', count: d.unschedulable.length, countTone: d.unschedulable.length ? 'critical' : undefined },
        ]}
        extra={
          tab === 'gantt' && (
            <span className="gantt-legend" data-testid="schedule-legend">
              <span className="gantt-swatch" style={{ background: palette.low }} /> on time {counts.onTime}
              <span className="gantt-swatch" style={{ background: palette.critical }} /> late {counts.late}
              <span className="gantt-swatch" style={{ background: palette.medium }} /> material short {counts.materialShort}
              <span className="gantt-swatch" style={{ border: `1.5px solid ${palette.critical}` }} /> outline: short and late {counts.lateAndShort}
              {counts.pinned > 0 && (
                <>
                  <Icon name="pin" size={12} /> pinned {counts.pinned}
                </>
              )}
            </span>
          )
        }
      />
      {tab === 'gantt' && (
        <div className="split schedule-split">
          <div className="split-main schedule-main">
            <section className="panel schedule-gantt-panel">
              <div className="panel-header gantt-toolbar">
                <span className="note num">
                  {formatNumber(model.bars.length)} orders on {formatNumber(model.rows.length)} machines · line = as of {d.asOf} · drag a bar to pin
                  it · right-click for what-ifs
                </span>
                <div className="panel-actions">
                  {workCenter !== undefined && (
                    <FilterChips
                      testId="schedule-wc-filter"
                      chips={[{ id: 'wc', label: `WC ${workCenter || '(none)'}`, count: model.rows.length, band: 'info' }]}
                      selected={['wc']}
                      onChange={() => setHashParams({ workCenter: undefined })}
                    />
                  )}
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={allMachines}
                      onChange={(e) => setAllMachines(e.target.checked)}
                      data-testid="schedule-all-machines"
                    />
                    Idle machines too ({formatNumber(d.machines.length)})
                  </label>
                </div>
              </div>
              <div className="gantt-body">
                <GanttChart
                  model={model}
                  asOf={d.asOf}
                  selectedOrder={koNumber}
                  onSelect={(o) => select(o, false)}
                  focusKey={focusKey}
                  calendar={calendar.data}
                  onDrop={(x) => void drop(x)}
                  onMenu={(order, x, y) => setMenu({ order, x, y })}
                  status={
                    dropStatus && (
                      <span
                        className={`gantt-drop gantt-drop-${dropStatus.tone}`}
                        data-testid="schedule-drop-status"
                        data-tone={dropStatus.tone}
                        data-ms={dropStatus.ms}
                      >
                        {dropStatus.text}
                      </span>
                    )
                  }
                />
              </div>
              {menu && (
                <div
                  className="gantt-menu-overlay"
                  onMouseDown={() => closeMenu(false)}
                  onContextMenu={(e) => (e.preventDefault(), closeMenu(false))}
                >
                  <div
                    className="gantt-menu"
                    role="menu"
                    style={{ left: menu.x, top: menu.y }}
                    data-testid="gantt-menu"
                    data-order={menu.order.orderNo}
                    onMouseDown={(e) => e.stopPropagation()}
                    onKeyDown={onMenuKey}
                    ref={(el) => {
                      // opened: the focus goes to its first item (once), so the keyboard can choose
                      if (el && !el.contains(document.activeElement)) el.querySelector<HTMLButtonElement>('button')?.focus();
                    }}
                  >
                    <div className="gantt-menu-title">
                      {menu.order.orderNo} · machine {menu.order.machineId}
                    </div>
                    {(
                      [
                        ['details', 'Details and pin…', () => select(menu.order.orderNo, false)],
                        [
                          'order-moves',
                          'What if this order moves…',
                          () => setWhatIf({ kind: 'orderMoves', orderNo: menu.order.orderNo, plannedStart: menu.order.plannedStart }),
                        ],
                        [
                          'machine-down',
                          `What if machine ${menu.order.machineId} is down…`,
                          () => setWhatIf({ kind: 'machineDown', machineId: menu.order.machineId, asOf: d.asOf }),
                        ],
                      ] as const
                    ).map(([id, label, act]) => (
                      <button
                        key={id}
                        type="button"
                        role="menuitem"
                        data-testid={`gantt-menu-${id}`}
                        onClick={() => {
                          act();
                          closeMenu(false);
                        }}
                      >
                        {label}
                      </button>
                    ))}
                  </div>
                </div>
              )}
              {whatIf && <WhatIfDialog ask={whatIf} onClose={() => setWhatIf(null)} />}
            </section>
            <section className="panel panel-fill schedule-orders">
              <DataGrid<OrderGridRow>
                testId="schedule-grid"
                title="Orders"
                rows={gridRows}
                columns={ORDER_COLUMNS}
                rowSelection="single"
                getRowId={orderId}
                selectedRowId={koNumber ?? ''}
                onRowClicked={(r) => select(orderId(r), true)}
                getRowClass={(r) => (r.late ? 'row-late' : undefined)}
                exportFileName={`knit-schedule-${d.asOf}`}
                onExportXlsx={xlsxExporter(`knit-schedule-${d.asOf}`, 'Schedule')}
              />
            </section>
          </div>
          <aside className="schedule-side">
            {selected ? (
              <OrderPanel
                key={koNumber}
                order={selected}
                view={d}
                onClose={() => setHashParams({ koNumber: undefined })}
                onSelect={(o) => select(o, true)}
              />
            ) : (
              <p className="note schedule-hint">
                {koNumber ? `Order ${koNumber} is not on the schedule (see Unschedulable). ` : ''}Click a bar or an order to see why it sits where it
                is, the orders ahead of it and its yarns, and to pin it to another machine.
              </p>
            )}
            <section className="panel unschedulable-panel" data-testid="schedule-unschedulable">
              <div className="panel-header">
                <h3 className="panel-title">Unschedulable</h3>
                <span className="panel-subtitle">{d.unschedulable.length} orders</span>
              </div>
              {d.unschedulable.length === 0 ? (
                <p className="note unschedulable-empty">Every order with a rate found a machine.</p>
              ) : (
                <ul className="unschedulable-list">
                  {d.unschedulable.map((u) => (
                    <li key={u.orderNo}>
                      <div>
                        <b>{u.orderNo}</b> <span className="muted">style {u.style}</span>{' '}
                        <span className="num">{formatNumber(u.balanceLbs)} lbs</span>
                      </div>
                      <div className="note">
                        <span className="reason-code">{u.reason}</span> {u.message}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </aside>
        </div>
      )}
      {tab === 'late' && (
        <section className="panel panel-fill grow">
          <DataGrid<LateGridRow>
            testId="schedule-late-grid"
            title="Late orders: finish after the quoted date"
            rows={late}
            columns={LATE_COLUMNS}
            rowSelection="single"
            onRowDoubleClicked={openInGantt}
            exportFileName={`late-orders-${d.asOf}`}
            onExportXlsx={xlsxExporter(`late-orders-${d.asOf}`, 'Late orders')}
            toolbar={<span className="note">double-click to show on the Gantt</span>}
            emptyMessage="No order finishes after its quoted date"
          />
        </section>
      )}
      {tab === 'atRisk' && (
        <section className="panel panel-fill grow">
          <DataGrid<OrderGridRow>
            testId="schedule-risk-grid"
            title="At risk: late or short of yarn"
            rows={atRisk}
            columns={ORDER_COLUMNS}
            rowSelection="single"
            onRowDoubleClicked={openInGantt}
            exportFileName={`orders-at-risk-${d.asOf}`}
            onExportXlsx={xlsxExporter(`orders-at-risk-${d.asOf}`, 'At risk')}
            toolbar={<span className="note">double-click to show on the Gantt</span>}
          />
        </section>
      )}
      {tab === 'unschedulable' && (
        <section className="panel panel-fill grow">
          <DataGrid<Unschedulable>
            testId="schedule-unschedulable-grid"
            title="Orders that could not be scheduled"
            rows={d.unschedulable}
            columns={UNSCHEDULABLE_COLUMNS}
            exportFileName={`unschedulable-${d.asOf}`}
            onExportXlsx={xlsxExporter(`unschedulable-${d.asOf}`, 'Unschedulable')}
            emptyMessage="Every order found a machine"
          />
        </section>
      )}
    </>
  );
}
