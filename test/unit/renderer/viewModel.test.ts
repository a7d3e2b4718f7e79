// Pure view-model helpers: labels/units from field names, generic payload reading, import reports, policy drafts,
// upload encoding, and the plan-view emptiness rule.
import { describe, expect, it } from 'vitest';
import { formatNumber, formatQuantity, humanizeField, statusBand } from '../../../src/renderer/src/lib/format';
import { analyzePayload, toChartOption } from '../../../src/renderer/src/lib/payload';
import { normalizeReport } from '../../../src/renderer/src/lib/importReport';
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
    expect(toTsv(['A', 'B'], [[1, 'x\ty'], [null, 'line\nbreak']])).toBe('A\tB\n1\tx y\n\tline break');
  });
});

describe('payload', () => {
  it('reads rows/columns, kpis, charts and nested tables', () => {
    const parts = analyzePayload({
      title: 'Yarn position',
      rows: [{ yarnId: '1' }],
      columns: [{ field: 'yarnId', headerName: 'Yarn' }],
      summary: { criticalCount: 3, shortageLbs: -200 },
      chart: { categories: ['W1', 'W2'], series: [{ name: 'Demand', data: [1, 2] }], unit: 'lbs' },
      compare: { added: [{ id: 1 }], removed: [] },
      asOf: '2025-09-01',
    });
    expect(parts.title).toBe('Yarn position');
    expect(parts.tables.map((t) => [t.key, t.rows.length])).toEqual([
      ['rows', 1],
      ['compare.added', 1],
      ['compare.removed', 0],
    ]);
    expect(parts.tables[0].columns).toEqual([{ field: 'yarnId', headerName: 'Yarn' }]);
    expect(parts.kpis.map((k) => [k.key, k.value, k.unit])).toEqual([
      ['criticalCount', 3, undefined],
      ['shortageLbs', -200, 'lbs'],
      ['asOf', '2025-09-01', undefined],
    ]);
    expect(parts.charts).toHaveLength(1);
    const option = parts.charts[0].option as { xAxis: { data: string[] }; series: { type: string }[] };
    expect(option.xAxis.data).toEqual(['W1', 'W2']);
    expect(option.series[0].type).toBe('bar');
  });

  it('passes full ECharts options through with defaults', () => {
    const option = toChartOption({ series: [{ type: 'pie', data: [] }] }) as Record<string, unknown>;
    expect(option.series).toBeDefined();
    expect(option.tooltip).toBeDefined();
  });

  it('treats null, empty objects and empty rows as empty', () => {
    expect(isEmptyPayload(null)).toBe(true);
    expect(isEmptyPayload({ rows: [], columns: [{ field: 'a' }] })).toBe(true);
    expect(isEmptyPayload({ rows: [{ a: 1 }] })).toBe(false);
    expect(isEmptyPayload({ total: 0 })).toBe(false);
    expect(viewKey('v', { b: 1, a: 2 })).toBe(viewKey('v', { a: 2, b: 1 }));
  });
});

describe('import report', () => {
  it('flattens per-file rejections and warnings with the file name', () => {
    const r = normalizeReport({
      rowsRejected: 2,
      files: [
        { file: 'C:\\exports\\yarn_inventory.xlsx', type: 'yarn_inventory', rowsRead: 10, accepted: 9, rejected: [{ row: 3, column: 'Desc#', value: '', reason: 'missing' }], warnings: ['odd'] },
        { name: 'bom.csv', rowsRead: 5, accepted: 5, rejected: 0 },
      ],
    });
    expect(r.files.map((f) => f.file)).toEqual(['yarn_inventory.xlsx', 'bom.csv']);
    expect(r.files[0].rejectedCount).toBe(1);
    expect(r.files[1].rejected).toBe(0);
    expect(r.rejections).toEqual([{ file: 'yarn_inventory.xlsx', row: 3, column: 'Desc#', value: '', reason: 'missing' }]);
    expect(r.warnings).toEqual([{ file: 'yarn_inventory.xlsx', message: 'odd' }]);
    expect(r.kpis.map((k) => k.key)).toEqual(['rowsRejected']);
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
      'yarn.highBelowLbs': 'policy yarn.criticalBelowLbs (-1000) must be below yarn.highBelowLbs (-5000): the risk bands must read critical < high < medium',
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
