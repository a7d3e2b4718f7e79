// The renderer's API client over the web bridge transport (fetch + EventSource mocked) and the Result handling.
import { describe, expect, it, vi } from 'vitest';
import {
  asResult,
  createApi,
  createBridgeTransport,
  createOfflineTransport,
  detectTransport,
  type RawTransport,
} from '../../../src/renderer/src/api';

class FakeEventSource {
  listeners = new Map<string, ((e: { data: string }) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(name: string, fn: (e: { data: string }) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
  }
  emit(name: string, data: string) {
    for (const fn of this.listeners.get(name) ?? []) fn({ data });
  }
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('bridge transport', () => {
  it('posts {channel, input} with the token header and returns the Result', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ ok: true, data: [{ id: 1 }] }));
    const api = createApi(createBridgeTransport({ token: 'tok123', fetchImpl: fetchImpl as unknown as typeof fetch }));
    const r = await api.invoke('snapshots.list', {});
    expect(r).toEqual({ ok: true, data: [{ id: 1 }] });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/invoke');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['x-bkp-token']).toBe('tok123');
    expect(JSON.parse(init.body as string)).toEqual({ channel: 'snapshots.list', input: {} });
  });

  it('passes structured errors through (e.g. 403 FORBIDDEN)', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ ok: false, error: { code: 'FORBIDDEN', message: 'missing or wrong token' } }, 403));
    const api = createApi(createBridgeTransport({ token: 'x', fetchImpl: fetchImpl as unknown as typeof fetch }));
    const r = await api.invoke('app.info', {});
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'missing or wrong token' } });
  });

  it('turns network failures and non-JSON answers into FAILED results instead of throwing', async () => {
    const down = createApi(
      createBridgeTransport({ token: 'x', fetchImpl: (async () => Promise.reject(new Error('ECONNREFUSED'))) as unknown as typeof fetch }),
    );
    const r1 = await down.invoke('app.info', {});
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.error).toMatchObject({ code: 'FAILED', message: expect.stringContaining('ECONNREFUSED') });

    const html = createApi(
      createBridgeTransport({ token: 'x', fetchImpl: (async () => new Response('<html>', { status: 500 })) as unknown as typeof fetch }),
    );
    const r2 = await html.invoke('app.info', {});
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.message).toContain('HTTP 500');
  });

  it('sends no token of its own when none is given: the page is authorised by its HttpOnly cookie', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ ok: true, data: {} }));
    await createApi(createBridgeTransport({ fetchImpl: fetchImpl as unknown as typeof fetch })).invoke('app.info', {});
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/invoke');
    expect(init.headers).toStrictEqual({ 'content-type': 'application/json' });
  });

  it('streams a file to /api/upload as octet-stream with its URI-encoded name, and answers the upload id', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ ok: true, data: { uploadId: 'a'.repeat(32) } }));
    const transport = createBridgeTransport({ token: 't', fetchImpl: fetchImpl as unknown as typeof fetch });
    const file = new Blob(['Desc#,Supplier\n']);
    expect(await transport.upload!('yarn inventory.csv', file)).toEqual({ ok: true, data: { uploadId: 'a'.repeat(32) } });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/upload');
    expect(init.headers).toEqual({ 'content-type': 'application/octet-stream', 'x-bkp-file-name': 'yarn%20inventory.csv', 'x-bkp-token': 't' });
    expect(init.body).toBe(file);
  });

  it('uses the preload when there is one, the bridge on an http page, and nothing on a file page', async () => {
    const preload: RawTransport = { invoke: async () => ({ ok: true, data: 'ipc' }), on: () => () => undefined };
    const win = (protocol: string, planner?: RawTransport) =>
      ({ location: { protocol, search: '' }, planner }) as unknown as Window & { planner?: RawTransport };
    expect(detectTransport(win('app:', preload))).toBe(preload);
    expect(detectTransport(win('http:')).upload).toBeTypeOf('function');
    expect(detectTransport(win('file:')).upload).toBeUndefined();
    expect(await createApi(detectTransport(win('file:'))).invoke('app.info', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not connected/) },
    });
  });

  it('opens one EventSource (authorised by the cookie, no token in its URL) and dispatches named events as parsed JSON', () => {
    const sources: FakeEventSource[] = [];
    const transport = createBridgeTransport({
      token: 'a b',
      eventSourceFactory: (url) => {
        const s = new FakeEventSource(url);
        sources.push(s);
        return s as unknown as EventSource;
      },
    });
    const api = createApi(transport);
    const progress = vi.fn();
    const changed = vi.fn();
    const off = api.on('job.progress', progress);
    api.on('plan.changed', changed);
    expect(sources).toHaveLength(1);
    expect(sources[0].url).toBe('/api/events');
    sources[0].emit('job.progress', JSON.stringify({ jobId: 'j1', kind: 'import', status: 'running', fraction: 0.5, message: 'half' }));
    sources[0].emit('plan.changed', JSON.stringify({ snapshotId: 3, reason: 'plan run' }));
    sources[0].emit('plan.changed', 'not json');
    expect(progress).toHaveBeenCalledWith(expect.objectContaining({ jobId: 'j1', fraction: 0.5 }));
    expect(changed).toHaveBeenCalledTimes(1);
    off();
    sources[0].emit('job.progress', JSON.stringify({ jobId: 'j2' }));
    expect(progress).toHaveBeenCalledTimes(1);
  });
});

describe('createApi', () => {
  it('catches a throwing transport (e.g. preload IPC error)', async () => {
    const throwing: RawTransport = { invoke: async () => Promise.reject(new Error('ipc gone')), on: () => () => undefined };
    const r = await createApi(throwing).invoke('jobs.list', {});
    expect(r).toEqual({ ok: false, error: { code: 'FAILED', message: 'ipc gone' } });
  });

  it('reports "not connected" without a preload or token', async () => {
    const r = await createApi(createOfflineTransport()).invoke('app.info', {});
    expect(r.ok).toBe(false);
  });

  it('asResult rejects malformed bodies', () => {
    expect(asResult({ hello: 1 }).ok).toBe(false);
    expect(asResult({ ok: true })).toEqual({ ok: true, data: undefined });
  });
});
