// The schedule board: machines (grouped by work center) × days, one bar per order coloured by status and labelled
// "order · style" when wide enough. Only the rows in view (plus a few) are in the DOM, so all ~300 machines scroll
// smoothly; the date header and the machine labels stay put. Zoom: fit the whole schedule, by week, +/−.
// Drag a bar onto a machine and a day to pin it there: while dragging, the ghost says whether the drop is allowed
// (green), needs a WC-mismatch confirmation (amber) or is refused and why (red); the bar itself only moves once
// the re-planned schedule arrives. Right-click a bar for its menu (what-if scenarios), or Tab to it and press Enter.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type PointerEvent as ReactPointerEvent } from 'react';
import { fromDayNumber, toDayNumber } from '../../../../shared/dates';
import type { BoardCalendar, MoveCheck } from '../../../../shared/scheduleMove';
import type { ScheduledOrderRow } from '../../../../shared/views';
import { usePalette } from '../../components/usePalette';
import { formatNumber, shortDate } from '../../lib/format';
import {
  barsByRow,
  boardSpan,
  checkBarDrop,
  clampZoom,
  dropPoint,
  fitPxPerDay,
  HEADER_PX,
  LABEL_MIN_PX,
  LABEL_PX,
  ROW_PX,
  visibleRows,
  WEEK_PX_PER_DAY,
  weekTicks,
  type GanttModel,
  type GanttStatus,
} from './ganttModel';

export interface BarDrop {
  order: ScheduledOrderRow;
  machineId: string;
  /** The drop day (day number) before snapping. */
  dropDay: number;
  check: MoveCheck;
}

interface GanttChartProps {
  model: GanttModel;
  asOf: string;
  selectedOrder?: string;
  onSelect: (orderNo: string) => void;
  /** Bump to scroll onto the selected order (e.g. after a link or a grid click). */
  focusKey?: number;
  /** The plant calendar drops are snapped to; without it, dragging is off. */
  calendar?: BoardCalendar;
  onDrop?: (drop: BarDrop) => void;
  onMenu?: (order: ScheduledOrderRow, clientX: number, clientY: number) => void;
  /** Shown at the right of the zoom bar (the last drop's outcome). */
  status?: ReactNode;
}

interface Drag {
  orderIdx: number;
  pointerId: number;
  startX: number;
  startY: number;
  grabOffsetDays: number;
  moving: boolean;
  row: number;
  day: number;
  check: MoveCheck | null;
}

const STATUS_KEY: Record<GanttStatus, 'low' | 'critical' | 'medium'> = { 'on time': 'low', late: 'critical', 'material short': 'medium' };

