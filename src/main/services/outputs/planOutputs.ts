// The plan's reports as files: the ERP-layout demand tables, positions, shortages with pegging, MRP, purchase
// suggestions, machine load and schedule as CSV; the printable reports as PDF on request.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rowsToCsv } from '../../../shared/csv';
import { machineLoadCsvRows, scheduleCsvRows, MACHINE_LOAD_CSV_COLUMNS, SCHEDULE_CSV_COLUMNS } from '../../engine/capacity';
import { mrpWeekRows, suggestionRow } from '../../engine/purchasing';
import { loadByWorkCenterReport, machineScheduleReport, renderPdf, renderReport } from '../../reports';
import type { Db } from '../../store/db';
import { NotFoundError } from '../errors';
import { ALL_PLAN_SECTIONS, readPlanOf } from '../jobs/planSections';
import { positionRows, shortageRows } from '../views/yarnTables';
import { POSITION_COLUMNS, positionCsvRow, SHORTAGE_COLUMNS, shortageCsvRow } from './yarnCsv';
import { paperSize, purchasePlanReport, shortageReport } from './planReports';
import { writeForecastOutputs } from './forecastOutputs';

export async function writePlanOutputs(
  db: Db,
  snapshotId: number,
  outDir: string,
  /** `forecast: false`: the plan's files only (the CLI writes them while the forecast still runs). */
  options: { pdf?: boolean; printedAt?: string; forecast?: boolean } = {},
): Promise<string[]> {
  const plan = readPlanOf(db, snapshotId, 0, ALL_PLAN_SECTIONS);
  if (!plan) throw new NotFoundError(`no plan has been computed for snapshot ${snapshotId}`);
  const written: string[] = [];
  const write = (name: string, text: string) => {
    writeFileSync(join(outDir, name), text);
    written.push(name);
  };
  const { tables } = plan.yarn;
  write('yarn_demand_by_style_ko.csv', rowsToCsv(tables.demandByStyleKo.rows, tables.demandByStyleKo.columns));
  write('yarn_demand_by_style.csv', rowsToCsv(tables.demandByStyle.rows, tables.demandByStyle.columns));
  write('yarn_demand.csv', rowsToCsv(tables.yarnDemand.rows, tables.yarnDemand.columns));
  write('yarn_position.csv', rowsToCsv(positionRows(plan).map(positionCsvRow), POSITION_COLUMNS));
  write('shortages.csv', rowsToCsv(shortageRows(plan).map(shortageCsvRow), SHORTAGE_COLUMNS));

  const mrpRows = plan.purchasing.items
    .filter((i) => i.status !== 'no requirement')
    .flatMap((item) => mrpWeekRows(item, plan.purchasing.weekStarts).map((r) => ({ yarnId: item.yarnId, ...r })));
  write('mrp.csv', rowsToCsv(mrpRows, mrpRows.length ? Object.keys(mrpRows[0]) : ['yarnId']));
  const suggestions = plan.purchasing.suggestions.map(suggestionRow);
  write('purchase_suggestions.csv', rowsToCsv(suggestions, suggestions.length ? Object.keys(suggestions[0]) : ['yarnId']));

  write('machine_load.csv', rowsToCsv(machineLoadCsvRows(plan.load), MACHINE_LOAD_CSV_COLUMNS));
  write('schedule.csv', rowsToCsv(scheduleCsvRows(plan.schedule), SCHEDULE_CSV_COLUMNS));
  if (options.forecast !== false) written.push(...writeForecastOutputs(db, snapshotId, outDir));

  if (options.pdf) {
    const printedAt = options.printedAt ?? new Date().toISOString().slice(0, 19);
    const reports = [
      ['machine_schedule.pdf', machineScheduleReport(plan.schedule, { printedAt, pageSize: paperSize(plan.policy) })],
      ['load_by_work_center.pdf', loadByWorkCenterReport(plan.load, { printedAt, policy: plan.policy.capacity, pageSize: paperSize(plan.policy) })],
      ['shortages.pdf', shortageReport(plan, printedAt)],
      ['purchase_plan.pdf', purchasePlanReport(plan, printedAt)],
    ] as const;
    for (const [name, spec] of reports) {
      await renderPdf(renderReport(spec), join(outDir, name), { pageSize: spec.pageSize });
      written.push(name);
    }
  }
  return written;
}
