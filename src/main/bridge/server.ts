// The web bridge: serves the built renderer and the same contract over HTTP + server-sent events on 127.0.0.1,
// guarded by a random token, so the full UI runs in a browser for tests and previews.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { events as eventSchemas, type EventName } from '../../shared/contract';
import { dispatch } from '../services/dispatch';
import type { Planner } from '../services/planner';
import { CONTENT_SECURITY_POLICY } from '../security';

export interface BridgeOptions {
  planner: Planner;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
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

/** Resolves a URL path inside `root`, or undefined when it would escape it. */
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
  return target;
}

function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error(`request body larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const host = options.host ?? '127.0.0.1';
  const limit = options.maxBodyBytes ?? 300 * 1024 * 1024;
  const { planner } = options;
  const sseClients = new Set<ServerResponse>();

  const unsubscribers = (Object.keys(eventSchemas) as EventName[]).map((event) =>
    planner.on(event, (payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const client of sseClients) client.write(frame);
    }),
  );

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    try {
      if (url.pathname.startsWith('/api/')) {
        const given = url.searchParams.get('token') ?? (req.headers['x-bkp-token'] as string | undefined);
        if (!tokenMatches(token, given)) return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'missing or wrong token' } });
        if (url.pathname === '/api/invoke' && req.method === 'POST') {
          let body: { channel?: unknown; input?: unknown };
          try {
            body = JSON.parse(await readBody(req, limit));
          } catch (err) {
            return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: `request is not valid JSON: ${(err as Error).message}` } });
          }
          return sendJson(res, 200, await dispatch(planner.handlers, body?.channel, body?.input));
        }
        if (url.pathname === '/api/events' && req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
          res.write(': connected\n\n');
          sseClients.add(res);
          req.on('close', () => sseClients.delete(res));
          return;
        }
        return sendJson(res, 404, { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no route ${url.pathname}` } });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
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
      const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff' };
      if (type.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      res.writeHead(200, headers);
      createReadStream(file).pipe(res);
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'FAILED', message: (err as Error).message } });
      else res.end();
    }
  });

  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port;
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
