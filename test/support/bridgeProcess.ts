// Starts the built web bridge (`out/main/bridge.js`) as a child process on a fresh database and returns its URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const BRIDGE_SCRIPT = join(__dirname, '../../out/main/bridge.js');
export const bridgeBuilt = existsSync(BRIDGE_SCRIPT);

export interface BridgeProcess {
  url: string;
  token: string;
  origin: string;
  proc: ChildProcess;
  output: () => string;
  invoke<T = unknown>(channel: string, input?: unknown): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }>;
  stop(): Promise<void>;
}

export async function startBridgeProcess(dbPath: string, extraArgs: string[] = []): Promise<BridgeProcess> {
  const proc = spawn(process.execPath, [BRIDGE_SCRIPT, '--db', dbPath, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (c) => (out += c.toString()));
  proc.stderr!.on('data', (c) => (out += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bridge did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /Open (http\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout!.on('data', check);
    proc.on('exit', (code) => reject(new Error(`bridge exited with ${code}:\n${out}`)));
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token')!;
  return {
    url,
    token,
    origin: parsed.origin,
    proc,
    output: () => out,
    async invoke(channel, input = {}) {
      const res = await fetch(`${parsed.origin}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bkp-token': token },
        body: JSON.stringify({ channel, input }),
      });
      return res.json();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** Polls until the plan of the active snapshot has been computed (demo load, import and plan run all done). */
export async function waitForPlan(bridge: BridgeProcess, timeoutMs = 180_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const info = await bridge.invoke<{ activeSnapshotId: number | null }>('app.info');
    const jobs = await bridge.invoke<{ kind: string; status: string; error?: string }[]>('jobs.list');
    const failed = jobs.data?.find((j) => j.status === 'failed');
    if (failed) throw new Error(`${failed.kind} job failed: ${failed.error}\n${bridge.output()}`);
    const running = jobs.data?.some((j) => j.status === 'running');
    const planDone = jobs.data?.some((j) => j.kind === 'plan' && j.status === 'done');
    if (info.data?.activeSnapshotId && planDone && !running) return info.data.activeSnapshotId;
    if (Date.now() > until) throw new Error(`no plan after ${timeoutMs} ms\n${bridge.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
