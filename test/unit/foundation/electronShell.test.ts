// The Electron shell, with `electron` mocked (the binary is not installed here): the window is locked down and
// IPC only answers our own renderer, with validated payloads.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../src/main/store/db';
import { insertSnapshot } from '../../../src/main/store/snapshots';
import { tempDir } from '../../support/tempDb';

const tmp = tempDir();
const seeded = openStore(`${tmp.dir}/planner.db`);
insertSnapshot(seeded, { asOf: '2025-09-02', label: 'seed', kind: 'import', source: 't', contentHash: 'h', createdAt: 'now' });
seeded.close();

const mocks = vi.hoisted(() => {
  const appHandlers: Record<string, (...a: unknown[]) => void> = {};
  return {
    appHandlers,
    windows: [] as { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[],
    ipcHandlers: {} as Record<string, (...a: unknown[]) => Promise<unknown>>,
    protocolHandlers: {} as Record<string, (req: Request) => Promise<Response>>,
    privileged: [] as unknown[],
  };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => mocks.windows;
    webContents = { send: vi.fn(), print: vi.fn(), printToPDF: vi.fn() };
    loadURL = vi.fn();
    options: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      mocks.windows.push(this as never);
    }
    once() {}
    show() {}
    focus() {}
  }
  return {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      on: (name: string, fn: (...a: unknown[]) => void) => (mocks.appHandlers[name] = fn),
      whenReady: () => Promise.resolve(),
      getPath: () => tmp.dir,
      getVersion: () => '0.1.0',
      quit: vi.fn(),
    },
    BrowserWindow,
    ipcMain: { handle: (ch: string, fn: (...a: unknown[]) => Promise<unknown>) => (mocks.ipcHandlers[ch] = fn) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => mocks.privileged.push(s),
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) => (mocks.protocolHandlers[scheme] = fn),
    },
    net: { fetch: vi.fn(async () => new Response('<html></html>', { status: 200 })) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
    shell: { openExternal: vi.fn() },
    Notification: class {
      static isSupported = () => true;
      show = vi.fn();
    },
  };
});

const { startApp } = await import('../../../src/main/index');
await startApp();
afterAll(() => {
  void mocks.appHandlers['will-quit']?.();
});

describe('Electron shell', () => {
  it('opens a sandboxed, context-isolated window without Node integration on the app:// scheme', () => {
    const win = mocks.windows[0];
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
  });

  it('denies new windows, webviews and navigation away from the app', () => {
    const listeners: Record<string, (e: { preventDefault(): void }, url?: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, fn: (e: { preventDefault(): void }, url?: string) => void) => (listeners[name] = fn),
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    };
    mocks.appHandlers['web-contents-created']({}, contents);
    const nav = { preventDefault: vi.fn() };
    listeners['will-navigate'](nav, 'https://example.com/phish');
    expect(nav.preventDefault).toHaveBeenCalled();
    const inApp = { preventDefault: vi.fn() };
    listeners['will-navigate'](inApp, 'app://renderer/index.html#/yarn');
    expect(inApp.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners['will-attach-webview'](webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('answers IPC only from the app renderer, with validated payloads', async () => {
    const invoke = mocks.ipcHandlers['bkp:invoke'];
    const fromApp = { senderFrame: { url: 'app://renderer/index.html' } };
    const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } };
    expect(await invoke(fromElsewhere, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke(fromApp, 'app.info', {})).toMatchObject({ ok: true, data: { shell: 'electron' } });
    expect(await invoke(fromApp, 'snapshots.delete', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invoke(fromApp, 'nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('serves the renderer with a CSP and refuses paths outside it', async () => {
    const handle = mocks.protocolHandlers.app;
    const ok = await handle(new Request('app://renderer/index.html'));
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    const escape = await handle(new Request('app://renderer/..%2f..%2fpackage.json'));
    expect(escape.status).toBe(403);
    const otherHost = await handle(new Request('app://elsewhere/index.html'));
    expect(otherHost.status).toBe(403);
  });
});
