// The planning calendar's policy: the one horizon every area of a plan run covers, and the plant's working week.
// The planner's holidays and machine downtime are planner data (src/shared/domain/plantCalendar.ts); a plan run
// builds one calendar from the three (engine/calendar.ts).

export const calendarPolicyDefaults = {
  /**
   * ISO weeks a plan covers, starting with the as-of week: the yarn projection, the purchasing MRP, the machine load
   * and the alerts all plan these weeks. (The ERP-layout yarn tables always keep their own 9 weeks.)
   */
  horizonWeeks: 26,
  /** Working days per week, Monday first (Mon..Sat = 6; the ERP plans knitting 6 days/week at each style's lbs/day). */
  workDaysPerWeek: 6,
};

export type CalendarPolicy = typeof calendarPolicyDefaults;
