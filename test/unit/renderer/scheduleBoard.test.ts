// The schedule board's pure parts on hand-made machines: the drop rules (same WC ok, same build in another WC a
// warning, another build refused with the reason), snapping a drop to the machine's next working day on the plant
// calendar, the virtual rows, week ticks and drop geometry; and the what-if scenarios built from where one stands.
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../../src/shared/dates';
import { overrideInputSchema } from '../../../src/shared/scenario';
import { checkMove, machineBuild, snapToWorkingDay, type BoardCalendar } from '../../../src/shared/scheduleMove';
import {
  buildGantt,
  checkBarDrop,
  dropPoint,
  fitPxPerDay,
  HEADER_PX,
  LABEL_PX,
  MAX_PX_PER_DAY,
  ROW_PX,
  visibleRows,
  weekTicks,
} from '../../../src/renderer/src/pages/schedule/ganttModel';
import { buildWhatIf, daysLateHint, receiptLineNumbers, whatIfSubtitle } from '../../../src/renderer/src/pages/whatif/whatIf';
import { scheduledOrder } from '../../support/viewFakes';

// 2026-11-16 is a Monday.
const CAL: BoardCalendar = {
  asOf: '2026-11-16',
  workDaysPerWeek: 6,
  holidays: ['2026-11-26'],
  downtime: [{ machineId: 'M3', from: '2026-11-18', to: '2026-11-20' }],
};
const day = (iso: string) => toDayNumber(iso);
const ORDER = { orderNo: 'K1', style: 'S/1', styleWorkCenter: '9.30.28.F' };
const M1 = { machineId: 'M1', workCenter: '9.30.28.F' };
const M2 = { machineId: 'M2', workCenter: '9.30.28.FOW' }; // same build, another type
const M3 = { machineId: 'M3', workCenter: '9.30.28.F' };
const M4 = { machineId: 'M4', workCenter: '9.34.28.F' }; // another diameter
const M5 = { machineId: 'M5', workCenter: '' };

