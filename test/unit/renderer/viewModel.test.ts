// Pure view-model helpers: labels/units from field names, the import report and snapshot comparison tables, policy
// drafts, upload encoding, and the plan-view emptiness rule.
import { describe, expect, it } from 'vitest';
import { formatNumber, formatQuantity, humanizeField, statusBand } from '../../../src/renderer/src/lib/format';
import { comparisonTables, importReportTables } from '../../../src/renderer/src/pages/imports/reportTables';
import { importReportSchema } from '../../../src/shared/importReport';
import { snapshotComparisonSchema } from '../../../src/shared/snapshotComparison';
import { checked } from '../../support/viewFakes';
import { pendingChanges, policyChangeErrors } from '../../../src/renderer/src/pages/settings/policyForm';
import { policyDefaults } from '../../../src/shared/policy';
import { bytesToBase64, isImportable } from '../../../src/renderer/src/lib/upload';
import { isEmptyPayload, viewKey } from '../../../src/renderer/src/stores/planStore';
import { inferKind, resolveColumns, toTsv } from '../../../src/renderer/src/components/gridColumns';

describe('format', () => {
  it('splits units off field names', () => {
    expect(humanizeField('planningBalanceLbs')).toEqual({ label: 'Planning balance', unit: 'lbs' });
    expect(humanizeField('ratelbsPerDay')).toEqual({ label: 'Rate', unit: 'lbs/day' });
    expect(humanizeField('poNumber')).toEqual({ label: 'PO number', unit: undefined });
    expect(humanizeField('erpNumberedWeeks')).toEqual({ label: 'ERP numbered', unit: 'wks' });
    expect(humanizeField('Lbs')).toEqual({ label: 'Lbs', unit: undefined });
  });

  it('formats numbers with units and without "-0"', () => {
    expect(formatNumber(-1234.5, 0)).toBe('-1,235');
    expect(formatNumber(-0.2, 0)).toBe('0');
    expect(formatQuantity(87.44, '%')).toBe('87.4%');
    expect(formatQuantity(48210.4, 'lbs')).toBe('48,210 lbs');
  });

  it('recognises risk bands and flags', () => {
    expect(statusBand('CRITICAL')).toBe('critical');
    expect(statusBand('low')).toBe('low');
    expect(statusBand('late')).toBe('critical');
    expect(statusBand('whatever')).toBeUndefined();
  });
});

describe('grid columns', () => {
  it('infers kinds and units from rows', () => {
    const rows = [{ yarnId: '18000', balanceLbs: -12.5, risk: 'HIGH', due: '2025-09-01', late: true }];
    const cols = resolveColumns(rows);
    expect(cols.map((c) => [c.field, c.kind, c.unit])).toEqual([
      ['yarnId', 'text', undefined],
      ['balanceLbs', 'number', 'lbs'],
      ['risk', 'status', undefined],
      ['due', 'date', undefined],
      ['late', 'flag', undefined],
    ]);
    expect(inferKind('x', [])).toBe('text');
  });

  it('keeps given column specs and their order', () => {
    const cols = resolveColumns([{ a: 1, b: 2 }], [{ field: 'b', headerName: 'Bee', unit: 'yds' }]);
    expect(cols).toHaveLength(1);
    expect(cols[0]).toMatchObject({ field: 'b', headerName: 'Bee', unit: 'yds', kind: 'number', decimals: 0 });
  });

  it('writes TSV without breaking rows', () => {
    expect(
      toTsv(
        ['A', 'B'],
        [
          [1, 'x\ty'],
          [null, 'line\nbreak'],
        ],
      ),
    ).toBe('A\tB\n1\tx y\n\tline break');
  });
});

