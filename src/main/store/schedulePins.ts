// The planner's schedule pins, one row per knit order.
import { schedulePinSchema, type SchedulePin } from '../../shared/domain/schedulePin';
import type { Db } from './dbHandle';
import { deleteRow, listRows, optionalFields, putRow, type RowChange, type RowSpec } from './plannerRows';

export const pinRows: RowSpec<SchedulePin> = {
  table: 'pin',
  keyColumns: ['order_no'],
  keyOf: (p) => [p.orderNo],
  schema: schedulePinSchema,
  toColumns: (p) => ({ order_no: p.orderNo, machine_id: p.machineId ?? null, start_date: p.start ?? null }),
  fromColumns: (r) => ({ orderNo: r.order_no, ...optionalFields({ machineId: r.machine_id, start: r.start_date }) }),
  orderBy: 'order_no',
};

export const listPins = (db: Db): SchedulePin[] => listRows(db, pinRows);
/** Pins an order (replacing its earlier pin). */
export const putPin = (db: Db, pin: SchedulePin, now: string): RowChange<SchedulePin> => putRow(db, pinRows, pin, now);
export const deletePin = (db: Db, orderNo: string): RowChange<SchedulePin> => deleteRow(db, pinRows, [orderNo]);