describe('drop rules (shared/scheduleMove)', () => {
  it('accepts a machine of the style work center, at the drop day when it is a working day', () => {
    const c = checkMove(ORDER, M1, day('2026-11-17'), CAL);
    expect(c).toEqual({ verdict: 'ok', startDay: day('2026-11-17'), message: 'Pin K1 to machine M1 (WC 9.30.28.F) from 2026-11-17.' });
  });

  it('offers the same build in another work center with a WC-mismatch warning', () => {
    const c = checkMove(ORDER, M2, day('2026-11-17'), CAL);
    expect(c.verdict).toBe('warning');
    expect(c.startDay).toBe(day('2026-11-17'));
    expect(c.message).toMatch(/^WC mismatch: machine M2 \(WC 9\.30\.28\.FOW\) is the same build as the style's WC 9\.30\.28\.F/);
  });

  it('refuses another build, a machine without WC, an unknown machine and a style without WC, with the reason', () => {
    expect(checkMove(ORDER, M4, day('2026-11-17'), CAL)).toEqual({
      verdict: 'refused',
      startDay: null,
      message: 'Refused: machine M4 (WC 9.34.28.F) cannot knit style S/1, which needs WC 9.30.28.F (another build).',
    });
    expect(checkMove(ORDER, M5, day('2026-11-17'), CAL).verdict).toBe('refused');
    expect(checkMove(ORDER, undefined, day('2026-11-17'), CAL).message).toBe('Machine is not on the machine list.');
    expect(checkMove({ ...ORDER, styleWorkCenter: '' }, M1, day('2026-11-17'), CAL).message).toMatch(/has no work center/);
    // an unparseable style WC matches only itself
    expect(checkMove({ ...ORDER, styleWorkCenter: 'JACQUARD' }, { machineId: 'J', workCenter: 'JACQUARD' }, day('2026-11-17'), CAL).verdict).toBe(
      'ok',
    );
    expect(checkMove({ ...ORDER, styleWorkCenter: 'JACQUARD' }, M1, day('2026-11-17'), CAL).verdict).toBe('refused');
  });

  it('refuses a start before the as-of date', () => {
    expect(checkMove(ORDER, M1, day('2026-11-15'), CAL)).toEqual({
      verdict: 'refused',
      startDay: null,
      message: 'Refused: 2026-11-15 is before the as-of date 2026-11-16.',
    });
    expect(checkMove(ORDER, M1, day('2026-11-16'), CAL).verdict).toBe('ok');
  });

  it('machineBuild is the WC code without its type letter', () => {
    expect(machineBuild('9.30.28.FOW')).toBe('9.30.28');
    expect(machineBuild('6.20.14.5.V')).toBe('6.20.14.5'); // a decimal cut, as the engine reads it
    expect(machineBuild('06.30.28.F ')).toBe('6.30.28');
    expect(machineBuild('JACQUARD')).toBeNull();
    expect(machineBuild('')).toBeNull();
  });
});

describe('snapping a drop to the plant calendar', () => {
  it('moves a Sunday to Monday (6-day week), a holiday to the next day, downtime to after it', () => {
    expect(fromDayNumber(snapToWorkingDay(CAL, 'M1', day('2026-11-22'))!)).toBe('2026-11-23'); // Sunday
    expect(fromDayNumber(snapToWorkingDay(CAL, 'M1', day('2026-11-21'))!)).toBe('2026-11-21'); // Saturday works
    expect(fromDayNumber(snapToWorkingDay(CAL, 'M1', day('2026-11-26'))!)).toBe('2026-11-27'); // holiday
    expect(fromDayNumber(snapToWorkingDay(CAL, 'M3', day('2026-11-18'))!)).toBe('2026-11-21'); // down 18..20
    expect(fromDayNumber(snapToWorkingDay(CAL, 'M1', day('2026-11-18'))!)).toBe('2026-11-18'); // M1 is not down
    expect(fromDayNumber(snapToWorkingDay({ ...CAL, workDaysPerWeek: 5 }, 'M1', day('2026-11-21'))!)).toBe('2026-11-23');
  });

  it('says when the drop was snapped', () => {
    expect(checkMove(ORDER, M3, day('2026-11-19'), CAL).message).toBe(
      'Pin K1 to machine M3 (WC 9.30.28.F) from 2026-11-21 (first working day after 2026-11-19).',
    );
  });
});

describe('the board over hand-made machines', () => {
  const view = {
    machines: [M4, M2, M1, M3, M5],
    orders: [
      scheduledOrder({
        orderNo: 'K1',
        style: 'S/1',
        styleWorkCenter: '9.30.28.F',
        machineId: 'M1',
        workCenter: '9.30.28.F',
        startDay: day('2026-11-16'),
        endDay: day('2026-11-19'),
      }),
    ],
  };
  const model = buildGantt(view, { allMachines: true });

  it('drops onto the machine of the row under the pointer', () => {
    const rowOf = (id: string) => model.rows.findIndex((r) => r.machineId === id);
    expect(checkBarDrop(model, 0, rowOf('M1'), day('2026-11-24'), CAL).verdict).toBe('ok');
    expect(checkBarDrop(model, 0, rowOf('M3'), day('2026-11-24'), CAL).verdict).toBe('ok');
    expect(checkBarDrop(model, 0, rowOf('M2'), day('2026-11-24'), CAL).verdict).toBe('warning');
    expect(checkBarDrop(model, 0, rowOf('M4'), day('2026-11-24'), CAL).verdict).toBe('refused');
    expect(checkBarDrop(model, 0, rowOf('M5'), day('2026-11-24'), CAL).verdict).toBe('refused');
  });

  it('turns a pointer position into a row and a day', () => {
    const fromDay = day('2026-11-01');
    // 10 px/day, grabbed 2 days into the bar, pointer 15.4 days right of the labels, in the third row
    expect(dropPoint(LABEL_PX + 154, HEADER_PX + 2 * ROW_PX + 5, 2, fromDay, 10, 5)).toEqual({ row: 2, day: fromDay + 13 });
    // below the last row clamps to it
    expect(dropPoint(LABEL_PX, HEADER_PX + 99 * ROW_PX, 0, fromDay, 10, 5).row).toBe(4);
  });
});

describe('virtual rows, zoom and ticks', () => {
  it('renders only the rows in view plus the overscan', () => {
    expect(visibleRows(0, 10 * ROW_PX, 290, 6)).toEqual({ first: 0, last: 16 });
    const end = visibleRows(HEADER_PX + 290 * ROW_PX - 10 * ROW_PX, 10 * ROW_PX, 290, 6);
    expect(end.last).toBe(289);
    expect(end.first).toBe(280 - 6);
    expect(visibleRows(0, 100, 0)).toEqual({ first: 0, last: -1 });
  });

  it('fits the span into the width within the zoom limits', () => {
    expect(fitPxPerDay(1000, 100)).toBe(10);
    expect(fitPxPerDay(100_000, 10)).toBe(MAX_PX_PER_DAY);
  });

  it('puts ticks on Mondays, far enough apart', () => {
    const ticks = weekTicks(day('2026-11-01'), day('2027-03-01'), 2, 64);
    for (const t of ticks) expect(new Date(t * 86_400_000).getUTCDay()).toBe(1);
    expect(ticks[0]).toBe(day('2026-11-02'));
    for (let i = 1; i < ticks.length; i++) expect((ticks[i] - ticks[i - 1]) * 2).toBeGreaterThanOrEqual(64);
    // 2 px/day: a week is 14 px, 4 weeks 56 px (< 64), so every 8 weeks
    expect(ticks[1] - ticks[0]).toBe(56);
  });
});

describe('what-if scenarios from where one stands', () => {
  it('a PO receipt line late by N days moves that line only, with a name that says so', () => {
    const b = buildWhatIf(
      {
        kind: 'poLate',
        poNo: 'Y2508002',
        yarnId: '18884',
        receiptLine: '2026-11-23',
        lineNo: 2,
        weekStart: '2026-11-23',
        lbs: 8000,
        asOf: '2026-11-16',
      },
      { days: '21' },
    );
    expect(b).toEqual({
      ok: true,
      name: 'PO Y2508002 line 2 late 21 days',
      override: { kind: 'poReceipt', poNumber: 'Y2508002', yarnId: '18884', receiptLine: '2026-11-23', moveToWeek: '2026-12-14' },
    });
    if (b.ok) expect(overrideInputSchema.safeParse(b.override).success).toBe(true);
  });

  it('a past-due line counts its lateness from the as-of date; bad input is refused', () => {
    const ask = { kind: 'poLate', poNo: 'P', yarnId: 'Y', receiptLine: 'pastDue', lineNo: 1, weekStart: null, lbs: 1, asOf: '2026-11-16' } as const;
    expect(buildWhatIf(ask, { days: '7' })).toMatchObject({ ok: true, override: { receiptLine: 'pastDue', moveToWeek: '2026-11-23' } });
    expect(buildWhatIf(ask, { days: '0' })).toEqual({ ok: false, error: 'Days late: a whole number from 1 to 365.' });
    expect(buildWhatIf(ask, { days: '2.5' }).ok).toBe(false);
  });

  it('says a past-due line is past due as of the as-of date (not "due past due"), and what the days late count from', () => {
    const pastDue = {
      kind: 'poLate',
      poNo: 'Y2508002',
      yarnId: '18884',
      receiptLine: 'pastDue',
      lineNo: 1,
      weekStart: null,
      lbs: 8000,
      asOf: '2026-11-18',
    } as const;
    expect(whatIfSubtitle(pastDue)).toBe(
      'PO Y2508002 line 1: 8,000 lbs of yarn 18884, past due on the as-of date 2026-11-18 (the ERP gives no due date)',
    );
    // 2026-11-18 + 10 days = Saturday 2026-11-28: the week of Monday 2026-11-23
    expect(daysLateHint(pastDue, { days: '10' })).toBe(
      'Days late count from the as-of date 2026-11-18, as it is past due: it arrives the week of 2026-11-23.',
    );
    expect(daysLateHint(pastDue, { days: 'x' })).toBe('Days late count from the as-of date 2026-11-18, as it is past due.');
    const weekLine = { ...pastDue, receiptLine: '2026-11-23', lineNo: 2, weekStart: '2026-11-23' };
    expect(whatIfSubtitle(weekLine)).toBe('PO Y2508002 line 2: 8,000 lbs of yarn 18884, due the week of 2026-11-23');
    expect(daysLateHint(weekLine, { days: '14' })).toBe('Days late count from its due week 2026-11-23: it arrives the week of 2026-12-07.');
  });

  it('an order move pins the new start; a machine down is a downtime window', () => {
    const move = buildWhatIf({ kind: 'orderMoves', orderNo: 'K9', plannedStart: '2026-11-20' }, { start: '2026-12-01' });
    expect(move).toEqual({
      ok: true,
      name: 'Order K9 starts 2026-12-01',
      override: { kind: 'knitOrder', koNumber: 'K9', startDate: '2026-12-01', pinStart: true },
    });
    expect(buildWhatIf({ kind: 'orderMoves', orderNo: 'K9', plannedStart: '2026-11-20' }, { start: '12/01/2026' }).ok).toBe(false);
    const down = buildWhatIf({ kind: 'machineDown', machineId: '58', asOf: '2026-11-16' }, { from: '2026-11-20', to: '2026-11-30' });
    expect(down).toEqual({
      ok: true,
      name: 'Machine 58 down 2026-11-20 to 2026-11-30',
      override: { kind: 'machineDowntime', machineId: '58', from: '2026-11-20', to: '2026-11-30' },
    });
    for (const b of [move, down]) if (b.ok) expect(overrideInputSchema.safeParse(b.override).success).toBe(true);
    expect(buildWhatIf({ kind: 'machineDown', machineId: '58', asOf: '2026-11-16' }, { from: '2026-11-30', to: '2026-11-20' })).toEqual({
      ok: false,
      error: 'The last day down is before the first.',
    });
  });

  it('numbers the receipt lines of each PO by week, past due first', () => {
    const r = [
      { poNo: 'A', weekStart: '2026-12-07', pastDue: false },
      { poNo: 'B', weekStart: '2026-11-23', pastDue: false },
      { poNo: 'A', weekStart: '2026-11-23', pastDue: false },
      { poNo: 'A', weekStart: null, pastDue: true },
    ];
    const n = receiptLineNumbers(r);
    expect(r.map((x) => n.get(x))).toEqual([3, 1, 2, 1]);
  });
});
