// The web bridge: serves the built renderer and the same contract over HTTP + server-sent events on 127.0.0.1,
// so the full UI runs in a browser for tests and previews. Only its own page may talk to it: the Host and Origin
// must be its own (no DNS rebinding, no cross-site calls), every call carries the random token in a header or in the
// HttpOnly, SameSite=Strict cookie set when the printed URL is opened (never in a URL), and calls are JSON, which a
// cross-site form cannot send without a preflight.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { events as eventSchemas, type EventName } from '../../shared/contract';
import { dispatch } from '../services/contract/dispatch';
import type { Planner } from '../services/contract/planner';
import { formatBytes, uploadNameProblem, uploadTooLargeMessage, UploadTooLargeError } from '../services/contract/uploads';
import { CONTENT_SECURITY_POLICY } from '../security';

export interface BridgeOptions {
  planner: Planner;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
  /** Largest body of a call (default 1 MB); files go through `/api/upload` instead. */
  maxBodyBytes?: number;
  /** Largest uploaded file (default 300 MB), streamed to disk. */
  maxUploadBytes?: number;
}

export interface Bridge {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const DEFAULT_CALL_LIMIT = 1024 * 1024;
const DEFAULT_UPLOAD_LIMIT = 300 * 1024 * 1024;
/** How long a refused body may keep arriving (and be discarded) after the answer, before the connection is cut. */
const DISCARD_GRACE_MS = 5000;

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Resolves a URL path inside `root`, or undefined when it would escape it. An existing file is resolved to its real
 * path, which must be inside the root's real path too (a symlink in the folder cannot reach /etc/passwd).
 */
export function safeStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const rootAbs = resolve(root);
  const target = resolve(rootAbs, normalize(`.${sep}${decoded}`));
  if (target !== rootAbs && !target.startsWith(rootAbs + sep)) return undefined;
  if (!existsSync(target)) return target;
  const real = realOrSelf(target);
  const realRoot = realOrSelf(rootAbs);
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined;
  return real;
}

function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The media type of the request body, lower-case, without parameters (`application/json; charset=utf-8`). */
function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: 'FORBIDDEN' | 'INVALID_INPUT' | 'UNKNOWN_CHANNEL' | 'FAILED', message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/**
 * Answers 413 at once. The rest of the body is read and discarded, so the client gets the answer rather than a
 * reset connection; a body that keeps coming for longer than the grace period gets the connection closed.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, message: string): void {
  req.resume();
  refuse(res, 413, 'INVALID_INPUT', message);
  if (req.readableEnded) return;
  const timer = setTimeout(() => req.socket.destroy(), DISCARD_GRACE_MS);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
}

/** The body as text, or undefined when it grew past `limit` (the caller answers 413; the rest is discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        chunks.length = 0;
        resolveBody(undefined);
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function declaredLength(req: IncomingMessage): number {
  const n = Number(req.headers['content-length']);
  return Number.isFinite(n) ? n : 0;
}

export function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const host = options.host ?? '127.0.0.1';
  const callLimit = options.maxBodyBytes ?? DEFAULT_CALL_LIMIT;
  const uploadLimit = options.maxUploadBytes ?? DEFAULT_UPLOAD_LIMIT;
  const { planner } = options;
  const sseClients = new Set<ServerResponse>();
  // Known once listening: the Host and Origin values that name this bridge.
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  let cookieName = 'bkp_token';

  const unsubscribers = (Object.keys(eventSchemas) as EventName[]).map((event) =>
    planner.on(event, (payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const client of sseClients) client.write(frame);
    }),
  );

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const given = (req.headers['x-bkp-token'] as string | undefined) ?? cookieValue(req, cookieName);
    if (!tokenMatches(token, given)) return refuse(res, 403, 'FORBIDDEN', 'missing or wrong token: open the app from the URL the web bridge printed');
    if (url.pathname === '/api/invoke' && req.method === 'POST') {
      if (mediaType(req) !== 'application/json') return refuse(res, 415, 'INVALID_INPUT', 'calls must be sent as application/json');
      const tooLarge = `request body larger than ${formatBytes(callLimit)}: the web bridge takes calls up to that size (files go through /api/upload)`;
      if (declaredLength(req) > callLimit) return refuseTooLarge(req, res, tooLarge);
      const text = await readBody(req, callLimit);
      if (text === undefined) return refuseTooLarge(req, res, tooLarge);
      let body: { channel?: unknown; input?: unknown };
      try {
        body = JSON.parse(text);
      } catch (err) {
        return refuse(res, 400, 'INVALID_INPUT', `request is not valid JSON: ${(err as Error).message}`);
      }
      return sendJson(res, 200, await dispatch(planner.handlers, body?.channel, body?.input));
    }
    if (url.pathname === '/api/upload' && req.method === 'POST') {
      if (mediaType(req) !== 'application/octet-stream') return refuse(res, 415, 'INVALID_INPUT', 'uploads must be sent as application/octet-stream');
      let name = '';
      try {
        name = decodeURIComponent(String(req.headers['x-bkp-file-name'] ?? ''));
      } catch {
        // refused below
      }
      // the name is the file's path in the folder the planner chose ("erp/snapshots/2025-09-02/YarnPO.xlsx")
      if (!name || name.length > 1024)
        return refuse(res, 400, 'INVALID_INPUT', 'an upload needs its file name (URI-encoded) in X-Bkp-File-Name, at most 1024 characters');
      const nameProblem = uploadNameProblem(name);
      if (nameProblem) return refuse(res, 400, 'INVALID_INPUT', nameProblem);
      if (declaredLength(req) > uploadLimit) return refuseTooLarge(req, res, uploadTooLargeMessage(name, uploadLimit));
      try {
        return sendJson(res, 200, { ok: true, data: { uploadId: await planner.stageUpload(name, req, uploadLimit) } });
      } catch (err) {
        if (err instanceof UploadTooLargeError) return refuseTooLarge(req, res, err.message);
        throw err;
      }
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    return refuse(res, 404, 'UNKNOWN_CHANNEL', `no route ${req.method} ${url.pathname}`);
  };

  const handleStatic = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const offered = url.searchParams.get('token');
    if (offered !== null && tokenMatches(token, offered)) {
      // The printed URL: keep the token in a cookie the page's scripts cannot read, and take it out of the address.
      res.writeHead(303, { location: '/', 'set-cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`, 'cache-control': 'no-store' });
      res.end();
      return;
    }
    const path = safeStaticPath(options.rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!path) {
      res.writeHead(403).end('forbidden');
      return;
    }
    const file = existsSync(path) && statSync(path).isFile() ? path : join(options.rendererDir, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('renderer not built: run npm run build');
      return;
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type };
    if (type.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  };

  const server = createServer(async (req, res) => {
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-content-type-options', 'nosniff');
    const origin = req.headers.origin;
    if (!allowedHosts.has(req.headers.host ?? '') || (origin !== undefined && !allowedOrigins.has(origin))) {
      req.resume();
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('forbidden: this bridge answers only its own page');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    try {
      if (url.pathname.startsWith('/api/')) await handleApi(req, res, url);
      else handleStatic(req, res, url);
    } catch (err) {
      if (!res.headersSent) refuse(res, 500, 'FAILED', (err as Error).message);
      else res.end();
    }
  });

  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port;
      allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`]);
      allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
      // Cookies are shared by every port of a host: one name per bridge, so two bridges never overwrite each other.
      cookieName = `bkp_token_${port}`;
      resolveStart({
        url: `http://${host}:${port}/?token=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            unsubscribers.forEach((u) => u());
            for (const c of sseClients) c.end();
            sseClients.clear();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
