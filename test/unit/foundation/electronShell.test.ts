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
    permissionRequest: undefined as
      undefined | ((wc: unknown, permission: string, callback: (ok: boolean) => void, details: { requestingUrl?: string }) => void),
    permissionCheck: undefined as undefined | ((wc: unknown, permission: string, origin: string, details: { requestingUrl?: string }) => boolean),
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
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof mocks.permissionRequest) => (mocks.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof mocks.permissionCheck) => (mocks.permissionCheck = fn),
      },
    },
    Notification: class {
      static isSupported = () => true;
      show = vi.fn();
    },
  };
});

const electron = await import('electron');
const { startApp, isTrustedSender } = await import('../../../src/main/index');
const { isAllowedExternalUrl } = await import('../../../src/main/security');
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
    const nav = { url: 'https://example.com/phish', preventDefault: vi.fn() };
    listeners['will-navigate'](nav, nav.url);
    expect(nav.preventDefault).toHaveBeenCalled();
    const inApp = { url: 'app://renderer/index.html#/yarn', preventDefault: vi.fn() };
    listeners['will-navigate'](inApp, inApp.url);
    expect(inApp.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners['will-attach-webview'](webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check except notifications from the app itself', () => {
    const request = mocks.permissionRequest!;
    const check = mocks.permissionCheck!;
    expect(request).toBeTypeOf('function');
    expect(check).toBeTypeOf('function');
    const asked = (permission: string, requestingUrl = 'app://renderer/index.html') => {
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl });
      expect(callback).toHaveBeenCalledTimes(1);
      return callback.mock.calls[0][0] as boolean;
    };
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'serial', 'usb', 'display-capture', 'unknown']) {
      expect(asked(p), p).toBe(false);
      expect(check({}, p, 'app://renderer', { requestingUrl: 'app://renderer/index.html' }), p).toBe(false);
    }
    expect(asked('notifications')).toBe(true);
    expect(check({}, 'notifications', 'app://renderer', { requestingUrl: 'app://renderer/index.html' })).toBe(true);
    expect(asked('notifications', 'https://evil.example/')).toBe(false);
    expect(check({}, 'notifications', 'https://evil.example', { requestingUrl: 'https://evil.example/' })).toBe(false);
  });

  it('handles redirects and frame navigations like navigations: only the app itself', () => {
    const listeners: Record<string, (e: { url?: string; isMainFrame?: boolean; preventDefault(): void }, url?: string) => void> = {};
    const contents = {
      on: (name: string, fn: (typeof listeners)[string]) => (listeners[name] = fn),
      setWindowOpenHandler: () => undefined,
    };
    mocks.appHandlers['web-contents-created']({}, contents);
    const attempt = (event: string, url: string, isMainFrame = true) => {
      const details = { url, isMainFrame, preventDefault: vi.fn() };
      listeners[event](details, url);
      return details.preventDefault.mock.calls.length > 0 ? 'blocked' : 'allowed';
    };
    expect(attempt('will-redirect', 'https://evil.example/')).toBe('blocked');
    expect(attempt('will-redirect', 'app://renderer/index.html')).toBe('allowed');
    expect(attempt('will-frame-navigate', 'https://evil.example/')).toBe('blocked');
    expect(attempt('will-frame-navigate', 'https://evil.example/', false)).toBe('blocked');
    expect(attempt('will-frame-navigate', 'app://renderer/index.html#/yarn')).toBe('allowed');
    // The report print frame is an about:srcdoc subframe of our own page.
    expect(attempt('will-frame-navigate', 'about:srcdoc', false)).toBe('allowed');
    expect(attempt('will-frame-navigate', 'about:srcdoc', true)).toBe('blocked');
  });

  it('opens external links only from the allow-list, never any https:// URL a page asks for', () => {
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    mocks.appHandlers['web-contents-created']({}, { on: () => undefined, setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn) });
    const openExternal = vi.mocked(electron.shell.openExternal);
    openExternal.mockClear();
    for (const url of ['https://example.com', 'https://evil.example/login', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
    const list = ['https://docs.beverlyknits.example'];
    expect(isAllowedExternalUrl('https://docs.beverlyknits.example/guide#mrp', list)).toBe(true);
    expect(isAllowedExternalUrl('https://docs.beverlyknits.example.evil.net/', list)).toBe(false);
    expect(isAllowedExternalUrl('http://docs.beverlyknits.example/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://user@evil.example/', list)).toBe(false);
    expect(isAllowedExternalUrl('not a url', list)).toBe(false);
  });

  it('trusts the dev server by exact origin, not by a string prefix', () => {
    const previous = process.env.ELECTRON_RENDERER_URL;
    const app = electron.app as { isPackaged: boolean };
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    app.isPackaged = false;
    try {
      expect(isTrustedSender('http://localhost:5173/#/yarn')).toBe(true);
      expect(isTrustedSender('http://localhost:5173')).toBe(true);
      expect(isTrustedSender('http://localhost:51730/')).toBe(false);
      expect(isTrustedSender('http://localhost:5173.evil.example/')).toBe(false);
      expect(isTrustedSender('http://localhost:5173@evil.example/')).toBe(false);
      expect(isTrustedSender('https://localhost:5173/')).toBe(false);
      expect(isTrustedSender('app://renderer/index.html')).toBe(true);
      expect(isTrustedSender('app://renderer.evil/index.html')).toBe(false);
      app.isPackaged = true;
      expect(isTrustedSender('http://localhost:5173/')).toBe(false);
    } finally {
      app.isPackaged = true;
      if (previous === undefined) delete process.env.ELECTRON_RENDERER_URL;
      else process.env.ELECTRON_RENDERER_URL = previous;
    }
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
