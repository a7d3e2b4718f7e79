// PO drafts, one row each. The planner's edits (main thread) and the plan worker's closing of drafts the ERP now has
// change single rows; the worker closes a draft only at the revision it read, so a concurrent edit always wins.
import { OPEN_PO_DRAFT_STATUSES, poDraftSchema, type PoDraft } from '../../shared/domain/poDraft';
import type { Db } from './dbHandle';
import { deleteRow, getRow, keyText, listRows, optionalFields, parseRow, putRow, type Columns, type RowChange, type RowSpec } from './plannerRows';

export const poDraftRows: RowSpec<PoDraft> = {
  table: 'po_draft',
  keyColumns: ['draft_id'],
  keyOf: (d) => [d.draftId],
  schema: poDraftSchema,
  toColumns: (d) => ({
    draft_id: d.draftId,
    yarn_id: d.yarnId,
    supplier_id: d.supplierId,
    supplier_name: d.supplierName ?? null,
    description: d.description ?? null,
    cost_per_lb: d.costPerLb ?? null,
    qty_lbs: d.qtyLbs,
    receipt_date: d.receiptDate,
    release_date: d.releaseDate,
    status: d.status,
    erp_po_number: d.erpPoNumber ?? null,
    from_suggestion_id: d.fromSuggestionId ?? null,
  }),
  fromColumns: (r) => ({
    draftId: r.draft_id,
    yarnId: r.yarn_id,
    supplierId: r.supplier_id,
    qtyLbs: r.qty_lbs,
    receiptDate: r.receipt_date,
    releaseDate: r.release_date,
    status: r.status,
    ...optionalFields({
      erpPoNumber: r.erp_po_number,
      fromSuggestionId: r.from_suggestion_id,
      supplierName: r.supplier_name,
      description: r.description,
      costPerLb: r.cost_per_lb,
    }),
  }),
  // The order the planner made them in.
  orderBy: 'id',
};

export const listPoDrafts = (db: Db): PoDraft[] => listRows(db, poDraftRows);

/** The drafts with the revision each was read at, for a writer that decides now and writes later. */
export function listPoDraftsWithRevision(db: Db): { draft: PoDraft; revision: number }[] {
  return (db.prepare('SELECT * FROM po_draft ORDER BY id').all() as Columns[]).map((r) => ({
    draft: parseRow(poDraftRows, r),
    revision: r.revision as number,
  }));
}

export const getPoDraft = (db: Db, draftId: string): PoDraft | null => getRow(db, poDraftRows, [draftId]);

/** Inserts a draft or replaces the one with its id. */
export const putPoDraft = (db: Db, draft: PoDraft, now: string): RowChange<PoDraft> => putRow(db, poDraftRows, draft, now);

export const deletePoDraft = (db: Db, draftId: string): RowChange<PoDraft> => deleteRow(db, poDraftRows, [draftId]);

/** Changes one draft as `edit` says, reading and writing it in one write transaction; null when there is no such draft. */
export function updatePoDraft(db: Db, draftId: string, edit: (current: PoDraft) => PoDraft, now: string): RowChange<PoDraft> | null {
  return db
    .transaction(() => {
      const current = getPoDraft(db, draftId);
      if (!current) return null;
      const next = edit(current);
      if (next.draftId !== draftId) throw new Error(`an edit of draft ${draftId} cannot change its id`);
      return putPoDraft(db, next, now);
    })
    .immediate();
}

export interface PoDraftClosing {
  draftId: string;
  /** The revision the closer read the draft at: a draft changed since is left alone. */
  revision: number;
  erpPoNumber: string;
}

/** Closes the drafts an ERP PO now covers, each only if still open and unchanged since it was read. */
export function closePoDrafts(db: Db, closings: readonly PoDraftClosing[], now: string): RowChange<PoDraft>[] {
  const open = OPEN_PO_DRAFT_STATUSES.map(() => '?').join(', ');
  const close = db.prepare(
    `UPDATE po_draft SET status = 'closed', erp_po_number = ?, revision = revision + 1, updated_at = ?
     WHERE draft_id = ? AND revision = ? AND status IN (${open})`,
  );
  return db
    .transaction(() =>
      closings.flatMap((c) => {
        const before = getPoDraft(db, c.draftId);
        if (close.run(c.erpPoNumber, now, c.draftId, c.revision, ...OPEN_PO_DRAFT_STATUSES).changes === 0) return [];
        return [{ table: poDraftRows.table, key: keyText([c.draftId]), before, after: getPoDraft(db, c.draftId) }];
      }),
    )
    .immediate();
}
