// Printed reports: one paper size for every report (a US mill prints on Letter; A4 where the office uses it).

export const reportsPolicyDefaults = {
  /** Paper every report (schedule, load, shortages, purchase plan) is laid out and printed on, landscape. */
  paperSize: 'Letter' as 'Letter' | 'A4',
};
export type ReportsPolicy = typeof reportsPolicyDefaults;
