// master/efab_api_knit_orders.json: the ERP API's knit orders. Nested style base / version, numbers as
// strings, timestamps with microseconds, key order varying between records, a few KOs newer than the xlsx.
import type { DemoDataset } from '../dataset';
import { Rng } from '../prng';
import type { KnitOrder } from '../types';

function num(value: number | null): string | null {
  return value === null ? null : String(value);
}

function stamp(rng: Rng, dateTime: string): string {
  return `${dateTime.replace('T', ' ')}.${String(rng.int(0, 999999)).padStart(6, '0')}`;
}

function shuffledKeys(rng: Rng, record: Record<string, unknown>): Record<string, unknown> {
  if (rng.chance(0.5)) return record;
  const out: Record<string, unknown> = {};
  for (const k of rng.shuffle(Object.keys(record))) out[k] = record[k];
  return out;
}

function apiRecord(rng: Rng, ko: KnitOrder, ds: DemoDataset): Record<string, unknown> {
  const received = (ko.g00Lbs ?? 0) + (ko.shippedLbs ?? 0) - (ko.secondsLbs ?? 0);
  const version = rng.chance(0.03) ? ` ${ko.greige.version}` : ko.greige.version;
  const created = stamp(rng, ko.createdAt);
  const own = ds.rollCustomers[0].split(' - ')[1];
  return {
    knitter: 1,
    sched_enter_dt: created,
    requested_date: ko.quotedDate ?? ko.startDate,
    created_date: created,
    qty_received: String(Math.round(received * 10) / 10),
    updated_by: rng.pick([9, 72, 80, 10]),
    sched_done_by: null,
    sched_enter_by: rng.pick([9, 72, 80, 10]),
    instructions: rng.chance(0.9) ? '' : 'see floor notes',
    knit_price: ko.knitPrice,
    purchase_order: ko.po ?? '',
    knit_style_base: shuffledKeys(rng, {
      created_time: null,
      active: 1,
      base_style: ko.greige.base,
      qs_custodianship: own,
      foreign_id: ko.greige.quadsId + 2000,
      qs_customer: own,
      id: ko.greige.quadsId,
    }),
    job: ko.jobId,
    machine: ko.machine === null ? '' : String(ko.machine),
    active: 1,
    internal_notes: null,
    created_by: rng.pick([9, 72, 80, 10]),
    qty_ordered: String(ko.orderedLbs),
    quoted_date: ko.quotedDate,
    ship_to: null,
    bki: ko.bki ?? '',
    id: ko.apiId,
    knit_version: shuffledKeys(rng, {
      modified: stamp(rng, ko.modifiedAt),
      act_yard_cut_wt: null,
      active: 1,
      version,
      created_time: `${String(rng.int(6, 20)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000000`,
      knit_style_base: ko.greige.quadsId,
      foreign_id: ko.greige.quadsId + 5000,
      id: ko.greige.quadsId + 1000,
      created_date: ko.greige.createdDate,
      price: ko.knitPrice,
      roll_size: rng.pick(['50', '250', '30', '40']),
      target_yard_cut_wt: rng.pick(['12.00', '8.9', '9', '11.00']),
    }),
    balance: String(ko.liveBalanceLbs),
    split_from: null,
    close_dt: null,
    qty_G00: num(ko.g00Lbs),
    customer_service_rep: rng.pick([1, 19, 16, 2]),
    status: 'Open',
    ship_to_processor: rng.chance(0.4) ? rng.int(1, 4) : null,
    note: null,
    related_dye_order_plan: rng.chance(0.55) ? 8000 + rng.int(0, 1200) : null,
    sched_done_dt: null,
    unit_cost_yarn: String(Math.round(rng.range(0.6, 3) * 100) / 100),
    seconds: num(ko.secondsLbs),
    schedule_status: ko.liveBalanceLbs === 0 ? 'Complete' : ko.startDate === null ? '' : 'Required',
    costing_exception_overridden: 0,
    uom: 'lbs',
    qty_shipped: num(ko.shippedLbs),
    knit_start: ko.startDate,
    modified: stamp(rng, ko.modifiedAt),
    serial_number: ko.orderNo,
  };
}

export function apiKnitOrdersJson(ds: DemoDataset): { text: string; rows: number } {
  const rng = new Rng(ds.options.seed, 'api-knit-orders');
  const kos = ds.knitOrders.slice().sort((a, b) => (a.createdAt > b.createdAt ? -1 : 1));
  const records = kos.map((ko) => shuffledKeys(rng, apiRecord(rng, ko, ds)));
  return { text: `${JSON.stringify(records, null, 2)}\n`, rows: records.length };
}