describe('plan views', () => {
  it('treats null, empty objects and empty rows as empty', () => {
    expect(isEmptyPayload(null)).toBe(true);
    expect(isEmptyPayload({ rows: [], columns: [{ field: 'a' }] })).toBe(true);
    expect(isEmptyPayload({ rows: [{ a: 1 }] })).toBe(false);
    expect(isEmptyPayload({ total: 0 })).toBe(false);
    expect(viewKey('view.forecastSeries', { series: 'S', scenarioId: 2 }, 1)).toBe(viewKey('view.forecastSeries', { scenarioId: 2, series: 'S' }, 1));
  });
});

describe('import report', () => {
  const issue = (row: number, reason: string) => ({ file: 'yarn_inventory.xlsx', row, column: 'Desc#', value: 'x1', reason });
  const file = {
    file: 'yarn_inventory.xlsx',
    path: '/data/yarn_inventory.xlsx',
    bytes: 1000,
    sha256: 'ab',
    format: 'xlsx' as const,
    status: 'imported' as const,
    exportType: 'yarn_inventory',
    exportLabel: 'Yarn inventory',
    sheet: 'Sheet1',
    headerRow: 1,
    reason: null,
    closestType: null,
    missingColumns: [],
    supersededBy: null,
    rowsRead: 10,
    rowsAccepted: 8,
    rowsRejected: 2,
    rowsSkipped: 1,
    rejections: [issue(3, 'missing yarn id'), issue(7, 'not a number')],
    dropped: [{ ...issue(5, 'not a date'), column: 'Reconcile Date' }],
    droppedCount: 1,
    unrecognisedColumns: [],
    ignoredSheets: [],
    notes: ['2 suppliers marked "Remove" (retired)'],
  };
  const report = checked('import report', importReportSchema, {
    status: 'imported',
    snapshotId: 4,
    kind: 'import',
    asOf: '2025-09-02',
    asOfSource: 'files',
    asOfEvidence: [],
    label: 'week 36',
    source: '/data',
    contentHash: 'h',
    startedAt: '2025-09-02T08:00:00Z',
    durationMs: 1200,
    errors: [],
    files: [
      file,
      {
        ...file,
        file: 'BOM_updated.csv',
        exportType: 'bom',
        exportLabel: 'BOM',
        rowsRejected: 0,
        rowsAccepted: 10,
        rejections: [],
        dropped: [],
        droppedCount: 0,
        notes: [],
      },
    ],
    entityCounts: { yarns: 8 },
    warnings: [
      {
        code: 'bom_sum_not_100',
        severity: 'warning',
        message: '2 styles have BOM lines not summing to 100 %',
        count: 2,
        examples: ['A/1', 'B/2', 'C/3', 'D/4'],
      },
    ],
  });

  it('lists the files, every rejected row with its file, and the warnings of the batch and of each file', () => {
    const t = importReportTables(report);
    expect(t.files.map((f) => [f.file, f.export, f.rowsAccepted, f.rowsRejected, f.valuesDropped])).toEqual([
      ['yarn_inventory.xlsx', 'Yarn inventory', 8, 2, 1],
      ['BOM_updated.csv', 'BOM', 10, 0, 0],
    ]);
    expect(t.rejections).toEqual([issue(3, 'missing yarn id'), issue(7, 'not a number')]);
    expect(t.warnings).toEqual([
      { file: null, row: null, column: null, value: 'A/1; B/2; C/3 …', reason: 'Warning: 2 styles have BOM lines not summing to 100 %' },
      { file: 'yarn_inventory.xlsx', row: 5, column: 'Reconcile Date', value: 'x1', reason: 'value dropped, row kept: not a date' },
      { file: 'yarn_inventory.xlsx', row: null, column: null, value: null, reason: '2 suppliers marked "Remove" (retired)' },
    ]);
    expect(t.kpis.map((k) => [k.key, k.value])).toEqual([
      ['status', 'imported'],
      ['asOf', '2025-09-02'],
      ['files', 2],
      ['rowsAccepted', 18],
      ['rowsRejected', 2],
      ['warnings', 1],
    ]);
    expect(t.kpis.find((k) => k.key === 'rowsRejected')?.status).toBe('high');
  });

  it('lists what a snapshot comparison added, removed and changed, with each changed field', () => {
    const none = { added: [], removed: [], changed: [], unchanged: 0 };
    const c = checked('snapshot comparison', snapshotComparisonSchema, {
      fromId: 1,
      toId: 2,
      fromAsOf: '2025-08-26',
      toAsOf: '2025-09-02',
      yarns: {
        added: ['4001'],
        removed: [],
        changed: [
          {
            key: '3345',
            changes: [
              { field: 'theoreticalLbs', from: 100, to: 80.5 },
              { field: 'supplier', from: null, to: 'LOWELL' },
            ],
          },
        ],
        unchanged: 7,
      },
      knitOrders: { ...none, removed: ['K1'] },
      yarnPos: none,
    });
    const t = comparisonTables(c);
    expect(t.rows).toEqual([
      { entity: 'Yarns', key: '4001', change: 'added', fields: '' },
      { entity: 'Yarns', key: '3345', change: 'changed', fields: 'theoreticalLbs: 100 → 80.5; supplier: – → LOWELL' },
      { entity: 'Knit orders', key: 'K1', change: 'removed', fields: '' },
    ]);
    expect(t.kpis.map((k) => [k.label, k.value, k.hint])).toEqual([
      ['Yarns', '+1 −0 ~1', '1 added, 0 removed, 1 changed, 7 unchanged'],
      ['Knit orders', '+0 −1 ~0', '0 added, 1 removed, 0 changed, 0 unchanged'],
      ['Yarn POs', '+0 −0 ~0', '0 added, 0 removed, 0 changed, 0 unchanged'],
    ]);
  });
});