export function GanttChart({ model, asOf, selectedOrder, onSelect, focusKey, calendar, onDrop, onMenu, status }: GanttChartProps): ReactNode {
  const palette = usePalette();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ width: 800, height: 400 });
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const asOfDay = toDayNumber(asOf);
  const { fromDay, toDay } = boardSpan(model, asOfDay);
  const [pxPerDay, setPxPerDay] = useState(WEEK_PX_PER_DAY);
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  dragRef.current = drag;
  const rows = useMemo(() => barsByRow(model), [model]);
  const selected = useMemo(() => model.orders.findIndex((o) => o.orderNo === selectedOrder), [model.orders, selectedOrder]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setViewport({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Open on the as-of date (a week before it in view).
  const opened = useRef(false);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || opened.current) return;
    opened.current = true;
    el.scrollLeft = Math.max(0, (asOfDay - 7 - fromDay) * pxPerDay);
  }, [asOfDay, fromDay, pxPerDay]);

  // Scroll onto the selected order when asked to.
  const lastFocus = useRef<number | undefined>(undefined);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || focusKey === lastFocus.current || selected < 0) return;
    lastFocus.current = focusKey;
    const bar = model.bars.find((b) => b.order === selected);
    if (!bar) return;
    el.scrollTop = Math.max(0, bar.row * ROW_PX - el.clientHeight / 2);
    el.scrollLeft = Math.max(0, (bar.start - fromDay) * pxPerDay - (el.clientWidth - LABEL_PX) / 4);
  }, [focusKey, selected, model.bars, fromDay, pxPerDay]);

  const zoomTo = (next: number, anchorDay?: number) => {
    const el = scrollRef.current;
    const px = clampZoom(next);
    const centre = anchorDay ?? fromDay + (scroll.left + (viewport.width - LABEL_PX) / 2) / pxPerDay;
    setPxPerDay(px);
    requestAnimationFrame(() => {
      if (el) el.scrollLeft = Math.max(0, (centre - fromDay) * px - (viewport.width - LABEL_PX) / 2);
    });
  };
  const zoomFit = () => {
    setPxPerDay(fitPxPerDay(viewport.width - LABEL_PX - 4, toDay - fromDay));
    requestAnimationFrame(() => scrollRef.current && (scrollRef.current.scrollLeft = 0));
  };

  const days = toDay - fromDay;
  const contentWidth = LABEL_PX + days * pxPerDay;
  const contentHeight = HEADER_PX + model.rows.length * ROW_PX;
  const { first, last } = visibleRows(scroll.top, viewport.height, model.rows.length);
  const xOf = (day: number) => LABEL_PX + (day - fromDay) * pxPerDay;
  const visibleFromDay = fromDay + scroll.left / pxPerDay - 1;
  const visibleToDay = fromDay + (scroll.left + viewport.width) / pxPerDay + 1;
  const ticks = weekTicks(fromDay, toDay, pxPerDay);

  const contentPoint = (clientX: number, clientY: number) => {
    const el = scrollRef.current!;
    const rect = el.getBoundingClientRect();
    return { x: clientX - rect.left + el.scrollLeft, y: clientY - rect.top + el.scrollTop };
  };

  const onBarPointerDown = (e: ReactPointerEvent<HTMLDivElement>, orderIdx: number, barStart: number) => {
    if (e.button !== 0) return;
    const p = contentPoint(e.clientX, e.clientY);
    const grab = fromDay + (p.x - LABEL_PX) / pxPerDay - barStart;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({
      orderIdx,
      pointerId: e.pointerId,
      startX: e.clientX,
      startY: e.clientY,
      grabOffsetDays: grab,
      moving: false,
      row: -1,
      day: 0,
      check: null,
    });
  };
  const onBarPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = dragRef.current;
    if (!d || d.pointerId !== e.pointerId || !calendar || !onDrop) return;
    if (!d.moving && Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < 5) return;
    const el = scrollRef.current!;
    const rect = el.getBoundingClientRect();
    // Scroll along when the pointer nears an edge.
    if (e.clientY > rect.bottom - 24) el.scrollTop += ROW_PX;
    else if (e.clientY < rect.top + HEADER_PX + 12) el.scrollTop -= ROW_PX;
    const p = contentPoint(e.clientX, e.clientY);
    const { row, day } = dropPoint(p.x, p.y, d.grabOffsetDays, fromDay, pxPerDay, model.rows.length);
    if (d.moving && row === d.row && day === d.day) return;
    setDrag({ ...d, moving: true, row, day, check: checkBarDrop(model, d.orderIdx, row, day, calendar) });
  };
  const onBarPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = dragRef.current;
    if (!d || d.pointerId !== e.pointerId) return;
    setDrag(null);
    const order = model.orders[d.orderIdx];
    if (!d.moving || !d.check) {
      onSelect(order.orderNo);
      return;
    }
    onDrop?.({ order, machineId: model.rows[d.row].machineId, dropDay: d.day, check: d.check });
  };

  const renderBar = (b: GanttModel['bars'][number]) => {
    if (b.end < visibleFromDay || b.start > visibleToDay) return null;
    const o = model.orders[b.order];
    const left = xOf(b.start);
    const width = Math.max(3, (b.end - b.start) * pxPerDay);
    const isSel = b.order === selected;
    const dragging = drag?.moving && drag.orderIdx === b.order;
    const classes = ['gantt-bar', `gantt-bar-${STATUS_KEY[b.status]}`];
    if (isSel) classes.push('selected');
    if (o.assignment === 'pinned') classes.push('pinned');
    if (o.late && b.status !== 'late') classes.push('late-outline');
    if (dragging) classes.push('dragging');
    return (
      <div
        key={b.order}
        className={classes.join(' ')}
        style={{ left, width, background: palette[STATUS_KEY[b.status]] }}
        data-testid="gantt-bar"
        data-order={o.orderNo}
        data-machine={o.machineId}
        data-style-wc={o.styleWorkCenter}
        data-start={o.plannedStart}
        title={`${o.orderNo} · style ${o.style}${o.assignment === 'pinned' ? ' · pinned' : ''}\nMachine ${o.machineId} (WC ${o.workCenter || 'none'}) · ${o.status}\n${formatNumber(o.balanceLbs)} lbs · ${formatNumber(o.knitDays, 1)} knitting days\n${o.plannedStart} → ${o.plannedFinish}${o.quotedDate ? ` · quoted ${o.quotedDate}` : ''}\nDrag to another machine or day to pin it · right-click (or Enter) for what-ifs`}
        onPointerDown={(e) => onBarPointerDown(e, b.order, b.start)}
        onPointerMove={onBarPointerMove}
        onPointerUp={onBarPointerUp}
        onPointerCancel={() => setDrag(null)}
        onContextMenu={(e) => {
          e.preventDefault();
          onMenu?.(o, e.clientX, e.clientY);
        }}
        tabIndex={0}
        role="button"
        aria-haspopup="menu"
        aria-label={`${o.orderNo}, style ${o.style}, machine ${o.machineId}, ${o.plannedStart} to ${o.plannedFinish}, ${o.status}`}
        onKeyDown={(e) => {
          // the keyboard's way to the bar's menu (Enter, Space, the menu key or Shift+F10), under the bar
          if (e.key === 'Enter' || e.key === ' ' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
            e.preventDefault();
            const r = e.currentTarget.getBoundingClientRect();
            onMenu?.(o, r.left, r.bottom + 2);
          }
        }}
      >
        {width >= LABEL_MIN_PX && (
          <span className="gantt-bar-label">
            {o.orderNo} · {o.style}
          </span>
        )}
      </div>
    );
  };

  const ghost = drag?.moving && drag.check ? drag : null;
  const ghostBar = ghost ? model.bars.find((b) => b.order === ghost.orderIdx) : undefined;
  const ghostStart = ghost ? (ghost.check!.startDay ?? ghost.day) : 0;
  const ghostTone = ghost ? ghost.check!.verdict : 'ok';

  const rowEls: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    const r = model.rows[i];
    rowEls.push(
      <div
        key={r.machineId}
        className={`gantt-row${r.band ? ' band' : ''}${ghost && ghost.row === i ? ` drop-${ghostTone}` : ''}`}
        style={{ top: HEADER_PX + i * ROW_PX, width: contentWidth }}
        data-testid="gantt-row"
        data-machine={r.machineId}
        data-wc={r.workCenter}
        data-row={i}
      >
        <div className="gantt-label" title={`Machine ${r.machineId} · WC ${r.workCenter || 'none'} · ${r.orders} orders`}>
          <span className="gantt-label-wc">{r.workCenter || '(no WC)'}</span> <b>{r.machineId}</b>
        </div>
        {rows[i].map(renderBar)}
      </div>,
    );
  }

  return (
    <div className="gantt-board" data-testid="schedule-gantt" data-ready="true" data-rows={model.rows.length} data-px-per-day={pxPerDay.toFixed(2)}>
      <div className="gantt-zoom">
        <span className="note">Zoom</span>
        <button type="button" className="btn btn-sm" onClick={zoomFit} data-testid="schedule-zoom-fit" title="Fit the whole schedule into the width">
          Fit
        </button>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => zoomTo(WEEK_PX_PER_DAY)}
          data-testid="schedule-zoom-week"
          title="By week: each week 7 × 22 px, labelled on its Monday"
        >
          Week
        </button>
        <button type="button" className="btn btn-sm" onClick={() => zoomTo(pxPerDay / 1.5)} data-testid="schedule-zoom-out" aria-label="Zoom out">
          −
        </button>
        <button type="button" className="btn btn-sm" onClick={() => zoomTo(pxPerDay * 1.5)} data-testid="schedule-zoom-in" aria-label="Zoom in">
          +
        </button>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => zoomTo(pxPerDay, asOfDay + (viewport.width - LABEL_PX) / pxPerDay / 2 - 7)}
          data-testid="schedule-zoom-asof"
          title="Scroll to the as-of date"
        >
          As of
        </button>
        <span className="gantt-status">{status}</span>
      </div>
      <div
        className={`gantt-scroll${drag?.moving ? ' is-dragging' : ''}`}
        ref={scrollRef}
        data-testid="schedule-board-scroll"
        onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft })}
      >
        <div className="gantt-canvas" style={{ width: contentWidth, height: contentHeight }}>
          <div className="gantt-header" style={{ width: contentWidth }}>
            <div className="gantt-corner">
              Machine <span className="muted">({formatNumber(model.rows.length)})</span>
            </div>
            {ticks.map((t) => (
              <span key={t} className="gantt-tick" style={{ left: xOf(t) }}>
                {shortDate(fromDayNumber(t))}
              </span>
            ))}
          </div>
          {ticks.map((t) => (
            <div key={t} className="gantt-gridline" style={{ left: xOf(t), top: HEADER_PX, height: contentHeight - HEADER_PX }} />
          ))}
          <div className="gantt-asof" style={{ left: xOf(asOfDay), top: HEADER_PX, height: contentHeight - HEADER_PX }} title={`As of ${asOf}`} />
          {rowEls}
          {ghost && ghostBar && (
            <>
              <div
                className={`gantt-ghost gantt-ghost-${ghostTone}`}
                style={{
                  left: xOf(ghostStart),
                  top: HEADER_PX + ghost.row * ROW_PX + 2,
                  width: Math.max(3, (ghostBar.end - ghostBar.start) * pxPerDay),
                }}
                data-testid="gantt-ghost"
                data-verdict={ghostTone}
              />
              <div
                className={`gantt-ghost-note gantt-ghost-note-${ghostTone}`}
                style={{ left: Math.max(LABEL_PX, xOf(ghostStart)), top: HEADER_PX + (ghost.row + 1) * ROW_PX + 2 }}
                data-testid="gantt-ghost-note"
              >
                {ghost.check!.message}
              </div>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
