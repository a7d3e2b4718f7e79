// Roll inventories: greige on the floor (G00), greige at the dyer (G02), finished (F01), in inspection (I01).
import { addDays, minDate } from '../../../shared/dates';
import { PROCESSOR_NAMES } from '../names';
import { Rng, roundTo } from '../prng';
import type { DemoTargets } from '../targets';
import type { FinishedStyle, GreigeStyle, KnitOrder, Machine } from '../types';

export interface G00Roll {
  style: string;
  ko: string;
  customer: string;
  roll: string;
  lbs: number;
  knitDate: string;
  machine: string | null;
}
export interface G02Roll {
  fStyle: string;
  processor: string;
  dyeOrder: string;
  customer: string;
  roll: string;
  lbs: number;
  gStyle: string;
  shipDate: string;
}
export interface FinishedRoll {
  style: string;
  order: string;
  customer: string;
  roll: string;
  vendorRoll: string;
  rack: string | null;
  yds: number;
  lbs: number;
  good: number | null;
  bad: number | null;
  processor: string;
  receivedAt: string;
}

export interface RollInventory {
  g00: G00Roll[];
  g02: G02Roll[];
  f01: FinishedRoll[];
  i01: FinishedRoll[];
}

function clock(rng: Rng): string {
  return `${String(rng.int(6, 20)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
}

export function buildRolls(
  seed: number,
  t: DemoTargets,
  asOf: string,
  greige: readonly GreigeStyle[],
  finished: readonly FinishedStyle[],
  knitOrders: readonly KnitOrder[],
  machines: readonly Machine[],
  customers: readonly string[],
): RollInventory {
  const rng = new Rng(seed, 'rolls');
  let lot = 320000 + rng.int(0, 9999);
  let dyeOrder = 40000 + rng.int(0, 999);
  const machineText = (id: number) => String(id).padStart(3, '0');
  const mainCustomer = customers[0];
  const customer = () => (rng.chance(0.55) ? mainCustomer : rng.pick(customers));

  const g00: G00Roll[] = [];
  const withG00 = knitOrders.filter((k) => !k.apiOnly && (k.g00Lbs ?? 0) > 0);
  while (g00.length < t.rollsG00) {
    const ko = withG00.length && rng.chance(0.6) ? rng.pick(withG00) : null;
    const g = ko ? ko.greige : rng.pick(greige);
    const koNo = ko ? ko.orderNo : `K${rng.int(21, 24)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 120)).padStart(3, '0')}`;
    const knit0 = ko ? addDays(asOf, -rng.int(1, 30)) : addDays(asOf, -rng.int(200, 1600));
    const machine = ko?.machine ?? rng.pick(machines).id;
    const count = Math.min(t.rollsG00 - g00.length, rng.int(3, 40));
    lot++;
    const cust = customer();
    for (let i = 0; i < count; i++) {
      g00.push({
        style: g.style,
        ko: koNo,
        customer: cust,
        roll: `${rng.chance(0.1) ? '1' : '0'}${lot}${String(i + 1).padStart(2, '0')}`,
        lbs: roundTo(Math.min(273, Math.max(4.3, rng.logNormal(50, 0.2))), 1),
        // six rolls a day from the lot's first day, never after the export's date
        knitDate: minDate(addDays(knit0, Math.floor(i / 6)), asOf),
        machine: machineText(machine),
      });
    }
  }
  rng.pick(g00).machine = null;

  const g02: G02Roll[] = [];
  while (g02.length < t.rollsG02) {
    const f = rng.pick(finished);
    const direct = rng.chance(0.5);
    const gStyle = direct ? `${f.fStyle}/0` : f.greige.style;
    const count = Math.min(t.rollsG02 - g02.length, rng.int(4, 30));
    const ship = addDays(asOf, -rng.int(2, 1300));
    const shipText = `${+ship.slice(5, 7)}/${+ship.slice(8, 10)}/${ship.slice(0, 4)}`;
    const processor = rng.pick(PROCESSOR_NAMES);
    const cust = customer();
    dyeOrder += rng.int(1, 30);
    lot++;
    const padded = rng.chance(0.05);
    for (let i = 0; i < count; i++) {
      g02.push({
        fStyle: `${f.fStyle}/0`,
        processor,
        dyeOrder: `D${dyeOrder}`,
        customer: cust,
        roll: `${rng.chance(0.1) ? '1' : '0'}${lot}${String(i + 1).padStart(2, '0')}`,
        lbs: roundTo(Math.min(258, Math.max(1, rng.logNormal(50, 0.2))), 1),
        gStyle: padded ? `${gStyle} ` : gStyle,
        shipDate: shipText,
      });
    }
  }

  const finishedRolls = (target: number, recent: boolean): FinishedRoll[] => {
    const out: FinishedRoll[] = [];
    while (out.length < target) {
      const f = rng.pick(finished);
      const version = rng.pick(f.fVersions);
      const style = rng.chance(0.01) ? `${f.fStyle}/${version}   ` : `${f.fStyle}/${version}`;
      dyeOrder += recent ? rng.int(1, 4) : rng.int(1, 3);
      const order = `D${dyeOrder}`;
      const count = Math.min(target - out.length, rng.int(recent ? 3 : 1, recent ? 20 : 45), 99);
      const received = recent ? addDays(asOf, -rng.int(0, 8)) : addDays(asOf, -rng.int(20, 2000));
      const legacyTime = !recent && rng.chance(0.4);
      const rack = rng.chance(0.5)
        ? String(rng.int(100, 720))
        : rng.chance(0.5)
          ? `${rng.int(100, 720)}${rng.pick(['L', 'B', 'R'])}`
          : `${rng.pick(['SR', 'SL'])}${rng.int(1, 140)}`;
      const processor = rng.pick(PROCESSOR_NAMES);
      const cust = customer();
      const blankCounts = rng.chance(0.45);
      for (let i = 0; i < count; i++) {
        const seq = String(i + 1).padStart(2, '0');
        const yds = roundTo(Math.max(1, rng.logNormal(recent ? 60 : 50, 0.6)), 1);
        out.push({
          style,
          order,
          customer: cust,
          roll: `00${dyeOrder}${seq}`,
          vendorRoll: rng.chance(0.9) ? `${dyeOrder}${seq}` : String(rng.int(1000, 9999)),
          rack: recent ? null : rack,
          yds,
          lbs: roundTo(Math.max(0.3, (yds * f.ozPerLinYd) / 16), 1),
          good: recent ? rng.int(0, 2) : blankCounts ? null : rng.chance(0.8) ? 0 : rng.int(1, 45),
          bad: recent ? (rng.chance(0.95) ? 0 : 1) : blankCounts ? null : rng.chance(0.85) ? 0 : rng.int(1, 21),
          processor,
          receivedAt: `${received}T${legacyTime ? '00:00:01' : clock(rng)}`,
        });
      }
    }
    return out;
  };
  const f01 = finishedRolls(t.rollsF01, false);
  f01.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.roll < b.roll ? -1 : 1));
  rng.pick(f01).rack = null;
  const i01 = finishedRolls(t.rollsI01, true);
  return { g00, g02, f01, i01 };
}
