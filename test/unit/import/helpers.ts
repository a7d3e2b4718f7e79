// Test helpers: run detection + a mapper on rows written inline.
import { detect } from '../../../src/main/import/detect';
import { exportType, type ExportTypeId } from '../../../src/main/import/exportTypes';
import { MAPPERS } from '../../../src/main/import/mappers';
import type { Cell } from '../../../src/main/import/readers';
import { RowReader } from '../../../src/main/import/rowReader';

/** Parses a small table written with "|" between cells (no quoting) into rows of cells. */
export function rows(text: string): Cell[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.split('|').map((c) => (c === '' ? null : c)));
}

export function mapAs(type: ExportTypeId, cells: Cell[][], fileName = 'test.csv') {
  const detection = detect([{ name: 'csv', rows: cells, errorCells: 0 }], [exportType(type)]);
  if (!detection.table) throw new Error(`not detected as ${type}: missing ${detection.closest?.missing.join(', ')}`);
  const reader = new RowReader(detection.table, fileName);
  const result = MAPPERS[type](reader, { fileName, reportId: 1 });
  return { result, reader, table: detection.table, batch: result.batch };
}
