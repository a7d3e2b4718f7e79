// yarn_inventory.xlsx: one row per active yarn, sorted by Desc#.
import type { DemoDataset } from '../dataset';
import type { Cell, SheetTable } from '../write/table';

export const YARN_INVENTORY_HEADERS = [
  'Desc#',
  'QS Cust',
  'Supplier',
  'Description',
  'Color',
  'Beginning Balance',
  'Received',
  'Consumed',
  'Adjustments',
  'Theoretical Balance',
  'Misc',
  'On Order',
  'Allocated',
  'Planning Balance',
  'Reconcile Date',
  'Cost/Pound',
  'Total Cost',
] as const;

export function yarnInventoryTable(ds: DemoDataset): SheetTable {
  const qsCust = ds.rollCustomers[0].split(' - ')[0];
  const rows: Cell[][] = [];
  for (const y of ds.yarns) {
    if (!y.active) continue;
    const p = ds.positions.get(y.descId);
    if (!p) continue;
    rows.push([
      y.descId,
      qsCust,
      y.supplier.erpName,
      y.description,
      y.color,
      p.beginningLbs,
      p.receivedLbs,
      p.consumedLbs,
      p.adjustmentsLbs,
      p.theoreticalLbs,
      y.misc,
      p.onOrderLbs,
      p.allocatedLbs,
      p.planningLbs,
      y.reconcileDate,
      y.costPerLb,
      p.totalCost,
    ]);
  }
  rows.sort((a, b) => (a[0] as number) - (b[0] as number));
  return {
    sheetName: 'Sheet',
    columns: YARN_INVENTORY_HEADERS.map((header) => ({
      header,
      format:
        header === 'Cost/Pound' || header === 'Total Cost'
          ? 'money'
          : /Balance|Received|Consumed|Adjust|Order|Allocated/.test(header)
            ? 'num2'
            : 'general',
    })),
    rows,
  };
}
