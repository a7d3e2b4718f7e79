import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeStaticPath, startBridge, type Bridge } from '../../../src/main/bridge/server';
import { createPlanner, openPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { JobHost } from '../../../src/main/workers/jobHost';
import { runJob } from '../../../src/main/services/jobs/registry';
import { tempDir } from '../../support/tempDb';

const tmp = tempDir();
let planner: Planner;
let bridge: Bridge;

function raw(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const invoke = (channel: unknown, input: unknown, token = bridge.token) =>
  raw('POST', '/api/invoke', JSON.stringify({ channel, input }), { 'content-type': 'application/json', 'x-bkp-token': token });

beforeAll(async () => {
  const rendererDir = join(tmp.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>BKP</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'outside the renderer');
  planner = createPlanner({ dbPath: tmp.dbPath, shell: 'web', jobs: new JobHost({ dbPath: tmp.dbPath, mode: 'inline', run: runJob }) });
  bridge = await startBridge({ planner, rendererDir });
});
afterAll(async () => {
  await bridge.close();
  await planner.close();
  tmp.cleanup();
});

describe('web bridge', () => {
  it('listens on loopback with a random token in the URL', () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${bridge.token}$`));
    expect(bridge.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await raw('GET', '/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>BKP</title>');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await raw('GET', '/assets/app.js')).text).toBe('console.log(1)');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const res = await raw('GET', path);
      expect(res.text).not.toContain('outside the renderer');
    }
    expect(safeStaticPath('/srv/app', '/../etc/passwd')).toBeUndefined();
    expect(safeStaticPath('/srv/app', '/a/../../x')).toBeUndefined();
    expect(safeStaticPath('/srv/app', '/assets/x.js')).toBe('/srv/app/assets/x.js');
  });

  it('answers the contract over HTTP and refuses a wrong token', async () => {
    const ok = await invoke('app.info', {});
    expect(JSON.parse(ok.text)).toMatchObject({ ok: true, data: { shell: 'web' } });
    const forbidden = await invoke('app.info', {}, 'not-the-token');
    expect(forbidden.status).toBe(403);
  });

  it('gives structured errors for malformed requests and keeps running', async () => {
    const notJson = await raw('POST', '/api/invoke', '{oops', { 'content-type': 'application/json', 'x-bkp-token': bridge.token });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.text).error.code).toBe('INVALID_INPUT');
    expect(JSON.parse((await invoke('no.such.channel', {})).text).error.code).toBe('UNKNOWN_CHANNEL');
    expect(JSON.parse((await invoke('snapshots.delete', { id: -1 })).text).error.code).toBe('INVALID_INPUT');
    expect(JSON.parse((await invoke('app.info', {})).text).ok).toBe(true);
  });

  it('keeps serving with a clear error when the database file is not SQLite', async () => {
    const bogus = join(tmp.dir, 'not-a-db.db');
    writeFileSync(bogus, 'PK\u0003\u0004 this is a zip, not a database'.repeat(50));
    const { planner: broken, error } = openPlanner({
      dbPath: bogus,
      shell: 'web',
      jobs: new JobHost({ dbPath: bogus, mode: 'inline', run: runJob }),
    });
    expect(error).toMatch(/not an SQLite file/);
    const other = await startBridge({ planner: broken, rendererDir: join(tmp.dir, 'renderer') });
    try {
      const res = await fetch(`http://127.0.0.1:${other.port}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bkp-token': other.token },
        body: JSON.stringify({ channel: 'snapshots.list', input: {} }),
      });
      expect(await res.json()).toMatchObject({
        ok: false,
        error: { code: 'FAILED', message: expect.stringMatching(/not-a-db\.db is not a Beverly Knits Planner database/) },
      });
      expect((await fetch(`http://127.0.0.1:${other.port}/`)).status).toBe(200);
      expect(readFileSync(bogus, 'utf8')).toContain('this is a zip');
    } finally {
      await other.close();
    }
  });

  it('pushes events over server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: bridge.port, path: '/api/events', headers: { 'x-bkp-token': bridge.token } }, (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c.toString();
          if (text.includes('event: job.progress')) {
            resolve(text);
            req.destroy();
          }
        });
      });
      req.on('error', (e) => (String(e).includes('socket hang up') ? undefined : reject(e)));
      req.end();
    });
    await new Promise((r) => setTimeout(r, 100));
    await invoke('plan.run', {}); // fails: no snapshot, but that still must not break the stream
    planner.jobs.emit('progress', { jobId: 'x-1', kind: 'plan', status: 'running', fraction: 0.5, message: 'half way' });
    const text = await received;
    expect(text).toContain('"message":"half way"');
  });
});
