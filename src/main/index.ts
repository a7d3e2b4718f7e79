// The Electron shell: window, menu, dialogs, IPC registration, printing. Everything else lives in services.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, Notification, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_EVENT, IPC_INVOKE } from '../shared/ipc';
import { events as eventSchemas, type EventName } from '../shared/contract';
import { safeStaticPath } from './bridge/server';
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, originOf } from './security';
import { electronPrintOptions } from './reports/pdf';
import { dispatch } from './services/contract/dispatch';
import { openPlanner, type Planner } from './services/contract/planner';
import { logFileFor } from './services/logFile';
import { JobHost } from './workers/jobHost';
import { RESIDENT_JOB_KINDS } from './services/jobs/registry';
import { databaseNotice } from './paths';

const APP_SCHEME = 'app';
const APP_ORIGIN = `${APP_SCHEME}://renderer`;
const rendererDir = join(__dirname, '../renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let planner: Planner | undefined;
let mainWindow: BrowserWindow | undefined;

/** Only our own renderer (by exact origin: the app scheme, or the dev server in development) is trusted. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  const origin = frameUrl ? originOf(frameUrl) : undefined;
  if (!origin) return false;
  if (origin === APP_ORIGIN) return true;
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  return !app.isPackaged && !!devUrl && origin === originOf(devUrl);
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const path = safeStaticPath(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (url.host !== 'renderer' || !path) return new Response('forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Beverly Knits Planner',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl) void win.loadURL(devUrl);
  else void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function lockDownNavigation(): void {
  app.on('web-contents-created', (_event, contents) => {
    const stayInApp = (event: { url: string; preventDefault(): void }) => {
      if (!isTrustedSender(event.url)) event.preventDefault();
    };
    contents.on('will-navigate', stayInApp);
    contents.on('will-redirect', stayInApp);
    contents.on('will-frame-navigate', (event) => {
      // The report print frame: an about:srcdoc (or blank) subframe of our own page.
      if (!event.isMainFrame && (event.url === 'about:srcdoc' || event.url === 'about:blank')) return;
      stayInApp(event);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** No camera, microphone, location, clipboard, devices...: only notifications, and only for our own page. */
function lockDownPermissions(): void {
  const allowed = (permission: string, url: string | undefined) => permission === 'notifications' && isTrustedSender(url);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowed(permission, details.requestingUrl ?? requestingOrigin),
  );
}

async function importFromDialog(properties: ('openFile' | 'openDirectory' | 'multiSelections')[]): Promise<void> {
  if (!planner || !mainWindow) return;
  const picked = await dialog.showOpenDialog(mainWindow, {
    title: 'Import ERP exports',
    properties,
    filters: properties.includes('openFile') ? [{ name: 'ERP exports', extensions: ['xlsx', 'csv', 'json'] }] : undefined,
  });
  if (!picked.canceled && picked.filePaths.length) await planner.handlers['import.start']({ paths: picked.filePaths });
}

async function saveAsPdf(): Promise<void> {
  if (!mainWindow) return;
  const target = await dialog.showSaveDialog(mainWindow, {
    title: 'Save as PDF',
    defaultPath: 'beverly-knits-plan.pdf',
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (target.canceled || !target.filePath) return;
  const pdf = await mainWindow.webContents.printToPDF({
    landscape: true,
    printBackground: true,
    pageSize: 'Letter',
    displayHeaderFooter: true,
    footerTemplate:
      '<div style="font-size:8px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    headerTemplate: '<div></div>',
  });
  const { writeFile } = await import('node:fs/promises');
  await writeFile(target.filePath, pdf);
}

/** Reports print through Electron's own Chromium: a hidden window renders the HTML, `printToPDF` writes it. */
async function printHtmlToPdf(html: string, pageSize: 'A4' | 'Letter'): Promise<Buffer> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await win.webContents.printToPDF(electronPrintOptions(pageSize));
  } finally {
    win.destroy();
  }
}

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => void importFromDialog(['openFile', 'multiSelections']) },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => void importFromDialog(['openDirectory']) },
        { type: 'separator' },
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => mainWindow?.webContents.print({ printBackground: true }) },
        { label: 'Save as PDF…', click: () => void saveAsPdf() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'About Beverly Knits Planner',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'Beverly Knits Planner',
              message: `Beverly Knits Planner ${app.getVersion()}`,
              detail: `Database: ${join(app.getPath('userData'), 'planner.db')}`,
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

function registerIpc(p: Planner): void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'IPC from an untrusted frame' } };
    }
    return dispatch(p.handlers, channel, payload);
  });
  for (const name of Object.keys(eventSchemas) as EventName[]) {
    p.on(name, (payload) => {
      for (const win of BrowserWindow.getAllWindows()) win.webContents.send(IPC_EVENT, name, payload);
    });
  }
  p.on('alerts.new', ({ alerts }) => {
    if (!Notification.isSupported() || !alerts.length) return;
    const first = alerts[0];
    const more = alerts.length > 1 ? ` (+${alerts.length - 1} more)` : '';
    new Notification({ title: `${first.title}${more}`, body: first.cause }).show();
  });
}

export async function startApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => mainWindow?.focus());
  lockDownNavigation();
  await app.whenReady();
  lockDownPermissions();
  serveRenderer();
  let dbPath = join(app.getPath('userData'), 'planner.db');
  const start = (path: string) =>
    openPlanner({
      dbPath: path,
      shell: 'electron',
      jobs: new JobHost({ dbPath: path, mode: 'worker', workerScript: join(__dirname, 'worker.js'), residentKinds: RESIDENT_JOB_KINDS }),
      appVersion: app.getVersion(),
      renderPdf: printHtmlToPdf,
    });
  let opened = start(dbPath);
  if (opened.error) {
    logFileFor(dbPath).error(`cannot open the planning store ${dbPath}: ${opened.error}`);
    // Never touch the unreadable file: offer a fresh database beside it, or keep running and show the error.
    const choice = await dialog.showMessageBox({
      type: 'error',
      title: 'Beverly Knits Planner cannot open its database',
      message: opened.error,
      buttons: ['Start a new database', 'Continue without a database'],
      defaultId: 0,
    });
    if (choice.response === 0) {
      dbPath = join(app.getPath('userData'), `planner-${new Date().toISOString().slice(0, 10)}-${Date.now()}.db`);
      await opened.planner.close();
      opened = start(dbPath);
    }
  }
  planner = opened.planner;
  registerIpc(planner);
  Menu.setApplicationMenu(buildMenu());
  const demoLoading = !opened.error && planner.activeSnapshotId() === null;
  for (const line of databaseNotice(dbPath, { demoLoading, dbFlag: false })) console.log(line);
  if (demoLoading) void planner.handlers['demo.load']({ scale: 1 });
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void planner?.close());
}

if (!process.env.VITEST) void startApp();
