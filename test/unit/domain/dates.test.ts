// Calendar arithmetic (src/shared/dates.ts) against Date itself, day by day over three decades either side of 1970
// and around the horizon the planner uses — asked twice, so the remembered conversions are checked too.
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isoWeekday, mondayOf, toDayNumber } from '../../../src/shared/dates';

const MS_PER_DAY = 86_400_000;
const refIso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const refWeekday = (day: number) => new Date(day * MS_PER_DAY).getUTCDay() || 7;

describe('dates', () => {
  it('converts both ways and names the ISO weekday as Date does, every day from 1940 to 2060, twice', () => {
    const first = toDayNumber('1940-01-01');
    const last = toDayNumber('2060-12-31');
    expect(first).toBeLessThan(0);
    for (let pass = 0; pass < 2; pass++)
      for (let day = first; day <= last; day++) {
        const iso = refIso(day);
        if (fromDayNumber(day) !== iso || toDayNumber(iso) !== day || isoWeekday(iso) !== refWeekday(day))
          throw new Error(`day ${day} (${iso}): ${fromDayNumber(day)} ${toDayNumber(iso)} ${isoWeekday(iso)} vs ${refWeekday(day)}`);
      }
  });

  it('keeps refusing what is not an ISO date, however often asked', () => {
    for (let i = 0; i < 2; i++) expect(() => toDayNumber('2025-9-02')).toThrow(/not an ISO date/);
    expect(mondayOf('2025-09-07')).toBe('2025-09-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(isoWeekday('2025-09-07')).toBe(7);
  });
});
