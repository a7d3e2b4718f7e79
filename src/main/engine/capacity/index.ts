// Machine capacity, load and finite knit scheduling.
export * from './types';
export { parseWorkCenter, workCenterKey, relaxedKey, matchWorkCenter, type WorkCenterCode } from './workCenter';
export { compileCalendar, addWorkingTime, nextWorkingTime, workingDaysIn, type WorkCalendar } from './calendar';
export { buildCapacityModel, resolveRate, type CapacityModel, type CompatibleMachine } from './model';
export { computeLoad } from './load';
export { scheduleKnitOrders } from './schedule';
export { scheduleCsvRows, machineLoadCsvRows, SCHEDULE_CSV_COLUMNS, MACHINE_LOAD_CSV_COLUMNS, type CsvRow } from './csv';
