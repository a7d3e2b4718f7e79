// The ERP's own demand reports across snapshots, for learning BOM % and knitting rates. A live plan learns from
// its own snapshot's reports and every earlier one; an honest calibration (acceptance tests) only from earlier ones.
import type { Db } from '../../store/db';
import { loadEntity, planningSources } from '../../store/entities';
import type { ReportSnapshot } from './yarnInputs';
import type { PlanningData } from '../../../shared/domain/entities';

/** `own`: the snapshot's own planning data when the caller has it in hand (its reports are not read again). */
export function loadReportHistory(
  db: Db,
  snapshotId: number,
  options: { includeOwn: boolean },
  own?: Pick<PlanningData, 'erpReports' | 'erpStyleDemand' | 'knitOrders'>,
): ReportSnapshot[] {
  const target = db.prepare('SELECT as_of FROM snapshot WHERE id = ?').get(snapshotId) as { as_of: string } | undefined;
  if (!target) throw new Error(`snapshot ${snapshotId} does not exist`);
  const candidates = db.prepare('SELECT id, as_of FROM snapshot WHERE as_of <= ? ORDER BY as_of, id').all(target.as_of) as {
    id: number;
    as_of: string;
  }[];
  const history: ReportSnapshot[] = [];
  for (const snap of candidates) {
    if (snap.id === snapshotId ? !options.includeOwn : snap.as_of === target.as_of) continue;
    if (snap.id === snapshotId && own) {
      // the planning data's knit orders are the export's when there is one, else the API's: its export ones are these
      if (own.erpReports.length)
        history.push({
          asOf: snap.as_of,
          erpReports: own.erpReports,
          erpStyleDemand: own.erpStyleDemand,
          knitOrders: own.knitOrders.filter((k) => k.source === 'export'),
        });
      continue;
    }
    const sources = planningSources(db, snap.id);
    const erpReports = loadEntity(db, snap.id, 'erpReports', sources);
    if (!erpReports.length) continue;
    history.push({
      asOf: snap.as_of,
      erpReports,
      erpStyleDemand: loadEntity(db, snap.id, 'erpStyleDemand', sources),
      knitOrders: loadEntity(db, snap.id, 'knitOrders', sources).filter((k) => k.source === 'export'),
    });
  }
  return history;
}
