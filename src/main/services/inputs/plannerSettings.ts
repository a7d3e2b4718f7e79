// What the planner entered that a plan run reads (its own tables and switches, never tied to a snapshot), read
// in one transaction.
import type { PoDraft, SupplierNameMapping, YarnSupplyOverride } from '../../engine/purchasing/types';
import type { DowntimeWindow } from '../../../shared/domain/plantCalendar';
import type { Db } from '../../store/db';
import { listDowntime, listHolidays } from '../../store/plantCalendar';
import { listPoDrafts } from '../../store/poDrafts';
import { listPins } from '../../store/schedulePins';
import { readSetting, SETTINGS } from '../../store/settings';
import { listBomOverrides, listRateOverrides } from '../../store/styleOverrides';
import { listSupplierMappings, listYarnSupplyOverrides } from '../../store/supplyOverrides';
import type { PlannerOverrides } from './yarnInputs';

/** Everything the planner entered that a plan run reads: its own tables and switches, never tied to a snapshot. */
export interface PlannerSettings extends PlannerOverrides {
  includeSalesOrderLayer: boolean;
  includeForecastLayer: boolean;
  allowScheduleMoves: boolean;
  supplierMappings: SupplierNameMapping[];
  yarnSupplyOverrides: YarnSupplyOverride[];
  poDrafts: PoDraft[];
  holidays: string[];
  downtime: DowntimeWindow[];
  pins: { orderNo: string; machineId?: string; start?: string }[];
}

/** Reads it all in one transaction, so a plan never mixes data from before and after a planner's change. */
export function plannerSettings(db: Db): PlannerSettings {
  return db.transaction(() => ({
    bomOverrides: listBomOverrides(db),
    rateOverrides: listRateOverrides(db),
    includeSalesOrderLayer: readSetting(db, SETTINGS.includeSalesOrderLayer),
    includeForecastLayer: readSetting(db, SETTINGS.includeForecastLayer),
    allowScheduleMoves: readSetting(db, SETTINGS.allowScheduleMoves),
    supplierMappings: listSupplierMappings(db),
    yarnSupplyOverrides: listYarnSupplyOverrides(db),
    poDrafts: listPoDrafts(db),
    holidays: listHolidays(db),
    downtime: listDowntime(db).map(({ id: _id, ...window }) => window),
    pins: listPins(db),
  }))();
}
