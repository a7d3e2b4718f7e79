// Records dated after the snapshot's as-of date. A plan of a past date must not quietly see the future: every
// file holding such records is named with the count (a banner in the app, the first line of the CLI), and knit
// orders the ERP API created after the as-of date are left out of the snapshot: they did not exist on that date.
// Orders changed after it are kept as they are now (their state on the as-of date is not in the export).
import type { FutureRecords } from '../../shared/importReport';
import type { EntityBatch } from '../../shared/domain/entities';

interface Dated {
  what: string;
  /** When the record came into being, and when it last changed (either may be unknown). */
  dates(row: never): { created?: string | null; changed?: string | null };
}

const DATED: Partial<Record<keyof EntityBatch, Dated>> = {
  knitOrders: { what: 'knit orders', dates: (k: EntityBatch['knitOrders'][number]) => ({ created: k.createdAt, changed: k.modifiedAt }) },
  yarnPos: { what: 'yarn POs', dates: (p: EntityBatch['yarnPos'][number]) => ({ created: p.orderedAt }) },
  expectedPos: { what: 'expected PO lines', dates: (p: EntityBatch['expectedPos'][number]) => ({ created: p.poDate }) },
  fabricRolls: { what: 'fabric rolls', dates: (r: EntityBatch['fabricRolls'][number]) => ({ changed: r.eventDate }) },
  salesHistory: { what: 'invoice lines', dates: (l: EntityBatch['salesHistory'][number]) => ({ created: l.invoiceDate }) },
};

const day = (d: string | null | undefined) => (d ? d.slice(0, 10) : undefined);

export interface FileBatch {
  fileName: string;
  batch: Partial<EntityBatch>;
}

/**
 * Counts each file's records dated after `asOf` and removes the API knit orders created after it from the file's
 * batch (in place). `apiOrdersPlanned`: the batch has no knit-order export, so the plan reads the API orders.
 */
export function takeFutureRecords(files: FileBatch[], asOf: string, apiOrdersPlanned: boolean): FutureRecords[] {
  const out: FutureRecords[] = [];
  for (const f of files) {
    for (const [key, spec] of Object.entries(DATED) as [keyof EntityBatch, Dated][]) {
      const rows = f.batch[key] as never[] | undefined;
      if (!rows?.length) continue;
      let count = 0;
      let latest = '';
      const kept: never[] = [];
      let leftOut = 0;
      let isApi = false;
      for (const row of rows) {
        const { created, changed } = spec.dates(row);
        const c = day(created);
        const m = day(changed);
        const after = [c, m].filter((d): d is string => !!d && d > asOf);
        const api = key === 'knitOrders' && (row as EntityBatch['knitOrders'][number]).source === 'api';
        isApi ||= api;
        if (after.length) {
          count++;
          latest = [latest, ...after].sort().at(-1)!;
        }
        if (api && c && c > asOf) leftOut++;
        else kept.push(row);
      }
      if (!count) continue;
      if (leftOut) (f.batch as Record<string, unknown[]>)[key] = kept;
      const usedByPlan = !isApi || apiOrdersPlanned;
      const summary = `${count} ${spec.what}${leftOut ? `; ${leftOut} created after ${asOf} left out of the snapshot` : ''}${usedByPlan ? '' : '; not used by the plan (the knit-order export is)'}`;
      out.push({
        file: f.fileName,
        what: spec.what,
        count,
        leftOut,
        latest,
        usedByPlan,
        message: `${f.fileName}: ${summary}, dated after the as-of date ${asOf} (latest ${latest})`,
      });
    }
  }
  return out;
}
