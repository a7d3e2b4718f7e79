// What a plan reads from the store that never changes once imported — a snapshot's planning data and the ERP report
// history before it — kept in the thread that plans (one entry each). The plan right after an import starts from the
// batch the import just parsed (the import hands it over), and a re-plan (a scenario, an edited setting) does not
// read the whole snapshot again. Settings, policy and the forecast are read fresh every run: they change.
// Keyed by the snapshots' identity in the store (id, content hash, creation time: a deleted snapshot's id may be
// given to the next import), so an entry can never stand for other rows. The engines only read these objects.
import type { PlanningData } from '../../../shared/domain/entities';
import type { Db } from '../../store/db';
import { loadPlanningData } from '../../store/entities';
import { loadReportHistory } from '../inputs/reportHistory';
import type { ReportSnapshot } from '../inputs/yarnInputs';

let planningData: { key: string; data: PlanningData } | undefined;
/** How many times this thread read a snapshot's planning data from the store (the import's hand-over is not one). */
export const planningDataReads = { count: 0 };
let reportHistory: { key: string; history: ReportSnapshot[] } | undefined;

function snapshotKey(db: Db, snapshotId: number): string | undefined {
  const row = db.prepare('SELECT id, content_hash, created_at FROM snapshot WHERE id = ?').get(snapshotId) as
    { id: number; content_hash: string; created_at: string } | undefined;
  return row && `${db.name}|${row.id}|${row.content_hash}|${row.created_at}`;
}

/** The import's hand-over: the planning data it built from the batch it has just written (after the commit). */
export function rememberPlanningData(db: Db, data: PlanningData): void {
  const key = snapshotKey(db, data.snapshotId);
  planningData = key === undefined ? undefined : { key, data };
}

/** The snapshot's planning data: the entry kept in this thread when it is this snapshot's, else read (and kept). */
export function planningDataOf(db: Db, snapshotId: number): PlanningData {
  const key = snapshotKey(db, snapshotId);
  if (key !== undefined && planningData?.key === key) return planningData.data;
  const data = loadPlanningData(db, snapshotId);
  planningDataReads.count++;
  planningData = key === undefined ? undefined : { key, data };
  return data;
}

/** The ERP report history a plan of `snapshotId` learns from; kept while no snapshot it could read has changed. */
export function reportHistoryOf(db: Db, snapshotId: number, options: { includeOwn: boolean }): ReportSnapshot[] {
  const candidates = db
    .prepare(
      `SELECT s.id, s.content_hash, s.created_at FROM snapshot s, snapshot t
       WHERE t.id = ? AND s.as_of <= t.as_of ORDER BY s.as_of, s.id`,
    )
    .raw()
    .all(snapshotId) as unknown[][];
  const key = `${db.name}|${snapshotId}|${options.includeOwn}|${JSON.stringify(candidates)}`;
  if (reportHistory?.key === key) return reportHistory.history;
  // the snapshot's own reports are in its planning data when this thread keeps it (the import's hand-over)
  const own = planningData && planningData.key === snapshotKey(db, snapshotId) ? planningData.data : undefined;
  const history = loadReportHistory(db, snapshotId, options, own);
  reportHistory = { key, history };
  return history;
}

/** Forgets what this thread keeps (tests). */
export function clearPlanContextCache(): void {
  planningData = undefined;
  reportHistory = undefined;
}
