import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import { createApp, resolveDataDir, type App } from '../api/index';
import { createAppProtocolHandler, APP_SCHEME_PRIVILEGES } from './app-protocol';
import { APP_SCHEME } from './app-url';
import { forwardEvents, registerApiHandlers } from './ipc';
import { acquireSingleInstance, lockVaultOnSystemLock } from './lifecycle';
import { showReminderNotifications } from './reminder-notification';
import { ALWAYS_OFFLINE, hardenEverySession, hardenSession, type NetworkMode } from './session-guards';
import { hardenWebContents } from './web-contents-guards';
import { createMainWindow } from './window';

// Bundled to dist/electron/main.js; the renderer and preload builds sit next to it in dist/.
const RENDERER_ROOT = fileURLToPath(new URL('../renderer/browser/', import.meta.url));
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

// All of these must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
// Chromium's profile lives inside the app's data folder, so DBT_COACH_DATA_DIR moves (and a
// privacy sweep of that folder covers) everything the app writes, and the single-instance
// lock is per data folder.
const DATA_DIR = resolveDataDir();
app.setPath('userData', path.join(DATA_DIR, 'electron'));

let mainWindow: BrowserWindow | null = null;
let services: App | null = null;

// The request filter asks the services for the offline mode on every request; until they exist it is
// offline (fail closed). Refused hosts go to the same connection log as the providers' own attempts.
let network: NetworkMode = ALWAYS_OFFLINE;
const networkMode: NetworkMode = {
  offline: () => network.offline(),
  onRefused: (url) => network.onRefused?.(url),
};

const focusMainWindow = () => {
  if (mainWindow === null || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
};

const openMainWindow = () => {
  const win = createMainWindow({ preloadPath: PRELOAD_PATH });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
};

async function start(): Promise<void> {
  hardenSession(session.defaultSession, undefined, networkMode);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: RENDERER_ROOT }));
  // safeStorage backs "remember on this device" in the desktop app (keytar in the browser shell).
  services = await createApp({
    dataDir: DATA_DIR,
    safeStorage,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const net = services.network;
  network = { offline: () => net.offline(), onRefused: (url) => net.refused(url.href, 'desktop window') };
  registerApiHandlers(services, () => mainWindow);
  forwardEvents(services, () => mainWindow);
  lockVaultOnSystemLock(services);
  showReminderNotifications(services, focusMainWindow);
  openMainWindow();
  app.on('activate', () => {
    if (mainWindow === null) openMainWindow();
  });
}

if (!acquireSingleInstance(focusMainWindow)) {
  app.quit();
} else {
  // Any contents created later (DevTools, a stray popup) gets the same guards as the main window.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  hardenEverySession(app, undefined, networkMode);
  // Closing the window ends the app on every OS, which also closes the vault and databases.
  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || services === null) return;
    event.preventDefault();
    void services.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      process.stderr.write(`DBT Coach could not start: ${error instanceof Error ? error.name : 'unknown error'}\n`);
      app.exit(1);
    });
}
