/**
 * The desktop shell: one window on the desk server (embedded on loopback by default, or the team's),
 * Chinese menus, native dialogs and notifications through `window.desk`, Electron's security
 * checklist (isolation, sandbox, CSP, no navigation away, permissions denied, trusted IPC senders).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { userInfo } from 'node:os';
import {
  BrowserWindow, Menu, Notification, app, dialog, ipcMain, session, shell, utilityProcess,
  type IpcMainInvokeEvent,
} from 'electron';
import type { DeskBridge, DeskServerInfo, MenuCommand } from '../../src/shared/desk';
import { MENU_CHANNEL } from '../../src/shared/desk';
import { startEmbeddedServer, type EmbeddedServer } from './embeddedServer';
import { serverStoppedNotice } from './serverNotices';
import { rendererDirFor } from './paths';
import { registerDeskHandlers } from './ipc';
import { menuTemplate } from './menu';
import {
  SECURE_WEB_PREFERENCES, contentSecurityPolicy, isAppUrl, isTrustedSender, navigationDecision, permissionDecision,
} from './security';
import { SettingsStore } from './settings';

const here = import.meta.dirname;
let mainWindow: BrowserWindow | null = null;
let embedded: EmbeddedServer | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((err: unknown) => {
    dialog.showErrorBox('文稿台无法启动', err instanceof Error ? err.message : String(err));
    app.quit();
  });
}

async function startServer(settings: SettingsStore): Promise<DeskServerInfo> {
  if (settings.settings.teamServerUrl) return { url: settings.settings.teamServerUrl, mode: 'team' };
  const logFile = join(app.getPath('logs'), 'server.log');
  embedded = await startEmbeddedServer({
    fork: (env) => utilityProcess.fork(join(here, 'server.js'), [], {
      env: { ...process.env, ...env }, serviceName: '文稿台服务', stdio: 'pipe',
    }),
    dataDir: join(app.getPath('userData'), 'data'),
    rendererDir: rendererDirFor(here, app.getAppPath(), existsSync),
    displayName: userInfo().username,
    logFile,
    onCrash: (code) => mainWindow?.webContents.send(MENU_CHANNEL, 'server-restarted', code),
    onGaveUp: (crashes) => void showServerStopped(crashes, logFile),
  });
  return { url: embedded.url, mode: 'embedded' };
}

/** The embedded server crashed again and again and is left down: say so, where its log is, and offer 重新启动. */
async function showServerStopped(crashes: number, logFile: string): Promise<void> {
  const notice = serverStoppedNotice(crashes, logFile);
  const options = { type: 'error' as const, ...notice, defaultId: 0, cancelId: 2, noLink: true };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response === 0) embedded?.restart();
  if (response === 1) {
    shell.showItemInFolder(logFile);
    await showServerStopped(crashes, logFile);
  }
}

function lockDown(appOrigin: string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, appOrigin)) return callback({ responseHeaders: details.responseHeaders });
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy(appOrigin)] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      const decision = navigationDecision(url, appOrigin);
      if (decision === 'allow') return;
      event.preventDefault();
      if (decision === 'open-external') void shell.openExternal(url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (navigationDecision(url, appOrigin) !== 'deny') void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function deskHandlers(settings: SettingsStore, server: DeskServerInfo): DeskBridge {
  return {
    openFile: async (filters) => {
      const result = await dialog.showOpenDialog(mainWindow ?? new BrowserWindow({ show: false }), { properties: ['openFile'], filters });
      const path = result.filePaths[0];
      if (result.canceled || !path) return null;
      return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
    },
    saveFile: async (suggestedName, bytes, filters) => {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, bytes);
      return result.filePath;
    },
    notify: async (title, body) => { new Notification({ title, body }).show(); },
    appVersion: async () => app.getVersion(),
    server: async () => server,
    localLoginSecret: async () => embedded?.secret ?? null,
    getSettings: async () => settings.settings,
    setSettings: async (next) => settings.setSettings(next),
    printPages: () => new Promise<boolean>((resolve) => {
      if (!mainWindow) return resolve(false);
      mainWindow.webContents.print({ printBackground: true, margins: { marginType: 'none' }, pageSize: 'A4' }, (success) => resolve(success));
    }),
    printToPdf: async () => {
      if (!mainWindow) throw new Error('no window to print');
      const pdf = await mainWindow.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, margins: { marginType: 'none' } });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
  } satisfies DeskBridge;
}

async function start(): Promise<void> {
  const settings = new SettingsStore(join(app.getPath('userData'), 'settings.json'));
  const server = await startServer(settings);
  const appOrigin = new URL(server.url).origin;
  lockDown(appOrigin);
  registerDeskHandlers(ipcMain, deskHandlers(settings, server),
    (event: IpcMainInvokeEvent) => isTrustedSender(event.senderFrame?.url, appOrigin));

  const bounds = settings.windowBounds;
  mainWindow = new BrowserWindow({
    x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height,
    minWidth: 900, minHeight: 600, show: false, title: '文稿台', backgroundColor: '#f3f4f6',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(here, '../preload/index.cjs') },
  });
  if (bounds.maximized) mainWindow.maximize();
  const remember = (): void => {
    if (!mainWindow || mainWindow.isMinimized()) return;
    settings.setWindowBounds({ ...mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() });
  };
  mainWindow.on('close', remember);
  mainWindow.once('ready-to-show', () => mainWindow?.show());

  const send = (command: MenuCommand): void => mainWindow?.webContents.send(MENU_CHANNEL, command);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
    command: send,
    about: () => void dialog.showMessageBox({ type: 'info', title: '关于文稿台', message: `文稿台 ${app.getVersion()}`, detail: '党政办公室文稿起草、审核与报送工作台' }),
    // The guide is a page of the app (#/help), opened in this window.
    openUserGuide: () => send('open-help'),
  }, process.platform)));

  await mainWindow.loadURL(server.url);
}

app.on('window-all-closed', () => app.quit());
app.on('before-quit', (event) => {
  if (!embedded) return;
  const stopping = embedded;
  embedded = null;
  event.preventDefault();
  void stopping.stop().finally(() => app.quit());
});
