import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type PlannerApi } from '../../../src/shared/contract';
import { viewChannels } from '../../../src/shared/views';
import { createApi } from '../../../src/renderer/src/api';
import { dispatch } from '../../../src/main/services/contract/dispatch';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { JobHost } from '../../../src/main/workers/jobHost';
import { runJob } from '../../../src/main/services/jobs/registry';
import { tempDir } from '../../support/tempDb';

const tmp = tempDir();
let planner: Planner;

beforeAll(() => {
  planner = createPlanner({ dbPath: tmp.dbPath, shell: 'test', jobs: new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob }) });
});
afterAll(async () => {
  await planner.close();
  tmp.cleanup();
});

describe('the contract boundary', () => {
  it('answers a valid call with validated data', async () => {
    const res = await dispatch(planner.handlers, 'app.info', {});
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.data).toMatchObject({ appName: 'Beverly Knits Planner', shell: 'test', activeSnapshotId: null });
  });

  it('rejects a malformed payload with the offending field named, and keeps serving', async () => {
    const res = await dispatch(planner.handlers, 'snapshots.delete', { id: 'seven' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!res.ok) expect(res.error.issues?.[0].path).toBe('id');
    const extra = await dispatch(planner.handlers, 'app.info', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await dispatch(planner.handlers, 'snapshots.list', {})).ok).toBe(true);
  });

  it('rejects an unknown channel, including prototype names', async () => {
    for (const name of ['app.shutdown', '__proto__', 'constructor', 42, undefined]) {
      const res = await dispatch(planner.handlers, name, {});
      expect(res).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('turns a handler failure into a structured error', async () => {
    const res = await dispatch(planner.handlers, 'view.yarnPosition', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!res.ok) expect(res.error.message).toMatch(/no snapshot yet/);
    const bad = await dispatch(planner.handlers, 'settings.setPolicy', { area: 'yarn', key: 'noSuchKey', value: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'FAILED', message: 'unknown policy setting yarn.noSuchKey' } });
  });

  it('stores a policy edit and serves it overlaid on the defaults', async () => {
    const res = await dispatch(planner.handlers, 'settings.setPolicy', { area: 'yarn', key: 'criticalBelowLbs', value: -2500 });
    expect(res.ok).toBe(true);
    const policy = await dispatch(planner.handlers, 'settings.getPolicy', {});
    if (!policy.ok) throw new Error(policy.error.message);
    const table = policy.data as Record<string, Record<string, unknown>>;
    expect(table.yarn.criticalBelowLbs).toBe(-2500);
    expect(table.yarn.highBelowLbs).toBe(-100);
    const wrongType = await dispatch(planner.handlers, 'settings.setPolicy', { area: 'yarn', key: 'criticalBelowLbs', value: 'low' });
    expect(wrongType).toMatchObject({ ok: false, error: { message: 'policy yarn.criticalBelowLbs must be a number (got "low")' } });
  });

  it('refuses a view that does not exist: a type error for a typed caller, UNKNOWN_CHANNEL at runtime', async () => {
    // The renderer's client is typed from the contract: the transport below is never reached for these.
    const sent: string[] = [];
    const api: PlannerApi = createApi({
      invoke: async (channel, input) => dispatch(planner.handlers, (sent.push(channel), channel), input),
      on: () => () => undefined,
    });
    // @ts-expect-error -- no such view channel
    const missing = await api.invoke('view.yarnPositions', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'unknown channel: view.yarnPositions' } });
    // @ts-expect-error -- the untyped read of a view by name is gone
    const old = await api.invoke('plan.get', { view: 'yarn.position' });
    expect(old).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    // @ts-expect-error -- the yarn detail needs its yarn
    const noYarn = await api.invoke('view.yarnDetail', {});
    expect(noYarn).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'yarnId' }] } });
    // a view's input is strict: an unknown parameter is refused, not ignored
    // @ts-expect-error -- `series` is not an input of the yarn position
    expect(await api.invoke('view.yarnPosition', { series: 'TOTAL' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(sent).toEqual(['view.yarnPositions', 'plan.get', 'view.yarnDetail', 'view.yarnPosition']);
  });

  it('gives every channel an output schema that says what it returns (no unknown, no any)', () => {
    const loose: string[] = [];
    const visit = (node: unknown, path: string, seen: Set<unknown>): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}[${i}]`, seen));
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (def && (def.type === 'unknown' || def.type === 'any')) loose.push(path);
      for (const [k, v] of Object.entries(def ?? node)) visit(v, `${path}.${k}`, seen);
    };
    for (const [name, spec] of Object.entries(channels)) visit(spec.output, name, new Set());
    expect(loose).toEqual([]);
    // and each view is a channel of the contract
    for (const name of Object.keys(viewChannels)) expect(Object.keys(channels)).toContain(name);
  });

  it('has a handler for every channel', () => {
    expect(Object.keys(planner.handlers).sort()).toEqual(Object.keys(channels).sort());
  });
});
