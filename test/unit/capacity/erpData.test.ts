// The capacity model on the real exports (9-2 snapshot): work-center codes, compatibility, a full load + schedule.
// Skips when ../shared/data/erp is absent. The readers here are minimal; the importer owns the real ones.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { erpPath, erpSkipReason, hasErpData } from '../../support/erpData';
import { matchWorkCenter, parseWorkCenter } from '../../../src/main/engine/capacity/workCenter';
import { computeLoad } from '../../../src/main/engine/capacity/load';
import { scheduleKnitOrders } from '../../../src/main/engine/capacity/schedule';
import type { CapacityInput, KnitOrder, RateInfo } from '../../../src/main/engine/capacity/types';
import { capacityPolicyDefaults } from '../../../src/shared/policy/capacity';
import { calendarPolicyDefaults } from '../../../src/shared/policy/calendar';
import { planningCalendar } from '../../../src/main/engine/calendar';
import { fromUtcDate } from '../../../src/shared/dates';

const stripBom = (s: string) => s.replace(/^\uFEFF/, '');

async function readSheet(path: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  // Row values are sparse arrays (1-based, holes for blank cells): iterate with Array.from, not map.
  const header = Array.from(ws.getRow(1).values as unknown[], (v) => String(v ?? '').trim());
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, i) => {
    if (i === 1) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(header.map((h, c) => [h, values[c]])));
  });
  return rows;
}

const text = (v: unknown) =>
  v === null || v === undefined
    ? ''
    : String(v)
        .replace(/&nbsp;.*$/s, '')
        .trim();
const date = (v: unknown) => (v instanceof Date ? fromUtcDate(v) : undefined);

describe.skipIf(!hasErpData)(`capacity on the real exports${hasErpData ? '' : ` (${erpSkipReason})`}`, () => {
  let machines: Array<{ machineId: string; workCenter: string }>;
  let styleWc: Map<string, string>;
  let orders: KnitOrder[];
  let rates: Map<string, RateInfo>;

  beforeAll(async () => {
    machines = stripBom(readFileSync(erpPath('master', 'Machine Report fin1.csv'), 'utf8'))
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((line) => {
        const [workCenter, machineId] = line.split(',');
        return { machineId: machineId.trim(), workCenter };
      });
    const quads = JSON.parse(stripBom(readFileSync(erpPath('master', 'QuadS_greigeFabricList.csv'), 'utf8'))) as Array<Record<string, string | null>>;
    styleWc = new Map(quads.map((r) => [`${r.base}/${r.version}`.trim(), r.work_center ?? '']));
    orders = (await readSheet(erpPath('snapshots', '2025-09-02', 'eFab_Knit_Orders.xlsx'))).map((r) => ({
      koNumber: text(r['Order #']),
      style: text(r['Style #']),
      balanceLbs: Number(r['Balance (lbs)'] ?? 0),
      startDate: date(r['Start Date']),
      quotedDate: date(r['Quoted Date']),
      machine: text(r['Machine']) || undefined,
    }));
    rates = new Map(
      (await readSheet(erpPath('master', 'Production Lbs.xlsx')))
        .filter((r) => typeof r['Average of lbs/day'] === 'number')
        .map((r) => [text(r['Style']), { rateLbsPerDay: r['Average of lbs/day'] as number, source: 'Production Lbs' }]),
    );
  });

  it('parses every machine and QuadS work center (one machine has a blank WC)', () => {
    expect(machines).toHaveLength(286);
    expect(machines.filter((m) => !parseWorkCenter(m.workCenter)).map((m) => m.machineId)).toEqual(['134']);
    const quadsCodes = new Set([...styleWc.values()].filter((w) => w.trim()));
    expect([...quadsCodes].filter((w) => !parseWorkCenter(w))).toEqual([]);
    expect(quadsCodes.size).toBe(108);
  });

  it('KO machines match the style work center: 138/168 exact, 153 with type relaxed, 161 by diameter and cut', () => {
    // The profile reports 137/168 comparing raw text; trimming "6.30.28.F " adds one exact match.
    const machineWc = new Map(machines.map((m) => [m.machineId, m.workCenter]));
    const withMachine = orders.filter((o) => o.machine);
    expect(withMachine).toHaveLength(168);
    const ok = (mode: 'off' | 'type' | 'diameter-cut') =>
      withMachine.filter((o) => ['exact', 'relaxed'].includes(matchWorkCenter(styleWc.get(o.style), machineWc.get(o.machine!), mode))).length;
    expect([ok('off'), ok('type'), ok('diameter-cut')]).toEqual([138, 153, 161]);
  });

  it('loads and schedules the 158 open KOs', () => {
    const input: CapacityInput = {
      calendar: planningCalendar('2025-09-02', calendarPolicyDefaults),
      machines,
      styles: [...styleWc].map(([style, workCenter]) => ({ style, workCenter })),
      orders: orders.filter((o) => o.balanceLbs > 0),
      rates,
    };
    expect(input.orders).toHaveLength(158);
    const load = computeLoad(input);
    const result = scheduleKnitOrders(input);
    expect(result.orders.length + result.unschedulable.length).toBe(158);
    // Production Lbs covers only part of the styles on order (profile §5a: 62 of 152 report KOs): 65 of the 158 open
    // KOs have a rate; the other 93 are reported as "no rate", not knitted at a made-up 616 lbs/day.
    const noRate = result.unschedulable.filter((u) => u.reason === 'no-rate').length;
    expect(noRate).toBe(93);
    expect(load.unrated).toHaveLength(93);
    expect(result.orders).toHaveLength(65);
    const withDefault = scheduleKnitOrders(input, {}, { ...capacityPolicyDefaults, defaultRateLbsPerDay: 616 });
    expect(withDefault.unschedulable.filter((u) => u.reason === 'no-rate')).toHaveLength(0);
    console.info(
      `real 9-2: ${result.orders.length} scheduled, ${noRate} without rate, ${result.unschedulable.length - noRate} other; ` +
        `${result.orders.filter((o) => o.late).length} late; bottlenecks ${load.bottlenecks
          .slice(0, 3)
          .map((b) => b.workCenter)
          .join(', ')}`,
    );
  });
});
