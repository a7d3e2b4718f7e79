// One file of a batch in use, read in full and mapped to entities: the same steps on the import's thread or on the
// parse worker's (parallelRead.ts). The source's report says how it went; a bad file is rejected, never thrown.
import type { FileReport } from '../../shared/importReport';
import { completeSource, type Source } from './batchFiles';
import { MAPPERS } from './mappers';
import { RowReader } from './rowReader';
import { entityProblems } from './validateBatch';

/** More than half the data rows unreadable: the file is not what it claims to be. */
function mostlyRejected(r: FileReport): boolean {
  return r.rowsRejected > 0 && r.rowsRejected >= r.rowsAccepted;
}

/**
 * Reads `s` in full and maps its rows (`s.reportId` set first for an ERP report). `rowsRead(f)` reports the share
 * of its rows read, `tick` is called from inside long steps.
 */
export function mapSource(s: Source, rowsRead: (fraction: number) => void, tick: () => void): void {
  completeSource(s, tick);
  if (s.report.status !== 'imported') return;
  const type = s.table!.type;
  const reader = new RowReader(s.table!, s.file, rowsRead);
  try {
    s.result = MAPPERS[type.id](reader, { fileName: s.file, reportId: s.reportId ?? 0, tick });
  } catch (err) {
    s.report.status = 'rejected';
    s.report.reason = `cannot read the rows: ${(err as Error).message}`;
    return;
  }
  s.table!.rows = []; // the raw cells are not needed any more: free them before the next file
  const broken = entityProblems(s.result.batch);
  if (broken.length) {
    s.report.status = 'rejected';
    s.report.reason = `the rows read do not fit the entity schema (an importer fault, please report it): ${broken.join('; ')}`;
    s.result = undefined;
    return;
  }
  Object.assign(s.report, reader.stats);
  s.report.rejections = reader.rejections.items;
  s.report.dropped = reader.dropped.items;
  s.report.droppedCount = reader.dropped.count;
  s.report.notes.push(...s.result.notes);
  if (mostlyRejected(s.report)) {
    s.report.status = 'rejected';
    s.report.reason = `most rows are unreadable (${s.report.rowsRejected} rejected, ${s.report.rowsAccepted} accepted)`;
    s.result = undefined;
  }
}
