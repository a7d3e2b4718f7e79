// A grid's saved view meets the grid's current columns: removed columns ignored (with their sort and filter), new
// ones appended in their default order, widths clamped, sort priorities renumbered. And the store's side: a saved view
// is read back as written; a corrupt one is reported and the grid gets its default.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GRID_COLUMN_WIDTH_PX, gridStateKey, gridViewSchema, mergeGridView, type GridView } from '../../../src/shared/gridState';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { dispatch } from '../../../src/main/services/contract/dispatch';
import { runJob } from '../../../src/main/services/jobs/registry';
import { JobHost } from '../../../src/main/workers/jobHost';
import { tempDir } from '../../support/tempDb';

const saved: GridView = {
  columns: [
    { colId: 'risk', width: 5000, sort: 'desc', sortIndex: 1 },
    { colId: 'gone', width: 150, sort: 'asc', sortIndex: 0 },
    { colId: 'yarnId', width: 3 },
    { colId: 'balanceLbs', flex: 1, hide: true },
  ],
  filterModel: { gone: { filterType: 'text', type: 'contains', filter: 'x' }, risk: { filterType: 'text', type: 'equals', filter: 'critical' } },
};

describe('mergeGridView', () => {
  it('keeps the saved order of the columns that exist, drops the removed one and appends the new ones', () => {
    const merged = mergeGridView(saved, ['yarnId', 'description', 'balanceLbs', 'risk', 'supplier']);
    expect(merged.columns.map((c) => c.colId)).toEqual(['risk', 'yarnId', 'balanceLbs', 'description', 'supplier']);
    // new columns carry no state: the grid's default applies
    expect(merged.columns.slice(3)).toEqual([{ colId: 'description' }, { colId: 'supplier' }]);
    expect(merged.filterModel).toEqual({ risk: saved.filterModel.risk });
  });

  it('clamps widths and renumbers the sort priorities of the columns left', () => {
    const merged = mergeGridView(saved, ['yarnId', 'balanceLbs', 'risk']);
    const byId = Object.fromEntries(merged.columns.map((c) => [c.colId, c]));
    expect(byId.risk.width).toBe(GRID_COLUMN_WIDTH_PX.max);
    expect(byId.yarnId.width).toBe(GRID_COLUMN_WIDTH_PX.min);
    // the first sort key was on the removed column: risk becomes the first
    expect(byId.risk).toMatchObject({ sort: 'desc', sortIndex: 0 });
    expect(byId.yarnId).toMatchObject({ sort: null, sortIndex: null });
    expect(byId.balanceLbs).toMatchObject({ flex: 1, hide: true });
    expect(byId.balanceLbs.width).toBeUndefined();
  });

  it('applies nothing from a view whose columns are all gone, and shows every current column', () => {
    const merged = mergeGridView(saved, ['a', 'b']);
    expect(merged).toEqual({ columns: [{ colId: 'a' }, { colId: 'b' }], filterModel: {} });
  });
});

describe('ui.gridState channels', () => {
  let tmp: ReturnType<typeof tempDir>;
  let planner: Planner;
  const key = gridStateKey('yarn', 'yarn-grid');
  beforeEach(() => {
    tmp = tempDir('bkp-gridstate-');
    planner = createPlanner({ dbPath: tmp.dbPath, shell: 'test', jobs: new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob }) });
  });
  afterEach(async () => {
    await planner.close();
    tmp.cleanup();
  });

  it('reads back what was saved, until reset', async () => {
    const view = gridViewSchema.parse({ columns: [{ colId: 'risk', width: 140, sort: 'asc', sortIndex: 0 }], filterModel: saved.filterModel });
    expect(await dispatch(planner.handlers, 'ui.gridState.get', { key })).toEqual({ ok: true, data: { view: null } });
    expect(await dispatch(planner.handlers, 'ui.gridState.set', { key, view })).toEqual({ ok: true, data: { saved: true } });
    expect(await dispatch(planner.handlers, 'ui.gridState.get', { key })).toEqual({ ok: true, data: { view } });
    // another grid's view is its own
    expect(await dispatch(planner.handlers, 'ui.gridState.get', { key: gridStateKey('demand', 'yarn-grid') })).toEqual({
      ok: true,
      data: { view: null },
    });
    expect(await dispatch(planner.handlers, 'ui.gridState.reset', { key })).toEqual({ ok: true, data: { reset: true } });
    expect(await dispatch(planner.handlers, 'ui.gridState.get', { key })).toEqual({ ok: true, data: { view: null } });
  });

  it('refuses a key that is not grid:<page>:<grid id> and a view of the wrong shape', async () => {
    expect(await dispatch(planner.handlers, 'ui.gridState.get', { key: 'anything' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const bad = { key, view: { columns: [{ colId: 'x', sort: 'sideways' }], filterModel: {} } };
    expect(await dispatch(planner.handlers, 'ui.gridState.set', bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers a corrupt stored value with no view and the reason (the grid shows its default), and logs it', async () => {
    planner.db.prepare("INSERT INTO ui_state (key, value_json, updated_at) VALUES (?, ?, '2026-12-07')").run(key, '{"columns": "nope"');
    const notJson = await dispatch(planner.handlers, 'ui.gridState.get', { key });
    expect(notJson).toMatchObject({ ok: true, data: { view: null, invalid: expect.stringContaining('not valid JSON') } });
    planner.db.prepare('UPDATE ui_state SET value_json = ? WHERE key = ?').run(JSON.stringify({ columns: [{ colId: 7 }], filterModel: {} }), key);
    const wrongShape = await dispatch(planner.handlers, 'ui.gridState.get', { key });
    expect(wrongShape).toMatchObject({ ok: true, data: { view: null, invalid: expect.stringContaining('columns.0.colId') } });
    const log = readFileSync(join(tmp.dir, 'logs', 'planner.log'), 'utf8');
    expect(log).toMatch(/WARN the saved state of grid:yarn:yarn-grid is not valid JSON/);
    expect(log).toMatch(/WARN the saved state of grid:yarn:yarn-grid is unreadable/);
  });
});
