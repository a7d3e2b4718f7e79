// Thin data: a batch whose files look complete but carry far less than a planner would expect. Rule:
// - any file in use with a header and no data rows (a header-only knit-order or yarn-inventory export plans zero
//   demand or zero stock), or
// - a core transactional entity (yarns, knit orders, sales orders, yarn PO lines, open POs) with fewer than half
//   (THIN_SHARE) of the count in the latest earlier import snapshot that carries it (as-of on or before this one's).
// Such a batch is imported only when the planner confirms (`confirmThinData`); the report's first line says what is
// thin either way. Other entities (roll inventories, ERP reports) vary too much from week to week to compare: the
// real F01 export went from 10,027 rolls on 8-22 to 4,639 on 8-28.
import type { EntityBatch } from '../../shared/domain/entities';
import type { ExportType } from './exportTypes';

export const THIN_SHARE = 0.5;

const CORE: Partial<Record<ExportType['id'], { kind: keyof EntityBatch; noun: string }>> = {
  yarn_inventory: { kind: 'yarnInventory', noun: 'yarns' },
  knit_orders: { kind: 'knitOrders', noun: 'knit orders' },
  sales_orders: { kind: 'salesOrders', noun: 'sales orders' },
  yarn_po: { kind: 'yarnPos', noun: 'yarn PO lines' },
  expected_receipts: { kind: 'expectedPos', noun: 'open POs' },
};

export interface UsedFile {
  file: string;
  type: ExportType;
  rowsAccepted: number;
  batch: Partial<EntityBatch>;
}

/** How many rows of an entity kind the latest earlier import snapshot (as of `asOf` or before) carries, if any does. */
export type EarlierCount = (entity: keyof EntityBatch, asOf: string) => { asOf: string; count: number } | undefined;

/** What is thin in the batch, one line per file (empty when nothing is). */
export function findThinData(files: UsedFile[], asOf: string, earlierCount: EarlierCount): string[] {
  const thin: string[] = [];
  for (const f of files) {
    const core = CORE[f.type.id];
    if (f.rowsAccepted === 0) {
      thin.push(`${f.file} has a header and no ${core ? core.noun : `rows (${f.type.label})`}`);
      continue;
    }
    if (!core) continue;
    const count = f.batch[core.kind]?.length ?? 0;
    const before = earlierCount(core.kind, asOf);
    if (before && count < THIN_SHARE * before.count) {
      thin.push(`${f.file} has ${count} ${core.noun}, fewer than half of the ${before.count} in the snapshot as of ${before.asOf}`);
    }
  }
  return thin;
}
