// The web bridge on a real 127.0.0.1 socket, probed the way a hostile page or a DNS-rebinding attack would:
// foreign Host and Origin headers, the token in the query string, cross-site content types, oversized bodies,
// symlinks out of the renderer folder. Uploads stream to disk and are deleted after the import.
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../src/main/bridge/server';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { JobHost } from '../../../src/main/workers/jobHost';
import { runJob } from '../../../src/main/services/jobs/registry';
import { tempDir } from '../../support/tempDb';
import { TINY_YARN_INVENTORY_CSV } from '../../support/tinyExports';

const tmp = tempDir('bkp-bridge-sec-');
const uploadsDir = join(tmp.dir, 'uploads');
let planner: Planner;
let bridge: Bridge;
const CALL_LIMIT = 64 * 1024;
const UPLOAD_LIMIT = 256 * 1024;

interface RawResponse {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One HTTP request; `body` may be a Buffer, or a number of bytes to send in chunks (no Content-Length). */
function raw(
  method: string,
  path: string,
  options: { body?: string | Buffer; chunkedBytes?: number; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, method, path, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    if (options.chunkedBytes) {
      const piece = Buffer.alloc(16 * 1024, 'x');
      let sent = 0;
      const pump = () => {
        while (sent < options.chunkedBytes!) {
          sent += piece.length;
          if (!req.write(piece)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
      return;
    }
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Files waiting in the upload folder (none when it was never created). */
const stagedFiles = (): string[] => (existsSync(uploadsDir) ? readdirSync(uploadsDir, { recursive: true }).map(String) : []);
const own = () => ({ host: `127.0.0.1:${bridge.port}` });
const json = (channel: string, input: unknown = {}) => JSON.stringify({ channel, input });
const withToken = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', 'x-bkp-token': bridge.token, ...extra });

beforeAll(async () => {
  const rendererDir = join(tmp.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>BKP</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  mkdirSync(join(tmp.dir, 'outside'));
  writeFileSync(join(tmp.dir, 'outside', 'secret.txt'), 'outside the renderer');
  symlinkSync('/etc/passwd', join(rendererDir, 'passwd'));
  symlinkSync(join(tmp.dir, 'outside'), join(rendererDir, 'linked'));
  symlinkSync(join(rendererDir, 'assets', 'app.js'), join(rendererDir, 'alias.js'));
  planner = createPlanner({
    dbPath: tmp.dbPath,
    shell: 'web',
    jobs: new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob }),
    uploadsDir,
    autoRun: false,
  });
  bridge = await startBridge({ planner, rendererDir, maxBodyBytes: CALL_LIMIT, maxUploadBytes: UPLOAD_LIMIT });
});
afterAll(async () => {
  await bridge.close();
  await planner.close();
  tmp.cleanup();
});

describe('web bridge: who may talk to it', () => {
  it('refuses a request whose Host is not its own 127.0.0.1:<port> or localhost:<port> (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${bridge.port}`, `127.0.0.1:${bridge.port + 1}`, '127.0.0.1']) {
      const page = await raw('GET', '/', { headers: { host } });
      expect(page.status, host).toBe(403);
      expect(page.text).not.toContain('<title>BKP</title>');
      const call = await raw('POST', '/api/invoke', { body: json('app.info'), headers: withToken({ host }) });
      expect(call.status, host).toBe(403);
      expect(call.text).not.toContain('"shell"');
    }
    expect((await raw('GET', '/', { headers: own() })).status).toBe(200);
    expect((await raw('GET', '/', { headers: { host: `localhost:${bridge.port}` } })).status).toBe(200);
    expect(JSON.parse((await raw('POST', '/api/invoke', { body: json('app.info'), headers: withToken(own()) })).text)).toMatchObject({ ok: true });
  });

  it('refuses a request whose Origin is not its own', async () => {
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${bridge.port}`,
      'null',
      `http://127.0.0.1:${bridge.port + 1}`,
      `https://127.0.0.1:${bridge.port}`,
    ]) {
      const call = await raw('POST', '/api/invoke', { body: json('app.info'), headers: withToken({ ...own(), origin }) });
      expect(call.status, origin).toBe(403);
      expect(call.text).not.toContain('"shell"');
    }
    const same = await raw('POST', '/api/invoke', {
      body: json('app.info'),
      headers: withToken({ ...own(), origin: `http://127.0.0.1:${bridge.port}` }),
    });
    expect(JSON.parse(same.text)).toMatchObject({ ok: true, data: { shell: 'web' } });
  });

  it('never accepts the token from the query string for calls or events', async () => {
    const query = await raw('POST', `/api/invoke?token=${bridge.token}`, {
      body: json('app.info'),
      headers: { ...own(), 'content-type': 'application/json' },
    });
    expect(query.status).toBe(403);
    const events = await raw('GET', `/api/events?token=${bridge.token}`, { headers: own() });
    expect(events.status).toBe(403);
  });

  it('refuses the cross-site text/plain POST that acknowledged an alert, and any call without a JSON content type', async () => {
    // What a hostile page can send without a CORS preflight: a form-like body, the token in the URL.
    const crossSite = await raw('POST', `/api/invoke?token=${bridge.token}`, {
      body: json('alerts.ack', { key: 'yarn-short:18868' }),
      headers: { ...own(), origin: 'http://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(crossSite.status).toBe(403);
    const plain = await raw('POST', '/api/invoke', {
      body: json('alerts.ack', { key: 'yarn-short:18868' }),
      headers: withToken({ ...own(), 'content-type': 'text/plain' }),
    });
    expect(plain.status).toBe(415);
    const form = await raw('POST', '/api/invoke', {
      body: json('alerts.ack', { key: 'yarn-short:18868' }),
      headers: withToken({ ...own(), 'content-type': 'application/x-www-form-urlencoded' }),
    });
    expect(form.status).toBe(415);
    expect(planner.db.prepare('SELECT count(*) AS n FROM alert_ack').get()).toEqual({ n: 0 });
    const ok = await raw('POST', '/api/invoke', {
      body: json('alerts.ack', { key: 'yarn-short:18868' }),
      headers: withToken({ ...own(), 'content-type': 'application/json; charset=utf-8' }),
    });
    expect(JSON.parse(ok.text)).toMatchObject({ ok: true, data: { acknowledged: true } });
  });

  it('sets an HttpOnly SameSite=Strict cookie when the printed URL is opened and sends the page to the address without the token', async () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    const opened = await raw('GET', `/?token=${bridge.token}`, { headers: own() });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^bkp_token_${bridge.port}=${bridge.token};`));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    const pair = cookie.split(';')[0];

    const byCookie = await raw('POST', '/api/invoke', {
      body: json('app.info'),
      headers: { ...own(), 'content-type': 'application/json', cookie: pair },
    });
    expect(JSON.parse(byCookie.text)).toMatchObject({ ok: true, data: { shell: 'web' } });
    const wrongCookie = await raw('POST', '/api/invoke', {
      body: json('app.info'),
      headers: { ...own(), 'content-type': 'application/json', cookie: `bkp_token_${bridge.port}=nope` },
    });
    expect(wrongCookie.status).toBe(403);

    const wrongToken = await raw('GET', '/?token=not-the-token', { headers: own() });
    expect(wrongToken.headers['set-cookie']).toBeUndefined();
  });

  it('streams events to a page that holds the cookie', async () => {
    const pair = `bkp_token_${bridge.port}=${bridge.token}`;
    const text = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: bridge.port, path: '/api/events', headers: { ...own(), cookie: pair } }, (res) => {
        if (res.statusCode !== 200 || res.headers['referrer-policy'] !== 'no-referrer') {
          reject(new Error(`events answered ${res.statusCode}, Referrer-Policy ${res.headers['referrer-policy']}`));
          req.destroy();
          return;
        }
        res.once('data', (c) => {
          resolve(c.toString());
          req.destroy();
        });
      });
      req.on('error', (e) => (String(e).includes('socket hang up') ? undefined : reject(e)));
      req.end();
    });
    expect(text).toContain(': connected');
  });

  it('sends Referrer-Policy: no-referrer on every response', async () => {
    const responses = [
      await raw('GET', '/', { headers: own() }),
      await raw('GET', '/assets/app.js', { headers: own() }),
      await raw('GET', `/?token=${bridge.token}`, { headers: own() }),
      await raw('POST', '/api/invoke', { body: json('app.info'), headers: withToken(own()) }),
      await raw('POST', '/api/invoke', { body: json('app.info'), headers: { ...own(), 'content-type': 'application/json' } }),
      await raw('GET', '/', { headers: { host: 'evil.example' } }),
      await raw('POST', '/', { headers: own() }),
      await raw('GET', '/api/nothing', { headers: withToken(own()) }),
    ];
    for (const r of responses) expect(r.headers['referrer-policy'], `${r.status}`).toBe('no-referrer');
  });
});

describe('web bridge: bodies and uploads', () => {
  it('answers an over-limit call with 413 at once, whether the length is declared or not, and keeps serving', async () => {
    const declared = await raw('POST', '/api/invoke', { body: Buffer.alloc(CALL_LIMIT * 4, 'x'), headers: withToken(own()) });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/larger than 64 KB/) },
    });
    expect(declared.headers['referrer-policy']).toBe('no-referrer');
    const streamed = await raw('POST', '/api/invoke', { chunkedBytes: CALL_LIMIT * 4, headers: withToken(own()) });
    expect(streamed.status).toBe(413);
    expect(JSON.parse((await raw('POST', '/api/invoke', { body: json('app.info'), headers: withToken(own()) })).text)).toMatchObject({ ok: true });
  });

  it('streams an upload to disk under its own limit, imports it, and deletes the temporary file afterwards', async () => {
    // Larger than a call may be, smaller than an upload may be: padded with blank lines the reader skips.
    const body = Buffer.from(TINY_YARN_INVENTORY_CSV + '\n'.repeat(CALL_LIMIT * 2));
    const up = await raw('POST', '/api/upload', {
      body,
      headers: {
        ...own(),
        'x-bkp-token': bridge.token,
        'content-type': 'application/octet-stream',
        'x-bkp-file-name': encodeURIComponent('yarn inventory (1).csv'),
      },
    });
    expect(up.status).toBe(200);
    const { uploadId } = JSON.parse(up.text).data as { uploadId: string };
    expect(uploadId).toMatch(/^[0-9a-f]{32}$/);
    expect(stagedFiles().some((f) => f.endsWith('yarn inventory (1).csv'))).toBe(true);

    const started = JSON.parse(
      (await raw('POST', '/api/invoke', { body: json('import.start', { uploadIds: [uploadId], asOf: '2025-09-05' }), headers: withToken(own()) }))
        .text,
    );
    expect(started).toMatchObject({ ok: true });
    const done = await planner.jobs.wait(started.data.jobId);
    expect(done.status).toBe('done');
    expect(planner.db.prepare('SELECT count(*) AS n FROM yarn_inventory').get()).toEqual({ n: 2 });
    await new Promise((r) => setTimeout(r, 50));
    expect(stagedFiles()).toEqual([]);

    // The upload id is spent: it cannot be imported twice.
    const again = JSON.parse(
      (await raw('POST', '/api/invoke', { body: json('import.start', { uploadIds: [uploadId] }), headers: withToken(own()) })).text,
    );
    expect(again).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no uploaded file/) } });
  });

  it('deletes files handed over in the call itself (Electron IPC) once their import has finished', async () => {
    const base64 = Buffer.from('not an ERP export at all\n').toString('base64');
    const { jobId } = await planner.handlers['import.start']({ uploads: [{ name: 'notes.csv', base64 }], asOf: '2025-09-06' });
    expect(stagedFiles().some((f) => f.endsWith('notes.csv'))).toBe(true);
    const done = await planner.jobs.wait(jobId);
    expect(done.status).toBe('failed');
    await new Promise((r) => setTimeout(r, 50));
    expect(stagedFiles()).toEqual([]);
  });

  it('answers an over-limit upload with 413 and leaves no partial file behind', async () => {
    const headers = { ...own(), 'x-bkp-token': bridge.token, 'content-type': 'application/octet-stream', 'x-bkp-file-name': 'big.csv' };
    const declared = await raw('POST', '/api/upload', { body: Buffer.alloc(UPLOAD_LIMIT + 1, 'x'), headers });
    expect(declared.status).toBe(413);
    const streamed = await raw('POST', '/api/upload', { chunkedBytes: UPLOAD_LIMIT * 2, headers });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.text).error.message).toMatch(/big\.csv is larger than 256 KB/);
    expect(stagedFiles()).toEqual([]);
  });

  it('refuses an upload without the token, from another origin or with a form content type', async () => {
    const base = { ...own(), 'x-bkp-file-name': 'a.csv' };
    expect((await raw('POST', '/api/upload', { body: 'x', headers: { ...base, 'content-type': 'application/octet-stream' } })).status).toBe(403);
    expect(
      (
        await raw('POST', '/api/upload', {
          body: 'x',
          headers: { ...base, 'x-bkp-token': bridge.token, 'content-type': 'application/octet-stream', origin: 'http://evil.example' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await raw('POST', '/api/upload', {
          body: 'x',
          headers: { ...base, 'x-bkp-token': bridge.token, 'content-type': 'multipart/form-data; boundary=x' },
        })
      ).status,
    ).toBe(415);
    expect(stagedFiles()).toEqual([]);
  });
});

describe('web bridge: static files', () => {
  it('resolves files by their real path inside the renderer folder: a symlink out of it is not served', async () => {
    const passwd = await raw('GET', '/passwd', { headers: own() });
    expect(passwd.status).toBe(403);
    expect(passwd.text).not.toMatch(/root:/);
    const linked = await raw('GET', '/linked/secret.txt', { headers: own() });
    expect(linked.status).toBe(403);
    expect(linked.text).not.toContain('outside the renderer');
    // A link that stays inside the folder is fine.
    expect((await raw('GET', '/alias.js', { headers: own() })).text).toBe('console.log(1)');
    expect(existsSync(join(tmp.dir, 'renderer', 'passwd'))).toBe(true);
  });
});
