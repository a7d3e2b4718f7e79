// The renderer's one API client. Two transports behind one typed interface:
//  - Electron: `window.planner` from the preload (IPC invoke + event subscription);
//  - browser (web bridge): POST /api/invoke with the page's token, events over EventSource('/api/events').
// Every call resolves to a `Result`; nothing here throws across the boundary.
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  ContractError,
  EventName,
  EventPayload,
  PlannerApi,
  Result,
} from '../../shared/contract';

/** What the preload exposes on `window.planner` (untyped at the boundary; typed by `createApi`). */
export interface RawTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export const EVENT_NAMES = ['job.progress', 'plan.changed', 'snapshots.changed', 'alerts.new'] as const satisfies readonly EventName[];

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
  token: string;
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

  const ensureSource = (): EventSource => {
    if (source) return source;
    source = openSource(`${base}/api/events?token=${encodeURIComponent(options.token)}`);
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
    async invoke(channel, input) {
      let response: Response;
      try {
        response = await doFetch(`${base}/api/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-bkp-token': options.token },
          body: JSON.stringify({ channel, input }),
        });
      } catch (err) {
        return failure('FAILED', `cannot reach the planner service: ${(err as Error).message}`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return failure('FAILED', `the planner service answered HTTP ${response.status} without a JSON body`);
      }
      return asResult(body);
    },
    on(event, listener) {
      ensureSource();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

/** Used when the page runs with neither the preload nor a bridge token (e.g. a static preview). */
export function createOfflineTransport(): RawTransport {
  return {
    invoke: async () =>
      failure('FAILED', 'not connected to the planner service: open the app from Electron or from the web bridge URL (with ?token=…)'),
    on: () => () => undefined,
  };
}

export function detectTransport(win: Window & { planner?: RawTransport }): RawTransport {
  if (win.planner && typeof win.planner.invoke === 'function') return win.planner;
  const token = new URLSearchParams(win.location.search).get('token');
  if (token) return createBridgeTransport({ token });
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

/** The app-wide API (created lazily from the environment; tests may replace it with `setApi`). */
export function getApi(): PlannerApi {
  if (!current) current = createApi(detectTransport(window as Window & { planner?: RawTransport }));
  return current;
}

export function setApi(api: PlannerApi): void {
  current = api;
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
