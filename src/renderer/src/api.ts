// The renderer's one API client. Two transports behind one typed interface:
//  - Electron: `window.planner` from the preload (IPC invoke + event subscription);
//  - browser (web bridge): POST /api/invoke, events over EventSource('/api/events'), files streamed to POST /api/upload.
//    The page proves itself with the HttpOnly cookie the bridge set when its printed URL was opened (scripts never
//    see the token); other clients (tests, tools) send the token in a header.
// Every call resolves to a `Result`; nothing here throws across the boundary.
import type { ChannelInput, ChannelName, ChannelOutput, ContractError, EventName, EventPayload, PlannerApi, Result } from '../../shared/contract';

/** What the preload exposes on `window.planner` (untyped at the boundary; typed by `createApi`). */
export interface RawTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** The web bridge only: streams a file to the service's disk and answers `{ uploadId }` for `import.start`. */
  upload?(name: string, data: Blob): Promise<unknown>;
}

export const EVENT_NAMES = [
  'job.progress',
  'plan.changed',
  'snapshots.changed',
  'alerts.new',
  'actions.changed',
] as const satisfies readonly EventName[];

function failure(code: ContractError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Accepts only a well-formed Result; anything else becomes a FAILED result with a readable message. */
export function asResult(value: unknown): Result<unknown> {
  if (value && typeof value === 'object' && 'ok' in value) {
    const r = value as { ok: unknown; data?: unknown; error?: unknown };
    if (r.ok === true) return { ok: true, data: r.data };
    if (r.ok === false && r.error && typeof r.error === 'object') return value as Result<unknown>;
  }
  return failure('FAILED', 'the planner returned a malformed response');
}

export interface BridgeTransportOptions {
  /** Sent as a header when given; a page opened from the bridge's URL relies on its cookie instead. */
  token?: string;
  /** Base URL of the bridge; defaults to the page's origin (relative URLs). */
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  eventSourceFactory?: (url: string) => EventSource;
}

/** The web bridge transport: HTTP for calls, one shared EventSource for push events. */
export function createBridgeTransport(options: BridgeTransportOptions): RawTransport {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const openSource = options.eventSourceFactory ?? ((url: string) => new EventSource(url));
  let source: EventSource | undefined;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const tokenHeader: Record<string, string> = options.token ? { 'x-bkp-token': options.token } : {};

  /** A fetch whose answer is a Result; network failures and non-JSON answers become FAILED results. */
  const post = async (path: string, headers: Record<string, string>, body: BodyInit): Promise<unknown> => {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method: 'POST', headers: { ...headers, ...tokenHeader }, body });
    } catch (err) {
      return failure('FAILED', `cannot reach the planner service: ${(err as Error).message}`);
    }
    let answer: unknown;
    try {
      answer = await response.json();
    } catch {
      return failure('FAILED', `the planner service answered HTTP ${response.status} without a JSON body`);
    }
    return asResult(answer);
  };

  const ensureSource = (): EventSource => {
    if (source) return source;
    // EventSource cannot send headers: the events stream is authorised by the page's cookie.
    source = openSource(`${base}/api/events`);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (e) => {
        let payload: unknown;
        try {
          payload = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
    return source;
  };

  return {
    invoke: (channel, input) => post('/api/invoke', { 'content-type': 'application/json' }, JSON.stringify({ channel, input })),
    upload: (name, data) => post('/api/upload', { 'content-type': 'application/octet-stream', 'x-bkp-file-name': encodeURIComponent(name) }, data),
    on(event, listener) {
      ensureSource();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

/** Used when the page runs with neither the preload nor a bridge behind it (e.g. opened from a file). */
export function createOfflineTransport(): RawTransport {
  return {
    invoke: async () => failure('FAILED', 'not connected to the planner service: open the app from Electron or from the URL the web bridge printed'),
    on: () => () => undefined,
  };
}

export function detectTransport(win: Window & { planner?: RawTransport }): RawTransport {
  if (win.planner && typeof win.planner.invoke === 'function') return win.planner;
  if (win.location.protocol === 'http:' || win.location.protocol === 'https:') return createBridgeTransport({});
  return createOfflineTransport();
}

/** Wraps a raw transport into the contract-typed `PlannerApi`; transport errors become FAILED results. */
export function createApi(transport: RawTransport): PlannerApi {
  return {
    async invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
      try {
        return asResult(await transport.invoke(channel, input)) as Result<ChannelOutput<C>>;
      } catch (err) {
        return failure('FAILED', (err as Error)?.message ?? String(err));
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return transport.on(event, listener as (payload: unknown) => void);
    },
  };
}

let current: PlannerApi | undefined;
let currentTransport: RawTransport | undefined;

/** The app-wide API (created lazily from the environment; tests may replace it with `setApi`). */
export function getApi(): PlannerApi {
  if (!current) {
    currentTransport = detectTransport(window as Window & { planner?: RawTransport });
    current = createApi(currentTransport);
  }
  return current;
}

export function setApi(api: PlannerApi, transport?: RawTransport): void {
  current = api;
  currentTransport = transport;
}

/**
 * The web bridge's file upload (streamed to the service's disk, answered with an id for `import.start`), or
 * undefined in Electron, whose IPC carries the bytes in the call itself.
 */
export function fileUploader(): ((name: string, data: Blob) => Promise<Result<{ uploadId: string }>>) | undefined {
  getApi();
  const transport = currentTransport;
  if (!transport?.upload) return undefined;
  return async (name, data) => {
    try {
      return asResult(await transport.upload!(name, data)) as Result<{ uploadId: string }>;
    } catch (err) {
      return failure('FAILED', (err as Error)?.message ?? String(err));
    }
  };
}

export const api: PlannerApi = {
  invoke: (channel, input) => getApi().invoke(channel, input),
  on: (event, listener) => getApi().on(event, listener),
};

type ErrorReporter = (error: ContractError, channel: ChannelName) => void;
let reportError: ErrorReporter = () => undefined;

/** The toast store registers itself here, so `call` can show errors without importing UI code. */
export function setErrorReporter(reporter: ErrorReporter): void {
  reportError = reporter;
}

/** Calls a channel and unwraps the data; on failure shows an error toast and resolves to undefined. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C> | undefined> {
  const result = await api.invoke(channel, input);
  if (result.ok) return result.data;
  reportError(result.error, channel);
  return undefined;
}

export class ApiError extends Error {
  constructor(
    readonly channel: ChannelName,
    readonly error: ContractError,
  ) {
    super(error.message);
  }
}

/** Calls a channel and unwraps the data; throws `ApiError` (no toast) so the caller can render the failure. */
export async function callOrThrow<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await api.invoke(channel, input);
  if (result.ok) return result.data;
  throw new ApiError(channel, result.error);
}
