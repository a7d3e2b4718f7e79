import { describe, expect, it } from 'vitest';
import { addWorkingTime, compileCalendar, nextWorkingTime, weekdayOfDay, workingDaysIn } from '../../../src/main/engine/capacity/calendar';
import { addDays, isoWeekday, toDayNumber } from '../../../src/shared/dates';

const TUE = toDayNumber('2025-09-02');

describe('plant calendar', () => {
  const cal = compileCalendar({
    workDaysPerWeek: 6,
    holidays: ['2025-09-04'],
    downtime: [{ machineId: 'M1', from: '2025-09-08', to: '2025-09-09' }],
  });

  it('weekday of a day number agrees with shared/dates over two years', () => {
    for (let i = 0; i < 730; i++) {
      const date = addDays('2025-01-01', i);
      expect(weekdayOfDay(toDayNumber(date))).toBe(isoWeekday(date));
    }
  });

  it('knits fractional days across holidays, Sundays and downtime', () => {
    // Tue 1, Wed 1, Thu holiday, Fri 1, Sat 0.5 -> 3.5 days end at Sat noon (offset 4.5).
    expect(addWorkingTime(cal, 'M2', TUE, 3.5, TUE + 100)! - TUE).toBeCloseTo(4.5, 9);
    // From Sat noon, 1.5 more days: Sat 0.5, Sun off, Mon 1 -> offset 7 for M2; M1 is down Mon-Tue -> Wed end, offset 9.
    expect(addWorkingTime(cal, 'M2', TUE + 4.5, 1.5, TUE + 100)! - TUE).toBeCloseTo(7, 9);
    expect(addWorkingTime(cal, 'M1', TUE + 4.5, 1.5, TUE + 100)! - TUE).toBeCloseTo(9, 9);
  });

  it('moves a start to the next working moment and gives up at the limit', () => {
    expect(nextWorkingTime(cal, 'M1', TUE + 2, TUE + 100)).toBe(TUE + 3); // Thu holiday -> Fri
    expect(nextWorkingTime(cal, 'M1', TUE + 2.5, TUE + 100)).toBe(TUE + 3); // mid-holiday -> Fri start
    expect(nextWorkingTime(cal, 'M1', TUE + 1.25, TUE + 100)).toBe(TUE + 1.25); // mid-Wednesday stays
    expect(nextWorkingTime(cal, 'M1', TUE + 2, TUE + 3)).toBeNull();
    expect(addWorkingTime(cal, 'M1', TUE, 50, TUE + 10)).toBeNull();
  });

  it('counts working days in a range; 5-day week', () => {
    expect(workingDaysIn(cal, undefined, TUE, TUE + 7)).toBe(5); // Tue..Mon minus Thu holiday and Sun
    expect(workingDaysIn(cal, 'M1', TUE, TUE + 7)).toBe(4); // and Mon 09-08 down
    const fiveDay = compileCalendar({ workDaysPerWeek: 5, holidays: [], downtime: [] });
    expect(workingDaysIn(fiveDay, undefined, TUE - 1, TUE + 13)).toBe(10);
    expect(fiveDay.isWorking(toDayNumber('2025-09-06'), undefined)).toBe(false);
  });
});
