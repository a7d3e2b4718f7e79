// The real supplier master (Supplier_ID.csv) read through the import, as a plan run gets it: retirement decided and
// Lead_time kept as exported.
import { readImportBatch } from '../../src/main/import/importBatch';
import type { Supplier } from '../../src/shared/domain/entities';
import { erpPath } from './erpData';

export async function readErpSuppliers(): Promise<Supplier[]> {
  const read = await readImportBatch([erpPath('master', 'Supplier_ID.csv')], { now: '2025-09-02T00:00:00', asOf: '2025-08-28' }, performance.now());
  return read.batch.suppliers ?? [];
}