describe('policy form', () => {
  it('parses drafts by the default type and lists only real changes', () => {
    const saved = { yarn: { criticalBelowLbs: -1000, pastDue: false, mode: 'off' } };
    const { changes, errors } = pendingChanges(saved, saved, {
      'yarn.criticalBelowLbs': '-1,500',
      'yarn.pastDue': false,
      'yarn.mode': 'type',
    });
    expect(changes).toEqual([
      { area: 'yarn', key: 'criticalBelowLbs', value: -1500 },
      { area: 'yarn', key: 'mode', value: 'type' },
    ]);
    expect(errors).toEqual({});
    expect(pendingChanges(saved, saved, { 'yarn.criticalBelowLbs': 'abc' }).errors).toEqual({ 'yarn.criticalBelowLbs': 'not a number' });
  });

  it('checks pending changes against the policy schema before saving, naming the key', () => {
    const saved = structuredClone(policyDefaults) as unknown as Record<string, Record<string, unknown>>;
    const { changes } = pendingChanges(saved, saved, { 'calendar.horizonWeeks': '1000000', 'yarn.highBelowLbs': '-5000' });
    expect(policyChangeErrors(saved, changes)).toEqual({
      'calendar.horizonWeeks': 'policy calendar.horizonWeeks must be at most 156 (got 1000000)',
      'yarn.highBelowLbs':
        'policy yarn.criticalBelowLbs (-1000) must be below yarn.highBelowLbs (-5000): the risk bands must read critical < high < medium',
    });
    const together = pendingChanges(saved, saved, { 'yarn.criticalBelowLbs': '-6000', 'yarn.highBelowLbs': '-5000' }).changes;
    expect(policyChangeErrors(saved, together)).toEqual({});
  });
});

describe('uploads', () => {
  it('encodes bytes as base64 in chunks', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('accepts ERP export files only', () => {
    expect(isImportable('yarn_inventory (4).xlsx')).toBe(true);
    expect(isImportable('dir/BOM_updated.CSV')).toBe(true);
    expect(isImportable('~$yarn.xlsx')).toBe(false);
    expect(isImportable('.DS_Store')).toBe(false);
    expect(isImportable('notes.docx')).toBe(false);
  });
});
